package cn.zhifa.portal;

import static cn.zhifa.portal.Html.esc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.zhifa.document.DocumentService;
import cn.zhifa.document.DocumentService.BlankForm;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Certificate;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.portal.WindowBoards.Board;
import cn.zhifa.portal.WindowBoards.Staff;

/**
 * The service windows' boards on the portal (服务窗口公示, R-DISC-8), no login: the windows, and each window's board as
 * it hangs at the window — address, hours, consultation and complaint telephones, duties, the staff (name, standing and
 * certificate from the officer registry, post and duty from {@code disclosure/windows.yml}), the blank forms of its
 * documents (文书示范文本) to download, how to follow a matter's progress and where to complain. Server-rendered HTML
 * without JavaScript; the board prints on one page.
 */
@Controller
class WindowBoardPages {

	static final String LIST = "/public/windows";
	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final WindowBoards boards;
	private final AgencyRepository agencies;
	private final OfficerRepository officers;
	private final DocumentService documents;
	private final Clock clock;

	WindowBoardPages(WindowBoards boards, AgencyRepository agencies, OfficerRepository officers, DocumentService documents,
			Clock clock) {
		this.boards = boards;
		this.agencies = agencies;
		this.officers = officers;
		this.documents = documents;
		this.clock = clock;
	}

	@GetMapping(LIST)
	ResponseEntity<byte[]> list() {
		StringBuilder b = new StringBuilder(2048);
		b.append("<p>各执法主体服务窗口的地址、办公时间、咨询和投诉举报电话、窗口职责和工作人员，以及可下载的执法文书示范文本。</p><ul>");
		List<Board> all = boards.boards();
		for (Board board : all) {
			b.append("<li><a href=\"").append(LIST).append('/').append(esc(Html.url(board.agency()))).append("\">")
				.append(esc(agencyName(board.agency()))).append("</a> <span class=\"meta\">").append(esc(board.name()))
				.append("，").append(esc(board.address())).append("，咨询电话 ").append(esc(board.consultationPhone()))
				.append("</span></li>");
		}
		b.append("</ul>");
		if (all.isEmpty()) {
			b.append("<p class=\"meta\" role=\"status\">暂无服务窗口公示。</p>");
		}
		return DisclosurePages.html(Html.page("服务窗口", b.toString()), 60);
	}

	@GetMapping(LIST + "/{agencyCode}")
	ResponseEntity<byte[]> board(@PathVariable String agencyCode) {
		Optional<Board> found = boards.of(agencyCode);
		if (found.isEmpty()) {
			return notFound("该执法主体没有服务窗口公示。");
		}
		Board board = found.get();
		String agency = Html.url(board.agency());
		StringBuilder b = new StringBuilder(8192);
		b.append("<h2>").append(esc(board.name())).append("</h2><p class=\"meta\">执法主体：").append(esc(agencyName(board.agency())))
			.append("</p><dl>")
			.append("<dt>窗口地址</dt><dd>").append(esc(board.address())).append("</dd>")
			.append("<dt>办公时间</dt><dd>").append(esc(board.hours())).append("</dd>")
			.append("<dt>咨询电话</dt><dd>").append(esc(board.consultationPhone())).append("</dd>");
		if (board.complaintPhone() != null) {
			b.append("<dt>投诉举报电话</dt><dd>").append(esc(board.complaintPhone())).append("</dd>");
		}
		b.append("</dl><h2>窗口职责</h2><ul>");
		board.duties().forEach(d -> b.append("<li>").append(esc(d)).append("</li>"));
		b.append("</ul><h2>窗口工作人员</h2><table><thead><tr><th scope=\"col\">姓名</th><th scope=\"col\">岗位</th>")
			.append("<th scope=\"col\">岗位职责</th><th scope=\"col\">人员类别</th><th scope=\"col\">执法证号</th></tr></thead><tbody>");
		LocalDate today = LocalDate.ofInstant(clock.instant(), Html.CHINA);
		for (Staff s : board.staff()) {
			// checked when the file was read; the registry may have changed since (a person moved or left): not shown
			Officer o = officers.findById(s.user()).filter(x -> board.agency().equals(x.getAgencyCode())).orElse(null);
			if (o == null) {
				continue;
			}
			String certificate = o.getCertificates().stream().filter(c -> c.isValidOn(today)).findFirst()
				.map(Certificate::getNumber).orElse("—");
			b.append("<tr><td>").append(esc(o.getFullName())).append("</td><td>").append(esc(s.post())).append("</td><td>")
				.append(esc(s.duty())).append("</td><td>").append(esc(o.getRole().label())).append("</td><td>")
				.append(esc(certificate)).append("</td></tr>");
		}
		b.append("</tbody></table>");
		// the kinds as the file lists them that templates/document-kinds.yml still has, with their names
		Map<String, String> samples = new LinkedHashMap<>();
		board.samples().forEach(kind -> documents.kindName(kind).ifPresent(name -> samples.put(kind, name)));
		if (!samples.isEmpty()) {
			b.append("<h2>文书示范文本</h2><p class=\"meta\">空白文本，供了解文书格式和填写内容；正式文书以执法机关制作、送达的为准。</p><ul>");
			samples.forEach((kind, name) -> b.append("<li><a href=\"").append(LIST).append('/').append(esc(agency))
				.append("/samples/").append(esc(Html.url(kind))).append("\" download>").append(esc(name)).append("（Word）</a></li>"));
			b.append("</ul>");
		}
		b.append("<h2>办理进度查询</h2><ul><li><a href=\"").append(ComplaintPages.QUERY)
			.append("\">投诉举报办理进度查询</a>（凭提交时取得的查询码）</li>")
			.append("<li>案件办理进度：当事人可凭案号到本窗口或拨打咨询电话查询</li>")
			.append("<li><a href=\"/public/disclosures\">执法决定公示</a></li></ul>")
			.append("<h2>咨询与投诉举报渠道</h2><ul><li>咨询电话：").append(esc(board.consultationPhone())).append("</li>");
		if (board.complaintPhone() != null) {
			b.append("<li>投诉举报电话：").append(esc(board.complaintPhone())).append("</li>");
		}
		b.append("<li><a href=\"").append(ComplaintPages.SUBMIT).append("\">网上投诉举报</a></li>")
			.append("<li><a href=\"/public/remedies\">救济渠道</a>（陈述申辩、听证、行政复议、行政诉讼）</li>")
			.append("<li><a href=\"").append(ItemListPages.LIST).append('/').append(esc(agency))
			.append("\">本机关行政执法事项清单</a></li></ul>")
			.append("<p><a href=\"").append(LIST).append("\">返回服务窗口</a></p>");
		return DisclosurePages.html(Html.page("服务窗口公示", b.toString()), 60);
	}

	/** A blank form the window hands out: only the kinds its board lists. */
	@GetMapping(LIST + "/{agencyCode}/samples/{kind}")
	ResponseEntity<byte[]> blankForm(@PathVariable String agencyCode, @PathVariable String kind) {
		if (boards.of(agencyCode).filter(b -> b.samples().contains(kind)).isEmpty() || documents.kindName(kind).isEmpty()) {
			return notFound("该服务窗口没有这一文书示范文本。");
		}
		BlankForm form = documents.blankForm(kind, agencyCode);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(DOCX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(form.fileName(), StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
			.body(form.content());
	}

	private ResponseEntity<byte[]> notFound(String text) {
		return DisclosurePages.notFound(text, LIST, "返回服务窗口");
	}

	private String agencyName(String code) {
		return agencies.findById(code).map(Agency::getName).orElse(code);
	}
}
