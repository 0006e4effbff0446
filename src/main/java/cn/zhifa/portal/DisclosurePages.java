package cn.zhifa.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zhifa.disclosure.DisclosurePage;
import cn.zhifa.disclosure.DisclosureQuery;
import cn.zhifa.disclosure.PublicDisclosure;
import cn.zhifa.disclosure.PublicDisclosures;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.problem.Problem;

import static cn.zhifa.portal.Html.esc;

/**
 * Portal pages of post-decision disclosure (R-DISC-3/5): home, list with search, detail, yearly
 * figures. Plain HTML forms (GET), so everything works without JavaScript.
 */
@Controller
class DisclosurePages {

	static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

	private final PublicDisclosures disclosures;
	private final AgencyRepository agencies;
	private final Clock clock;
	/** The agency options of the search form, re-read from the database at most every 30 s. */
	private volatile List<Agency> agencyOptions = List.of();
	private volatile long agencyOptionsUntil;

	DisclosurePages(PublicDisclosures disclosures, AgencyRepository agencies, Clock clock) {
		this.clock = clock;
		this.disclosures = disclosures;
		this.agencies = agencies;
	}

	@GetMapping({ "/public", "/public/" })
	ResponseEntity<byte[]> home() {
		DisclosurePage latest = disclosures.search(new DisclosureQuery(null, null, null, null, null, null, 1, 5));
		StringBuilder b = new StringBuilder();
		b.append("<p>依据行政执法公示制度，本平台公开执法主体、人员、职责、依据、程序、救济渠道等事前信息和执法决定等事后信息。</p>");
		b.append(searchForm(new DisclosureQuery(null, null, null, null, null, null, 1, 20)));
		b.append("<h2>最新公示</h2>");
		items(b, latest.items());
		b.append("<p><a href=\"/public/disclosures\">查看全部执法决定公示</a></p>");
		return html(Html.page("首页", b.toString()), 60);
	}

