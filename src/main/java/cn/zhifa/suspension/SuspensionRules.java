package cn.zhifa.suspension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zhifa.calendar.CalendarData;
import cn.zhifa.calendar.CalendarFiles;
import cn.zhifa.calendar.CalendarRegistry;
import cn.zhifa.calendar.LimitUnit;
import cn.zhifa.calendar.StatutoryLimit;
import cn.zhifa.platform.EditedDataFile;

/**
 * The suspending events, data the legal office edits: {@code period-suspensions.yml} in the calendar
 * folder ({@code zhifa.calendar.dir}; the jar's copy {@code classpath:calendar/period-suspensions.yml}
 * when the file is absent). Each event names the period it suspends, the steps that start and end it,
 * the reason shown to people, and its statute (a key of {@code statute-day-rules.yml}), article and
 * basis — an event without them is refused. The file is re-read when it changes; a broken edit is
 * logged and the previous rules stay in force (a broken file at start-up fails the start).
 */
@Component
class SuspensionRules {

	private static final Logger log = LoggerFactory.getLogger(SuspensionRules.class);
	static final String CLASSPATH_COPY = "calendar/" + CalendarFiles.SUSPENSIONS_FILE;
	private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]*");
	private static final Pattern ARTICLE = Pattern.compile("第[一二三四五六七八九十百零〇0-9]+条.*");

	/**
	 * A period that can be suspended, and how its due date is computed again. It runs from the moment in
	 * {@code startVariable} until the moment in the optional {@code endVariable} (e.g. the seizure ends when the
	 * goods are decided on): an event outside that span does not suspend it.
	 */
	public record Period(String key, String process, String startVariable, String dueVariable,
			String suspendedDaysVariable, String extensionLimit, String extensionCountVariable, List<String> timers,
			List<String> endVariables) {
	}

	/** One suspending event. */
	public record Event(String key, String name, String period, String statute, String article, String basis,
			String reason, String from, String to) {
	}

	public record Rules(Map<String, Period> periods, Map<String, Event> events) {

		/** Events of {@code process} starting when {@code activityId} starts. */
		public List<Event> startingAt(String process, String activityId) {
			return events.values().stream().filter(e -> e.from().equals(activityId)
					&& process.equals(periods.get(e.period()).process())).toList();
		}

		/** Events of {@code process} ending when {@code activityId} ends. */
		public List<Event> endingAt(String process, String activityId) {
			return events.values().stream().filter(e -> e.to().equals(activityId)
					&& process.equals(periods.get(e.period()).process())).toList();
		}
	}

	private final EditedDataFile<Rules> file;

	SuspensionRules(@Value("${zhifa.calendar.dir:calendar}") String dir, CalendarRegistry calendar) {
		this.file = new EditedDataFile<>(
				Path.of(dir.isBlank() ? "calendar" : dir).resolve(CalendarFiles.SUSPENSIONS_FILE), CLASSPATH_COPY,
				"period suspensions", (text, source) -> {
					Rules rules = parse(text, source, calendar.current());
					log.info("Period suspensions from {}: {}", source, rules.events().keySet());
					return rules;
				});
	}

	/** The rules in force (re-read first if the file changed). */
	public Rules current() {
		return file.current();
	}

	/**
	 * Parses the file and checks it against the calendar's statutes and limits; a problem is an
	 * {@link IllegalArgumentException} with a message in Chinese naming the file and the entry.
	 */
	public static Rules parse(String text, String source, CalendarData calendar) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(new SafeConstructor(options)).load(text);
		}
		catch (RuntimeException e) {
			throw invalid(source, "YAML 格式错误：" + e.getMessage());
		}
		Map<String, Object> top = map(source, root, "文件内容", Set.of("periods", "events"));
		Map<String, Period> periods = new LinkedHashMap<>();
		for (var e : map(source, top.get("periods"), "periods", null).entrySet()) {
			String key = e.getKey();
			StatutoryLimit limit = calendar.limits().byKey().get(key);
			if (limit == null) {
				throw invalid(source, "periods." + key + "：不是 statutory-limits.yml 中的期限");
			}
			if (limit.unit() != LimitUnit.DAYS) {
				throw invalid(source, "periods." + key + "：只有按日（DAYS）计算的期限可以按天暂停，而它按 " + limit.unit() + " 计算");
			}
			Map<String, Object> f = map(source, e.getValue(), "periods." + key, Set.of("process", "startVariable",
					"dueVariable", "suspendedDaysVariable", "extensionLimit", "extensionCountVariable", "timers", "endVariables"));
			String extension = optional(source, f, "extensionLimit", "periods." + key);
			if (extension != null && calendar.limits().byKey().get(extension) == null) {
				throw invalid(source, "periods." + key + ".extensionLimit " + extension + " 不是 statutory-limits.yml 中的期限");
			}
			List<String> timers = new ArrayList<>();
			if (!(f.get("timers") instanceof List<?> list) || list.isEmpty()) {
				throw invalid(source, "periods." + key + ".timers 应列出该期限的计时器");
			}
			else {
				list.forEach(t -> timers.add(String.valueOf(t)));
			}
			periods.put(key, new Period(key, required(source, f, "process", "periods." + key),
					required(source, f, "startVariable", "periods." + key), required(source, f, "dueVariable", "periods." + key),
					required(source, f, "suspendedDaysVariable", "periods." + key), extension,
					optional(source, f, "extensionCountVariable", "periods." + key), List.copyOf(timers),
					f.get("endVariables") instanceof List<?> ends ? ends.stream().map(String::valueOf).toList() : List.of()));
		}
		Map<String, Event> events = new LinkedHashMap<>();
		for (var e : map(source, top.get("events"), "events", null).entrySet()) {
			String key = e.getKey();
			String at = "events." + key;
			if (!KEY.matcher(key).matches()) {
				throw invalid(source, at + "：键名只能由大写字母、数字和下划线组成");
			}
			Map<String, Object> f = map(source, e.getValue(), at, Set.of("name", "period", "statute", "article", "basis",
					"reason", "from", "to"));
			String period = required(source, f, "period", at);
			if (!periods.containsKey(period)) {
				throw invalid(source, at + ".period " + period + " 不在 periods 中");
			}
			String statute = required(source, f, "statute", at);
			if (calendar.statuteRules().byKey().get(statute) == null) {
				throw invalid(source, at + ".statute " + statute + " 不在 statute-day-rules.yml 中（可选："
						+ String.join("、", new TreeSet<>(calendar.statuteRules().byKey().keySet())) + "）");
			}
			String article = required(source, f, "article", at);
			if (!ARTICLE.matcher(article).matches()) {
				throw invalid(source, at + ".article 应写明条款，如 第六十四条第二款，而不是 " + article);
			}
			String reason = required(source, f, "reason", at);
			if (reason.length() > 500) {
				throw invalid(source, at + ".reason 不能超过 500 字");
			}
			events.put(key, new Event(key, required(source, f, "name", at), period, statute, article,
					required(source, f, "basis", at), reason, required(source, f, "from", at), required(source, f, "to", at)));
		}
		return new Rules(Map.copyOf(periods), java.util.Collections.unmodifiableMap(events));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(String source, Object value, String what, Set<String> allowed) {
		if (!(value instanceof Map<?, ?> m)) {
			throw invalid(source, what + " 应为“字段: 值”的结构");
		}
		Map<String, Object> result = new LinkedHashMap<>();
		for (var e : m.entrySet()) {
			String k = String.valueOf(e.getKey());
			if (allowed != null && !allowed.contains(k)) {
				throw invalid(source, what + "：无法识别的字段 " + k + "（允许：" + String.join("、", new TreeSet<>(allowed)) + "）");
			}
			result.put(k, e.getValue());
		}
		return (Map<String, Object>) (Map<?, ?>) result;
	}

	private static String required(String source, Map<String, Object> f, String field, String at) {
		String v = optional(source, f, field, at);
		if (v == null) {
			throw invalid(source, at + "：缺少字段 " + field);
		}
		return v;
	}

	private static String optional(String source, Map<String, Object> f, String field, String at) {
		Object v = f.get(field);
		if (v == null) {
			return null;
		}
		String s = String.valueOf(v).strip();
		if (s.isEmpty()) {
			throw invalid(source, at + "." + field + " 应为非空文字");
		}
		return s;
	}

	private static IllegalArgumentException invalid(String source, String problem) {
		return new IllegalArgumentException(source + "：" + problem);
	}
}
