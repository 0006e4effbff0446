package cn.zhifa.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.calendar.Deadlines;
import cn.zhifa.platform.ReproducibleDraw;
import cn.zhifa.sla.DeadlineBoard;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.record.RecordService;
import cn.zhifa.support.EngineTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code random-inspection} ("双随机、一公开", R-DISC-1, ADR-0033), every path: LIAOKUO plans an inspection of
 * two shops — the draw recorded and redone from the plan's row gives the same targets and inspectors, two per target,
 * never a related officer; each target's task goes to its two inspectors only (the first assigned); one finds nothing, one finds a violation
 * that opens an enforcement case (source 随机抽查, linked both ways); the head publishes each result within 20 working
 * days (the due date of the task) and the portal's list has them; then a plan whose only target was inspected last time
 * (rotation not applicable with three officers); who may start and record; bad input refused naming the field.
 */
@ZhifaIntegrationTest
class RandomInspectionProcessTests extends EngineTestSupport {

	static final String PROCESS = "random-inspection";
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	/** Monday 2 March 2026, 09:00 Beijing time. */
	static final String MONDAY = "2026-03-02T09:00:00+08:00";

	@Autowired
	InspectionPlanRepository plans;
	@Autowired
	InspectionRepository inspections;
	@Autowired
	InspectionService service;
	@Autowired
	InspectionRegister register;
	@Autowired
	RecordService record;
	@Autowired
	Deadlines deadlines;
	@Autowired
	DeadlineBoard slaBoard;

	static Map<String, Object> plan(String name, String item, Object count) {
		Map<String, Object> v = new HashMap<>();
		v.put("inspectionPlanName", name);
		v.put("inspectionItemCode", item);
		v.put("inspectionTargetCount", count);
		return v;
	}

