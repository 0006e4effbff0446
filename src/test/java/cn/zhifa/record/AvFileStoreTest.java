package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R-REC-2/4: files are stored under their SHA-256, limited in size, and checked against their name. */
class AvFileStoreTest {

	@TempDir
	Path dir;

	@Test
	void storesByHashOnceAndNoticesChangedBytes() throws IOException {
		AvFileStore store = new AvFileStore(dir.toString());
		byte[] bytes = "recording".repeat(10_000).getBytes();
		AvFileStore.Stored stored = store.store(new ByteArrayInputStream(bytes), 1_000_000);
		assertThat(stored.sha256()).isEqualTo(Hashing.sha256(bytes));
		assertThat(stored.size()).isEqualTo(bytes.length);
		assertThat(store.store(new ByteArrayInputStream(bytes), 1_000_000)).isEqualTo(stored);
		assertThat(store.check(stored.sha256())).isNull();

		Files.write(store.path(stored.sha256()), "changed".getBytes());
		assertThat(store.check(stored.sha256())).isEqualTo(VerificationReport.Kind.FILE_CHANGED);
		Files.delete(store.path(stored.sha256()));
		assertThat(store.check(stored.sha256())).isEqualTo(VerificationReport.Kind.FILE_MISSING);
	}

	@Test
	void refusesFilesBeyondTheLimitAndKeepsNothing() throws IOException {
		AvFileStore store = new AvFileStore(dir.toString());
		byte[] bytes = new byte[200_000];
		assertThatThrownBy(() -> store.store(new ByteArrayInputStream(bytes), 100_000))
			.isInstanceOf(AvFileStore.FileTooLargeException.class);
		assertThat(Files.exists(store.path(Hashing.sha256(bytes)))).isFalse();
		try (var files = Files.list(dir.resolve("tmp"))) {
			assertThat(files).isEmpty();
		}
	}
}
