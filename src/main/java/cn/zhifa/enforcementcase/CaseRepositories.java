package cn.zhifa.enforcementcase;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<EnforcementCase, String> {

	Page<EnforcementCase> findByAgencyCodeIn(Collection<String> agencies, Pageable page);

	Page<EnforcementCase> findByAgencyCodeInAndStage(Collection<String> agencies, String stage, Pageable page);

	/**
	 * A case is overdue while it has a process and one of the open tasks of its process instances (business
	 * key = case number) is due before {@code now} — the same tasks {@code GET /api/cases/{caseNo}} lists.
	 */
	String OVERDUE = "(c.process_instance_id IS NOT NULL AND EXISTS (SELECT 1 FROM ACT_RU_TASK t"
			+ " JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_"
			+ " WHERE e.BUSINESS_KEY_ = c.case_no AND t.DUE_DATE_ < :now))";

	String BY_OVERDUE = " FROM zf_case c WHERE c.agency_code IN (:agencies) AND (:anyStage = TRUE OR c.stage = :stage)"
			+ " AND ((:overdue = TRUE AND " + OVERDUE + ") OR (:overdue = FALSE AND NOT " + OVERDUE + "))";

	/**
	 * The agencies' cases (of one stage unless {@code anyStage}) that are, or are not, overdue at {@code now}, newest
	 * first: filtered in the database, so that a page is full and the total counts the filtered cases. The page
	 * request must be unsorted (the order is the query's).
	 */
	@Query(value = "SELECT c.*" + BY_OVERDUE + " ORDER BY c.registered_at DESC, c.case_no",
			countQuery = "SELECT COUNT(*)" + BY_OVERDUE, nativeQuery = true)
	Page<EnforcementCase> findByOverdue(@Param("agencies") Collection<String> agencies,
			@Param("anyStage") boolean anyStage, @Param("stage") String stage, @Param("overdue") boolean overdue,
			@Param("now") Date now, Pageable page);

	Optional<EnforcementCase> findFirstByTransferProcessInstanceId(String transferProcessInstanceId);
}

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

	List<Evidence> findByCaseNoOrderByIdAsc(String caseNo);
}

interface CaseOfficerRepository extends JpaRepository<CaseOfficer, Long> {

	List<CaseOfficer> findByCaseNoOrderByIdAsc(String caseNo);

	boolean existsByCaseNoAndUserIdAndAssignment(String caseNo, String userId, String assignment);

	void deleteByCaseNoAndUserIdAndAssignment(String caseNo, String userId, String assignment);
}
