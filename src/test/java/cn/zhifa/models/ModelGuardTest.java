package cn.zhifa.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarFiles;
import cn.zhifa.document.DocumentService;


/** The model guard on the shipped models (all accepted) and on each kind of dangerous or broken model (refused). */
class ModelGuardTest {

	static final ModelGuard.Known KNOWN = new ModelGuard.Known(
			CalendarFiles.load(Path.of("calendar")).limits().byKey().keySet(), DocumentService.kindNames(Path.of("templates")));

	@Test
	void theShippedModelsPass() {
		ModelFiles models = ModelFiles.fromDirectory(Path.of("."));
		assertThat(models.files()).hasSizeGreaterThan(40);
		assertThat(ModelGuard.check(models.files(), KNOWN)).isEmpty();
	}

	static String process(String body) {
		return ModelGovernanceIT.process("attack", body);
	}

	static List<ModelProblem> check(String name, String content) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(name, content.getBytes(StandardCharsets.UTF_8));
		files.put("forms/f.form", "{\"id\":\"f\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
		return ModelGuard.check(files, KNOWN);
	}

	@Test
	void codeInAnyFormIsRefusedWithFileLineAndElement() {
		Map<String, String> attacks = Map.ofEntries(
				Map.entry("timer", """
						    <bpmn:intermediateCatchEvent id="timer_t">
						      <bpmn:timerEventDefinition id="def_t"><bpmn:timeDuration>${identityService.createMembership('reviewer2','camunda-admin')}</bpmn:timeDuration></bpmn:timerEventDefinition>
						    </bpmn:intermediateCatchEvent>"""),
				Map.entry("class", "    <bpmn:serviceTask id=\"serviceTask_x\" camunda:class=\"java.lang.Runtime\" />"),
				Map.entry("script", "    <bpmn:scriptTask id=\"scriptTask_x\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>"),
				Map.entry("listenerClass", """
						    <bpmn:userTask id="userTask_x" camunda:formRef="f" camunda:formRefBinding="deployment" camunda:candidateGroups="g">
						      <bpmn:extensionElements><camunda:taskListener class="x.Y" event="create" /></bpmn:extensionElements>
						    </bpmn:userTask>"""),
				Map.entry("ioScript", """
						    <bpmn:serviceTask id="serviceTask_y" camunda:delegateExpression="${caseStage}">
						      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="a"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
						    </bpmn:serviceTask>"""),
				Map.entry("connector", """
						    <bpmn:serviceTask id="serviceTask_c"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>"""),
				Map.entry("unknownBean", "    <bpmn:serviceTask id=\"serviceTask_z\" camunda:delegateExpression=\"${identityService}\" />"),
				Map.entry("expression", "    <bpmn:serviceTask id=\"serviceTask_e\" camunda:expression=\"${execution.getProcessEngineServices()}\" />"),
				Map.entry("condition", """
						    <bpmn:sequenceFlow id="flow_x" sourceRef="startEvent_s" targetRef="startEvent_s">
						      <bpmn:conditionExpression language="javascript">true</bpmn:conditionExpression>
						    </bpmn:sequenceFlow>"""),
				Map.entry("external", "    <bpmn:serviceTask id=\"serviceTask_ext\" camunda:type=\"external\" camunda:topic=\"t\" />"),
				Map.entry("formKey", "    <bpmn:userTask id=\"userTask_html\" camunda:formKey=\"embedded:app:x.html\" camunda:candidateGroups=\"g\" />"),
				Map.entry("tenant", "    <bpmn:businessRuleTask id=\"rule_t\" camunda:decisionRef=\"major-decision-catalogue\" camunda:decisionRefTenantId=\"LIAOKUO\" />"));
		attacks.forEach((name, body) -> {
			List<ModelProblem> problems = check("processes/attack.bpmn", process(body));
			assertThat(problems).as(name).isNotEmpty();
			assertThat(problems).as(name).allSatisfy(p -> {
				assertThat(p.file()).isEqualTo("processes/attack.bpmn");
				assertThat(p.line()).isGreaterThan(5);
				assertThat(p.element()).isNotBlank();
				assertThat(p.message()).containsPattern("[\\u4e00-\\u9fff]");
			});
		});
	}

