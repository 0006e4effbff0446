package cn.zhifa.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
	private static final Pattern LIST_IN_TEXT = Pattern.compile("\\$\\{\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\[\\]");
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
		PreparedTemplate prepared = PreparedTemplate.of(template);
		try (XWPFDocument doc = prepared.open()) {
			Fill fill = fill(doc, fields, document);
			return new Filled(prepared.write(doc), Set.copyOf(fill.missing), Set.copyOf(fill.blank));
		}
		catch (IOException e) {
			throw new UncheckedIOException("the template is not a readable .docx file", e);
		}
	}

	/** Fills an opened document in place: its body, headers and footers. */
	Fill fill(XWPFDocument doc, Map<String, Object> fields, String document) {
		Fill fill = new Fill(fields, document);
		fill.body(doc);
		doc.getHeaderList().forEach(fill::body);
		doc.getFooterList().forEach(fill::body);
		return fill;
	}

	/** The element a repeated row stands for. */
	private record RowElement(String list, int index, Object element) {
	}

	/** One filling run: the fields and what was missing. */
	final class Fill {

		private final Map<String, Object> fields;
		private final String document;
		private final Set<String> missing = new LinkedHashSet<>();
		private final Set<String> blank = new LinkedHashSet<>();

		Fill(Map<String, Object> fields, String document) {
			this.fields = fields;
			this.document = document;
		}

		void body(IBody body) {
			for (IBodyElement element : List.copyOf(body.getBodyElements())) {
				if (element instanceof XWPFParagraph paragraph) {
					paragraph(paragraph, null);
				}
				else if (element instanceof XWPFTable table) {
					table(table, null);
				}
			}
		}

		void table(XWPFTable table, RowElement outer) {
			int pos = 0;
			while (pos < table.getRows().size()) {
				XWPFTableRow row = table.getRow(pos);
				String list = outer == null ? repeatedList(row) : null;
				if (list == null) {
					row(row, outer);
					pos++;
					continue;
				}
				List<?> elements = listValue(list);
				if (elements.isEmpty()) {
					blank.add(list + "[]");
				}
				int count = Math.max(1, elements.size());
				for (int i = 0; i < count; i++) {
					// POI's addRow copies the row's XML into the table: fill the copy completely before adding it
					XWPFTableRow copy = new XWPFTableRow((CTRow) row.getCtRow().copy(), table);
					row(copy, new RowElement(list, i, elements.isEmpty() ? null : elements.get(i)));
					table.addRow(copy, pos + 1 + i);
				}
				table.removeRow(pos);
				pos += count;
			}
		}

		private void row(XWPFTableRow row, RowElement element) {
			for (XWPFTableCell cell : row.getTableCells()) {
				for (IBodyElement inCell : List.copyOf(cell.getBodyElements())) {
					if (inCell instanceof XWPFParagraph paragraph) {
						paragraph(paragraph, element);
					}
					else if (inCell instanceof XWPFTable nested) {
						table(nested, element);
					}
				}
			}
		}

		/** The list a row repeats over: the first {@code ${list[]...}} in its text, or {@code null}. */
		private String repeatedList(XWPFTableRow row) {
			Set<String> lists = new LinkedHashSet<>();
			for (XWPFTableCell cell : row.getTableCells()) {
				Matcher m = LIST_IN_TEXT.matcher(cell.getText());
				while (m.find()) {
					lists.add(m.group(1));
				}
			}
			if (lists.size() > 1) {
				log.warn("Table row repeats over several lists {}: using {}", lists, lists.iterator().next());
			}
			return lists.isEmpty() ? null : lists.iterator().next();
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

		/** Replaces every placeholder of the paragraph, merging the runs a placeholder spans first. */
		void paragraph(XWPFParagraph paragraph, RowElement element) {
			int from = 0;
			while (true) {
				List<XWPFRun> runs = paragraph.getRuns();
				int[] starts = new int[runs.size() + 1];
				StringBuilder all = new StringBuilder();
				for (int i = 0; i < runs.size(); i++) {
					starts[i] = all.length();
					all.append(text(runs.get(i)));
				}
				starts[runs.size()] = all.length();
				int open = all.indexOf("${", from);
				int close = open < 0 ? -1 : all.indexOf("}", open + 2);
				if (close < 0) {
					return;
				}
				int first = runAt(starts, open);
				int last = runAt(starts, close);
				XWPFRun run = runs.get(first);
				if (last > first) {
					setText(run, all.substring(starts[first], starts[last + 1]));
					for (int i = last; i > first; i--) {
						if (!paragraph.removeRun(i)) {
							setText(runs.get(i), "");
						}
					}
				}
				String runText = text(run);
				int localOpen = open - starts[first];
				int localClose = close - starts[first];
				String placeholder = runText.substring(localOpen + 2, localClose).trim();
				String value = resolve(placeholder, element);
				if (value.isBlank() && !(element != null && element.element() == null)) {
					blank.add(placeholder.endsWith("?") ? placeholder.substring(0, placeholder.length() - 1).trim() : placeholder);
				}
				setText(run, runText.substring(0, localOpen) + value + runText.substring(localClose + 1));
				from = open + value.length();
			}
		}

		private String resolve(String placeholder, RowElement element) {
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

	private static int runAt(int[] starts, int offset) {
		for (int i = starts.length - 2; i >= 0; i--) {
			if (starts[i] <= offset && offset < starts[i + 1]) {
				return i;
			}
		}
		throw new IllegalStateException("offset " + offset + " outside the paragraph's runs");
	}

	private static String text(XWPFRun run) {
		String text = run.text();
		return text == null ? "" : text;
	}

	/** Replaces a run's text, keeping its formatting; {@code \n} becomes a line break, {@code \t} a tab. */
	private static void setText(XWPFRun run, String text) {
		CTR ctr = run.getCTR();
		for (int i = ctr.sizeOfTArray() - 1; i >= 0; i--) {
			ctr.removeT(i);
		}
		for (int i = ctr.sizeOfBrArray() - 1; i >= 0; i--) {
			ctr.removeBr(i);
		}
		for (int i = ctr.sizeOfTabArray() - 1; i >= 0; i--) {
			ctr.removeTab(i);
		}
		for (int i = ctr.sizeOfCrArray() - 1; i >= 0; i--) {
			ctr.removeCr(i);
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		for (int l = 0; l < lines.length; l++) {
			if (l > 0) {
				run.addBreak();
			}
			String[] cells = lines[l].split("\t", -1);
			for (int c = 0; c < cells.length; c++) {
				if (c > 0) {
					run.addTab();
				}
				if (!cells[c].isEmpty()) {
					run.setText(cells[c], ctr.sizeOfTArray());
				}
			}
		}
	}
}
