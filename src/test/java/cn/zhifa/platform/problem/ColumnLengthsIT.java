package cn.zhifa.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;

import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.enforcementcase.EnforcementCase;
import cn.zhifa.enforcementcase.Evidence;
import cn.zhifa.legalreview.LegalReview;
import cn.zhifa.record.AvFile;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.support.ZhifaIntegrationTest;
import cn.zhifa.transfer.Transfer;
import cn.zhifa.transfer.TransferStep;

/**
 * The text lengths {@link InputCheck} reads from {@code @Column(length)} are those of the database the
 * migrations built (H2 or PostgreSQL): a migration that changes a column without its entity fails here.
 */
@ZhifaIntegrationTest
class ColumnLengthsIT {

	/** The classes whose declared lengths input checks use, with their tables. */
	private static final Map<Class<?>, String> TABLES = Map.of(EnforcementCase.class, "zf_case", Evidence.class,
			"zf_evidence", LegalReview.class, "zf_legal_review", Transfer.class, "zf_transfer", TransferStep.class,
			"zf_transfer_step", AvFile.class, "zf_av_file", RecordEntry.class, "zf_record");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void declaredLengthsAreTheDatabasesLengths() {
		int checked = 0;
		for (var table : TABLES.entrySet()) {
			for (Field field : table.getKey().getDeclaredFields()) {
				Column column = field.getAnnotation(Column.class);
				if (column == null || column.length() == 255 || !(field.getType() == String.class || field.getName().equals("officers"))) {
					continue; // 255 is also JPA's default: only lengths stated on purpose are compared
				}
				String name = column.name().isEmpty() ? field.getName().replaceAll("([a-z])([A-Z])", "$1_$2") : column.name();
				Integer length = jdbc.queryForObject("SELECT character_maximum_length FROM information_schema.columns "
						+ "WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?", Integer.class, table.getValue(),
						name.toLowerCase());
				assertThat(length).as(table.getKey().getSimpleName() + "." + field.getName()).isEqualTo(column.length());
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(25);
	}
}
