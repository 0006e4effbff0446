package cn.zhifa.supervision;

import java.util.Collection;
import java.util.List;
import java.util.Random;

import cn.zhifa.platform.ReproducibleDraw;

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
		List<String> sorted = ReproducibleDraw.canonical(population);
		return new CaseFileDraw(seed, sorted, ReproducibleDraw.hash(sorted),
				ReproducibleDraw.take(sorted, size, new Random(seed)));
	}
}
