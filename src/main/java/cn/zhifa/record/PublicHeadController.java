package cn.zhifa.record;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.problem.Problem;

/**
 * The public portal's copy of the record's global head (R-REC-4), published each period (hourly by
 * default): anyone can note the signed hash and later check that the record still reaches it.
 */
@RestController
class PublicHeadController {

	private final PublishedHeads heads;
	private final HeadSigner signer;

	PublicHeadController(PublishedHeads heads, HeadSigner signer) {
		this.heads = heads;
		this.signer = signer;
	}

	/**
	 * The latest head: its period and day, the entry count and hash, what was signed, the signature and
	 * the public key to check it with (Ed25519, base64), and how often a head is published (ISO-8601).
	 */
	record SignedHead(String period, java.time.LocalDate date, long sequence, String hash, java.time.Instant publishedAt,
			String signedMessage, String signature, String algorithm, String keyId, String publicKey,
			String publishInterval) {
	}

	@GetMapping("/public/api/records/head")
	SignedHead latest() {
		PublishedHeads.Head h = heads.latest()
			.orElseThrow(() -> Problem.notFound(null, "尚未公布记录校验值"));
		return new SignedHead(h.period(), h.date(), h.sequence(), h.hash(), h.publishedAt(), h.signedMessage(),
				h.signature(), HeadSigner.ALGORITHM, h.keyId(), signer.publicKey(), heads.interval().toString());
	}
}
