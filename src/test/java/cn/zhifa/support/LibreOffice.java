package cn.zhifa.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Documents and workbooks opened as a clerk opens them: LibreOffice headless converts them (to PDF, or re-saves them),
 * {@code pdftotext} reads the PDF. Tests using it are skipped where LibreOffice is not installed ({@code .ci/run}
 * installs it) or with {@code -Dzhifa.skipLibreOffice=true}.
 * <p>
 * The conversions of a test JVM share one LibreOffice profile, made by the first (making a profile is a good part of a
 * conversion's time) and removed when the JVM ends; they run one at a time, as a profile serves one LibreOffice.
 */
public final class LibreOffice {

	private static Path profile;

	private LibreOffice() {
	}

	/** The {@code soffice} program; the calling test is skipped if there is none. */
	public static Path require() {
		Path soffice = Stream.of("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice").map(Path::of)
			.filter(Files::isExecutable).findFirst().orElse(null);
		Assumptions.assumeTrue(soffice != null && !Boolean.getBoolean("zhifa.skipLibreOffice"),
				"LibreOffice not installed: the check in LibreOffice is skipped");
		return soffice;
	}

	/**
	 * Converts {@code files} with LibreOffice to {@code format} (e.g. {@code pdf}, {@code xlsx}) into {@code outDir}, in
	 * one LibreOffice run, with the test JVM's profile and the fonts of {@code templates/fonts.conf}; its output goes to
	 * {@code outDir/soffice.log}.
	 */
	public static synchronized void convert(List<Path> files, String format, Path outDir) throws IOException,
			InterruptedException {
		Files.createDirectories(outDir);
		List<String> command = new ArrayList<>(List.of(require().toString(),
				"-env:UserInstallation=" + profile().toUri(), "--headless", "--convert-to", format, "--outdir",
				outDir.toString()));
		files.forEach(f -> command.add(f.toString()));
		ProcessBuilder convert = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(outDir.resolve("soffice.log").toFile());
		convert.environment().put("FONTCONFIG_FILE", Path.of("templates/fonts.conf").toAbsolutePath().toString());
		Process process = convert.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("LibreOffice converts within 5 minutes").isTrue();
	}

	/** What a test does in a temporary folder. */
	public interface FolderWork {
		void in(Path dir) throws Exception;
	}

	/** Runs {@code work} in a new temporary folder ({@code prefix}…), removed with all it holds afterwards. */
	public static void inTemporaryFolder(String prefix, FolderWork work) throws Exception {
		Path dir = Files.createTempDirectory(prefix);
		try {
			work.in(dir);
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/**
	 * A workbook as LibreOffice prints it: {@code xlsx} written as {@code dir/name.xlsx}, printed to
	 * {@code dir/pdf/name.pdf} ({@code what} names it if that fails), the text of the PDF.
	 */
	public static String printedText(Path dir, String name, byte[] xlsx, String what) throws IOException,
			InterruptedException {
		Path file = dir.resolve(name + ".xlsx");
		Files.write(file, xlsx);
		convert(List.of(file), "pdf", dir.resolve("pdf"));
		Path pdf = dir.resolve("pdf/" + name + ".pdf");
		assertThat(pdf).as("LibreOffice printed " + what + " (%s)", dir.resolve("pdf/soffice.log")).exists();
		return pdfText(pdf);
	}

	/** The profile of this JVM's conversions: an empty folder LibreOffice fills on its first run. */
	private static Path profile() throws IOException {
		if (profile == null) {
			Path dir = Files.createTempDirectory("zhifa-lo-profile").toAbsolutePath();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try (Stream<Path> paths = Files.walk(dir)) {
					paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
				}
				catch (IOException e) {
					// a temporary folder left behind
				}
			}));
			profile = dir;
		}
		return profile;
	}

	/** The text of a PDF as {@code pdftotext -layout} gives it; pages are separated by form feeds. */
	public static String pdfText(Path pdf) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor(1, TimeUnit.MINUTES);
		return out;
	}
}
