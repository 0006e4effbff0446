package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.statistics.AnnualFigures;
import cn.zhifa.statistics.AnnualFigures.Category;
import cn.zhifa.statistics.AnnualFigures.Indicator;
import cn.zhifa.statistics.AnnualStatisticsService;
import cn.zhifa.statistics.AnnualStatisticsService.Report;

/**
 * The published annual statistics (行政执法统计年报, R-DISC-7) on the portal, no login, no JavaScript: the list of the
 * reports published, and each agency's report with one table and one bar chart per category, drawn on the server as
 * inline SVG. A report appears only once its agency has published it (the last step of {@code annual-statistics}).
 */
@Controller
class AnnualStatisticsPages {

	static final String LIST = "/public/annual-statistics";
	private static final int BAR_WIDTH = 360;

	private final AnnualStatisticsService reports;

	AnnualStatisticsPages(AnnualStatisticsService reports) {
		this.reports = reports;
	}

	@GetMapping(LIST)
	ResponseEntity<byte[]> list(@RequestParam(required = false) String year) {
		Integer y = year == null || year.isBlank() ? null : AnnualStatisticsService.parseYear(year);
		List<Report> published = reports.published(y);
		StringBuilder b = new StringBuilder();
		b.append("<p>各行政执法机关于每年1月31日前向社会公开本机关上年度行政执法总体情况有关数据（行政执法统计年报制度）。</p>");
		b.append("<form method=\"get\" action=\"").append(LIST).append("\"><label for=\"year\">统计年度</label>")
			.append("<input id=\"year\" name=\"year\" inputmode=\"numeric\" value=\"").append(y == null ? "" : y)
			.append("\"><button type=\"submit\">查看</button></form>");
		b.append("<table><caption>已公开的年度行政执法统计</caption><thead><tr><th scope=\"col\">统计年度</th><th scope=\"col\">执法主体</th>")
			.append("<th scope=\"col\">公开时间</th></tr></thead><tbody>");
		for (Report r : published) {
			b.append("<tr><td>").append(r.year()).append("年度</td><td><a href=\"").append(LIST).append('/').append(Html.url(r.agencyCode()))
				.append('/').append(r.year()).append("\">").append(esc(r.agencyName())).append("</a></td><td>")
				.append(esc(Html.dateTime(r.publishedAt()))).append("</td></tr>");
		}
		if (published.isEmpty()) {
			b.append("<tr><td colspan=\"3\">暂无已公开的年度统计</td></tr>");
		}
		b.append("</tbody></table>");
		return DisclosurePages.html(Html.page("年度行政执法统计", b.toString()), 60);
	}

	@GetMapping(LIST + "/{agency}/{year}")
	ResponseEntity<byte[]> report(@PathVariable String agency, @PathVariable String year) {
		int y = AnnualStatisticsService.parseYear(year);
		if (agency.length() > 32) {
			throw Problem.invalid("agency", "执法主体代码（agency）过长");
		}
		Report r = reports.find(agency, y).filter(Report::published)
			.orElseThrow(() -> Problem.notFound("agency", "该执法主体的 " + y + " 年度行政执法统计尚未公开"));
		StringBuilder b = new StringBuilder();
		b.append("<p class=\"meta\">执法主体：").append(esc(r.agencyName())).append("　统计期间：").append(y).append("年1月1日至")
			.append(y).append("年12月31日　公开时间：").append(esc(Html.dateTime(r.publishedAt()))).append("</p>");
		for (Category c : AnnualFigures.CATEGORIES) {
			b.append("<section class=\"item\" aria-labelledby=\"c-").append(c.key()).append("\"><h2 id=\"c-").append(c.key()).append("\">")
				.append(esc(c.title())).append("</h2>");
			b.append(chart(c, r.figures()));
			b.append("<table><thead><tr><th scope=\"col\">指标</th><th scope=\"col\">数值</th></tr></thead><tbody>");
			for (Indicator i : c.indicators()) {
				b.append("<tr><td>").append(esc(i.label())).append("</td><td>").append(esc(shown(i, r.figures().get(i.key()))))
					.append("</td></tr>");
			}
			b.append("</tbody></table><p class=\"meta\">").append(esc(c.note())).append("</p></section>");
		}
		b.append("<p><a href=\"").append(LIST).append("\">返回年度统计列表</a></p>");
		return DisclosurePages.html(Html.page(r.agencyName() + " " + y + "年度行政执法统计", b.toString()), 60);
	}

	/** A horizontal bar chart of the category's counts (amounts and rates are in the table), as inline SVG. */
	static String chart(Category c, Map<String, Number> figures) {
		List<Indicator> counts = c.indicators().stream().filter(i -> i.unit() == AnnualFigures.Unit.COUNT).toList();
		double max = 0;
		for (Indicator i : counts) {
			Number n = figures.get(i.key());
			max = Math.max(max, n == null ? 0 : n.doubleValue());
		}
		int row = 24;
		int labelWidth = 330;
		int height = counts.size() * row + 8;
		StringBuilder s = new StringBuilder();
		s.append("<figure class=\"diagram\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"100%\" viewBox=\"0 0 ")
			.append(labelWidth + BAR_WIDTH + 80).append(' ').append(height).append("\" aria-label=\"").append(esc(c.title()))
			.append("条形图\"><title>").append(esc(c.title())).append("</title>");
		int y = 4;
		for (Indicator i : counts) {
			Number n = figures.get(i.key());
			double v = n == null ? 0 : n.doubleValue();
			int w = max == 0 ? 0 : (int) Math.round(v / max * BAR_WIDTH);
			s.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 16)
				.append("\" text-anchor=\"end\" font-size=\"13\">").append(esc(i.label())).append("</text>");
			s.append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
				.append("\" height=\"16\" fill=\"#9e1b1b\"/>");
			s.append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 16).append("\" font-size=\"13\">")
				.append(esc(shown(i, n))).append("</text>");
			y += row;
		}
		s.append("</svg></figure>");
		return s.toString();
	}

	static String shown(Indicator i, Number n) {
		if (n == null) {
			return i.unit() == AnnualFigures.Unit.PERCENT ? "—（无可计算的事项）" : "0";
		}
		if (n instanceof Double d && d == Math.rint(d) && i.unit() != AnnualFigures.Unit.PERCENT) {
			return String.valueOf(d.longValue());
		}
		return n.toString();
	}
}
