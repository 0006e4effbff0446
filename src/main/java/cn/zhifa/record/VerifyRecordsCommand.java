package cn.zhifa.record;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Command-line verifier (R-REC-4), without the web server or the engine:
 * <pre>
 * java -cp target/zhifa-*.jar -Dloader.main=cn.zhifa.record.VerifyRecordsCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher verify-records
 * java -cp … verify-case-file 案卷-2026-001.zip
 * </pre>
 * {@code verify-records} checks every chain, head, published head and stored file of the database
 * named by {@code ZHIFA_DB_URL}/{@code ZHIFA_DB_USER}/{@code ZHIFA_DB_PASSWORD} (or the system
 * properties {@code spring.datasource.url/username/password}; default the H2 file database
 * {@code ./data/zhifa}) and the file store {@code zhifa.record.files-dir} (default {@code ./data/files});
 * {@code verify-case-file} checks an exported case file offline. Prints the report; exit code 0 when
 * everything is intact, 1 when something is broken, 2 on a usage or connection error.
 */
public final class VerifyRecordsCommand {

	private VerifyRecordsCommand() {
	}

	public static void main(String[] args) {
		int code;
		try {
			code = run(args);
		}
		catch (Exception e) {
			System.err.println("verification failed to run: " + e);
			code = 2;
		}
		System.exit(code);
	}

	static int run(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("verify-records")) {
			VerificationReport report = verifyDatabase(dataSource(), setting("zhifa.record.files-dir", "ZHIFA_RECORD_FILES_DIR",
					"./data/files"));
			System.out.print(report.describe());
			return report.ok() ? 0 : 1;
		}
		if (args[0].equals("verify-case-file") && args.length == 2) {
			VerificationReport report = CaseFileZip.verify(Path.of(args[1]));
			System.out.print(report.describe());
			return report.ok() ? 0 : 1;
		}
		System.err.println("usage: verify-records | verify-case-file <case-file.zip>");
		return 2;
	}

	static VerificationReport verifyDatabase(DataSource dataSource, String filesDir) {
		RecordVerifier verifier = new RecordVerifier(dataSource, new AvFileStore(filesDir));
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		tx.setReadOnly(true);
		return tx.execute(status -> verifier.verifyAll());
	}

	private static DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource();
		dataSource.setUrl(setting("spring.datasource.url", "ZHIFA_DB_URL", "jdbc:h2:file:./data/zhifa;AUTO_SERVER=TRUE"));
		String url = dataSource.getUrl();
		boolean h2 = url != null && url.startsWith("jdbc:h2:");
		dataSource.setUsername(setting("spring.datasource.username", "ZHIFA_DB_USER", h2 ? "sa" : "postgres"));
		dataSource.setPassword(setting("spring.datasource.password", "ZHIFA_DB_PASSWORD", ""));
		return dataSource;
	}

	private static String setting(String property, String env, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(env);
		}
		return value == null || value.isBlank() ? fallback : value;
	}
}
