package cn.zhifa.supervision;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseFileReviewRepository extends JpaRepository<CaseFileReview, String> {

	List<CaseFileReview> findByAgencyCodeInOrderByStartedAtDesc(Collection<String> agencyCodes);

	List<CaseFileReview> findAllByOrderByStartedAtDesc();

}
