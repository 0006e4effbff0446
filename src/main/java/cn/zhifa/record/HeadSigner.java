package cn.zhifa.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs the published head (hourly by default, {@link PublishedHeads}) with Ed25519. The key comes
 * from {@code zhifa.record.signing-key} and {@code zhifa.record.signing-public-key} (base64 PKCS#8 /
 * X.509; recommended in production, kept outside the database); without them one key pair is created
 * once in the database and shared by all nodes (logged as a warning). Anyone can verify a head with the public key the portal shows.
 */
@Component
class HeadSigner {

	private static final Logger log = LoggerFactory.getLogger(HeadSigner.class);
	static final String ALGORITHM = "Ed25519";

	private final JdbcTemplate jdbc;
	private final String configuredPrivate;
	private final String configuredPublic;
	private volatile KeyPair keys;

	HeadSigner(JdbcTemplate jdbc, @Value("${zhifa.record.signing-key:}") String configuredPrivate,
			@Value("${zhifa.record.signing-public-key:}") String configuredPublic) {
		this.jdbc = jdbc;
		this.configuredPrivate = configuredPrivate;
		this.configuredPublic = configuredPublic;
	}

	/**
	 * What is signed: the period ({@code 2026-11-21T14:00+08:00}, or the day for heads published daily
	 * before V13), the global sequence number and the hash of the last record.
	 */
	static String message(String period, long sequence, String hash) {
		return "zhifa-record-head|" + period + "|" + sequence + "|" + hash;
	}

	String sign(String message) {
		try {
			Signature s = Signature.getInstance(ALGORITHM);
			s.initSign(keys().getPrivate());
			s.update(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(s.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign the record head", e);
		}
	}

	static boolean verify(String message, String signature, String publicKeyBase64) {
		try {
			Signature s = Signature.getInstance(ALGORITHM);
			s.initVerify(publicKey(publicKeyBase64));
			s.update(message.getBytes(StandardCharsets.UTF_8));
			return s.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	String publicKey() {
		return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
	}

	String keyId() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(keys().getPublic().getEncoded());
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private KeyPair keys() {
		KeyPair k = keys;
		if (k == null) {
			synchronized (this) {
				if (keys == null) {
					keys = StringUtils.hasText(configuredPrivate) ? configured() : stored();
				}
				k = keys;
			}
		}
		return k;
	}

	private KeyPair configured() {
		if (!StringUtils.hasText(configuredPublic)) {
			throw new IllegalStateException("zhifa.record.signing-key is set but zhifa.record.signing-public-key is not");
		}
		try {
			return new KeyPair(publicKey(configuredPublic), privateKey(configuredPrivate));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("zhifa.record.signing-key / signing-public-key are not a base64 Ed25519 key pair", e);
		}
	}

	private KeyPair stored() {
		for (int attempt = 0; attempt < 2; attempt++) {
			var rows = jdbc.query("SELECT public_key, private_key FROM zf_record_signing_key ORDER BY created_at, key_id",
					(rs, n) -> new String[] { rs.getString(1), rs.getString(2) });
			if (!rows.isEmpty()) {
				try {
					return new KeyPair(publicKey(rows.get(0)[0]), privateKey(rows.get(0)[1]));
				}
				catch (GeneralSecurityException e) {
					throw new IllegalStateException("the stored record signing key is unreadable", e);
				}
			}
			try {
				KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
				String pub = Base64.getEncoder().encodeToString(generated.getPublic().getEncoded());
				String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(generated.getPublic().getEncoded()), 0, 8);
				jdbc.update("INSERT INTO zf_record_signing_key (key_id, algorithm, public_key, private_key, created_at) VALUES (?, ?, ?, ?, ?)",
						id, ALGORITHM, pub, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()),
						OffsetDateTime.now(ZoneOffset.UTC));
				log.warn("No zhifa.record.signing-key configured: created record signing key {} in the database; "
						+ "in production configure the key outside the database (docs/record.md)", id);
			}
			catch (DuplicateKeyException e) {
				// another node created one at the same time: read it
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException("cannot create the record signing key");
	}

	private static PublicKey publicKey(String base64) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	private static PrivateKey privateKey(String base64) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}
}
