package cn.zhifa.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.namespace.QName;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code .docx} template compiled once per content (ADR-0060): POI reads it once, joins the runs each placeholder
 * spans (Word often splits what one typed) and marks the runs that hold placeholders and the table rows that repeat
 * over a list; its document, headers and footers are then kept as XML text in pieces — fixed text, a run's text made
 * of fixed text and placeholders, a row repeated per element. A fill writes those pieces with the values in place and
 * the template's other files as they are: the same bytes POI writes when it fills the whole package (the syntax is
 * {@link DocxTemplateFiller}'s), without opening the package for every document.
 */
final class PreparedTemplate {

	private static final Logger log = LoggerFactory.getLogger(PreparedTemplate.class);
	private static final String CONTENT_TYPES = "[Content_Types].xml";
	private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";
	private static final String MAIN_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
	private static final Pattern LIST_IN_TEXT = Pattern.compile("\\$\\{\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\[\\]");
	/**
	 * Marks while compiling, each followed by a number and {@link #MARK_END}: Unicode noncharacters, which a template's
	 * text may not hold.
	 */
	private static final char PLACEHOLDER = '\uFDD0';
	private static final char RUN = '\uFDD1';
	private static final char ROW = '\uFDD2';
	private static final char ROW_CLOSE = '\uFDD3';
	private static final char MARK_END = '\uFDD4';
	private static final Pattern RESERVED = Pattern.compile("[\uFDD0-\uFDD4]");
	private static final Pattern TEXT_START = Pattern.compile("<([A-Za-z_][\\w.-]*):t>$");
	/** Templates kept at most: a legal office edits templates; each edit is a new content. */
	private static final int MAX_KEPT = 64;
	private static final Map<Content, PreparedTemplate> KEPT = new ConcurrentHashMap<>();

	private final Map<String, byte[]> files;
	/** The document, its headers and its footers in that order (the order a fill reads their placeholders). */
	private final Map<String, List<Segment>> parts;

	private PreparedTemplate(Map<String, byte[]> files, Map<String, List<Segment>> parts) {
		this.files = files;
		this.parts = parts;
	}

	/** What a fill asks: the text of a placeholder (in a repeated row: for that row's element), a list's elements. */
	interface Values {

		String text(String placeholder, Row row);

		List<?> elements(String list);
	}

	/** The element a repeated row stands for ({@code element} null in the blank row of an empty list). */
	record Row(String list, int index, Object element) {
	}

	/** The prepared form of these template bytes, made at their first use. */
	static PreparedTemplate of(byte[] template) {
		Content key = new Content(template);
		PreparedTemplate prepared = KEPT.get(key);
		if (prepared == null) {
			prepared = prepare(template);
			if (KEPT.size() >= MAX_KEPT) {
				KEPT.clear();
			}
			KEPT.put(new Content(template.clone()), prepared);
		}
		return prepared;
	}

