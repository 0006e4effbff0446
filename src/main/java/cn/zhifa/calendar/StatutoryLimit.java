package cn.zhifa.calendar;

/**
 * One entry of {@code calendar/statutory-limits.yml}, e.g. {@code LEGAL_REVIEW}: 5 working days,
 * "重大执法决定法制审核", with its legal basis.
 */
public record StatutoryLimit(String key, int amount, LimitUnit unit, String label, String basis) {
}
