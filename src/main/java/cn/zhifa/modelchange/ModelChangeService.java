package cn.zhifa.modelchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.calendar.CalendarRegistry;
import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.document.DocumentService;
import cn.zhifa.models.ModelGuard;
import cn.zhifa.models.ModelProblem;
import cn.zhifa.models.ModelVersions;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.Step;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;

/**
 * Model changes as a reviewed process (issue 14 §6, ADR model-change-process). A legal office submits
 * changed files for its agency (the justice bureau: for the county-wide models); the model guard checks
 * the <b>complete resulting set</b> — the set in force for that target laid over with the submitted
 * files — before anything is started; an accepted change gets a readable diff and runs
 * {@code processes/model-change.bpmn}: approval by the agency head (the justice bureau for shared
 * models), a timer to the effective date, then deployment by the system into the target's tenant.
 * Every step is in the full-process record under the change number. A rollback deploys an earlier
 * deployment's resources again as a new complete set, through the guard and the same process.
 */
@Service
class ModelChangeService {

	private static final Logger log = LoggerFactory.getLogger(ModelChangeService.class);
	static final ZoneId CHINA = WorkingDayCalendar.SHANGHAI;
	public static final String PROCESS_KEY = "model-change";
	/** The approval form of {@link #PROCESS_KEY}. */
	static final String APPROVAL_FORM = "model-change-approve";
	/** The process whose version decides which set is in force for a target (what new cases run). */
	static final String MAIN_PROCESS = "enforcement-case";
	/** Longest text the approval form shows of the diff (a process variable of type string). */
	static final int MAX_DIFF_VARIABLE = 3500;
	private static final ObjectMapper JSON = new ObjectMapper();

	public enum Kind { CHANGE, ROLLBACK }

	public enum Status { SUBMITTED, APPROVED, RETURNED, DEPLOYED, FAILED }

	/** What is submitted: target null = the county-wide (shared) models. */
	public record Submission(String name, String reason, String target, LocalDate effectiveDate, Map<String, byte[]> files,
			String source) {
	}

	/** The guard refused the resulting set; problems name the files as submitted. */
	public static final class Refused extends RuntimeException {
		private final transient List<ModelProblem> problems;

		Refused(List<ModelProblem> problems) {
			super(summary(problems));
			this.problems = List.copyOf(problems);
		}

		public List<ModelProblem> problems() {
			return problems;
		}
	}

	public record Change(String changeNo, String kind, String name, String reason, String target, String targetLabel,
			String status, String statusLabel, String submittedBy, Instant submittedAt, String source, LocalDate effectiveDate,
			String baseDeploymentId, String rollbackTo, String rollbackOf, List<String> diff, String decidedBy,
			Instant decidedAt, String opinion, String deploymentId, Instant deployedAt, Object problems, String processInstanceId,
			List<String> files, List<RecordEntry> record) {
	}

	public record Version(String deploymentId, String name, Instant deployedAt, String source, String changeNo,
			boolean current) {
	}

	private final JdbcTemplate jdbc;
	private final RepositoryService repository;
	private final RuntimeService runtime;
	private final IdentityService identity;
	private final RecordService records;
	private final CalendarRegistry calendar;
	private final DocumentService documents;
	private final AgencyRepository agencies;
	private final Clock clock;

	ModelChangeService(JdbcTemplate jdbc, ProcessEngine engine, RecordService records, CalendarRegistry calendar,
			DocumentService documents, AgencyRepository agencies, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.repository = engine.getRepositoryService();
		this.runtime = engine.getRuntimeService();
		this.identity = engine.getIdentityService();
		this.records = records;
		this.calendar = calendar;
		this.documents = documents;
		this.agencies = agencies;
	}

	// ------------------------------------------------------------------ who may do what

