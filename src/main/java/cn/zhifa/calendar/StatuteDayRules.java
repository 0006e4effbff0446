package cn.zhifa.calendar;

import java.util.Map;
import java.util.NoSuchElementException;

/** The statutes' own day-type rules ({@code calendar/statute-day-rules.yml}), by key. */
public record StatuteDayRules(String file, Map<String, StatuteDayRule> byKey) {

	public StatuteDayRules {
		byKey = Map.copyOf(byKey);
	}

	public StatuteDayRule get(String key) {
		StatuteDayRule rule = key == null ? null : byKey.get(key);
		if (rule == null) {
			throw new NoSuchElementException("unknown statute '" + key + "': it is not in " + file);
		}
		return rule;
	}
}
