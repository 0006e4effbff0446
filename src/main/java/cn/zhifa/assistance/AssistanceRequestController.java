package cn.zhifa.assistance;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.Problem;

/**
 * Requests for enforcement assistance for reading ({@code /api/assistance-requests}): those the user's agency sent or
 * received (supervisors: all), one by its number (an agency that is neither party gets 404). Requests are written
 * only through the processes {@code assistance-request} and {@code assistance-reply}.
 */
@RestController
@RequestMapping("/api/assistance-requests")
class AssistanceRequestController {

	record Row(String requestNo, String agencyCode, String requestedAgency, String caseNo, String kind, String status,
			Instant requestedAt, String requestedBy, Instant replyDueAt, Instant answeredAt, Boolean answeredOnTime,
			Instant outcomeAt, String processInstanceId, String replyProcessInstanceId) {

		static Row of(AssistanceRequest r) {
			return new Row(r.getRequestNo(), r.getAgencyCode(), r.getRequestedAgency(), r.getCaseNo(), r.getKind(),
					r.getStatus(), r.getRequestedAt(), r.getRequestedBy(), r.getReplyDueAt(), r.getAnsweredAt(),
					r.getAnsweredOnTime(), r.getOutcomeAt(), r.getProcessInstanceId(), r.getReplyProcessInstanceId());
		}
	}

	record Detail(Row summary, String matter, String reason, String answeredBy, String refusalReasons, String outcome,
			String outcomeBy) {
	}

	private final AssistanceRequestService requests;

	AssistanceRequestController(AssistanceRequestService requests) {
		this.requests = requests;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return requests.ofAgencies(user.agencies(), user.isAdmin()).stream().map(Row::of).toList();
	}

	@GetMapping("/{requestNo}")
	Detail get(@PathVariable String requestNo) {
		CurrentUser user = CurrentUser.get();
		AssistanceRequest r = requests.find(requestNo).filter(x -> x.concerns(user::mayAccessAgency))
			.orElseThrow(() -> Problem.noneNumbered("requestNo", requestNo, "执法协助函"));
		return new Detail(Row.of(r), r.getMatter(), r.getReason(), r.getAnsweredBy(), r.getRefusalReasons(), r.getOutcome(),
				r.getOutcomeBy());
	}
}
