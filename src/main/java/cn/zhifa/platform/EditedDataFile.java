package cn.zhifa.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data file the legal office edits (rules in YAML), or the jar's copy on the class path when the file
 * is absent. {@link #current()} re-reads the file when it changed: a broken edit is logged once and the
 * previous content stays in force; a broken file at the first read throws (and so fails the start-up).
 *
 * @param <T> the parsed content
 */
public final class EditedDataFile<T> {

	private static final Logger log = LoggerFactory.getLogger(EditedDataFile.class);

	/** The text of the file and where it was read from (a path or {@code classpath:…}). */
	public record Text(String text, String source) {
	}

	private final Path file;
	private final String classpathCopy;
	private final String what;
	private final BiFunction<String, String, T> parse;
	private volatile T current;
	private volatile FileTime loadedVersion;

	/**
	 * Reads the file (or the class-path copy) now.
	 *
	 * @param what what the file holds, for messages (e.g. "SLA board rules")
	 * @param parse parses (text, source); a problem is a {@link RuntimeException}
	 */
	public EditedDataFile(Path file, String classpathCopy, String what, BiFunction<String, String, T> parse) {
		this.file = file;
		this.classpathCopy = classpathCopy;
		this.what = what;
		this.parse = parse;
		this.current = load();
	}

	/** The content in force (re-read first if the file changed). */
	public T current() {
		FileTime version = version();
		if (version != null && !version.equals(loadedVersion)) {
			try {
				current = load();
			}
			catch (RuntimeException e) {
				loadedVersion = version; // report a broken edit once, keep the content in force
				log.error("{} {} not reloaded, the previous rules stay in force: {}", what, file.toAbsolutePath(),
						e.getMessage());
			}
		}
		return current;
	}

	private FileTime version() {
		try {
			return Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
		}
		catch (IOException e) {
			return null;
		}
	}

	private T load() {
		FileTime version = version();
		Text text = read(file, classpathCopy, what);
		T loaded = parse.apply(text.text(), text.source());
		loadedVersion = version;
		return loaded;
	}

	/** The text of {@code file}, or of the class-path copy when the file is absent. */
	public static Text read(Path file, String classpathCopy, String what) {
		try {
			if (Files.isRegularFile(file)) {
				return new Text(Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().toString());
			}
			try (InputStream in = EditedDataFile.class.getClassLoader().getResourceAsStream(classpathCopy)) {
				if (in == null) {
					throw new IllegalStateException(what + " not found: " + file.toAbsolutePath() + " (nor classpath:"
							+ classpathCopy + ")");
				}
				return new Text(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + classpathCopy);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + what + " " + file, e);
		}
	}
}
