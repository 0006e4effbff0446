package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.xml.sax.XMLReader;

class PoiXmlReadersTest {

	private static final String PART = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
			+ "<w:body><w:p><w:r><w:t xml:space=\"preserve\">寥街罚〔2026〕%d号 ${partyName}</w:t></w:r></w:p></w:body></w:document>";

	private final PoiXmlReaders.PerThread perThread = new PoiXmlReaders.PerThread(POIXMLTypeLoader.DEFAULT_XML_OPTIONS);

	private XmlOptions withReader() {
		return new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS).setLoadUseXMLReader(perThread);
	}

	private static XmlOptions withNewReaders() {
		return new XmlOptions(POIXMLTypeLoader.DEFAULT_XML_OPTIONS).setLoadUseXMLReader(null);
	}

	@Test
	void readsEveryPartAsANewReaderWould() throws Exception {
		for (int i = 1; i <= 5; i++) {
			String part = PART.formatted(i);
			assertThat(XmlObject.Factory.parse(part, withReader()).xmlText())
				.isEqualTo(XmlObject.Factory.parse(part, withNewReaders()).xmlText())
				.contains("寥街罚〔2026〕" + i + "号");
		}
	}

	@Test
	void oneReaderPerThreadReusedAndHoldingNothingOfThePartItRead() throws Exception {
		XmlObject.Factory.parse(PART.formatted(1), withReader());
		XMLReader first = perThread.reader();
		assertThat(first.getContentHandler()).isNull();
		XmlObject.Factory.parse(PART.formatted(2), withReader());
		assertThat(perThread.reader()).isSameAs(first);
		assertThat(first.getContentHandler()).isNull();

		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			XMLReader ofOtherThread = other.submit(() -> {
				XmlObject.Factory.parse(PART.formatted(3), withReader());
				return perThread.reader();
			}).get();
			assertThat(ofOtherThread).isNotSameAs(first);
		}
		finally {
			other.shutdownNow();
		}
	}

	@Test
	void aPartThatFailsDropsItsReaderAndTheNextPartReadsWell() throws Exception {
		XmlObject.Factory.parse(PART.formatted(1), withReader());
		XMLReader before = perThread.reader();
		assertThatThrownBy(() -> XmlObject.Factory.parse("<w:document xmlns:w=\"urn:x\"><w:body>", withReader()))
			.isInstanceOf(XmlException.class);
		assertThat(XmlObject.Factory.parse(PART.formatted(4), withReader()).xmlText()).contains("寥街罚〔2026〕4号");
		assertThat(perThread.reader()).isNotSameAs(before);
	}

	@Test
	void anExternalEntityIsNotRead(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "口令 hunter2");
		String part = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]><x>&e;</x>";
		String read;
		try {
			read = XmlObject.Factory.parse(part, withReader()).xmlText();
		}
		catch (XmlException refused) {
			read = refused.getMessage();
		}
		assertThat(read).doesNotContain("hunter2");
		// and the reader serves the next part as usual
		assertThat(XmlObject.Factory.parse(PART.formatted(5), withReader()).xmlText()).contains("寥街罚〔2026〕5号");
	}

	@Test
	void threadsReadTheirOwnPartsAtOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				int n = i;
				results.add(pool.submit(() -> XmlObject.Factory.parse(PART.formatted(n), withReader()).xmlText()
					.contains("寥街罚〔2026〕" + n + "号")));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void installedAtStartOnPoisOptionsAndDocumentsOpenAsBefore() throws Exception {
		assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
			.contains(PoiXmlReaders.class.getName());
		PoiXmlReaders.install();
		XMLReader installed = POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader();
		assertThat(installed).isInstanceOf(PoiXmlReaders.PerThread.class);
		PoiXmlReaders.install();
		assertThat(POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader()).isSameAs(installed);

		byte[] template = Files.readAllBytes(Path.of("templates/penalty-decision.docx"));
		for (int i = 0; i < 2; i++) {
			try (XWPFDocument doc = new XWPFDocument(new java.io.ByteArrayInputStream(template));
					XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
				assertThat(text.getText()).contains("行政处罚决定书").contains("${");
			}
		}
		assertThat(new String(template, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}
}
