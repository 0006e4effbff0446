package cn.zhifa.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;
import cn.zhifa.record.RecordEntry;

/**
 * Case-file reviews for reading ({@code /api/case-file-reviews}, HTTP Basic or the webapps' session): the reviews of
 * the user's own agency (supervisors: every agency), and one review by its number with the draw (seed, population and
 * its hash: the draw can be redone), each drawn file's score, deficiencies and interference reports (another agency's
 * review is 404). Reviews are started, scored and acknowledged only through the process {@code case-file-review}.
 */
@RestController
@RequestMapping("/api/case-file-reviews")
class CaseFileReviewController {

	record Row(String reviewNo, String agencyCode, int reviewYear, String status, Instant startedAt, String startedBy,
			int populationSize, int sampleSize, BigDecimal averageScore, Integer failedCount, String followUp,
			String noticeNo, String reportDocId, Instant acknowledgedAt, String processInstanceId) {

		static Row of(CaseFileReview r) {
			return new Row(r.getReviewNo(), r.getAgencyCode(), r.getReviewYear(), r.getStatus(), r.getStartedAt(),
					r.getStartedBy(), r.getPopulationSize(), r.getSampleSize(), r.getAverageScore(), r.getFailedCount(),
					r.getFollowUp(), r.getNoticeNo(), r.getReportDocId(), r.getAcknowledgedAt(), r.getProcessInstanceId());
		}
	}

	record Draw(String seed, String sampleRule, int populationSize, String populationSha256, List<String> population,
			List<String> drawn) {
	}

	record Interference(Instant recordedAt, String recordedBy, Map<String, Object> report) {

		static Interference of(RecordEntry e) {
			return new Interference(e.occurredAt(), e.actor(), e.dataMap());
		}
	}

	record Item(int drawOrder, String caseNo, Integer score, String grade, List<String> deductions, String comments,
			String reviewedBy, Instant reviewedAt, List<Interference> interference) {
	}

	record Detail(Row summary, Draw draw, List<Item> cases, String conclusion, String requirement, String concludedBy,
			String acknowledgement, String acknowledgedBy) {
	}

	private final CaseFileReviewService reviews;

	CaseFileReviewController(CaseFileReviewService reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return reviews.ofAgencies(user.agencies(), user.isAdmin()).stream().map(Row::of).toList();
	}

	@GetMapping("/{reviewNo}")
	Detail get(@PathVariable String reviewNo) {
		CaseFileReview r = Registers.readable(reviews.find(reviewNo), CaseFileReview::getAgencyCode, "reviewNo", reviewNo,
				"案卷评查");
		List<Item> items = reviews.itemsOf(r.getReviewNo()).stream()
			.map(i -> new Item(i.getDrawOrder(), i.getCaseNo(), i.getScore(), i.getGrade(), i.deductionList(),
					i.getComments(), i.getReviewedBy(), i.getReviewedAt(),
					reviews.interferenceOf(i.getCaseNo()).stream().map(Interference::of).toList()))
			.toList();
		return new Detail(Row.of(r), new Draw(Long.toString(r.getDrawSeed()), r.getSampleRule(), r.getPopulationSize(),
				r.getPopulationHash(), r.populationList(), r.drawnList()), items, r.getConclusion(), r.getRequirement(),
				r.getConcludedBy(), r.getAcknowledgement(), r.getAcknowledgedBy());
	}
}
