package cn.zhifa.platform;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The {@code agencyCode} variable of every process instance is its tenant, set by the system when
 * the instance starts ({@link AgencyTenantIdProvider} chose the tenant from the login): whatever a
 * start form or start variables said is overwritten before any model listener runs.
 */
final class AgencyVariable extends AbstractBpmnParseListener {

	private static final ExecutionListener SET_FROM_TENANT = execution -> {
		if (execution.getTenantId() != null) {
			execution.setVariable(CaseVariables.AGENCY_CODE, execution.getTenantId());
		}
	};

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, SET_FROM_TENANT, 0);
	}
}
