package cn.zhifa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.xml.parsers.SAXParserFactory;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import cn.zhifa.ledger.LedgerWriter.Column;
import cn.zhifa.ledger.LedgerWriter.SheetData;
import cn.zhifa.support.LibreOffice;

/**
 * The ledgers' one writer: a small ledger read back with POI (title, period line, Chinese headers,
 * dates as Chinese readers expect, totals), and 20,000 rows (a hundred times the window) from an iterator written with
 * never more than the window of rows in memory, the temporary files removed afterwards, every row in the file.
 */
class LedgerWriterTest {

	private static final List<Column> COLUMNS = List.of(Column.text("案号", 20), Column.tally("办理阶段", 10),
			Column.sum("证据（件）", 8), Column.date("发现日期"), Column.time("登记时间"));

	/** The small ledger below, as the bytes of an .xlsx file. */
	private static byte[] smallLedger() throws Exception {
		List<Object[]> rows = List.of(
				new Object[] { "寥街罚〔2026〕1号", "已立案", 2, LocalDate.of(2026, 1, 5), Instant.parse("2026-01-05T01:30:00Z") },
				new Object[] { "=HYPERLINK(\"x\")", "已立案", 3, null, null },
				new Object[] { "寥街罚〔2026〕3号", "已结案", null, LocalDate.of(2026, 3, 9), Instant.parse("2026-03-09T16:05:00Z") });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new LedgerWriter().write("执法主体：寥廓街道综合行政执法队    期间：2026年1月1日 至 2026年12月31日",
				List.of(new SheetData("案件台账", "行政执法案件台账", COLUMNS, sink -> rows.forEach(sink), "没有案件。")), out);
		return out.toByteArray();
	}

