package cn.zhifa.sla;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.calendar.WorkingDayCalendar;
import cn.zhifa.platform.CurrentUser;
import cn.zhifa.platform.problem.InputCheck;
import cn.zhifa.platform.problem.Problem;

/**
 * Closed deadlines and their outcomes over REST (issue 17 §4): {@code GET /api/sla/history} (a page
 * of rows, newest closing first), {@code GET /api/sla/compliance} (per agency and per kind: closed,
 * met, breached, compliance %, average breach in working days) and {@code GET /api/sla/history.xlsx}
 * (the rows and the figures as an Excel workbook, streamed). Read-only; the board's authorization:
 * staff see their own agency, supervisors and administrators every agency.
 */
@RestController
@RequestMapping("/api/sla")
class SlaHistoryController {

	static final int MAX_PAGE_SIZE = 200;
	static final int MAX_YEARS = 5;
	/** Rows of one export; the period's limit keeps real exports far below it (an .xlsx sheet holds 1,048,575). */
	static final int MAX_EXPORT_ROWS = 1_000_000;
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final SlaHistory history;
	private final RepositoryService repository;
	private final IdentityService identity;
	private final Clock clock;

	SlaHistoryController(SlaHistory history, RepositoryService repository, IdentityService identity, Clock clock) {
		this.clock = clock;
		this.history = history;
		this.repository = repository;
		this.identity = identity;
	}

