package cn.zhifa.platform.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.zhifa.support.ZhifaIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 §1: every form in forms/ is submitted through the engine's form-submission path
 * ({@code submitTaskForm} / {@code submitStartForm}, what Tasklist's {@code submit-form} calls) with
 * the values a browser produces — untyped JSON: numbers typed as text, read-only fields sent back as
 * text, empty optional fields as "", dates as yyyy-MM-dd — and must store what the form declares.
 * Each form is hosted in a one-task test process so the check is about the form, not the case path
 * (the browser suite and the scenario tests walk the real paths).
 */
@ZhifaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormSubmissionIT {

	private static final Pattern START_FORM = Pattern.compile("<startEvent[^>]*camunda:formRef=\"([^\"]+)\"");
	/** A typed value the process had before the submission; display-only fields must leave it alone. */
	private static final Long ORIGINAL = 7L;

	@Autowired
	ProcessEngine engine;

	final List<String> startForms = new ArrayList<>();
	final Map<String, FormSchema> forms = new LinkedHashMap<>();
	final String deployment = "test-forms-" + UUID.randomUUID();

	@BeforeAll
	void deployOneHostProcessPerForm() throws IOException {
		try (Stream<Path> bpmn = Files.list(Path.of("processes"))) {
			for (Path p : bpmn.toList()) {
				Matcher m = START_FORM.matcher(Files.readString(p));
				while (m.find()) {
					startForms.add(m.group(1));
				}
			}
		}
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			for (Path f : files.sorted().toList()) {
				try (InputStream in = Files.newInputStream(f)) {
					FormSchema schema = FormSchema.read(in);
					forms.put(schema.id(), schema);
				}
			}
		}
		var builder = engine.getRepositoryService().createDeployment().name(deployment);
		forms.keySet().forEach(id -> builder.addModelInstance(hostKey(id) + ".bpmn", host(id)));
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			for (Path f : files.sorted().toList()) {
				builder.addInputStream("forms/" + f.getFileName(), Files.newInputStream(f)); // a complete set (ADR-0016)
			}
		}
		// hosts of the decision forms are decision steps without a review path: past the guard, on purpose
		cn.zhifa.models.UnguardedDeployments.deploy(builder::deploy);
	}

	@AfterEach
	void logout() {
		engine.getIdentityService().clearAuthentication();
	}

	private String hostKey(String formId) {
		return "test-form-" + formId;
	}

	private BpmnModelInstance host(String formId) {
		var process = Bpmn.createExecutableProcess(hostKey(formId)).camundaHistoryTimeToLive(1);
		if (startForms.contains(formId)) {
			return process.startEvent("startEvent_form").camundaFormRef(formId).camundaFormRefBinding("deployment")
				.userTask("userTask_wait").camundaFormRef(formId).camundaFormRefBinding("deployment")
				.camundaCandidateGroups("LIAOKUO-officer").endEvent().done();
		}
		return process.startEvent().userTask("userTask_form").camundaFormRef(formId).camundaFormRefBinding("deployment")
			.camundaCandidateGroups("LIAOKUO-officer")
			.userTask("userTask_wait").camundaFormRef(formId).camundaFormRefBinding("deployment")
			.camundaCandidateGroups("LIAOKUO-officer").endEvent().done();
	}

	@TestFactory
	Stream<DynamicTest> everyFormStoresWhatItDeclares() {
		assertThat(forms).hasSizeGreaterThan(30);
		return forms.values().stream().map(form -> DynamicTest.dynamicTest(form.id(), () -> submitAsBrowser(form)));
	}

	private void submitAsBrowser(FormSchema form) {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("agencyCode", "LIAOKUO");
		VariableMap browser = Variables.createVariables();
		int n = 0;
		for (FormSchema.Field f : form.fields().values()) {
			n++;
			if (f.displayOnly()) {
				before.put(f.key(), ORIGINAL);
				browser.putValueTyped(f.key(), Variables.untypedValue("显示值"));
				continue;
			}
			if (f.valuesKey() != null && !f.hasStaticOptions()) {
				before.put(f.valuesKey(), Variables.objectValue(List.of(Map.of("label", "选项一", "value", "opt-1")))
					.serializationDataFormat("application/json").create());
			}
			if (f.type().equals("checklist") || f.type().equals("taglist")) {
				// Tasklist: JSON text typed like the option variable (Json)
				browser.putValueTyped(f.key(), org.camunda.spin.plugin.variable.SpinValues.jsonValue(browserValue(f, n).toString()).create());
				continue;
			}
			browser.putValueTyped(f.key(), Variables.untypedValue(browserValue(f, n)));
		}
		VariableMap stored = submit(form, before, browser);
		for (FormSchema.Field f : form.fields().values()) {
			TypedValue value = stored.getValueTyped(f.key());
			if (f.displayOnly()) {
				assertThat(value.getValue()).as(form.id() + "." + f.key() + " is display-only").isEqualTo(ORIGINAL);
				continue;
			}
			Object v = value == null ? null : value.getValue();
			switch (f.type()) {
				case "number" -> assertThat(v).as(form.id() + "." + f.key()).isEqualTo(sampleNumber(f));
				case "checkbox" -> assertThat(v).as(form.id() + "." + f.key()).isEqualTo(Boolean.TRUE);
				case "datetime" -> assertThat(v).as(form.id() + "." + f.key()).isEqualTo("2026-11-20");
				case "select", "radio" -> assertThat(v).as(form.id() + "." + f.key()).isEqualTo(firstOption(f));
				case "checklist", "taglist" -> assertThat(v.toString()).as(form.id() + "." + f.key()).contains(firstOption(f));
				default -> {
					if (f.required() && !f.conditional()) {
						assertThat(v).as(form.id() + "." + f.key()).isEqualTo("文字 " + f.key());
					}
					else {
						assertThat(v).as(form.id() + "." + f.key() + " left empty").isNull();
					}
				}
			}
		}
	}

	/** What Chromium's Tasklist sends: numbers alternately as JSON numbers and as text, empty optional text. */
	private static Object browserValue(FormSchema.Field f, int n) {
		return switch (f.type()) {
			case "number" -> n % 2 == 0 ? String.valueOf(sampleNumber(f)) : (Object) sampleNumber(f);
			case "checkbox" -> true;
			case "datetime" -> "2026-11-20";
			case "select", "radio" -> firstOption(f);
			case "checklist", "taglist" -> "[\"" + firstOption(f) + "\"]";
			default -> f.required() && !f.conditional() ? "文字 " + f.key() : "";
		};
	}

	/** 12000, or the nearest bound of the field's declared range (e.g. a year: at most 2100). */
	private static long sampleNumber(FormSchema.Field f) {
		long value = 12000L;
		if (f.max() != null && f.max().longValue() < value) {
			value = f.max().longValue();
		}
		if (f.min() != null && f.min().longValue() > value) {
			value = f.min().longValue();
		}
		return value;
	}

	private static String firstOption(FormSchema.Field f) {
		return f.hasStaticOptions() ? f.options().get(0) : "opt-1";
	}

	private VariableMap submit(FormSchema form, Map<String, Object> before, VariableMap browser) {
		if (startForms.contains(form.id())) {
			String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(hostKey(form.id()))
				.latestVersion().singleResult().getId();
			// a start form has no variables before it: display-only values must simply not be stored
			VariableMap submitted = Variables.createVariables();
			submitted.putAll(browser);
			ProcessInstance instance = engine.getFormService().submitStartForm(definition, submitted);
			VariableMap stored = engine.getRuntimeService().getVariablesTyped(instance.getId());
			for (FormSchema.Field f : form.fields().values()) {
				if (f.displayOnly()) {
					assertThat(stored.containsKey(f.key())).as(form.id() + "." + f.key() + " is display-only").isFalse();
					stored.putValue(f.key(), ORIGINAL);
				}
			}
			return stored;
		}
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(hostKey(form.id()), before);
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("userTask_form")
			.singleResult();
		engine.getFormService().submitTaskForm(task.getId(), browser);
		return engine.getRuntimeService().getVariablesTyped(instance.getId());
	}

	/** Parsed forms are kept per deployment (DeployedForms): a new deployment's form is read anew. */
	@Test
	void aRedeployedFormTypesByItsNewVersion() {
		assertThat(submitToRedeployedForm("number")).isEqualTo(12L);
		assertThat(submitToRedeployedForm("textfield")).isEqualTo("12");
		assertThat(submitToRedeployedForm("number")).isEqualTo(12L);
	}

	private Object submitToRedeployedForm(String fieldType) {
		String key = "test-redeployed-form";
		String form = """
				{"id": "%s", "type": "default", "schemaVersion": 16,
				 "components": [{"key": "amount", "label": "数额", "type": "%s"}]}""".formatted(key, fieldType);
		BpmnModelInstance process = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
			.userTask("userTask_form").camundaFormRef(key).camundaFormRefBinding("deployment").endEvent().done();
		var builder = engine.getRepositoryService().createDeployment().name(deployment + "-redeployed")
			.addString(key + ".form", form).addModelInstance(key + ".bpmn", process);
		cn.zhifa.models.UnguardedDeployments.deploy(builder::deploy);
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key);
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
		engine.getFormService().submitTaskForm(task.getId(), Map.of("amount", "12"));
		return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
			.variableName("amount").singleResult().getValue();
	}

	@Test
	void numberTypedAsWordsIsRefusedByLabelAndNothingIsStored() {
		Task task = hostTask("enforcement-case-propose-penalty", Map.of("agencyCode", "LIAOKUO"));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("fineAmount", "一万二", "discretionReason", "x")))
			.isInstanceOf(FormFieldValidationException.class).hasMessage("拟罚款数额（元）：请填写数字");
		assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId())).doesNotContainKey("discretionReason");
	}

	@Test
	void keysTheFormDoesNotHaveAreRefused() {
		Task task = hostTask("legal-review-decision", Map.of("agencyCode", "LIAOKUO", "caseId", "寥街罚〔2026〕1号"));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("reviewAction", "DECIDE", "legalReviewResult", "PASSED")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("表单“审核拟作决定”中没有字段“legalReviewResult”，不能通过表单设置");
		assertThat(engine.getRuntimeService().getVariables(task.getProcessInstanceId()))
			.doesNotContainKeys("legalReviewResult", "reviewAction");
	}

	@Test
	void optionsOutsideTheListTextTooLongAndZeroBytesAreRefused() {
		Task task = hostTask("legal-review-decision", Map.of("agencyCode", "LIAOKUO"));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("reviewAction", "DECIDE", "reviewOutcome", "WHATEVER")))
			.isInstanceOf(FormFieldValidationException.class).hasMessage("审核结论：请从列表中选择");
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("reviewAction", "DECIDE", "reviewOpinion", "意".repeat(4001))))
			.isInstanceOf(FormFieldValidationException.class).hasMessage("书面审核意见：不得超过 4000 个字符");
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("reviewAction", "DECIDE", "reviewOpinion", "a\u0000b")))
			.isInstanceOf(FormFieldValidationException.class).hasMessage("书面审核意见：含有无法识别的字符");
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(),
				Map.of("reviewAction", "DECIDE", "reviewOpinion", "\ud800")))
			.isInstanceOf(FormFieldValidationException.class).hasMessage("书面审核意见：含有无法识别的字符");
		assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
	}

	@Test
	void hugeNumbersAndBadDatesAreRefused() {
		Task task = hostTask("enforcement-case-propose-penalty", Map.of("agencyCode", "LIAOKUO"));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), Map.of("fineAmount", 1e308)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageEndingWith("数值过大");
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task.getId(), Map.of("fineAmount", "-5")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageEndingWith("不得小于 0");
		Task hearing = hostTask("enforcement-case-schedule-hearing", Map.of("agencyCode", "LIAOKUO"));
		assertThatThrownBy(() -> engine.getFormService().submitTaskForm(hearing.getId(), Map.of("hearingDate", "2026-02-30")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageEndingWith("日期格式应为 年-月-日");
	}

	private Task hostTask(String formId, Map<String, Object> variables) {
		ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(hostKey(formId), variables);
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}
}
