package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.zhifa.disclosure.DisclosureScenario;
import cn.zhifa.support.ZhifaIntegrationTest;

import static cn.zhifa.disclosure.DisclosureScenario.*;

/**
 * The portal in a real browser (Debian {@code chromium}, headless; installed by
 * {@code .ci/install-browser}): opens the home page, submits the search form the way the browser
 * does (GET with the form's field names, read from the rendered DOM), follows the result's link to
 * the detail page and checks the rendered DOM shows the redacted decision and no personal data
 * (R-DISC-3/4). A missing chromium fails the test: CI installs it.
 */
@ZhifaIntegrationTest
class PortalBrowserIT {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@LocalServerPort
	int port;
	@Autowired
	ProcessEngine engine;
	@TempDir
	Path profile;

	@Test
	void searchAndOpenADecisionShowsItRedacted() throws Exception {
		assertThat(CHROMIUM).as("chromium is required (run .ci/install-browser)").isExecutable();
		DisclosureScenario scenario = new DisclosureScenario(engine);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String itemNo = scenario.publish(scenario.start(scenario.decision("寥街罚〔2026〕B" + tag + "号",
				"寥街罚决〔2026〕B" + tag + "号", "<img src=x onerror=alert(1)>")));
		String base = "http://localhost:" + port;

		String home = dumpDom(base + "/public/");
		assertThat(home).contains("行政执法公示平台");
		Matcher form = Pattern.compile("<form[^>]*action=\"(/public/disclosures)\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(home);
		assertThat(form.find()).as("search form on the home page").isTrue();
		assertThat(form.group(2)).contains("name=\"q\"", "name=\"agency\"", "name=\"type\"", "name=\"from\"", "name=\"to\"");

		String results = dumpDom(base + form.group(1) + "?q=B" + tag + "&agency=LIAOKUO&type=PENALTY&from=&to=");
		Matcher link = Pattern.compile("href=\"(/public/disclosures/[0-9a-f]+)\"").matcher(results);
		assertThat(link.find()).as("a result links to its detail page").isTrue();
		assertThat(link.group(1)).isEqualTo("/public/disclosures/" + itemNo);
		assertNoPersonalData(results);

		String detail = dumpDom(base + link.group(1));
		assertThat(detail).contains("寥街罚决〔2026〕B" + tag + "号", "王**", "决定罚款200元", "[身份证号码已隐去]",
				"[电话号码已隐去]", "[住址已隐去]");
		// the injected markup is text, not an element
		assertThat(detail).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
		assertNoPersonalData(detail);

		Path png = profile.resolve("detail.png");
		run(List.of("--screenshot=" + png, "--window-size=390,844", base + link.group(1)));
		assertThat(Files.size(png)).as("phone-size screenshot of the detail page").isGreaterThan(1000);
	}

	private static void assertNoPersonalData(String dom) {
		assertThat(dom).doesNotContain(PERSON_NAME, PERSON_ID, PHONE, ADDRESS);
	}

	private String dumpDom(String url) throws Exception {
		return run(List.of("--dump-dom", url));
	}

	private String run(List<String> args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("profile-" + UUID.randomUUID())));
		command.addAll(args);
		Path out = profile.resolve("out-" + UUID.randomUUID() + ".html");
		Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(ProcessBuilder.Redirect.appendTo(profile.resolve("chromium.log").toFile())).start();
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("chromium did not finish within 60 s: " + args);
		}
		assertThat(p.exitValue()).as("chromium exit code for " + args).isZero();
		return Files.readString(out, StandardCharsets.UTF_8);
	}
}