	/** May {@code user} change the models of {@code target} (null: shared)? Throws 403 in Chinese if not. */
	void authorizeChange(CurrentUser user, String target) {
		if (user.isAdmin()) {
			if (target != null && !agencies.existsById(target)) {
				throw Problem.invalid("target", "没有代码为“" + target + "”的执法机构");
			}
			return;
		}
		if (!user.inGroup(Roles.LEGAL_OFFICE)) {
			throw Problem.forbidden("只有法制机构（模型维护）和司法局（系统管理员）可以变更模型");
		}
		if (target == null) {
			throw Problem.forbidden("全县共用的流程、决策表和表单只能由司法局（系统管理员）变更；本单位的调整请以本单位为目标提交"
					+ "（在 Camunda Modeler 的“Tenant ID”中填写本单位代码）");
		}
		if (!user.agencies().contains(target)) {
			throw Problem.forbidden("不能变更其他单位（" + target + "）的模型：只能变更本单位的模型");
		}
	}

	/** May {@code user} read model changes at all (legal offices, heads, supervisors, administrators)? */
	static boolean mayRead(CurrentUser user) {
		return user.isAdmin() || user.isSupervisor() || user.inGroup(Roles.LEGAL_OFFICE)
				|| user.inGroup(StaffRole.HEAD.groupId()) || user.inGroup(Roles.JUSTICE_BUREAU);
	}

	/** Which changes {@code user} sees: all (admin, supervisor, justice bureau), else their own agencies'. */
	static boolean sees(CurrentUser user, String target) {
		if (user.isAdmin() || user.isSupervisor() || user.inGroup(Roles.JUSTICE_BUREAU)) {
			return true;
		}
		return target != null && user.agencies().contains(target);
	}

	// ------------------------------------------------------------------ submit

	@Transactional
	public Change submit(CurrentUser user, Submission s) {
		authorizeChange(user, s.target());
		String name = required("name", s.name(), 200, "请填写变更名称");
		String reason = required("reason", s.reason(), 2000, "请填写变更理由");
		LocalDate today = today();
		if (s.effectiveDate() == null) {
			throw Problem.invalid("effectiveDate", "请填写生效日期（yyyy-MM-dd）");
		}
		if (s.effectiveDate().isBefore(today)) {
			throw Problem.invalid("effectiveDate", "生效日期不能早于今天（" + today + "）");
		}
		if (s.files() == null || s.files().isEmpty()) {
			throw Problem.invalid("files", "请上传变更的模型文件（.bpmn、.dmn、.form）");
		}
		String base = effectiveDeployment(s.target());
		Map<String, byte[]> baseFiles = resources(base);
		ModelSets.Overlay overlay = ModelSets.overlay(baseFiles, s.files());
		if (s.target() != null) { // unchanged copies (a whole folder sent) are fine; a changed one is not the agency's
			overlay.result().forEach((file, bytes) -> {
				Set<String> ids = ModelSets.definedIds(file, bytes);
				if ((ids.contains(PROCESS_KEY) || ids.contains(APPROVAL_FORM)) && !java.util.Arrays.equals(bytes, baseFiles.get(file))) {
					throw Problem.invalid("files", "“" + overlay.submittedName(file) + "”：模型变更审批流程及其表单由司法局统一维护，"
							+ "各单位的变更都按全县共用的流程审批，不能作为本单位的模型变更");
				}
			});
		}
		check(overlay);
		List<String> diff = ModelDiff.of(baseFiles, overlay.result());
		if (diff.isEmpty()) {
			throw Problem.invalid("files", "提交的文件与现行版本完全相同，没有需要审批的变化");
		}
		String changeNo = insert(Kind.CHANGE, name, reason, s.target(), user.id(), s.source(), s.effectiveDate(), base, null,
				null, diff, s.files());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", name);
		data.put("reason", reason);
		data.put("target", targetLabel(s.target()));
		data.put("effectiveDate", s.effectiveDate().toString());
		data.put("files", List.copyOf(new TreeMap<>(s.files()).keySet()));
		data.put("baseDeploymentId", base);
		data.put("source", s.source());
		data.put("diff", diff);
		records.append(changeNo, "MODEL_CHANGE_SUBMITTED", user.id(), s.target(), null, null, data);
		start(changeNo, Kind.CHANGE, name, reason, s.target(), user, s.effectiveDate(), diff);
		log.info("Model change {} submitted by {} for {}: {} file(s)", changeNo, user.id(), targetLabel(s.target()),
				s.files().size());
		return get(changeNo);
	}

