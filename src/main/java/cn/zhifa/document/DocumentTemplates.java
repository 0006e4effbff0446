package cn.zhifa.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The templates folder the legal office edits: {@code document-kinds.yml}, {@code labels.yml} and
 * the {@code .docx} files. Read from {@code zhifa.templates.dir} (default {@code templates}, relative
 * to the working directory) or, when that folder does not exist, from the copies in the jar
 * ({@code classpath:templates/}). Files are read on every use, so an edited template or a new kind
 * takes effect without a restart.
 */
@Component
class DocumentTemplates {

	static final String KINDS_FILE = "document-kinds.yml";
	static final String LABELS_FILE = "labels.yml";
	private static final String CLASSPATH_FOLDER = "templates/";

	private final Path dir;
	private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

	DocumentTemplates(@Value("${zhifa.templates.dir:templates}") String dir) {
		this.dir = Path.of(dir.isBlank() ? "templates" : dir);
	}

	/** Where the files come from, for messages: {@code templates/} or {@code classpath:templates/}. */
	String origin() {
		return Files.isDirectory(dir) ? dir.toString().replace('\\', '/') + "/" : "classpath:" + CLASSPATH_FOLDER;
	}

	/** {@code templates/document-kinds.yml} as named in messages. */
	String kindsFile() {
		return origin() + KINDS_FILE;
	}

	/** Every kind, in file order. */
	Map<String, DocumentKind> kinds() {
		Object root = yaml(KINDS_FILE);
		Object list = root instanceof Map<?, ?> map ? map.get("kinds") : null;
		if (!(list instanceof List<?> entries)) {
			throw new TemplateConfigurationException(kindsFile() + ": expected a list under 'kinds:'");
		}
		Map<String, DocumentKind> kinds = new LinkedHashMap<>();
		for (Object entry : entries) {
			if (!(entry instanceof Map<?, ?> e)) {
				throw new TemplateConfigurationException(kindsFile() + ": each kind must be a mapping, found " + entry);
			}
			DocumentKind kind = new DocumentKind(required(e, "kind"), required(e, "name"), required(e, "template"),
					text(e.get("abbreviation")), text(e.get("series")) == null ? required(e, "kind") : text(e.get("series")),
					lists(required(e, "kind"), e.get("lists")));
			if (kinds.putIfAbsent(kind.kind(), kind) != null) {
				throw new TemplateConfigurationException(kindsFile() + ": kind " + kind.kind() + " is listed twice");
			}
		}
		return kinds;
	}

	DocumentKind kind(String kind) {
		Map<String, DocumentKind> kinds = kinds();
		DocumentKind found = kinds.get(kind);
		if (found == null) {
			throw new UnknownDocumentKindException(kind, kindsFile(), kinds.keySet());
		}
		return found;
	}

	Labels labels() {
		Object root = yaml(LABELS_FILE);
		if (!(root instanceof Map<?, ?> map)) {
			throw new TemplateConfigurationException(origin() + LABELS_FILE + ": expected 'boolean:' and 'fields:' mappings");
		}
		return new Labels(strings(map.get("boolean")), nested(map.get("fields")));
	}

	/** The template file's bytes. */
	byte[] template(DocumentKind kind) {
		try {
			return read(kind.template());
		}
		catch (IOException e) {
			throw new TemplateConfigurationException("Template " + origin() + kind.template() + " of document kind "
					+ kind.kind() + " cannot be read (listed in " + kindsFile() + ")", e);
		}
	}

	/**
	 * A YAML file of the folder, parsed once per content: the file is read on every call (an edit by the legal
	 * office takes effect at once) but parsed again only when its bytes changed — form labels are looked up on
	 * every task shown. The parsed trees are only read, never changed, by the callers.
	 */
	private Object yaml(String file) {
		byte[] bytes;
		try {
			bytes = read(file);
		}
		catch (IOException e) {
			throw new TemplateConfigurationException("Cannot read " + origin() + file, e);
		}
		Parsed cached = parsed.get(file);
		if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
			return cached.root();
		}
		Object root = parse(file, bytes);
		parsed.put(file, new Parsed(bytes, root));
		return root;
	}

	private record Parsed(byte[] bytes, Object root) {
	}

	private Object parse(String file, byte[] bytes) {
		try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		catch (IOException e) {
			throw new TemplateConfigurationException("Cannot read " + origin() + file, e);
		}
		catch (YAMLException e) {
			throw new TemplateConfigurationException(origin() + file + " is not valid YAML: " + e.getMessage(), e);
		}
	}

	private byte[] read(String file) throws IOException {
		if (file.contains("..")) {
			throw new IOException("file names may not contain '..': " + file);
		}
		if (Files.isDirectory(dir)) {
			return Files.readAllBytes(dir.resolve(file));
		}
		ClassPathResource resource = new ClassPathResource(CLASSPATH_FOLDER + file);
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
	}

	private String required(Map<?, ?> entry, String key) {
		String value = text(entry.get(key));
		if (value == null) {
			throw new TemplateConfigurationException(kindsFile() + ": '" + key + "' missing in " + entry);
		}
		return value;
	}

	private Map<String, List<DocumentKind.ListItem>> lists(String kind, Object value) {
		Map<String, List<DocumentKind.ListItem>> lists = new LinkedHashMap<>();
		if (value == null) {
			return lists;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new TemplateConfigurationException(kindsFile() + ": 'lists' of " + kind + " must be a mapping");
		}
		map.forEach((name, rows) -> {
			if (!(rows instanceof List<?> items)) {
				throw new TemplateConfigurationException(kindsFile() + ": list " + name + " of " + kind + " must be a list");
			}
			List<DocumentKind.ListItem> parsed = new ArrayList<>();
			for (Object row : items) {
				if (!(row instanceof Map<?, ?> r) || text(r.get("item")) == null || text(r.get("field")) == null) {
					throw new TemplateConfigurationException(
							kindsFile() + ": each row of list " + name + " of " + kind + " needs 'item' and 'field': " + row);
				}
				parsed.add(new DocumentKind.ListItem(text(r.get("item")), text(r.get("field"))));
			}
			lists.put(String.valueOf(name), List.copyOf(parsed));
		});
		return lists;
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	private static Map<String, String> strings(Object value) {
		Map<String, String> result = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : v.toString()));
		}
		return result;
	}

	private static Map<String, Map<String, String>> nested(Object value) {
		Map<String, Map<String, String>> result = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> result.put(String.valueOf(k), strings(v)));
		}
		return result;
	}
}
