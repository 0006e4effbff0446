package cn.zhifa.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A decision table from {@code dmn/} on the plain Camunda DMN engine (no process engine, no Spring),
 * reporting which rules matched so that each test can name the one rule it exercises.
 */
final class DecisionTableHarness {

	/** Outcome of one evaluation: the ids of the rules that fired (in order) and the result rows. */
	record Evaluation(List<String> matchedRuleIds, DmnDecisionResult result) {

		Map<String, Object> single() {
			return result.getSingleResult().getEntryMap();
		}
	}

	private final DmnModelInstance model;
	private final DmnDecision decision;
	private final DmnEngine engine;
	private final List<String> lastMatched = new ArrayList<>();

	private DecisionTableHarness(String key) {
		Path file = Path.of("dmn", key + ".dmn");
		try (InputStream in = Files.newInputStream(file)) {
			this.model = Dmn.readModelFromStream(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
		}
		DmnDecisionEvaluationListener captureMatches = event -> {
			lastMatched.clear();
			if (event.getDecisionResult() instanceof DmnDecisionTableEvaluationEvent table) {
				table.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(lastMatched::add);
			}
		};
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionEvaluationListeners(List.of(captureMatches));
		this.engine = configuration.buildEngine();
		this.decision = engine.parseDecision(key, model);
	}

	static DecisionTableHarness load(String key) {
		return new DecisionTableHarness(key);
	}

	Evaluation evaluate(Map<String, Object> variables) {
		DmnDecisionResult result = engine.evaluateDecision(decision, new HashMap<>(variables));
		return new Evaluation(List.copyOf(lastMatched), result);
	}

	DecisionTable table() {
		Decision d = model.getModelElementById(decision.getKey());
		return (DecisionTable) d.getExpression();
	}

	Decision decisionElement() {
		return model.getModelElementById(decision.getKey());
	}

	Set<String> ruleIds() {
		Set<String> ids = new LinkedHashSet<>();
		for (Rule rule : table().getRules()) {
			ids.add(rule.getId());
		}
		return ids;
	}

	List<Rule> rules() {
		return List.copyOf(table().getRules());
	}
}
