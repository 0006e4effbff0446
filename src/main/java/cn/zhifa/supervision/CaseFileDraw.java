package cn.zhifa.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The random draw of a case-file review (抽取案卷, R-REC-7): the population (the agency's closed case numbers of the year)
 * in a canonical order (sorted, duplicates dropped), its SHA-256 over the numbers joined by line feeds, and the first
 * {@code size} numbers of a Fisher–Yates shuffle driven by {@link java.util.Random} with the recorded seed. The
 * algorithm of {@code java.util.Random} is fixed by its specification, so the same seed and the same population give
 * the same draw on any Java: anybody can redo the draw from the register row (seed, population list and hash).
 */
record CaseFileDraw(long seed, List<String> population, String populationHash, List<String> drawn) {

	public CaseFileDraw {
		population = List.copyOf(population);
		drawn = List.copyOf(drawn);
	}

	/** Draws {@code size} case numbers (at most the whole population) with {@code seed}. */
	public static CaseFileDraw draw(long seed, Collection<String> population, int size) {
		List<String> sorted = canonical(population);
		List<String> pool = new ArrayList<>(sorted);
		Random random = new Random(seed);
		int n = Math.max(0, Math.min(size, pool.size()));
		for (int i = 0; i < n; i++) {
			int j = i + random.nextInt(pool.size() - i);
			String chosen = pool.get(j);
			pool.set(j, pool.get(i));
			pool.set(i, chosen);
		}
		return new CaseFileDraw(seed, sorted, hash(sorted), pool.subList(0, n));
	}

	/** The population as it is hashed and drawn from: sorted, without duplicates or blanks. */
	public static List<String> canonical(Collection<String> population) {
		TreeSet<String> set = new TreeSet<>();
		for (String s : population) {
			if (s != null && !s.isBlank()) {
				set.add(s.strip());
			}
		}
		return List.copyOf(set);
	}

	/** SHA-256 (hex) of the canonical population, one case number a line. */
	public static String hash(List<String> canonicalPopulation) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(String.join("\n", canonicalPopulation).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
