package cn.zhifa.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import cn.zhifa.calendar.WorkingDayCalendar;

/**
 * The figures of the annual statistics (行政执法统计年报, R-DISC-7) of one agency and year, computed from where the
 * data live (the same tables as the ledgers, {@code cn.zhifa.ledger.Ledgers}): decided cases ({@code zf_case}) with
 * the decision's variables in the engine's history ({@code ACT_HI_VARINST}: decisionKind, fineAmount, …), coercive
 * measures from the engine's activity history ({@code ACT_HI_ACTINST} of {@code enforcement-case}), legal reviews
 * and their rounds ({@code zf_legal_review}, {@code zf_review_round}), transfers ({@code zf_transfer}),
 * complaints ({@code zf_complaint}) and disclosures ({@code zf_disclosure}). Categories the system has no data for
 * yet (行政收费, 行政检查) are 0 with a note; nothing is invented. The year is the Beijing calendar year.
 */
@Component
public class AnnualFigures {

	public enum Unit {
		/** 件 / 次: summed in a totals row. */
		COUNT,
		/** 元: summed in a totals row. */
		AMOUNT,
		/** %: not summed. */
		PERCENT
	}

	/** One figure: key (in the JSON), Chinese label, unit. */
	public record Indicator(String key, String label, Unit unit) {
	}

	/** A category: key, sheet name, title, its figures, and a note on where the data come from (or that there are none). */
	public record Category(String key, String sheet, String title, List<Indicator> indicators, String note) {
	}

	static Indicator count(String key, String label) {
		return new Indicator(key, label, Unit.COUNT);
	}

	static Indicator amount(String key, String label) {
		return new Indicator(key, label, Unit.AMOUNT);
	}

	static Indicator percent(String key, String label) {
		return new Indicator(key, label, Unit.PERCENT);
	}

	/** Fine bands (元): upper bounds, inclusive; the last band is open. */
	static final double[] FINE_BANDS = { 200, 10_000, 100_000 };

	public static final List<Category> CATEGORIES = List.of(
			new Category("penalty", "行政处罚", "行政处罚（按作出决定的日期统计）", List.of(count("penalty.decisions", "作出处罚决定（件）"),
					count("penalty.summary", "其中：简易程序（件）"), count("penalty.ordinary", "其中：普通程序（件）"),
					count("penalty.warning", "警告、通报批评（件）"), count("penalty.fine", "罚款（件）"),
					amount("penalty.fineAmount", "罚款金额（元）"), count("penalty.fineBand1", "罚款200元及以下（件）"),
					count("penalty.fineBand2", "罚款200元以上至1万元（件）"), count("penalty.fineBand3", "罚款1万元以上至10万元（件）"),
					count("penalty.fineBand4", "罚款10万元以上（件）"), count("penalty.confiscation", "没收违法所得、没收非法财物（件）"),
					amount("penalty.confiscationAmount", "没收金额（元）"), count("penalty.licence", "暂扣、吊销许可证件，降低资质等级（件）"),
					count("penalty.suspension", "限制开展生产经营活动、责令停产停业、责令关闭、限制从业（件）"),
					count("penalty.noPenalty", "不予行政处罚（件）")),
					"来源：本系统办理的执法案件（作出决定的日期在本年度内）；处罚种类和罚没金额取自案件的处罚决定。一件决定可并处多种处罚。"),
			new Category("coercion", "行政强制", "行政强制", List.of(count("coercion.seizure", "实施查封、扣押（件）"),
					count("coercion.demand", "催告当事人履行（件）"), count("coercion.court", "申请人民法院强制执行（件）")),
					"来源：执法案件流程中已办理的查封扣押、催告和申请法院强制执行步骤。"),
			new Category("permit", "行政许可", "行政许可", List.of(count("permit.decisions", "公示的行政许可决定（件）")),
					"本系统尚无行政许可办理流程：仅统计在本系统公示的行政许可决定，许可办理系统的数据接入前不含其他许可。"),
			new Category("expropriation", "行政征收征用", "行政征收征用", List.of(count("expropriation.decisions", "公示的征收征用决定（件）")),
					"本系统尚无行政征收征用办理流程：仅统计在本系统公示的征收征用决定。"),
			new Category("fees", "行政收费", "行政收费", List.of(count("fees.items", "行政收费（件）"), amount("fees.amount", "收费金额（元）")),
					"本系统尚无行政收费数据，按 0 填报；收费数据接入后自动统计。"),
			new Category("inspection", "行政检查", "行政检查", List.of(count("inspection.items", "行政检查（次）"),
					count("inspection.violations", "其中：发现违法行为（次）"), count("inspection.published", "检查结果公示（件）")),
					"来源：本系统办理的“双随机、一公开”抽查（检查结论日期在本年度内，每个抽中对象一次）；未在本系统登记的日常检查不含在内。"),
			new Category("review", "法制审核", "重大执法决定法制审核", List.of(count("review.concluded", "审核办结（件）"),
					count("review.passed", "其中：审核通过（件）"), count("review.notPassed", "其中：审核未通过（件）"),
					count("review.suspectedCrime", "其中：认定涉嫌犯罪（件）"), count("review.rounds", "作出审核意见（轮次）"),
					count("review.roundsOnTime", "其中：按期（轮次）"), percent("review.onTimePercent", "法制审核按期率（%）")),
					"来源：法制审核（办结日期、审核意见日期在本年度内）；按期指在5个工作日（延长的8个工作日）内作出审核意见。"),
			new Category("transfer", "案件移送", "案件移送", List.of(count("transfer.criminal", "涉嫌犯罪案件移送（件）"),
					count("transfer.case", "案件移送（件）"), count("transfer.discipline", "纪检监察移送（件）"),
					count("transfer.total", "合计（件）"), count("transfer.late", "其中：逾期移送（件）")),
					"来源：移送（发起日期在本年度内）。"),
			new Category("complaint", "投诉举报", "投诉举报", List.of(count("complaint.received", "收到投诉举报（件）"),
					count("complaint.accepted", "受理（件）"), count("complaint.notAccepted", "不予受理（件）"),
					count("complaint.replied", "已答复（件）"), count("complaint.repliedOnTime", "其中：按期答复（件）"),
					count("complaint.cases", "立案查处（件）")),
					"来源：投诉举报登记（收到日期在本年度内）。"),
			new Category("disclosure", "执法公示", "执法决定公示", List.of(count("disclosure.published", "公示执法决定（件）"),
					count("disclosure.onTime", "其中：按期公示（件）"), percent("disclosure.onTimePercent", "公示及时率（%）"),
					count("disclosure.withdrawn", "撤回公示（件）")),
					"来源：执法决定公示（首次公示日期在本年度内）；按期指在7个（20个）工作日的公示期限内公示。"));

