/**
 * Legal review of major decisions (重大执法决定法制审核, R-REV-1…8).
 *
 * <p>Process {@code legal-review} ({@code processes/legal-review.bpmn}): the review office checks
 * the materials; the 5-working-day clock (R-REV-3) starts when they are accepted; a legal reviewer of
 * the same agency, never the handler (回避), fills the R-REV-4 checklist and writes the opinion; once
 * per round the period may be extended by 3 working days. "Needs correction" opinions go back to the
 * handler and start a new round (R-REV-5); a handler who disagrees goes to process
 * {@code review-disagreement}: negotiation, then the principal head rules on both opinions (R-REV-6),
 * and who decided what is recorded (R-REV-7). Every round, opinion and ruling is kept in
 * {@code zf_legal_review}, {@code zf_review_round} and {@code zf_review_disagreement}.
 *
 * <p>Walkthrough for users: {@code docs/legal-review.md}.
 */
package cn.zhifa.legalreview;