	/** The filled document: the template's files, its document, headers and footers written with the values. */
	byte[] fill(Values values) {
		Map<String, byte[]> filled = new HashMap<>();
		for (Map.Entry<String, List<Segment>> part : parts.entrySet()) {
			StringBuilder xml = new StringBuilder(files.get(part.getKey()).length * 2);
			write(part.getValue(), values, null, xml);
			filled.put(part.getKey(), xml.toString().getBytes(StandardCharsets.UTF_8));
		}
		try {
			return zip(filled);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(List<Segment> segments, Values values, Row row, StringBuilder xml) {
		for (Segment segment : segments) {
			if (segment instanceof Fixed fixed) {
				xml.append(fixed.xml());
			}
			else if (segment instanceof RunText run) {
				String text = run.text(values, row);
				if (run.startTag() == null) {
					runText(run.prefix(), text, xml);
				}
				else if (text.isEmpty()) {
					// a run holding nothing else: saved as an empty element
					xml.append(run.startTag(), 0, run.startTag().length() - 1).append("/>");
				}
				else {
					xml.append(run.startTag());
					runText(run.prefix(), text, xml);
					xml.append("</").append(run.prefix()).append(":r>");
				}
			}
			else if (segment instanceof Repeated repeated) {
				List<?> elements = values.elements(repeated.list());
				for (int i = 0; i < Math.max(1, elements.size()); i++) {
					write(repeated.row(), values, new Row(repeated.list(), i, elements.isEmpty() ? null : elements.get(i)),
							xml);
				}
			}
		}
	}

	/** One piece of a compiled part. */
	private sealed interface Segment permits Fixed, RunText, Repeated {
	}

	/** XML written as it is. */
	private record Fixed(String xml) implements Segment {
	}

	/**
	 * The text of a run: fixed text ({@code String}) and placeholders ({@code Placeholder}) in their order; with the
	 * run's start tag when the run holds nothing but its text (empty text makes it an empty element).
	 */
	private record RunText(String prefix, List<Object> pieces, String startTag) implements Segment {

		String text(Values values, Row row) {
			StringBuilder text = new StringBuilder();
			for (Object piece : pieces) {
				text.append(piece instanceof Placeholder p ? values.text(p.text(), row) : (String) piece);
			}
			return text.toString();
		}
	}

	/** A placeholder's text between {@code ${} and {@code }}, trimmed. */
	private record Placeholder(String text) {
	}

	/** A table row written once per element of a list. */
	private record Repeated(String list, List<Segment> row) implements Segment {
	}

	/**
	 * A run's text as POI's {@link XWPFRun} writes it (the same {@link #layOut} as {@link #setText}): a line break for
	 * each {@code \n}, a tab for each {@code \t}, the rest in text elements that keep their spaces where they begin or
	 * end with one.
	 */
	private static void runText(String prefix, String text, StringBuilder xml) {
		layOut(text, new RunContent() {

			@Override
			public void lineBreak() {
				xml.append('<').append(prefix).append(":br/>");
			}

			@Override
			public void tab() {
				xml.append('<').append(prefix).append(":tab/>");
			}

			@Override
			public void text(String piece) {
				boolean keepSpaces = Character.isWhitespace(piece.charAt(0))
						|| Character.isWhitespace(piece.charAt(piece.length() - 1));
				xml.append('<').append(prefix).append(keepSpaces ? ":t xml:space=\"preserve\">" : ":t>")
					.append(escaped(piece)).append("</").append(prefix).append(":t>");
			}
		});
	}

	/** What a run's text is made of: line breaks, tabs and pieces of text. */
	private interface RunContent {

		void lineBreak();

		void tab();

		/** A piece of text between breaks and tabs, never empty. */
		void text(String piece);
	}

	/** Lays a run's text out: a line break for each line end ({@code \r\n}, {@code \r}, {@code \n}), a tab per tab. */
	private static void layOut(String text, RunContent run) {
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		for (int l = 0; l < lines.length; l++) {
			if (l > 0) {
				run.lineBreak();
			}
			String[] pieces = lines[l].split("\t", -1);
			for (int p = 0; p < pieces.length; p++) {
				if (p > 0) {
					run.tab();
				}
				if (!pieces[p].isEmpty()) {
					run.text(pieces[p]);
				}
			}
		}
	}

	/** The text as XMLBeans writes an element's content: as it is when nothing in it needs escaping. */
	private static String escaped(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// markup, and the characters XML 1.0 does not allow (below U+0020 but tab and line ends, U+FFFE, U+FFFF)
			if (c == '<' || c == '&' || c == '>' || c < 0x20 || c > 0xFFFD) {
				// rare: XMLBeans' own rules (entities, or CDATA for text with many of them)
				CTText element = CTText.Factory.newInstance();
				element.setStringValue(text);
				String saved = element.xmlText(new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS));
				return saved.substring(saved.indexOf('>') + 1, saved.lastIndexOf("</"));
			}
		}
		return text;
	}

