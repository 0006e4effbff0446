package cn.zhifa.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.complaint.ComplaintInput;
import cn.zhifa.complaint.ComplaintService;
import cn.zhifa.complaint.ComplaintService.PublicView;
import cn.zhifa.complaint.ComplaintService.Receipt;
import cn.zhifa.platform.problem.Problem;

/**
 * The public complaint channel as JSON ({@link ComplaintPages} is the same as HTML): refusals are problem
 * details naming the field (ADR-0013); a wrong receipt number and a wrong query code are the same 404.
 */
@RestController
class ComplaintApi {

	static final String API_SUBMIT = "/public/api/complaints";
	static final String API_QUERY = "/public/api/complaints/query";

	private final ComplaintService complaints;

	ComplaintApi(ComplaintService complaints) {
		this.complaints = complaints;
	}

	// --- JSON ---

	record SubmitRequest(String category, String concernedAgency, String location, String content, String complainantName,
			String complainantContact) {
	}

	record QueryRequest(String receiptNo, String queryCode) {
	}

	@PostMapping(path = API_SUBMIT, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Receipt> submitJson(@RequestBody SubmitRequest r) {
		return ResponseEntity.status(HttpStatus.CREATED).body(complaints.submit(new ComplaintInput(r.category(), r.concernedAgency(),
				r.location(), r.content(), r.complainantName(), r.complainantContact()), "PORTAL", null, null));
	}

	@PostMapping(path = API_QUERY, consumes = MediaType.APPLICATION_JSON_VALUE)
	PublicView queryJson(@RequestBody QueryRequest r) {
		return complaints.query(r.receiptNo(), r.queryCode())
			.orElseThrow(() -> Problem.notFound("receiptNo", "没有找到：投诉举报编号或查询码不正确"));
	}

}
