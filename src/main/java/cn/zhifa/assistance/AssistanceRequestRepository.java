package cn.zhifa.assistance;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssistanceRequestRepository extends JpaRepository<AssistanceRequest, String> {

	List<AssistanceRequest> findByAgencyCodeInOrRequestedAgencyInOrderByRequestedAtDesc(Collection<String> requesters,
			Collection<String> requested);

	List<AssistanceRequest> findAllByOrderByRequestedAtDesc();
}
