package cn.zhifa.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store for recordings and photos (R-REC-2/4): a file is stored once under
 * its SHA-256 ({@code <dir>/ab/cd/abcd…}), written to a temporary file while hashing and then moved
 * into place, so a stored name always names its bytes. Several nodes need the folder on a shared
 * volume (or an object store behind the same interface, ADR-0009).
 */
@Component
class AvFileStore {

	private final Path root;

	AvFileStore(@Value("${zhifa.record.files-dir:./data/files}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	/** A stored file: its hash and size. */
	record Stored(String sha256, long size) {
	}

	/**
	 * Streams {@code in} into the store, at most {@code maxBytes}.
	 *
	 * @throws FileTooLargeException beyond the limit (nothing is kept)
	 */
	Stored store(InputStream in, long maxBytes) throws IOException {
		Path tmpDir = Files.createDirectories(root.resolve("tmp"));
		Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
		try {
			MessageDigest digest = Hashing.digest();
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
				byte[] buffer = new byte[65536];
				for (int n; (n = in.read(buffer)) > 0;) {
					size += n;
					if (size > maxBytes) {
						throw new FileTooLargeException(maxBytes);
					}
					out.write(buffer, 0, n);
				}
			}
			String sha256 = HexFormat.of().formatHex(digest.digest());
			Path target = path(sha256);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				try {
					Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return new Stored(sha256, size);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	InputStream open(String sha256) throws IOException {
		return Files.newInputStream(path(sha256));
	}

	Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	/** Null when the stored bytes match their name, else what is wrong (FILE_MISSING or FILE_CHANGED). */
	VerificationReport.Kind check(String sha256) {
		Path file = path(sha256);
		if (!Files.isRegularFile(file)) {
			return VerificationReport.Kind.FILE_MISSING;
		}
		try (InputStream in = Files.newInputStream(file)) {
			String actual = Hashing.sha256(in);
			return actual.equals(sha256) ? null : VerificationReport.Kind.FILE_CHANGED;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	Path root() {
		return root;
	}

	/** An upload beyond {@code zhifa.record.max-upload-size}. */
	static class FileTooLargeException extends IOException {
		FileTooLargeException(long max) {
			super("文件超过允许的大小（" + max + " 字节）");
		}
	}
}
