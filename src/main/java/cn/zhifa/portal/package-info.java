/**
 * The public disclosure portal (公示平台, R-DISC-1/3/5/7/8): anonymous pages under {@code /public/}
 * — the list of published decisions with search and filters, the detail page, pre-disclosure pages
 * (agencies, officers, procedures with flowcharts rendered from the deployed BPMN, the
 * major-decision catalogue and discretion benchmarks from the deployed DMN, remedies), the service windows' boards
 * ({@code disclosure/windows.yml}, with blank forms of the documents) and yearly
 * figures — plus a JSON API ({@code /public/api/disclosures}) and an Atom feed
 * ({@code /public/feed/disclosures.atom}) for other platforms.
 *
 * <p>Pages are server-rendered HTML in Chinese built with {@link cn.zhifa.portal.Html}, which
 * escapes every value; they work without JavaScript and on phones. The portal reads disclosures only
 * through {@link cn.zhifa.disclosure.PublicDisclosures} (redacted, published or withdrawn); searches
 * are rate-limited per client address ({@link cn.zhifa.portal.SearchRateLimitFilter}); errors show a
 * short Chinese message, never a stack trace. See ADR-0010.
 */
package cn.zhifa.portal;
