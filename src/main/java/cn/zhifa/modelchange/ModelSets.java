package cn.zhifa.modelchange;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Complete model sets (ADR-0016) and how submitted files are laid over one: a submitted file replaces the
 * file of the set that defines the same process, decision or form (whatever its file name), else the file
 * of the same name (with or without its folder, as Camunda Modeler sends it), else it is added in the folder
 * of its kind ({@code processes/}, {@code dmn/}, {@code forms/}).
 */
final class ModelSets {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ModelSets() {
	}

	/** The resulting set, and for each of its names the name the file was submitted under. */
	record Overlay(Map<String, byte[]> result, Map<String, String> submittedNames) {
		String submittedName(String resultName) {
			return submittedNames.getOrDefault(resultName, resultName);
		}
	}

	static boolean isModel(String name) {
		return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form") || name.endsWith(".bpmn20.xml")
				|| name.endsWith(".dmn11.xml");
	}

	static Overlay overlay(Map<String, byte[]> base, Map<String, byte[]> submitted) {
		Map<String, byte[]> result = new TreeMap<>(base);
		Map<String, String> names = new HashMap<>();
		Map<String, Set<String>> baseIds = new HashMap<>();
		base.forEach((name, bytes) -> baseIds.put(name, definedIds(name, bytes)));
		for (Map.Entry<String, byte[]> file : new TreeMap<>(submitted).entrySet()) {
			String name = file.getKey();
			String into = null;
			Set<String> ids = definedIds(name, file.getValue());
			if (!ids.isEmpty()) {
				for (Map.Entry<String, Set<String>> b : baseIds.entrySet()) {
					if (kind(b.getKey()).equals(kind(name)) && !Collections.disjoint(b.getValue(), ids)) {
						into = b.getKey();
						break;
					}
				}
			}
			if (into == null && base.containsKey(name)) {
				into = name;
			}
			if (into == null) {
				String simple = simpleName(name);
				for (String b : base.keySet()) {
					if (simpleName(b).equals(simple)) {
						into = b;
						break;
					}
				}
			}
			if (into == null) {
				into = name.contains("/") ? name : folder(name) + simpleName(name);
			}
			result.put(into, file.getValue());
			names.put(into, name);
		}
		return new Overlay(result, names);
	}

	private static String simpleName(String name) {
		String n = name.replace('\\', '/');
		return n.substring(n.lastIndexOf('/') + 1);
	}

	private static String kind(String name) {
		if (name.endsWith(".form")) {
			return "form";
		}
		return name.endsWith(".dmn") || name.endsWith(".dmn11.xml") ? "dmn" : name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") ? "bpmn" : "other";
	}

	private static String folder(String name) {
		return switch (kind(name)) {
			case "form" -> "forms/";
			case "dmn" -> "dmn/";
			case "bpmn" -> "processes/";
			default -> "";
		};
	}

	/** The processes, decisions or form a file defines (their ids); empty when it cannot be read. */
	static Set<String> definedIds(String name, byte[] bytes) {
		Set<String> ids = new HashSet<>();
		try {
			switch (kind(name)) {
				case "form" -> {
					String id = JSON.readTree(bytes).path("id").asText("");
					if (!id.isEmpty()) {
						ids.add(id);
					}
				}
				case "bpmn", "dmn" -> {
					Document doc = ModelDiff.parse(bytes);
					for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
						if (n instanceof Element e && ("process".equals(e.getLocalName()) || "decision".equals(e.getLocalName()))
								&& !e.getAttribute("id").isEmpty()) {
							ids.add(e.getAttribute("id"));
						}
					}
				}
				default -> {
				}
			}
		}
		catch (Exception e) {
			// unreadable: matched by name; the guard reports what is wrong with it
		}
		return ids;
	}
}
