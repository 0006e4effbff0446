package cn.zhifa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calendar files are data the legal office edits: a mistake is refused with file and line, and a
 * reload with a malformed file keeps the calendar in force. Uses copies in a temporary folder.
 */
class CalendarFilesTest {

	@TempDir
	Path dir;

	@BeforeEach
	void copyRealFiles() throws IOException {
		for (String name : new String[] { "2025.yml", "2026.yml", "statutory-limits.yml", "statute-day-rules.yml" }) {
			Files.copy(Path.of("calendar", name), dir.resolve(name));
		}
	}

	@Test
	void theRealFolderLoads() {
		CalendarData data = CalendarFiles.load(dir);
		assertThat(data.calendar().years()).containsExactly(2025, 2026);
		assertThat(data.yearFiles()).extracting(YearCalendar::source).allMatch(s -> s.startsWith("国务院办公厅"));
		assertThat(data.limits().byKey()).containsKey("LEGAL_REVIEW");
	}

	/** Each case: the line to put in 2027.yml at line 5 (after year/source/holidays), the expected line and words. */
	@ParameterizedTest(name = "{2}")
	@CsvSource(delimiter = '|', value = {
			"'    to: 2027-02-31'|5|应为日期", "'    to: 2027-01-31'|5|放假超过 15 天",
			"'    to: 2026-11-30'|5|不在 2027 年内", "'    to: 2026-12-31'|5|早于开始日期", "'    to: 2027-01-01\n    adjustedWorkdays: [2027-01-04]'|6|不是周六或周日（是周一）",
			"'    to: 2027-01-01\n    adjustedWorkdays: [2027-03-06]'|6|",
			"'    to: 2027-01-01\n    adjusted: [2027-01-09]'|6|无法识别的字段 adjusted", "'    to: 2028-02-01'|5|不在 2027 年内",
			"'    to: 2027-01-01\n  - name: 元旦'|6|缺少字段 from", "'    to: [2027-01-01'|6|YAML 格式错误" })
	void aMalformedYearFileIsRefusedWithFileAndLine(String line5, int expectedLine, String words) throws IOException {
		String content = """
				year: 2027
				holidays:
				  - name: 元旦
				    from: 2027-01-01
				%s
				""".formatted(line5.replace("\\n", "\n"));
		Files.writeString(dir.resolve("2027.yml"), content);
		if (words == null) {
			// a valid variation: an adjusted Saturday is accepted
			assertThat(CalendarFiles.load(dir).calendar().isWorkday(LocalDate.of(2027, 3, 6))).isTrue();
			return;
		}
		assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOfSatisfying(CalendarFileException.class, e -> {
			assertThat(e.file()).isEqualTo(dir.getFileName() + "/2027.yml");
			assertThat(e.line()).isEqualTo(expectedLine);
			assertThat(e.getMessage()).contains(words).contains("2027.yml:" + expectedLine);
		});
	}

	@Test
	void theYearMustMatchTheFileName() throws IOException {
		Files.writeString(dir.resolve("2027.yml"), "year: 2028\nholidays: []\n");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOfSatisfying(CalendarFileException.class,
				e -> assertThat(e.getMessage()).contains("2027.yml:1").contains("与文件名的年份 2027 不一致"));
	}

	@Test
	void aDateInTwoFilesIsRefused() throws IOException {
		// a cross-year holiday in 2024.yml reaching into January 2025, which 2025.yml also lists
		Files.writeString(dir.resolve("2024.yml"), """
				year: 2024
				holidays:
				  - name: 元旦
				    from: 2024-12-31
				    to: 2025-01-01
				""");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOfSatisfying(CalendarFileException.class,
				e -> assertThat(e.getMessage()).contains("2025.yml").contains("2025-01-01").contains("2024.yml"));
		Files.delete(dir.resolve("2024.yml"));
		Files.writeString(dir.resolve("2027.yml"), """
				year: 2027
				holidays:
				  - name: 元旦
				    from: 2027-01-01
				    to: 2027-01-03
				""");
		assertThat(CalendarFiles.load(dir).calendar().years()).containsExactly(2025, 2026, 2027);
	}

