package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.zhifa.complaint.ComplaintAttachments;
import cn.zhifa.complaint.ComplaintInput;
import cn.zhifa.complaint.ComplaintService;
import cn.zhifa.complaint.ComplaintService.PublicView;
import cn.zhifa.complaint.ComplaintService.Receipt;
import cn.zhifa.platform.problem.Problem;

/**
 * The public complaint channel (投诉举报, R-COORD-4), no login: a form to submit a complaint or report
 * (answered with a receipt number and a query code, shown once) and a query page where the complainant
 * sees their own complaint's status, who handles it and the reply — given the receipt number and the
 * query code, nothing else; a wrong number and a wrong code get the same answer. HTML pages (no
 * JavaScript, like the rest of the portal) and the same as JSON under {@code /public/api/complaints}
 * (problem details, ADR-0013). Rate limited per client ({@link ComplaintRateLimitFilter}).
 */
@Controller
class ComplaintPages {

	static final String SUBMIT = "/public/complaints";
	static final String QUERY = "/public/complaints/query";
	private static final MediaType HTML = DisclosurePages.HTML;
	private static final Map<String, String> FIELD_LABELS = Map.of("category", "事项类别", "concernedAgency", "被投诉举报的单位或个人",
			"location", "发生地点", "content", "投诉举报内容", "complainantName", "姓名", "complainantContact", "联系方式", "attachments", "附件");

	private final ComplaintService complaints;

	ComplaintPages(ComplaintService complaints) {
		this.complaints = complaints;
	}

	// --- HTML ---

	@GetMapping(SUBMIT)
	ResponseEntity<String> form() {
		return page(HttpStatus.OK, "投诉举报", form(new ComplaintInput(null, null, null, null, null, null), null));
	}

