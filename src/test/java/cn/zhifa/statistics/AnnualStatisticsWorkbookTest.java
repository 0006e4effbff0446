package cn.zhifa.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.zhifa.statistics.AnnualFigures;
import cn.zhifa.statistics.AnnualStatisticsService.Report;
import cn.zhifa.support.LibreOffice;

/**
 * The annual statistics workbook (R-DISC-7) as a justice bureau reads it: one sheet per category, the agency and the
 * period in the header, one row per agency, a totals row summing counts and amounts (not rates), the note on categories
 * the system has no data for; read back with POI, and printed to PDF by LibreOffice where it is installed.
 */
class AnnualStatisticsWorkbookTest {

	@Test
	void oneSheetPerCategoryWithHeaderRowsAndTotals() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook()))) {
			List<String> names = new ArrayList<>();
			book.forEach(s -> names.add(s.getSheetName()));
			assertThat(names).containsExactlyElementsOf(AnnualFigures.CATEGORIES.stream().map(AnnualFigures.Category::sheet).toList());
			DataFormatter format = new DataFormatter(java.util.Locale.CHINA);
			XSSFSheet penalty = book.getSheet("行政处罚");
			assertThat(penalty.getRow(0).getCell(0).getStringCellValue()).startsWith("行政处罚").contains("2026年度");
			assertThat(penalty.getRow(1).getCell(0).getStringCellValue()).contains("执法主体：全部执法主体", "统计期间：2026年1月1日至2026年12月31日");
			assertThat(texts(penalty.getRow(3), format)).startsWith("序号", "执法主体", "状态", "作出处罚决定（件）", "其中：简易程序（件）");
			assertThat(texts(penalty.getRow(4), format)).startsWith("1", "寥廓街道综合行政执法队", "已向社会公开", "12", "5");
			assertThat(texts(penalty.getRow(5), format)).startsWith("2", "某区市场监督管理局", "已报送司法局", "3", "0");
			assertThat(texts(penalty.getRow(6), format)).startsWith("合计", "共 2 条", "", "15", "5");
			// the fine amounts add up
			int fineAmount = 3 + AnnualFigures.CATEGORIES.get(0).indicators().stream().map(AnnualFigures.Indicator::key).toList()
				.indexOf("penalty.fineAmount");
			assertThat(penalty.getRow(6).getCell(fineAmount).getNumericCellValue()).isEqualTo(23_500.5);
			// a rate is not summed
			XSSFSheet review = book.getSheet("法制审核");
			int rate = 3 + AnnualFigures.CATEGORIES.stream().filter(c -> c.key().equals("review")).findFirst().orElseThrow()
				.indicators().stream().map(AnnualFigures.Indicator::key).toList().indexOf("review.onTimePercent");
			assertThat(review.getRow(4).getCell(rate).getNumericCellValue()).isEqualTo(87.5);
			assertThat(review.getRow(6).getCell(rate)).isNull();
			// no data yet: said so, and 0
			XSSFSheet fees = book.getSheet("行政收费");
			assertThat(fees.getRow(0).getCell(0).getStringCellValue()).contains("本系统尚无行政收费数据，按 0 填报");
			assertThat(texts(fees.getRow(6), format)).startsWith("合计", "共 2 条", "", "0", "0");
		}
	}

	@Test
	void libreOfficePrintsIt() throws Exception {
		LibreOffice.require();
		LibreOffice.inTemporaryFolder("zhifa-annual-lo", dir -> {
			String text = LibreOffice.printedText(dir, "annual", workbook(), "the workbook");
			assertThat(text).contains("行政处罚", "行政强制", "行政收费", "法制审核", "寥廓街道综合行政执法队", "某区市场监督管理局",
					"2026年1月1日至2026年12月31日", "作出处罚决定（件）", "合计").containsPattern("共\\s*2\\s*条");
		});
	}

	static byte[] workbook() throws Exception {
		Map<String, Number> a = figures();
		a.put("penalty.decisions", 12L);
		a.put("penalty.summary", 5L);
		a.put("penalty.fineAmount", 20_000.5);
		a.put("review.rounds", 8L);
		a.put("review.roundsOnTime", 7L);
		a.put("review.onTimePercent", 87.5);
		Map<String, Number> b = figures();
		b.put("penalty.decisions", 3L);
		b.put("penalty.fineAmount", 3_500L);
		b.put("review.onTimePercent", null);
		List<Report> reports = List.of(report("LIAOKUO", "寥廓街道综合行政执法队", "PUBLISHED", a),
				report("QLSCJ", "某区市场监督管理局", "SUBMITTED", b));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AnnualStatisticsWorkbook.write(2026, "全部执法主体", reports, "2027-01-20 10:00", out);
		return out.toByteArray();
	}

	static Map<String, Number> figures() {
		Map<String, Number> f = new LinkedHashMap<>();
		AnnualFigures.indicators().forEach(i -> f.put(i.key(), 0L));
		return f;
	}

	static Report report(String code, String name, String status, Map<String, Number> figures) {
		Instant t = Instant.parse("2027-01-10T02:00:00Z");
		return new Report(code, name, 2026, status, figures, t, 0, "office1", t, "reviewer1", t, t, t, true, t, t, true, "pi");
	}

	static List<String> texts(Row row, DataFormatter format) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			Cell c = row.getCell(i);
			texts.add(c == null ? "" : format.formatCellValue(c));
		}
		return texts;
	}
}
