package cn.zhifa.legalreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.zhifa.support.ModelPathTestSupport;

/**
 * The paths of {@code processes/review-disagreement.bpmn} (R-REV-7: the reviewed agency disagrees with the legal
 * review opinion; the reviewer and the handler negotiate, and failing agreement — or when the negotiation period
 * passes — the agency head rules), engine only: the services behind the delegates are stand-ins.
 */
class ReviewDisagreementPathsTest extends ModelPathTestSupport {

	static final Instant OPENED = Instant.parse("2026-11-02T01:00:00Z");

	/** The stand-in for the statutory limits: the negotiation ends three days after it starts. */
	public static final class Deadlines {
		public Date limit(String kind, Object start) {
			assertThat(kind).isEqualTo("NEGOTIATION");
			return Date.from(((Date) start).toInstant().plus(3, ChronoUnit.DAYS));
		}
	}

	ProcessInstance instance;

	@BeforeEach
	void deployAndStart() throws Exception {
		deploy("review-disagreement.bpmn");
		delegate("openReviewDisagreement", Map.of("negotiationStartedAt", Date.from(OPENED)));
		delegate("negotiationStalled");
		delegate("closeReviewDisagreement");
		taskChecks("legalReviewTaskChecks");
		bean("deadlines", new Deadlines());
		instance = start("review-disagreement", "寥街罚〔2026〕1号", Map.of("agencyCode", "LIAOKUO", "handlerId", "officer1"));
	}

	@Test
	void anAgreementClosesTheDisagreementWithoutTheHead() {
		assertThat(instance).isWaitingAt("userTask_negotiateOpinion");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-reviewer").hasCandidateUser("officer1")
			.hasDueDate(Date.from(OPENED.plus(3, ChronoUnit.DAYS)));

		complete(task(instance), Map.of("negotiationResult", "AGREED"));

		assertThat(instance).hasPassedInOrder("serviceTask_openDisagreement", "userTask_negotiateOpinion",
				"serviceTask_closeDisagreement", "endEvent_resolved").hasNotPassed("userTask_headRuling").isEnded();
		assertThat(calls()).containsExactly("openReviewDisagreement",
				"legalReviewTaskChecks:complete:userTask_negotiateOpinion", "closeReviewDisagreement");
	}

	@Test
	void noAgreementGoesToTheAgencyHead() {
		complete(task(instance), Map.of("negotiationResult", "NO_AGREEMENT"));

		assertThat(instance).isWaitingAt("userTask_headRuling");
		assertThat(task(instance)).hasCandidateGroup("LIAOKUO-head");
		complete(task(instance));

		assertThat(instance).hasPassed("userTask_headRuling", "serviceTask_closeDisagreement").isEnded();
		assertThat(calls()).containsExactly("openReviewDisagreement",
				"legalReviewTaskChecks:complete:userTask_negotiateOpinion", "legalReviewTaskChecks:complete:userTask_headRuling",
				"closeReviewDisagreement");
	}

	@Test
	void whenTheNegotiationPeriodPassesTheHeadRules() {
		assertThat(job("timerEvent_negotiationStalled", instance)).hasDueDate(Date.from(OPENED.plus(3, ChronoUnit.DAYS)));

		execute(job("timerEvent_negotiationStalled", instance));

		assertThat(instance).hasPassed("serviceTask_negotiationStalled")
			.isWaitingAt("userTask_headRuling");
		complete(task(instance));
		assertThat(instance).isEnded();
		assertThat(calls()).containsExactly("openReviewDisagreement", "negotiationStalled",
				"legalReviewTaskChecks:complete:userTask_headRuling", "closeReviewDisagreement");
	}
}
