package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redaction (R-DISC-4) with the real rules file {@code disclosure/redaction-rules.yml} and realistic
 * Chinese decision texts: personal data goes, organisations' names and credit codes stay.
 */
class RedactorTest {

	static Redactor redactor;

	@BeforeAll
	static void rules() throws IOException {
		String yaml = Files.readString(Path.of("disclosure/redaction-rules.yml"), StandardCharsets.UTF_8);
		redactor = new Redactor(RedactionRules.parse(yaml, "redaction-rules.yml"));
	}

	@Test
	void personalPenaltyDecisionLosesNameIdPhoneAccountAndAddress() {
		String text = "当事人张三丰，男，身份证号码530302199003151234，住址：云南省曲靖市麒麟区寥廓街道南宁西路12号，"
				+ "联系电话13812345678。经查，张三丰于2026年3月5日在寥廓南路占道经营。决定罚款200元，"
				+ "缴至账号：6217 0038 6000 2354 107。";
		Redaction r = redactor.redact(text, List.of("张三丰"));

		assertThat(r.text()).doesNotContain("张三丰", "530302199003151234", "13812345678", "南宁西路12号",
				"6217 0038 6000 2354 107", "2354");
		assertThat(r.text()).contains("当事人张**", "经查，张**于2026年3月5日", "[身份证号码已隐去]", "[电话号码已隐去]",
				"[住址已隐去]", "[银行账号已隐去]", "决定罚款200元");
		assertThat(r.findings()).containsEntry("自然人姓名", 2).containsEntry("居民身份证号码", 1)
			.containsEntry("手机号码", 1).containsEntry("住址", 1).containsEntry("银行账号", 1);
		assertThat(r.summary()).contains("居民身份证号码 1 处");
	}

	@Test
	void organisationNameAndCreditCodeStayButItsRepresentativeIsMasked() {
		String text = "当事人曲靖市麒麟区味香园餐饮有限公司（统一社会信用代码91530302MA6K7QWE1R），法定代表人：李四，"
				+ "经营场所麒麟区建设路88号。另查明其供货商统一社会信用代码为92530302MA6P1234XB。";
		Redaction r = redactor.redact(text, List.of());

		assertThat(r.text()).contains("曲靖市麒麟区味香园餐饮有限公司", "91530302MA6K7QWE1R", "92530302MA6P1234XB",
				"法定代表人：李*", "建设路88号");
		assertThat(r.text()).doesNotContain("李四");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"身份证号（末位X）|证件号53030219851224002X，|53030219851224002X",
			"身份证号（2000年后出生）|身份证：110105200502290018。|110105200502290018",
			"手机号（带分隔）|电话138-8888-6666；|138-8888-6666",
			"手机号（+86）|电话+86 139 8765 4321；|139 8765 4321",
			"固定电话|电话0874-3123456，|3123456",
			"银行卡（19位连写）|转账至6222021234567890123。|6222021234567890123",
			"楼栋单元室号|家住麒麟区翠峰路8号3栋2单元501室，|501室",
			"家庭住址|家庭住址：麒麟区珠街街道某村委会某组45号，|45号" })
	void personalDataIsRemoved(String what, String text, String secret) {
		assertThat(redactor.redact(text, List.of()).text()).as(what).doesNotContain(secret);
	}

	@Test
	void datesAmountsAndDocumentNumbersAreNotMistakenForPersonalData() {
		String text = "依据《中华人民共和国食品安全法》第一百二十四条，寥街罚〔2026〕12号，罚款人民币50000元，于2026年3月15日作出。";
		Redaction r = redactor.redact(text, List.of());
		assertThat(r.text()).isEqualTo(text);
		assertThat(r.findings()).isEmpty();
		assertThat(r.summary()).isEqualTo("未发现需脱敏的内容");
	}

	@Test
	void maskKeepsFirstCharacterOnly() {
		assertThat(Redactor.mask("张三")).isEqualTo("张*");
		assertThat(Redactor.mask("欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void brokenRulesFileIsRefusedWithTheRuleNamed() {
		assertThatThrownBy(() -> RedactionRules.parse("rules:\n  - id: x\n    label: x\n    pattern: '(['\n    action: REPLACE\n    replacement: y\n", "f"))
			.hasMessageContaining("rule x").hasMessageContaining("bad pattern");
		assertThatThrownBy(() -> RedactionRules.parse("rules:\n  - id: x\n    label: x\n    pattern: 'a'\n    action: REPLACE\n", "f"))
			.hasMessageContaining("replacement");
		assertThatThrownBy(() -> RedactionRules.parse("rules: []\n", "f")).hasMessageContaining("non-empty");
	}
}
