package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What users see on the task screens (issue 12 §3/§4), checked over the files the legal office edits:
 * codes come with the Chinese texts of {@code templates/labels.yml} (the one dictionary), display data is
 * a text view (never a read-only field that would be submitted back), start forms do not ask for the
 * agency, people are chosen from the options the task provides, and document links name documents
 * the processes generate.
 */
class FormsAndLabelsTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	/** Options a form may choose from (valuesKey) and the task listener that provides them. */
	private static final Map<String, String> OPTION_LISTENERS = Map.of("certifiedOfficers", "${certifiedOfficers}",
			"otherAgencies", "${agencyOptions}", "hearingChairs", "${hearingChairs}",
			// the checklist of a case-file review (templates/case-file-review.yml), read when each file's task is created
			"reviewDeductionOptions", "${caseFileReviewTaskChecks}");
	private static final Pattern DOCUMENT_LINK = Pattern.compile("/api/documents/\" \\+ (\\w+)");

	@Test
	void everyOptionOfEveryFormIsACodeOfTheLabelsFileWithItsText() throws IOException {
		Map<String, Map<String, String>> labels = labels();
		List<String> problems = new ArrayList<>();
		for (Path form : files("forms", ".form")) {
			for (JsonNode c : components(form)) {
				if (!c.has("values")) {
					continue;
				}
				String key = c.path("key").asText();
				Map<String, String> texts = labels.get(key);
				if (texts == null) {
					problems.add(form + ": options of " + key + " have no texts in templates/labels.yml");
					continue;
				}
				for (JsonNode option : c.get("values")) {
					String code = option.path("value").asText();
					if (!option.path("label").asText().equals(texts.get(code))) {
						problems.add(form + ": " + key + " " + code + " is '" + option.path("label").asText()
								+ "', labels.yml says '" + texts.get(code) + "'");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyCodedColumnOfTheDecisionTablesHasItsTexts() throws IOException {
		Map<String, Map<String, String>> labels = labels();
		List<String> problems = new ArrayList<>();
		int columns = 0;
		for (Path dmn : files("dmn", ".dmn")) {
			for (DecisionTable table : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(DecisionTable.class)) {
				for (Input input : table.getInputs()) {
					if (input.getInputValues() != null) {
						columns++;
						check(dmn, input.getInputExpression().getText().getTextContent().strip(),
								input.getInputValues().getText().getTextContent(), labels, problems);
					}
				}
				for (Output output : table.getOutputs()) {
					if (output.getOutputValues() != null) {
						columns++;
						check(dmn, output.getName(), output.getOutputValues().getText().getTextContent(), labels, problems);
					}
				}
			}
		}
		assertThat(columns).as("coded columns found").isGreaterThanOrEqualTo(8);
		assertThat(problems).isEmpty();
	}

	/** The violation texts are those of the benchmark: each row of one code is described "<text>·…". */
	@Test
	void violationTextsAreTheBenchmarksOwn() throws IOException {
		Map<String, String> violations = labels().get("violationCode");
		DecisionTable table = Dmn.readModelFromFile(Path.of("dmn/discretion-benchmark.dmn").toFile())
			.getModelElementsByType(DecisionTable.class).iterator().next();
		int checked = 0;
		for (Rule rule : table.getRules()) {
			InputEntry violation = rule.getInputEntries().iterator().next();
			String entry = violation.getText().getTextContent().strip();
			if (entry.matches("\"[^\"]+\"")) {
				String code = entry.substring(1, entry.length() - 1);
				assertThat(rule.getDescription().getTextContent()).as("row %s of %s", rule.getId(), code)
					.startsWith(violations.get(code) + "·");
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(10);
		// and the register form offers exactly the benchmark's codes
		JsonNode select = components(Path.of("forms/enforcement-case-register.form")).stream()
			.filter(c -> "violationCode".equals(c.path("key").asText())).findFirst().orElseThrow();
		List<String> offered = new ArrayList<>();
		select.get("values").forEach(v -> offered.add(v.path("value").asText()));
		assertThat(offered).containsExactlyElementsOf(violations.keySet());
	}

	@Test
	void displayDataIsTextNeverAReadOnlyField() throws IOException {
		List<String> readOnly = new ArrayList<>();
		for (Path form : files("forms", ".form")) {
			for (JsonNode c : components(form)) {
				if (c.path("readonly").asBoolean(false)) {
					readOnly.add(form + ": " + c.path("key").asText());
				}
			}
		}
		assertThat(readOnly).isEmpty();
	}

	@Test
	void startFormsDoNotAskForTheAgencyOrTheHandler() throws IOException {
		List<String> asked = new ArrayList<>();
		for (Path bpmn : files("processes", ".bpmn")) {
			for (StartEvent start : Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(StartEvent.class)) {
				if (start.getCamundaFormRef() == null) {
					continue;
				}
				for (JsonNode c : components(Path.of("forms", start.getCamundaFormRef() + ".form"))) {
					if (Set.of("agencyCode", "handlerId").contains(c.path("key").asText())) {
						asked.add(start.getCamundaFormRef() + ": " + c.path("key").asText());
					}
				}
			}
		}
		assertThat(asked).isEmpty();
	}

	/** A form choosing people or agencies belongs to a task that sets the options when it is created. */
	@Test
	void peopleAreChosenFromOptionsTheTaskProvides() throws IOException {
		List<String> problems = new ArrayList<>();
		int choosers = 0;
		for (Path bpmn : files("processes", ".bpmn")) {
			for (UserTask task : Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(UserTask.class)) {
				if (task.getCamundaFormRef() == null) {
					continue;
				}
				Set<String> valuesKeys = new LinkedHashSet<>();
				for (JsonNode c : components(Path.of("forms", task.getCamundaFormRef() + ".form"))) {
					if (c.has("valuesKey")) {
						valuesKeys.add(c.get("valuesKey").asText());
					}
					if (Set.of("handlerId", "investigatingOfficers", "targetAgencyCode", "hearingChair").contains(c.path("key").asText())
							&& !c.has("valuesKey")) {
						problems.add(task.getCamundaFormRef() + ": " + c.path("key").asText() + " is typed, not chosen");
					}
				}
				for (String valuesKey : valuesKeys) {
					choosers++;
					String bean = OPTION_LISTENERS.get(valuesKey);
					boolean listener = bean != null && task.getExtensionElements() != null && task.getExtensionElements()
						.getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
						.anyMatch(l -> "create".equals(l.getCamundaEvent()) && bean.equals(l.getCamundaDelegateExpression()));
					if (!listener) {
						problems.add(bpmn + ": " + task.getId() + " offers " + valuesKey + " but has no create listener " + bean);
					}
				}
			}
		}
		assertThat(choosers).isGreaterThanOrEqualTo(3);
		assertThat(problems).isEmpty();
	}

	/** Every document a form links to is one a process generates (documentVariable of a generateDocument task). */
	@Test
	void documentLinksNameGeneratedDocuments() throws IOException {
		Set<String> generated = new LinkedHashSet<>();
		for (Path bpmn : files("processes", ".bpmn")) {
			BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
			for (CamundaInputParameter p : model.getModelElementsByType(CamundaInputParameter.class)) {
				if ("documentVariable".equals(p.getCamundaName())) {
					generated.add(p.getTextContent().strip());
				}
			}
		}
		Map<String, String> linked = new LinkedHashMap<>();
		for (Path form : files("forms", ".form")) {
			for (JsonNode c : components(form)) {
				Matcher m = DOCUMENT_LINK.matcher(c.path("text").asText());
				while (m.find()) {
					linked.put(m.group(1), form.toString());
				}
			}
		}
		assertThat(linked).containsKeys("reviewSubmissionDocId", "priorNoticeDocId", "decisionDocId",
				"legalReviewOpinionDocId");
		assertThat(generated).containsAll(linked.keySet());
	}

	private static void check(Path dmn, String column, String values, Map<String, Map<String, String>> labels,
			List<String> problems) {
		Map<String, String> texts = labels.get(column);
		for (String value : values.split(",")) {
			String code = value.strip().replace("\"", "");
			if (texts == null || texts.get(code) == null) {
				problems.add(dmn + ": " + column + " " + code + " has no text in templates/labels.yml");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, String>> labels() throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("templates/labels.yml"))) {
			Map<String, Object> root = new Yaml().load(in);
			Map<String, Map<String, String>> fields = new LinkedHashMap<>();
			((Map<String, Map<Object, Object>>) root.get("fields")).forEach((field, texts) -> {
				Map<String, String> byCode = new LinkedHashMap<>();
				texts.forEach((code, text) -> byCode.put(String.valueOf(code), String.valueOf(text)));
				fields.put(field, byCode);
			});
			return fields;
		}
	}

	private static List<JsonNode> components(Path form) throws IOException {
		List<JsonNode> all = new ArrayList<>();
		JSON.readTree(form.toFile()).path("components").forEach(all::add);
		return all;
	}

	private static List<Path> files(String folder, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(Path.of(folder))) {
			return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}
}
