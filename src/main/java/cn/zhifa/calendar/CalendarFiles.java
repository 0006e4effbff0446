package cn.zhifa.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a calendar folder: {@code <yyyy>.yml} year files, {@code statutory-limits.yml} and
 * {@code statute-day-rules.yml} (format in docs/calendar.md). Every limit counted in days must count
 * them as its statute says (行政处罚法 art. 85, 行政强制法 art. 69, …): a limit whose unit contradicts
 * its statute's rule is refused like any other mistake. Every problem is a {@link CalendarFileException} naming the file
 * and the line, with a message in Chinese for the legal office that edits the files. Nothing is
 * half-loaded: either the whole folder is valid or an exception is thrown.
 */
public final class CalendarFiles {

	public static final String LIMITS_FILE = "statutory-limits.yml";
	public static final String STATUTES_FILE = "statute-day-rules.yml";
	/** Which steps suspend which period (read by {@code cn.zhifa.suspension.SuspensionRules}, not here). */
	public static final String SUSPENSIONS_FILE = "period-suspensions.yml";
	private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.ya?ml");
	private static final int MAX_HOLIDAY_LENGTH = 15;
	private static final int MAX_LIMIT_AMOUNT = 3650;
	private static final Pattern LIMIT_KEY = Pattern.compile("[A-Z][A-Z0-9_]*");

	private CalendarFiles() {
	}

