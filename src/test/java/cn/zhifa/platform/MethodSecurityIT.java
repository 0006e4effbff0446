package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.zhifa.support.RestTestSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Issue 20 §3: the roles a route needs are declared on its method ({@link RoleRequired}) and enforced by Spring
 * Security's method interceptor: a user without the role gets 403 with the rule in Chinese, before the method
 * does anything; a user with it passes the check. The calendar's, the due-date changes' and the whole record's
 * verification rules (and that the role they name passes) are checked in their web slices, CalendarControllerTest,
 * DueDateControllerTest and RecordControllerTest.
 */
@ZhifaIntegrationTest
class MethodSecurityIT extends RestTestSupport {

	@Test
	void administratorsOnlyRoutesRefuseOthersWithTheirRule() throws Exception {
		refused(post("/api/disclosure/redaction-rules/reload", Map.of(), "officer1"), "只有系统管理员可以重新加载脱敏规则");
	}

	@Test
	void modelCheckingIsForLegalOfficesAndAdministrators() throws Exception {
		String boundary = "zhifa-boundary";
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/models/validate"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"a.dmn\"\r\nContent-Type: application/xml\r\n\r\n<x/>\r\n--" + boundary + "--\r\n"));
		refused(send(authed(request, "officer1").build()), "只有法制机构（模型维护）和系统管理员可以检查模型");
	}

	private void refused(HttpResponse<String> response, String rule) throws Exception {
		assertProblem(response, 403, null);
		assertThat(json.readTree(response.body()).path("detail").asText()).isEqualTo(rule);
	}
}
