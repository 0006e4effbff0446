package cn.zhifa.guidingcase;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface GuidingCaseRepository extends JpaRepository<GuidingCase, String> {

	List<GuidingCase> findByAgencyCodeInOrderByProposedAtDesc(Collection<String> agencyCodes);

	List<GuidingCase> findAllByOrderByProposedAtDesc();

	List<GuidingCase> findByStatusOrderByPublishedAtDesc(String status);

	List<GuidingCase> findByProposalYear(int year);

	List<GuidingCase> findByPublishedYear(int year);
}
