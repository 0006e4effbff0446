package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import cn.zhifa.inspection.Inspection;
import cn.zhifa.inspection.InspectionRegister;
import cn.zhifa.inspection.InspectionService;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;

/**
 * "双随机、一公开" on the portal (R-DISC-1), no login: each agency's random-inspection item list
 * ({@code inspections/items.yml}, as in force) and the published results of its inspections, latest first — target,
 * item, plan, the result as the head published it and, for a violation, the case number. Results not yet published
 * are not shown. Server-rendered HTML without JavaScript, like the rest of the portal.
 */
@Controller
class InspectionPages {

	static final String PAGE = "/public/inspections";

	private final InspectionService inspections;
	private final AgencyRepository agencies;

	InspectionPages(InspectionService inspections, AgencyRepository agencies) {
		this.inspections = inspections;
		this.agencies = agencies;
	}

	@GetMapping(PAGE)
	ResponseEntity<byte[]> page() {
		StringBuilder b = new StringBuilder(8192);
		b.append("<p>执法机关按随机抽查事项清单，随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开")
			.append("（“双随机、一公开”）。检查结果自检查结论作出之日起20个工作日内在此公示。</p>");
		b.append("<section aria-labelledby=\"results\"><h2 id=\"results\">抽查结果公示</h2>");
		List<Inspection> published = inspections.published();
		if (published.isEmpty()) {
			b.append("<p class=\"meta\" role=\"status\">暂无已公示的抽查结果。</p>");
		}
		else {
			b.append("<table><thead><tr><th scope=\"col\">检查编号</th><th scope=\"col\">检查对象</th>")
				.append("<th scope=\"col\">抽查事项</th><th scope=\"col\">检查机关</th><th scope=\"col\">检查结果</th>")
				.append("<th scope=\"col\">公示内容</th><th scope=\"col\">公示日期</th></tr></thead><tbody>");
			Map<String, String> itemNames = inspections.register().items().stream()
				.collect(Collectors.toMap(i -> i.agency() + "/" + i.code(), InspectionRegister.Item::name, (a, c) -> a));
			for (Inspection i : published) {
				String item = inspections.plan(i.getPlanNo()).map(p -> itemNames.getOrDefault(
						p.getAgencyCode() + "/" + p.getItemCode(), p.getItemName())).orElse("");
				b.append("<tr><td>").append(esc(i.getInspectionNo())).append("</td><td>").append(esc(i.getTargetName()))
					.append("<br><span class=\"meta\">").append(esc(i.getTargetCode())).append("</span></td><td>")
					.append(esc(item)).append("</td><td>").append(esc(agencyName(i.getAgencyCode()))).append("</td><td>")
					.append(esc(InspectionService.resultLabel(i.getResult())))
					.append(i.getCaseNo() == null ? "" : "（案号 " + esc(i.getCaseNo()) + "）").append("</td><td>")
					.append(esc(i.getPublicText())).append("</td><td>").append(esc(Html.dateTime(i.getPublishedAt())))
					.append("</td></tr>");
			}
			b.append("</tbody></table>");
		}
		b.append("</section><section aria-labelledby=\"items\"><h2 id=\"items\">随机抽查事项清单</h2>");
		Map<String, List<InspectionRegister.Item>> byAgency = inspections.register().items().stream()
			.collect(Collectors.groupingBy(InspectionRegister.Item::agency, java.util.LinkedHashMap::new, Collectors.toList()));
		for (Map.Entry<String, List<InspectionRegister.Item>> e : byAgency.entrySet()) {
			b.append("<h3>").append(esc(agencyName(e.getKey()))).append("</h3><table><thead><tr>")
				.append("<th scope=\"col\">事项编码</th><th scope=\"col\">抽查事项</th><th scope=\"col\">抽查依据</th>")
				.append("<th scope=\"col\">抽查内容</th><th scope=\"col\">抽查方式</th></tr></thead><tbody>");
			for (InspectionRegister.Item i : e.getValue()) {
				b.append("<tr><td>").append(esc(i.code())).append("</td><td>").append(esc(i.name())).append("</td><td>")
					.append(esc(i.basis())).append("</td><td>").append(esc(i.content())).append("</td><td>")
					.append(esc(i.method())).append("</td></tr>");
			}
			b.append("</tbody></table>");
		}
		b.append("</section>");
		return DisclosurePages.html(Html.page("随机抽查", b.toString()), 60);
	}

	private String agencyName(String code) {
		return agencies.findById(code).map(Agency::getName).orElse(code);
	}
}
