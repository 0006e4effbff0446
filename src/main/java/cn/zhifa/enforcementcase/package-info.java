/**
 * Enforcement case lifecycle (执法案件全过程): process {@code enforcement-case} from the case
 * source to the archive — registration, filing by the head (15 working days), jurisdiction and
 * transfer, investigation by two certified officers with seizure, investigation report, discretion
 * benchmark (R-DISCR-1/2), suspected crime (R-COORD-2), prior notice and hearing (R-PROC-1), the
 * major-decision catalogue and legal review (R-REV-1/2) with collective discussion, decision,
 * service, disclosure (R-DISC-3), execution, closing and discipline transfer (R-COORD-3); the
 * 90-day limit from filing to decision; and the summary procedure for on-the-spot fines.
 *
 * <p>{@link DecisionGate} is the hard legal-review gate (R-REV-1): it is enforced by an engine
 * plugin for every process, so an edited model cannot skip the review. Walkthrough:
 * {@code docs/enforcement-case.md}.
 */
package cn.zhifa.enforcementcase;
