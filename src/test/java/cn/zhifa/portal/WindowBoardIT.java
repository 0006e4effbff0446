package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * The service windows' boards on the portal over HTTP, anonymous (R-DISC-8): the list, each board with its staff from the
 * officer registry and the telephones, duties, progress query and complaint channels of {@code disclosure/windows.yml},
 * and the blank forms it lists (only those) as Word files; an unknown window or form is a Chinese 404 page.
 */
@ZhifaIntegrationTest
class WindowBoardIT {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theBoardShowsTheWindowItsStaffAndWhereToAskFollowAndComplain() throws Exception {
		HttpResponse<String> list = get("/public/windows");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("服务窗口", "/public/windows/LIAOKUO", "/public/windows/QLSCJ", "寥廓街道综合行政执法队",
				"某区市场监督管理局", "0874-3120001");
		assertThat(get("/public/").body()).as("the portal's navigation").contains("href=\"/public/windows\"");

		String board = get("/public/windows/LIAOKUO").body();
		assertThat(board).contains("寥廓街道综合行政执法队便民服务窗口", "南宁西路1号", "工作日", "0874-3120001", "0874-3120002",
				"接收投诉举报和当事人提交的陈述、申辩、听证申请等材料");
		// staff: name, standing and valid certificate from the registry; post and duty from the file
		assertThat(board).contains("李明", "咨询受理岗", "行政执法人员", "53030020240001", "王芳", "刘洋", "法律咨询岗", "法制审核人员",
				"53030020240005");
		assertThat(board).as("another agency's staff").doesNotContain("孙磊");
		assertThat(board).contains("/public/windows/LIAOKUO/samples/PRIOR_NOTICE", "行政处罚事先告知书（Word）", "送达回证（Word）",
				"/public/complaints/query", "投诉举报办理进度查询", "/public/complaints", "/public/remedies",
				"/public/item-lists/LIAOKUO");
		assertThat(get("/public/windows/QLSCJ").body()).contains("某区市场监督管理局政务服务窗口", "孙磊", "12315")
			.doesNotContain("李明");
	}

	@Test
	void aListedBlankFormIsAWordFileWithTheAgencyAndBlanks() throws Exception {
		HttpResponse<byte[]> form = http.send(request("/public/windows/LIAOKUO/samples/PRIOR_NOTICE"),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.headers().firstValue("Content-Type")).hasValue(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(form.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				v -> assertThat(v).startsWith("attachment").contains("UTF-8''"));
		try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(form.body())))) {
			assertThat(text.getText()).contains("寥廓街道综合行政执法队", "行政处罚事先告知书", "＿＿＿＿＿＿").doesNotContain("${");
		}
	}

	@Test
	void anUnknownWindowOrAFormTheWindowDoesNotListIsAChinese404() throws Exception {
		for (String path : new String[] { "/public/windows/NOWHERE", "/public/windows/QLSCJ/samples/SERVICE_RECEIPT",
				"/public/windows/LIAOKUO/samples/REVIEW_OPINION", "/public/windows/LIAOKUO/samples/..%2F..%2Fpom.xml",
				"/public/windows/NOWHERE/samples/PRIOR_NOTICE" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isIn(400, 404);
			assertThat(response.body()).as(path).doesNotContain("Exception", "at cn.zhifa", "java.");
			if (response.statusCode() == 404) {
				assertThat(response.body()).as(path).contains("lang=\"zh-CN\"");
			}
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
	}
}
