package cn.zhifa.itemlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The seed lists as data ({@code disclosure/item-lists/<agency>.yml}): each agency's initial items, version 1 of its
 * list. Read from the folder (the jar's copy when the folder is not there); every entry is checked as a proposed entry
 * is, and a broken file stops the start-up.
 */
@Component
class ItemListSeeds {

	static final String CLASSPATH_COPY = "classpath*:disclosure/item-lists/*.yml";

	record Seed(String agencyCode, LocalDate effectiveOn, List<EnforcementItem> items, String source) {
	}

	private final List<Seed> seeds;

	ItemListSeeds(@Value("${zhifa.item-lists.dir:disclosure/item-lists}") String dir) {
		Map<String, String> texts = new LinkedHashMap<>();
		try {
			Path folder = Path.of(dir);
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
						texts.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
					}
				}
			}
			else {
				for (Resource r : new PathMatchingResourcePatternResolver().getResources(CLASSPATH_COPY)) {
					try (InputStream in = r.getInputStream()) {
						texts.put(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Seed> read = new ArrayList<>();
		texts.forEach((source, text) -> read.add(parse(source, text)));
		this.seeds = List.copyOf(read);
	}

	List<Seed> all() {
		return seeds;
	}

	@SuppressWarnings("unchecked")
	static Seed parse(String source, String text) {
		Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		if (data == null || !(data.get("agency") instanceof String agency) || !(data.get("items") instanceof List<?> list)) {
			throw new IllegalStateException(source + ": needs 'agency' and 'items'");
		}
		Object day = data.get("effectiveOn");
		LocalDate effectiveOn = day == null ? LocalDate.of(2000, 1, 1)
				: day instanceof java.util.Date d ? LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC)
						: LocalDate.parse(day.toString());
		List<EnforcementItem> items = new ArrayList<>();
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (Object o : list) {
			Map<String, Object> m = (Map<String, Object>) o;
			EnforcementItem item = new EnforcementItem(str(m, "code"), str(m, "name"), str(m, "kind"), str(m, "legalBasis"),
					str(m, "responsibleUnit"), str(m, "responsibilities"), str(m, "accountability"));
			String flaw = ItemListService.entryFlaw(item);
			if (flaw != null) {
				throw new IllegalStateException(source + ": item " + item.code() + ": " + flaw);
			}
			if (!codes.add(item.code())) {
				throw new IllegalStateException(source + ": item " + item.code() + " is listed twice");
			}
			items.add(item);
		}
		return new Seed(agency, effectiveOn, List.copyOf(items), source);
	}

	private static String str(Map<String, Object> m, String key) {
		Object v = m.get(key);
		return v == null ? null : v.toString().strip();
	}
}
