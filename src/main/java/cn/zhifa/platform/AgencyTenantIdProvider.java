package cn.zhifa.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each agency is a Camunda tenant (ADR-0004): models are shared (deployed without a tenant), and
 * every process instance belongs to one agency:
 * <ul>
 * <li>a process called by another belongs to the caller's agency;</li>
 * <li>a process a user starts (Tasklist, REST) belongs to <b>the user's own agency, from the
 * login</b>: an {@code agencyCode} naming another agency is refused (403); a user without an agency
 * (a supervisor) cannot start processes, except a supervision notice ({@link SupervisorSteps}), which belongs to
 * the agency its start form names ({@code supervisedAgency});</li>
 * <li>a process started by a model (a delegate of a running instance, e.g. disclosure after service,
 * a case transferred in) or by the system without a login belongs to the agency its
 * {@code agencyCode} names; so does an administrator's start, which is logged.</li>
 * </ul>
 * {@link AgencyVariable} then makes {@code agencyCode} equal to the tenant for the whole instance.
 * A user's (or administrator's) start that names a case number ({@code caseId}, the standalone start
 * forms) must name a case of that agency or a new one: another agency's case is refused (403), so a
 * standalone legal review, disclosure or transfer cannot write into it (ADR-0015).
 */
class AgencyTenantIdProvider implements TenantIdProvider {

	static final String AGENCY_VARIABLE = CaseVariables.AGENCY_CODE;
	private static final Logger log = LoggerFactory.getLogger(AgencyTenantIdProvider.class);

	/** The agency a case number already belongs to, if any ({@link CaseNumberOwners}). */
	private final Function<String, Optional<String>> caseOwner;

	AgencyTenantIdProvider(Function<String, Optional<String>> caseOwner) {
		this.caseOwner = caseOwner;
	}

	@Override
	public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
		String tenant = tenantOf(ctx);
		Authentication login = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
		if (login != null && Context.getBpmnExecutionContext() == null && ctx.getSuperExecution() == null) {
			refuseAnotherAgencysCase(ctx, tenant);
		}
		return tenant;
	}

	private void refuseAnotherAgencysCase(TenantIdProviderProcessInstanceContext ctx, String tenant) {
		Object named = ctx.getVariables() == null ? null : ctx.getVariables().get(CaseVariables.CASE_ID);
		String caseNo = named == null ? null : named.toString().strip();
		if (caseNo == null || caseNo.isEmpty()) {
			return;
		}
		Optional<String> owner = caseOwner.apply(caseNo);
		if (owner.isPresent() && !owner.get().equals(tenant)) {
			log.warn("Refused a start of {} naming case {} of agency {} for agency {}", ctx.getProcessDefinition().getKey(),
					caseNo, owner.get(), tenant);
			throw new AuthorizationException("案号“" + caseNo + "”属于其他执法机构，不能为其发起流程");
		}
	}

	private String tenantOf(TenantIdProviderProcessInstanceContext ctx) {
		DelegateExecution caller = ctx.getSuperExecution();
		if (caller != null && caller.getTenantId() != null) {
			return caller.getTenantId();
		}
		Object named = ctx.getVariables() == null ? null : ctx.getVariables().get(AGENCY_VARIABLE);
		String requested = named == null ? null : named.toString();
		Authentication login = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
		if (login == null || Context.getBpmnExecutionContext() != null) {
			return requested; // the system, or a running model, starts it
		}
		if (login.getGroupIds() != null && login.getGroupIds().contains(Roles.ADMIN)) {
			log.info("Administrator {} starts {} for agency {}", login.getUserId(), ctx.getProcessDefinition().getKey(),
					requested);
			return requested;
		}
		if (login.getGroupIds() != null && login.getGroupIds().contains(Roles.SUPERVISOR)) {
			if (SupervisorSteps.STARTABLE.contains(ctx.getProcessDefinition().getKey())) {
				// a supervision notice belongs to the agency supervised, named in its start form (ADR-0025)
				Object supervised = ctx.getVariables() == null ? null : ctx.getVariables().get(SupervisorSteps.SUPERVISED_AGENCY);
				if (supervised == null || supervised.toString().isBlank()) {
					throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException(
							SupervisorSteps.SUPERVISED_AGENCY, SupervisorSteps.SUPERVISED_AGENCY + ": 被监督的执法机关必须填写");
				}
				return supervised.toString().strip();
			}
			throw new AuthorizationException("执法监督人员只能查阅，不能发起流程");
		}
		List<String> own = login.getTenantIds() == null ? List.of() : login.getTenantIds();
		if (own.isEmpty()) {
			throw new AuthorizationException("您不属于任何执法机构，不能发起流程");
		}
		if (requested == null && own.size() == 1) {
			return own.get(0);
		}
		if (requested == null || !own.contains(requested)) {
			throw new AuthorizationException("只能为本机构发起流程");
		}
		return requested;
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
