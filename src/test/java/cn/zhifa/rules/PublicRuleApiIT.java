package cn.zhifa.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * R-DISC-1: the public rule API serves the tables the engine currently runs — deployed from
 * {@code dmn/} — and a newly deployed version changes the answer with no code change. The test that
 * redeploys uses its own deployment name and restores the file's bytes as the latest version.
 */
@ZhifaIntegrationTest
class PublicRuleApiIT {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;
	@Autowired
	ProcessEngine engine;

	private ResponseEntity<Map<String, Object>> get(String key) {
		return http.exchange("/public/api/rules/" + key, HttpMethod.GET, null, JSON);
	}

	private static DecisionTable tableIn(DmnModelInstance model, String key) {
		return (DecisionTable) model.getDefinitions().getDrgElements().stream().filter(e -> key.equals(e.getId()))
			.map(e -> ((org.camunda.bpm.model.dmn.instance.Decision) e).getExpression()).findFirst().orElseThrow();
	}

	private static DecisionTable fileTable(String key) throws IOException {
		try (var in = Files.newInputStream(Path.of("dmn", key + ".dmn"))) {
			return tableIn(Dmn.readModelFromStream(in), key);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("rules");
	}

	@SuppressWarnings("unchecked")
	@ParameterizedTest
	@ValueSource(strings = { "major-decision-catalogue", "discretion-benchmark", "av-recording-list" })
	void publishesTheDeployedTableAnonymouslyRowForRow(String key) throws IOException {
		ResponseEntity<Map<String, Object>> response = get(key);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> body = response.getBody();
		DecisionDefinition latest = engine.getRepositoryService().createDecisionDefinitionQuery()
			.decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
		assertThat(body).containsEntry("key", key).containsEntry("decisionDefinitionId", latest.getId())
			.containsEntry("version", latest.getVersion());

		DecisionTable file = fileTable(key);
		assertThat(body).containsEntry("hitPolicy", file.getHitPolicy().name());
		assertThat((List<Map<String, Object>>) body.get("inputs")).extracting(c -> c.get("label"))
			.containsExactlyElementsOf(file.getInputs().stream().map(i -> i.getLabel()).toList());
		assertThat((List<Map<String, Object>>) body.get("outputs")).extracting(c -> c.get("name"))
			.containsExactlyElementsOf(file.getOutputs().stream().map(o -> o.getName()).toList());
		List<Rule> fileRules = List.copyOf(file.getRules());
		List<Map<String, Object>> rows = rows(body);
		assertThat(rows).extracting(r -> r.get("id")).containsExactlyElementsOf(fileRules.stream().map(Rule::getId).toList());
		for (int i = 0; i < rows.size(); i++) {
			Rule rule = fileRules.get(i);
			assertThat(rows.get(i).get("annotation")).isEqualTo(rule.getDescription().getTextContent().strip());
			assertThat(rows.get(i).get("outputEntries")).isEqualTo(
					rule.getOutputEntries().stream().map(o -> o.getText().getTextContent().strip()).toList());
			assertThat((List<?>) rows.get(i).get("inputEntries")).hasSize(file.getInputs().size());
		}
	}

	@Test
	void onlyThePublishedTablesAreServed() {
		assertThat(get("disclosure-deadline").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get("no-such-table").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void redeployingAChangedRowChangesWhatThePublicAndTheProcessesSee() throws IOException {
		String resource = "dmn/discretion-benchmark.dmn";
		byte[] original = Files.readAllBytes(Path.of(resource));
		int versionBefore = ((Number) get("discretion-benchmark").getBody().get("version")).intValue();
		String marker = "TEST-" + UUID.randomUUID();

		DmnModelInstance edited = Dmn.readModelFromStream(new ByteArrayInputStream(original));
		Rule ordinaryRoad = edited.getModelElementById("rule_occupyRoadOrdinary");
		List<org.camunda.bpm.model.dmn.instance.OutputEntry> outputs = List.copyOf(ordinaryRoad.getOutputEntries());
		outputs.get(3).getText().setTextContent("9000"); // fineMax 8000 → 9000
		ordinaryRoad.getDescription().setTextContent(ordinaryRoad.getDescription().getTextContent() + marker);
		try {
			deploy(resource, Dmn.convertToString(edited).getBytes(StandardCharsets.UTF_8));

			Map<String, Object> body = get("discretion-benchmark").getBody();
			assertThat(body.get("version")).isEqualTo(versionBefore + 1);
			Map<String, Object> row = rows(body).stream().filter(r -> "rule_occupyRoadOrdinary".equals(r.get("id")))
				.findFirst().orElseThrow();
			assertThat((String) row.get("annotation")).endsWith(marker);
			assertThat((List<?>) row.get("outputEntries")).element(3).isEqualTo("9000");
			assertThat(evaluateOrdinaryRoadOccupation().get("fineMax")).isEqualTo(9000.0);
		}
		finally {
			deploy(resource, original);
		}
		Map<String, Object> restored = get("discretion-benchmark").getBody();
		assertThat(restored.get("version")).isEqualTo(versionBefore + 2);
		assertThat(rows(restored)).noneMatch(r -> String.valueOf(r.get("annotation")).contains(marker));
		assertThat(evaluateOrdinaryRoadOccupation().get("fineMax")).isEqualTo(8000.0);
	}

	@Test
	void tablesAreDeployedFromTheDmnFolderAndProcessesCanEvaluateThem() {
		for (String key : List.of(DecisionKeys.MAJOR_DECISION_CATALOGUE, DecisionKeys.DISCRETION_BENCHMARK,
				DecisionKeys.AV_RECORDING_LIST, DecisionKeys.DISCLOSURE_DEADLINE)) {
			assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
				.decisionDefinitionResourceName("dmn/" + key + ".dmn").list())
				.as(key).anySatisfy(d -> assertThat(engine.getRepositoryService().createDeploymentQuery()
					.deploymentId(d.getDeploymentId()).singleResult().getName()).isEqualTo("zhifa-models"));
		}
		var decisions = engine.getDecisionService();
		assertThat(decisions.evaluateDecisionTableByKey(DecisionKeys.DISCLOSURE_DEADLINE)
			.variables(Map.of("decisionType", "PENALTY")).evaluate().getSingleResult().getEntryMap())
			.containsEntry("workingDays", 7);
		assertThat(decisions.evaluateDecisionTableByKey(DecisionKeys.AV_RECORDING_LIST)
			.variables(Map.of("actionKind", "FORCED_DEMOLITION")).evaluate().getSingleResult().getEntryMap())
			.containsEntry("avRequirement", "FULL");
		assertThat(decisions.evaluateDecisionTableByKey(DecisionKeys.MAJOR_DECISION_CATALOGUE)
			.variables(Map.of("decisionType", "PENALTY", "partyType", "ORG", "fineAmount", 200000,
					"hearingHeld", true))
			.evaluate().collectEntries("isMajor")).containsExactly(true, true);
		assertThat(evaluateOrdinaryRoadOccupation()).containsEntry("handling", "STANDARD");
	}

	private Map<String, Object> evaluateOrdinaryRoadOccupation() {
		return engine.getDecisionService().evaluateDecisionTableByKey(DecisionKeys.DISCRETION_BENCHMARK)
			.variables(Map.of("violationCode", "CM-OCCUPY-ROAD", "partyType", "ORG", "circumstance", "ORDINARY",
					"firstOffence", false, "correctedPromptly", false, "harmCaused", true))
			.evaluate().getSingleResult().getEntryMap();
	}

	private void deploy(String resource, byte[] bytes) {
		engine.getRepositoryService().createDeployment().name("test-public-rules")
			.addInputStream(resource, new ByteArrayInputStream(bytes)).deploy();
	}
}
