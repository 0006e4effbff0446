package cn.zhifa.enforcementcase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.zhifa.organisation.DataFiles;

/**
 * The party's evidence confirmation (当事人证据确认制度, R-COORD-7, seed 002 (十三)) as data
 * ({@code evidence/confirmation.yml}): for each statutory kind of evidence (行政处罚法 第四十六条) the ways its
 * confirmation may be recorded — a short name the officer writes at the end of the evidence line ({@code （签名确认）})
 * and what it means (与原件核对无误，当事人签名确认，…). Every kind must be listed; a broken file stops the start-up.
 */
@Component
class EvidenceConfirmation {

	/** One way of confirming: the short name written in the evidence line, and its meaning. */
	record Way(String name, String meaning) {
	}

	private final Map<String, Map<String, Way>> kinds;

	@Autowired
	EvidenceConfirmation(@Value("${zhifa.evidence.confirmation:evidence/confirmation.yml}") String file) {
		this(read(file, DataFiles.yaml(file)));
	}

	private EvidenceConfirmation(Map<String, Map<String, Way>> kinds) {
		this.kinds = kinds;
	}

	/** The rules of a parsed file (tests). */
	static EvidenceConfirmation of(String file, Map<String, Object> yaml) {
		return new EvidenceConfirmation(read(file, yaml));
	}

	/** The ways of a kind, in the file's order (none for a kind that is not a statutory kind). */
	List<Way> ways(String kind) {
		return List.copyOf(kinds.getOrDefault(kind, Map.of()).values());
	}

	/** The way named {@code name} for {@code kind}, if the file lists it. */
	Optional<Way> way(String kind, String name) {
		return Optional.ofNullable(kinds.getOrDefault(kind, Map.of()).get(name));
	}

	/** The ways of a kind as the officer writes them: （签名确认）、（盖章确认）或（拒签见证）. */
	String written(String kind) {
		List<String> names = ways(kind).stream().map(w -> "（" + w.name() + "）").toList();
		return names.size() <= 1 ? String.join("", names)
				: String.join("、", names.subList(0, names.size() - 1)) + "或" + names.get(names.size() - 1);
	}

	private static Map<String, Map<String, Way>> read(String file, Map<String, Object> yaml) {
		if (!(yaml.get("kinds") instanceof Map<?, ?> listed)) {
			throw new IllegalStateException(file + ": kinds must map each kind of evidence to its ways of confirmation");
		}
		Map<String, Map<String, Way>> kinds = new LinkedHashMap<>();
		for (Map.Entry<?, ?> kind : listed.entrySet()) {
			String name = String.valueOf(kind.getKey()).strip();
			if (!EvidenceLines.KINDS.contains(name)) {
				throw new IllegalStateException(file + ": " + name + " is not a kind of evidence of 行政处罚法 第四十六条 ("
						+ String.join("、", EvidenceLines.KINDS) + ")");
			}
			if (!(kind.getValue() instanceof Map<?, ?> ways) || ways.isEmpty()) {
				throw new IllegalStateException(file + ": " + name + " needs at least one way of confirmation (简称: 含义)");
			}
			Map<String, Way> byName = new LinkedHashMap<>();
			for (Map.Entry<?, ?> way : ways.entrySet()) {
				String wayName = String.valueOf(way.getKey()).strip();
				String meaning = way.getValue() == null ? "" : way.getValue().toString().strip();
				if (wayName.isEmpty() || wayName.length() > 16 || wayName.matches(".*[()（）\\s].*") || meaning.isEmpty()) {
					throw new IllegalStateException(file + ": " + name + ": way '" + wayName
							+ "' needs a short name (at most 16 characters, no brackets or spaces) and a meaning");
				}
				byName.put(wayName, new Way(wayName, meaning));
			}
			kinds.put(name, byName);
		}
		List<String> missing = EvidenceLines.KINDS.stream().filter(k -> !kinds.containsKey(k)).toList();
		if (!missing.isEmpty()) {
			throw new IllegalStateException(file + ": every kind of evidence needs its ways of confirmation; missing: "
					+ missing.stream().collect(Collectors.joining("、")));
		}
		return kinds;
	}
}
