package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Every limit of {@code calendar/statutory-limits.yml} counts its days as its own statute says
 * ({@code calendar/statute-day-rules.yml}: 行政处罚法 art. 85, 行政强制法 art. 69, 行政许可法 art. 82,
 * 国务院令第310号 …); issue 16 points 1–3.
 */
class StatuteDayRulesTest {

	static final Path CALENDAR = Path.of("calendar");

	@TempDir
	Path dir;

	@BeforeEach
	void copyTheRealFolder() throws IOException {
		for (String name : new String[] { "2025.yml", "2026.yml", CalendarFiles.LIMITS_FILE, CalendarFiles.STATUTES_FILE }) {
			Files.copy(CALENDAR.resolve(name), dir.resolve(name));
		}
	}

	/** Read as plain YAML, not through the loader that applies the same rules: the data itself must agree. */
	@Test
	@SuppressWarnings("unchecked")
	void everyLimitCountsItsDaysAsItsStatuteSays() throws IOException {
		StatuteDayRules statutes = CalendarFiles.parseStatutes("calendar/" + CalendarFiles.STATUTES_FILE,
				Files.readString(CALENDAR.resolve(CalendarFiles.STATUTES_FILE)));
		Map<String, Map<String, Object>> limits = (Map<String, Map<String, Object>>) new Yaml()
			.<Map<String, Object>>load(Files.readString(CALENDAR.resolve(CalendarFiles.LIMITS_FILE))).get("limits");
		List<String> wrong = new ArrayList<>();
		limits.forEach((key, limit) -> {
			Object statute = limit.get("statute");
			if (statute == null || !statutes.byKey().containsKey(statute.toString())) {
				wrong.add(key + ": statute " + statute + " is not in statute-day-rules.yml");
				return;
			}
			LimitUnit unit = LimitUnit.valueOf(limit.get("unit").toString());
			int amount = ((Number) limit.get("amount")).intValue();
			StatuteDayRule rule = statutes.get(statute.toString());
			if (StatuteDayRule.isDays(unit) && rule.unitFor(amount) != unit) {
				wrong.add(key + ": " + amount + " " + unit + " but " + rule.name() + " says " + rule.unitFor(amount));
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(limits).hasSizeGreaterThan(20);
	}

	/** The statutes' rules as the statutes write them. */
	@Test
	void theTableStatesEachStatutesOwnRule() throws IOException {
		StatuteDayRules statutes = CalendarFiles.load(CALENDAR).statuteRules();
		StatuteDayRule penalty = statutes.get("ADMINISTRATIVE_PENALTY_LAW");
		for (int d : new int[] { 2, 3, 5, 7 }) {
			assertThat(penalty.unitFor(d)).as("行政处罚法 %d日", d).isEqualTo(LimitUnit.WORKING_DAYS);
		}
		assertThat(penalty.unitFor(15)).isEqualTo(LimitUnit.DAYS);
		assertThat(penalty.unitFor(90)).isEqualTo(LimitUnit.DAYS);
		assertThat(penalty.basis()).contains("第八十五条");
		StatuteDayRule coercion = statutes.get("ADMINISTRATIVE_COERCION_LAW");
		assertThat(coercion.unitFor(1)).isEqualTo(LimitUnit.WORKING_DAYS);
		assertThat(coercion.unitFor(10)).isEqualTo(LimitUnit.WORKING_DAYS);
		assertThat(coercion.unitFor(11)).isEqualTo(LimitUnit.DAYS);
		assertThat(coercion.unitFor(30)).isEqualTo(LimitUnit.DAYS);
		assertThat(coercion.basis()).contains("第六十九条");
		assertThat(statutes.get("ADMINISTRATIVE_LICENSING_LAW").unitFor(20)).isEqualTo(LimitUnit.WORKING_DAYS);
		assertThat(statutes.get("ADMINISTRATIVE_LICENSING_LAW").basis()).contains("第八十二条");
		assertThat(statutes.get("STATE_COUNCIL_DECREE_310").unitFor(3)).isEqualTo(LimitUnit.DAYS);
	}

	@Test
	void aPenaltyLawPeriodCountedInCalendarDaysIsRefusedWithItsLine() throws IOException {
		String content = replaceUnit("HEARING_REQUEST", "WORKING_DAYS", "DAYS");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOfSatisfying(CalendarFileException.class, e -> {
			assertThat(e.file()).endsWith("statutory-limits.yml");
			assertThat(e.line()).isEqualTo(lineOf(content, "HEARING_REQUEST") + 3);
			assertThat(e.problem()).contains("HEARING_REQUEST", "中华人民共和国行政处罚法", "工作日", "第八十五条");
		});
	}

	@Test
	void aCoercionLawPeriodIsCheckedAgainstArticle69() throws IOException {
		replaceUnit("EXECUTION_DEMAND", "WORKING_DAYS", "DAYS");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("EXECUTION_DEMAND")
			.hasMessageContaining("第六十九条");
		replaceUnit("EXECUTION_DEMAND", "DAYS", "WORKING_DAYS");
		replaceUnit("SEIZURE", "DAYS", "WORKING_DAYS");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("SEIZURE").hasMessageContaining("自然日");
	}

	@Test
	void aDecree310PeriodInWorkingDaysIsRefused() throws IOException {
		replaceUnit("CRIMINAL_TRANSFER_APPROVAL", "DAYS", "WORKING_DAYS");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("CRIMINAL_TRANSFER_APPROVAL")
			.hasMessageContaining("国务院令第310号");
	}

	@Test
	void aLimitWithoutAKnownStatuteIsRefused() throws IOException {
		Path limits = dir.resolve(CalendarFiles.LIMITS_FILE);
		Files.writeString(limits, Files.readString(limits).replaceFirst("statute: ADMINISTRATIVE_PENALTY_LAW",
				"statute: PENALTY_LAW"));
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("PENALTY_LAW")
			.hasMessageContaining("statute-day-rules.yml");
		Files.delete(dir.resolve(CalendarFiles.STATUTES_FILE));
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("statute-day-rules.yml")
			.hasMessageContaining("缺少");
	}

	private String replaceUnit(String key, String from, String to) throws IOException {
		Path limits = dir.resolve(CalendarFiles.LIMITS_FILE);
		String content = Files.readString(limits);
		int at = content.indexOf("\n  " + key + ":\n");
		int unit = content.indexOf("    unit: " + from + "\n", at);
		assertThat(at).isPositive();
		assertThat(content.substring(at + 1, unit).split("\n")).as("%s: amount, statute, then unit", key).hasSize(3);
		content = content.substring(0, unit) + "    unit: " + to + "\n" + content.substring(unit + ("    unit: " + from + "\n").length());
		Files.writeString(limits, content);
		return content;
	}

	private static int lineOf(String content, String key) {
		int at = content.indexOf("\n  " + key + ":\n");
		return (int) content.substring(0, at + 1).chars().filter(c -> c == '\n').count() + 1;
	}
}