	@Test
	void unknownFilesAndAMissingLimitsFileAreRefused() throws IOException {
		Files.writeString(dir.resolve("2027-draft.yml"), "year: 2027\n");
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("2027-draft.yml")
			.hasMessageContaining("无法识别的文件名");
		Files.delete(dir.resolve("2027-draft.yml"));
		Files.delete(dir.resolve("statutory-limits.yml"));
		assertThatThrownBy(() -> CalendarFiles.load(dir)).hasMessageContaining("statutory-limits.yml")
			.hasMessageContaining("缺少法定期限配置文件");
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', value = { "'    amount: 0'|amount 必须是 1 到 3650", "'    amount: five'|应为整数",
			"'    unit: WEEKS'|unit 必须是 WORKING_DAYS", "'    lable: x'|无法识别的字段 lable" })
	void aMalformedLimitIsRefusedWithLine(String replacement, String words) throws IOException {
		Path limits = dir.resolve("statutory-limits.yml");
		String content = Files.readString(limits);
		String field = replacement.trim().substring(0, replacement.trim().indexOf(':'));
		String original = field.equals("lable") ? "    label: 重大执法决定法制审核" : field.equals("amount")
				? "    amount: 5" : "    unit: WORKING_DAYS";
		int at = content.indexOf(original);
		assertThat(at).isPositive();
		int expectedLine = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
		Files.writeString(limits, content.substring(0, at) + replacement + content.substring(at + original.length()));
		assertThatThrownBy(() -> CalendarFiles.load(dir)).isInstanceOfSatisfying(CalendarFileException.class, e -> {
			assertThat(e.file()).endsWith("statutory-limits.yml");
			assertThat(e.line()).isEqualTo(expectedLine);
			assertThat(e.problem()).contains(words);
		});
	}

	@Test
	void aReloadWithAMalformedFileKeepsTheCalendarInForce() throws IOException {
		CalendarRegistry registry = new CalendarRegistry(dir.toString());
		CalendarData before = registry.current();
		Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays:\n  - name: 元旦\n    from: 2027-13-01\n    to: 2027-01-01\n");
		assertThatThrownBy(registry::reload).isInstanceOfSatisfying(CalendarFileException.class,
				e -> assertThat(e.getMessage()).contains("2027.yml:4"));
		assertThat(registry.current()).isSameAs(before);
		assertThat(registry.current().calendar().hasYear(2027)).isFalse();

		Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays:\n  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-01\n");
		registry.reload();
		assertThat(registry.current().calendar().hasYear(2027)).isTrue();
		assertThat(registry.current().calendar().isWorkday(LocalDate.of(2027, 1, 1))).isFalse();
	}

	@Test
	void withoutTheFolderTheCopiesInTheJarAreUsed() {
		// src/main/resources carries no calendar; the lead adds calendar/*.yml to the jar (pom resource)
		CalendarRegistry registry;
		try {
			registry = new CalendarRegistry(dir.resolve("no-such-folder").toString());
		}
		catch (CalendarFileException e) {
			assertThat(e.file()).isEqualTo("classpath:calendar/");
			return;
		}
		assertThat(registry.origin()).isEqualTo("classpath:calendar/");
		assertThat(registry.current().calendar().years()).contains(2025, 2026);
	}

	@Test
	void aBrokenFileAtStartUpIsReportedAsOneLine() throws IOException {
		Files.writeString(dir.resolve("2027.yml"), "year: 2027\nholidays: nothing\n");
		CalendarFileException e = org.junit.jupiter.api.Assertions.assertThrows(CalendarFileException.class,
				() -> new CalendarRegistry(dir.toString()));
		var analysis = new CalendarFailureAnalyzer().analyze(new IllegalStateException("context failed", e));
		assertThat(analysis.getDescription()).contains("2027.yml:2");
		assertThat(analysis.getAction()).contains("2027.yml at line 2");
	}
}
