package cn.zhifa.sla;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zhifa.platform.EditedDataFile;

/**
 * The SLA board's rules, data the legal office edits: when a running deadline turns yellow, per
 * process kind, and which steps the supervisors' indicators count. Read from
 * {@code zhifa.sla.board-rules} (default {@code sla/board.yml}; if absent, the copy on the class
 * path). The file is re-read when it changes (checked on each use); a broken file fails the start-up,
 * and a broken edit later keeps the rules in force and is logged.
 */
@Component
class BoardRules {

	private static final Logger log = LoggerFactory.getLogger(BoardRules.class);
	static final String CLASSPATH_COPY = "sla/board.yml";
	static final Set<String> INDICATORS = Set.of("reviewCompliance", "disclosureTimeliness", "overdueSeizures",
			"untransferred");

	/** Yellow when at most {@code workdaysLeft} working days or at most {@code percentLeft} % of the period is left. */
	public record Thresholds(int workdaysLeft, int percentLeft) {
	}

	/** Steps of one process ({@code steps} empty: all of its steps). */
	public record StepSet(String process, List<String> steps) {
	}

	/** The parsed file. */
	public record Rules(Thresholds defaults, Map<String, Thresholds> byKind, Map<String, List<StepSet>> indicators) {

		public Thresholds of(String kind) {
			return byKind.getOrDefault(kind, defaults);
		}

		/** The default thresholds and every kind's own. */
		public List<Thresholds> all() {
			List<Thresholds> all = new java.util.ArrayList<>(byKind.values());
			all.add(defaults);
			return all;
		}

		public List<StepSet> indicator(String name) {
			return indicators.getOrDefault(name, List.of());
		}
	}

	private final EditedDataFile<Rules> file;

	BoardRules(@Value("${zhifa.sla.board-rules:sla/board.yml}") String file) {
		this.file = new EditedDataFile<>(Path.of(file), CLASSPATH_COPY, "SLA board rules", (text, source) -> {
			Rules rules = parse(text, source);
			log.info("SLA board rules from {}: default {}, by kind {}", source, rules.defaults(), rules.byKind());
			return rules;
		});
	}

	/** The rules in force (re-read first if the file changed). */
	public Rules current() {
		return file.current();
	}

	/** Parses a rules file; every problem names the file and the entry. */
	static Rules parse(String yaml, String source) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		if (!(root instanceof Map<?, ?> map)) {
			throw new IllegalStateException(source + ": expected a map with 'default'");
		}
		if (!(map.get("default") instanceof Map<?, ?> d)) {
			throw new IllegalStateException(source + ": 'default' (yellowWorkdaysLeft, yellowPercentLeft) is missing");
		}
		Thresholds defaults = thresholds(d, null, source, "default");
		Map<String, Thresholds> byKind = new LinkedHashMap<>();
		if (map.get("byKind") instanceof Map<?, ?> kinds) {
			for (var e : kinds.entrySet()) {
				if (!(e.getValue() instanceof Map<?, ?> k)) {
					throw new IllegalStateException(source + ": byKind." + e.getKey() + " must be a map");
				}
				byKind.put(e.getKey().toString(), thresholds(k, defaults, source, "byKind." + e.getKey()));
			}
		}
		else if (map.get("byKind") != null) {
			throw new IllegalStateException(source + ": 'byKind' must be a map");
		}
		Map<String, List<StepSet>> indicators = new LinkedHashMap<>();
		if (map.get("indicators") instanceof Map<?, ?> is) {
			for (var e : is.entrySet()) {
				String name = e.getKey().toString();
				if (!INDICATORS.contains(name)) {
					throw new IllegalStateException(source + ": unknown indicator '" + name + "' (known: " + INDICATORS + ")");
				}
				if (!(e.getValue() instanceof List<?> list)) {
					throw new IllegalStateException(source + ": indicators." + name + " must be a list");
				}
				List<StepSet> sets = new ArrayList<>();
				for (Object item : list) {
					if (!(item instanceof Map<?, ?> s) || !(s.get("process") instanceof String process) || process.isBlank()) {
						throw new IllegalStateException(source + ": every entry of indicators." + name + " needs 'process'");
					}
					List<String> steps = new ArrayList<>();
					if (s.get("steps") instanceof List<?> ss) {
						ss.forEach(x -> steps.add(String.valueOf(x)));
					}
					else if (s.get("steps") != null) {
						throw new IllegalStateException(source + ": indicators." + name + " " + process + ": 'steps' must be a list");
					}
					sets.add(new StepSet(process, List.copyOf(steps)));
				}
				indicators.put(name, List.copyOf(sets));
			}
		}
		return new Rules(defaults, Map.copyOf(byKind), Map.copyOf(indicators));
	}

	private static Thresholds thresholds(Map<?, ?> m, Thresholds fallback, String source, String where) {
		int workdays = number(m, "yellowWorkdaysLeft", fallback == null ? null : fallback.workdaysLeft(), source, where);
		int percent = number(m, "yellowPercentLeft", fallback == null ? null : fallback.percentLeft(), source, where);
		if (workdays < 0 || workdays > 60) {
			throw new IllegalStateException(source + ": " + where + ".yellowWorkdaysLeft must be 0..60");
		}
		if (percent < 0 || percent > 100) {
			throw new IllegalStateException(source + ": " + where + ".yellowPercentLeft must be 0..100");
		}
		return new Thresholds(workdays, percent);
	}

	private static int number(Map<?, ?> m, String key, Integer fallback, String source, String where) {
		Object v = m.get(key);
		if (v == null && fallback != null) {
			return fallback;
		}
		if (!(v instanceof Integer n)) {
			throw new IllegalStateException(source + ": " + where + "." + key + " must be a whole number");
		}
		return n;
	}
}
