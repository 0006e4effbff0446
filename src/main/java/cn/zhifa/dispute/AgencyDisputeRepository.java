package cn.zhifa.dispute;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyDisputeRepository extends JpaRepository<AgencyDispute, String> {

	List<AgencyDispute> findByApplicantCodeInOrCounterpartCodeInOrderByRaisedAtDesc(Collection<String> applicants,
			Collection<String> counterparts);

	List<AgencyDispute> findAllByOrderByRaisedAtDesc();
}
