package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import cn.zhifa.document.StoredDocument;
import cn.zhifa.support.EngineTestSupport;

/** What the enforcement case's scenario tests do to a case: find it, its open tasks and variables, complete a step. */
abstract class CaseProcessSupport extends EngineTestSupport {

	protected ProcessInstance instance(String caseNo) {
		engine.getIdentityService().clearAuthentication();
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("enforcement-case")
			.processInstanceBusinessKey(caseNo).singleResult();
	}

	/** Completes the open task {@code key} as the current user (claiming it first if nobody has). */
	protected void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
		var auth = engine.getIdentityService().getCurrentAuthentication();
		Task t = task(pi, key);
		assertThat(t).as("open task %s", key).isNotNull();
		if (auth != null) {
			engine.getIdentityService().setAuthentication(auth);
			if (t.getAssignee() == null) {
				engine.getTaskService().claim(t.getId(), auth.getUserId());
			}
		}
		engine.getTaskService().complete(t.getId(), variables);
	}

	/** The open task {@code key}, whoever may see it; the current user stays logged in. */
	protected Task task(ProcessInstance pi, String key) {
		var auth = engine.getIdentityService().getCurrentAuthentication();
		try {
			return openTask(pi, key);
		}
		finally {
			if (auth != null) {
				engine.getIdentityService().setAuthentication(auth);
			}
		}
	}

	/** The head files the case with officer1 as its handler. */
	protected void fileCase(ProcessInstance pi) {
		as("head1");
		complete(pi, "userTask_approveFiling", Map.of("filingDecision", "FILE", "handlerId", "officer1"));
	}

	/** The case filed; officer1 investigates it with officer2, gathering {@code evidence} (a seizure needed or not). */
	protected void fileAndInvestigate(ProcessInstance pi, String evidence, boolean seizureNeeded) {
		fileCase(pi);
		as("officer1");
		complete(pi, "userTask_investigate", Map.of("investigatingOfficers", "officer1,officer2", "evidenceSummary",
				evidence, "seizureNeeded", seizureNeeded));
	}

	/** officer1 concludes the investigation: the violation confirmed, no harm caused, no crime suspected. */
	protected void conclude(ProcessInstance pi, String circumstance, boolean firstOffence, boolean corrected) {
		as("officer1");
		complete(pi, "userTask_concludeInvestigation", Map.of("investigationReport", "违法事实清楚，证据确凿",
				"violationConfirmed", true, "circumstance", circumstance, "firstOffence", firstOffence, "correctedPromptly",
				corrected, "harmCaused", false, "suspectedCrime", false));
	}

	/** The job (a timer) waiting at {@code activityId}, whoever may see it; the current user stays logged in. */
	protected Job timer(ProcessInstance pi, String activityId) {
		var auth = engine.getIdentityService().getCurrentAuthentication();
		engine.getIdentityService().clearAuthentication();
		try {
			return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
				.singleResult();
		}
		finally {
			if (auth != null) {
				engine.getIdentityService().setAuthentication(auth);
			}
		}
	}

	/** The text of a generated Word document. */
	protected static String text(StoredDocument document) {
		try (XWPFWordExtractor extractor = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(document.content())))) {
			return extractor.getText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A variable of the running case; the current user stays logged in. */
	protected Object var(ProcessInstance pi, String name) {
		var auth = engine.getIdentityService().getCurrentAuthentication();
		engine.getIdentityService().clearAuthentication();
		try {
			return engine.getRuntimeService().getVariable(pi.getId(), name);
		}
		finally {
			if (auth != null) {
				engine.getIdentityService().setAuthentication(auth);
			}
		}
	}
}
