/**
 * Periods that by rule do not count toward a statutory period (行政处罚法 art. 60 with the rules it
 * defers to: hearing, testing/appraisal, public notice, criminal transfer pending). Which steps
 * suspend which period is data ({@code calendar/period-suspensions.yml}, {@link cn.zhifa.suspension.SuspensionRules});
 * an engine plugin watches every process's steps, and while a period is suspended its timers do not
 * fire; when it runs again its due date moves by the suspended days.
 */
package cn.zhifa.suspension;
