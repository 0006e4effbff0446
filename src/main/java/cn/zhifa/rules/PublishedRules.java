package cn.zhifa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.springframework.stereotype.Service;

/**
 * Reads the latest deployed version of a decision table from the engine (R-DISC-1): the same DMN the
 * processes evaluate, so redeploying a table changes what the public sees. Nothing is cached here;
 * the engine's own deployment cache is keyed by decision definition id, so a new version is never
 * served stale. Runs as whoever calls it — the public portal calls it without an engine identity.
 */
@Service
public class PublishedRules {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private final RepositoryService repositoryService;

	PublishedRules(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/** The latest shared (tenant-independent) version of the table {@code key}, if deployed. */
	public Optional<RuleTable> latest(String key) {
		return latest(key, null);
	}

	/**
	 * The version of table {@code key} that applies to agency {@code agencyCode}: its own if its legal office
	 * deployed one (an approved model change, issue 14 §6), else the shared one; {@code null}: the shared one.
	 */
	public Optional<RuleTable> latest(String key, String agencyCode) {
		DecisionDefinition definition = agencyCode == null ? null
				: repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).tenantIdIn(agencyCode)
					.latestVersion().singleResult();
		if (definition == null) {
			definition = repositoryService.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.withoutTenantId()
				.latestVersion()
				.singleResult();
		}
		if (definition == null) {
			return Optional.empty();
		}
		DmnModelInstance model = repositoryService.getDmnModelInstance(definition.getId());
		Decision decision = model.getModelElementById(key);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return Optional.empty();
		}
		var deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId())
			.singleResult();
		return Optional.of(new RuleTable(key, definition.getName(), text(decision.getDescription()),
				definition.getVersion(), definition.getVersionTag(), definition.getId(),
				deployment == null ? null : deployment.getDeploymentTime(), table.getHitPolicy().name(),
				table.getInputs().stream().map(PublishedRules::column).toList(),
				table.getOutputs().stream().map(PublishedRules::column).toList(),
				table.getRules().stream().map(PublishedRules::row).toList()));
	}

	/** Agencies that have their own version of table {@code key} (approved agency model changes). */
	public List<String> agenciesWithOwnVersion(String key) {
		return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().list().stream()
			.map(DecisionDefinition::getTenantId).filter(java.util.Objects::nonNull).distinct().sorted().toList();
	}

	/**
	 * The values the latest version of table {@code key} allows for the input that reads
	 * {@code variable} (the input's "input values" in Camunda Modeler, e.g. the violation codes of the
	 * discretion benchmark); empty when the table is not deployed or declares no such list.
	 */
	public List<String> inputValues(String key, String variable) {
		return inputValues(key, variable, null);
	}

	/** As {@link #inputValues(String, String)} in the version that applies to agency {@code agencyCode} (its own, else the shared). */
	public List<String> inputValues(String key, String variable, String agencyCode) {
		DecisionDefinition definition = agencyCode == null ? null
				: repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).tenantIdIn(agencyCode)
					.latestVersion().singleResult();
		if (definition == null) {
			definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
				.withoutTenantId().latestVersion().singleResult();
		}
		if (definition == null) {
			return List.of();
		}
		Decision decision = repositoryService.getDmnModelInstance(definition.getId()).getModelElementById(key);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return List.of();
		}
		for (Input input : table.getInputs()) {
			LiteralExpression expression = input.getInputExpression();
			if (expression != null && expression.getText() != null
					&& variable.equals(expression.getText().getTextContent().strip()) && input.getInputValues() != null
					&& input.getInputValues().getText() != null) {
				List<String> values = new ArrayList<>();
				Matcher quoted = QUOTED.matcher(input.getInputValues().getText().getTextContent());
				while (quoted.find()) {
					values.add(quoted.group(1));
				}
				return values;
			}
		}
		return List.of();
	}

	private static RuleTable.Column column(Input input) {
		LiteralExpression expression = input.getInputExpression();
		return new RuleTable.Column(input.getId(), input.getLabel(),
				expression == null || expression.getText() == null ? null : expression.getText().getTextContent(), null,
				expression == null ? null : expression.getTypeRef());
	}

	private static RuleTable.Column column(Output output) {
		return new RuleTable.Column(output.getId(), output.getLabel(), null, output.getName(), output.getTypeRef());
	}

	private static RuleTable.Row row(Rule rule) {
		List<String> inputs = rule.getInputEntries().stream().map(PublishedRules::entry).toList();
		List<String> outputs = rule.getOutputEntries().stream().map(PublishedRules::entry).toList();
		return new RuleTable.Row(rule.getId(), inputs, outputs, text(rule.getDescription()));
	}

	private static String entry(UnaryTests test) {
		String text = test.getText() == null ? "" : test.getText().getTextContent().strip();
		return text.isEmpty() ? "-" : text;
	}

	private static String entry(LiteralExpression expression) {
		String text = expression.getText() == null ? "" : expression.getText().getTextContent().strip();
		return text.isEmpty() ? "-" : text;
	}

	private static String text(Description description) {
		return description == null ? null : description.getTextContent().strip();
	}
}
