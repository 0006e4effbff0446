package cn.zhifa.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.zhifa.disclosure.DisclosureQuery;
import cn.zhifa.disclosure.PublicDisclosures;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Reads the list's query parameters (agency, type, category, from, to, q, page, size) into a
 * {@link DisclosureQuery}; a bad one is a 400 {@link Problem} naming it (an HTML page for the portal's
 * pages, problem JSON for its API).
 */
final class SearchParameters {

	static final String[] NAMES = { "agency", "type", "category", "from", "to", "q", "page", "size" };
	static final int MAX_TEXT = 200;

	private SearchParameters() {
	}

	static DisclosureQuery parse(String agency, String type, String category, String from, String to, String q,
			String page, String size) {
		if (type != null && !type.isBlank() && !PublicDisclosures.decisionTypes().containsKey(type)) {
			throw Problem.invalid("type", "未知的决定类别");
		}
		if (agency != null && !agency.isBlank() && !agency.matches("[A-Za-z0-9_-]{1,32}")) {
			throw Problem.invalid("agency", "未知的执法主体");
		}
		text(category, "category", "类别");
		text(q, "q", "检索词");
		return new DisclosureQuery(agency, type, category, day(from, "from", "起始日期"), day(to, "to", "截止日期"), q,
				number(page, 1, "page", "页码"), number(size, DisclosureQuery.DEFAULT_PAGE_SIZE, "size", "每页条数"));
	}

	/** Free text of a search: no zero bytes or broken characters; longer than any useful search is refused. */
	private static void text(String value, String field, String label) {
		String flaw = InputCheck.textFlaw(value, MAX_TEXT);
		if (flaw != null) {
			throw Problem.invalid(field, label + flaw);
		}
	}

	private static LocalDate day(String value, String field, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw Problem.invalid(field, label + "格式应为 yyyy-MM-dd");
		}
	}

	private static int number(String value, int fallback, String field, String label) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw Problem.invalid(field, label + "应为数字");
		}
	}
}