	@Test
	void brokenReferencesAreRefused() {
		List<ModelProblem> problems = check("processes/attack.bpmn", process("""
				    <bpmn:userTask id="userTask_a" camunda:formRef="missing-form" camunda:candidateGroups="g" camunda:dueDate="${deadlines.limit('NO_SUCH_LIMIT', filedAt)}" />
				    <bpmn:businessRuleTask id="rule_a" camunda:decisionRef="missing-decision" />
				    <bpmn:callActivity id="call_a" calledElement="missing-process" />
				    <bpmn:userTask id="userTask_b" camunda:formRef="f" camunda:formRefBinding="deployment" />
				    <bpmn:userTask id="userTask_c" camunda:candidateGroups="g" />
				    <bpmn:serviceTask id="serviceTask_doc" camunda:delegateExpression="${generateDocument}">
				      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="documentKind">NO_SUCH_KIND</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
				    </bpmn:serviceTask>
				    <bpmn:serviceTask id="serviceTask_bean" camunda:delegateExpression="${noSuchBean}" />"""));
		assertThat(problems).extracting(ModelProblem::element).contains("userTask_a", "rule_a", "call_a", "userTask_b",
				"userTask_c", "serviceTask_doc", "serviceTask_bean");
		assertThat(problems).extracting(ModelProblem::message).anyMatch(m -> m.contains("missing-form"))
			.anyMatch(m -> m.contains("NO_SUCH_LIMIT")).anyMatch(m -> m.contains("missing-decision"))
			.anyMatch(m -> m.contains("missing-process")).anyMatch(m -> m.contains("NO_SUCH_KIND"))
			.anyMatch(m -> m.contains("noSuchBean"));
	}

