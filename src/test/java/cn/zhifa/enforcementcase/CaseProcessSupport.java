package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

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