	@GetMapping("/history")
	SlaHistory.Page page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		InputCheck.requirePage(page, size, MAX_PAGE_SIZE);
		return history.page(filter(from, to, agency, kind, outcome), page, size);
	}

	@GetMapping("/compliance")
	SlaHistory.Compliance compliance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String kind) {
		return history.compliance(filter(from, to, agency, kind, null));
	}

	@GetMapping("/history.xlsx")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String outcome, HttpServletResponse response) throws IOException {
		SlaHistory.Filter filter = filter(from, to, agency, kind, outcome);
		SlaHistory.Compliance figures = history.compliance(filter);
		String scope = agency != null ? history.agencyNames(List.of(agency)).getOrDefault(agency, agency)
				: filter.agencies().size() == 1 ? history.agencyNames(filter.agencies()).getOrDefault(
						filter.agencies().iterator().next(), filter.agencies().iterator().next()) : "全部执法主体";
		String period = filter.from() + " 至 " + filter.to();
		String kindName = filter.kind() == null ? null : history.kindNames().getOrDefault(filter.kind(), filter.kind());
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("期限按期情况_" + filter.from() + "_" + filter.to() + ".xlsx", StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
			Styles styles = new Styles(book);
			String heading = "执法主体：" + scope + "    期间：" + period + (kindName == null ? "" : "    类别：" + kindName)
					+ (filter.outcome() == null ? "" : "    结果：" + SlaHistory.OUTCOME_LABELS.get(filter.outcome()));
			writeRows(book.createSheet("期限明细"), styles, heading, filter);
			writeTotals(book.createSheet("汇总"), styles, heading, figures);
			OutputStream out = response.getOutputStream();
			book.write(out);
			out.flush();
		}
	}

	private static final String[] ROW_HEADERS = { "案号", "执法主体", "类别", "步骤", "责任人", "开始时间", "期限届满", "结束时间", "结果",
			"超期工作日", "结束方式" };

	private void writeRows(SXSSFSheet sheet, Styles styles, String heading, SlaHistory.Filter filter) {
		sheet.createRow(0).createCell(0).setCellValue("法定期限按期情况明细");
		sheet.getRow(0).getCell(0).setCellStyle(styles.bold);
		sheet.createRow(1).createCell(0).setCellValue(heading);
		header(sheet.createRow(3), styles, ROW_HEADERS);
		int[] next = { 4 };
		history.each(filter, 1000, r -> {
			if (next[0] - 4 >= MAX_EXPORT_ROWS) {
				return;
			}
			Row row = sheet.createRow(next[0]++);
			int c = 0;
			row.createCell(c++).setCellValue(text(r.caseNo()));
			row.createCell(c++).setCellValue(text(r.agencyName()));
			row.createCell(c++).setCellValue(text(r.kindName()));
			row.createCell(c++).setCellValue(text(r.step()));
			row.createCell(c++).setCellValue(text(r.responsible()));
			time(row.createCell(c++), r.startedAt(), styles);
			time(row.createCell(c++), r.dueAt(), styles);
			time(row.createCell(c++), r.closedAt(), styles);
			row.createCell(c++).setCellValue(r.outcomeLabel());
			row.createCell(c++).setCellValue(r.breachedWorkdays());
			row.createCell(c).setCellValue(text(r.closedByLabel()));
		});
		if (next[0] == 4) {
			sheet.createRow(4).createCell(0).setCellValue("该期间没有已结束的期限。");
		}
		widths(sheet, 22, 26, 18, 24, 12, 17, 17, 17, 22, 10, 22);
	}

	private static void writeTotals(SXSSFSheet sheet, Styles styles, String heading, SlaHistory.Compliance c) {
		sheet.createRow(0).createCell(0).setCellValue("法定期限按期率汇总");
		sheet.getRow(0).getCell(0).setCellStyle(styles.bold);
		sheet.createRow(1).createCell(0).setCellValue(heading);
		int r = 3;
		r = figures(sheet, styles, r, "执法主体", c.byAgency(), c.total());
		r++;
		figures(sheet, styles, r, "期限类别", c.byKind(), c.total());
		widths(sheet, 30, 12, 12, 12, 14, 18);
	}

	private static int figures(Sheet sheet, Styles styles, int r, String what, List<SlaHistory.Figures> list,
			SlaHistory.Figures total) {
		header(sheet.createRow(r++), styles, new String[] { what, "已结束", "按期", "超期", "按期率（%）", "平均超期（工作日）" });
		for (SlaHistory.Figures f : list) {
			figuresRow(sheet.createRow(r++), f, null);
		}
		figuresRow(sheet.createRow(r++), total, styles.bold);
		return r;
	}

	private static void figuresRow(Row row, SlaHistory.Figures f, CellStyle style) {
		row.createCell(0).setCellValue(text(f.name()));
		row.createCell(1).setCellValue(f.closed());
		row.createCell(2).setCellValue(f.met());
		row.createCell(3).setCellValue(f.breached());
		if (f.compliancePercent() != null) {
			row.createCell(4).setCellValue(f.compliancePercent());
		}
		else {
			row.createCell(4).setCellValue("—");
		}
		if (f.averageBreachWorkdays() != null) {
			row.createCell(5).setCellValue(f.averageBreachWorkdays());
		}
		else {
			row.createCell(5).setCellValue("—");
		}
		if (style != null) {
			row.getCell(0).setCellStyle(style);
		}
	}

	private static void header(Row row, Styles styles, String[] names) {
		for (int i = 0; i < names.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(styles.bold);
		}
	}

	private static void widths(Sheet sheet, int... chars) {
		for (int i = 0; i < chars.length; i++) {
			sheet.setColumnWidth(i, Math.min(255, chars[i] + 2) * 256);
		}
	}

	private static void time(Cell cell, Instant instant, Styles styles) {
		if (instant != null) {
			cell.setCellValue(LocalDateTime.ofInstant(instant, WorkingDayCalendar.SHANGHAI));
			cell.setCellStyle(styles.time);
		}
	}

	/** A cell's text (a string cell: never evaluated as a formula, whatever it starts with). */
	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static final class Styles {

		final CellStyle bold;
		final CellStyle time;

		Styles(SXSSFWorkbook book) {
			Font font = book.createFont();
			font.setBold(true);
			bold = book.createCellStyle();
			bold.setFont(font);
			time = book.createCellStyle();
			time.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		}
	}

	// --- input ---

	private SlaHistory.Filter filter(String from, String to, String agency, String kind, String outcome) {
		CurrentUser user = CurrentUser.get();
		InputCheck.DateRange period = InputCheck.period(from, to, WorkingDayCalendar.dayOf(clock.instant()), MAX_YEARS);
		LocalDate start = period.start();
		LocalDate end = period.end();
		Collection<String> scope = scope(user);
		if (agency != null) {
			InputCheck.requireText("agency", "执法主体（agency）", agency, 64);
			if (identity.createTenantQuery().tenantId(agency).count() == 0) {
				throw Problem.invalid("agency", "执法主体（agency）不存在：应为执法主体代码，如 LIAOKUO");
			}
			if (!scope.contains(agency)) {
				throw Problem.forbidden("无权查看该执法主体的期限");
			}
			scope = List.of(agency);
		}
		if (kind != null) {
			InputCheck.requireText("kind", "期限类别（kind）", kind, 255);
			if (repository.createProcessDefinitionQuery().processDefinitionKey(kind).count() == 0) {
				throw Problem.invalid("kind", "期限类别（kind）应为流程标识之一：" + String.join("、", history.kindNames().keySet()));
			}
		}
		String o = null;
		if (outcome != null && !outcome.isBlank()) {
			o = outcome.trim().toUpperCase(Locale.ROOT);
			if (!SlaHistory.OUTCOME_LABELS.containsKey(o)) {
				throw Problem.invalid("outcome", "结果（outcome）应为 met（按期）或 breached（超期）");
			}
		}
		return new SlaHistory.Filter(scope, start, end, kind, o);
	}

	/** The agencies the user may see: their own (a supervisor is a member of every agency); every agency for an administrator. */
	private Collection<String> scope(CurrentUser user) {
		TreeSet<String> agencies = new TreeSet<>(user.agencies());
		if (user.isAdmin()) {
			identity.createTenantQuery().list().stream().map(Tenant::getId).forEach(agencies::add);
		}
		return agencies;
	}
}
