package cn.zhifa.legalreview;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface LegalReviewRepository extends JpaRepository<LegalReview, String> {

	List<LegalReview> findByAgencyCodeInOrderByRequestedAtDesc(Collection<String> agencyCodes);

	List<LegalReview> findByCaseIdOrderByRequestedAtAsc(String caseId);

	List<LegalReview> findByAgencyCodeInAndResultOrderByConcludedAtAsc(Collection<String> agencyCodes, String result);

	Optional<LegalReview> findFirstByCaseIdAndAgencyCodeAndDecisionTypeAndConcludedAtIsNotNullOrderByConcludedAtDesc(
			String caseId, String agencyCode, String decisionType);
}

interface ReviewRoundRepository extends JpaRepository<ReviewRound, Long> {

	Optional<ReviewRound> findByReviewIdAndRoundNo(String reviewId, int roundNo);

	List<ReviewRound> findByReviewIdOrderByRoundNo(String reviewId);
}

interface ReviewDisagreementRepository extends JpaRepository<ReviewDisagreement, Long> {

	Optional<ReviewDisagreement> findByProcessInstanceId(String processInstanceId);

	List<ReviewDisagreement> findByReviewIdOrderByIdAsc(String reviewId);
}
