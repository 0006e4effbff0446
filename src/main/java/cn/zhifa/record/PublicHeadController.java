package cn.zhifa.record;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.zhifa.platform.problem.Problem;

/**
 * The public portal's copy of the record's global head (R-REC-4): anyone can note the day's hash
 * and later check that the record still contains it.
 */
@RestController
class PublicHeadController {

	private final PublishedHeads heads;
	private final HeadSigner signer;

	PublicHeadController(PublishedHeads heads, HeadSigner signer) {
		this.heads = heads;
		this.signer = signer;
	}

	/** The head, what was signed, the signature and the public key to check it with (Ed25519, base64). */
	record SignedHead(java.time.LocalDate date, long sequence, String hash, java.time.Instant publishedAt,
			String signedMessage, String signature, String algorithm, String keyId, String publicKey) {
	}

	@GetMapping("/public/api/records/head")
	SignedHead latest() {
		PublishedHeads.Head h = heads.latest()
			.orElseThrow(() -> Problem.notFound(null, "尚未公布记录校验值"));
		return new SignedHead(h.date(), h.sequence(), h.hash(), h.publishedAt(), h.signedMessage(), h.signature(),
				HeadSigner.ALGORITHM, h.keyId(), signer.publicKey());
	}
}
