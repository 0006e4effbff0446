package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

import cn.zhifa.platform.CaseVariable.Type;
import cn.zhifa.platform.form.DeployedForm;

/**
 * The case contract ({@link CaseVariables}) agrees with the forms and processes the legal office
 * edits: a form may ask for a system variable only if the contract names that form (so adding, say,
 * {@code caseId} or {@code filingDecision} to another step's form fails the build instead of opening a
 * gate), every form the contract names has the field with a matching type, and every message it names
 * exists.
 */
class CaseVariablesTest {

	@Test
	void aFormAsksForASystemVariableOnlyWhereTheContractSaysSo() throws IOException {
		List<String> problems = new ArrayList<>();
		for (DeployedForm form : forms().values()) {
			for (String key : form.storedKeys()) {
				CaseVariables.find(key).filter(v -> !v.forms().contains(form.id()))
					.ifPresent(v -> problems.add("form " + form.id() + " sets " + v.display()
							+ ", which the contract does not let that form set"));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyFormTheContractNamesHasTheFieldWithAMatchingType() throws IOException {
		Map<String, DeployedForm> forms = forms();
		List<String> problems = new ArrayList<>();
		for (CaseVariable variable : CaseVariables.all()) {
			for (String formId : variable.forms()) {
				DeployedForm form = forms.get(formId);
				if (form == null || !form.stores(variable.name())) {
					problems.add(variable.name() + ": form " + formId + " has no such field");
					continue;
				}
				String type = form.type(variable.name()).orElseThrow();
				if (!compatible(variable.type(), type)) {
					problems.add(variable.name() + ": declared " + variable.type() + ", form " + formId + " has " + type);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyMessageTheContractNamesIsAMessageOfAProcess() throws IOException {
		Set<String> messages = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
				Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(Message.class)
					.forEach(m -> messages.add(m.getName()));
			}
		}
		for (CaseVariable variable : CaseVariables.all()) {
			assertThat(messages).as("messages carrying " + variable.name()).containsAll(variable.messages());
		}
	}

	@Test
	void onlyTheAgencyMayBeNamedByAnAdministratorAndRefusalsNameTheVariableInChinese() {
		assertThat(CaseVariables.all().stream().filter(CaseVariable::adminStart).map(CaseVariable::name))
			.containsExactly(CaseVariables.AGENCY_CODE);
		assertThat(CaseVariables.display(CaseVariables.CASE_ID)).isEqualTo("案号（caseId）");
		assertThat(CaseVariables.all()).allSatisfy(v -> assertThat(v.label()).matches(".*[\\u4e00-\\u9fff].*"));
	}

	private static boolean compatible(Type declared, String formType) {
		return switch (declared) {
			case TEXT -> Set.of("textfield", "textarea", "select", "radio").contains(formType);
			case NUMBER -> formType.equals("number");
			case BOOLEAN -> formType.equals("checkbox");
			case DAY -> formType.startsWith("datetime");
			case INSTANT -> formType.equals("datetime:datetime");
			case LIST -> Set.of("checklist", "taglist", "textarea").contains(formType); // textarea: one per line
			case RESULT -> false;
		};
	}

	private static Map<String, DeployedForm> forms() throws IOException {
		Map<String, DeployedForm> forms = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					DeployedForm form = DeployedForm.read(in);
					forms.put(form.id(), form);
				}
			}
		}
		return forms;
	}
}
