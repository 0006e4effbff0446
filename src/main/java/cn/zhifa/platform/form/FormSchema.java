package cn.zhifa.platform.form;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields of a Camunda Form (form-js schema), by key. Layout components (text, spacer,
 * separator, image, button) have no key and are left out; groups are flattened. The title is the form's first
 * heading (a text component's first line starting with {@code #}, e.g. {@code ## 登记执法案件}), if it has one.
 */
record FormSchema(String id, String title, Map<String, Field> fields) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** One input field as the form declares it. */
	record Field(String key, String label, String type, String subtype, boolean displayOnly, boolean required,
			boolean conditional, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
			Integer decimalDigits, List<String> options, String valuesKey) {

		/** Label shown to the user; the key only when the form has no label. */
		String name() {
			return label == null || label.isBlank() ? key : label;
		}

		boolean hasStaticOptions() {
			return !options.isEmpty();
		}
	}

	Optional<Field> field(String key) {
		return Optional.ofNullable(fields.get(key));
	}

	static FormSchema read(InputStream json) throws IOException {
		JsonNode root = JSON.readTree(json);
		Map<String, Field> fields = new LinkedHashMap<>();
		collect(root.path("components"), fields);
		return new FormSchema(root.path("id").asText(null), title(root.path("components")),
				Collections.unmodifiableMap(fields));
	}

	/** How a message names the form to its user: by its title, never by its id. */
	String shownAs() {
		return title == null ? "此表单" : "表单“" + title + "”";
	}

	private static String title(JsonNode components) {
		for (JsonNode c : components) {
			if ("text".equals(c.path("type").asText())) {
				String first = c.path("text").asText("").strip().lines().findFirst().orElse("");
				if (first.startsWith("#")) {
					String heading = first.replaceFirst("^#+", "").strip();
					return heading.isEmpty() ? null : heading;
				}
			}
		}
		return null;
	}

	private static void collect(JsonNode components, Map<String, Field> fields) {
		for (JsonNode c : components) {
			if (c.has("components")) {
				collect(c.get("components"), fields);
			}
			String key = c.path("key").asText("");
			if (key.isEmpty()) {
				continue;
			}
			JsonNode validate = c.path("validate");
			List<String> options = new ArrayList<>();
			c.path("values").forEach(v -> options.add(v.path("value").asText()));
			String label = c.path("label").asText(c.path("dateLabel").asText(c.path("timeLabel").asText(null)));
			fields.put(key, new Field(key, label, c.path("type").asText(),
					c.path("subtype").asText(null),
					c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
					validate.path("required").asBoolean(false), c.has("conditional"),
					decimal(validate.get("min")), decimal(validate.get("max")),
					integer(validate.get("minLength")), integer(validate.get("maxLength")),
					integer(c.get("decimalDigits")), List.copyOf(options), c.path("valuesKey").asText(null)));
		}
	}

	private static BigDecimal decimal(JsonNode n) {
		return n == null || !n.isNumber() ? null : n.decimalValue();
	}

	private static Integer integer(JsonNode n) {
		return n == null || !n.canConvertToInt() ? null : n.asInt();
	}
}
