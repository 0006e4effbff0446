package cn.zhifa.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A model file's XML as a small tree that remembers the line of every element, so the guard can name
 * file, line and element in what it refuses. Document type declarations are refused (no entities).
 */
final class XmlTree {

	/** One element: namespace, local name, attributes by {namespace}local or plain local name, text, line. */
	record Node(String ns, String name, Map<String, String> attributes, StringBuilder text, int line, List<Node> children,
			Node parent) {

		/** Identity: elements are nodes of one tree (the record's own equality would recurse through parents). */
		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

		@Override
		public String toString() {
			return name + (id() == null ? "" : "#" + id()) + "@" + line;
		}

		String attr(String local) {
			return attributes.get(local);
		}

		String attr(String namespace, String local) {
			return attributes.get("{" + namespace + "}" + local);
		}

		String id() {
			return attributes.get("id");
		}

		String textTrimmed() {
			return text.toString().trim();
		}

		boolean is(String namespace, String local) {
			return namespace.equals(ns) && local.equals(name);
		}

		List<Node> children(String namespace, String local) {
			return children.stream().filter(c -> c.is(namespace, local)).toList();
		}

		Optional<Node> child(String namespace, String local) {
			return children.stream().filter(c -> c.is(namespace, local)).findFirst();
		}

		/** This element and all below it, document order. */
		void walk(Consumer<Node> visitor) {
			visitor.accept(this);
			for (Node c : children) {
				c.walk(visitor);
			}
		}

		/**
		 * The nearest element with an id, this one included, that Camunda Modeler shows as an element
		 * (an event's definition and a condition are shown as their event or flow): what an error names.
		 */
		Node identified() {
			for (Node n = this; n != null; n = n.parent) {
				if (n.id() != null && !n.name.endsWith("EventDefinition") && !n.name.equals("conditionExpression")) {
					return n;
				}
			}
			return this;
		}
	}

	/** The file is not well-formed XML. */
	static final class Malformed extends Exception {
		final int line;

		Malformed(String message, int line) {
			super(message);
			this.line = line;
		}
	}

	private XmlTree() {
	}

	static Node parse(byte[] bytes) throws Malformed {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			Builder builder = new Builder();
			factory.newSAXParser().parse(new ByteArrayInputStream(bytes), builder);
			if (builder.root == null) {
				throw new Malformed("文件为空", 1);
			}
			return builder.root;
		}
		catch (SAXParseException e) {
			throw new Malformed("不是格式正确的 XML（" + e.getMessage() + "）", Math.max(e.getLineNumber(), 1));
		}
		catch (Malformed e) {
			throw e;
		}
		catch (Exception e) {
			throw new Malformed("无法读取 XML", 1);
		}
	}

	private static final class Builder extends DefaultHandler {
		private Locator locator;
		private final Deque<Node> open = new ArrayDeque<>();
		private Node root;

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes atts) {
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int i = 0; i < atts.getLength(); i++) {
				String ns = atts.getURI(i);
				String local = atts.getLocalName(i);
				attributes.put(ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local, atts.getValue(i));
			}
			Node parent = open.peek();
			Node node = new Node(uri, localName, attributes, new StringBuilder(), locator == null ? 0 : locator.getLineNumber(),
					new ArrayList<>(), parent);
			if (parent == null) {
				root = node;
			}
			else {
				parent.children().add(node);
			}
			open.push(node);
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			open.pop();
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!open.isEmpty()) {
				open.peek().text().append(ch, start, length);
			}
		}
	}
}
