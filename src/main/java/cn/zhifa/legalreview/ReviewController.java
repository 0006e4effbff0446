package cn.zhifa.legalreview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Review dashboard API: reviews with their due dates and SLA state, and reviewer staffing against
 * the 5 % rule (R-REV-8). A user sees only their own agencies (supervisors: all).
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {


	private final LegalReviewService reviews;
	private final DisagreementRecords disagreements;
	private final Deadlines deadlines;
	private final Clock clock;

	ReviewController(LegalReviewService reviews, DisagreementRecords disagreements, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.reviews = reviews;
		this.disagreements = disagreements;
		this.deadlines = deadlines;
	}

	/** SLA state of a review: DUE_SOON from one working day before the due date (R-REV-3). */
	enum SlaState {
		NO_CLOCK, ON_TIME, DUE_SOON, OVERDUE, DONE
	}

	record ReviewView(String id, String caseId, String agencyCode, String decisionType, String handlerId,
			LegalReview.Status status, String result, String headRuling, int round, Instant dueAt, SlaState sla,
			Instant requestedAt, Instant concludedAt, List<RoundView> rounds,
			List<DisagreementRecords.DisagreementView> disagreements) {
	}

	/** One round, with the public lawyer's or legal adviser's part when one took part (R-REV-8). */
	record RoundView(int round, Instant materialsReceivedAt, Instant dueAt, boolean extended, String extensionReason,
			String reviewerId, String outcome, String opinion, Instant decidedAt, Boolean onTime, Integer workingDaysTaken,
			String opinionDocId, String counselKind, String counselName, String counselOpinion, String counselAdoption,
			String counselNotAdoptedReason) {
	}

	@GetMapping
	List<ReviewView> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue) {
		CurrentUser user = CurrentUser.get();
		Set<String> visible = user.agencies();
		if (agency != null && !user.mayAccessAgency(agency)) {
			throw Problem.forbidden("无权查看该执法主体的数据");
		}
		LegalReview.Status wanted = null;
		if (status != null) {
			try {
				wanted = LegalReview.Status.valueOf(status);
			}
			catch (IllegalArgumentException e) {
				throw Problem.invalid("status", "status 须为 " + List.of(LegalReview.Status.values()) + " 之一");
			}
		}
		List<ReviewView> result = new ArrayList<>();
		for (LegalReview r : reviews.reviewsOf(agency != null ? Set.of(agency) : visible)) {
			if (wanted != null && r.getStatus() != wanted) {
				continue;
			}
			ReviewView view = view(r);
			if (overdue != null && overdue != (view.sla() == SlaState.OVERDUE)) {
				continue;
			}
			result.add(view);
		}
		return result;
	}

	/** R-REV-8: reviewers ≥ 5 % of the agency's officers (rounded up, at least one; {@link LegalReviewService#requiredReviewers}). */
	@GetMapping("/staffing")
	List<LegalReviewService.Staffing> staffing() {
		return reviews.staffing(CurrentUser.get()::mayAccessAgency);
	}

	/**
	 * One review with its rounds and its disagreement records (R-REV-6/7: the handler's reasons, the negotiation,
	 * the principal head's ruling). Another agency's review is 404 — its existence is not revealed.
	 */
	@GetMapping("/{id}")
	ReviewView get(@PathVariable String id) {
		return reviews.reviewOf(id, CurrentUser.get()::mayAccessAgency).map(this::view)
			.orElseThrow(() -> Problem.notFound("id", "法制审核不存在：" + id));
	}

	private ReviewView view(LegalReview r) {
		List<RoundView> rounds = reviews.roundsOf(r.getId()).stream()
			.map(x -> new RoundView(x.getRoundNo(), x.getMaterialsReceivedAt(), x.getDueAt(), x.isExtended(),
					x.getExtensionReason(), x.getReviewerId(), x.getOutcome(), x.getOpinion(), x.getDecidedAt(),
					x.getDecidedOnTime(), x.getWorkingDaysTaken(), x.getOpinionDocId(), x.getCounselKind(), x.getCounselName(),
					x.getCounselOpinion(), x.getCounselAdoption(), x.getCounselNotAdoptedReason()))
			.toList();
		return new ReviewView(r.getId(), r.getCaseId(), r.getAgencyCode(), r.getDecisionType(), r.getHandlerId(),
				r.getStatus(), r.getResult(), r.getHeadRuling(), r.getCurrentRound(), r.getCurrentDueAt(), sla(r),
				r.getRequestedAt(), r.getConcludedAt(), rounds, disagreements.of(r.getId()));
	}

	private SlaState sla(LegalReview r) {
		if (r.getStatus() == LegalReview.Status.CONCLUDED) {
			return SlaState.DONE;
		}
		if (r.getStatus() != LegalReview.Status.IN_REVIEW || r.getCurrentDueAt() == null) {
			return SlaState.NO_CLOCK;
		}
		Date now = Date.from(clock.instant());
		if (now.toInstant().isAfter(r.getCurrentDueAt())) {
			return SlaState.OVERDUE;
		}
		Date warnFrom = deadlines.workdaysBefore(Date.from(r.getCurrentDueAt()), 1);
		return now.before(warnFrom) ? SlaState.ON_TIME : SlaState.DUE_SOON;
	}

}
