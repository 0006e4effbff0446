package cn.zhifa.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The random-inspection data the legal office edits (R-DISC-1): {@code inspections/items.yml} (the random-inspection
 * item list per agency) and {@code inspections/targets.yml} (the target register with each target's related officers),
 * in the folder {@code zhifa.inspections.dir}, else the copies in the jar; read at every use, no restart.
 */
@Component
public class InspectionRegister {

	static final String ITEMS = "items.yml";
	static final String TARGETS = "targets.yml";

	private final Path dir;

	InspectionRegister(@Value("${zhifa.inspections.dir:inspections}") String dir) {
		this.dir = Path.of(dir.isBlank() ? "inspections" : dir);
	}

	/** An item of the random-inspection list. */
	public record Item(String code, String agency, String name, List<String> targetKinds, String basis, String content,
			String method, String violationCode) {
	}

	/** A target of the register. */
	public record Target(String code, String agency, String name, String kind, String address,
			List<String> relatedOfficers) {
	}

	public List<Item> items() {
		List<Item> items = new ArrayList<>();
		for (Map<?, ?> m : list(ITEMS, "items")) {
			items.add(new Item(str(m.get("code")), str(m.get("agency")), str(m.get("name")), strings(m.get("targetKinds")),
					str(m.get("basis")), str(m.get("content")), str(m.get("method")), str(m.get("violationCode"))));
		}
		return List.copyOf(items);
	}

	public List<Item> itemsOf(String agency) {
		return items().stream().filter(i -> i.agency().equals(agency)).toList();
	}

	public Optional<Item> item(String agency, String code) {
		return itemsOf(agency).stream().filter(i -> i.code().equals(code)).findFirst();
	}

	public List<Target> targets() {
		List<Target> targets = new ArrayList<>();
		for (Map<?, ?> m : list(TARGETS, "targets")) {
			targets.add(new Target(str(m.get("code")), str(m.get("agency")), str(m.get("name")), str(m.get("kind")),
					str(m.get("address")), strings(m.get("relatedOfficers"))));
		}
		return List.copyOf(targets);
	}

	/** The agency's targets of the item's kinds: the population of a draw. */
	public List<Target> targetsFor(Item item) {
		return targets().stream().filter(t -> t.agency().equals(item.agency()) && item.targetKinds().contains(t.kind()))
			.toList();
	}

	public Optional<Target> target(String agency, String code) {
		return targets().stream().filter(t -> t.agency().equals(agency) && t.code().equals(code)).findFirst();
	}

	private List<Map<?, ?>> list(String file, String key) {
		try (InputStream in = Files.isRegularFile(dir.resolve(file)) ? Files.newInputStream(dir.resolve(file))
				: new ClassPathResource("inspections/" + file).getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(root instanceof Map<?, ?> map) || !(map.get(key) instanceof List<?> entries)) {
				throw new IllegalStateException(file + " needs '" + key + ":' with a list");
			}
			List<Map<?, ?>> out = new ArrayList<>();
			for (Object o : entries) {
				if (o instanceof Map<?, ?> m) {
					out.add(m);
				}
			}
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	private static String str(Object o) {
		return o == null ? null : o.toString().strip();
	}

	private static List<String> strings(Object o) {
		if (o instanceof List<?> l) {
			return l.stream().filter(x -> x != null).map(x -> x.toString().strip()).toList();
		}
		return o == null || o.toString().isBlank() ? List.of() : List.of(o.toString().strip());
	}
}
