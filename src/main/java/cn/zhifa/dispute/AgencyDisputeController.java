package cn.zhifa.dispute;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Disputes between agencies for reading ({@code /api/agency-disputes}, HTTP Basic or the webapps' session): the disputes
 * the user's agency is party to (as applicant or as the other agency; supervisors and administrators: all), and one
 * dispute by its number (a dispute of other agencies is 404). Disputes are raised and answered only through the processes
 * {@code agency-dispute} and {@code agency-dispute-reply} (Tasklist, or the engine's REST API held to the forms).
 */
@RestController
@RequestMapping("/api/agency-disputes")
class AgencyDisputeController {

	record Row(String disputeNo, String applicantCode, String counterpartCode, String subject, String relatedCaseNo,
			String status, String outcome, Instant raisedAt, String raisedBy, Instant negotiationDueAt, Instant appliedAt,
			Instant acceptanceDueAt, Instant coordinationDueAt, Instant opinionAt, Instant opinionReplyDueAt,
			Instant reportedAt, Instant rulingDueAt, Instant closedAt, String processInstanceId) {

		static Row of(AgencyDispute d) {
			return new Row(d.getDisputeNo(), d.getApplicantCode(), d.getCounterpartCode(), d.getSubject(), d.getRelatedCaseNo(),
					d.getStatus(), d.getOutcome(), d.getRaisedAt(), d.getRaisedBy(), d.getNegotiationDueAt(), d.getAppliedAt(),
					d.getAcceptanceDueAt(), d.getCoordinationDueAt(), d.getOpinionAt(), d.getOpinionReplyDueAt(),
					d.getReportedAt(), d.getRulingDueAt(), d.getClosedAt(), d.getProcessInstanceId());
		}
	}

	record Detail(Row summary, String matter, String applicantPosition, String counterpartReply, String counterpartPosition,
			String negotiationResult, String acceptanceNotes, String coordinationNotes, String opinion, String applicantAnswer,
			String applicantAnswerNotes, String counterpartAnswer, String counterpartAnswerNotes, String report, String ruling,
			String rulingNo) {

		static Detail of(AgencyDispute d) {
			return new Detail(Row.of(d), d.getMatter(), d.getApplicantPosition(), d.getCounterpartReply(),
					d.getCounterpartPosition(), d.getNegotiationResult(), d.getAcceptanceNotes(), d.getCoordinationNotes(),
					d.getOpinion(), d.getApplicantAnswer(), d.getApplicantAnswerNotes(), d.getCounterpartAnswer(),
					d.getCounterpartAnswerNotes(), d.getReport(), d.getRuling(), d.getRulingNo());
		}
	}

	private final AgencyDisputeService disputes;

	AgencyDisputeController(AgencyDisputeService disputes) {
		this.disputes = disputes;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return disputes.ofAgencies(user.agencies(), user.isAdmin() || user.isSupervisor()).stream().map(Row::of).toList();
	}

	@GetMapping("/{disputeNo}")
	Detail get(@PathVariable String disputeNo) {
		CurrentUser user = CurrentUser.get();
		AgencyDispute d = disputes.find(disputeNo)
			.filter(x -> user.isAdmin() || user.isSupervisor() || user.agencies().contains(x.getApplicantCode())
					|| user.agencies().contains(x.getCounterpartCode()))
			.orElseThrow(() -> Problem.noneNumbered("disputeNo", disputeNo, "行政执法争议"));
		return Detail.of(d);
	}
}
