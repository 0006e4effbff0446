package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What counts as this server's own origin for a state-changing request (issue 13 §6). */
class ForeignOriginFilterTest {

	@Test
	void theRequestsOwnSchemeHostAndPortWithDefaultPorts() throws Exception {
		assertThat(status("http", "zhifa.local", 80, "Origin", "http://zhifa.local")).isEqualTo(200);
		assertThat(status("http", "zhifa.local", 80, "Origin", "http://ZHIFA.local:80")).isEqualTo(200);
		assertThat(status("https", "zhifa.local", 443, "Referer", "https://zhifa.local/camunda/app/tasklist/")).isEqualTo(200);
		assertThat(status("http", "[::1]", 8080, "Origin", "http://[::1]:8080")).isEqualTo(200);

		assertThat(status("http", "zhifa.local", 80, "Origin", "https://zhifa.local")).isEqualTo(403);
		assertThat(status("http", "zhifa.local", 80, "Origin", "http://zhifa.local:8080")).isEqualTo(403);
		assertThat(status("http", "zhifa.local", 80, "Origin", "http://zhifa.local.evil.example")).isEqualTo(403);
		assertThat(status("http", "zhifa.local", 80, "Origin", "null")).isEqualTo(403);
		assertThat(status("http", "zhifa.local", 80, "Referer", "not a url")).isEqualTo(403);
		// Origin decides when both are sent
		MockHttpServletRequest both = request("http", "zhifa.local", 80);
		both.addHeader("Origin", "https://evil.example");
		both.addHeader("Referer", "http://zhifa.local/");
		assertThat(run(new ForeignOriginFilter(List.of()), both)).isEqualTo(403);
	}

	@Test
	void readsAndClientsWithoutOriginOrRefererPass() throws Exception {
		MockHttpServletRequest get = request("http", "zhifa.local", 80);
		get.setMethod("GET");
		get.addHeader("Origin", "https://evil.example");
		assertThat(run(new ForeignOriginFilter(List.of()), get)).isEqualTo(200);
		assertThat(run(new ForeignOriginFilter(List.of()), request("http", "zhifa.local", 80))).isEqualTo(200);
	}

	@Test
	void aConfiguredPublicAddressBehindAProxyIsOwn() throws Exception {
		MockHttpServletRequest proxied = request("http", "10.0.0.5", 8080);
		proxied.addHeader("Origin", "https://zhifa.example.gov.cn");
		assertThat(run(new ForeignOriginFilter(List.of()), proxied)).isEqualTo(403);
		proxied = request("http", "10.0.0.5", 8080);
		proxied.addHeader("Origin", "https://zhifa.example.gov.cn");
		assertThat(run(new ForeignOriginFilter(List.of(" https://zhifa.example.gov.cn ")), proxied)).isEqualTo(200);
	}

	private static int status(String scheme, String host, int port, String header, String value) throws Exception {
		MockHttpServletRequest request = request(scheme, host, port);
		request.addHeader(header, value);
		return run(new ForeignOriginFilter(List.of()), request);
	}

	private static MockHttpServletRequest request(String scheme, String host, int port) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		return request;
	}

	private static int run(ForeignOriginFilter filter, MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		if (response.getStatus() == 403) {
			assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("拒绝来自其他网站的请求");
		}
		return response.getStatus();
	}
}