	/** Loads {@code dir}; the names in messages are {@code <dir name>/<file>}, e.g. {@code calendar/2026.yml}. */
	public static CalendarData load(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new CalendarFileException(dir.toString(), 0, "日历目录不存在");
		}
		Map<String, String> contents = new TreeMap<>();
		try (Stream<Path> list = Files.list(dir)) {
			for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
				String name = p.getFileName().toString();
				if (name.endsWith(".yml") || name.endsWith(".yaml")) {
					contents.put(name, Files.readString(p, StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException e) {
			throw new CalendarFileException(dir.toString(), 0, "无法读取日历目录: " + e.getMessage(), e);
		}
		Path folderName = dir.toAbsolutePath().normalize().getFileName();
		return parse(dir.toAbsolutePath().normalize().toString(), folderName == null ? "" : folderName + "/", contents);
	}

	/** Loads the copies packaged in the application under {@code classpath:calendar/}. */
	public static CalendarData loadFromClasspath() {
		Map<String, String> contents = new TreeMap<>();
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			for (Resource r : resolver.getResources("classpath*:calendar/*.y*ml")) {
				if (r.isReadable() && r.getFilename() != null) {
					contents.put(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the calendar packaged in the application", e);
		}
		if (contents.isEmpty()) {
			throw new CalendarFileException("classpath:calendar/", 0, "应用中没有打包日历文件");
		}
		return parse("classpath:calendar/", "calendar/", contents);
	}

	/** Parses file name → content; {@code prefix} is put before file names in messages. */
	static CalendarData parse(String origin, String prefix, Map<String, String> contents) {
		List<YearCalendar> years = new ArrayList<>();
		String limitsContent = null;
		String statutesContent = null;
		Map<LocalDate, String> declaredIn = new HashMap<>();
		for (Map.Entry<String, String> file : contents.entrySet()) {
			String name = prefix + file.getKey();
			var year = YEAR_FILE.matcher(file.getKey());
			if (year.matches()) {
				YearCalendar parsed = parseYear(name, Integer.parseInt(year.group(1)), file.getValue());
				for (LocalDate date : parsed.days().keySet()) {
					String other = declaredIn.putIfAbsent(date, name);
					if (other != null) {
						throw new CalendarFileException(name, 0, date + " 已在 " + other + " 中列出，同一日期只能在一个文件中出现");
					}
				}
				years.add(parsed);
			}
			else if (file.getKey().equals(LIMITS_FILE)) {
				limitsContent = file.getValue();
			}
			else if (file.getKey().equals(STATUTES_FILE)) {
				statutesContent = file.getValue();
			}
			else if (file.getKey().equals(SUSPENSIONS_FILE)) {
				// the suspending events: their own loader, checked against this folder's statutes and limits
			}
			else {
				throw new CalendarFileException(name, 0, "无法识别的文件名：年度日历应命名为四位年份（如 2027.yml），期限配置为 "
						+ LIMITS_FILE + "，各法律文件的期间计算规则为 " + STATUTES_FILE
						+ "，不计入期限的期间为 " + SUSPENSIONS_FILE);
			}
		}
		if (statutesContent == null) {
			throw new CalendarFileException(prefix + STATUTES_FILE, 0, "缺少各法律文件期间计算规则文件");
		}
		if (limitsContent == null) {
			throw new CalendarFileException(prefix + LIMITS_FILE, 0, "缺少法定期限配置文件");
		}
		StatuteDayRules statutes = parseStatutes(prefix + STATUTES_FILE, statutesContent);
		StatutoryLimits limits = parseLimits(prefix + LIMITS_FILE, limitsContent, statutes);
		return new CalendarData(origin, years, new WorkingDayCalendar(years), limits, statutes, Instant.now());
	}

	// --- year files -----------------------------------------------------------------------

	static YearCalendar parseYear(String file, int fileYear, String content) {
		MappingNode root = root(file, content);
		Map<String, Node> top = fields(file, root, Set.of("year", "source", "holidays"), Set.of("year", "holidays"));
		int year = integer(file, top.get("year"), "year");
		if (year != fileYear) {
			throw error(file, top.get("year"), "year: " + year + " 与文件名的年份 " + fileYear + " 不一致");
		}
		String source = top.containsKey("source") ? text(file, top.get("source"), "source") : "";
		Map<LocalDate, DayInfo> days = new LinkedHashMap<>();
		for (Node item : sequence(file, top.get("holidays"), "holidays")) {
			MappingNode holiday = mapping(file, item, "holidays 的每一项");
			Map<String, Node> f = fields(file, holiday, Set.of("name", "from", "to", "adjustedWorkdays"),
					Set.of("name", "from", "to"));
			String name = text(file, f.get("name"), "name");
			LocalDate from = date(file, f.get("from"), "from");
			LocalDate to = date(file, f.get("to"), "to");
			inYear(file, f.get("from"), from, year);
			inYear(file, f.get("to"), to, year);
			if (to.isBefore(from)) {
				throw error(file, f.get("to"), name + "：结束日期 " + to + " 早于开始日期 " + from);
			}
			if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_HOLIDAY_LENGTH) {
				throw error(file, f.get("to"), name + "：放假超过 " + MAX_HOLIDAY_LENGTH + " 天，请检查日期");
			}
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				put(file, f.get("from"), days, d, new DayInfo(false, name));
			}
			if (f.containsKey("adjustedWorkdays")) {
				for (Node n : sequence(file, f.get("adjustedWorkdays"), "adjustedWorkdays")) {
					LocalDate d = date(file, n, "adjustedWorkdays");
					inYear(file, n, d, year);
					if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
						throw error(file, n, "调休上班日 " + d + " 不是周六或周日（是" + weekday(d) + "），请检查日期");
					}
					put(file, n, days, d, new DayInfo(true, name + "调休上班"));
				}
			}
		}
		return new YearCalendar(year, file, source, days);
	}

	private static void put(String file, Node at, Map<LocalDate, DayInfo> days, LocalDate date, DayInfo info) {
		DayInfo before = days.putIfAbsent(date, info);
		if (before != null) {
			throw error(file, at, date + " 重复出现（已列为" + before.name() + "）");
		}
	}

	/** A year file may also list the last days of December before or the first of January after (a cross-year holiday). */
	private static void inYear(String file, Node at, LocalDate date, int year) {
		boolean ok = date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12)
				|| (date.getYear() == year + 1 && date.getMonthValue() == 1);
		if (!ok) {
			throw error(file, at, date + " 不在 " + year + " 年内");
		}
	}

	private static String weekday(LocalDate d) {
		return "周" + "一二三四五六日".charAt(d.getDayOfWeek().getValue() - 1);
	}

	// --- limits file ----------------------------------------------------------------------

