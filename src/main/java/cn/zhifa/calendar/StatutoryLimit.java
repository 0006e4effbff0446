package cn.zhifa.calendar;

/**
 * One entry of {@code calendar/statutory-limits.yml}, e.g. {@code HEARING_REQUEST}: 5 working days,
 * set by {@code ADMINISTRATIVE_PENALTY_LAW} (whose art. 85 makes its 5 days working days),
 * "当事人要求听证", with its legal basis.
 */
public record StatutoryLimit(String key, int amount, String statute, LimitUnit unit, String label, String basis) {
}
