package cn.zhifa.caselifecycle;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<EnforcementCase, String> {

	Page<EnforcementCase> findByAgencyCodeIn(Collection<String> agencies, Pageable page);

	Page<EnforcementCase> findByAgencyCodeInAndStage(Collection<String> agencies, String stage, Pageable page);
}

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

	List<Evidence> findByCaseNoOrderByIdAsc(String caseNo);
}

interface CaseOfficerRepository extends JpaRepository<CaseOfficer, Long> {

	List<CaseOfficer> findByCaseNoOrderByIdAsc(String caseNo);

	boolean existsByCaseNoAndUserIdAndAssignment(String caseNo, String userId, String assignment);

	void deleteByCaseNoAndUserIdAndAssignment(String caseNo, String userId, String assignment);
}
