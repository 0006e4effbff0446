/**
 * Enforcement item lists (行政执法事项清单 / 权责清单, R-QUAL-4, R-DISC-1): each agency's items as versioned data its
 * legal office maintains through the process {@code item-list-change} (proposed, reviewed, published as the next
 * version), seeded from {@code disclosure/item-lists/<agency>.yml}; the portal shows the current list and its history;
 * a case is registered only for a violation on its agency's current list. See docs/item-list.md and ADR-0032.
 */
package cn.zhifa.itemlist;
