package cn.zhifa.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Certificate;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.rules.DecisionKeys;
import cn.zhifa.rules.PublishedRules;
import cn.zhifa.rules.RuleTable;

import static cn.zhifa.portal.Html.esc;

/**
 * Pre-disclosure pages (事前公示, R-DISC-1, R-QUAL-1/2) generated from live data on every request:
 * agencies and officers from {@code cn.zhifa.organisation}; procedures and their flowcharts from the
 * deployed BPMN; the major-decision catalogue and discretion benchmarks from the deployed DMN
 * ({@link PublishedRules}); remedies from {@code disclosure/remedies.yml}. Redeploying a model
 * changes the page with no code.
 */
@Controller
class PreDisclosurePages {

	private final AgencyRepository agencies;
	private final OfficerRepository officers;
	private final RepositoryService repository;
	private final PublishedRules rules;
	private final Path remediesFile;
	private final Clock clock;

	PreDisclosurePages(AgencyRepository agencies, OfficerRepository officers, RepositoryService repository,
			PublishedRules rules, @Value("${zhifa.disclosure.remedies:disclosure/remedies.yml}") String remediesFile,
			Clock clock) {
		this.clock = clock;
		this.agencies = agencies;
		this.officers = officers;
		this.repository = repository;
		this.rules = rules;
		this.remediesFile = Path.of(remediesFile);
	}

	@GetMapping("/public/agencies")
	ResponseEntity<byte[]> agencies() {
		StringBuilder b = new StringBuilder("<table><caption>执法主体（R-QUAL-1）</caption><thead><tr><th scope=\"col\">名称</th>"
				+ "<th scope=\"col\">类别</th><th scope=\"col\">区域</th><th scope=\"col\">地址</th><th scope=\"col\">法定代表人</th>"
				+ "<th scope=\"col\">主要执法依据</th></tr></thead><tbody>");
		for (Agency a : agencies.findAll()) {
			b.append("<tr><td>").append(esc(a.getName())).append("</td><td>").append(esc(a.getCategory())).append("</td><td>")
				.append(esc(a.getArea())).append("</td><td>").append(esc(a.getAddress())).append("</td><td>")
				.append(esc(a.getLegalRepresentative())).append("</td><td>").append(esc(a.getLegalBasis())).append("</td></tr>");
		}
		b.append("</tbody></table>");
		return DisclosurePages.html(Html.page("执法主体", b.toString()), 300);
	}

	/** Officers with an enforcement certificate: name, agency, certificate number and validity only (never auxiliary staff). */
	@GetMapping("/public/officers")
	ResponseEntity<byte[]> officers() {
		Map<String, String> agencyNames = agencies.findAll().stream()
			.collect(java.util.stream.Collectors.toMap(Agency::getCode, Agency::getName));
		LocalDate today = LocalDate.ofInstant(clock.instant(), Html.CHINA);
		StringBuilder b = new StringBuilder("<table><caption>持证行政执法人员（R-QUAL-2）</caption><thead><tr><th scope=\"col\">姓名</th>"
				+ "<th scope=\"col\">执法主体</th><th scope=\"col\">执法证号</th><th scope=\"col\">有效期</th><th scope=\"col\">状态</th></tr></thead><tbody>");
		List<Officer> list = officers.findAll().stream().filter(o -> o.getRole() != StaffRole.AUXILIARY)
			.filter(o -> !o.getCertificates().isEmpty())
			.sorted(Comparator.comparing(Officer::getAgencyCode).thenComparing(Officer::getFullName)).toList();
		for (Officer o : list) {
			for (Certificate c : o.getCertificates()) {
				b.append("<tr><td>").append(esc(o.getFullName())).append("</td><td>")
					.append(esc(agencyNames.getOrDefault(o.getAgencyCode(), o.getAgencyCode()))).append("</td><td>")
					.append(esc(c.getNumber())).append("</td><td>").append(esc(Html.date(c.getValidFrom()))).append(" 至 ")
					.append(esc(Html.date(c.getValidTo()))).append("</td><td>").append(c.isValidOn(today) ? "有效" : "已失效")
					.append("</td></tr>");
			}
		}
		b.append("</tbody></table>");
		return DisclosurePages.html(Html.page("执法人员", b.toString()), 300);
	}

