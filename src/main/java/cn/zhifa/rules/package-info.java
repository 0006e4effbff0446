/**
 * Rules as data (ADR-0006): the decision tables in {@code dmn/} that legal offices own and edit in
 * Camunda Modeler — the major-decision catalogue (R-REV-2), the discretion benchmarks with the
 * lenient list (R-DISCR-1/2), the AV-recording list (R-REC-2) and the disclosure deadlines
 * (R-DISC-3). Processes call them by the keys in {@link cn.zhifa.rules.DecisionKeys}; the public
 * portal reads the currently deployed version through {@code GET /public/api/rules/{key}} (R-DISC-1),
 * so a redeployed table is what the public sees, with no code change.
 */
package cn.zhifa.rules;