	@Test
	void drawnInspectedCaseOpenedAndPublished() {
		clockAt(moment(MONDAY));
		ProcessInstance pi = startProcessAs("officer1", PROCESS, plan("2026年第一季度沿街商铺抽查", "LK-SC-001", 2L));
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("寥街抽查〔2026〕\\d+号");
		assertThat(pi).hasPassed("serviceTask_draw");

		// the draw as recorded; redone from the row it gives the same targets and inspectors
		InspectionPlan row = plans.findById(no).orElseThrow();
		assertThat(row.targetList()).containsExactlyElementsOf(register.targetsFor(register.item("LIAOKUO", "LK-SC-001")
			.orElseThrow()).stream().map(InspectionRegister.Target::code).sorted().toList());
		assertThat(row.officerList()).containsExactly("officer1", "officer2", "officer5"); // officer3's certificate expired
		assertThat(row.getTargetHash()).isEqualTo(ReproducibleDraw.hash(row.targetList()));
		assertThat(row.redraw().drawnText()).isEqualTo(row.getDrawn());
		assertThat(variableOf(pi, "inspectionSeed")).isEqualTo(Long.toString(row.getDrawSeed()));
		assertThat(record.list(no)).extracting(RecordEntry::kind).contains("INSPECTION_DRAWN");
		List<Inspection> drawn = inspections.findByPlanNoOrderByDrawOrder(no);
		assertThat(drawn).hasSize(2).extracting(Inspection::getTargetCode).doesNotHaveDuplicates();
		for (Inspection i : drawn) {
			assertThat(i.inspectors()).hasSize(2).doesNotHaveDuplicates().isSubsetOf("officer1", "officer2", "officer5");
			register.target("LIAOKUO", i.getTargetCode()).orElseThrow().relatedOfficers()
				.forEach(related -> assertThat(i.inspectors()).doesNotContain(related));
		}

		// one task per target, offered to its two inspectors only
		List<Task> tasks = tasks(pi, "userTask_inspect");
		assertThat(tasks).hasSize(2);
		Inspection violating = drawn.get(0);
		Inspection clean = drawn.get(1);
		Task first = taskOf(pi, "userTask_inspect", violating.getInspectionNo());
		assertThat(first.getAssignee()).isEqualTo(violating.inspectors().get(0));
		assertThat(engine.getTaskService().getIdentityLinksForTask(first.getId())).extracting(l -> l.getUserId())
			.contains(violating.inspectors().get(1)).isSubsetOf(violating.inspectors());
		Map<String, Object> shown = engine.getTaskService().getVariables(first.getId());
		assertThat(shown).containsEntry("inspectionTargetName", violating.getTargetName()).containsEntry("inspectionPlanNo", no);
		String outsider = List.of("officer1", "officer2", "officer5").stream().filter(o -> !violating.inspectors().contains(o))
			.findFirst().orElseThrow();
		assertThatThrownBy(() -> complete(outsider, first, Map.of("inspectionResult", "NO_PROBLEM", "inspectionFindings", "无")))
			.isInstanceOf(AuthorizationException.class);
		// another agency's officer: not even the agency's task (the engine's tenant check)
		assertThatThrownBy(() -> complete("officer4", first, Map.of("inspectionResult", "NO_PROBLEM", "inspectionFindings", "无")))
			.isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("tenant");
		String inspector = violating.inspectors().get(0);
		assertThatThrownBy(() -> complete(inspector, first, Map.of("inspectionResult", "MAYBE", "inspectionFindings", "x")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionResult");
		assertThatThrownBy(() -> complete(inspector, first, Map.of("inspectionResult", "VIOLATION")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionFindings");

		// a violation: an enforcement case of LIAOKUO for the target, source RANDOM_INSPECTION, linked both ways
		complete(inspector, first, Map.of("inspectionResult", "VIOLATION", "inspectionFindings",
				"该店在店外人行道摆放货架出店经营，占用人行道约6平方米。"));
		Inspection found = inspections.findById(violating.getInspectionNo()).orElseThrow();
		assertThat(found.getResult()).isEqualTo("VIOLATION");
		assertThat(found.getRecordedBy()).isEqualTo(inspector);
		assertThat(found.getCaseNo()).isNotNull();
		ProcessInstance theCase = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("enforcement-case")
			.processInstanceBusinessKey(found.getCaseNo()).singleResult();
		assertThat(theCase).isNotNull();
		assertThat(theCase.getTenantId()).isEqualTo("LIAOKUO");
		Map<String, Object> caseVars = engine.getRuntimeService().getVariables(theCase.getId());
		assertThat(caseVars).containsEntry("inspectionId", found.getInspectionNo()).containsEntry("caseSource", "RANDOM_INSPECTION")
			.containsEntry("partyName", found.getTargetName()).containsEntry("partyIdNumber", found.getTargetCode())
			.containsEntry("violationCode", "CM-OCCUPY-ROAD");
		// the publication due 20 working days after the conclusion: Monday 30 March 2026
		assertThat(LocalDate.ofInstant(found.getPublicationDueAt(), CHINA)).isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(found.getPublicationDueAt()).isEqualTo(deadlines.limit("INSPECTION_RESULT_PUBLICATION",
				java.util.Date.from(found.getConcludedAt())).toInstant());
		Task publish = taskOf(pi, "userTask_publish", found.getInspectionNo());
		assertThat(publish.getDueDate().toInstant()).isEqualTo(found.getPublicationDueAt());
		assertThat(engine.getTaskService().createTaskQuery().taskId(publish.getId()).taskCandidateGroup("LIAOKUO-head").count())
			.isEqualTo(1);
		assertThat((String) engine.getTaskService().getVariable(publish.getId(), "inspectionPublicText"))
			.contains(found.getCaseNo());
		assertThat(engine.getTaskService().getVariable(publish.getId(), "inspectionCaseNo")).isEqualTo(found.getCaseNo());

		// nothing found on the other target; the two inspections' form fields never mix
		Task second = taskOf(pi, "userTask_inspect", clean.getInspectionNo());
		assertThat(engine.getTaskService().getVariables(second.getId())).doesNotContainKey("inspectionResult");
		complete(clean.inspectors().get(1), second, Map.of("inspectionResult", "NO_PROBLEM", "inspectionFindings", "门前责任区整洁，无出店经营。"));
		assertThat(inspections.findById(clean.getInspectionNo()).orElseThrow().getCaseNo()).isNull();

		// the head publishes (an empty text is refused); the portal lists what was published
		Task cleanPublish = taskOf(pi, "userTask_publish", clean.getInspectionNo());
		assertThatThrownBy(() -> complete("head1", cleanPublish, Map.of("inspectionPublicText", " ")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionPublicText");
		clockAt(moment("2026-03-05T10:00:00+08:00"));
		complete("head1", cleanPublish, Map.of("inspectionPublicText", "经检查，未发现问题。"));
		assertThat(service.published()).extracting(Inspection::getInspectionNo).contains(clean.getInspectionNo())
			.doesNotContain(found.getInspectionNo());
		assertThat(pi).isNotEnded();
		complete("head1", publish, Map.of("inspectionPublicText", "经检查，发现出店经营，已立案查处（案号 " + found.getCaseNo() + "）。"));
		Inspection published = inspections.findById(found.getInspectionNo()).orElseThrow();
		assertThat(published.getStatus()).isEqualTo(Inspection.PUBLISHED);
		assertThat(published.getPublishedOnTime()).isTrue();
		assertThat(service.published()).extracting(Inspection::getInspectionNo).contains(found.getInspectionNo());
		assertThat(pi).isEnded().hasPassed("serviceTask_openCase", "serviceTask_finish");
		assertThat(plans.findById(no).orElseThrow().getStatus()).isEqualTo(InspectionPlan.DONE);
		assertThat(record.list(no)).extracting(RecordEntry::kind).contains("INSPECTION_CONCLUDED", "INSPECTION_PUBLISHED");
	}

	@Test
	void aTargetInspectedLastTimeIsDrawnAgainWithTheOfficersLeft() {
		clockAt(moment("2026-04-07T09:00:00+08:00"));
		ProcessInstance first = startProcessAs("head1", PROCESS, plan("建筑工地抽查（一）", "LK-SC-002", 1L));
		Inspection a = inspections.findByPlanNoOrderByDrawOrder(first.getBusinessKey()).get(0);
		complete(a.inspectors().get(0), taskOf(first, "userTask_inspect", a.getInspectionNo()),
				Map.of("inspectionResult", "RECTIFIED", "inspectionFindings", "工地出口未冲洗车辆，已责令当场改正。"));
		assertThat(first).isWaitingAt("userTask_publish");
		// the next plan: excluding both of last time's inspectors would leave one officer, so rotation is not applied
		ProcessInstance second = startProcessAs("officer2", PROCESS, plan("建筑工地抽查（二）", "LK-SC-002", 1L));
		InspectionPlan row = plans.findById(second.getBusinessKey()).orElseThrow();
		assertThat(InspectionDraw.parseLines(row.getExclusions())).doesNotContainKey(a.getTargetCode());
		assertThat(row.redraw().drawnText()).isEqualTo(row.getDrawn());
		assertThat(service.exclusions("LIAOKUO", register.target("LIAOKUO", a.getTargetCode()).orElseThrow(),
				List.of("officer1", "officer2", "officer5", "officer9"))).containsExactlyInAnyOrderElementsOf(a.inspectors());

		// the publication deadline is on the SLA board: running, then red once 20 working days have passed
		assertThat(board(first, null)).contains("userTask_publish");
		assertThat(board(first, DeadlineBoard.State.RED)).doesNotContain("userTask_publish");
		clockAt(moment("2026-05-12T09:00:00+08:00")); // past the due day (20 working days after 7 April, 劳动节 1–5 May off)
		assertThat(board(first, DeadlineBoard.State.RED)).contains("userTask_publish");
		complete("head1", taskOf(first, "userTask_publish", a.getInspectionNo()), Map.of("inspectionPublicText", "经检查，已责令改正。"));
		assertThat(inspections.findById(a.getInspectionNo()).orElseThrow().getPublishedOnTime()).isFalse();
	}

	private List<String> board(ProcessInstance pi, DeadlineBoard.State state) {
		return slaBoard.deadlines(new DeadlineBoard.Filter(List.of("LIAOKUO"), PROCESS, state, null), 0, 500).rows().stream()
			.filter(r -> r.processInstanceId().equals(pi.getId())).map(DeadlineBoard.Row::stepId).toList();
	}

	@Test
	void onlyTheAgencyPlansAndBadInputIsRefusedNamingTheField() {
		clockAt(moment(MONDAY));
		// the justice bureau reads, it does not plan inspections
		assertThatThrownBy(() -> startProcessAs("supervisor1", PROCESS, plan("监督", "LK-SC-001", 1L)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> startProcessAs("officer1", PROCESS, plan("计划", "QL-SC-001", 1L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionItemCode")
			.hasMessageContaining("LK-SC-001");
		assertThatThrownBy(() -> startProcessAs("officer1", PROCESS, plan("计划", "LK-SC-001", 0L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionTargetCount");
		assertThatThrownBy(() -> startProcessAs("officer1", PROCESS, plan("计划", "LK-SC-001", 99L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionTargetCount");
		assertThatThrownBy(() -> startProcessAs("officer1", PROCESS, plan(" ", "LK-SC-001", 1L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("inspectionPlanName");
		// QLSCJ has one certified officer: no target can have two inspectors
		assertThatThrownBy(() -> startProcessAs("officer4", PROCESS, plan("食品抽查", "QL-SC-001", 1L)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("两名执法人员");
		assertThat(plans.findAll()).noneMatch(p -> p.getPlanName().equals("计划") || p.getPlanName().equals("食品抽查"));
	}

	// --- helpers (parallel tasks: several open tasks of one key at once)

	private List<Task> tasks(ProcessInstance pi, String key) {
		engine.getIdentityService().clearAuthentication();
		return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
	}

	private Task taskOf(ProcessInstance pi, String key, String inspectionNo) {
		return tasks(pi, key).stream()
			.filter(t -> inspectionNo.equals(engine.getTaskService().getVariable(t.getId(), "inspectionNo"))).findFirst()
			.orElseThrow(() -> new AssertionError("no task " + key + " for " + inspectionNo));
	}

	private void complete(String user, Task task, Map<String, Object> variables) {
		as(user);
		try {
			engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}
}