	/**
	 * As a clerk opens it (issue 18, issue 19 §2): LibreOffice Calc opens the workbook, prints it to PDF with the Chinese
	 * texts and the dates in Chinese, and saves it again as a workbook POI reads back with the same cells.
	 */
	@Test
	void libreOfficeOpensPrintsAndResavesALedger() throws Exception {
		LibreOffice.require();
		LibreOffice.inTemporaryFolder("zhifa-ledger-lo", dir -> {
			String text = LibreOffice.printedText(dir, "ledger", smallLedger(), "the ledger");
			Path xlsx = dir.resolve("ledger.xlsx");
			// one page in landscape holds every column, with the footer
			assertThat(text.split("\f")).as(text).hasSize(1);
			assertThat(text).contains("行政执法案件台账", "寥廓街道综合行政执法队", "案号", "办理阶段", "登记时间", "寥街罚〔2026〕1号",
					"2026年1月5日", "2026年3月9日", "2026-01-05 09:30", "=HYPERLINK", "已立案 2；已结案 1").containsPattern("共\\s*3\\s*条")
				.containsPattern("第\\s*1\\s*页，共\\s*1\\s*页");
			LibreOffice.convert(List.of(xlsx), "xlsx", dir.resolve("resaved"));
			try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(dir.resolve("resaved/ledger.xlsx")))) {
				DataFormatter format = new DataFormatter(java.util.Locale.CHINA);
				XSSFSheet sheet = book.getSheet("案件台账");
				assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政执法案件台账");
				assertThat(texts(sheet.getRow(3), format)).containsExactly("序号", "案号", "办理阶段", "证据（件）", "发现日期", "登记时间");
				assertThat(texts(sheet.getRow(4), format)).startsWith("1", "寥街罚〔2026〕1号", "已立案", "2");
				assertThat(sheet.getRow(4).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 5));
				assertThat(sheet.getRow(5).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				assertThat(texts(sheet.getRow(7), format)).startsWith("合计", "共 3 条", "已立案 2；已结案 1", "5");
			}
		});
	}

	@Test
	void aSmallLedgerReadsBackWithItsHeadingHeadersTotalsAndChineseDates() throws Exception {
		List<Object[]> rows = List.of(
				new Object[] { "寥街罚〔2026〕1号", "已立案", 2, LocalDate.of(2026, 1, 5), Instant.parse("2026-01-05T01:30:00Z") },
				new Object[] { "=HYPERLINK(\"x\")", "已立案", 3, null, null },
				new Object[] { "寥街罚〔2026〕3号", "已结案", null, LocalDate.of(2026, 3, 9), Instant.parse("2026-03-09T16:05:00Z") });
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Map<String, Long> counts = new LedgerWriter().write("执法主体：寥廓街道综合行政执法队    期间：2026年1月1日 至 2026年12月31日",
				List.of(new SheetData("案件台账", "行政执法案件台账", COLUMNS, sink -> rows.forEach(sink), "没有案件。"),
						new SheetData("空表", "空的台账", COLUMNS, sink -> {
						}, "该期间没有登记的案件。")),
				out);
		assertThat(counts).containsEntry("案件台账", 3L).containsEntry("空表", 0L);

		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			DataFormatter format = new DataFormatter(java.util.Locale.CHINA);
			XSSFSheet sheet = book.getSheet("案件台账");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("行政执法案件台账");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("寥廓街道综合行政执法队", "2026年1月1日 至 2026年12月31日");
			assertThat(texts(sheet.getRow(3), format)).containsExactly("序号", "案号", "办理阶段", "证据（件）", "发现日期", "登记时间");
			assertThat(texts(sheet.getRow(4), format)).startsWith("1", "寥街罚〔2026〕1号", "已立案", "2").endsWith("2026-01-05 09:30");
			// a date cell shown as 2026年1月5日 (POI's formatter does not render quoted literals; Excel and LibreOffice do)
			assertThat(sheet.getRow(4).getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 5));
			assertThat(sheet.getRow(4).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("yyyy\"年\"m\"月\"d\"日\"");
			// a value that looks like a formula stays text
			assertThat(sheet.getRow(5).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(sheet.getRow(5).getCell(4)).isNull();
			// Beijing time: 16:05 UTC is past midnight on the 10th
			assertThat(format.formatCellValue(sheet.getRow(6).getCell(5))).isEqualTo("2026-03-10 00:05");
			assertThat(texts(sheet.getRow(7), format)).containsExactly("合计", "共 3 条", "已立案 2；已结案 1", "5");
			assertThat(sheet.getLastRowNum()).isEqualTo(7);

			XSSFSheet empty = book.getSheet("空表");
			assertThat(empty.getRow(4).getCell(0).getStringCellValue()).isEqualTo("该期间没有登记的案件。");
			assertThat(texts(empty.getRow(5), format)).containsExactly("合计", "共 0 条", "", "0");
		}
	}

	@Test
	void twentyThousandRowsStreamWithOnlyTheWindowInMemory() throws Exception {
		int total = 20_000;
		int window = 200;
		Iterator<Object[]> generated = Stream.iterate(1, i -> i + 1).limit(total)
			.map(i -> new Object[] { "寥街罚〔2026〕" + i + "号", i % 3 == 0 ? "已结案" : "已立案", 1,
					LocalDate.of(2026, 1, 1).plusDays(i % 365), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L) })
			.iterator();
		int[] mostInMemory = { 0 };
		List<java.io.File> tempFilesSeen = new ArrayList<>();
		LedgerWriter writer = new LedgerWriter(window, (sheet, rows) -> {
			if (rows % 1_000 == 0 || rows == total) {
				int inMemory = 0;
				for (Iterator<Row> it = sheet.rowIterator(); it.hasNext(); it.next()) {
					inMemory++;
				}
				mostInMemory[0] = Math.max(mostInMemory[0], inMemory);
				if (rows == total) {
					assertThat(sheet.getLastFlushedRowNum()).isGreaterThan(total - window);
					tempFilesSeen.add(tempFile(sheet));
				}
			}
		});
		Path file = Files.createTempFile("ledger", ".xlsx");
		try {
			try (var out = Files.newOutputStream(file)) {
				Consumer<Consumer<Object[]>> source = sink -> generated.forEachRemaining(sink);
				Map<String, Long> counts = writer.write("执法主体：全部执法主体", List.of(new SheetData("案件台账", "行政执法案件台账",
						COLUMNS, source::accept, "无")), out);
				assertThat(counts).containsEntry("案件台账", (long) total);
			}
			// never more rows in memory than the window (the title, period and header rows are flushed first)
			assertThat(mostInMemory[0]).isPositive().isLessThanOrEqualTo(window);
			// the sheet's temporary file existed while writing and is gone after
			assertThat(tempFilesSeen).isNotEmpty();
			for (java.io.File temp : tempFilesSeen) {
				assertThat(temp).isNotNull().doesNotExist();
			}
			// every row is in the file: read back with POI's streaming reader (a DOM of all rows is what we avoid)
			long[] rows = { 0 };
			String[] lastFirstCell = { null };
			try (OPCPackage pkg = OPCPackage.open(file.toFile())) {
				XSSFReader reader = new XSSFReader(pkg);
				try (InputStream sheet = reader.getSheetsData().next()) {
					SAXParserFactory.newInstance().newSAXParser().parse(sheet, new DefaultHandler() {
						@Override
						public void startElement(String uri, String local, String qName, Attributes attributes) {
							if (qName.equals("row")) {
								rows[0]++;
							}
						}
					});
				}
			}
			// title, period, header, the rows, totals (row 3 of the sheet is empty and not written)
			assertThat(rows[0]).isEqualTo(3 + total + 1);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** The file SXSSF flushes the sheet's rows to (POI keeps it to itself). */
	private static java.io.File tempFile(org.apache.poi.xssf.streaming.SXSSFSheet sheet) {
		try {
			java.lang.reflect.Field writer = org.apache.poi.xssf.streaming.SXSSFSheet.class.getDeclaredField("_writer");
			writer.setAccessible(true);
			Object dataWriter = writer.get(sheet);
			java.lang.reflect.Method file = org.apache.poi.xssf.streaming.SheetDataWriter.class.getDeclaredMethod("getTempFile");
			file.setAccessible(true);
			java.io.File f = (java.io.File) file.invoke(dataWriter);
			assertThat(f).exists();
			return f;
		}
		catch (ReflectiveOperationException e) {
			throw new AssertionError(e);
		}
	}

	private static List<String> texts(Row row, DataFormatter format) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			texts.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
		}
		while (!texts.isEmpty() && texts.get(texts.size() - 1).isEmpty()) {
			texts.remove(texts.size() - 1);
		}
		return texts;
	}
}
