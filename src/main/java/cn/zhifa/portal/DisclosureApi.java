package cn.zhifa.portal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.disclosure.DisclosurePage;
import cn.zhifa.disclosure.DisclosureQuery;
import cn.zhifa.disclosure.PublicDisclosure;
import cn.zhifa.disclosure.PublicDisclosures;
import cn.zhifa.platform.problem.Problem;

import static cn.zhifa.portal.Html.esc;

/**
 * Machine access for other platforms (R-DISC-3): {@code GET /public/api/disclosures?agency=&type=&category=&from=&to=&q=&page=&size=}
 * (JSON page: items, page, size, hasNext), {@code GET /public/api/disclosures/{itemNo}} and the Atom
 * feed {@code GET /public/feed/disclosures.atom} (the latest 50 publications and withdrawals). Errors are
 * problem details ({@link Problem}), like every JSON API of Zhifa.
 */
@RestController
class DisclosureApi {

	static final MediaType ATOM = new MediaType("application", "atom+xml", java.nio.charset.StandardCharsets.UTF_8);

	private final PublicDisclosures disclosures;

	DisclosureApi(PublicDisclosures disclosures) {
		this.disclosures = disclosures;
	}

	@GetMapping("/public/api/disclosures")
	ResponseEntity<DisclosurePage> search(@RequestParam(required = false) String agency,
			@RequestParam(required = false) String type, @RequestParam(required = false) String category,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		DisclosureQuery query = SearchParameters.parse(agency, type, category, from, to, q, page, size);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(10, TimeUnit.SECONDS).cachePublic())
			.body(disclosures.search(query));
	}

	@GetMapping("/public/api/disclosures/{itemNo}")
	ResponseEntity<PublicDisclosure> one(@PathVariable String itemNo) {
		return disclosures.find(itemNo).map(d -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic()).body(d))
			.orElseThrow(() -> Problem.notFound("itemNo", "没有这条公示：" + itemNo));
	}

	@GetMapping("/public/feed/disclosures.atom")
	ResponseEntity<String> feed() {
		DisclosurePage latest = disclosures.search(new DisclosureQuery(null, null, null, null, null, null, 1, 50));
		Instant updated = latest.items().stream().map(d -> d.withdrawnAt() != null ? d.withdrawnAt() : d.publishedAt())
			.max(Instant::compareTo).orElse(Instant.EPOCH);
		StringBuilder x = new StringBuilder(16384);
		x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.append("<title>行政执法决定公示</title><id>urn:zhifa:disclosures</id>")
			.append("<link rel=\"self\" href=\"/public/feed/disclosures.atom\"/><link href=\"/public/disclosures\"/>")
			.append("<updated>").append(DateTimeFormatter.ISO_INSTANT.format(updated)).append("</updated>")
			.append("<author><name>行政执法公示平台</name></author>");
		for (PublicDisclosure d : latest.items()) {
			Instant when = d.withdrawnAt() != null ? d.withdrawnAt() : d.publishedAt();
			x.append("<entry><id>urn:zhifa:disclosure:").append(esc(d.itemNo())).append(':').append(d.version())
				.append(d.withdrawn() ? ":withdrawn" : "").append("</id><title>").append(d.withdrawn() ? "【已撤回】" : "")
				.append(d.corrected() && !d.withdrawn() ? "【已更正】" : "").append(esc(d.agencyName())).append(' ')
				.append(esc(d.decisionNumber())).append("</title><link href=\"/public/disclosures/").append(esc(d.itemNo()))
				.append("\"/><updated>").append(DateTimeFormatter.ISO_INSTANT.format(when)).append("</updated>")
				.append("<published>").append(DateTimeFormatter.ISO_INSTANT.format(d.publishedAt())).append("</published>")
				.append("<category term=\"").append(esc(d.decisionType())).append("\" label=\"").append(esc(d.decisionTypeLabel()))
				.append("\"/><summary>");
			if (d.withdrawn()) {
				x.append("已撤回：").append(esc(d.withdrawalReason()));
			}
			else {
				x.append(esc(d.decisionTypeLabel())).append("；执法对象：").append(esc(d.partyName())).append("；执法结论：")
					.append(esc(d.conclusion()));
			}
			x.append("</summary></entry>");
		}
		x.append("</feed>");
		return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic())
			.body(x.toString());
	}
}
