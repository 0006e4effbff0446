package cn.zhifa.platform.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import cn.zhifa.platform.problem.InputCheck;

/**
 * Turns the values a client submitted for a Camunda Form into the variables the engine stores:
 * <ul>
 * <li>read-only and disabled fields are display-only: whatever comes back for them is dropped;</li>
 * <li>number → Long (whole numbers) or Double, also when typed as text ("12000");</li>
 * <li>checkbox → Boolean; date → ISO date text {@code yyyy-MM-dd} (what the services read);
 * date-time → Date (Asia/Shanghai when no offset is given); time → {@code HH:mm};</li>
 * <li>select and radio → one of the field's options (static, or the list in its {@code valuesKey}
 * variable); checklist and taglist → a JSON list of such options;</li>
 * <li>empty optional values → null; required fields without a show/hide condition must be filled;</li>
 * <li>texts are texts (a number or list for a text field is refused), at most {@value #MAX_TEXT}
 * characters (or the field's max length), no zero bytes or broken characters ({@link InputCheck});</li>
 * <li>a key the form does not have is refused: case variables are not set through forms.</li>
 * </ul>
 * Every refusal is a {@link FormFieldValidationException} whose message names the field by its
 * Chinese label; the engine then rolls back, so nothing is stored.
 */
final class FormSubmission {

	/** Camunda keeps a string variable in a 4,000-character column. */
	static final int MAX_TEXT = InputCheck.VARIABLE_LENGTH;
	private static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(InputCheck.MAX_NUMBER);
	private static final ZoneId CHINA = cn.zhifa.platform.EngineClock.ZONE;
	private static final ObjectMapper JSON = new ObjectMapper();

	private FormSubmission() {
	}

	/**
	 * @param submitted what the client sent
	 * @param form the form the task or start event shows
	 * @param variables reads a variable of the task's or instance's scope (for option lists)
	 */
	static VariableMap typed(VariableMap submitted, FormSchema form, Function<String, Object> variables) {
		VariableMap result = Variables.createVariables();
		for (String key : submitted.keySet()) {
			FormSchema.Field field = form.field(key).orElseThrow(() -> new FormFieldValidationException(key,
					form.shownAs() + "中没有字段“" + key + "”，不能通过表单设置"));
			if (field.displayOnly()) {
				continue;
			}
			TypedValue value = submitted.getValueTyped(key);
			result.putValueTyped(key, convert(field, value == null ? null : value.getValue(), variables));
		}
		for (FormSchema.Field field : form.fields().values()) {
			if (field.required() && !field.conditional() && !field.displayOnly() && isMissing(result, field)) {
				throw invalid(field, "checkbox".equals(field.type()) ? "须勾选" : "必须填写");
			}
		}
		return result;
	}

	private static boolean isMissing(VariableMap result, FormSchema.Field field) {
		if (!result.containsKey(field.key())) {
			return true;
		}
		Object v = result.get(field.key());
		return v == null || Boolean.FALSE.equals(v) && "checkbox".equals(field.type());
	}

	private static TypedValue convert(FormSchema.Field field, Object raw, Function<String, Object> variables) {
		if (isEmpty(raw)) {
			return "checkbox".equals(field.type()) ? Variables.booleanValue(false) : Variables.untypedNullValue();
		}
		return switch (field.type()) {
			case "number" -> number(field, raw);
			case "checkbox" -> Variables.booleanValue(bool(field, raw));
			case "datetime" -> dateTime(field, text(field, raw));
			case "select", "radio" -> Variables.stringValue(option(field, text(field, raw), variables));
			case "checklist", "taglist" -> SpinValues.jsonValue(options(field, raw, variables)).create();
			default -> Variables.stringValue(text(field, raw));
		};
	}

	private static boolean isEmpty(Object raw) {
		return raw == null || raw instanceof String s && s.isBlank();
	}