	@Test
	void malformedFilesNameTheirLine() {
		List<ModelProblem> problems = check("processes/broken.bpmn", "<?xml version=\"1.0\"?>\n<a>\n<b>\n</a>");
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("processes/broken.bpmn");
			assertThat(p.line()).isEqualTo(4);
		});
		assertThat(check("forms/x.form", "{\"id\": \"x\",\n \"components\": [\n}")).isNotEmpty();
		assertThat(check("processes/doctype.bpmn", "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>"))
			.isNotEmpty();
		assertThat(check("x.groovy", "1")).isNotEmpty();
	}

	static String decision(String language, String entry) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
				  <decision id="attack-decision" name="x">
				    <decisionTable id="table_x">
				      <input id="input_a"><inputExpression id="ie_a" typeRef="number"%s><text>a</text></inputExpression></input>
				      <output id="output_b" name="b" typeRef="boolean" />
				      <rule id="rule_1"><inputEntry id="ie_1"><text>%s</text></inputEntry><outputEntry id="oe_1"><text>true</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(language, entry);
	}

	@Test
	void decisionTablesOnlyInFeelThatParses() {
		assertThat(check("dmn/ok.dmn", decision("", "&gt;= 20000"))).isEmpty();
		assertThat(check("dmn/juel.dmn", decision(" expressionLanguage=\"juel\"", "1"))).extracting(ModelProblem::element)
			.containsExactly("ie_a");
		assertThat(check("dmn/js.dmn", decision(" expressionLanguage=\"javascript\"", "1"))).isNotEmpty();
		assertThat(check("dmn/feel-error.dmn", decision("", "&gt;= (20000"))).singleElement()
			.satisfies(p -> assertThat(p.element()).isEqualTo("ie_1"));
		assertThat(check("dmn/external.dmn", decision("", "function(x) external {java:{class:\"java.lang.System\"}}")))
			.isNotEmpty();
	}

	@Test
	void duplicateFormIdsAreRefused() {
		Map<String, byte[]> files = Map.of("forms/a.form", "{\"id\":\"same\",\"components\":[]}".getBytes(StandardCharsets.UTF_8),
				"forms/b.form", "{\"id\":\"same\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
		assertThat(ModelGuard.check(files, new ModelGuard.Known(Set.of(), Set.of()))).hasSize(1);
	}

	/** The shipped models with one edit to enforcement-case.bpmn, checked as a set. */
	static List<ModelProblem> withEditedCaseModel(java.util.function.UnaryOperator<String> edit) {
		Map<String, byte[]> files = new LinkedHashMap<>(ModelFiles.fromDirectory(Path.of(".")).files());
		String model = new String(files.get("processes/enforcement-case.bpmn"), StandardCharsets.UTF_8);
		String edited = edit.apply(model);
		assertThat(edited).as("the edit applies").isNotEqualTo(model);
		files.put("processes/enforcement-case.bpmn", edited.getBytes(StandardCharsets.UTF_8));
		return ModelGuard.check(files, KNOWN);
	}

	@Test
	void aRenamedDecisionStepWithoutItsMarkerIsRefused() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replace("userTask_decide\"", "userTask_decideRenamed\"")
			.replace(">userTask_decide<", ">userTask_decideRenamed<")
			.replaceFirst("(id=\"userTask_decideRenamed\"[\\s\\S]*?)<camunda:property name=\"statutoryStep\" value=\"DECISION\"/>", "$1"));
		assertThat(problems).anySatisfy(p -> {
			assertThat(p.element()).isEqualTo("userTask_decideRenamed");
			assertThat(p.message()).contains("statutoryStep = DECISION");
		});
	}

	@Test
	void aPathToTheDecisionAroundTheLegalReviewIsRefused() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replace("${!isMajor}", "${!isMajor || fineAmount &lt; 100000}"));
		assertThat(problems).extracting(ModelProblem::message).anyMatch(msg -> msg.contains("不经法制审核"))
			.anyMatch(msg -> msg.contains("集体讨论"));
	}

	@Test
	void aDecisionWithoutDisclosureIsRefused() {
		List<ModelProblem> problems = withEditedCaseModel(
				m -> m.replace("<camunda:property name=\"statutoryStep\" value=\"DISCLOSURE\"/>", ""));
		assertThat(problems).extracting(ModelProblem::message).anyMatch(msg -> msg.contains("不经公示"));
	}

	@Test
	void aMarkerOnTheWrongElementDoesNotCount() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replace(
				"<camunda:property name=\"statutoryStep\" value=\"COLLECTIVE_DISCUSSION\"/>",
				"<camunda:property name=\"statutoryStep\" value=\"LEGAL_REVIEW\"/>"));
		assertThat(problems).extracting(ModelProblem::element).contains("userTask_collectiveDiscussion");
		assertThat(problems).extracting(ModelProblem::message).anyMatch(msg -> msg.contains("法制审核标记只能用于"));
	}

	@Test
	void aWatchedTaskNeedsADueDate() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replaceFirst(
				"(<userTask[^>]*id=\"userTask_approveFiling\"[^>]*?) camunda:dueDate=\"[^\"]*\"", "$1")
			.replaceFirst("camunda:dueDate=\"[^\"]*\"([^>]*id=\"userTask_approveFiling\")", "$1"));
		assertThat(problems).extracting(ModelProblem::element).contains("userTask_approveFiling");
	}

	@Test
	void aTaskWhoseFormHasACheckMustRunIt() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replaceFirst(
				"(id=\"userTask_approveFiling\"[\\s\\S]*?)<camunda:taskListener delegateExpression=\"\\$\\{caseTaskChecks\\}\" event=\"complete\"/>", "$1"));
		assertThat(problems).anySatisfy(p -> {
			assertThat(p.element()).isEqualTo("userTask_approveFiling");
			assertThat(p.message()).contains("caseTaskChecks");
		});
	}

	@Test
	void recordingMarkersNameKindsOfTheRecordingList() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replaceFirst(
				"<camunda:property name=\"avActionKind\" value=\"SEIZURE\"/>", "<camunda:property name=\"avActionKind\" value=\"SEIZURE_TYPO\"/>"));
		assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("SEIZURE_TYPO"));
	}

	@Test
	void everyStepOfAnEnforcementProcessNeedsItsQualificationMarker() {
		List<ModelProblem> problems = withEditedCaseModel(m -> m.replaceFirst(
				"(id=\"userTask_proposePenalty\"[\\s\\S]*?)<camunda:property name=\"enforcementAction\" value=\"PENALTY\"/>", "$1"));
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.element()).isEqualTo("userTask_proposePenalty");
			assertThat(p.message()).contains("enforcementAction");
		});
	}
}
