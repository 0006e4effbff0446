/**
 * Officer-qualification guard (R-QUAL-2/3): only an officer of the case's agency whose enforcement
 * certificate is valid on the day may claim or complete an enforcement step, and an investigation
 * step needs two such officers recorded. A user task is an enforcement step when its BPMN carries the
 * extension property {@code enforcementAction} ({@code PENALTY}, {@code COERCION}, {@code PERMIT},
 * {@code INVESTIGATION}, …); an engine plugin adds the guard to every such task, so the rule holds in
 * Tasklist, {@code /engine-rest} and Java alike. Other features call {@link
 * cn.zhifa.qualification.QualificationService} for the same check.
 */
package cn.zhifa.qualification;
