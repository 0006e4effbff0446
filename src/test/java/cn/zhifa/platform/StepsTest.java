package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The delegates' shared mappings: a service task's input parameter, and the variables of an instance opened under its number. */
class StepsTest {

	@Test
	void anInputParameterIsReadAsTextFromTheTasksOwnScope() {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariableLocal("stage")).thenReturn(Stage.FILED);
		when(execution.getVariable("stage")).thenReturn("from the process, not the task");
		assertThat(Steps.input(execution, "stage")).isEqualTo("FILED");
	}

	@Test
	void aMissingInputParameterNamesTheTaskAndTheParameter() {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getCurrentActivityId()).thenReturn("serviceTask_conclude");
		when(execution.getVariable("outcome")).thenReturn("ACCEPTED");
		assertThatThrownBy(() -> Steps.input(execution, "outcome")).isInstanceOf(ProcessEngineException.class)
			.hasMessage("serviceTask_conclude needs the input parameter outcome");
	}

	@Test
	void anInstanceOpenedUnderItsNumberIsKeyedByItAndRunsForItsAgency() {
		DelegateExecution execution = mock(DelegateExecution.class);
		Steps.numbered(execution, "planNo", "抽查〔2026〕3号", "A001", "某某区市场监督管理局");
		InOrder set = inOrder(execution);
		set.verify(execution).setProcessBusinessKey("抽查〔2026〕3号");
		set.verify(execution).setVariable("planNo", "抽查〔2026〕3号");
		set.verify(execution).setVariable("agencyCode", "A001");
		set.verify(execution).setVariable("agencyName", "某某区市场监督管理局");
		set.verifyNoMoreInteractions();
	}

	private enum Stage {
		FILED
	}
}
