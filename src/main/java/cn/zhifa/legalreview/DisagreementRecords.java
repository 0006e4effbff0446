package cn.zhifa.legalreview;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.zhifa.record.CaseFileSection;

/**
 * The stored disagreement records (R-REV-6/7) as they are read: in {@code GET /api/reviews/{id}} and in
 * the case file ({@code legal-review/disagreements.json}). Keys are English, values as stored.
 */
@Component
class DisagreementRecords implements CaseFileSection {

	static final String PATH = "legal-review/disagreements.json";

	/**
	 * One disagreement: the handler's reasons and basis against the reviewer's opinion, the negotiation, the
	 * principal head's ruling (and whether it overrides the review), the outcome.
	 */
	record DisagreementView(Long id, String reviewId, int round, String handlerId, String handlerReasons,
			String handlerBasis, String reviewerId, String reviewOpinion, String negotiationResult,
			String negotiationNotes, String revisedOpinion, String negotiatedBy, String headId, String headRuling, String headReasons,
			Boolean headOverridesReview, String outcome, Instant openedAt, Instant closedAt) {

		static DisagreementView of(ReviewDisagreement d) {
			return new DisagreementView(d.getId(), d.getReviewId(), d.getRoundNo(), d.getHandlerId(), d.getHandlerReasons(),
					d.getHandlerBasis(), d.getReviewerId(), d.getReviewOpinion(), d.getNegotiationResult(),
					d.getNegotiationNotes(), d.getRevisedOpinion(), d.getNegotiatedBy(), d.getHeadId(), d.getHeadRuling(), d.getHeadReasons(),
					d.getHeadOverridesReview(), d.getOutcome(), d.getOpenedAt(), d.getClosedAt());
		}

		/** The same as a JSON-ready map (times as ISO-8601 text), for the case file. */
		Map<String, Object> asMap() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", id);
			m.put("reviewId", reviewId);
			m.put("round", round);
			m.put("handlerId", handlerId);
			m.put("handlerReasons", handlerReasons);
			m.put("handlerBasis", handlerBasis);
			m.put("reviewerId", reviewerId);
			m.put("reviewOpinion", reviewOpinion);
			m.put("negotiationResult", negotiationResult);
			m.put("negotiationNotes", negotiationNotes);
			m.put("revisedOpinion", revisedOpinion);
			m.put("negotiatedBy", negotiatedBy);
			m.put("headId", headId);
			m.put("headRuling", headRuling);
			m.put("headReasons", headReasons);
			m.put("headOverridesReview", headOverridesReview);
			m.put("outcome", outcome);
			m.put("openedAt", openedAt == null ? null : openedAt.toString());
			m.put("closedAt", closedAt == null ? null : closedAt.toString());
			return m;
		}
	}

	private final LegalReviewService reviews;

	DisagreementRecords(LegalReviewService reviews) {
		this.reviews = reviews;
	}

	/** The disagreements of one review, oldest first. */
	List<DisagreementView> of(String reviewId) {
		return reviews.disagreementsOf(reviewId).stream().map(DisagreementView::of).toList();
	}

	@Override
	public String path() {
		return PATH;
	}

	/** The disagreements of every legal review of the case (of its agency), oldest review first. */
	@Override
	@Transactional(readOnly = true)
	public List<Map<String, Object>> entriesOf(String caseNo, String agencyCode) {
		return reviews.reviewsOfCase(caseNo).stream()
			.filter(r -> agencyCode == null || agencyCode.equals(r.getAgencyCode()))
			.flatMap(r -> of(r.getId()).stream())
			.map(DisagreementView::asMap)
			.toList();
	}
}