	static StatutoryLimits parseLimits(String file, String content, StatuteDayRules statutes) {
		MappingNode root = root(file, content);
		Map<String, Node> top = fields(file, root, Set.of("limits"), Set.of("limits"));
		MappingNode limitsNode = mapping(file, top.get("limits"), "limits");
		Map<String, StatutoryLimit> limits = new LinkedHashMap<>();
		for (NodeTuple tuple : limitsNode.getValue()) {
			String key = text(file, tuple.getKeyNode(), "期限键名");
			if (!LIMIT_KEY.matcher(key).matches()) {
				throw error(file, tuple.getKeyNode(), "键名 " + key + " 只能由大写字母、数字和下划线组成（如 LEGAL_REVIEW）");
			}
			if (limits.containsKey(key)) {
				throw error(file, tuple.getKeyNode(), "键名 " + key + " 重复");
			}
			MappingNode entry = mapping(file, tuple.getValueNode(), key);
			Map<String, Node> f = fields(file, entry, Set.of("amount", "statute", "unit", "label", "basis"),
					Set.of("amount", "statute", "unit", "label", "basis"));
			int amount = integer(file, f.get("amount"), key + ".amount");
			if (amount <= 0 || amount > MAX_LIMIT_AMOUNT) {
				throw error(file, f.get("amount"), key + ".amount 必须是 1 到 " + MAX_LIMIT_AMOUNT + " 之间的整数");
			}
			String unitText = text(file, f.get("unit"), key + ".unit");
			LimitUnit unit;
			try {
				unit = LimitUnit.valueOf(unitText);
			}
			catch (IllegalArgumentException e) {
				throw error(file, f.get("unit"),
						key + ".unit 必须是 WORKING_DAYS（工作日）、DAYS（日）、HOURS（小时）、MONTHS（月）或 YEARS（年），而不是 " + unitText);
			}
			String statute = text(file, f.get("statute"), key + ".statute");
			StatuteDayRule rule = statutes.byKey().get(statute);
			if (rule == null) {
				throw error(file, f.get("statute"), key + ".statute " + statute + " 不在 " + statutes.file() + " 中（可选："
						+ String.join("、", new java.util.TreeSet<>(statutes.byKey().keySet())) + "）");
			}
			StatutoryLimit limit = new StatutoryLimit(key, amount, statute, unit, text(file, f.get("label"), key + ".label"),
					text(file, f.get("basis"), key + ".basis"));
			if (!rule.allows(limit)) {
				LimitUnit expected = rule.unitFor(amount);
				throw error(file, f.get("unit"), key + "：" + rule.name() + "的" + amount + "日期间应按"
						+ (expected == LimitUnit.WORKING_DAYS ? "工作日（WORKING_DAYS）" : "自然日（DAYS）") + "计算，而不是 " + unit
						+ "（" + rule.basis() + "）");
			}
			limits.put(key, limit);
		}
		return new StatutoryLimits(file, limits);
	}

	// --- statutes' day-type rules ----------------------------------------------------------

	static StatuteDayRules parseStatutes(String file, String content) {
		MappingNode root = root(file, content);
		Map<String, Node> top = fields(file, root, Set.of("statutes"), Set.of("statutes"));
		MappingNode statutesNode = mapping(file, top.get("statutes"), "statutes");
		Map<String, StatuteDayRule> rules = new LinkedHashMap<>();
		for (NodeTuple tuple : statutesNode.getValue()) {
			String key = text(file, tuple.getKeyNode(), "法律文件键名");
			if (!LIMIT_KEY.matcher(key).matches()) {
				throw error(file, tuple.getKeyNode(), "键名 " + key + " 只能由大写字母、数字和下划线组成（如 ADMINISTRATIVE_PENALTY_LAW）");
			}
			if (rules.containsKey(key)) {
				throw error(file, tuple.getKeyNode(), "键名 " + key + " 重复");
			}
			MappingNode entry = mapping(file, tuple.getValueNode(), key);
			Map<String, Node> f = fields(file, entry, Set.of("name", "rule", "amounts", "upTo", "basis"),
					Set.of("name", "rule", "basis"));
			String ruleText = text(file, f.get("rule"), key + ".rule");
			StatuteDayRule.Kind kind;
			try {
				kind = StatuteDayRule.Kind.valueOf(ruleText);
			}
			catch (IllegalArgumentException e) {
				throw error(file, f.get("rule"), key + ".rule 必须是 ALL_WORKING_DAYS、ALL_CALENDAR_DAYS、WORKING_DAYS_LISTED 或 "
						+ "WORKING_DAYS_UP_TO，而不是 " + ruleText);
			}
			Set<Integer> amounts = new java.util.TreeSet<>();
			Integer upTo = null;
			if (kind == StatuteDayRule.Kind.WORKING_DAYS_LISTED) {
				if (!f.containsKey("amounts")) {
					throw error(file, entry, key + "：WORKING_DAYS_LISTED 须用 amounts 列出按工作日计算的天数");
				}
				for (Node n : sequence(file, f.get("amounts"), key + ".amounts")) {
					int a = integer(file, n, key + ".amounts");
					if (a <= 0 || a > MAX_LIMIT_AMOUNT) {
						throw error(file, n, key + ".amounts 必须是 1 到 " + MAX_LIMIT_AMOUNT + " 之间的整数");
					}
					amounts.add(a);
				}
			}
			else if (f.containsKey("amounts")) {
				throw error(file, f.get("amounts"), key + "：只有 WORKING_DAYS_LISTED 使用 amounts");
			}
			if (kind == StatuteDayRule.Kind.WORKING_DAYS_UP_TO) {
				if (!f.containsKey("upTo")) {
					throw error(file, entry, key + "：WORKING_DAYS_UP_TO 须用 upTo 写明按工作日计算的最长天数");
				}
				upTo = integer(file, f.get("upTo"), key + ".upTo");
				if (upTo <= 0 || upTo > MAX_LIMIT_AMOUNT) {
					throw error(file, f.get("upTo"), key + ".upTo 必须是 1 到 " + MAX_LIMIT_AMOUNT + " 之间的整数");
				}
			}
			else if (f.containsKey("upTo")) {
				throw error(file, f.get("upTo"), key + "：只有 WORKING_DAYS_UP_TO 使用 upTo");
			}
			rules.put(key, new StatuteDayRule(key, text(file, f.get("name"), key + ".name"), kind, amounts, upTo,
					text(file, f.get("basis"), key + ".basis")));
		}
		return new StatuteDayRules(file, rules);
	}

