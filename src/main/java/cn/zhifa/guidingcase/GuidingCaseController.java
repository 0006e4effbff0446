package cn.zhifa.guidingcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.Registers;
import cn.zhifa.platform.problem.Problem;

/**
 * Guiding cases for reading ({@code /api/guiding-cases}, HTTP Basic or the webapps' session): the proposals of the
 * user's own agency (supervisors: every agency), one by its number (another agency's is 404), and the year's count
 * against the three-a-year rule ({@code /summary}). Guiding cases are proposed, reviewed and published only through
 * the process {@code guiding-case}, never here; the public reads the published ones on the portal.
 */
@RestController
@RequestMapping("/api/guiding-cases")
class GuidingCaseController {

	record Row(String guidingNo, String agencyCode, String caseNo, String category, String title, String status, int rounds,
			int proposalYear, Instant proposedAt, String proposedBy, Instant reviewDueAt, Instant reviewedAt,
			Instant publishedAt, String processInstanceId) {

		static Row of(GuidingCase g) {
			return new Row(g.getGuidingNo(), g.getAgencyCode(), g.getCaseNo(), g.getCategory(), g.getTitle(), g.getStatus(),
					g.getRounds(), g.getProposalYear(), g.getProposedAt(), g.getProposedBy(), g.getReviewDueAt(),
					g.getReviewedAt(), g.getPublishedAt(), g.getProcessInstanceId());
		}
	}

	record Detail(Row summary, String caseSummary, String keyPoints, String legalBasis, String redactionSummary,
			String reviewedBy, String opinion) {
	}

	private final GuidingCaseService guidingCases;

	GuidingCaseController(GuidingCaseService guidingCases) {
		this.guidingCases = guidingCases;
	}

	@GetMapping
	List<Row> list() {
		CurrentUser user = CurrentUser.get();
		return guidingCases.ofAgencies(user.agencies(), user.isAdmin()).stream().map(Row::of).toList();
	}

	/** The year's count (default: this year): published by the bureau, proposed per agency, warnings (three a year). */
	@GetMapping("/summary")
	GuidingCaseService.YearSummary summary(@RequestParam(required = false) Integer year) {
		int y = year != null ? year : LocalDate.ofInstant(guidingCases.now(), GuidingCaseService.CHINA).getYear();
		if (y < 2000 || y > 2100) {
			throw Problem.invalid("year", "年度须为2000至2100之间的年份，收到 " + year);
		}
		CurrentUser user = CurrentUser.get();
		return guidingCases.summary(y, user.agencies(), user.isAdmin() || user.isSupervisor());
	}

	@GetMapping("/{guidingNo}")
	Detail get(@PathVariable String guidingNo) {
		GuidingCase g = Registers.readable(guidingCases.find(guidingNo), GuidingCase::getAgencyCode, "guidingNo", guidingNo,
				"行政执法指导案例");
		return new Detail(Row.of(g), g.getSummary(), g.getKeyPoints(), g.getLegalBasis(), g.getRedactionSummary(),
				g.getReviewedBy(), g.getOpinion());
	}
}
