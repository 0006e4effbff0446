package cn.zhifa.enforcementcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;

/** 行政处罚法 art. 36 at registration (issue 16 point 6): 2 years, 5 where life/health or finance was harmed. */
class LimitationTest {

	static final Deadlines DEADLINES = CalendarFixtures.deadlines();

	static NewCase violated(String violationDate, boolean harm, String discoveredOn) {
		return new NewCase("LIAOKUO", "PATROL", false, "PERSON", "张三", "530302199001011232", null, false, "CM-OCCUPY-ROAD",
				"在人民路占道经营", LocalDate.parse(discoveredOn), null, null, null, LocalDate.parse(violationDate), harm);
	}

	@Test
	void aViolationDiscoveredMoreThanTwoYearsLaterIsNotRegisteredCitingArticle36() {
		assertThatCode(() -> EnforcementCaseService.limitation(violated("2024-11-02", false, "2026-11-02"), DEADLINES))
			.as("discovered on the last day of the 2 years").doesNotThrowAnyException();
		assertThatThrownBy(() -> EnforcementCaseService.limitation(violated("2024-11-02", false, "2026-11-03"), DEADLINES))
			.isInstanceOfSatisfying(FormFieldValidationException.class, e -> {
				assertThat((Object) e.getDetail()).isEqualTo("violationDate");
				assertThat(e.getMessage()).contains("第三十六条", "二年", "2026-11-02");
			});
	}

	@Test
	void harmToLifeHealthOrFinancialSecurityExtendsItToFiveYears() {
		assertThatCode(() -> EnforcementCaseService.limitation(violated("2022-11-02", true, "2026-11-02"), DEADLINES))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> EnforcementCaseService.limitation(violated("2021-11-01", true, "2026-11-02"), DEADLINES))
			.hasMessageContaining("五年").hasMessageContaining("第三十六条");
	}

	@Test
	void theViolationCannotFollowItsDiscovery() {
		assertThatThrownBy(() -> EnforcementCaseService.limitation(violated("2026-11-03", false, "2026-11-02"), DEADLINES))
			.hasMessageContaining("violationDate").hasMessageContaining("不得晚于发现日期");
	}
}
