package cn.zhifa.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.zhifa.ledger.LedgerWriter;
import cn.zhifa.ledger.LedgerWriter.Column;
import cn.zhifa.ledger.LedgerWriter.SheetData;
import cn.zhifa.statistics.AnnualFigures.Category;
import cn.zhifa.statistics.AnnualFigures.Indicator;
import cn.zhifa.statistics.AnnualStatisticsService.Report;

/**
 * The annual statistics (R-DISC-7) as the justice bureau collects them: one sheet per category (行政处罚, 行政强制, …),
 * one row per agency, one column per figure, the totals row of {@link LedgerWriter} (counts and amounts summed; rates
 * not), the agency and period in the header, and under the title where the figures come from (or that the system has
 * no data for the category yet).
 */
final class AnnualStatisticsWorkbook {

	private AnnualStatisticsWorkbook() {
	}

	/** Writes the reports (one agency or several, all of {@code year}) to {@code out}. */
	public static void write(int year, String agencies, List<Report> reports, String exportedAt, OutputStream out)
			throws IOException {
		String heading = "执法主体：" + agencies + "    统计期间：" + year + "年1月1日至" + year + "年12月31日    导出时间：" + exportedAt;
		List<SheetData> sheets = new ArrayList<>();
		for (Category c : AnnualFigures.CATEGORIES) {
			List<Column> columns = new ArrayList<>();
			columns.add(Column.text("执法主体", 28));
			columns.add(Column.text("状态", 14));
			for (Indicator i : c.indicators()) {
				int width = Math.max(10, Math.min(24, i.label().length() + 2));
				columns.add(i.unit() == AnnualFigures.Unit.PERCENT ? Column.number(i.label(), width) : Column.sum(i.label(), width));
			}
			sheets.add(new SheetData(c.sheet(), c.title() + "（" + year + "年度）　说明：" + c.note(), columns, sink -> {
				for (Report r : reports) {
					Object[] row = new Object[columns.size()];
					row[0] = r.agencyName() == null ? r.agencyCode() : r.agencyName();
					row[1] = r.statusLabel();
					int k = 2;
					for (Indicator i : c.indicators()) {
						row[k++] = r.figures().get(i.key());
					}
					sink.accept(row);
				}
			}, "该年度尚无执法主体的统计数据。"));
		}
		new LedgerWriter().write(heading, sheets, out);
	}
}
