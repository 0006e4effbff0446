package cn.zhifa.record;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;

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
 * {@code --published-head head.json} also checks the store against a copy of the portal's published
 * head kept elsewhere (its signature, and that the global chain still reaches it — the database's
 * own published heads can be deleted by whoever can disable its triggers);
 * {@code verify-case-file} checks an exported case file offline. Prints the report; exit code 0 when
 * everything is intact, 1 when something is broken, 2 on a usage or connection error.
 */
public final class VerifyRecordsCommand {

	/** H2's error code for a database file another JVM holds open. */
	private static final int H2_DATABASE_IN_USE = 90020;

	private VerifyRecordsCommand() {
	}

	public static void main(String[] args) {
		int code;
		try {
			code = run(args);
		}
		catch (Exception e) {
			System.err.println(failure(e));
			code = 2;
		}
		System.exit(code);
	}

	/** What an administrator reads when the verification could not run: the cause, without Java's names. */
	static String failure(Exception e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				if (sql.getErrorCode() == H2_DATABASE_IN_USE) {
					return "校验未能运行：数据库文件正被运行中的应用使用，请先停止应用再校验（H2 只允许一个程序打开数据库文件）";
				}
				return "校验未能运行：无法连接数据库（SQLState " + sql.getSQLState() + "），请检查 ZHIFA_DB_URL、ZHIFA_DB_USER、ZHIFA_DB_PASSWORD";
			}
		}
		return "校验未能运行：" + (e.getMessage() == null ? "未知原因" : e.getMessage());
	}

	static int run(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("verify-records") && (args.length == 1
				|| args.length == 3 && args[1].equals("--published-head"))) {
			List<VerificationReport.Problem> copyProblems = new ArrayList<>();
			List<RecordVerifier.Anchor> outside = args.length == 3
					? List.of(publishedCopy(Path.of(args[2]), copyProblems))
					: List.of();
			VerificationReport report = verifyDatabase(dataSource(), setting("zhifa.record.files-dir", "ZHIFA_RECORD_FILES_DIR",
					"./data/files"), outside);
			if (!copyProblems.isEmpty()) {
				List<VerificationReport.Problem> all = new ArrayList<>(copyProblems);
				all.addAll(report.problems());
				report = new VerificationReport(report.scope(), report.recordsChecked(), report.filesChecked(), all,
						report.moreProblems());
			}
			System.out.print(report.describe());
			return report.ok() ? 0 : 1;
		}
		if (args[0].equals("verify-case-file") && args.length == 2) {
			VerificationReport report = CaseFileZip.verify(Path.of(args[1]));
			System.out.print(report.describe());
			return report.ok() ? 0 : 1;
		}
		System.err.println("usage: verify-records [--published-head <head.json>] | verify-case-file <case-file.zip>");
		return 2;
	}

	static VerificationReport verifyDatabase(DataSource dataSource, String filesDir, List<RecordVerifier.Anchor> outside) {
		RecordVerifier verifier = new RecordVerifier(dataSource, new AvFileStore(filesDir));
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		tx.setReadOnly(true);
		tx.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ); // one snapshot while the application runs
		return tx.execute(status -> verifier.verifyAll(outside));
	}

	/**
	 * A copy of {@code GET /public/api/records/head} kept outside the database: the global chain must
	 * reach it. Its signature is checked with {@code zhifa.record.signing-public-key} (or
	 * {@code ZHIFA_RECORD_SIGNING_PUBLIC_KEY}; else the key in the copy — compare its {@code keyId} with
	 * the agency's published key); a bad signature is reported as a problem.
	 */
	static RecordVerifier.Anchor publishedCopy(Path file, List<VerificationReport.Problem> problems) throws IOException {
		Map<String, Object> head = Hashing.JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
		});
		Object period = head.get("period") != null ? head.get("period") : head.get("date");
		if (period == null || !(head.get("sequence") instanceof Number sequence) || !(head.get("hash") instanceof String hash)) {
			throw new IllegalArgumentException(file + " is not a published head (period, sequence, hash)");
		}
		String message = HeadSigner.message(period.toString(), sequence.longValue(), hash);
		String publicKey = setting("zhifa.record.signing-public-key", "ZHIFA_RECORD_SIGNING_PUBLIC_KEY",
				(String) head.get("publicKey"));
		String label = "外部保存的 " + period;
		if (!(head.get("signature") instanceof String signature) || publicKey == null
				|| !HeadSigner.verify(message, signature, publicKey)) {
			problems.add(new VerificationReport.Problem(VerificationReport.Kind.SIGNATURE, null, null, sequence.longValue(),
					file.getFileName().toString(), label + " 校验值的签名无效或缺失（不能证明由本机构公布）"));
		}
		return new RecordVerifier.Anchor(label, sequence.longValue(), hash);
	}

	private static DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource();
		dataSource.setUrl(setting("spring.datasource.url", "ZHIFA_DB_URL", "jdbc:h2:file:./data/zhifa"));
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
