package cn.zhifa.record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.FormFields;
import cn.zhifa.platform.problem.InputCheck;

/**
 * R-COORD-6 (seed 002): any intervention in a case by any unit or person is recorded in full — who intervened (a
 * person or a unit), when, what they asked — as an entry of the case's full-process record, from which the
 * interference ledger, the case file and the case-file review read it. Reported through the API
 * ({@code POST /api/records/{caseNo}/interference}) or from Tasklist's start form 登记干预、插手案件情况
 * ({@code interference-report}); refusals name the field (400), nothing is recorded then.
 */
@Service
class InterferenceReports {

	/** Names and units in a report. */
	static final int TEXT_LENGTH = 200;
	static final String KIND = "INTERFERENCE_REPORTED";

	private final RecordService records;
	private final Clock clock;

	InterferenceReports(RecordService records, Clock clock) {
		this.records = records;
		this.clock = clock;
	}

	/** A report: who (a person, a unit or both), when, what. */
	record Report(String intervener, String intervenerUnit, Instant occurredAt, String description) {
	}

	/** Checks the report and appends it to the record of {@code caseNo} of {@code agency}, as {@code reporter}. */
	RecordEntry report(String caseNo, String agency, String reporter, Report report) {
		if (blank(report.description()) || blank(report.intervener()) && blank(report.intervenerUnit())) {
			throw FormFields.invalid("description", "请填写干预人（或单位）和干预内容");
		}
		text("intervener", "干预人", report.intervener(), TEXT_LENGTH);
		text("intervenerUnit", "干预人单位", report.intervenerUnit(), TEXT_LENGTH);
		text("description", "干预内容", report.description(), InputCheck.VARIABLE_LENGTH);
		Instant at = report.occurredAt();
		if (at == null || at.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || at.isAfter(clock.instant())) {
			throw FormFields.invalid("occurredAt", "干预发生时间应为 2000 年以后、不晚于当前的时间");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("intervener", report.intervener());
		data.put("intervenerUnit", report.intervenerUnit());
		data.put("occurredAt", at);
		data.put("description", report.description().strip());
		return records.append(caseNo, KIND, reporter, agency, null, null, data);
	}

	/** The moment a start form gives as a day and a time of day (时:分), in Beijing time. */
	static Instant moment(Object day, Object time) {
		if (day == null || day.toString().isBlank()) {
			throw FormFields.invalid("occurredOn", "请填写干预发生的日期");
		}
		if (time == null || time.toString().isBlank()) {
			throw FormFields.invalid("occurredTime", "请填写干预发生的时间（时:分，如 09:30）");
		}
		LocalDate d;
		LocalTime t;
		try {
			d = LocalDate.parse(day.toString().strip().substring(0, Math.min(10, day.toString().strip().length())));
		}
		catch (DateTimeParseException e) {
			throw FormFields.invalid("occurredOn", "干预发生的日期应为日期，如 2026-11-02");
		}
		try {
			t = LocalTime.parse(time.toString().strip().length() == 4 ? "0" + time.toString().strip() : time.toString().strip());
		}
		catch (DateTimeParseException e) {
			throw FormFields.invalid("occurredTime", "干预发生的时间应为 时:分，如 09:30");
		}
		return d.atTime(t).atZone(WorkingDayCalendar.SHANGHAI).toInstant();
	}

	private static void text(String field, String label, String value, int max) {
		if (value == null) {
			return;
		}
		String flaw = InputCheck.textFlaw(value, max);
		if (flaw != null) {
			throw FormFields.invalid(field, label + flaw);
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
