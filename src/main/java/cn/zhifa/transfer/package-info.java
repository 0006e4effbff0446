/**
 * Transfers out of an enforcement case (R-COORD-1…3, R-COORD-5).
 *
 * <p>Process {@code criminal-transfer} (两法衔接, 国务院令第310号, R-COORD-2): the head approves or refuses
 * within 3 days of the report; an approved case goes to the public security organ within 24 hours with
 * the 涉嫌犯罪案件移送书 and its attachments, copied to the procuratorate and the justice bureau and
 * reported to the next-level agency; the police decide on filing within 3 days (message
 * {@code transfer.policeDecision}); after a refusal the agency may ask for reconsideration within 3 days
 * and/or for filing supervision ({@code transfer.reconsiderationResult}); after filing it hands over the
 * evidence and waits for the judicial outcome ({@code transfer.judicialOutcome}). The caller learns
 * {@code mayDecideAdministratively}.
 *
 * <p>Process {@code case-transfer} (R-COORD-1, R-COORD-5): the head signs the 案件移送书 within 3 working
 * days (24 hours when urgent); a receiving agency on Zhifa gets the case in its queue and answers with
 * {@code transfer.accepted} / {@code transfer.refused}, an outside agency's hand-over and feedback are
 * recorded by the officer; a refusal goes to negotiation, then to the justice bureau for coordination.
 *
 * <p>Process {@code discipline-transfer} (R-COORD-3): clues and the penalty decision of a penalised Party
 * member or public official go to the discipline inspection organ within 10 working days after closing,
 * signed by the unit head.
 *
 * <p>Every transfer and step is kept in {@code zf_transfer} / {@code zf_transfer_step}; external answers
 * come in through {@code /api/transfers/{processInstanceId}/…}; {@code GET /api/supervision/untransferred}
 * lists suspected crimes not transferred in time (应移送未移送). Walkthrough: {@code docs/transfers.md}.
 */
package cn.zhifa.transfer;