	@GetMapping("/public/procedures")
	ResponseEntity<byte[]> procedures() {
		StringBuilder b = new StringBuilder("<p>以下执法程序由系统实际运行的流程模型生成，模型更新后本页随之更新。</p><ul>");
		for (ProcessDefinition d : latestProcesses()) {
			b.append("<li><a href=\"/public/procedures/").append(esc(d.getKey())).append("\">").append(esc(name(d)))
				.append("</a>（版本 ").append(esc(d.getVersionTag() == null ? String.valueOf(d.getVersion()) : d.getVersionTag()))
				.append("）</li>");
		}
		b.append("</ul>");
		return DisclosurePages.html(Html.page("执法程序与流程图", b.toString()), 300);
	}

	@GetMapping("/public/procedures/{key}")
	ResponseEntity<byte[]> procedure(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String agency) {
		ProcessDefinition d = latestProcesses().stream().filter(p -> p.getKey().equals(key)).findFirst().orElse(null);
		// an agency's own version of the procedure (an approved model change, issue 14 §6), else the shared one
		String own = d != null && agency != null && agencies.existsById(agency) ? agency : null;
		ProcessDefinition ownVersion = own == null ? null
				: repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(own).latestVersion().singleResult();
		List<String> ownVersions = d == null ? List.of()
				: repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().list().stream()
					.map(ProcessDefinition::getTenantId).filter(java.util.Objects::nonNull).distinct().sorted().toList();
		if (ownVersion != null) {
			d = ownVersion;
		}
		if (d == null) {
			return DisclosurePages.notFound("没有该执法程序。", "/public/procedures", "返回");
		}
		BpmnModelInstance model = repository.getBpmnModelInstance(d.getId());
		StringBuilder b = new StringBuilder();
		if (ownVersion != null) {
			b.append("<p class=\"meta\">本页为").append(esc(agencyName(own))).append("适用的本单位版本。<a href=\"/public/procedures/")
				.append(esc(key)).append("\">查看全县共用版本</a></p>");
		}
		else if (!ownVersions.isEmpty()) {
			b.append("<p class=\"meta\">全县共用版本。以下单位适用经批准的本单位版本：");
			for (String code : ownVersions) {
				b.append("<a href=\"/public/procedures/").append(esc(key)).append("?agency=").append(esc(code)).append("\">")
					.append(esc(agencyName(code))).append("</a> ");
			}
			b.append("</p>");
		}
		b.append("<p class=\"meta\">模型版本 ").append(d.getVersion()).append(d.getVersionTag() == null ? "" : "（" + esc(d.getVersionTag()) + "）")
			.append("</p><p class=\"meta\">流程图随页面宽度缩放，过宽时可左右滚动；<a href=\"/public/procedures/").append(esc(key))
			.append("/diagram.svg").append(own == null ? "" : "?agency=" + esc(own)).append("\" target=\"_blank\">查看原尺寸流程图（可放大）</a></p>")
			.append("<div class=\"diagram\" tabindex=\"0\" role=\"region\" aria-label=\"流程图\">").append(BpmnSvg.render(model, name(d)))
			.append("</div>");
		b.append("<h2>办理环节</h2><ol>");
		for (UserTask t : model.getModelElementsByType(UserTask.class)) {
			b.append("<li>").append(esc(t.getName())).append("</li>");
		}
		b.append("</ol><h2>全部步骤（文字说明）</h2><ul>");
		for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
			if (n.getName() != null && !n.getName().isBlank()) {
				b.append("<li>").append(esc(n.getName())).append("</li>");
			}
		}
		b.append("</ul><p><a href=\"/public/procedures\">返回执法程序列表</a></p>");
		return DisclosurePages.html(Html.page(name(d), b.toString()), 300);
	}

	/** The flowchart alone at full size (issue 16 §22): the browser zooms it; the page shows it scaled to the width. */
	@GetMapping("/public/procedures/{key}/diagram.svg")
	ResponseEntity<byte[]> diagram(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String agency) {
		ProcessDefinition d = latestProcesses().stream().filter(p -> p.getKey().equals(key)).findFirst().orElse(null);
		if (d != null && agency != null && agencies.existsById(agency)) {
			ProcessDefinition ownVersion = repository.createProcessDefinitionQuery().processDefinitionKey(key).tenantIdIn(agency)
				.latestVersion().singleResult();
			d = ownVersion == null ? d : ownVersion;
		}
		if (d == null) {
			return DisclosurePages.notFound("没有该执法程序。", null, null);
		}
		String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + BpmnSvg.render(repository.getBpmnModelInstance(d.getId()), name(d), true);
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.valueOf("image/svg+xml;charset=UTF-8"))
			.header("Cache-Control", "public, max-age=300").body(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The deployed decision tables published on the portal: the major-decision catalogue and the discretion benchmarks. */
	@GetMapping("/public/rules/{key}")
	ResponseEntity<byte[]> rules(@PathVariable String key,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String agency) {
		String own = agency != null && agencies.existsById(agency) ? agency : null;
		RuleTable table = DecisionKeys.PUBLISHED.contains(key) ? rules.latest(key, own).orElse(null) : null;
		if (table == null) {
			return DisclosurePages.notFound("没有该清单。", null, null);
		}
		StringBuilder b = new StringBuilder();
		if (table.description() != null) {
			b.append("<p>").append(esc(table.description())).append("</p>");
		}
		// agencies' own versions (approved model changes of their legal offices, issue 14 §6)
		List<String> ownVersions = rules.agenciesWithOwnVersion(key);
		if (own != null && ownVersions.contains(own)) {
			b.append("<p class=\"meta\">本页为").append(esc(agencyName(own))).append("适用的本单位版本。<a href=\"/public/rules/")
				.append(esc(key)).append("\">查看全县共用版本</a></p>");
		}
		else if (!ownVersions.isEmpty()) {
			b.append("<p class=\"meta\">全县共用版本。以下单位适用经批准的本单位版本：");
			for (String code : ownVersions) {
				b.append("<a href=\"/public/rules/").append(esc(key)).append("?agency=").append(esc(code)).append("\">")
					.append(esc(agencyName(code))).append("</a> ");
			}
			b.append("</p>");
		}
		b.append("<p class=\"meta\">版本 ").append(esc(table.versionTag() == null ? table.version() : table.versionTag()))
			.append("，发布于 ").append(esc(table.deployedAt() == null ? "" : Html.dateTime(table.deployedAt().toInstant())))
			.append("</p><div class=\"diagram\"><table><thead><tr><th scope=\"col\">序号</th>");
		table.inputs().forEach(c -> b.append("<th scope=\"col\">").append(esc(c.label())).append("</th>"));
		table.outputs().forEach(c -> b.append("<th scope=\"col\">").append(esc(c.label())).append("</th>"));
		b.append("<th scope=\"col\">依据及说明</th></tr></thead><tbody>");
		int i = 1;
		for (RuleTable.Row r : table.rules()) {
			b.append("<tr><td>").append(i++).append("</td>");
			r.inputEntries().forEach(e -> b.append("<td>").append(esc(e)).append("</td>"));
			r.outputEntries().forEach(e -> b.append("<td>").append(esc(e)).append("</td>"));
			b.append("<td>").append(esc(r.annotation())).append("</td></tr>");
		}
		b.append("</tbody></table></div>");
		return DisclosurePages.html(Html.page(table.name(), b.toString()), 300);
	}

	@GetMapping("/public/remedies")
	ResponseEntity<byte[]> remedies() throws IOException {
		StringBuilder b = new StringBuilder();
		if (Files.isRegularFile(remediesFile)) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(Files.readString(remediesFile, StandardCharsets.UTF_8));
			if (root instanceof Map<?, ?> m && m.get("remedies") instanceof List<?> list) {
				for (Object o : list) {
					if (o instanceof Map<?, ?> r) {
						b.append("<section class=\"item\"><h2>").append(esc(r.get("title"))).append("</h2><p>")
							.append(esc(r.get("text"))).append("</p><p class=\"meta\">依据：").append(esc(r.get("basis")))
							.append("</p></section>");
					}
				}
			}
		}
		if (b.isEmpty()) {
			b.append("<p>暂无。</p>");
		}
		return DisclosurePages.html(Html.page("救济渠道", b.toString()), 300);
	}

	/** The enforcement procedures: not the internal approval of model changes (model-change, issue 14 §6). */
	private List<ProcessDefinition> latestProcesses() {
		return repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().active()
			.orderByProcessDefinitionName().asc().list().stream().filter(d -> !INTERNAL_PROCESSES.contains(d.getKey())).toList();
	}

	private static final java.util.Set<String> INTERNAL_PROCESSES = java.util.Set.of("model-change");

	private String agencyName(String code) {
		return agencies.findById(code).map(a -> a.getName()).orElse(code);
	}

	private static String name(ProcessDefinition d) {
		return d.getName() == null ? d.getKey() : d.getName();
	}
}
