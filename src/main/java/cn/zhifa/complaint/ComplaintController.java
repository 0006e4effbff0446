package cn.zhifa.complaint;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.problem.Problem;

/**
 * Complaints for staff ({@code /api/complaints}, HTTP Basic or the webapps' session): the complaints of the
 * user's own agency (supervisors: every agency, read only), one complaint by its receipt number (another
 * agency's is 404), and the staff entry of a complaint taken by phone, letter or visit — for the user's own
 * agency, from the login (the Tasklist start form does the same).
 */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

	record Row(String receiptNo, String channel, String category, String agencyCode, String handlingBody, String status,
			Instant submittedAt, Instant acceptanceDueAt, Instant handlingDueAt, String handlerId, Instant repliedAt,
			Boolean repliedOnTime, String caseNo, String processInstanceId) {

		static Row of(Complaint c) {
			return new Row(c.getReceiptNo(), c.getChannel(), c.getCategory(), c.getAgencyCode(), c.getHandlingBody(),
					c.getStatus(), c.getSubmittedAt(), c.getAcceptanceDueAt(), c.getHandlingDueAt(), c.getHandlerId(),
					c.getRepliedAt(), c.getRepliedOnTime(), c.getCaseNo(), c.getProcessInstanceId());
		}
	}

	record Detail(Row summary, String concernedAgency, String location, String content, String complainantName,
			String complainantContact, String routingBasis, String notAcceptedReason, String reply, int transfers,
			List<Attachment> attachments) {
	}

	record Attachment(long id, String fileName, String mediaType, long sizeBytes, String sha256) {
	}

	record EntryRequest(String category, String concernedAgency, String location, String content, String complainantName,
			String complainantContact) {
	}

	private final ComplaintService complaints;

	ComplaintController(ComplaintService complaints) {
		this.complaints = complaints;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return complaints.ofAgencies(user.agencies(), user.isAdmin()).stream().map(Row::of).toList();
	}

	@GetMapping("/{receiptNo}")
	Detail get(@PathVariable String receiptNo) {
		Complaint c = readable(receiptNo);
		return new Detail(Row.of(c), c.getConcernedAgency(), c.getLocation(), c.getContent(), c.getComplainantName(),
				c.getComplainantContact(), c.getRoutingBasis(), c.getNotAcceptedReason(), c.getReply(), c.getTransfers(),
				complaints.attachmentsOf(c.getReceiptNo()).stream().map(a -> new Attachment(a.getId(), a.getFileName(),
						a.getMediaType(), a.getSizeBytes(), a.getSha256())).toList());
	}

	/** The complaint numbered {@code receiptNo} if the user's agencies may read it, else 404. */
	private Complaint readable(String receiptNo) {
		return Registers.readable(complaints.find(receiptNo), Complaint::getAgencyCode, "receiptNo", receiptNo, "投诉举报");
	}

	/** An attachment as sent (its sniffed type; always a download, never shown inline). */
	@GetMapping("/{receiptNo}/attachments/{id}")
	ResponseEntity<byte[]> attachment(@PathVariable String receiptNo, @PathVariable String id) {
		Complaint c = readable(receiptNo);
		ComplaintAttachment a = complaints.attachmentsOf(c.getReceiptNo()).stream().filter(x -> x.getId().toString().equals(id))
			.findFirst().orElseThrow(() -> Problem.notFound("id", "该投诉举报没有编号为 " + id + " 的附件"));
		byte[] content = complaints.attachmentContent(c.getReceiptNo(), a.getId());
		return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(a.getMediaType()))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(a.getFileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

	/** Staff entry: 201 with the receipt number and the query code to give the complainant. */
	@PostMapping
	ResponseEntity<ComplaintService.Receipt> enter(@RequestBody EntryRequest r) {
		CurrentUser user = CurrentUser.get();
		if (user.isSupervisor() || user.agencies().size() != 1) {
			throw Problem.forbidden("只有执法机构的工作人员可以登记本机构收到的投诉举报");
		}
		String agency = user.agencies().iterator().next();
		return ResponseEntity.status(HttpStatus.CREATED).body(complaints.submit(new ComplaintInput(r.category(), r.concernedAgency(),
				r.location(), r.content(), r.complainantName(), r.complainantContact()), ComplaintService.STAFF, user.id(), agency));
	}
}
