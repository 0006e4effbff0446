package cn.zhifa.document;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.zhifa.document.PreparedTemplate.Row;

/**
 * Fills a {@code .docx} template (syntax in {@code docs/documents.md}):
 * <ul>
 * <li>{@code ${name}} anywhere in the body, in table cells and in headers and footers. Word often
 * splits what one typed into several runs ({@code "${"}, {@code "caseId"}, {@code "}"}); the runs a
 * placeholder spans are merged first, keeping the formatting of the run where it starts. A dotted name
 * ({@code ${party.name}}) reads into a map or object.</li>
 * <li>A table row holding {@code ${list[]}} (the element itself), {@code ${list[].x}} (a property of
 * the element) or {@code ${list[]#}} (its 1-based number) is repeated once per element of the list
 * field {@code list} (a list, set or array; or a text, one element per line); an empty or missing list
 * leaves one blank row.</li>
 * <li>A field without a value becomes empty text with a WARN ({@code ${name?}}: empty without a
 * warning, for fields a process sets only sometimes); the raw {@code ${...}} never reaches a document. Values are formatted by {@link FieldFormatter}; a line break in a value becomes a line
 * break in Word.</li>
 * </ul>
 */
final class DocxTemplateFiller {

	private static final Logger log = LoggerFactory.getLogger(DocxTemplateFiller.class);
	private static final Pattern LIST_REFERENCE = Pattern.compile("^([\\p{L}_][\\p{L}\\p{N}_]*)\\[\\](#|\\.(.+))?$");
	private static final Object MISSING = new Object();

	private final FieldFormatter formatter;

	DocxTemplateFiller(Labels labels) {
		this.formatter = new FieldFormatter(labels);
	}

	/**
	 * The filled document, the names of the placeholders that had no value (without the optional ones) and of
	 * every placeholder, optional or not, that printed nothing (no value, or an empty one): a document with a blank
	 * where the template asks for a value.
	 */
	record Filled(byte[] content, Set<String> missingFields, Set<String> blankFields) {
	}

	Filled fill(byte[] template, Map<String, Object> fields) {
		return fill(template, fields, "template");
	}

	/** Fills the template; {@code document} names it in warnings (e.g. "REVIEW_OPINION of case X"). */
	Filled fill(byte[] template, Map<String, Object> fields, String document) {
		Fill fill = new Fill(fields, document);
		byte[] content = PreparedTemplate.of(template).fill(fill);
		return new Filled(content, Set.copyOf(fill.missing), Set.copyOf(fill.blank));
	}

	/** What a blank form leaves for a field to be written in by hand. */
	static final String BLANK_LINE = "＿＿＿＿＿＿";

	/**
	 * A blank form of the template (文书示范文本, R-DISC-8): the placeholders named in {@code known} show its texts, every
	 * other placeholder a blank line to write on ({@link #BLANK_LINE}); a table row repeated over a list stays once,
	 * blank. No field is reported missing: a blank form has none of a case's values.
	 */
	static byte[] blankForm(byte[] template, Map<String, String> known) {
		return PreparedTemplate.of(template).fill(new PreparedTemplate.Values() {

			@Override
			public String text(String placeholder, PreparedTemplate.Row row) {
				String name = placeholder.endsWith("?") ? placeholder.substring(0, placeholder.length() - 1).trim() : placeholder;
				String value = row == null ? known.get(name) : null;
				return value == null || value.isBlank() ? BLANK_LINE : value;
			}

			@Override
			public List<?> elements(String list) {
				return List.of();
			}
		});
	}

	/** One filling run: the values of the placeholders, and what was missing or blank. */
	final class Fill implements PreparedTemplate.Values {

		private final Map<String, Object> fields;
		private final String document;
		private final Set<String> missing = new LinkedHashSet<>();
		private final Set<String> blank = new LinkedHashSet<>();

		Fill(Map<String, Object> fields, String document) {
			this.fields = fields;
			this.document = document;
		}

		@Override
		public String text(String placeholder, Row row) {
			String value = resolve(placeholder, row);
			if (value.isBlank() && !(row != null && row.element() == null)) {
				blank.add(placeholder.endsWith("?") ? placeholder.substring(0, placeholder.length() - 1).trim() : placeholder);
			}
			return value;
		}

		@Override
		public List<?> elements(String list) {
			List<?> elements = listValue(list);
			if (elements.isEmpty()) {
				blank.add(list + "[]");
			}
			return elements;
		}

		private List<?> listValue(String name) {
			Object value = lookup(name);
			if (value == MISSING || value == null) {
				missing(name + "[]", false);
				return List.of();
			}
			if (value instanceof String text) {
				// a text with one item per line (e.g. materials typed into a text area)
				return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
			}
			List<?> elements = FieldFormatter.elements(value);
			if (elements == null) {
				// a single value: one row
				return List.of(value);
			}
			return elements;
		}

		private String resolve(String placeholder, Row element) {
			boolean optional = placeholder.endsWith("?");
			String name = optional ? placeholder.substring(0, placeholder.length() - 1).trim() : placeholder;
			Matcher list = LIST_REFERENCE.matcher(name);
			if (list.matches()) {
				if (element == null || !element.list().equals(list.group(1))) {
					log.warn("Placeholder ${{}} in {} is outside a table row repeated over {}: left empty", name, document,
							list.group(1));
					missing.add(name);
					return "";
				}
				if (element.element() == null) {
					return "";
				}
				if ("#".equals(list.group(2))) {
					return String.valueOf(element.index() + 1);
				}
				Object value = list.group(3) == null ? element.element() : property(element.element(), list.group(3));
				if (value == MISSING) {
					missing(name, optional);
					return "";
				}
				return formatter.format(value);
			}
			Object value = lookup(name);
			if (value == MISSING) {
				missing(name, optional);
				return "";
			}
			return formatter.format(value);
		}

		private void missing(String name, boolean optional) {
			if (!optional && missing.add(name)) {
				log.warn("Field '{}' of {} has no value: left empty", name, document);
			}
		}

		private Object lookup(String name) {
			if (fields.containsKey(name)) {
				return fields.get(name);
			}
			int dot = name.indexOf('.');
			if (dot > 0 && fields.containsKey(name.substring(0, dot))) {
				Object root = fields.get(name.substring(0, dot));
				return root == null ? null : property(root, name.substring(dot + 1));
			}
			return MISSING;
		}
	}

	/** {@code a.b} of a map, record or bean; {@link #MISSING} if it has no such property. */
	private static Object property(Object target, String path) {
		Object current = target;
		for (String part : path.split("\\.")) {
			if (current == null) {
				return null;
			}
			if (current instanceof Map<?, ?> map) {
				if (!map.containsKey(part)) {
					return MISSING;
				}
				current = map.get(part);
				continue;
			}
			current = accessor(current, part);
			if (current == MISSING) {
				return MISSING;
			}
		}
		return current;
	}

	private static Object accessor(Object target, String name) {
		String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (String candidate : List.of(name, "get" + capitalised, "is" + capitalised)) {
			try {
				Method method = target.getClass().getMethod(candidate);
				if (method.getParameterCount() == 0 && method.getReturnType() != void.class) {
					return method.invoke(target);
				}
			}
			catch (NoSuchMethodException e) {
				// try the next naming convention
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				return MISSING;
			}
		}
		return MISSING;
	}
}