	/** Rolls back {@code changeNo}: the set in force before it, deployed again as a new complete set. */
	@Transactional
	public Change rollbackChange(CurrentUser user, String changeNo) {
		Change change = visible(user, changeNo);
		if (!Status.DEPLOYED.name().equals(change.status())) {
			throw Problem.conflict("changeNo", "变更 " + changeNo + " 尚未生效（" + change.statusLabel() + "），无需回退");
		}
		// the set in force when the change was submitted (for a rollback: the set it replaced)
		String target = "SHARED".equals(change.target()) ? null : change.target();
		return rollback(user, target, change.baseDeploymentId(), changeNo);
	}

	/** Rolls the target of {@code deploymentId} back to it: its resources, deployed again as a new complete set. */
	@Transactional
	public Change rollbackTo(CurrentUser user, String deploymentId) {
		Deployment deployment = deploymentId == null ? null
				: repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
		if (deployment == null) {
			throw Problem.notFound("deploymentId", "没有这次部署：" + deploymentId);
		}
		if (!user.isAdmin() && deployment.getTenantId() != null && !user.agencies().contains(deployment.getTenantId())) {
			throw Problem.notFound("deploymentId", "没有这次部署：" + deploymentId);
		}
		return rollback(user, deployment.getTenantId(), deploymentId, null);
	}

	private Change rollback(CurrentUser user, String target, String restore, String ofChange) {
		authorizeChange(user, target);
		Deployment deployment = repository.createDeploymentQuery().deploymentId(restore).singleResult();
		if (deployment == null) {
			throw Problem.notFound("deploymentId", "要恢复的部署已不存在：" + restore);
		}
		if (target != null && deployment.getTenantId() != null && !target.equals(deployment.getTenantId())
				|| target == null && deployment.getTenantId() != null) {
			throw Problem.invalid("deploymentId", "部署 " + restore + " 不属于" + targetLabel(target) + "，不能用于回退");
		}
		String current = effectiveDeployment(target);
		if (current.equals(restore)) {
			throw Problem.conflict("deploymentId", "部署 " + restore + " 就是" + targetLabel(target) + "现行的版本，无需回退");
		}
		Map<String, byte[]> files = resources(restore);
		if (files.isEmpty()) {
			throw Problem.invalid("deploymentId", "部署 " + restore + " 中没有模型文件");
		}
		List<ModelProblem> problems = ModelGuard.check(files, known());
		if (!problems.isEmpty()) {
			throw new Refused(problems); // e.g. a statutory limit removed since: that version can no longer run
		}
		List<String> diff = ModelDiff.of(resources(current), files);
		String name = "回退到部署 " + restore + (ofChange == null ? "" : "（撤销变更 " + ofChange + "）");
		String reason = "恢复此前的版本（" + (deployment.getName() == null ? restore : deployment.getName()) + "，部署于 "
				+ deployment.getDeploymentTime().toInstant().atZone(CHINA).toLocalDateTime().withNano(0) + "）";
		LocalDate today = today();
		String changeNo = insert(Kind.ROLLBACK, name, reason, target, user.id(), "API", today, current, restore, ofChange, diff,
				files);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("rollbackTo", restore);
		data.put("replaces", current);
		data.put("target", targetLabel(target));
		if (ofChange != null) {
			data.put("rollbackOf", ofChange);
		}
		data.put("diff", diff);
		records.append(changeNo, "MODEL_CHANGE_SUBMITTED", user.id(), target, null, null, data);
		if (ofChange != null) {
			records.append(ofChange, "MODEL_CHANGE_ROLLED_BACK", user.id(), target, null, null,
					Map.of("by", changeNo, "restores", restore));
		}
		start(changeNo, Kind.ROLLBACK, name, reason, target, user, today, diff);
		return get(changeNo);
	}

