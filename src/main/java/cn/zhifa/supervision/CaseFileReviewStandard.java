package cn.zhifa.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The case-file review's rules as data: {@code templates/case-file-review.yml} (folder {@code zhifa.templates.dir},
 * else the copy in the jar), read at every use — the sample-size rule, the checklist (categories with their points
 * and the deficiencies with their deductions) and the grades.
 */
@Component
class CaseFileReviewStandard {

	static final String FILE = "case-file-review.yml";

	private final Path dir;

	CaseFileReviewStandard(@Value("${zhifa.templates.dir:templates}") String dir) {
		this.dir = Path.of(dir.isBlank() ? "templates" : dir);
	}

	/** percent of the population rounded up, within [minimum, maximum], never more than the population. */
	public record SampleRule(int percent, int minimum, int maximum) {

		public int size(int population) {
			int byPercent = (int) Math.ceil(population * percent / 100.0);
			return Math.min(population, Math.max(minimum, Math.min(maximum, byPercent)));
		}
	}

	public record Item(String code, String text, int deduction) {
	}

	public record Category(String code, String name, int points, List<Item> items) {
	}

	public record Grade(int minimum, String grade, String label) {
	}

	/** The score of one case file: per category what was lost, the total and its grade. */
	public record Score(int score, Grade grade, Map<String, Integer> byCategory, List<Item> deficiencies) {
	}

	public record Standard(SampleRule sample, List<Category> categories, List<Grade> grades) {

		public int totalPoints() {
			return categories.stream().mapToInt(Category::points).sum();
		}

		/** The item of a code, or null. */
		public Item item(String code) {
			return categories.stream().flatMap(c -> c.items().stream()).filter(i -> i.code().equals(code)).findFirst()
				.orElse(null);
		}

		public Category categoryOf(String code) {
			return categories.stream().filter(c -> c.items().stream().anyMatch(i -> i.code().equals(code))).findFirst()
				.orElse(null);
		}

		/** Scores the ticked deficiencies (codes of this standard): a category loses at most its points. */
		public Score score(Collection<String> codes) {
			Map<String, Integer> lost = new LinkedHashMap<>();
			List<Item> found = new ArrayList<>();
			for (Category c : categories) {
				int sum = 0;
				for (Item i : c.items()) {
					if (codes.contains(i.code())) {
						sum += i.deduction();
						found.add(i);
					}
				}
				lost.put(c.code(), Math.min(c.points(), sum));
			}
			int score = totalPoints() - lost.values().stream().mapToInt(Integer::intValue).sum();
			return new Score(score, gradeOf(score), lost, found);
		}

		public Grade gradeOf(int score) {
			return grades.stream().filter(g -> score >= g.minimum()).findFirst()
				.orElse(grades.isEmpty() ? new Grade(0, "FAIL", "不合格") : grades.get(grades.size() - 1));
		}
	}

	/** The standard as the file says now. */
	public Standard standard() {
		Map<?, ?> root = load();
		Map<?, ?> sample = root.get("sample") instanceof Map<?, ?> m ? m : Map.of();
		SampleRule rule = new SampleRule(number(sample.get("percent"), 10), number(sample.get("minimum"), 1),
				number(sample.get("maximum"), Integer.MAX_VALUE));
		if (rule.percent() < 0 || rule.minimum() < 0 || rule.maximum() < rule.minimum()) {
			throw new IllegalStateException(FILE + ": sample needs 0 ≤ minimum ≤ maximum and percent ≥ 0");
		}
		List<Category> categories = new ArrayList<>();
		if (root.get("categories") instanceof List<?> list) {
			for (Object o : list) {
				if (o instanceof Map<?, ?> c) {
					List<Item> items = new ArrayList<>();
					if (c.get("items") instanceof List<?> is) {
						for (Object io : is) {
							if (io instanceof Map<?, ?> i) {
								items.add(new Item(String.valueOf(i.get("code")), String.valueOf(i.get("text")),
										number(i.get("deduction"), 0)));
							}
						}
					}
					categories.add(new Category(String.valueOf(c.get("code")), String.valueOf(c.get("name")),
							number(c.get("points"), 0), List.copyOf(items)));
				}
			}
		}
		if (categories.isEmpty()) {
			throw new IllegalStateException(FILE + " needs 'categories:' with points and items");
		}
		List<Grade> grades = new ArrayList<>();
		if (root.get("grades") instanceof List<?> list) {
			for (Object o : list) {
				if (o instanceof Map<?, ?> g) {
					grades.add(new Grade(number(g.get("minimum"), 0), String.valueOf(g.get("grade")),
							String.valueOf(g.get("label"))));
				}
			}
		}
		grades.sort((a, b) -> Integer.compare(b.minimum(), a.minimum()));
		return new Standard(rule, List.copyOf(categories), List.copyOf(grades));
	}

	private Map<?, ?> load() {
		try (InputStream in = Files.isRegularFile(dir.resolve(FILE)) ? Files.newInputStream(dir.resolve(FILE))
				: new ClassPathResource("templates/" + FILE).getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (root instanceof Map<?, ?> map) {
				return map;
			}
			throw new IllegalStateException(FILE + " is not a map");
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + FILE, e);
		}
	}

	private static int number(Object value, int otherwise) {
		return value instanceof Number n ? n.intValue() : otherwise;
	}
}