	private final JdbcTemplate jdbc;

	AnnualFigures(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
	}

	/** Every figure of {@link #CATEGORIES} for the agency and Beijing calendar year, in their order. */
	public Map<String, Number> compute(String agency, int year) {
		Map<String, Number> f = new LinkedHashMap<>();
		for (Category c : CATEGORIES) {
			for (Indicator i : c.indicators()) {
				f.put(i.key(), 0L);
			}
		}
		var from = WorkingDayCalendar.startOfDay(LocalDate.of(year, 1, 1)).atOffset(ZoneOffset.UTC);
		var until = WorkingDayCalendar.startOfDay(LocalDate.of(year + 1, 1, 1)).atOffset(ZoneOffset.UTC);
		penalties(f, agency, from, until);
		coercion(f, agency, Timestamp.from(from.toInstant()), Timestamp.from(until.toInstant()));

		jdbc.query("""
				SELECT decision_type, COUNT(*) FROM zf_disclosure WHERE agency_code = ? AND version = 1
				  AND published_at >= ? AND published_at < ? AND decision_type IN ('PERMIT', 'EXPROPRIATION') GROUP BY decision_type""",
				(RowCallbackHandler) rs -> f.put("PERMIT".equals(rs.getString(1)) ? "permit.decisions" : "expropriation.decisions",
						rs.getLong(2)), agency, from, until);

		jdbc.query("""
				SELECT COUNT(*), SUM(CASE WHEN result = 'VIOLATION' THEN 1 ELSE 0 END),
				       SUM(CASE WHEN published_at IS NOT NULL THEN 1 ELSE 0 END)
				FROM zf_inspection WHERE agency_code = ? AND concluded_at >= ? AND concluded_at < ?""", (RowCallbackHandler) rs -> {
			f.put("inspection.items", rs.getLong(1));
			f.put("inspection.violations", rs.getLong(2));
			f.put("inspection.published", rs.getLong(3));
		}, agency, from, until);

		jdbc.query("""
				SELECT result, COUNT(*) FROM zf_legal_review WHERE agency_code = ? AND concluded_at >= ? AND concluded_at < ?
				GROUP BY result""", (RowCallbackHandler) rs -> {
			long n = rs.getLong(2);
			f.merge("review.concluded", n, AnnualFigures::add);
			String key = switch (String.valueOf(rs.getString(1))) {
				case "PASSED" -> "review.passed";
				case "NOT_PASSED" -> "review.notPassed";
				case "SUSPECTED_CRIME" -> "review.suspectedCrime";
				default -> null;
			};
			if (key != null) {
				f.merge(key, n, AnnualFigures::add);
			}
		}, agency, from, until);
		jdbc.query("""
				SELECT COUNT(*), SUM(CASE WHEN x.decided_on_time = TRUE THEN 1 ELSE 0 END) FROM zf_review_round x
				JOIN zf_legal_review r ON r.id = x.review_id
				WHERE r.agency_code = ? AND x.decided_at >= ? AND x.decided_at < ?""", (RowCallbackHandler) rs -> {
			f.put("review.rounds", rs.getLong(1));
			f.put("review.roundsOnTime", rs.getLong(2));
		}, agency, from, until);
		f.put("review.onTimePercent", percent(f.get("review.roundsOnTime"), f.get("review.rounds")));

		jdbc.query("""
				SELECT kind, COUNT(*), SUM(CASE WHEN handed_over_on_time = FALSE THEN 1 ELSE 0 END) FROM zf_transfer
				WHERE agency_code = ? AND opened_at >= ? AND opened_at < ? GROUP BY kind""", (RowCallbackHandler) rs -> {
			String key = switch (String.valueOf(rs.getString(1))) {
				case "CRIMINAL" -> "transfer.criminal";
				case "CASE" -> "transfer.case";
				case "DISCIPLINE" -> "transfer.discipline";
				default -> null;
			};
			if (key != null) {
				f.merge(key, rs.getLong(2), AnnualFigures::add);
			}
			f.merge("transfer.total", rs.getLong(2), AnnualFigures::add);
			f.merge("transfer.late", rs.getLong(3), AnnualFigures::add);
		}, agency, from, until);

		jdbc.query("""
				SELECT COUNT(*),
				       SUM(CASE WHEN status IN ('ACCEPTED', 'REPLIED') THEN 1 ELSE 0 END),
				       SUM(CASE WHEN status = 'NOT_ACCEPTED' THEN 1 ELSE 0 END),
				       SUM(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END),
				       SUM(CASE WHEN replied_on_time = TRUE THEN 1 ELSE 0 END),
				       SUM(CASE WHEN case_no IS NOT NULL THEN 1 ELSE 0 END)
				FROM zf_complaint WHERE agency_code = ? AND submitted_at >= ? AND submitted_at < ?""", (RowCallbackHandler) rs -> {
			f.put("complaint.received", rs.getLong(1));
			f.put("complaint.accepted", rs.getLong(2));
			f.put("complaint.notAccepted", rs.getLong(3));
			f.put("complaint.replied", rs.getLong(4));
			f.put("complaint.repliedOnTime", rs.getLong(5));
			f.put("complaint.cases", rs.getLong(6));
		}, agency, from, until);

		jdbc.query("""
				SELECT COUNT(*), SUM(CASE WHEN delay_working_days = 0 THEN 1 ELSE 0 END)
				FROM zf_disclosure WHERE agency_code = ? AND version = 1 AND published_at >= ? AND published_at < ?""",
				(RowCallbackHandler) rs -> {
					f.put("disclosure.published", rs.getLong(1));
					f.put("disclosure.onTime", rs.getLong(2));
				}, agency, from, until);
		jdbc.query("""
				SELECT COUNT(DISTINCT item_no) FROM zf_disclosure WHERE agency_code = ? AND withdrawn_at >= ? AND withdrawn_at < ?""",
				(RowCallbackHandler) rs -> f.put("disclosure.withdrawn", rs.getLong(1)), agency, from, until);
		f.put("disclosure.onTimePercent", percent(f.get("disclosure.onTime"), f.get("disclosure.published")));
		return f;
	}