	@GetMapping("/public/disclosures")
	ResponseEntity<byte[]> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String type,
			@RequestParam(required = false) String category, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		DisclosureQuery query = SearchParameters.parse(agency, type, category, from, to, q, page, size);
		DisclosurePage result = disclosures.search(query);
		StringBuilder b = new StringBuilder(8192);
		b.append(searchForm(query));
		b.append("<section aria-label=\"公示结果\"><p class=\"meta\" role=\"status\">第 ").append(result.page())
			.append(" 页").append(result.items().isEmpty() ? "，没有符合条件的公示信息" : "").append("</p>");
		items(b, result.items());
		b.append("</section><nav class=\"pager\" aria-label=\"翻页\">");
		if (result.page() > 1) {
			b.append("<a rel=\"prev\" href=\"").append(esc(pageLink(query, result.page() - 1))).append("\">上一页</a>");
		}
		if (result.hasNext()) {
			b.append("<a rel=\"next\" href=\"").append(esc(pageLink(query, result.page() + 1))).append("\">下一页</a>");
		}
		b.append("</nav>");
		return html(Html.page("执法决定公示", b.toString()), query.isSearch() ? 30 : 10);
	}

	@GetMapping("/public/disclosures/{itemNo}")
	ResponseEntity<byte[]> detail(@PathVariable String itemNo) {
		PublicDisclosure d = disclosures.find(itemNo).orElse(null);
		if (d == null) {
			return notFound("该公示信息不存在或已不在公示期内。", "/public/disclosures", "返回公示列表");
		}
		StringBuilder b = new StringBuilder();
		b.append("<article aria-labelledby=\"doc\"><p><strong id=\"doc\">").append(esc(d.decisionNumber())).append("</strong> ")
			.append(badges(d)).append("</p><dl>");
		dt(b, "执法主体", d.agencyName());
		dt(b, "决定类别", d.decisionTypeLabel());
		dt(b, "决定文书号", d.decisionNumber());
		dt(b, "决定日期", Html.date(d.decisionDate()));
		dt(b, "公开日期", Html.dateTime(d.publishedAt()));
		if (d.withdrawn()) {
			dt(b, "撤回日期", Html.dateTime(d.withdrawnAt()));
			dt(b, "撤回理由", d.withdrawalReason());
			b.append("</dl><p>该执法决定信息已依法撤回（《中华人民共和国行政处罚法》第四十八条），原公开内容不再展示。</p>");
		}
		else {
			dt(b, "执法对象", d.partyName());
			if (d.partyCreditCode() != null) {
				dt(b, "统一社会信用代码", d.partyCreditCode());
			}
			dt(b, "执法类别", d.category());
			dt(b, "执法结论", d.conclusion());
			dt(b, "法律依据", d.legalBasis());
			if (d.withheldNote() != null) {
				dt(b, "说明", d.withheldNote());
			}
			if (d.corrected()) {
				dt(b, "更正说明", "本信息已更正（第 " + d.version() + " 版）" + (d.correctionNote() == null ? "" : "：" + d.correctionNote()));
			}
			b.append("</dl>");
		}
		b.append("</article><p><a href=\"/public/disclosures\">返回公示列表</a></p>");
		return html(Html.page("执法决定公示详情", b.toString()), 60);
	}

	@GetMapping("/public/statistics")
	ResponseEntity<byte[]> statistics(@RequestParam(required = false) String year) {
		int y;
		try {
			y = year == null || year.isBlank() ? clock.instant().atZone(Html.CHINA).getYear() : Integer.parseInt(year);
		}
		catch (NumberFormatException e) {
			throw Problem.invalid("year", "年份应为数字");
		}
		if (y < 2000 || y > 2100) {
			throw Problem.invalid("year", "年份超出范围");
		}
		List<Map<String, Object>> rows = disclosures.yearCounts(y);
		StringBuilder b = new StringBuilder();
		b.append("<p>按决定日期统计 ").append(y).append(" 年在本平台公开的执法决定（R-DISC-7 年度统计数据由年报流程另行公开）。</p>");
		b.append("<form method=\"get\" action=\"/public/statistics\"><label for=\"year\">年份</label><input id=\"year\" name=\"year\" inputmode=\"numeric\" value=\"")
			.append(y).append("\"><button type=\"submit\">查看</button></form>");
		b.append("<table><caption>").append(y).append(" 年执法决定公开情况</caption><thead><tr><th scope=\"col\">执法主体</th><th scope=\"col\">决定类别</th>")
			.append("<th scope=\"col\">公开</th><th scope=\"col\">其中已撤回</th><th scope=\"col\">其中逾期公开</th></tr></thead><tbody>");
		for (Map<String, Object> r : rows) {
			Object type = r.get("decision_type") == null ? r.get("DECISION_TYPE") : r.get("decision_type");
			b.append("<tr><td>").append(esc(value(r, "agency_name"))).append("</td><td>")
				.append(esc(PublicDisclosures.decisionTypes().getOrDefault(String.valueOf(type), String.valueOf(type))))
				.append("</td><td>").append(esc(value(r, "total"))).append("</td><td>").append(esc(value(r, "withdrawn")))
				.append("</td><td>").append(esc(value(r, "late"))).append("</td></tr>");
		}
		if (rows.isEmpty()) {
			b.append("<tr><td colspan=\"5\">暂无数据</td></tr>");
		}
		b.append("</tbody></table>");
		return html(Html.page("年度统计", b.toString()), 300);
	}

	// --- pieces

	private String searchForm(DisclosureQuery q) {
		StringBuilder b = new StringBuilder();
		b.append("<form class=\"search\" method=\"get\" action=\"/public/disclosures\" role=\"search\" aria-label=\"检索执法决定\">");
		b.append("<div><label for=\"q\">关键词</label><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"50\" value=\"")
			.append(esc(q.keyword())).append("\"></div>");
		b.append("<div><label for=\"agency\">执法主体</label><select id=\"agency\" name=\"agency\"><option value=\"\">全部</option>");
		for (Agency a : agencyOptions()) {
			b.append("<option value=\"").append(esc(a.getCode())).append("\"")
				.append(a.getCode().equals(q.agencyCode()) ? " selected" : "").append(">").append(esc(a.getName())).append("</option>");
		}
		b.append("</select></div><div><label for=\"type\">决定类别</label><select id=\"type\" name=\"type\"><option value=\"\">全部</option>");
		for (String code : List.of("PERMIT", "PENALTY", "COERCION", "EXPROPRIATION", "OTHER")) {
			b.append("<option value=\"").append(code).append("\"").append(code.equals(q.decisionType()) ? " selected" : "")
				.append(">").append(esc(PublicDisclosures.decisionTypes().get(code))).append("</option>");
		}
		b.append("</select></div><div><label for=\"category\">执法类别</label><input id=\"category\" name=\"category\" value=\"")
			.append(esc(q.category())).append("\"></div>");
		b.append("<div><label for=\"from\">决定日期自</label><input id=\"from\" name=\"from\" type=\"date\" value=\"")
			.append(esc(q.from())).append("\"></div>");
		b.append("<div><label for=\"to\">至</label><input id=\"to\" name=\"to\" type=\"date\" value=\"").append(esc(q.to()))
			.append("\"></div><div><label for=\"go\" class=\"skip\">检索</label><button id=\"go\" type=\"submit\">检索</button></div></form>");
		return b.toString();
	}

	private List<Agency> agencyOptions() {
		long now = System.nanoTime();
		if (agencyOptions.isEmpty() || now - agencyOptionsUntil > 0) {
			agencyOptions = List.copyOf(agencies.findAll());
			agencyOptionsUntil = now + 30_000_000_000L;
		}
		return agencyOptions;
	}

	private static void items(StringBuilder b, List<PublicDisclosure> items) {
		for (PublicDisclosure d : items) {
			b.append("<article class=\"item\"><h2><a href=\"/public/disclosures/").append(esc(d.itemNo())).append("\">")
				.append(esc(d.decisionNumber())).append("</a> ").append(badges(d)).append("</h2><p class=\"meta\">")
				.append(esc(d.agencyName())).append(" · ").append(esc(d.decisionTypeLabel())).append(" · 决定日期 ")
				.append(esc(Html.date(d.decisionDate()))).append("</p>");
			if (d.withdrawn()) {
				b.append("<p>已撤回：").append(esc(d.withdrawalReason())).append("</p>");
			}
			else {
				b.append("<p>执法对象：").append(esc(d.partyName())).append("；执法类别：").append(esc(d.category())).append("</p>");
			}
			b.append("</article>");
		}
	}

	private static String badges(PublicDisclosure d) {
		if (d.withdrawn()) {
			return "<span class=\"badge withdrawn\">已撤回</span>";
		}
		return d.corrected() ? "<span class=\"badge corrected\">已更正</span>" : "";
	}

	private static void dt(StringBuilder b, String label, Object value) {
		b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
	}

	private static Object value(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return v != null ? v : row.get(key.toUpperCase());
	}

	static String pageLink(DisclosureQuery q, int page) {
		StringBuilder s = new StringBuilder("/public/disclosures?page=").append(page);
		param(s, "q", q.keyword());
		param(s, "agency", q.agencyCode());
		param(s, "type", q.decisionType());
		param(s, "category", q.category());
		param(s, "from", q.from() == null ? null : q.from().toString());
		param(s, "to", q.to() == null ? null : q.to().toString());
		return s.toString();
	}

	private static void param(StringBuilder s, String name, String value) {
		if (value != null) {
			s.append('&').append(name).append('=').append(Html.url(value));
		}
	}

	/** The page as UTF-8 bytes, encoded once (a String body would be encoded twice: length, then content). */
	/** The portal's 404 page: what is not there, and where to go back to ({@code back} null: no link). */
	static ResponseEntity<byte[]> notFound(String text, String back, String backLabel) {
		String link = back == null ? "" : "<p><a href=\"" + Html.esc(back) + "\">" + Html.esc(backLabel) + "</a></p>";
		return ResponseEntity.status(404).contentType(HTML)
			.body(Html.page("未找到", "<p>" + Html.esc(text) + "</p>" + link).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	static ResponseEntity<byte[]> html(String body, int maxAgeSeconds) {
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.maxAge(maxAgeSeconds, TimeUnit.SECONDS).cachePublic())
			.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	LocalDate today() {
		return clock.instant().atZone(Html.CHINA).toLocalDate();
	}
}
