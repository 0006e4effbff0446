package cn.zhifa.record;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import cn.zhifa.support.MovableClock;

/**
 * R-COORD-6: a report names who intervened (a person or a unit), when (not in the future) and what; refusals name
 * the field and record nothing; the start form's day and time of day are Beijing time.
 */
class InterferenceReportsTest {

	final RecordService records = mock(RecordService.class);
	final InterferenceReports reports = new InterferenceReports(records, new MovableClock("2026-11-02T12:00:00+08:00"));

	static final Instant NINE_THIRTY = Instant.parse("2026-11-02T01:30:00Z");

	@Test
	void aReportIsAppendedToTheCasesRecord() {
		reports.report("寥街罚〔2026〕1号", "LIAOKUO", "officer1",
				new InterferenceReports.Report("王某", null, NINE_THIRTY, " 电话要求从轻处理 "));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
		verify(records).append(eq("寥街罚〔2026〕1号"), eq("INTERFERENCE_REPORTED"), eq("officer1"), eq("LIAOKUO"), eq(null),
				eq(null), data.capture());
		assertThat(data.getValue()).containsEntry("intervener", "王某").containsEntry("occurredAt", NINE_THIRTY)
			.containsEntry("description", "电话要求从轻处理");
	}

	@Test
	void withoutWhoOrWhatInTheFutureOrTooLongItIsRefusedNamingTheField() {
		assertRefused(() -> report(null, null, NINE_THIRTY, "要求从轻"), "description");
		assertRefused(() -> report("王某", null, NINE_THIRTY, " "), "description");
		assertRefused(() -> report("王某", null, Instant.parse("2026-11-02T05:00:00Z"), "要求从轻"), "occurredAt");
		assertRefused(() -> report("王".repeat(201), null, NINE_THIRTY, "要求从轻"), "intervener");
		verify(records, never()).append(anyString(), anyString(), anyString(), anyString(), any(), any(), any());
	}

	@Test
	void theStartFormsDayAndTimeAreBeijingTime() {
		assertThat(InterferenceReports.moment("2026-11-02", "09:30")).isEqualTo(NINE_THIRTY);
		assertThat(InterferenceReports.moment("2026-11-02", "9:30")).isEqualTo(NINE_THIRTY);
		assertRefused(() -> InterferenceReports.moment("2026-11-02", "930"), "occurredTime");
		assertRefused(() -> InterferenceReports.moment(null, "09:30"), "occurredOn");
		assertRefused(() -> InterferenceReports.moment("十一月二日", "09:30"), "occurredOn");
	}

	void report(String who, String unit, Instant at, String what) {
		reports.report("寥街罚〔2026〕1号", "LIAOKUO", "officer1", new InterferenceReports.Report(who, unit, at, what));
	}
}
