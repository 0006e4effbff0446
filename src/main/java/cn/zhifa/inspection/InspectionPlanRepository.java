package cn.zhifa.inspection;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionPlanRepository extends JpaRepository<InspectionPlan, String> {

	List<InspectionPlan> findAllByOrderByStartedAtDesc();

	List<InspectionPlan> findByAgencyCodeInOrderByStartedAtDesc(Collection<String> agencyCodes);
}
