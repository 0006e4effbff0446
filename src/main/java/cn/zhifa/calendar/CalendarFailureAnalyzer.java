package cn.zhifa.calendar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a malformed calendar or limits file: one clear line naming file and line
 * instead of a stack trace (registered in META-INF/spring.factories).
 */
class CalendarFailureAnalyzer extends AbstractFailureAnalyzer<CalendarFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable root, CalendarFileException e) {
		return new FailureAnalysis("Working-day calendar not loaded: " + e.getMessage(),
				"Fix " + e.file() + (e.line() > 0 ? " at line " + e.line() : "")
						+ " (format: docs/calendar.md) and start again. No deadline was computed from the broken file.",
				e);
	}
}
