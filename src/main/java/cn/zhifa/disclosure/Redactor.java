package cn.zhifa.disclosure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Applies redaction rules to a text (R-DISC-4): first the names of the natural persons the caller
 * knows (the party) are masked everywhere (张三 → 张*), then each rule in file order. Spans a
 * {@code KEEP} rule matched (organisations' credit codes) are protected from the rules after it.
 * Pure and thread-safe; {@link RedactionRules} holds the current instance.
 */
public final class Redactor {

	/** Private-use characters around a protected span's index: no rule pattern matches them. */
	private static final char OPEN = '\uE000';
	private static final char CLOSE = '\uE001';

	private final List<RedactionRule> rules;

	Redactor(List<RedactionRule> rules) {
		this.rules = List.copyOf(rules);
	}

	List<RedactionRule> rules() {
		return rules;
	}

	/** Redacts {@code text}; {@code personNames} are natural persons' full names to mask wherever they occur. */
	public Redaction redact(String text, Collection<String> personNames) {
		if (text == null || text.isEmpty()) {
			return new Redaction(text == null ? "" : text, Map.of());
		}
		Map<String, Integer> findings = new LinkedHashMap<>();
		List<String> kept = new ArrayList<>();
		String current = text.replace(OPEN, ' ').replace(CLOSE, ' ');
		List<String> names = personNames == null ? List.of()
				: personNames.stream().filter(n -> n != null && n.strip().length() >= 2).map(String::strip).distinct()
					.sorted(Comparator.comparingInt(String::length).reversed()).toList();
		for (String name : names) {
			int count = occurrences(current, name);
			if (count > 0) {
				current = current.replace(name, mask(name));
				findings.merge("自然人姓名", count, Integer::sum);
			}
		}
		for (RedactionRule rule : rules) {
			Matcher m = rule.pattern().matcher(current);
			StringBuilder out = new StringBuilder();
			int count = 0;
			while (m.find()) {
				int group = rule.group() <= m.groupCount() ? rule.group() : 0;
				if (m.start(group) < 0) {
					continue;
				}
				String target = m.group(group);
				String replaced = switch (rule.action()) {
					case KEEP -> {
						kept.add(target);
						yield OPEN + Integer.toString(kept.size() - 1) + CLOSE;
					}
					case REPLACE -> rule.replacement();
					case MASK -> mask(target);
				};
				String whole = m.group();
				int offset = m.start(group) - m.start();
				String result = whole.substring(0, offset) + replaced + whole.substring(offset + target.length());
				m.appendReplacement(out, Matcher.quoteReplacement(result));
				if (rule.action() != RedactionRule.Action.KEEP) {
					count++;
				}
			}
			m.appendTail(out);
			current = out.toString();
			if (count > 0) {
				findings.merge(rule.label(), count, Integer::sum);
			}
		}
		return new Redaction(restore(current, kept), Collections.unmodifiableMap(findings));
	}

	/** 张三 → 张*, 欧阳娜娜 → 欧***: the first character and one {@code *} per other character. */
	public static String mask(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String n = name.strip();
		int first = n.offsetByCodePoints(0, 1);
		return n.substring(0, first) + "*".repeat(n.codePointCount(first, n.length()));
	}

	private static String restore(String text, List<String> kept) {
		if (kept.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int end = c == OPEN ? text.indexOf(CLOSE, i) : -1;
			if (end > i) {
				out.append(kept.get(Integer.parseInt(text.substring(i + 1, end))));
				i = end + 1;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
			count++;
		}
		return count;
	}
}