	private static TypedValue number(FormSchema.Field field, Object raw) {
		BigDecimal n;
		if (raw instanceof Number number && !(raw instanceof Double d && (d.isNaN() || d.isInfinite()))) {
			n = new BigDecimal(number.toString());
		}
		else if (raw instanceof String s) {
			try {
				n = new BigDecimal(s.trim().replace(",", ""));
			}
			catch (NumberFormatException e) {
				throw invalid(field, "请填写数字");
			}
		}
		else {
			throw invalid(field, "请填写数字");
		}
		if (n.abs().compareTo(MAX_NUMBER) > 0) {
			throw invalid(field, "数值过大");
		}
		if (field.min() != null && n.compareTo(field.min()) < 0) {
			throw invalid(field, "不得小于 " + field.min().toPlainString());
		}
		if (field.max() != null && n.compareTo(field.max()) > 0) {
			throw invalid(field, "不得大于 " + field.max().toPlainString());
		}
		n = n.stripTrailingZeros();
		if (field.decimalDigits() != null && Math.max(n.scale(), 0) > field.decimalDigits()) {
			throw invalid(field, field.decimalDigits() == 0 ? "须为整数" : "最多 " + field.decimalDigits() + " 位小数");
		}
		return n.scale() <= 0 ? Variables.longValue(n.longValueExact()) : Variables.doubleValue(n.doubleValue());
	}

	private static boolean bool(FormSchema.Field field, Object raw) {
		if (raw instanceof Boolean b) {
			return b;
		}
		if (raw instanceof String s && (s.equals("true") || s.equals("false"))) {
			return Boolean.parseBoolean(s);
		}
		throw invalid(field, "只能勾选或不勾选");
	}

	private static TypedValue dateTime(FormSchema.Field field, String text) {
		String subtype = field.subtype() == null ? "date" : field.subtype();
		try {
			return switch (subtype) {
				case "time" -> Variables.stringValue(LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text).toString());
				case "datetime" -> Variables.dateValue(Date.from(instant(text)));
				default -> Variables.stringValue(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString());
			};
		}
		catch (DateTimeParseException e) {
			throw invalid(field, "time".equals(subtype) ? "时间格式应为 时:分" : "日期格式应为 年-月-日");
		}
	}

	private static java.time.Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			return LocalDateTime.parse(text).atZone(CHINA).toInstant();
		}
	}

	private static String option(FormSchema.Field field, String value, Function<String, Object> variables) {
		List<String> allowed = allowedOptions(field, variables);
		if (!allowed.contains(value)) {
			throw invalid(field, "请从列表中选择");
		}
		return value;
	}

	private static String options(FormSchema.Field field, Object raw, Function<String, Object> variables) {
		List<String> chosen = new ArrayList<>();
		for (JsonNode item : json(field, raw)) {
			chosen.add(option(field, item.isObject() ? item.path("value").asText() : item.asText(), variables));
		}
		try {
			return JSON.writeValueAsString(chosen);
		}
		catch (JsonProcessingException e) {
			throw invalid(field, "请从列表中选择");
		}
	}

	private static JsonNode json(FormSchema.Field field, Object raw) {
		// Tasklist sends a list as JSON text typed like the option variable (Json): a Spin node here
		JsonNode node = raw instanceof Collection<?> || raw instanceof Map<?, ?> ? JSON.valueToTree(raw)
				: parse(field, raw.toString());
		if (!node.isArray()) {
			throw invalid(field, "请从列表中选择");
		}
		return node;
	}

	private static JsonNode parse(FormSchema.Field field, String s) {
		try {
			return JSON.readTree(s);
		}
		catch (JsonProcessingException e) {
			throw invalid(field, "请从列表中选择");
		}
	}

	/** Static options of the form, or those in the variable named by the field's {@code valuesKey}. */
	private static List<String> allowedOptions(FormSchema.Field field, Function<String, Object> variables) {
		if (field.hasStaticOptions() || field.valuesKey() == null) {
			return field.options();
		}
		Object list = variables.apply(field.valuesKey());
		List<String> allowed = new ArrayList<>();
		if (list == null) {
			return allowed;
		}
		JsonNode node = list instanceof Collection<?> || list instanceof Map<?, ?> ? JSON.valueToTree(list)
				: parse(field, list.toString());
		for (JsonNode item : node) {
			allowed.add(item.isObject() ? item.path("value").asText() : item.asText());
		}
		return allowed;
	}

	private static String text(FormSchema.Field field, Object raw) {
		if (!(raw instanceof String s)) {
			throw invalid(field, "请填写文字");
		}
		int limit = field.maxLength() == null ? MAX_TEXT : Math.min(field.maxLength(), MAX_TEXT);
		String flaw = InputCheck.textFlaw(s, limit);
		if (flaw != null) {
			throw invalid(field, flaw);
		}
		if (field.minLength() != null && s.codePointCount(0, s.length()) < field.minLength()) {
			throw invalid(field, "不得少于 " + field.minLength() + " 个字符");
		}
		return s;
	}

	static FormFieldValidationException invalid(FormSchema.Field field, String rule) {
		return new FormFieldValidationException(field.key(), field.name() + "：" + rule);
	}
}
