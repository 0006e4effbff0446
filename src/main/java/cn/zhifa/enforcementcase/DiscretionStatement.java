package cn.zhifa.enforcementcase;

import java.math.BigDecimal;

import org.springframework.util.StringUtils;

import cn.zhifa.document.DisplayLabels;

/**
 * R-DISCR-1 (同案同标准): how the discretion benchmark was applied, as one sentence the prior notice and the penalty
 * decision print beside the benchmark's basis — the circumstances, the handling, the benchmark's range, and where the proposed fine
 * stands against it, with the officer's reason when it leaves the range or no benchmark row applies. Written when the
 * penalty is proposed (拟定处罚意见), from the benchmark's result and the proposal; the texts of the codes are
 * {@code templates/labels.yml}'s.
 */
final class DiscretionStatement {

	/** Process variable the documents print ({@code ${discretionStatement}}). */
	static final String FIELD = "discretionStatement";

	private DiscretionStatement() {
	}

	/** What the benchmark gave and what was proposed (values as the process holds them). */
	record Applied(Object circumstance, Object handling, Object fineMin, Object fineMax, Object fineUnit, Object fineAmount, Object goodsValue, String reason, boolean afterConviction) {
	}

	static String of(Applied a, DisplayLabels labels) {
		StringBuilder s = new StringBuilder();
		String circumstance = labels.label("circumstance", a.circumstance());
		String handling = labels.label("handling", a.handling());
		if (circumstance != null) {
			s.append("违法情节").append(circumstance).append("，");
		}
		boolean benchmark = a.fineMin() instanceof Number || a.fineMax() instanceof Number;
		if (!benchmark && handling == null) {
			s.append("本违法行为未列入行政处罚裁量基准，依法行使裁量权");
			return withReason(s, a.reason()).append("。").toString();
		}
		if (handling != null) {
			s.append("依照裁量基准").append(handling);
		}
		if (benchmark) {
			s.append("，基准罚款幅度为").append(range(a, labels));
		}
		if (a.afterConviction()) {
			return s.append("；当事人已被判处刑罚，不再给予罚款（《中华人民共和国行政处罚法》第三十五条）。").toString();
		}
		if (a.fineAmount() instanceof Number amount && benchmark) {
			s.append("；拟罚款").append(number(amount)).append("元，");
			if (outside(a, amount)) {
				s.append("超出基准幅度");
				return withReason(s, a.reason()).append("。").toString();
			}
			s.append("在基准幅度内");
		}
		return withReason(s, a.reason()).append("。").toString();
	}

	private static StringBuilder withReason(StringBuilder s, String reason) {
		return StringUtils.hasText(reason) ? s.append("，理由：").append(reason.strip()) : s;
	}

	private static String range(Applied a, DisplayLabels labels) {
		String unit = a.fineUnit() == null ? "YUAN" : a.fineUnit().toString();
		String low = a.fineMin() instanceof Number n ? number(n) : "0";
		String high = a.fineMax() instanceof Number n ? number(n) : null;
		return switch (unit) {
			case "TIMES_GOODS_VALUE" -> "货值金额的" + low + (high == null ? "倍以上" : "至" + high + "倍")
					+ (a.goodsValue() instanceof Number g ? "（货值金额" + number(g) + "元）" : "");
			case "PERCENT_OF_COST" -> "建设工程造价的" + low + "%" + (high == null ? "以上" : "至" + high + "%");
			default -> low + "元" + (high == null ? "以上" : "至" + high + "元");
		};
	}

	/** Whether the fine leaves the benchmark's range (yuan, or times the goods value when it is known). */
	private static boolean outside(Applied a, Number amount) {
		String unit = a.fineUnit() == null ? "YUAN" : a.fineUnit().toString();
		double factor;
		if ("YUAN".equals(unit)) {
			factor = 1;
		}
		else if ("TIMES_GOODS_VALUE".equals(unit) && a.goodsValue() instanceof Number g) {
			factor = g.doubleValue();
		}
		else {
			return false; // percent of the construction cost: not comparable with yuan
		}
		double value = amount.doubleValue();
		return a.fineMin() instanceof Number min && value < min.doubleValue() * factor
				|| a.fineMax() instanceof Number max && value > max.doubleValue() * factor;
	}

	private static String number(Number n) {
		return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
	}
}