	/** The form as the browser sends it: multipart with the attachments (or URL-encoded without). */
	@PostMapping(SUBMIT)
	ResponseEntity<String> submit(@RequestParam Map<String, String> params,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files) throws IOException {
		ComplaintInput input = input(params);
		List<ComplaintAttachments.Upload> uploads = new ArrayList<>();
		for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
			if (f.getSize() > ComplaintAttachments.MAX_BYTES) {
				uploads.add(new ComplaintAttachments.Upload(f.getOriginalFilename(), new byte[ComplaintAttachments.MAX_BYTES + 1]));
			}
			else {
				uploads.add(new ComplaintAttachments.Upload(f.getOriginalFilename(), f.getBytes()));
			}
		}
		try {
			Receipt r = complaints.submit(input, uploads, "PORTAL", null, null);
			return page(HttpStatus.CREATED, "投诉举报已提交", """
					<div class="item" role="status"><p>您的投诉举报已收到，由 <strong>%s</strong> 分办受理。</p>
					<dl><dt>投诉举报编号</dt><dd id="receipt-no">%s</dd><dt>查询码</dt><dd id="query-code">%s</dd></dl>
					<p><strong>请记下编号和查询码</strong>：查询码只显示这一次，凭编号和查询码可在<a href="%s">投诉举报查询</a>查看办理情况和答复。</p></div>"""
				.formatted(esc(r.handlingBody()), esc(r.receiptNo()), esc(r.queryCode()), QUERY));
		}
		catch (Problem p) {
			if (p.status() != HttpStatus.BAD_REQUEST && p.status() != HttpStatus.PAYLOAD_TOO_LARGE) {
				throw p;
			}
			return page(p.status(), "投诉举报", form(input, p));
		}
	}

	@GetMapping(QUERY)
	ResponseEntity<String> queryForm() {
		return page(HttpStatus.OK, "投诉举报查询", queryForm(null, null));
	}

	@PostMapping(path = QUERY, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> query(@RequestParam(required = false) String receiptNo, @RequestParam(required = false) String queryCode) {
		Optional<PublicView> view = complaints.query(receiptNo, queryCode);
		if (view.isEmpty()) {
			return page(HttpStatus.NOT_FOUND, "投诉举报查询", queryForm(receiptNo, "没有找到：投诉举报编号或查询码不正确。"));
		}
		PublicView v = view.get();
		StringBuilder body = new StringBuilder("<dl id=\"complaint\">");
		dd(body, "投诉举报编号", v.receiptNo());
		dd(body, "提交时间", Html.dateTime(v.submittedAt()));
		dd(body, "事项类别", v.category());
		dd(body, "办理状态", v.status());
		dd(body, "承办机关", v.handlingBody());
		if (v.promisedBy() != null) {
			dd(body, "承诺答复日期", Html.date(v.promisedBy().atZone(Html.CHINA).toLocalDate()));
		}
		if (v.reply() != null) {
			dd(body, "答复", v.reply());
			dd(body, "答复时间", Html.dateTime(v.repliedAt()));
		}
		if (v.caseNo() != null) {
			dd(body, "立案查处的案号", v.caseNo());
			dd(body, "案件办理进展", v.caseStage() + (v.caseStageAt() == null ? "" : "（" + Html.dateTime(v.caseStageAt()) + "）"));
		}
		body.append("</dl><p><a href=\"").append(QUERY).append("\">查询其他投诉举报</a></p>");
		return page(HttpStatus.OK, "投诉举报办理情况", body.toString());
	}

	// --- pages ---

	private static ComplaintInput input(Map<String, String> p) {
		return new ComplaintInput(p.get("category"), p.get("concernedAgency"), p.get("location"), p.get("content"),
				p.get("complainantName"), p.get("complainantContact"));
	}

	private String form(ComplaintInput in, Problem error) {
		StringBuilder b = new StringBuilder();
		b.append("<p>对行政执法机关、执法人员的违法或不当行为，以及您发现的违法行为，可以在此投诉举报（无需登录）。")
			.append("提交后您会得到<strong>投诉举报编号</strong>和<strong>查询码</strong>，凭此在<a href=\"").append(QUERY)
			.append("\">投诉举报查询</a>查看由谁办理和办理结果。姓名和联系方式可不填；留下联系方式便于核实情况。</p>");
		if (error != null) {
			String label = FIELD_LABELS.getOrDefault(error.field(), error.field());
			b.append("<div class=\"item\" role=\"alert\" id=\"error\"><strong>请修改「").append(esc(label)).append("」：</strong>")
				.append(esc(error.getMessage())).append("</div>");
		}
		b.append("<form method=\"post\" action=\"").append(SUBMIT)
			.append("\" class=\"item\" accept-charset=\"UTF-8\" enctype=\"multipart/form-data\">");
		b.append("<label for=\"category\">事项类别（必选）</label><select id=\"category\" name=\"category\" required><option value=\"\">请选择</option>");
		for (Map.Entry<String, String> e : complaints.categoryTexts().entrySet()) {
			b.append("<option value=\"").append(esc(e.getKey())).append('"')
				.append(e.getKey().equals(in.category()) ? " selected" : "").append('>').append(esc(e.getValue())).append("</option>");
		}
		b.append("</select>");
		input(b, "concernedAgency", "被投诉举报的单位或个人（与发生地点至少填写一项）", in.concernedAgency(), ComplaintInput.AGENCY_MAX);
		input(b, "location", "发生地点", in.location(), ComplaintInput.LOCATION_MAX);
		b.append("<label for=\"content\">投诉举报内容（必填，").append(ComplaintInput.CONTENT_MIN).append("至").append(ComplaintInput.CONTENT_MAX)
			.append("字：时间、地点、事情经过）</label><textarea id=\"content\" name=\"content\" rows=\"8\" style=\"width:100%\" required maxlength=\"")
			.append(ComplaintInput.CONTENT_MAX).append("\">").append(esc(in.content())).append("</textarea>");
		input(b, "complainantName", "姓名（可不填）", in.complainantName(), ComplaintInput.NAME_MAX);
		input(b, "complainantContact", "联系方式（手机号码、带区号的固定电话或电子邮箱，可不填）", in.complainantContact(), ComplaintInput.CONTACT_MAX);
		b.append("<label for=\"attachments\">附件（可不选；照片或 PDF，最多 ").append(ComplaintAttachments.MAX_FILES).append(" 个，每个不超过 ")
			.append(ComplaintAttachments.MAX_BYTES / 1024 / 1024).append(" MB）</label><input type=\"file\" id=\"attachments\" name=\"attachments\"")
			.append(" multiple accept=\".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf\">");
		b.append("<p><button type=\"submit\">提交投诉举报</button></p></form>");
		return b.toString();
	}

	private static void input(StringBuilder b, String name, String label, String value, int max) {
		b.append("<label for=\"").append(name).append("\">").append(esc(label)).append("</label><input id=\"").append(name)
			.append("\" name=\"").append(name).append("\" maxlength=\"").append(max).append("\" value=\"").append(esc(value)).append("\">");
	}

	private static String queryForm(String receiptNo, String error) {
		StringBuilder b = new StringBuilder("<p>输入提交投诉举报时得到的编号和查询码，查看办理情况和答复。</p>");
		if (error != null) {
			b.append("<div class=\"item\" role=\"alert\" id=\"error\">").append(esc(error)).append("</div>");
		}
		b.append("<form method=\"post\" action=\"").append(QUERY).append("\" class=\"item\" accept-charset=\"UTF-8\">");
		input(b, "receiptNo", "投诉举报编号（如 TS-2026-000001）", receiptNo, 32);
		input(b, "queryCode", "查询码", null, 16);
		b.append("<p><button type=\"submit\">查询</button></p></form>");
		return b.toString();
	}

	private static void dd(StringBuilder b, String term, String value) {
		b.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>");
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status).contentType(HTML).body(Html.page(title, body));
	}

	static Map<String, String> fieldLabels() {
		return new LinkedHashMap<>(FIELD_LABELS);
	}
}