	/** The decided cases of the year with the variables of their decisions (engine history), one pass. */
	private void penalties(Map<String, Number> f, String agency, Object from, Object until) {
		Map<String, Decision> decisions = new HashMap<>();
		jdbc.query("""
				SELECT c.case_no, c.summary_procedure, v.NAME_, v.TEXT_, v.LONG_, v.DOUBLE_
				FROM zf_case c LEFT JOIN ACT_HI_VARINST v ON v.PROC_INST_ID_ = c.process_instance_id
				     AND v.NAME_ IN ('decisionKind', 'summaryPenaltyKind', 'fineAmount', 'confiscationValue', 'revokesLicence',
				                     'downgradesQualification', 'ordersSuspension', 'restrictsOccupation')
				WHERE c.agency_code = ? AND c.decided_at >= ? AND c.decided_at < ?""", (RowCallbackHandler) rs -> {
			Decision d = decisions.computeIfAbsent(rs.getString(1), k -> new Decision());
			d.summary = rs.getBoolean(2);
			String name = rs.getString(3);
			if (name == null) {
				return;
			}
			String text = rs.getString(4);
			long longValue = rs.getLong(5);
			boolean hasLong = !rs.wasNull();
			double doubleValue = rs.getDouble(6);
			boolean hasDouble = !rs.wasNull();
			double number = hasDouble ? doubleValue : hasLong ? longValue : parse(text);
			switch (name) {
				case "decisionKind" -> d.kind = text;
				case "summaryPenaltyKind" -> d.summaryKind = text;
				case "fineAmount" -> d.fine = Math.max(d.fine, number);
				case "confiscationValue" -> d.confiscation = Math.max(d.confiscation, number);
				case "revokesLicence", "downgradesQualification" -> d.licence |= number > 0 || "true".equals(text);
				case "ordersSuspension", "restrictsOccupation" -> d.suspension |= number > 0 || "true".equals(text);
				default -> {
				}
			}
		}, agency, from, until);
		for (Decision d : decisions.values()) {
			if ("NO_PENALTY".equals(d.kind)) {
				f.merge("penalty.noPenalty", 1L, AnnualFigures::add);
				continue;
			}
			f.merge("penalty.decisions", 1L, AnnualFigures::add);
			f.merge(d.summary ? "penalty.summary" : "penalty.ordinary", 1L, AnnualFigures::add);
			if (d.fine > 0) {
				f.merge("penalty.fine", 1L, AnnualFigures::add);
				f.merge("penalty.fineAmount", d.fine, AnnualFigures::add);
				int band = 1;
				while (band <= FINE_BANDS.length && d.fine > FINE_BANDS[band - 1]) {
					band++;
				}
				f.merge("penalty.fineBand" + band, 1L, AnnualFigures::add);
			}
			if (d.confiscation > 0) {
				f.merge("penalty.confiscation", 1L, AnnualFigures::add);
				f.merge("penalty.confiscationAmount", d.confiscation, AnnualFigures::add);
			}
			if (d.licence) {
				f.merge("penalty.licence", 1L, AnnualFigures::add);
			}
			if (d.suspension) {
				f.merge("penalty.suspension", 1L, AnnualFigures::add);
			}
			if ("WARNING".equals(d.summaryKind) || (d.fine <= 0 && d.confiscation <= 0 && !d.licence && !d.suspension)) {
				f.merge("penalty.warning", 1L, AnnualFigures::add);
			}
		}
	}