	// --- YAML helpers: every value keeps its line -------------------------------------------

	private static MappingNode root(String file, String content) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(new SafeConstructor(options)).compose(new StringReader(content));
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			throw new CalendarFileException(file, mark == null ? 0 : mark.getLine() + 1,
					"YAML 格式错误：" + e.getProblem(), e);
		}
		catch (YAMLException e) {
			throw new CalendarFileException(file, 0, "YAML 格式错误：" + e.getMessage(), e);
		}
		if (root == null) {
			throw new CalendarFileException(file, 1, "文件为空");
		}
		return mapping(file, root, "文件内容");
	}

	private static Map<String, Node> fields(String file, MappingNode node, Set<String> allowed, Set<String> required) {
		Map<String, Node> fields = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (NodeTuple tuple : node.getValue()) {
			String key = text(file, tuple.getKeyNode(), "键名");
			if (!allowed.contains(key)) {
				throw error(file, tuple.getKeyNode(), "无法识别的字段 " + key + "（允许：" + String.join("、", new java.util.TreeSet<>(allowed)) + "）");
			}
			if (!seen.add(key)) {
				throw error(file, tuple.getKeyNode(), "字段 " + key + " 重复");
			}
			fields.put(key, tuple.getValueNode());
		}
		for (String key : new java.util.TreeSet<>(required)) {
			if (!fields.containsKey(key)) {
				throw error(file, node, "缺少字段 " + key);
			}
		}
		return fields;
	}

	private static MappingNode mapping(String file, Node node, String what) {
		if (node instanceof MappingNode m) {
			return m;
		}
		throw error(file, node, what + " 应为“字段: 值”的结构");
	}

	private static List<Node> sequence(String file, Node node, String what) {
		if (node instanceof SequenceNode s) {
			return s.getValue();
		}
		throw error(file, node, what + " 应为列表（每项以“- ”开头，或写成 [a, b]）");
	}

	private static String text(String file, Node node, String what) {
		if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
			return s.getValue().trim();
		}
		throw error(file, node, what + " 应为非空文字");
	}

	private static int integer(String file, Node node, String what) {
		String value = text(file, node, what);
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw error(file, node, what + " 应为整数，而不是 " + value);
		}
	}

	private static LocalDate date(String file, Node node, String what) {
		String value = text(file, node, what);
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			throw error(file, node, what + " 应为日期 yyyy-MM-dd（如 2027-01-01），而不是 " + value);
		}
	}

	private static CalendarFileException error(String file, Node node, String problem) {
		return new CalendarFileException(file, node == null ? 0 : node.getStartMark().getLine() + 1, problem);
	}
}
