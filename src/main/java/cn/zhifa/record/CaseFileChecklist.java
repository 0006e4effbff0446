package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The editable list of what a case file must hold, per kind of case (R-REC-6):
 * {@code templates/case-file-checklist.yml} (folder {@code zhifa.templates.dir}, else the copy in
 * the jar), read on every use so the legal office's edit applies at once.
 */
@Component
class CaseFileChecklist {

	static final String FILE = "case-file-checklist.yml";
	static final String DEFAULT_KIND = "default";

	private final Path dir;

	CaseFileChecklist(@Value("${zhifa.templates.dir:templates}") String dir) {
		this.dir = Path.of(dir.isBlank() ? "templates" : dir);
	}

	/** One required item: a document kind, any evidence file, or a record entry kind. */
	record Item(String label, String document, boolean evidence, String record) {
	}

	record Kind(String kind, String name, List<Item> items) {
	}

	/** The kind's list, else the {@value #DEFAULT_KIND} list. */
	Kind kind(String kind) {
		Map<String, Object> kinds = kinds();
		String key = kind != null && kinds.containsKey(kind) ? kind : DEFAULT_KIND;
		Object entry = kinds.get(key);
		if (!(entry instanceof Map<?, ?> map)) {
			throw new IllegalStateException(FILE + " has no kind '" + key + "'");
		}
		List<Item> items = new ArrayList<>();
		if (map.get("items") instanceof List<?> list) {
			for (Object o : list) {
				if (o instanceof Map<?, ?> item) {
					items.add(new Item(String.valueOf(item.get("label")), text(item.get("document")),
							Boolean.TRUE.equals(item.get("evidence")), text(item.get("record"))));
				}
			}
		}
		return new Kind(key, text(map.get("name")), items);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> kinds() {
		try (InputStream in = Files.isRegularFile(dir.resolve(FILE)) ? Files.newInputStream(dir.resolve(FILE))
				: new ClassPathResource("templates/" + FILE).getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (root instanceof Map<?, ?> map && map.get("kinds") instanceof Map<?, ?> kinds) {
				return (Map<String, Object>) kinds;
			}
			throw new IllegalStateException(FILE + " needs a 'kinds:' map");
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + FILE, e);
		}
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}
}
