package cn.zhifa.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** What an administrator reads when {@code verify-records} cannot reach its database: the cause in Chinese, no Java names. */
class VerifyRecordsCommandTest {

	@Test
	void aDatabaseThatCannotBeReachedIsNamedWithItsSettings() {
		String before = System.getProperty("spring.datasource.url");
		System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
		try {
			Exception failure = catchException(() -> VerifyRecordsCommand.run(new String[] { "verify-records" }));
			assertThat(VerifyRecordsCommand.failure(failure)).startsWith("校验未能运行：无法连接数据库（SQLState 08001）")
				.contains("ZHIFA_DB_URL").doesNotContain("Exception").doesNotContain("org.");
		}
		finally {
			if (before == null) {
				System.clearProperty("spring.datasource.url");
			}
			else {
				System.setProperty("spring.datasource.url", before);
			}
		}
	}

	@Test
	void anH2FileTheRunningApplicationHoldsAsksToStopItFirst() {
		// what H2 answers a second JVM opening the file of a running application (error 90020), as Spring wraps it
		Exception failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLException("Database may be already in use: null. Possible solutions: close all other connection(s)",
						"90020", 90020));
		assertThat(VerifyRecordsCommand.failure(failure)).contains("请先停止应用再校验").doesNotContain("Exception");
	}
}
