package cn.zhifa.enforcementcase;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.zhifa.platform.ModelParseExtension;
import cn.zhifa.platform.ParsedActivity;

/**
 * A hearing request is accepted only where the proposed penalty gives the right to one (行政处罚法 art. 63,
 * {@code hearingEligible} from {@code dmn/hearing-eligibility.dmn}) — whatever route the request takes. The
 * officer's form (记录当事人意见) and {@code POST /api/cases/{caseNo}/hearing-request} refuse it themselves; this
 * model parse extension (ADR-0039) refuses the message {@value #MESSAGE} itself, so a request sent straight to the engine
 * ({@code POST /engine-rest/message}, a subscription's {@code trigger}, a correlation from any code) is refused
 * too: every event of any deployed process catching that message checks the case when it is triggered, and a
 * refusal rolls the correlation back (HTTP 400 naming {@code partyReply} and the article, ADR-0013).
 */
@Component
@Order(30) // ADR-0039: the order of the model parse extensions, explicit
class HearingRequestGate implements ModelParseExtension {

	static final String MESSAGE = "enforcement.hearingRequested";

	@Override
	public void activity(ParsedActivity activity) {
		if (("boundaryEvent".equals(activity.type()) || "intermediateCatchEvent".equals(activity.type()))
				&& activity.catchesMessage(MESSAGE)) {
			activity.addListener(ExecutionListener.EVENTNAME_START,
					execution -> CaseTaskChecks.refuseHearingOutsideArticle63(execution, "partyReply"));
		}
	}
}
