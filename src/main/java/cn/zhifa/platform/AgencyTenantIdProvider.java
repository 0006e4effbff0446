package cn.zhifa.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Each agency is a Camunda tenant (ADR-0004): models are shared (deployed without a tenant), and
 * every process instance belongs to the agency named by its {@code agencyCode} start variable, or
 * to the agency of the case that called it. Tenant checks then keep one agency's instances, tasks
 * and history out of another agency's sight, in REST, Tasklist and Cockpit alike.
 */
class AgencyTenantIdProvider implements TenantIdProvider {

	static final String AGENCY_VARIABLE = "agencyCode";

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
		DelegateExecution caller = ctx.getSuperExecution();
		if (caller != null && caller.getTenantId() != null) {
			return caller.getTenantId();
		}
		Object agency = ctx.getVariables() == null ? null : ctx.getVariables().get(AGENCY_VARIABLE);
		return agency == null ? null : agency.toString();
	}

	@Override
	public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
		return null;
	}

	@Override
	public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
		return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
	}
}