	/** 查封扣押, 催告, 申请法院强制执行: steps of {@code enforcement-case} completed in the year (engine history, tenant = agency). */
	private void coercion(Map<String, Number> f, String agency, Timestamp from, Timestamp until) {
		jdbc.query("""
				SELECT ACT_ID_, COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_ACTINST
				WHERE TENANT_ID_ = ? AND PROC_DEF_KEY_ = 'enforcement-case'
				  AND ACT_ID_ IN ('serviceTask_startSeizure', 'userTask_serveDemandNotice', 'userTask_applyToCourt')
				  AND END_TIME_ >= ? AND END_TIME_ < ? GROUP BY ACT_ID_""", (RowCallbackHandler) rs -> {
			String key = switch (rs.getString(1)) {
				case "serviceTask_startSeizure" -> "coercion.seizure";
				case "userTask_serveDemandNotice" -> "coercion.demand";
				default -> "coercion.court";
			};
			f.put(key, rs.getLong(2));
		}, agency, from, until);
	}

	private static final class Decision {
		boolean summary;
		String kind;
		String summaryKind;
		double fine;
		double confiscation;
		boolean licence;
		boolean suspension;
	}

	private static double parse(String text) {
		if (text == null) {
			return 0;
		}
		try {
			return Double.parseDouble(text.trim());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}

	static Number add(Number a, Number b) {
		if (a instanceof Double || b instanceof Double) {
			return a.doubleValue() + b.doubleValue();
		}
		return a.longValue() + b.longValue();
	}

	/** part / whole in %, one decimal; null when whole is 0 (nothing to rate). */
	static Double percent(Number part, Number whole) {
		if (whole == null || whole.longValue() == 0) {
			return null;
		}
		return Math.round(part.doubleValue() * 1000.0 / whole.doubleValue()) / 10.0;
	}

	/** The indicators of every category, in order. */
	public static List<Indicator> indicators() {
		List<Indicator> all = new ArrayList<>();
		CATEGORIES.forEach(c -> all.addAll(c.indicators()));
		return all;
	}
}
