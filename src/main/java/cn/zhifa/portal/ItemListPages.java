package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.zhifa.itemlist.EnforcementItem;
import cn.zhifa.itemlist.ItemListService;
import cn.zhifa.itemlist.ItemListVersion;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;

/**
 * The enforcement item lists (行政执法事项清单, R-QUAL-4, R-DISC-1) on the portal, no login: the agencies with a list,
 * each agency's list in force (name, kind, legal basis, responsible unit, responsibilities, accountability) with its
 * history (every published version, its effective day and what changed), and each earlier version as it was.
 * Proposed changes are not shown until they are published. Server-rendered HTML without JavaScript.
 */
@Controller
class ItemListPages {

	static final String LIST = "/public/item-lists";

	private final ItemListService lists;
	private final AgencyRepository agencies;

	ItemListPages(ItemListService lists, AgencyRepository agencies) {
		this.lists = lists;
		this.agencies = agencies;
	}

	@GetMapping(LIST)
	ResponseEntity<byte[]> list() {
		StringBuilder b = new StringBuilder(2048);
		b.append("<p>行政执法事项清单列明各执法主体的执法事项及其设定依据、实施机构、责任事项和追责情形；")
			.append("清单之外的权力不得行使。清单由执法主体的法制审核机构维护，变更经审核后发布新版本，历次版本一并公开。</p><ul>");
		List<String> codes = lists.agenciesWithLists();
		for (String code : codes) {
			Optional<ItemListVersion> v = lists.inForce(code);
			b.append("<li><a href=\"").append(LIST).append('/').append(esc(Html.url(code))).append("\">")
				.append(esc(agencyName(code))).append("</a>");
			v.ifPresent(x -> b.append(" <span class=\"meta\">现行第").append(x.version()).append("版，")
				.append(esc(Html.date(x.effectiveOn()))).append("起施行，").append(lists.items(code, x.version()).size())
				.append("项</span>"));
			b.append("</li>");
		}
		b.append("</ul>");
		if (codes.isEmpty()) {
			b.append("<p class=\"meta\" role=\"status\">暂无公开的行政执法事项清单。</p>");
		}
		return DisclosurePages.html(Html.page("行政执法事项清单", b.toString()), 60);
	}

	@GetMapping(LIST + "/{agencyCode}")
	ResponseEntity<byte[]> agency(@PathVariable String agencyCode) {
		List<ItemListVersion> history = agencyCode.length() > 32 ? List.of() : lists.history(agencyCode);
		if (history.isEmpty()) {
			return notFound("该执法主体没有公开的行政执法事项清单。");
		}
		String name = agencyName(agencyCode);
		StringBuilder b = new StringBuilder(8192);
		Optional<ItemListVersion> inForce = lists.inForce(agencyCode);
		b.append("<h2>").append(esc(name)).append("</h2>");
		if (inForce.isPresent()) {
			ItemListVersion v = inForce.get();
			b.append("<p class=\"meta\">现行清单：第").append(v.version()).append("版，").append(esc(Html.date(v.effectiveOn())))
				.append("起施行</p>");
			table(b, lists.items(agencyCode, v.version()));
		}
		else {
			b.append("<p class=\"meta\" role=\"status\">清单尚未施行。</p>");
		}
		b.append("<h2>历次版本</h2><table><thead><tr><th scope=\"col\">版本</th><th scope=\"col\">施行日期</th>")
			.append("<th scope=\"col\">发布时间</th><th scope=\"col\">变更说明</th></tr></thead><tbody>");
		for (ItemListVersion v : history) {
			b.append("<tr><td><a href=\"").append(LIST).append('/').append(esc(Html.url(agencyCode))).append("/versions/")
				.append(v.version()).append("\">第").append(v.version()).append("版</a>")
				.append(inForce.map(x -> x.version() == v.version()).orElse(false) ? "（现行）" : "").append("</td><td>")
				.append(esc(Html.date(v.effectiveOn()))).append("</td><td>").append(esc(Html.dateTime(v.publishedAt())))
				.append("</td><td>").append(esc(v.summary())).append("</td></tr>");
		}
		b.append("</tbody></table><p><a href=\"").append(LIST).append("\">返回行政执法事项清单</a></p>");
		return DisclosurePages.html(Html.page("行政执法事项清单", b.toString()), 60);
	}

	@GetMapping(LIST + "/{agencyCode}/versions/{version}")
	ResponseEntity<byte[]> version(@PathVariable String agencyCode, @PathVariable String version) {
		Optional<ItemListVersion> v = version.matches("\\d{1,6}") && agencyCode.length() <= 32
				? lists.version(agencyCode, Integer.parseInt(version)) : Optional.empty();
		if (v.isEmpty()) {
			return notFound("该版本的行政执法事项清单不存在。");
		}
		StringBuilder b = new StringBuilder(8192);
		b.append("<h2>").append(esc(agencyName(agencyCode))).append(" 第").append(v.get().version()).append("版</h2><dl>");
		b.append("<dt>施行日期</dt><dd>").append(esc(Html.date(v.get().effectiveOn()))).append("</dd><dt>发布时间</dt><dd>")
			.append(esc(Html.dateTime(v.get().publishedAt()))).append("</dd><dt>变更说明</dt><dd>").append(esc(v.get().summary()))
			.append("</dd></dl>");
		table(b, lists.items(agencyCode, v.get().version()));
		b.append("<p><a href=\"").append(LIST).append('/').append(esc(Html.url(agencyCode))).append("\">返回现行清单</a></p>");
		return DisclosurePages.html(Html.page("行政执法事项清单", b.toString()), 60);
	}

	private void table(StringBuilder b, List<EnforcementItem> items) {
		b.append("<table><thead><tr><th scope=\"col\">事项编码</th><th scope=\"col\">事项名称</th><th scope=\"col\">类别</th>")
			.append("<th scope=\"col\">设定依据</th><th scope=\"col\">实施机构</th><th scope=\"col\">责任事项</th>")
			.append("<th scope=\"col\">追责情形</th></tr></thead><tbody>");
		for (EnforcementItem i : items) {
			b.append("<tr><td>").append(esc(i.code())).append("</td><td>").append(esc(i.name())).append("</td><td>")
				.append(esc(lists.kindLabel(i.kind()))).append("</td><td>").append(esc(i.legalBasis())).append("</td><td>")
				.append(esc(i.responsibleUnit())).append("</td><td>").append(esc(i.responsibilities())).append("</td><td>")
				.append(esc(i.accountability())).append("</td></tr>");
		}
		b.append("</tbody></table>");
	}

	private ResponseEntity<byte[]> notFound(String text) {
		return DisclosurePages.notFound(text, LIST, "返回行政执法事项清单");
	}

	private String agencyName(String code) {
		return agencies.findById(code).map(Agency::getName).orElse(code);
	}
}
