package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.zhifa.guidingcase.GuidingCase;
import cn.zhifa.guidingcase.GuidingCaseService;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;

/**
 * The published guiding cases (行政执法指导案例, seed 002 (十一)) on the portal, no login: a list by year of
 * publication and one page per case with its category, summary, key points and legal basis — the texts as the bureau
 * published them, already redacted ({@link GuidingCaseService}). Proposals that are not published are not found
 * (404, like an unknown number). Server-rendered HTML without JavaScript, like the rest of the portal.
 */
@Controller
class GuidingCasePages {

	static final String LIST = "/public/guiding-cases";

	private final GuidingCaseService guidingCases;
	private final AgencyRepository agencies;

	GuidingCasePages(GuidingCaseService guidingCases, AgencyRepository agencies) {
		this.guidingCases = guidingCases;
		this.agencies = agencies;
	}

	@GetMapping(LIST)
	ResponseEntity<byte[]> list() {
		List<GuidingCase> published = guidingCases.published();
		Map<Integer, List<GuidingCase>> byYear = new LinkedHashMap<>();
		for (GuidingCase g : published) {
			byYear.computeIfAbsent(g.getPublishedYear(), y -> new java.util.ArrayList<>()).add(g);
		}
		StringBuilder b = new StringBuilder(4096);
		b.append("<p>行政执法指导案例由执法机关从本机关办理的行政执法案件中选择报送，经司法局审查合格后发布，供执法机关办理同类案件时参照")
			.append("（行政执法案例指导制度）。案例中当事人的个人信息已依法隐去。</p>");
		if (published.isEmpty()) {
			b.append("<p class=\"meta\" role=\"status\">暂无已发布的指导案例。</p>");
		}
		for (Map.Entry<Integer, List<GuidingCase>> year : byYear.entrySet()) {
			b.append("<section><h2>").append(year.getKey()).append("年发布（").append(year.getValue().size()).append("件）</h2>");
			for (GuidingCase g : year.getValue()) {
				b.append("<div class=\"item\"><a href=\"").append(LIST).append('/').append(esc(Html.url(g.getGuidingNo())))
					.append("\"><strong>").append(esc(g.getTitle())).append("</strong></a><p class=\"meta\">")
					.append(esc(g.getGuidingNo())).append(" · ").append(esc(guidingCases.categoryLabel(g.getCategory())))
					.append(" · ").append(esc(agencyName(g.getAgencyCode()))).append(" · 发布于 ")
					.append(esc(Html.dateTime(g.getPublishedAt()))).append("</p></div>");
			}
			b.append("</section>");
		}
		return DisclosurePages.html(Html.page("行政执法指导案例", b.toString()), 60);
	}

	@GetMapping(LIST + "/{guidingNo}")
	ResponseEntity<byte[]> detail(@PathVariable String guidingNo) {
		GuidingCase g = guidingCases.publishedOne(guidingNo).orElse(null);
		if (g == null) {
			return DisclosurePages.notFound("该指导案例不存在或尚未发布。", LIST, "返回指导案例列表");
		}
		StringBuilder b = new StringBuilder(4096);
		b.append("<article aria-labelledby=\"title\"><h2 id=\"title\">").append(esc(g.getTitle())).append("</h2><dl>");
		dt(b, "案例编号", g.getGuidingNo());
		dt(b, "案例类别", guidingCases.categoryLabel(g.getCategory()));
		dt(b, "报送机关", agencyName(g.getAgencyCode()));
		dt(b, "发布日期", Html.dateTime(g.getPublishedAt()));
		b.append("</dl><h3>基本案情</h3>").append(paragraphs(g.getSummary()));
		b.append("<h3>案例要点（典型意义）</h3>").append(paragraphs(g.getKeyPoints()));
		b.append("<h3>法律依据</h3>").append(paragraphs(g.getLegalBasis()));
		b.append("</article><p><a href=\"").append(LIST).append("\">返回指导案例列表</a></p>");
		return DisclosurePages.html(Html.page("行政执法指导案例", b.toString()), 60);
	}

	private String agencyName(String code) {
		return agencies.findById(code).map(Agency::getName).orElse(code);
	}

	private static void dt(StringBuilder b, String label, String value) {
		b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
	}

	private static String paragraphs(String text) {
		StringBuilder b = new StringBuilder();
		for (String line : (text == null ? "" : text).split("\\R")) {
			if (!line.isBlank()) {
				b.append("<p>").append(esc(line.strip())).append("</p>");
			}
		}
		return b.toString();
	}
}
