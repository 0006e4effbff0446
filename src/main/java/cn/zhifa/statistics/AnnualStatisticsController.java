package cn.zhifa.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;
import cn.zhifa.statistics.AnnualStatisticsService.Report;

/**
 * The annual statistics (R-DISC-7) over REST, read-only: {@code GET /api/annual-statistics?year=} the reports of a year
 * the user may see — staff their own agency's, supervisors (司法局) and administrators every agency's side by side —
 * with the categories and figures; {@code GET /api/annual-statistics.xlsx?year=&agency=} the same as one workbook (one
 * sheet per category, one row per agency, totals); {@code GET /api/annual-statistics/{agency}/{year}.xlsx} one agency's.
 */
@RestController
@RequestMapping("/api")
class AnnualStatisticsController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final AnnualStatisticsService service;
	private final AgencyRepository agencies;
	private final Clock clock;

	AnnualStatisticsController(AnnualStatisticsService service, AgencyRepository agencies, Clock clock) {
		this.clock = clock;
		this.service = service;
		this.agencies = agencies;
	}

	@GetMapping("/annual-statistics")
	Map<String, Object> list(@RequestParam(required = false) String year, @RequestParam(required = false) String agency) {
		int y = year(year);
		TreeSet<String> scope = scope(agency);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", y);
		body.put("period", y + "年1月1日至" + y + "年12月31日");
		body.put("categories", AnnualFigures.CATEGORIES);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Report r : service.ofYear(y, scope)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("agencyCode", r.agencyCode());
			row.put("agencyName", r.agencyName());
			row.put("year", r.year());
			row.put("status", r.status());
			row.put("statusLabel", r.statusLabel());
			row.put("computedAt", r.computedAt());
			row.put("returns", r.returns());
			row.put("officeSignedBy", r.officeSignedBy());
			row.put("justiceSignedBy", r.justiceSignedBy());
			row.put("submitDueAt", r.submitDueAt());
			row.put("submittedAt", r.submittedAt());
			row.put("submittedOnTime", r.submittedOnTime());
			row.put("publishDueAt", r.publishDueAt());
			row.put("publishedAt", r.publishedAt());
			row.put("publishedOnTime", r.publishedOnTime());
			row.put("figures", r.figures());
			row.put("workbook", "/api/annual-statistics/" + r.agencyCode() + "/" + r.year() + ".xlsx");
			row.put("portal", r.published() ? "/public/annual-statistics/" + r.agencyCode() + "/" + r.year() : null);
			rows.add(row);
		}
		body.put("reports", rows);
		return body;
	}

	@GetMapping("/annual-statistics.xlsx")
	void export(@RequestParam(required = false) String year, @RequestParam(required = false) String agency,
			HttpServletResponse response) throws IOException {
		int y = year(year);
		TreeSet<String> scope = scope(agency);
		Map<String, String> names = names();
		String scopeName = scope.size() == 1 ? names.get(scope.first())
				: scope.size() == names.size() ? "全部执法主体" : String.join("、", scope.stream().map(names::get).toList());
		write(response, y, scopeName, service.ofYear(y, scope), "年度行政执法统计_" + y + ".xlsx");
	}

	@GetMapping("/annual-statistics/{agency}/{year}.xlsx")
	void one(@PathVariable String agency, @PathVariable String year, HttpServletResponse response) throws IOException {
		TreeSet<String> scope = scope(agency);
		int y = year(year);
		Report r = service.find(scope.first(), y)
			.orElseThrow(() -> Problem.notFound("year", "该执法主体没有 " + y + " 年度的行政执法统计"));
		write(response, y, r.agencyName(), List.of(r), "年度行政执法统计_" + r.agencyName() + "_" + y + ".xlsx");
	}

	private void write(HttpServletResponse response, int year, String scopeName, List<Report> reports, String file)
			throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(clock.instant().atZone(WorkingDayCalendar.SHANGHAI));
		AnnualStatisticsWorkbook.write(year, scopeName, reports, at, response.getOutputStream());
	}

	/** The agencies the user may read (own; supervisors and administrators all), narrowed to {@code agency} if given. */
	private TreeSet<String> scope(String agency) {
		CurrentUser user = CurrentUser.get();
		Map<String, String> names = names();
		TreeSet<String> scope = new TreeSet<>(user.agencies());
		if (user.isAdmin() || user.isSupervisor()) {
			scope.addAll(names.keySet());
		}
		scope.retainAll(names.keySet());
		if (agency != null) {
			InputCheck.requireText("agency", "执法主体（agency）", agency, 32);
			if (!names.containsKey(agency)) {
				throw Problem.invalid("agency", "执法主体（agency）不存在：应为执法主体代码，如 " + String.join("、", names.keySet()));
			}
			if (!scope.contains(agency)) {
				throw Problem.forbidden("无权查看该执法主体的年度统计：只能查看本机关的年度统计");
			}
			scope.clear();
			scope.add(agency);
		}
		if (scope.isEmpty()) {
			throw Problem.forbidden("您不属于任何执法主体，无年度统计可查看");
		}
		return scope;
	}

	private Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Agency a : agencies.findAll(org.springframework.data.domain.Sort.by("code"))) {
			names.put(a.getCode(), a.getName());
		}
		return names;
	}

	/** The year reported: given as four digits, else last year (Beijing time of the engine clock). */
	int year(String year) {
		if (year == null || year.isBlank()) {
			return AnnualStatisticsService.reportedYear(clock.instant());
		}
		InputCheck.requireText("year", "统计年度（year）", year, 4);
		return AnnualStatisticsService.parseYear(year);
	}
}
