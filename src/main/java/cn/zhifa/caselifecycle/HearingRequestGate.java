package cn.zhifa.caselifecycle;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.EventSubscriptionDeclaration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A hearing request is accepted only where the proposed penalty gives the right to one (行政处罚法 art. 63,
 * {@code hearingEligible} from {@code dmn/hearing-eligibility.dmn}) — whatever route the request takes. The
 * officer's form (记录当事人意见) and {@code POST /api/cases/{caseNo}/hearing-request} refuse it themselves; this
 * engine plugin refuses the message {@value #MESSAGE} itself, so a request sent straight to the engine
 * ({@code POST /engine-rest/message}, a subscription's {@code trigger}, a correlation from any code) is refused
 * too: every event of any deployed process catching that message checks the case when it is triggered, and a
 * refusal rolls the correlation back (HTTP 400 naming {@code partyReply} and the article, ADR-0013).
 */
@Component
class HearingRequestGate extends AbstractProcessEnginePlugin {

	static final String MESSAGE = "enforcement.hearingRequested";

	@Override
	public void preInit(ProcessEngineConfigurationImpl config) {
		if (config.getCustomPostBPMNParseListeners() == null) {
			config.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
		}
		config.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				guard(activity);
			}

			@Override
			public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
				guard(activity);
			}
		});
	}

	private static void guard(ActivityImpl activity) {
		if (catchesHearingRequest(activity)) {
			activity.addListener(ExecutionListener.EVENTNAME_START,
					(ExecutionListener) execution -> CaseTaskChecks.refuseHearingOutsideArticle63(execution, "partyReply"));
		}
	}

	static boolean catchesHearingRequest(ActivityImpl activity) {
		ScopeImpl eventScope = (ScopeImpl) activity.getEventScope();
		if (eventScope == null) {
			return false;
		}
		return EventSubscriptionDeclaration.getDeclarationsForScope(eventScope).values().stream()
			.anyMatch(d -> activity.getId().equals(d.getActivityId()) && "message".equals(d.getEventType())
					&& MESSAGE.equals(d.getUnresolvedEventName()));
	}
}
