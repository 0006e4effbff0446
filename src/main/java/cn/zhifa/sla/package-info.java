/**
 * SLA: warnings before and breaches at the statutory deadline of any process step (R-COORD-8,
 * R-REV-3), and the notifications they send. Models attach non-interrupting timer boundary events
 * to a task and call the generic delegates {@code #{slaWarning}} and {@code #{slaBreach}}; a breach
 * only records and notifies — it never completes or approves anything.
 */
package cn.zhifa.sla;
