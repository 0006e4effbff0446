package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.zhifa.record.RecordService;
import cn.zhifa.support.Fixtures;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 13 §6: a browser that cached HTTP Basic credentials sends them with a request a foreign page
 * makes. Before, such a request skipped CSRF protection: AV evidence was uploaded (201) and models
 * deployed (200) from an evil origin. Now every state-changing request whose Origin — or, without
 * Origin, Referer — is not this server is refused with 403 in Chinese, and nothing is stored; the same
 * request from this server's pages, or from a client that sends neither header, works.
 */
@ZhifaIntegrationTest
class ForeignOriginIT {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};
	private static final String EVIL = "https://evil.example";

	@LocalServerPort
	int port;
	@Autowired
	TestRestTemplate http;
	@Autowired
	RecordService records;
	@Autowired
	ProcessEngine engine;

	@Test
	void avUploadFromAForeignPageIsRefusedAndStoresNothing() {
		String caseNo = "ORIGIN-" + UUID.randomUUID();
		records.append(caseNo, "TEST_STEP", "officer1", "LIAOKUO", null, "step1", Map.of("note", "立案"));

		assertForeign(upload(caseNo, origin(EVIL)), "evil Origin");
		assertForeign(upload(caseNo, referer(EVIL + "/attack.html")), "evil Referer, no Origin");
		assertForeign(upload(caseNo, origin("null")), "opaque Origin (sandboxed page)");
		assertForeign(upload(caseNo, origin("http://localhost:" + (port + 1))), "another port of this host");
		assertForeign(upload(caseNo, origin("https://localhost:" + port)), "another scheme");
		// forwarded headers are not trusted: Spring's forward-headers handling is off
		HttpHeaders forwarded = origin(EVIL);
		forwarded.set("X-Forwarded-Host", "evil.example");
		forwarded.set("X-Forwarded-Proto", "https");
		forwarded.set("X-Forwarded-Port", "443");
		assertForeign(upload(caseNo, forwarded), "evil Origin with X-Forwarded-*");
		assertThat(records.list(caseNo)).extracting(e -> e.kind()).containsExactly("TEST_STEP");

		// this server's own pages, and API clients that send neither header, upload as before
		assertThat(upload(caseNo, origin("http://localhost:" + port)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		HttpHeaders ownPage = referer("http://localhost:" + port + "/camunda/app/tasklist/default/");
		assertThat(upload(caseNo, ownPage).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(upload(caseNo, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(records.list(caseNo)).extracting(e -> e.kind()).containsOnly("TEST_STEP", "EVIDENCE_ADDED").hasSize(4);
	}

	@Test
	void deployingFromAForeignPageIsRefused() {
		String name = "origin-" + UUID.randomUUID();
		assertForeign(deploy(name, origin(EVIL)), "deploy with evil Origin");
		assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count()).isZero();
		assertThat(deploy(name, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK); // Camunda Modeler
		assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(name).count()).isOne();
		engine.getRepositoryService().createDeploymentQuery().deploymentName(name).list()
			.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
	}

	@Test
	void everyRouteAndEveryWriteMethodIsCovered() {
		HttpHeaders evil = origin(EVIL);
		evil.setContentType(MediaType.APPLICATION_JSON);
		// our API, the engine's REST API, the webapps' login (a forged login), anonymous or not
		assertForeign(http.withBasicAuth("officer1", "demo").exchange("/api/cases", HttpMethod.POST,
				new HttpEntity<>(Map.of("agencyCode", "LIAOKUO"), evil), MAP), "POST /api/cases");
		assertForeign(http.withBasicAuth("officer1", "demo").exchange("/engine-rest/task/x/variables/y", HttpMethod.PUT,
				new HttpEntity<>(Map.of("value", 1), evil), MAP), "PUT engine variable");
		assertForeign(http.withBasicAuth("officer1", "demo").exchange("/engine-rest/process-instance/x", HttpMethod.DELETE,
				new HttpEntity<>(evil), MAP), "DELETE engine instance");
		HttpHeaders form = origin(EVIL);
		form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		assertForeign(http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
				new HttpEntity<>("username=officer1&password=demo", form), MAP), "webapp login");
		// reading is not a state change: a foreign page may link to us
		assertThat(http.withBasicAuth("officer1", "demo").exchange("/engine-rest/engine", HttpMethod.GET,
				new HttpEntity<>(evil), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static void assertForeign(ResponseEntity<Map<String, Object>> response, String what) {
		assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getHeaders().getContentType().toString()).as(what).startsWith("application/problem+json");
		assertThat(response.getBody().get("detail").toString()).as(what).contains("拒绝来自其他网站的请求");
	}

	private static HttpHeaders origin(String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ORIGIN, origin);
		return headers;
	}

	private static HttpHeaders referer(String referer) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.REFERER, referer);
		return headers;
	}

	private ResponseEntity<Map<String, Object>> upload(String caseNo, HttpHeaders headers) {
		byte[] video = (new String(new byte[] { 0, 0, 0, 0x18 }, StandardCharsets.ISO_8859_1) + "ftypisom"
				+ UUID.randomUUID().toString().repeat(40)).getBytes(StandardCharsets.ISO_8859_1);
		MultiValueMap<String, Object> form = Fixtures.avUploadForm(video);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth("officer1", "demo").exchange("/api/records/" + caseNo + "/evidence", HttpMethod.POST,
				new HttpEntity<>(form, headers), MAP);
	}

	private ResponseEntity<Map<String, Object>> deploy(String name, HttpHeaders headers) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", name);
		form.add("data", Fixtures.filePart("test-origin.bpmn", """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x">
				  <process id="test-origin" isExecutable="true" camunda:historyTimeToLive="P1D"><startEvent id="s"/></process>
				</definitions>""".getBytes(StandardCharsets.UTF_8), "application/octet-stream"));
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		// the justice bureau deploys directly; a legal office's deployment becomes a reviewed model change (ADR-0017)
		return http.withBasicAuth("admin", "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
				new HttpEntity<>(form, headers), MAP);
	}
}
