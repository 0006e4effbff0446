package cn.zhifa.platform;

import java.io.IOException;

import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.impl.common.SAXHelper;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * One SAX reader per thread for the XML parts of the Office files POI opens (documents, ledgers), reused from part to
 * part, instead of a new one for each part. XMLBeans builds a new parser factory and parser for every part it loads
 * unless its options name a reader, and building one (Xerces sets up its whole configuration, and tests every feature
 * set on the factory by building a throw-away parser) was 22 % of filling a document template
 * (docs/performance.md, 2026-12-03, third session). The reader of each thread is made exactly as XMLBeans makes its
 * own ({@link SAXHelper#newXMLReader}, with POI's options: secure processing, no DTD loading, entities ignored), and
 * XMLBeans sets its handlers and features again before each part, as it does on a new reader. After each part the
 * handlers are let go (the reader keeps nothing of the file it read); a reader whose part failed is dropped. Installed
 * on POI's default options at start-up ({@code META-INF/spring.factories}); unit tests that do not start the
 * application parse as before, with a new reader per part.
 */
public class PoiXmlReaders implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		install();
	}

	/** Names a per-thread reader in POI's default options, unless a reader is named there already. */
	static synchronized void install() {
		XmlOptions options = POIXMLTypeLoader.DEFAULT_XML_OPTIONS;
		if (options.getLoadUseXMLReader() == null) {
			options.setLoadUseXMLReader(new PerThread(options));
		}
	}

	/** An {@link XMLReader} that hands every call to the current thread's own reader. */
	static final class PerThread implements XMLReader {

		private final XmlOptions options;
		private final ThreadLocal<XMLReader> readers = new ThreadLocal<>();

		PerThread(XmlOptions options) {
			this.options = new XmlOptions(options);
		}

		/** The current thread's reader, made when the thread first parses. */
		XMLReader reader() throws SAXException {
			XMLReader reader = readers.get();
			if (reader == null) {
				try {
					reader = SAXHelper.newXMLReader(options);
				}
				catch (javax.xml.parsers.ParserConfigurationException e) {
					throw new SAXException(e);
				}
				readers.set(reader);
			}
			return reader;
		}

		@Override
		public void parse(InputSource input) throws IOException, SAXException {
			XMLReader reader = reader();
			boolean done = false;
			try {
				reader.parse(input);
				done = true;
			}
			finally {
				if (!done || !release(reader)) {
					readers.remove();
				}
			}
		}

		@Override
		public void parse(String systemId) throws IOException, SAXException {
			parse(new InputSource(systemId));
		}

		/** Lets go of the handlers of the part just read (they hold its content); false if the reader refused. */
		private static boolean release(XMLReader reader) {
			try {
				reader.setContentHandler(null);
				reader.setDTDHandler(null);
				reader.setErrorHandler(null);
				reader.setEntityResolver(SAXHelper.IGNORING_ENTITY_RESOLVER);
				reader.setProperty("http://xml.org/sax/properties/lexical-handler", null);
				reader.setProperty("http://xml.org/sax/properties/declaration-handler", null);
				return true;
			}
			catch (SAXException | RuntimeException e) {
				return false;
			}
		}

		@Override
		public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
			return current().getFeature(name);
		}

		@Override
		public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
			current().setFeature(name, value);
		}

		@Override
		public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
			return current().getProperty(name);
		}

		@Override
		public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
			current().setProperty(name, value);
		}

		@Override
		public void setEntityResolver(EntityResolver resolver) {
			current().setEntityResolver(resolver);
		}

		@Override
		public EntityResolver getEntityResolver() {
			return current().getEntityResolver();
		}

		@Override
		public void setDTDHandler(DTDHandler handler) {
			current().setDTDHandler(handler);
		}

		@Override
		public DTDHandler getDTDHandler() {
			return current().getDTDHandler();
		}

		@Override
		public void setContentHandler(ContentHandler handler) {
			current().setContentHandler(handler);
		}

		@Override
		public ContentHandler getContentHandler() {
			return current().getContentHandler();
		}

		@Override
		public void setErrorHandler(ErrorHandler handler) {
			current().setErrorHandler(handler);
		}

		@Override
		public ErrorHandler getErrorHandler() {
			return current().getErrorHandler();
		}

		private XMLReader current() {
			try {
				return reader();
			}
			catch (SAXException e) {
				throw new IllegalStateException("no XML reader could be made", e);
			}
		}
	}
}
