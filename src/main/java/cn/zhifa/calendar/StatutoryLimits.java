package cn.zhifa.calendar;

import java.util.Map;
import java.util.NoSuchElementException;

/** The statutory limits file, by key; an unknown key is an error naming the key and the file. */
public record StatutoryLimits(String file, Map<String, StatutoryLimit> byKey) {

	public StatutoryLimits {
		byKey = Map.copyOf(byKey);
	}

	public StatutoryLimit get(String key) {
		StatutoryLimit limit = key == null ? null : byKey.get(key);
		if (limit == null) {
			throw new NoSuchElementException("unknown statutory limit '" + key + "': it is not in " + file
					+ " (known: " + new java.util.TreeSet<>(byKey.keySet()) + ")");
		}
		return limit;
	}
}
