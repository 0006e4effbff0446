package cn.zhifa.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code calendar}: {@code UP} when this year's and next year's files are present,
 * else the custom status {@code WARN} with the detail {@code warning: "calendar for 2027 missing"}
 * and one WARN log line. WARN is not in Boot's status order, so the overall status stays UP and the
 * HTTP code 200: a missing year must be noticed, but it does not make the application unhealthy
 * (ADR-0005).
 */
@Component("calendarHealthIndicator")
class CalendarHealthIndicator implements HealthIndicator {

	static final Status WARN = new Status("WARN", "calendar file missing: deadlines in that year are provisional");
	private static final Logger log = LoggerFactory.getLogger(CalendarHealthIndicator.class);

	private final CalendarRegistry registry;
	private volatile Set<Integer> lastReported = Set.of();

	CalendarHealthIndicator(CalendarRegistry registry) {
		this.registry = registry;
	}

	@Override
	public Health health() {
		return health(LocalDate.now(WorkingDayCalendar.SHANGHAI));
	}

	Health health(LocalDate today) {
		CalendarData data = registry.current();
		List<Integer> missing = IntStream.of(today.getYear(), today.getYear() + 1)
			.filter(y -> !data.calendar().hasYear(y)).boxed().toList();
		Health.Builder health = missing.isEmpty() ? Health.up() : Health.status(WARN);
		health.withDetail("years", data.calendar().years()).withDetail("source", data.origin())
			.withDetail("statutoryLimits", data.limits().byKey().size());
		if (!missing.isEmpty()) {
			String warning = "calendar for " + String.join(" and ", missing.stream().map(String::valueOf).toList())
					+ " missing";
			health.withDetail("missing", missing).withDetail("warning", warning);
			if (!Set.copyOf(missing).equals(lastReported)) {
				log.warn("{}: deadlines in those years are computed with weekends only and flagged provisional;"
						+ " add the year file (docs/calendar.md) and POST /api/calendar/reload", warning);
			}
		}
		lastReported = Set.copyOf(missing);
		return health.build();
	}
}
