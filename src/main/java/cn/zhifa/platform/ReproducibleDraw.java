package cn.zhifa.platform;

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
 * The steps of a random draw anybody can redo from its record (the case-file review's 抽取案卷, R-REC-7; the
 * inspections' 双随机, R-DISC-1): the population in a canonical order (sorted, duplicates and blanks dropped), its
 * SHA-256 over the entries joined by line feeds, and a partial Fisher–Yates shuffle driven by a
 * {@link java.util.Random} with the recorded seed. {@code java.util.Random}'s algorithm is fixed by its specification,
 * so the same seed and population give the same draw on any Java.
 */
public final class ReproducibleDraw {

	private ReproducibleDraw() {
	}

	/** A population as it is hashed and drawn from: sorted, without duplicates or blanks. */
	public static List<String> canonical(Collection<String> population) {
		TreeSet<String> set = new TreeSet<>();
		for (String s : population) {
			if (s != null && !s.isBlank()) {
				set.add(s.strip());
			}
		}
		return List.copyOf(set);
	}

	/** SHA-256 (hex) of a canonical population, one entry a line. */
	public static String hash(List<String> canonicalPopulation) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(String.join("\n", canonicalPopulation).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A population or result as stored (one entry a line) read back; none for a blank text. */
	public static List<String> lines(String stored) {
		return stored == null || stored.isBlank() ? List.of() : List.of(stored.split("\n"));
	}

	/** The first {@code size} entries (at most all) of a Fisher–Yates shuffle of {@code population} with {@code random}. */
	public static List<String> take(List<String> population, int size, Random random) {
		List<String> pool = new ArrayList<>(population);
		int n = Math.max(0, Math.min(size, pool.size()));
		for (int i = 0; i < n; i++) {
			int j = i + random.nextInt(pool.size() - i);
			String chosen = pool.get(j);
			pool.set(j, pool.get(i));
			pool.set(i, chosen);
		}
		return List.copyOf(pool.subList(0, n));
	}
}
