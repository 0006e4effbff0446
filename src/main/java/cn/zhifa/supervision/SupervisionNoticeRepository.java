package cn.zhifa.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SupervisionNoticeRepository extends JpaRepository<SupervisionNotice, String> {

	List<SupervisionNotice> findByAgencyCodeInOrderByIssuedAtDesc(Collection<String> agencyCodes);

	List<SupervisionNotice> findAllByOrderByIssuedAtDesc();

	long countByAgencyCodeAndStatusIn(String agencyCode, Collection<String> statuses);

	/** Per agency of {@code agencyCodes}: the number of its notices in one of {@code statuses} ({agency, count}). */
	@Query("SELECT n.agencyCode, COUNT(n) FROM SupervisionNotice n WHERE n.agencyCode IN :agencies AND n.status IN :statuses"
			+ " GROUP BY n.agencyCode")
	List<Object[]> countByAgency(@Param("agencies") Collection<String> agencyCodes,
			@Param("statuses") Collection<String> statuses);
}