	private void start(String changeNo, Kind kind, String name, String reason, String target, CurrentUser user,
			LocalDate effectiveDate, List<String> diff) {
		String diffText = ModelDiff.markdown(diff);
		if (diffText.length() > MAX_DIFF_VARIABLE) {
			diffText = diffText.substring(0, MAX_DIFF_VARIABLE) + "\n- ……（共 " + diff.size() + " 项，完整内容见 /api/models/changes/"
					+ changeNo + "）";
		}
		VariableMap variables = Variables.createVariables()
			.putValue("changeNo", changeNo)
			.putValue("changeName", name)
			.putValue("changeReason", reason)
			.putValue("agencyCode", target)
			.putValue("shared", target == null)
			.putValue("rollback", kind == Kind.ROLLBACK)
			.putValue("targetLabel", targetLabel(target))
			.putValue("submittedBy", user.id())
			.putValue("submitterName", displayName(user.id()))
			.putValue("effectiveDate", effectiveDate.toString())
			.putValue("effectiveFrom", Date.from(effectiveDate.atStartOfDay(CHINA).toInstant()))
			.putValue("diffText", diffText);
		ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY).processDefinitionWithoutTenantId()
			.businessKey(changeNo).setVariables(variables).execute();
		jdbc.update("UPDATE zf_model_change SET process_instance_id = ? WHERE change_no = ?", instance.getId(), changeNo);
	}

	private void check(ModelSets.Overlay overlay) {
		List<ModelProblem> problems = ModelGuard.check(overlay.result(), known());
		if (!problems.isEmpty()) {
			throw new Refused(problems.stream().map(p -> new ModelProblem(overlay.submittedName(p.file()), p.line(), p.element(),
					p.message())).toList());
		}
	}

	static String summary(List<ModelProblem> problems) {
		StringBuilder s = new StringBuilder("模型未部署，发现 " + problems.size() + " 个问题：");
		for (int i = 0; i < problems.size(); i++) {
			s.append(i == 0 ? "" : "；").append(problems.get(i));
		}
		return s.length() > 480 ? s.substring(0, 477) + "…" : s.toString();
	}

	ModelGuard.Known known() {
		return new ModelGuard.Known(calendar.current().limits().byKey().keySet(), documents.kindNames());
	}

	// ------------------------------------------------------------------ the process's steps

	/**
	 * The approval task's check on completion: nobody approves their own change ({@code submittedBy}: four eyes), and a
	 * return ({@code decision} RETURN) says why ({@code opinion}).
	 */
	void checkApproval(Step step, String submittedBy, String decision, String opinion) {
		String by = step.bySystem() ? null : step.actor();
		if (by != null && by.equals(submittedBy)) {
			throw new AuthorizationException("提交人不能审批自己提交的模型变更，请由其他有审批权限的人员办理");
		}
		if ("RETURN".equals(decision) && opinion == null) {
			throw FormFields.invalid("approvalOpinion", "退回时须写明退回理由");
		}
	}

	/** The approver decided (recordModelChange after the approval task): APPROVED or RETURNED. */
	@Transactional
	public void decided(String changeNo, boolean approved, String by, String opinion, String processInstanceId) {
		Status status = approved ? Status.APPROVED : Status.RETURNED;
		jdbc.update("UPDATE zf_model_change SET status = ?, decided_by = ?, decided_at = ?, opinion = ? WHERE change_no = ?",
				status.name(), by, Timestamp.from(clock.instant()), opinion, changeNo);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("opinion", opinion == null ? "" : opinion);
		if (approved) {
			data.put("effectiveDate", row(changeNo).get("effective_date").toString());
		}
		records.append(changeNo, approved ? "MODEL_CHANGE_APPROVED" : "MODEL_CHANGE_RETURNED", by, target(changeNo),
				processInstanceId, null, data);
	}

	/**
	 * Deploys the change as the system (deployModelChange, after the effective-date timer, in a job): the set
	 * in force now overlaid with the submitted files (a rollback: its complete set), checked by the guard again
	 * — another change may have taken effect since it was submitted. Refused: nothing deployed, the change FAILED
	 * with the problems (the delegate raises BPMN error {@code MODEL_CHANGE_REFUSED}).
	 */
	/** What deploying a change did: the new deployment, or why the guard refused the set now (nothing deployed). */
	public record Deployed(String deploymentId, String refusal) {
	}

	@Transactional
	public Deployed deploy(String changeNo) {
		Map<String, Object> row = row(changeNo);
		String target = (String) row.get("target_tenant");
		boolean rollback = Kind.ROLLBACK.name().equals(row.get("kind"));
		Map<String, byte[]> submitted = files(changeNo);
		String current = effectiveDeployment(target);
		Map<String, byte[]> set;
		if (rollback) {
			set = submitted;
		}
		else {
			set = ModelSets.overlay(resources(current), submitted).result();
		}
		List<ModelProblem> problems = ModelGuard.check(set, known());
		if (!problems.isEmpty()) {
			jdbc.update("UPDATE zf_model_change SET status = ?, problems = ? WHERE change_no = ?", Status.FAILED.name(),
					json(problems), changeNo);
			// not thrown here: a BPMN error through this transactional method would mark the job's transaction rollback-only
			return new Deployed(null, summary(problems));
		}
		DeploymentBuilder builder = repository.createDeployment()
			.name(changeNo + " " + row.get("name"))
			.source("zhifa:model-change:" + changeNo);
		if (target != null) {
			builder.tenantId(target);
		}
		set.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
		Deployment deployment = builder.deploy();
		jdbc.update("UPDATE zf_model_change SET status = ?, deployment_id = ?, deployed_at = ? WHERE change_no = ?",
				Status.DEPLOYED.name(), deployment.getId(), Timestamp.from(clock.instant()), changeNo);
		log.info("Model change {} deployed for {} as deployment {}", changeNo, targetLabel(target), deployment.getId());
		return new Deployed(deployment.getId(), null);
	}

	/** The change took effect (DEPLOYED / ROLLED_BACK) or could not (FAILED): its record entry. */
	@Transactional
	public void recordOutcome(String changeNo, String kind, String processInstanceId) {
		Map<String, Object> row = row(changeNo);
		Map<String, Object> data = new LinkedHashMap<>();
		if (row.get("deployment_id") != null) {
			data.put("deploymentId", row.get("deployment_id"));
			data.put("definitions", definitions((String) row.get("deployment_id")));
		}
		if (row.get("rollback_to") != null) {
			data.put("restores", row.get("rollback_to"));
		}
		if (row.get("problems") != null) {
			data.put("problems", row.get("problems").toString());
		}
		records.append(changeNo, kind, RecordService.SYSTEM, (String) row.get("target_tenant"), processInstanceId, null, data);
	}

	private List<String> definitions(String deploymentId) {
		List<String> list = new ArrayList<>();
		repository.createProcessDefinitionQuery().deploymentId(deploymentId).list()
			.forEach(d -> list.add(d.getKey() + ":" + d.getVersion()));
		repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list()
			.forEach(d -> list.add(d.getKey() + ":" + d.getVersion()));
		java.util.Collections.sort(list);
		return list;
	}

	// ------------------------------------------------------------------ reading

	public List<Change> list(CurrentUser user) {
		if (!mayRead(user)) {
			throw Problem.forbidden("只有法制机构、主要负责人、司法局和执法监督人员可以查看模型变更");
		}
		List<Change> list = new ArrayList<>();
		for (String changeNo : jdbc.queryForList("SELECT change_no FROM zf_model_change ORDER BY submitted_at DESC, change_no DESC",
				String.class)) {
			Map<String, Object> row = row(changeNo);
			if (sees(user, (String) row.get("target_tenant"))) {
				list.add(view(row, false));
			}
		}
		return list;
	}

	public Change visible(CurrentUser user, String changeNo) {
		if (!mayRead(user)) {
			throw Problem.forbidden("只有法制机构、主要负责人、司法局和执法监督人员可以查看模型变更");
		}
		Map<String, Object> row;
		try {
			row = row(changeNo);
		}
		catch (EmptyResultDataAccessException e) {
			row = null;
		}
		if (row == null || !sees(user, (String) row.get("target_tenant"))) {
			throw Problem.notFound("changeNo", "没有模型变更 " + changeNo);
		}
		return view(row, true);
	}

	Change get(String changeNo) {
		return view(row(changeNo), true);
	}

	/** The deployments of {@code target} (null: shared) that may be restored, newest first. */
	public List<Version> versions(CurrentUser user, String target) {
		if (!mayRead(user)) {
			throw Problem.forbidden("只有法制机构、主要负责人、司法局和执法监督人员可以查看模型版本");
		}
		if (target != null && !sees(user, target)) {
			throw Problem.notFound("target", "没有执法机构 " + target);
		}
		String current = effectiveDeployment(target);
		var query = repository.createDeploymentQuery();
		if (target == null) {
			query.withoutTenantId();
		}
		else {
			query.tenantIdIn(target);
		}
		List<Version> versions = new ArrayList<>();
		for (Deployment d : query.orderByDeploymentTime().desc().list()) {
			if (repository.createProcessDefinitionQuery().deploymentId(d.getId()).processDefinitionKey(MAIN_PROCESS).count() == 0) {
				continue; // not a complete set (a test or a single process)
			}
			String source = d.getSource();
			String changeNo = source != null && source.startsWith("zhifa:model-change:") ? source.substring("zhifa:model-change:".length())
					: null;
			versions.add(new Version(d.getId(), d.getName(), d.getDeploymentTime().toInstant(), source, changeNo,
					d.getId().equals(current)));
		}
		// newest first; deployments of the same moment by their change number
		versions.sort(java.util.Comparator.comparing(Version::deployedAt)
			.thenComparing(v -> v.changeNo() == null ? "" : v.changeNo()).reversed());
		return versions;
	}

	private Change view(Map<String, Object> row, boolean full) {
		String changeNo = (String) row.get("change_no");
		String target = (String) row.get("target_tenant");
		String status = (String) row.get("status");
		Object problems = null;
		if (row.get("problems") != null) {
			try {
				problems = JSON.readTree(row.get("problems").toString());
			}
			catch (JsonProcessingException e) {
				problems = row.get("problems").toString();
			}
		}
		List<String> diff = List.of(row.get("diff_text").toString().split("\n"));
		return new Change(changeNo, (String) row.get("kind"), (String) row.get("name"), (String) row.get("reason"),
				target == null ? "SHARED" : target, targetLabel(target), status, statusLabel(status),
				(String) row.get("submitted_by"), instant(row.get("submitted_at")), (String) row.get("source"),
				((java.sql.Date) row.get("effective_date")).toLocalDate(), (String) row.get("base_deployment_id"),
				(String) row.get("rollback_to"), (String) row.get("rollback_of"), diff, (String) row.get("decided_by"),
				instant(row.get("decided_at")), (String) row.get("opinion"), (String) row.get("deployment_id"),
				instant(row.get("deployed_at")), problems, (String) row.get("process_instance_id"),
				full ? jdbc.queryForList("SELECT name FROM zf_model_change_file WHERE change_no = ? ORDER BY name", String.class,
						changeNo) : null,
				full ? records.list(changeNo) : null);
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "SUBMITTED" -> "待审批";
			case "APPROVED" -> "已批准，待生效";
			case "RETURNED" -> "已退回";
			case "DEPLOYED" -> "已生效";
			case "FAILED" -> "未能生效";
			default -> status;
		};
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp t) {
			return t.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime o) {
			return o.toInstant();
		}
		return value == null ? null : Instant.parse(value.toString());
	}

	// ------------------------------------------------------------------ sets

	/** The deployment whose set is in force for {@code target}: what its new cases run (its own, else the shared). */
	public String effectiveDeployment(String target) {
		return ModelVersions.latestProcess(repository, MAIN_PROCESS, target).getDeploymentId();
	}

	/** The model files of a deployment, by resource name. */
	public Map<String, byte[]> resources(String deploymentId) {
		Map<String, byte[]> files = new TreeMap<>();
		for (String name : repository.getDeploymentResourceNames(deploymentId)) {
			if (!ModelSets.isModel(name)) {
				continue;
			}
			try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
				files.put(name, in.readAllBytes());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return files;
	}

	// ------------------------------------------------------------------ storage

	private String insert(Kind kind, String name, String reason, String target, String by, String source, LocalDate effective,
			String base, String rollbackTo, String rollbackOf, List<String> diff, Map<String, byte[]> files) {
		Instant now = clock.instant();
		int year = now.atZone(CHINA).getYear();
		Integer last = jdbc.queryForObject("SELECT MAX(CAST(SUBSTRING(change_no, 9) AS INTEGER)) FROM zf_model_change WHERE change_year = ?",
				Integer.class, year);
		String changeNo = "MC-%d-%04d".formatted(year, last == null ? 1 : last + 1);
		jdbc.update("""
				INSERT INTO zf_model_change (change_no, change_year, kind, name, reason, target_tenant, status, submitted_by,
				    submitted_at, source, effective_date, base_deployment_id, rollback_to, rollback_of, diff_text)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changeNo, year, kind.name(), name, reason, target,
				kind == Kind.ROLLBACK ? Status.APPROVED.name() : Status.SUBMITTED.name(), by, Timestamp.from(now),
				source == null ? "API" : source, java.sql.Date.valueOf(effective), base, rollbackTo, rollbackOf,
				String.join("\n", diff));
		files.forEach((file, bytes) -> jdbc.update("INSERT INTO zf_model_change_file (change_no, name, content) VALUES (?, ?, ?)",
				changeNo, file, bytes));
		return changeNo;
	}

	private Map<String, Object> row(String changeNo) {
		return jdbc.queryForMap("SELECT * FROM zf_model_change WHERE change_no = ?", changeNo);
	}

	private String target(String changeNo) {
		return (String) row(changeNo).get("target_tenant");
	}

	private Map<String, byte[]> files(String changeNo) {
		Map<String, byte[]> files = new TreeMap<>();
		jdbc.query("SELECT name, content FROM zf_model_change_file WHERE change_no = ?",
				rs -> {
					files.put(rs.getString("name"), rs.getBytes("content"));
				}, changeNo);
		return files;
	}

	// ------------------------------------------------------------------ helpers

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), CHINA);
	}

	String targetLabel(String target) {
		if (target == null) {
			return "全县共用模型（司法局）";
		}
		return agencies.findById(target).map(a -> a.getName() + "（" + target + "）").orElse(target);
	}

	private String displayName(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		return user == null || user.getFirstName() == null ? userId : user.getFirstName();
	}

	private static String required(String field, String value, int max, String message) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid(field, message);
		}
		String v = value.strip();
		if (v.length() > max) {
			throw Problem.invalid(field, "不能超过 " + max + " 个字");
		}
		return v;
	}

	private static String json(List<ModelProblem> problems) {
		try {
			return JSON.writeValueAsString(problems);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** How a request names the county-wide models as a target. */
	static final Set<String> TARGET_SHARED = Set.of("SHARED", "");
}
