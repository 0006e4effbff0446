package cn.zhifa.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionRepository extends JpaRepository<Inspection, String> {

	List<Inspection> findByPlanNoOrderByDrawOrder(String planNo);

	/** The target's inspections that concluded, latest first: who inspected it last time (a conflict). */
	List<Inspection> findByAgencyCodeAndTargetCodeAndConcludedAtNotNullOrderByConcludedAtDesc(String agencyCode,
			String targetCode);

	List<Inspection> findByPublishedAtNotNullOrderByPublishedAtDesc();
}
