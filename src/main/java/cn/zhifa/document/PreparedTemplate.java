package cn.zhifa.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A {@code .docx} template read once per content (ADR-0048): its files in their order, and a smaller package for
 * POI to open for each fill — the document with its headers, footers and everything they refer to, but without the
 * parts a fill never reads (styles, settings, fonts, theme, web settings, the document properties), which POI would
 * otherwise parse for every document and write back. The filled document is the template's files as they are, with
 * the document, its headers and its footers saved from the filled model, exactly as POI saves them.
 */
final class PreparedTemplate {

	/** Relationships of the main document a fill never follows: their parts stay out of the package POI opens. */
	private static final Set<String> UNREAD_RELATIONSHIPS = Set.of("styles", "stylesWithEffects", "settings",
			"fontTable", "theme", "webSettings");
	private static final String OFFICE_DOCUMENT = "officeDocument";
	private static final String CONTENT_TYPES = "[Content_Types].xml";
	private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";
	private static final String MAIN_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
	/** Templates kept at most: a legal office edits templates; each edit is a new content. */
	private static final int MAX_KEPT = 64;
	private static final Map<Content, PreparedTemplate> KEPT = new ConcurrentHashMap<>();

	private final Map<String, byte[]> files;
	private final byte[] reduced;

	private PreparedTemplate(Map<String, byte[]> files, byte[] reduced) {
		this.files = files;
		this.reduced = reduced;
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

	/** A new model of the template to fill. */
	XWPFDocument open() throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(reduced));
	}

	/** The template's files with the filled document, headers and footers in place of theirs. */
	byte[] write(XWPFDocument filled) throws IOException {
		Map<String, FilledPart> changed = new LinkedHashMap<>();
		changed.put(partName(filled.getPackagePart().getPartName().getName()),
				new FilledPart(filled.getDocument(), "document"));
		filled.getHeaderList().forEach(header -> changed.put(name(header), new FilledPart(header._getHdrFtr(), "hdr")));
		filled.getFooterList().forEach(footer -> changed.put(name(footer), new FilledPart(footer._getHdrFtr(), "ftr")));
		return zip(files, changed);
	}

	/** A part the fill changed, and the name of its root element. */
	private record FilledPart(XmlObject xml, String root) {

		/** As POI's own {@code commit()} of the document, a header or a footer saves it. */
		void save(OutputStream out) throws IOException {
			XmlOptions options = new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
			options.setSaveSyntheticDocumentElement(new QName(MAIN_NAMESPACE, root));
			xml.save(out, options);
		}
	}

	private static String name(XWPFHeaderFooter part) {
		return partName(part.getPackagePart().getPartName().getName());
	}

	private static String partName(String name) {
		return name.startsWith("/") ? name.substring(1) : name;
	}

	private static PreparedTemplate prepare(byte[] template) {
		Map<String, byte[]> files = unzip(template);
		if (!files.containsKey(CONTENT_TYPES) || !files.containsKey(PACKAGE_RELATIONSHIPS)) {
			throw new UncheckedIOException(new IOException("the template is not a readable .docx file"));
		}
		try {
			Map<String, byte[]> reduced = new LinkedHashMap<>(files);
			Set<String> left = new HashSet<>();
			// the package's own relationships: only the main document (the document properties are not read)
			Relationships root = Relationships.read("", files.get(PACKAGE_RELATIONSHIPS));
			String main = root.targetOf(OFFICE_DOCUMENT);
			if (main == null || !files.containsKey(main)) {
				throw new IOException("the template has no main document");
			}
			left.addAll(root.partsExcept(OFFICE_DOCUMENT));
			reduced.put(PACKAGE_RELATIONSHIPS, root.keepOnly(Set.of(OFFICE_DOCUMENT)));
			// the main document's relationships: all but the parts a fill never reads
			String mainRels = relationshipsOf(main);
			if (files.containsKey(mainRels)) {
				Relationships ofMain = Relationships.read(main, files.get(mainRels));
				left.addAll(ofMain.partsOf(UNREAD_RELATIONSHIPS));
				reduced.put(mainRels, ofMain.dropping(UNREAD_RELATIONSHIPS));
			}
			left.forEach(reduced::remove);
			return new PreparedTemplate(files, zip(reduced, Map.of()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("the template is not a readable .docx file", e);
		}
	}

	/** {@code word/document.xml} → {@code word/_rels/document.xml.rels}. */
	private static String relationshipsOf(String part) {
		int slash = part.lastIndexOf('/');
		return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
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

	/** The files zipped in their order, each part in {@code changed} saved from its model instead. */
	private static byte[] zip(Map<String, byte[]> files, Map<String, FilledPart> changed) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				FilledPart part = changed.get(file.getKey());
				if (part == null) {
					zip.write(file.getValue());
				}
				else {
					part.save(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/** One relationships part ({@code _rels/….rels}): its entries, read once per template. */
	private record Relationships(String source, List<Element> entries) {

		static Relationships read(String source, byte[] xml) throws IOException {
			try {
				DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
				factory.setNamespaceAware(true);
				factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
				factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
				NodeList nodes = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml))
					.getElementsByTagNameNS("*", "Relationship");
				List<Element> entries = new ArrayList<>();
				for (int i = 0; i < nodes.getLength(); i++) {
					entries.add((Element) nodes.item(i));
				}
				return new Relationships(source, entries);
			}
			catch (ParserConfigurationException | SAXException e) {
				throw new IOException("unreadable relationships of '" + source + "'", e);
			}
		}

		/** The part a relationship of this type points to, or null. */
		String targetOf(String type) {
			return entries.stream().filter(e -> isType(e, Set.of(type)) && !external(e)).map(this::part).findFirst()
				.orElse(null);
		}

		List<String> partsExcept(String type) {
			return entries.stream().filter(e -> !isType(e, Set.of(type)) && !external(e)).map(this::part).toList();
		}

		List<String> partsOf(Set<String> types) {
			return entries.stream().filter(e -> isType(e, types) && !external(e)).map(this::part).toList();
		}

		byte[] keepOnly(Set<String> types) {
			return write(entries.stream().filter(e -> isType(e, types)).toList());
		}

		byte[] dropping(Set<String> types) {
			return write(entries.stream().filter(e -> !isType(e, types)).toList());
		}

		/** A type's last path segment, as both the transitional and the strict schema name it. */
		private static boolean isType(Element entry, Set<String> types) {
			String type = entry.getAttribute("Type");
			return types.contains(type.substring(type.lastIndexOf('/') + 1));
		}

		private static boolean external(Element entry) {
			return "External".equals(entry.getAttribute("TargetMode"));
		}

		/** The zip entry a relationship's target names, resolved against its source part. */
		private String part(Element entry) {
			String target = entry.getAttribute("Target");
			String resolved = URI.create("/" + source).resolve(URI.create(target.replace(" ", "%20"))).getPath();
			return partName(resolved);
		}

		private byte[] write(List<Element> kept) {
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
			for (Element entry : kept) {
				xml.append("<Relationship");
				for (String attribute : List.of("Id", "Type", "Target", "TargetMode")) {
					if (entry.hasAttribute(attribute)) {
						xml.append(' ').append(attribute).append("=\"").append(escape(entry.getAttribute(attribute)))
							.append('"');
					}
				}
				xml.append("/>");
			}
			return xml.append("</Relationships>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}

		private static String escape(String value) {
			return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
		}
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
