package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.zhifa.document.DocumentService;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.portal.WindowBoards.Board;
import cn.zhifa.portal.WindowBoards.RefusedBoards;

/**
 * The service windows' boards (R-DISC-8) as {@code disclosure/windows.yml} gives them: the shipped file against the demo
 * organisation, each refusal naming the line or the item, and a refused edit leaving the previous version shown.
 */
class WindowBoardsTest {

	/** The demo organisation's people and their agencies. */
	private static final Map<String, String> PEOPLE = Map.of("officer1", "LIAOKUO", "officer2", "LIAOKUO", "reviewer1",
			"LIAOKUO", "officer4", "QLSCJ", "reviewer2", "QLSCJ");
	private static final Set<String> AGENCIES = Set.of("LIAOKUO", "QLSCJ");
	private static final Set<String> KINDS = Set.of("PRIOR_NOTICE", "PENALTY_DECISION", "SERVICE_RECEIPT");

	private static List<Board> parse(String text) {
		return WindowBoards.parse(text, AGENCIES::contains, user -> Optional.ofNullable(PEOPLE.get(user)), KINDS::contains);
	}

	private static final String ONE = """
			windows:
			  - agency: LIAOKUO
			    name: 便民服务窗口
			    address: 南宁西路1号
			    hours: 工作日
			    consultationPhone: 0874-3120001
			    duties: [解答咨询]
			    staff:
			      - { user: officer1, post: 咨询受理岗, duty: 接待咨询 }
			    samples: [PRIOR_NOTICE]
			""";

	@Test
	void theShippedFileListsBothDemoAgenciesWithTheirStaffAndForms() throws Exception {
		List<Board> boards = parse(Files.readString(Path.of("disclosure/windows.yml"), StandardCharsets.UTF_8));
		assertThat(boards).extracting(Board::agency).containsExactly("LIAOKUO", "QLSCJ");
		Board liaokuo = boards.get(0);
		assertThat(liaokuo.staff()).extracting(WindowBoards.Staff::user).containsExactly("officer1", "officer2", "reviewer1");
		assertThat(liaokuo.samples()).containsExactly("PRIOR_NOTICE", "PENALTY_DECISION", "SERVICE_RECEIPT");
		assertThat(liaokuo.duties()).isNotEmpty();
		assertThat(liaokuo.consultationPhone()).isEqualTo("0874-3120001");
		assertThat(boards.get(1).complaintPhone()).isEqualTo("12315");
	}

	@Test
	void eachRefusalNamesTheLineOrTheItemAndTheRule() {
		assertRefused("windows:\n  - agency: LIAOKUO\n    name: [\n", "第4行不是有效的 YAML");
		assertRefused("other: 1\n", "应有 windows: 列表");
		assertRefused(ONE.replace("agency: LIAOKUO", "agency: NOWHERE"), "第1个窗口（NOWHERE）：agency 不是已设置的执法主体");
		assertRefused(ONE.replace("user: officer1", "user: officer4"),
				"第1个窗口（LIAOKUO）的 staff 第1项：user “officer4” 不是该执法主体的人员");
		assertRefused(ONE.replace("user: officer1", "user: nobody"), "user “nobody” 不是该执法主体的人员");
		assertRefused(ONE.replace("[PRIOR_NOTICE]", "[PRIOR_NOTICE, SECRET_MEMO]"),
				"samples 中的 “SECRET_MEMO” 不是 templates/document-kinds.yml 中的文书种类");
		assertRefused(ONE.replace("    hours: 工作日\n", ""), "第1个窗口（LIAOKUO）：缺少 hours");
		assertRefused(ONE.replace("[解答咨询]", "[]"), "duties 和 staff 都至少要有一项");
		assertRefused(ONE.replace("duties: [解答咨询]", "duties: 解答咨询"), "duties 应是列表");
		assertRefused(ONE + ONE.substring(ONE.indexOf("  - agency")), "第2个窗口（LIAOKUO）：同一执法主体只能有一个窗口公示");
	}

	@Test
	void aRefusedEditLeavesThePreviousVersionShownAndAMendedOneShowsAtOnce(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("windows.yml");
		Files.writeString(file, ONE, StandardCharsets.UTF_8);
		AgencyRepository agencies = mock(AgencyRepository.class);
		when(agencies.existsById(anyString())).thenAnswer(a -> AGENCIES.contains(a.getArgument(0, String.class)));
		OfficerRepository officers = mock(OfficerRepository.class);
		when(officers.findById(anyString())).thenReturn(Optional.empty());
		DocumentService documents = mock(DocumentService.class);
		when(documents.kindName(anyString())).thenAnswer(a -> Optional.of(a.getArgument(0, String.class))
			.filter(KINDS::contains));
		WindowBoards boards = new WindowBoards(file.toString(), agencies, officers, documents);
		// the people: officer1 of LIAOKUO
		Officer officer1 = mock(Officer.class);
		when(officer1.getAgencyCode()).thenReturn("LIAOKUO");
		when(officers.findById("officer1")).thenReturn(Optional.of(officer1));

		assertThat(boards.boards()).extracting(Board::name).containsExactly("便民服务窗口");
		Files.writeString(file, ONE.replace("agency: LIAOKUO", "agency: NOWHERE"), StandardCharsets.UTF_8);
		assertThat(boards.boards()).as("the refused edit: the previous version stays").extracting(Board::agency)
			.containsExactly("LIAOKUO");
		assertThat(boards.of("LIAOKUO")).isPresent();
		Files.writeString(file, ONE.replace("便民服务窗口", "政务服务窗口"), StandardCharsets.UTF_8);
		assertThat(boards.boards()).as("the mended edit shows at once").extracting(Board::name).containsExactly("政务服务窗口");
	}

	private static void assertRefused(String text, String message) {
		assertThatThrownBy(() -> parse(text)).isInstanceOf(RefusedBoards.class).hasMessageContaining(message);
	}
}
