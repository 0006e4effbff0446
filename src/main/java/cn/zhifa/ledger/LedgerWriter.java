package cn.zhifa.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * The one streaming writer of every ledger (issue 19 §2): a workbook of one or more sheets, each with
 * a title, the agency and period line, a header row of Chinese column names, the rows as they come
 * from their source (never held in memory: Apache POI's {@link SXSSFWorkbook} keeps only the last
 * {@code window} rows of a sheet and writes older ones to a temporary file, removed when the
 * workbook is closed), and a totals row: the number of rows, the sum of numeric columns marked
 * {@link Total#SUM} and the count per value of columns marked {@link Total#TALLY}.
 * <p>
 * Values by column type: {@link Type#TEXT} any object as its text (a string cell: never evaluated as a
 * formula); {@link Type#NUMBER} a {@link Number}; {@link Type#DATE} a {@link LocalDate} shown as
 * 2026年1月5日; {@link Type#TIME} an {@link Instant} shown in Beijing time as 2026-01-05 09:30. A
 * {@code null} leaves the cell empty.
 */
public final class LedgerWriter {

	/** Rows of a sheet kept in memory; older rows are flushed to the sheet's temporary file. */
	static final int WINDOW = 200;
	/** Rows of one sheet at most (an .xlsx sheet holds 1,048,576); a five-year period stays far below it. */
	static final int MAX_ROWS = 1_000_000;
	/** Distinct values counted in a tally total; more are summed up as 其他. */
	static final int MAX_TALLY = 12;
	/** Dates as Chinese readers write them (2026年1月5日), in Excel's and LibreOffice's format code. */
	static final String DATE_FORMAT = "yyyy\"年\"m\"月\"d\"日\"";
	/** Row index of the header row; data start below it. */
	static final int HEADER_ROW = 3;

	enum Type {
		TEXT, NUMBER, DATE, TIME
	}

	enum Total {
		NONE, SUM, TALLY
	}

	/** A column: its Chinese header, width in characters, value type and total. */
	public record Column(String header, int width, Type type, Total total) {

		public static Column text(String header, int width) {
			return new Column(header, width, Type.TEXT, Total.NONE);
		}

		static Column tally(String header, int width) {
			return new Column(header, width, Type.TEXT, Total.TALLY);
		}

		public static Column number(String header, int width) {
			return new Column(header, width, Type.NUMBER, Total.NONE);
		}

		public static Column sum(String header, int width) {
			return new Column(header, width, Type.NUMBER, Total.SUM);
		}

		static Column date(String header) {
			return new Column(header, 16, Type.DATE, Total.NONE);
		}

		static Column time(String header) {
			return new Column(header, 17, Type.TIME, Total.NONE);
		}
	}

	/** Gives the rows of a sheet one by one, in order, to the sink (one value per column). */
	public interface RowSource {
		void forEach(Consumer<Object[]> sink);
	}

	/** One sheet: its tab name, title, columns, rows and the text shown when there are none. */
	public record SheetData(String name, String title, List<Column> columns, RowSource rows, String empty) {
	}

	/** Called after each data row is written (tests watch the sheet's memory use). */
	interface RowListener {
		void written(SXSSFSheet sheet, long rows);
	}

	private final int window;
	private final RowListener listener;

	public LedgerWriter() {
		this(WINDOW, null);
	}

	LedgerWriter(int window, RowListener listener) {
		this.window = window;
		this.listener = listener;
	}

	/**
	 * Writes the sheets to {@code out}: each sheet's rows are read from its source while it is written;
	 * the temporary files are removed before returning, also on failure. Returns the number of data rows per sheet.
	 */
	public Map<String, Long> write(String heading, List<SheetData> sheets, OutputStream out) throws IOException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (SXSSFWorkbook book = new SXSSFWorkbook(window)) {
			book.setCompressTempFiles(true);
			Styles styles = new Styles(book);
			for (SheetData data : sheets) {
				counts.put(data.name(), sheet(book, styles, heading, data));
			}
			book.write(out);
			out.flush();
		}
		return counts;
	}

	/**
	 * As a clerk prints it: landscape, every column on the width of one page (A3 for a wide ledger, else A4), the title,
	 * period and column headers repeated on each page, 第 n 页，共 m 页 in the footer.
	 */
	private static void printSetup(SXSSFSheet sheet, int widthInCharacters) {
		sheet.setFitToPage(true);
		sheet.setAutobreaks(true);
		PrintSetup print = sheet.getPrintSetup();
		print.setLandscape(true);
		print.setPaperSize(widthInCharacters > WIDE_LEDGER ? PrintSetup.A3_PAPERSIZE : PrintSetup.A4_PAPERSIZE);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + (HEADER_ROW + 1)));
		sheet.getFooter().setCenter("第 &P 页，共 &N 页");
	}

	/** Beyond this width (in characters) a ledger is printed on A3 so that its text stays legible. */
	static final int WIDE_LEDGER = 200;

	private long sheet(SXSSFWorkbook book, Styles styles, String heading, SheetData data) {
		SXSSFSheet sheet = book.createSheet(data.name());
		List<Column> columns = data.columns();
		Cell title = sheet.createRow(0).createCell(0);
		title.setCellValue(data.title());
		title.setCellStyle(styles.title);
		sheet.createRow(1).createCell(0).setCellValue(heading);
		Row header = sheet.createRow(HEADER_ROW);
		cell(header, 0, "序号", styles.header);
		for (int i = 0; i < columns.size(); i++) {
			cell(header, i + 1, columns.get(i).header(), styles.header);
		}
		sheet.createFreezePane(0, HEADER_ROW + 1);
		sheet.setColumnWidth(0, 8 * 256);
		int width = 8;
		for (int i = 0; i < columns.size(); i++) {
			sheet.setColumnWidth(i + 1, Math.min(255, columns.get(i).width() + 2) * 256);
			width += Math.min(255, columns.get(i).width() + 2);
		}
		printSetup(sheet, width);

		double[] sums = new double[columns.size()];
		List<Map<String, Long>> tallies = columns.stream().map(c -> (Map<String, Long>) new LinkedHashMap<String, Long>())
			.toList();
		long[] written = { 0 };
		boolean[] cut = { false };
		data.rows().forEach(values -> {
			if (written[0] >= MAX_ROWS) {
				cut[0] = true;
				return;
			}
			if (values.length != columns.size()) {
				throw new IllegalArgumentException(data.name() + ": " + values.length + " values for " + columns.size() + " columns");
			}
			Row row = sheet.createRow(HEADER_ROW + 1 + (int) written[0]);
			row.createCell(0).setCellValue(written[0] + 1);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				Column column = columns.get(i);
				if (value != null) {
					write(row.createCell(i + 1), column.type(), value, styles);
				}
				if (column.total() == Total.SUM && value instanceof Number n) {
					sums[i] += n.doubleValue();
				}
				else if (column.total() == Total.TALLY) {
					tally(tallies.get(i), value == null ? "（空）" : value.toString());
				}
			}
			written[0]++;
			if (listener != null) {
				listener.written(sheet, written[0]);
			}
		});

		int next = HEADER_ROW + 1 + (int) written[0];
		if (written[0] == 0) {
			sheet.createRow(next++).createCell(0).setCellValue(data.empty());
		}
		Row totals = sheet.createRow(next++);
		cell(totals, 0, "合计", styles.header);
		if (!columns.isEmpty()) {
			cell(totals, 1, "共 " + written[0] + " 条", styles.header);
		}
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			if (column.total() == Total.SUM) {
				totals.createCell(i + 1).setCellValue(sums[i]);
			}
			else if (column.total() == Total.TALLY && written[0] > 0) {
				StringBuilder text = new StringBuilder();
				tallies.get(i).forEach((value, count) -> text.append(text.isEmpty() ? "" : "；").append(value).append(" ")
					.append(count));
				totals.createCell(i + 1).setCellValue(text.toString());
			}
		}
		if (cut[0]) {
			sheet.createRow(next).createCell(0).setCellValue("超过 " + MAX_ROWS + " 条，其余未导出：请缩短期间或按执法主体分别导出。");
		}
		return written[0];
	}

	private static void tally(Map<String, Long> tally, String value) {
		if (tally.containsKey(value) || tally.size() < MAX_TALLY) {
			tally.merge(value, 1L, Long::sum);
		}
		else {
			tally.merge("其他", 1L, Long::sum);
		}
	}

	private static void write(Cell cell, Type type, Object value, Styles styles) {
		switch (type) {
			case NUMBER -> {
				if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else {
					cell.setCellValue(value.toString());
				}
			}
			case DATE -> {
				cell.setCellValue((LocalDate) value);
				cell.setCellStyle(styles.date);
			}
			case TIME -> {
				cell.setCellValue(LocalDateTime.ofInstant((Instant) value, WorkingDayCalendar.SHANGHAI));
				cell.setCellStyle(styles.time);
			}
			default -> cell.setCellValue(Objects.toString(value));
		}
	}

	private static void cell(Row row, int column, String text, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(text);
		cell.setCellStyle(style);
	}

	private static final class Styles {

		final CellStyle title;
		final CellStyle header;
		final CellStyle date;
		final CellStyle time;

		Styles(SXSSFWorkbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			header = book.createCellStyle();
			header.setFont(bold);
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title = book.createCellStyle();
			title.setFont(big);
			var formats = book.getCreationHelper().createDataFormat();
			date = book.createCellStyle();
			date.setDataFormat(formats.getFormat(DATE_FORMAT));
			time = book.createCellStyle();
			time.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
		}
	}
}
