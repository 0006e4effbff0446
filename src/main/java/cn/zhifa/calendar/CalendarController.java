package cn.zhifa.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.RoleRequired;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.problem.Problem;

/**
 * {@code /api/calendar}: any logged-in user may ask about days and deadlines; reloading the files
 * and recomputing provisional deadlines is for administrators ({@link Roles#ADMIN}) only.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	static final int MAX_ADD = 366;

	private final CalendarRegistry registry;
	private final ProvisionalDeadlines provisionalDeadlines;

	CalendarController(CalendarRegistry registry, ProvisionalDeadlines provisionalDeadlines) {
		this.registry = registry;
		this.provisionalDeadlines = provisionalDeadlines;
	}

	record DayAnswer(LocalDate date, boolean workday, String name, boolean provisional) {
	}

	record DeadlineAnswer(LocalDate from, int add, LocalDate due, Instant dueAt, boolean provisional) {
	}

	record CalendarSummary(String origin, Collection<Integer> years, Collection<String> limits) {
	}

	@GetMapping("/days/{date}")
	DayAnswer day(@PathVariable String date) {
		LocalDate day = date(date, "date");
		WorkingDayCalendar calendar = registry.current().calendar();
		DayInfo info = calendar.dayInfo(day);
		return new DayAnswer(day, calendar.isWorkday(day), info == null ? null : info.name(),
				!calendar.hasYear(day.getYear()));
	}

	@GetMapping("/workdays")
	DeadlineAnswer workdays(@RequestParam(required = false) String from, @RequestParam(required = false) String add) {
		LocalDate start = date(from, "from");
		int n = amount(add);
		return answer(start, n, registry.current().calendar().workdays(start, n));
	}

	@GetMapping("/calendar-days")
	DeadlineAnswer calendarDays(@RequestParam(required = false) String from,
			@RequestParam(required = false) String add) {
		LocalDate start = date(from, "from");
		int n = amount(add);
		return answer(start, n, registry.current().calendar().days(start, n));
	}

	@GetMapping("/limits")
	Collection<StatutoryLimit> limits() {
		return registry.current().limits().byKey().values().stream()
			.sorted(java.util.Comparator.comparing(StatutoryLimit::key)).toList();
	}

	/** Re-reads the year files and the limits file; 400 naming file and line when one is malformed. */
	@PostMapping("/reload")
	@RoleRequired(value = Roles.ADMIN, refusal = "只有系统管理员（" + Roles.ADMIN + "）可以执行此操作")
	CalendarSummary reload() {
		CalendarData data;
		try {
			data = registry.reload();
		}
		catch (CalendarFileException e) {
			throw Problem.invalid("file", "日历文件有误，未重新加载，原日历继续有效：" + e.getMessage()).with("file", e.file())
				.with("line", e.line());
		}
		return new CalendarSummary(data.origin(), data.calendar().years(), new TreeSet<>(data.limits().byKey().keySet()));
	}

	/**
	 * Recomputes the due dates of running timers and tasks that fall in {@code year} (repeatable;
	 * default: every year from this one on that now has a file); see {@link ProvisionalDeadlines}.
	 */
	@PostMapping("/recompute-provisional")
	@RoleRequired(value = Roles.ADMIN, refusal = "只有系统管理员（" + Roles.ADMIN + "）可以执行此操作")
	ProvisionalDeadlines.Result recomputeProvisional(@RequestParam(name = "year", required = false) List<String> years) {
		WorkingDayCalendar calendar = registry.current().calendar();
		Set<Integer> target = new TreeSet<>();
		if (years == null || years.isEmpty()) {
			int thisYear = LocalDate.now(WorkingDayCalendar.SHANGHAI).getYear();
			calendar.years().stream().filter(y -> y >= thisYear).forEach(target::add);
		}
		else {
			for (String y : years) {
				int year;
				try {
					year = Integer.parseInt(y.trim());
				}
				catch (NumberFormatException e) {
					throw Problem.invalid("year", "参数 year 应为四位年份，而不是 " + y);
				}
				if (!calendar.hasYear(year)) {
					throw Problem.invalid("year", "参数 year：" + year + " 年还没有日历文件，重新计算不会改变任何期限；请先添加 calendar/"
							+ year + ".yml 并重新加载");
				}
				target.add(year);
			}
		}
		return provisionalDeadlines.recompute(target);
	}

	private DeadlineAnswer answer(LocalDate start, int n, Deadline deadline) {
		return new DeadlineAnswer(start, n, deadline.due(), deadline.dueAt(), deadline.provisional());
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid(field, "缺少参数 " + field + "（日期，格式 yyyy-MM-dd）");
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid(field, "参数 " + field + " 应为日期 yyyy-MM-dd（如 2026-03-02），而不是 " + value);
		}
	}

	private static int amount(String value) {
		if (value == null || value.isBlank()) {
			throw Problem.invalid("add", "缺少参数 add（天数，0 到 " + MAX_ADD + "）");
		}
		int n;
		try {
			n = Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw Problem.invalid("add", "参数 add 应为整数，而不是 " + value);
		}
		if (n < 0 || n > MAX_ADD) {
			throw Problem.invalid("add", "参数 add 应在 0 到 " + MAX_ADD + " 之间，而不是 " + n);
		}
		return n;
	}
}
