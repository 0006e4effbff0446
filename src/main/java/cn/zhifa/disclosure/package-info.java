/**
 * Disclosure of enforcement decisions (事后公示, R-DISC-3…6) and the data behind the public portal.
 *
 * <p>Process {@code disclosure-publication} ({@code processes/disclosure-publication.bpmn}), started
 * by the case process after a decision is served, or on its own (Tasklist, REST) for decisions made
 * elsewhere: the decision is redacted by the rules in {@code disclosure/redaction-rules.yml}
 * ({@link cn.zhifa.disclosure.RedactionRules}, R-DISC-4) before anybody sees it in the process; the
 * deadline {@code disclosureDueAt} is the decision date plus the working days of decision table
 * {@code disclosure-deadline}; the handler may withhold further passages (trade secret, privacy) with
 * a reason; the general office (党政办) or justice office (司法所) reviews and may return it
 * (R-DISC-6); publication writes a row of {@code zf_disclosure}. A revocation (message
 * {@code disclosure.decisionRevoked}) withdraws it with its reason (R-DISC-5, 行政处罚法 art. 48); a
 * correction (message {@code disclosure.decisionCorrected}) is reviewed again and published as a
 * new version; after the retention period the item leaves the public list (kept in the archive).
 *
 * <p>{@code zf_disclosure} holds only redacted, reviewed text: the unredacted original stays in the
 * process variables, which the portal never reads. The portal reads through {@link
 * cn.zhifa.disclosure.PublicDisclosures} only, which returns published and withdrawn items
 * (withdrawn ones without their content). Walkthrough: {@code docs/disclosure.md}.
 */
package cn.zhifa.disclosure;
