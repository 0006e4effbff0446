package cn.zhifa.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
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
import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * The ledgers (执法台账, issue 19 §2) over REST: {@code GET /api/ledgers} lists them with their Chinese
 * names; {@code GET /api/ledgers/{ledger}.xlsx?agency=&from=&to=} streams one as an Excel workbook.
 * Read-only. Staff (officers, heads, reviewers) get their own agency's rows; supervisors (members of
 * every agency) and administrators every agency's. A supervised reader — a supervisor, or an
 * administrator outside their own agency (R-REC-5) — states a purpose ({@code purpose} or the
 * {@code X-Zhifa-Purpose} header), and the retrieval is appended to the record of each agency's
 * ledgers ({@code LEDGER-<agency>}), where the retrieval ledger shows it.
 */
@RestController
@RequestMapping("/api/ledgers")
class LedgerController {

	static final int MAX_YEARS = 5;
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final Ledgers ledgers;
	private final CaseRetrievals retrievals;
	private final Clock clock;
	private final LedgerWriter writer = new LedgerWriter();

	LedgerController(Ledgers ledgers, CaseRetrievals retrievals, Clock clock) {
		this.clock = clock;
		this.ledgers = ledgers;
		this.retrievals = retrievals;
	}

	/** The ledgers: key, Chinese name, contents, the date the period filters on, and the download address. */
	@GetMapping
	List<Map<String, String>> list() {
		List<Map<String, String>> list = new ArrayList<>();
		for (Ledgers.Ledger l : Ledgers.ALL) {
			Map<String, String> item = new LinkedHashMap<>();
			item.put("key", l.key());
			item.put("name", l.name());
			item.put("contents", l.contents());
			item.put("period", "按" + l.periodBasis() + "筛选期间");
			item.put("href", "/api/ledgers/" + l.key() + ".xlsx");
			list.add(item);
		}
		return list;
	}

	@GetMapping("/{ledger}.xlsx")
	void export(@PathVariable String ledger, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String purpose, HttpServletResponse response) throws IOException {
		Ledgers.Ledger l = Ledgers.find(ledger).orElseThrow(() -> Problem.invalid("ledger", "台账（ledger）应为以下之一："
				+ String.join("、", Ledgers.ALL.stream().map(x -> x.key() + "（" + x.name() + "）").toList())));
		CurrentUser user = CurrentUser.get();
		InputCheck.DateRange period = InputCheck.period(from, to, WorkingDayCalendar.dayOf(clock.instant()), MAX_YEARS);
		LocalDate start = period.start();
		LocalDate end = period.end();
		Map<String, String> agencies = ledgers.agencies();
		TreeSet<String> scope = new TreeSet<>(user.agencies());
		if (user.isAdmin()) {
			scope.addAll(agencies.keySet());
		}
		scope.retainAll(agencies.keySet());
		if (agency != null) {
			InputCheck.requireText("agency", "执法主体（agency）", agency, 32);
			if (!agencies.containsKey(agency)) {
				throw Problem.invalid("agency", "执法主体（agency）不存在：应为执法主体代码，如 " + String.join("、", agencies.keySet()));
			}
			if (!scope.contains(agency)) {
				throw Problem.forbidden("无权查看该执法主体的台账：只能导出本机关的台账");
			}
			scope.clear();
			scope.add(agency);
		}
		if (scope.isEmpty()) {
			throw Problem.forbidden("您不属于任何执法主体，无台账可导出");
		}

		// a supervised retrieval needs its purpose and is recorded before anything is read (R-REC-5)
		String what = "执法台账：" + l.name() + "（" + start + " 至 " + end + "）";
		List<String> supervised = scope.stream().filter(a -> CaseRetrievals.supervised(user, a)).toList();
		if (!supervised.isEmpty()) {
			String stated = CaseRetrievals.purposeOfRequest(purpose);
			if (stated == null) {
				throw Problem.invalid("purpose", "调阅台账须说明调阅目的（参数 purpose 或请求头 " + CaseRetrievals.PURPOSE_HEADER + "）");
			}
			for (String a : supervised) {
				retrievals.record(Ledgers.RECORD_KEY_PREFIX + a, a, user, stated, what);
			}
		}

		String scopeName = agency != null || scope.size() == 1 ? agencies.get(scope.first())
				: scope.size() == agencies.size() ? "全部执法主体" : String.join("、", scope.stream().map(agencies::get).toList());
		String heading = "执法主体：" + scopeName + "    期间：" + CHINESE_DATE.format(start) + " 至 " + CHINESE_DATE.format(end)
				+ "（按" + l.periodBasis() + "）    导出时间：" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.format(clock.instant().atZone(WorkingDayCalendar.SHANGHAI));
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(l.name() + "_" + start + "_" + end + ".xlsx", StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		OutputStream out = response.getOutputStream();
		writer.write(heading, ledgers.sheets(l, new Ledgers.Filter(List.copyOf(scope), start, end)), out);
	}
}
