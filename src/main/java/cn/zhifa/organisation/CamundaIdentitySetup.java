package cn.zhifa.organisation;

import cn.zhifa.platform.CaseVariables;
import cn.zhifa.platform.EngineFilters;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.SupervisorSteps;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's identity in step with the organisation, idempotently (every start-up, every node):
 * one group per {@link StaffRole} with its authorizations, one tenant and one candidate group per
 * role for each agency, and the shared Tasklist filters. Authorization model: ADR-0004.
 */
@Component
public class CamundaIdentitySetup {

	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final FilterService filterService;
	private final TaskService taskService;

	CamundaIdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
			FilterService filterService, TaskService taskService) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.filterService = filterService;
		this.taskService = taskService;
	}

	/** Role groups, their authorizations and the Tasklist filters. */
	public void ensureRolesAndFilters() {
		for (StaffRole role : StaffRole.values()) {
			ensureGroup(role.groupId(), role.label(), "WORKFLOW");
			grant(role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(role.groupId(), Resources.FILTER, "*", Permissions.READ);
			if (role == StaffRole.SUPERVISOR) {
				// supervisors see every agency's staff; everyone else only their own agency's (ensureAgency)
				grant(role.groupId(), Resources.USER, "*", Permissions.READ);
				grant(role.groupId(), Resources.GROUP, "*", Permissions.READ);
			}
			else {
				// earlier versions let every role read every user and group, and every member their role group
				revoke(groupGrant(role.groupId(), Resources.USER, "*"), Permissions.READ);
				revoke(groupGrant(role.groupId(), Resources.GROUP, "*"), Permissions.READ);
				revoke(groupGrant(role.groupId(), Resources.GROUP, role.groupId()), Permissions.READ);
			}
			grant(role.groupId(), Resources.DECISION_DEFINITION, "*", Permissions.READ);
			if (role == StaffRole.AUXILIARY) {
				grant(role.groupId(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
				continue;
			}
			if (role == StaffRole.SUPERVISOR) {
				// supervisors read everything (tenant membership in every agency) and change nothing
				grant(role.groupId(), Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
						Permissions.READ_HISTORY, Permissions.READ_TASK);
				// except the supervision notices they issue and check (ADR-0025; SupervisorReadOnlyFilter allows these routes only)
				grant(role.groupId(), Resources.PROCESS_DEFINITION, SupervisorSteps.SUPERVISION_NOTICE_PROCESS,
						Permissions.READ, Permissions.CREATE_INSTANCE);
				// and the case-file reviews (评查) they draw, score and conclude (ADR-0026), the same way
				grant(role.groupId(), Resources.PROCESS_DEFINITION, SupervisorSteps.CASE_FILE_REVIEW_PROCESS,
						Permissions.READ, Permissions.CREATE_INSTANCE);
				grant(role.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
				// and the tasks offered to them there (CandidateTaskChecker: only tasks whose candidate group is theirs)
				for (String process : List.of(SupervisorSteps.SUPERVISION_NOTICE_PROCESS, SupervisorSteps.CASE_FILE_REVIEW_PROCESS,
						SupervisorSteps.AGENCY_DISPUTE_PROCESS, SupervisorSteps.GUIDING_CASE_PROCESS)) {
					grant(role.groupId(), Resources.PROCESS_DEFINITION, process, Permissions.UPDATE_TASK);
				}
			}
			else {
				grant(role.groupId(), Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE,
						Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
				grant(role.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
			}
			grant(role.groupId(), Resources.PROCESS_INSTANCE, "*", Permissions.READ);
			if (role == StaffRole.HEAD || role == StaffRole.SUPERVISOR) {
				// managers watch SLA timers and warnings in Cockpit: all tasks of their agency (tenant check), read
				// through one grant — supervisors' READ_TASK on every definition (above), heads' through their agency's
				// group (ensureAgency). Camunda joins each task to every grant that allows it, so a second or third
				// grant multiplied the rows of every task count and list of theirs (docs/performance.md).
				grant(role.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
				revoke(groupGrant(role.groupId(), Resources.TASK, "*"), Permissions.READ);
				if (role == StaffRole.HEAD) {
					revoke(groupGrant(role.groupId(), Resources.PROCESS_DEFINITION, "*"), Permissions.READ_TASK);
				}
				grant(role.groupId(), Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
				grant(role.groupId(), Resources.DEPLOYMENT, "*", Permissions.READ);
			}
		}
		// Camunda's starter names its administrators' group "camunda BPM Administrators" (shown in Admin, Welcome)
		ensureGroupName(Groups.CAMUNDA_ADMIN, "系统管理员");
		ensureGroup(Roles.LEGAL_OFFICE, "法制机构(模型维护)", "WORKFLOW");
		grant(Roles.LEGAL_OFFICE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Roles.LEGAL_OFFICE, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
		grant(Roles.LEGAL_OFFICE, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		grant(Roles.LEGAL_OFFICE, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		grant(Roles.LEGAL_OFFICE, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
		ensureGroup(Roles.JUSTICE_BUREAU, "司法局法制科(模型变更审批)", "WORKFLOW");
		grant(Roles.JUSTICE_BUREAU, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(Roles.JUSTICE_BUREAU, Resources.FILTER, "*", Permissions.READ);
		grant(Roles.JUSTICE_BUREAU, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
		// the approvals of model changes offered to the bureau (ADR-0044: no per-task rows)
		grant(Roles.JUSTICE_BUREAU, Resources.PROCESS_DEFINITION, MODEL_CHANGE_PROCESS, Permissions.READ_TASK,
				Permissions.UPDATE_TASK);
		grant(Roles.JUSTICE_BUREAU, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		ensureFilters();
	}

	/** The agency's tenant and its per-role candidate groups ({@code LIAOKUO-reviewer}, …). */
	public void ensureAgency(Agency agency) {
		if (identityService.createTenantQuery().tenantId(agency.getCode()).count() == 0) {
			identityService.saveTenant(identityService.newTenant(agency.getCode()));
			var tenant = identityService.createTenantQuery().tenantId(agency.getCode()).singleResult();
			tenant.setName(agency.getName());
			identityService.saveTenant(tenant);
			identityService.createTenantGroupMembership(agency.getCode(), StaffRole.SUPERVISOR.groupId());
		}
		for (StaffRole role : StaffRole.values()) {
			if (role != StaffRole.SUPERVISOR) {
				ensureGroup(role.groupOf(agency.getCode()), agency.getShortName() + role.label(), "WORKFLOW");
			}
		}
		ensureDirectory(agency.getCode());
		// tasks at the definition level, not one authorization row per task (ADR-0044): the agency's staff groups
		// read its tasks (tenant check) and work only on the tasks offered to them (CandidateTaskChecker)
		for (String group : AgencyDirectoryAuthorizations.staffGroups(agency.getCode())) {
			grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ_TASK, Permissions.UPDATE_TASK);
		}
	}

	/**
	 * The agency's staff directory (issue 13 §4): its staff groups read each other (Tasklist's candidate
	 * groups) and every member of the agency (names of assignees, colleagues to choose), nobody outside.
	 * New members get their grants when they join ({@link AgencyDirectoryAuthorizations}); this brings
	 * existing data in line, and revokes the grants of users who left the agency.
	 */
	void ensureDirectory(String agencyCode) {
		List<String> staffGroups = AgencyDirectoryAuthorizations.staffGroups(agencyCode);
		java.util.Set<String> members = new java.util.HashSet<>();
		identityService.createUserQuery().memberOfTenant(agencyCode).list().forEach(u -> members.add(u.getId()));
		for (String group : staffGroups) {
			for (String other : staffGroups) {
				grant(group, Resources.GROUP, other, Permissions.READ);
			}
			java.util.Set<String> granted = new java.util.HashSet<>();
			for (Authorization auth : authorizationService.createAuthorizationQuery().groupIdIn(group)
				.resourceType(Resources.USER).list()) {
				if (auth.getAuthorizationType() != AUTH_TYPE_GRANT || "*".equals(auth.getResourceId())) {
					continue;
				}
				if (members.contains(auth.getResourceId())) {
					granted.add(auth.getResourceId());
				}
				else {
					revoke(auth, Permissions.READ);
				}
			}
			for (String member : members) {
				if (!granted.contains(member)) {
					grant(group, Resources.USER, member, Permissions.READ);
				}
			}
		}
	}

	/**
	 * A user in the organisation: Camunda user named as the organisation names them
	 * ({@link #ensureDisplayName}), role group, agency role group and tenant.
	 */
	public void ensureUser(Officer officer, String initialPassword) {
		String id = officer.getUserId();
		if (identityService.createUserQuery().userId(id).count() == 0) {
			User user = identityService.newUser(id);
			user.setFirstName(officer.getFullName());
			user.setLastName("");
			user.setPassword(initialPassword);
			user.setEmail(id + "@zhifa.example");
			identityService.saveUser(user);
		}
		ensureDisplayName(id, officer.getFullName());
		ensureMembership(id, officer.getRole().groupId());
		if (officer.getAgencyCode() != null) {
			ensureMembership(id, officer.getRole().groupOf(officer.getAgencyCode()));
			if (identityService.createTenantQuery().userMember(id).tenantId(officer.getAgencyCode()).count() == 0) {
				identityService.createTenantUserMembership(officer.getAgencyCode(), id);
			}
		}
	}

	/**
	 * Names a Camunda user as a Chinese reader expects, 姓 then 名 without a space (张伟): the webapps show
	 * "firstName lastName", so the whole name goes into firstName and lastName stays empty (ADR-0011).
	 * Corrects users created otherwise (earlier versions: firstName 伟, lastName 张). No-op for unknown users.
	 */
	public void ensureDisplayName(String userId, String fullName) {
		User user = identityService.createUserQuery().userId(userId).singleResult();
		if (user == null || fullName == null || fullName.isBlank()) {
			return;
		}
		if (!fullName.equals(user.getFirstName()) || !"".equals(user.getLastName())) {
			user.setFirstName(fullName);
			user.setLastName("");
			identityService.saveUser(user);
		}
	}

	/** A person of the justice bureau who is not enforcement staff (no agency, no certificate), e.g. of its legal office. */
	public void ensureBureauStaff(String userId, String fullName, String initialPassword, String groupId) {
		if (identityService.createUserQuery().userId(userId).count() == 0) {
			User user = identityService.newUser(userId);
			user.setFirstName(fullName);
			user.setLastName("");
			user.setPassword(initialPassword);
			user.setEmail(userId + "@zhifa.example");
			identityService.saveUser(user);
		}
		ensureDisplayName(userId, fullName);
		ensureMembership(userId, groupId);
	}

	public void ensureMembership(String userId, String groupId) {
		if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identityService.createMembership(userId, groupId);
		}
	}

	private void ensureGroup(String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
		}
	}

	private void ensureGroupName(String id, String name) {
		Group group = identityService.createGroupQuery().groupId(id).singleResult();
		if (group != null && !name.equals(group.getName())) {
			group.setName(name);
			identityService.saveGroup(group);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
			.resourceType(resource).resourceId(resourceId).singleResult();
		Authorization auth = existing;
		if (auth == null) {
			auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			auth.setGroupId(groupId);
			auth.setResource(resource);
			auth.setResourceId(resourceId);
		}
		boolean changed = existing == null;
		for (Permission p : permissions) {
			if (!auth.isPermissionGranted(p)) {
				auth.addPermission(p);
				changed = true;
			}
		}
		if (changed) {
			authorizationService.saveAuthorization(auth);
		}
	}

	private Authorization groupGrant(String groupId, Resource resource, String resourceId) {
		return authorizationService.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
			.resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
	}

	/** Takes {@code permission} away from a grant; deletes the grant when nothing is left. */
	private void revoke(Authorization auth, Permission permission) {
		if (auth == null || !auth.isPermissionGranted(permission)) {
			return;
		}
		auth.removePermission(permission);
		if (EngineFilters.grantsNothing(auth)) {
			authorizationService.deleteAuthorization(auth.getId());
		}
		else {
			authorizationService.saveAuthorization(auth);
		}
	}

	private static final String MODEL_CHANGE_PROCESS = "model-change";

	/** Days ahead that 即将超期 looks: covers the longest warning period of the models (3 working days before a seizure ends). */
	static final int DUE_SOON_DAYS = 3;
	/** Priority the SLA warning gives a task (SlaService): warned tasks are listed in 即将超期 whatever their due date. */
	static final int WARNED_PRIORITY = 80;

	/**
	 * The Tasklist filters every user sees; tenant and authorization checks still apply. They belong to
	 * the system: a filter of the same name is brought back to this definition at every start.
	 */
	private void ensureFilters() {
		TaskQuery mine = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc();
		TaskQuery agency = taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks().orderByDueDate().asc();
		TaskQuery review = taskService.createTaskQuery().processDefinitionKey("legal-review")
			.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByDueDate().asc();
		// due within the next days, or already warned or overdue (the SLA timers raise the priority)
		TaskQuery dueSoon = taskService.createTaskQuery().or()
			.dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ")}")
			.taskMinPriority(WARNED_PRIORITY)
			.endOr()
			.orderByDueDate().asc();
		ensureFilter("我的待办", "分配给我的任务（承办人的案件任务在此）", -10, mine);
		ensureFilter("本机构待办", "本机构我所在岗位可领取的任务", 0, agency);
		ensureFilter("法制审核", "重大执法决定法制审核任务", 10, review);
		ensureFilter("即将超期", DUE_SOON_DAYS + "日内到期、已提醒或已超期的任务（按到期时间排序）", 20, dueSoon);
		// issue 14 §6: changes of processes, decision tables and forms waiting for my approval
		TaskQuery modelChanges = taskService.createTaskQuery().processDefinitionKey(MODEL_CHANGE_PROCESS)
			.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks().orderByTaskCreateTime().asc();
		ensureFilter("模型变更审批", "法制机构提交的流程、决策表和表单变更，待我审批", 30, modelChanges,
				List.of(Map.of("name", "changeNo", "label", "变更编号"), Map.of("name", "changeName", "label", "变更名称"),
						Map.of("name", "targetLabel", "label", "适用范围")));
	}

	private void ensureFilter(String name, String description, int priority, TaskQuery query) {
		// complaints (R-COORD-4) have no case number yet: their cards show the receipt number; notices their number
		ensureFilter(name, description, priority, query,
				List.of(Map.of("name", CaseVariables.CASE_ID, "label", "案号"), Map.of("name", "partyName", "label", "当事人"),
						Map.of("name", "complaintNo", "label", "投诉举报编号"),
						// supervision notices (R-COORD-8): the notice number and the agency supervised
						Map.of("name", "supervisionNoticeNo", "label", "监督通知书编号"),
						Map.of("name", "supervisedAgencyName", "label", "被监督机关"),
						// case-file reviews (R-REC-7, ADR-0026): the review number and the case file scored
						Map.of("name", "caseFileReviewNo", "label", "评查编号"),
						Map.of("name", "reviewCaseNo", "label", "评查的案号"),
						// disputes between agencies (R-COORD-5): the dispute number and the two agencies
						Map.of("name", "disputeNo", "label", "争议编号"),
						Map.of("name", "applicantAgencyName", "label", "申请机关"),
						Map.of("name", "counterpartAgencyName", "label", "被申请机关"),

						// guiding cases and assistance requests (ADR-0028): their numbers, the requesting agency
						Map.of("name", "guidingCaseNo", "label", "指导案例编号"),
						Map.of("name", "assistanceRequestNo", "label", "协助函编号"),
						Map.of("name", "assistanceRequesterName", "label", "请求协助的机关"),
						// annual statistics (R-DISC-7): the period reported
						Map.of("name", "statisticsPeriod", "label", "统计期间"),
						// enforcement item lists (R-QUAL-4, ADR-0032): the change's number
						Map.of("name", "itemChangeNo", "label", "清单变更编号"),
						// officers' annual certificate review (R-QUAL-2, ADR-0034): the person reviewed
						Map.of("name", "reviewedOfficerName", "label", "年审人员"),
						Map.of("name", "annualReviewYear", "label", "年审年度"),
						// random inspections (R-DISC-1): the inspection number and the target
						Map.of("name", "inspectionNo", "label", "检查编号"),
						Map.of("name", "inspectionTargetName", "label", "检查对象")));
	}

	private void ensureFilter(String name, String description, int priority, TaskQuery query, List<Map<String, String>> variables) {
		Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
				"variables", variables);
		Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			filter = filterService.newTaskFilter(name);
		}
		else if (EngineFilters.hasQuery(filter, query) && properties.equals(filter.getProperties())) {
			return; // unchanged: no write, so nodes starting together do not collide
		}
		filter.setQuery(query);
		filter.setProperties(properties);
		filterService.saveFilter(filter);
	}
}
