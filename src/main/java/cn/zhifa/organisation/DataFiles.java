package cn.zhifa.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a top-level YAML data file: the file when it exists (an edited copy), else the jar's copy under the same path. */
public final class DataFiles {

	private DataFiles() {
	}

	public static Map<String, Object> yaml(String file) {
		Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(text(file));
		if (data == null) {
			throw new IllegalStateException(file + " is empty");
		}
		return data;
	}

	/** The text of a top-level data file: the file when it exists (an edited copy), else the jar's copy. */
	public static String text(String file) {
		Path path = Path.of(file);
		try {
			if (Files.isRegularFile(path)) {
				return Files.readString(path, StandardCharsets.UTF_8);
			}
			try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(file.replace('\\', '/'))) {
				if (in == null) {
					throw new IllegalStateException("data file not found: " + path.toAbsolutePath());
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
