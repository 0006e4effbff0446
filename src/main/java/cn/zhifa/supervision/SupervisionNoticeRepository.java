package cn.zhifa.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionNoticeRepository extends JpaRepository<SupervisionNotice, String> {

	List<SupervisionNotice> findByAgencyCodeInOrderByIssuedAtDesc(Collection<String> agencyCodes);

	List<SupervisionNotice> findAllByOrderByIssuedAtDesc();

	long countByAgencyCodeAndStatusIn(String agencyCode, Collection<String> statuses);
}
