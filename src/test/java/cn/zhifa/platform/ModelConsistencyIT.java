package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Fails the build when a model references a bean, form, decision or called process that does not
 * exist, or lacks {@code historyTimeToLive} (issue 2, STYLE.md rule 7). Reads the files in
 * {@code processes/}, {@code dmn/}, {@code forms/}; beans come from the running application.
 */
@ZhifaIntegrationTest
class ModelConsistencyIT {

	/** Expression roots that are engine-provided objects, not beans. */
	private static final Set<String> ENGINE_ROOTS = Set.of("execution", "task", "S", "JSON", "XML", "dateTime",
			"authenticatedUserId", "variables");
	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
	/** An identifier dereferenced or called at the root of a path, e.g. {@code deadlines} in {@code deadlines.limit(…)}. */
	private static final Pattern ROOT = Pattern.compile("(?<![\\w.'\"])([A-Za-z_]\\w*)\\s*\\.");
	private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"[$#]\\{\\s*([A-Za-z_]\\w*)\\s*}\"");

	@Autowired
	ApplicationContext context;

	@Test
	void everyReferenceResolves() throws IOException {
		Set<String> forms = formIds();
		Set<String> decisions = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (Path dmn : files("dmn", ".dmn")) {
			for (Decision d : Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class)) {
				decisions.add(d.getId());
				if (d.getCamundaHistoryTimeToLiveString() == null) {
					problems.add(dmn + ": decision " + d.getId() + " has no historyTimeToLive");
				}
			}
		}
		List<Path> bpmnFiles = files("processes", ".bpmn");
		Set<String> processes = new HashSet<>();
		List<BpmnModelInstance> models = new ArrayList<>();
		for (Path bpmn : bpmnFiles) {
			BpmnModelInstance model = Bpmn.readModelFromFile(bpmn.toFile());
			models.add(model);
			model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
		}
		for (int i = 0; i < bpmnFiles.size(); i++) {
			Path file = bpmnFiles.get(i);
			BpmnModelInstance model = models.get(i);
			for (Process p : model.getModelElementsByType(Process.class)) {
				if (p.getCamundaHistoryTimeToLiveString() == null) {
					problems.add(file + ": process " + p.getId() + " has no historyTimeToLive");
				}
			}
			for (UserTask t : model.getModelElementsByType(UserTask.class)) {
				checkForm(file, t.getId(), t.getCamundaFormRef(), t.getCamundaFormKey(), forms, problems);
			}
			for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
				checkForm(file, s.getId(), s.getCamundaFormRef(), s.getCamundaFormKey(), forms, problems);
			}
			for (BusinessRuleTask t : model.getModelElementsByType(BusinessRuleTask.class)) {
				if (t.getCamundaDecisionRef() != null && !decisions.contains(t.getCamundaDecisionRef())) {
					problems.add(file + ": " + t.getId() + " calls unknown decision " + t.getCamundaDecisionRef());
				}
			}
			for (CallActivity c : model.getModelElementsByType(CallActivity.class)) {
				if (!processes.contains(c.getCalledElement())) {
					problems.add(file + ": " + c.getId() + " calls unknown process " + c.getCalledElement());
				}
			}
			// a business rule task's result variable is a process variable, not a bean
			Set<String> roots = new HashSet<>(ENGINE_ROOTS);
			for (BusinessRuleTask t : model.getModelElementsByType(BusinessRuleTask.class)) {
				if (t.getCamundaResultVariable() != null) {
					roots.add(t.getCamundaResultVariable());
				}
			}
			String xml = Files.readString(file, StandardCharsets.UTF_8);
			Matcher delegate = DELEGATE.matcher(xml);
			while (delegate.find()) {
				if (!context.containsBean(delegate.group(1))) {
					problems.add(file + ": delegate bean " + delegate.group(1) + " does not exist");
				}
			}
			Matcher expression = EXPRESSION.matcher(xml);
			while (expression.find()) {
				Matcher root = ROOT.matcher(expression.group(1));
				while (root.find()) {
					String name = root.group(1);
					if (!roots.contains(name) && !context.containsBean(name)) {
						problems.add(file + ": expression " + expression.group() + " uses unknown bean " + name);
					}
				}
			}
		}
		assertThat(problems).as("model consistency problems").isEmpty();
	}

	/** The checker itself must catch a broken reference (guards against a test that cannot fail). */
	@Test
	void checkerCatchesUnknownBean() {
		Matcher root = ROOT.matcher("noSuchBean.workdays(materialsReceivedAt, 5)");
		assertThat(root.find()).isTrue();
		assertThat(context.containsBean(root.group(1))).isFalse();
		Matcher ok = ROOT.matcher("reviewOutcome == 'APPROVED'");
		assertThat(ok.find()).isFalse();
	}

	private static void checkForm(Path file, String element, String formRef, String formKey, Set<String> forms,
			List<String> problems) {
		if (formRef != null && !forms.contains(formRef)) {
			problems.add(file + ": " + element + " references unknown form " + formRef);
		}
		if (formKey != null && formKey.startsWith("camunda-forms:deployment:")) {
			String resource = formKey.substring("camunda-forms:deployment:".length());
			if (!Files.exists(Path.of(resource))) {
				problems.add(file + ": " + element + " references missing form file " + resource);
			}
		}
	}

	private static Set<String> formIds() throws IOException {
		Set<String> ids = new HashSet<>();
		ObjectMapper json = new ObjectMapper();
		for (Path form : files("forms", ".form")) {
			ids.add(json.readTree(form.toFile()).path("id").asText());
		}
		return ids;
	}

	private static List<Path> files(String folder, String suffix) throws IOException {
		Path dir = Path.of(folder);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}
}
