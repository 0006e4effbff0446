package cn.zhifa.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.zhifa.disclosure.DisclosureQuery;
import cn.zhifa.disclosure.PublicDisclosures;

/** Reads the list's query parameters (agency, type, category, from, to, q, page, size) into a {@link DisclosureQuery}. */
final class SearchParameters {

	static final String[] NAMES = { "agency", "type", "category", "from", "to", "q", "page", "size" };

	private SearchParameters() {
	}

	static DisclosureQuery parse(String agency, String type, String category, String from, String to, String q,
			String page, String size) {
		if (type != null && !type.isBlank() && !PublicDisclosures.decisionTypes().containsKey(type)) {
			throw new PortalRequestException("未知的决定类别");
		}
		if (agency != null && !agency.isBlank() && !agency.matches("[A-Za-z0-9_-]{1,32}")) {
			throw new PortalRequestException("未知的执法主体");
		}
		return new DisclosureQuery(agency, type, category, day(from, "起始日期"), day(to, "截止日期"), q,
				number(page, 1, "页码"), number(size, DisclosureQuery.DEFAULT_PAGE_SIZE, "每页条数"));
	}

	private static LocalDate day(String value, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new PortalRequestException(label + "格式应为 yyyy-MM-dd");
		}
	}

	private static int number(String value, int fallback, String label) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new PortalRequestException(label + "应为数字");
		}
	}
}
