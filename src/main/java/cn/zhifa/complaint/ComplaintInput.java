package cn.zhifa.complaint;

import java.util.Set;
import java.util.regex.Pattern;

import cn.zhifa.platform.problem.InputCheck;

/**
 * What a complainant (or the officer who takes the complaint down) states: the category, the agency
 * concerned or the place, what happened, and optionally who they are and how to reach them. The same
 * rules hold on the portal, over {@code /api} and in the Tasklist start form ({@link #flaw}).
 */
public record ComplaintInput(String category, String concernedAgency, String location, String content, String complainantName,
		String complainantContact) {

	public static final int CONTENT_MIN = 10;
	public static final int CONTENT_MAX = 2000;
	public static final int LOCATION_MAX = 200;
	public static final int AGENCY_MAX = 100;
	public static final int NAME_MAX = 50;
	public static final int CONTACT_MAX = 100;
	/** Mobile (11 digits, 1[3-9]…), fixed line with area code (0871-12345678), optional extension. */
	static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
	static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");

	/** A field at fault and the rule it breaks, in Chinese. */
	public record Flaw(String field, String message) {
	}

	public ComplaintInput normalised() {
		return new ComplaintInput(strip(category), strip(concernedAgency), strip(location), strip(content),
				strip(complainantName), strip(complainantContact) == null ? null : strip(complainantContact).replace(" ", ""));
	}

	/** The first rule the input breaks, or null; {@code categories} are the codes of templates/labels.yml. */
	Flaw flaw(Set<String> categories) {
		if (category == null) {
			return new Flaw("category", "事项类别必须选择");
		}
		if (!categories.contains(category)) {
			return new Flaw("category", "事项类别须为所列之一：" + String.join("、", categories));
		}
		Flaw f = text("concernedAgency", "被投诉举报的单位", concernedAgency, AGENCY_MAX);
		if (f == null) {
			f = text("location", "发生地点", location, LOCATION_MAX);
		}
		if (f != null) {
			return f;
		}
		if (concernedAgency == null && location == null) {
			return new Flaw("location", "被投诉举报的单位和发生地点至少填写一项");
		}
		if (content == null) {
			return new Flaw("content", "投诉举报内容必须填写");
		}
		f = text("content", "投诉举报内容", content, CONTENT_MAX);
		if (f != null) {
			return f;
		}
		if (content.codePointCount(0, content.length()) < CONTENT_MIN) {
			return new Flaw("content", "投诉举报内容不得少于 " + CONTENT_MIN + " 个字，请写明时间、地点和事情经过");
		}
		f = text("complainantName", "姓名", complainantName, NAME_MAX);
		if (f == null) {
			f = text("complainantContact", "联系方式", complainantContact, CONTACT_MAX);
		}
		if (f != null) {
			return f;
		}
		if (complainantContact != null && !PHONE.matcher(complainantContact).matches()
				&& !EMAIL.matcher(complainantContact).matches()) {
			return new Flaw("complainantContact", "联系方式须为手机号码（11位）、带区号的固定电话（如 0874-3123456）或电子邮箱");
		}
		return null;
	}

	private static Flaw text(String field, String label, String value, int max) {
		String flaw = InputCheck.textFlaw(value, max);
		if (flaw == null && value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			flaw = "含有控制字符";
		}
		return flaw == null ? null : new Flaw(field, label + flaw);
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
