package cn.zhifa.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.zhifa.platform.ReproducibleDraw;

/**
 * The "双随机" draw of a random-inspection plan (R-DISC-1, ADR-0033): targets from the register and, for each drawn
 * target, two inspectors from the agency's certified officers minus those excluded for that target (conflicts). Both
 * populations are put in a canonical order (sorted, duplicates and blanks dropped) and hashed (SHA-256, one entry a
 * line); one {@link java.util.Random} with the recorded seed drives everything: first a partial Fisher–Yates shuffle of
 * the targets taking {@code count}, then, target by target in draw order, a partial Fisher–Yates shuffle of the
 * target's eligible officers (sorted) taking two. {@code java.util.Random}'s algorithm is fixed by its specification, so
 * the same seed, populations and exclusions give the same draw on any Java: anybody can redo it from the plan's row.
 */
record InspectionDraw(long seed, List<String> targets, String targetHash, List<String> officers,
		String officerHash, Map<String, List<String>> exclusions, List<Drawn> drawn) {

	/** Inspectors per target (国办发〔2015〕58号 and 行政处罚法 art. 42: at least two officers). */
	public static final int INSPECTORS = 2;

	/** One drawn target and its two inspectors, in draw order. */
	public record Drawn(String target, List<String> inspectors) {

		public Drawn {
			inspectors = List.copyOf(inspectors);
		}
	}

	/** Thrown when a drawn target has fewer than two officers left once the conflicts are excluded. */
	public static class NotEnoughInspectors extends RuntimeException {

		private static final long serialVersionUID = 1L;
		private final String target;
		private final int eligible;

		NotEnoughInspectors(String target, int eligible) {
			super("target " + target + " has " + eligible + " eligible inspectors");
			this.target = target;
			this.eligible = eligible;
		}

		public String target() {
			return target;
		}

		public int eligible() {
			return eligible;
		}
	}

	public InspectionDraw {
		targets = List.copyOf(targets);
		officers = List.copyOf(officers);
		exclusions = Map.copyOf(exclusions);
		drawn = List.copyOf(drawn);
	}

	/**
	 * Draws {@code count} targets (at most the whole population) and two inspectors for each with {@code seed};
	 * {@code excluded} gives per target code the officers who may not inspect it.
	 *
	 * @throws NotEnoughInspectors when a drawn target has fewer than two eligible officers
	 */
	public static InspectionDraw draw(long seed, Collection<String> targetPopulation, int count,
			Collection<String> officerPopulation, Map<String, ? extends Collection<String>> excluded) {
		List<String> targets = ReproducibleDraw.canonical(targetPopulation);
		List<String> officers = ReproducibleDraw.canonical(officerPopulation);
		Map<String, List<String>> exclusions = new LinkedHashMap<>();
		for (String t : targets) {
			Collection<String> ex = excluded.get(t);
			if (ex != null && !ex.isEmpty()) {
				List<String> list = ReproducibleDraw.canonical(ex).stream().filter(officers::contains).toList();
				if (!list.isEmpty()) {
					exclusions.put(t, list);
				}
			}
		}
		Random random = new Random(seed);
		List<String> chosenTargets = ReproducibleDraw.take(targets, count, random);
		List<Drawn> drawn = new ArrayList<>();
		for (String t : chosenTargets) {
			Set<String> ex = Set.copyOf(exclusions.getOrDefault(t, List.of()));
			List<String> eligible = officers.stream().filter(o -> !ex.contains(o)).toList();
			if (eligible.size() < INSPECTORS) {
				throw new NotEnoughInspectors(t, eligible.size());
			}
			drawn.add(new Drawn(t, ReproducibleDraw.take(eligible, INSPECTORS, random)));
		}
		return new InspectionDraw(seed, targets, ReproducibleDraw.hash(targets), officers, ReproducibleDraw.hash(officers),
				exclusions, drawn);
	}

	/** The exclusions as stored: "target:user,user" one a line. */
	public String exclusionsText() {
		StringBuilder s = new StringBuilder();
		exclusions.entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> s.append(e.getKey()).append(':').append(String.join(",", e.getValue())).append('\n'));
		return s.toString().strip();
	}

	/** The result as stored: "target:inspector,inspector" one a line, in draw order. */
	public String drawnText() {
		StringBuilder s = new StringBuilder();
		for (Drawn d : drawn) {
			s.append(d.target()).append(':').append(String.join(",", d.inspectors())).append('\n');
		}
		return s.toString().strip();
	}

	/** Reads "key:a,b" lines back (exclusions, drawn). */
	public static Map<String, List<String>> parseLines(String text) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return map;
		}
		for (String line : text.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String rest = line.substring(colon + 1).strip();
				map.put(line.substring(0, colon).strip(), rest.isEmpty() ? List.of() : List.of(rest.split(",")));
			}
		}
		return map;
	}
}
