package cn.zhifa.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.legalreview.LegalReview;
import cn.zhifa.legalreview.LegalReviewService;
import cn.zhifa.platform.CurrentUser;

/**
 * 应移送未移送 (R-COORD-2, R-COORD-8): cases whose legal review concluded "suspected crime" but that have
 * no criminal transfer approved within 3 days (limit CRIMINAL_TRANSFER_APPROVAL) of the review's
 * conclusion — none started, still waiting for the head, refused by the head, or approved late.
 * A user sees their own agencies; supervisors all.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

	/** Why the case is listed. */
	enum TransferState {
		NOT_STARTED, AWAITING_APPROVAL, REFUSED_BY_HEAD, APPROVED_LATE
	}

	record Untransferred(String caseId, String agencyCode, String legalReviewId, Instant reviewConcludedAt,
			Instant transferDueAt, TransferState state, String transferId, Instant approvedAt) {
	}

	private final LegalReviewService reviews;
	private final TransferRecords records;
	private final Deadlines deadlines;
	private final Clock clock;

	SupervisionController(LegalReviewService reviews, TransferRecords records, Deadlines deadlines, Clock clock) {
		this.clock = clock;
		this.reviews = reviews;
		this.records = records;
		this.deadlines = deadlines;
	}

	@GetMapping("/untransferred")
	List<Untransferred> untransferred() {
		CurrentUser user = CurrentUser.get();
		Instant now = clock.instant();
		List<Untransferred> result = new ArrayList<>();
		for (LegalReview review : reviews.suspectedCrimeReviews(user.agencies())) {
			if (review.getConcludedAt() == null) {
				continue;
			}
			Instant due = deadlines.limit(CriminalTransferService.APPROVAL_LIMIT, Date.from(review.getConcludedAt()))
				.toInstant();
			if (!now.isAfter(due)) {
				continue; // still within the 3 days
			}
			List<Transfer> transfers = records.criminalTransfersOf(review.getCaseId());
			if (transfers.stream().anyMatch(t -> t.getApprovedAt() != null && !t.getApprovedAt().isAfter(due))) {
				continue;
			}
			Optional<Transfer> approvedLate = transfers.stream().filter(t -> t.getApprovedAt() != null).findFirst();
			Optional<Transfer> latest = transfers.isEmpty() ? Optional.empty()
					: Optional.of(transfers.get(transfers.size() - 1));
			TransferState state;
			Transfer shown;
			if (approvedLate.isPresent()) {
				state = TransferState.APPROVED_LATE;
				shown = approvedLate.get();
			}
			else if (latest.isEmpty()) {
				state = TransferState.NOT_STARTED;
				shown = null;
			}
			else {
				shown = latest.get();
				state = "REFUSED_BY_HEAD".equals(shown.getOutcome()) ? TransferState.REFUSED_BY_HEAD
						: TransferState.AWAITING_APPROVAL;
			}
			result.add(new Untransferred(review.getCaseId(), review.getAgencyCode(), review.getId(),
					review.getConcludedAt(), due, state, shown == null ? null : shown.getId(),
					shown == null ? null : shown.getApprovedAt()));
		}
		return result;
	}
}