	private static PreparedTemplate prepare(byte[] template) {
		Map<String, byte[]> files = unzip(template);
		if (!files.containsKey(CONTENT_TYPES) || !files.containsKey(PACKAGE_RELATIONSHIPS)) {
			throw new UncheckedIOException(new IOException("the template is not a readable .docx file"));
		}
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
			Map<String, List<Segment>> parts = new LinkedHashMap<>();
			String main = name(doc.getPackagePart().getPartName().getName());
			parts.put(main, new Compiler().part(main, files.get(main), doc, doc.getDocument(), "document"));
			for (XWPFHeaderFooter header : doc.getHeaderList()) {
				String name = name(header);
				parts.put(name, new Compiler().part(name, files.get(name), header, header._getHdrFtr(), "hdr"));
			}
			for (XWPFHeaderFooter footer : doc.getFooterList()) {
				String name = name(footer);
				parts.put(name, new Compiler().part(name, files.get(name), footer, footer._getHdrFtr(), "ftr"));
			}
			return new PreparedTemplate(files, parts);
		}
		catch (IOException | RuntimeException e) {
			throw new UncheckedIOException("the template is not a readable .docx file", e instanceof IOException io
					? io : new IOException(e.getMessage(), e));
		}
	}

	private static String name(XWPFHeaderFooter part) {
		return name(part.getPackagePart().getPartName().getName());
	}

	private static String name(String partName) {
		return partName.startsWith("/") ? partName.substring(1) : partName;
	}

	/**
	 * Replaces each {@code ${…}} of the paragraph with what {@code replacement} gives for its trimmed text, first
	 * joining the runs it spans into the one where it starts (keeping that run's formatting); text that a replacement
	 * brings in is not searched again.
	 */
	static void replacePlaceholders(XWPFParagraph paragraph, UnaryOperator<String> replacement) {
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
			String value = replacement.apply(runText.substring(localOpen + 2, localClose).trim());
			setText(run, runText.substring(0, localOpen) + value + runText.substring(localClose + 1));
			from = open + value.length();
		}
	}

	/** The list a table row repeats over: the first {@code ${list[]...}} in its text, or {@code null}. */
	static String repeatedList(XWPFTableRow row) {
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

	private static int runAt(int[] starts, int offset) {
		for (int i = starts.length - 2; i >= 0; i--) {
			if (starts[i] <= offset && offset < starts[i + 1]) {
				return i;
			}
		}
		throw new IllegalStateException("offset " + offset + " outside the paragraph's runs");
	}

	private static String mark(char kind, int number) {
		return "" + kind + number + MARK_END;
	}

	private static String text(XWPFRun run) {
		String text = run.text();
		return text == null ? "" : text;
	}

	/** Replaces a run's text, keeping its formatting; {@code \n} becomes a line break, {@code \t} a tab. */
	static void setText(XWPFRun run, String text) {
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
		layOut(text, new RunContent() {

			@Override
			public void lineBreak() {
				run.addBreak();
			}

			@Override
			public void tab() {
				run.addTab();
			}

			@Override
			public void text(String piece) {
				run.setText(piece, ctr.sizeOfTArray());
			}
		});
	}


	/** Compiles one part: marks it in POI's model, saves it as POI does, cuts the saved XML at the marks. */
	private static final class Compiler {

		private final List<String> placeholders = new ArrayList<>();
		private final List<List<Object>> runs = new ArrayList<>();
		private final List<String> lists = new ArrayList<>();

		/** The part {@code name} of the package ({@code original} its bytes in the template) as pieces. */
		List<Segment> part(String name, byte[] original, IBody body, XmlObject xml, String root) throws IOException {
			if (RESERVED.matcher(new String(original, StandardCharsets.UTF_8)).find()) {
				throw new IOException("'" + name + "' holds characters reserved for internal use (U+FDD0 to U+FDD4)");
			}
			for (IBodyElement element : List.copyOf(body.getBodyElements())) {
				if (element instanceof XWPFParagraph paragraph) {
					paragraph(paragraph);
				}
				else if (element instanceof XWPFTable table) {
					table(table, false);
				}
			}
			// as POI's own commit() of the document, a header or a footer saves it
			XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
			options.setSaveSyntheticDocumentElement(new QName(MAIN_NAMESPACE, root));
			ByteArrayOutputStream saved = new ByteArrayOutputStream();
			xml.save(saved, options);
			return segments(saved.toString(StandardCharsets.UTF_8));
		}

		private void table(XWPFTable table, boolean inRepeatedRow) {
			int pos = 0;
			while (pos < table.getRows().size()) {
				XWPFTableRow row = table.getRow(pos);
				String list = inRepeatedRow ? null : repeatedList(row);
				row(row, inRepeatedRow || list != null);
				if (list != null) {
					lists.add(list);
					markRow(table, pos, ROW);
					markRow(table, pos + 2, ROW_CLOSE);
					pos += 2;
				}
				pos++;
			}
		}

		/** Inserts a row of one cell holding only a mark of the list last added. */
		private void markRow(XWPFTable table, int pos, char mark) {
			table.insertNewTableRow(pos).getCtRow().addNewTc().addNewP().addNewR().addNewT()
				.setStringValue(mark(mark, lists.size() - 1));
		}

		private void row(XWPFTableRow row, boolean inRepeatedRow) {
			for (XWPFTableCell cell : row.getTableCells()) {
				for (IBodyElement inCell : List.copyOf(cell.getBodyElements())) {
					if (inCell instanceof XWPFParagraph paragraph) {
						paragraph(paragraph);
					}
					else if (inCell instanceof XWPFTable nested) {
						table(nested, inRepeatedRow);
					}
				}
			}
		}

		private void paragraph(XWPFParagraph paragraph) {
			replacePlaceholders(paragraph, placeholder -> {
				placeholders.add(placeholder);
				return mark(PLACEHOLDER, placeholders.size() - 1);
			});
			for (XWPFRun run : paragraph.getRuns()) {
				String text = text(run);
				if (text.indexOf(PLACEHOLDER) >= 0) {
					runs.add(pieces(text));
					setText(run, mark(RUN, runs.size() - 1));
				}
			}
		}

		private List<Object> pieces(String text) {
			List<Object> pieces = new ArrayList<>();
			int at = 0;
			for (int open = text.indexOf(PLACEHOLDER); open >= 0; open = text.indexOf(PLACEHOLDER, at)) {
				if (open > at) {
					pieces.add(text.substring(at, open));
				}
				int close = text.indexOf(MARK_END, open);
				pieces.add(new Placeholder(placeholders.get(Integer.parseInt(text.substring(open + 1, close)))));
				at = close + 1;
			}
			if (at < text.length()) {
				pieces.add(text.substring(at));
			}
			return pieces;
		}

		/** The saved XML cut at the marks: each marked run's text element, each marked row between its two marks. */
		private List<Segment> segments(String xml) {
			Deque<List<Segment>> outer = new ArrayDeque<>();
			List<Segment> current = new ArrayList<>();
			int at = 0;
			for (int i = at; i < xml.length(); i++) {
				char c = xml.charAt(i);
				if (c != RUN && c != ROW && c != ROW_CLOSE) {
					continue;
				}
				int markStart = i;
				int end = xml.indexOf(MARK_END, i);
				int id = Integer.parseInt(xml.substring(i + 1, end));
				Matcher start = TEXT_START.matcher(xml.substring(Math.max(0, markStart - 64), markStart));
				if (!start.find()) {
					throw new IllegalStateException("a mark outside a text element");
				}
				String prefix = start.group(1);
				String textEnd = "</" + prefix + ":t>";
				int elementStart = markStart - start.group().length();
				if (!xml.startsWith(textEnd, end + 1)) {
					throw new IllegalStateException("a mark not alone in its text element");
				}
				if (c == RUN) {
					int elementEnd = end + 1 + textEnd.length();
					String runEnd = "</" + prefix + ":r>";
					int tagStart = xml.lastIndexOf('<', elementStart - 1);
					String startTag = tagStart < at ? "" : xml.substring(tagStart, elementStart);
					if (xml.startsWith(runEnd, elementEnd)
							&& Pattern.matches("<" + Pattern.quote(prefix) + ":r(\\s[^<>]*[^/])?>", startTag)) {
						current.add(new Fixed(xml.substring(at, tagStart)));
						current.add(new RunText(prefix, runs.get(id), startTag));
						at = elementEnd + runEnd.length();
					}
					else {
						current.add(new Fixed(xml.substring(at, elementStart)));
						current.add(new RunText(prefix, runs.get(id), null));
						at = elementEnd;
					}
				}
				else {
					String rowStart = "<" + prefix + ":tr><" + prefix + ":tc><" + prefix + ":p><" + prefix + ":r>";
					String rowEnd = "</" + prefix + ":r></" + prefix + ":p></" + prefix + ":tc></" + prefix + ":tr>";
					if (!xml.startsWith(rowStart, elementStart - rowStart.length())
							|| !xml.startsWith(rowEnd, end + 1 + textEnd.length())) {
						throw new IllegalStateException("a row mark not alone in its row");
					}
					current.add(new Fixed(xml.substring(at, elementStart - rowStart.length())));
					if (c == ROW_CLOSE) {
						Repeated repeated = new Repeated(lists.get(id), List.copyOf(current));
						current = outer.pop();
						current.add(repeated);
					}
					else {
						outer.push(current);
						current = new ArrayList<>();
					}
					at = end + 1 + textEnd.length() + rowEnd.length();
				}
				i = at - 1;
			}
			if (!outer.isEmpty()) {
				throw new IllegalStateException("a repeated row without its end");
			}
			current.add(new Fixed(xml.substring(at)));
			return List.copyOf(current);
		}
	}

	private static Map<String, byte[]> unzip(byte[] template) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(template))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (!entry.isDirectory()) {
					files.put(entry.getName(), zip.readAllBytes());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("the template is not a readable .docx file", e);
		}
		return files;
	}

	/** The template's files zipped in their order, each part in {@code filled} written instead of the template's. */
	private byte[] zip(Map<String, byte[]> filled) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(filled.getOrDefault(file.getKey(), file.getValue()));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** Template bytes compared by content. */
	private record Content(byte[] bytes) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Content content && Arrays.equals(bytes, content.bytes);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(bytes);
		}

		@Override
		public String toString() {
			return bytes.length + " bytes";
		}
	}
}
