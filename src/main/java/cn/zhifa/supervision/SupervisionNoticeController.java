package cn.zhifa.supervision;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;

/**
 * Supervision notices for reading ({@code /api/supervision-notices}, HTTP Basic or the webapps' session): the notices
 * addressed to the user's own agency (supervisors: every agency), and one notice by its number (another agency's is
 * 404). Notices are issued and answered only through the process {@code supervision-notice} (Tasklist, or the engine's
 * REST API held to the forms), never here.
 */
@RestController
@RequestMapping("/api/supervision-notices")
class SupervisionNoticeController {

	record Row(String noticeNo, String agencyCode, String source, String sourceRef, String status, int rounds,
			Instant issuedAt, String issuedBy, int periodWorkingDays, Instant rectificationDueAt, Instant reportedAt,
			Boolean reportedOnTime, Instant checkedAt, String escalation, String processInstanceId) {

		static Row of(SupervisionNotice n) {
			return new Row(n.getNoticeNo(), n.getAgencyCode(), n.getSource(), n.getSourceRef(), n.getStatus(), n.getRounds(),
					n.getIssuedAt(), n.getIssuedBy(), n.getPeriodWorkingDays(), n.getRectificationDueAt(), n.getReportedAt(),
					n.getReportedOnTime(), n.getCheckedAt(), n.getEscalation(), n.getProcessInstanceId());
		}
	}

	record Detail(Row summary, String problem, String requirement, String report, String reportedBy, String opinion,
			String checkedBy) {
	}

	private final SupervisionNoticeService notices;

	SupervisionNoticeController(SupervisionNoticeService notices) {
		this.notices = notices;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return notices.ofAgencies(user.agencies(), user.isAdmin()).stream().map(Row::of).toList();
	}

	@GetMapping("/{noticeNo}")
	Detail get(@PathVariable String noticeNo) {
		SupervisionNotice n = Registers.readable(notices.find(noticeNo), SupervisionNotice::getAgencyCode, "noticeNo",
				noticeNo, "行政执法监督通知书");
		return new Detail(Row.of(n), n.getProblem(), n.getRequirement(), n.getReport(), n.getReportedBy(), n.getOpinion(),
				n.getCheckedBy());
	}
}
