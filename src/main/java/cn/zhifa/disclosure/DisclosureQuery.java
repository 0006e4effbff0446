package cn.zhifa.disclosure;

import java.time.LocalDate;

/**
 * A search of the public list: every criterion optional; {@code from}/{@code to} bound the
 * decision date (inclusive); {@code page} counts from 1; at most {@link #MAX_PAGE_SIZE} per page.
 */
public record DisclosureQuery(String agencyCode, String decisionType, String category, LocalDate from, LocalDate to,
		String keyword, int page, int size) {

	public static final int MAX_PAGE_SIZE = 50;
	public static final int DEFAULT_PAGE_SIZE = 20;
	/** Deep pages are refused: keyset-free paging stays fast and scraping goes through the feed/API. */
	public static final int MAX_PAGE = 500;

	public DisclosureQuery {
		agencyCode = blankToNull(agencyCode);
		decisionType = blankToNull(decisionType);
		category = blankToNull(category);
		keyword = blankToNull(keyword);
		if (keyword != null && keyword.length() > 50) {
			keyword = keyword.substring(0, 50);
		}
		page = Math.min(Math.max(page, 1), MAX_PAGE);
		size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
	}

	/** Whether any criterion narrows the list (a search, rate-limited), or it is the plain list. */
	public boolean isSearch() {
		return agencyCode != null || decisionType != null || category != null || from != null || to != null
				|| keyword != null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
