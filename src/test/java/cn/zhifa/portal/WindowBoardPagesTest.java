package cn.zhifa.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import cn.zhifa.document.DocumentService;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.organisation.Officer;
import cn.zhifa.organisation.OfficerRepository;
import cn.zhifa.organisation.StaffRole;
import cn.zhifa.portal.WindowBoards.Board;
import cn.zhifa.portal.WindowBoards.Staff;

/**
 * A board as the registry and the templates stand at the request, not as they stood when the file was read (R-DISC-8): a
 * person who has moved to another agency or left is not shown, a document kind no longer listed is neither linked nor
 * served, and every text of the file is escaped.
 */
class WindowBoardPagesTest {

	private final WindowBoards boards = mock(WindowBoards.class);
	private final OfficerRepository officers = mock(OfficerRepository.class);
	private final DocumentService documents = mock(DocumentService.class);
	private final WindowBoardPages pages = new WindowBoardPages(boards, mock(AgencyRepository.class), officers, documents,
			Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC));

	@Test
	void theBoardShowsWhatTheRegistryAndTheTemplatesHoldNow() {
		Board board = new Board("LIAOKUO", "便民服务窗口", "南宁西路1号", "工作日", "0874-3120001", null,
				List.of("解答咨询<script>alert(1)</script>"), List.of(new Staff("officer1", "咨询受理岗", "接待"),
						new Staff("officer2", "咨询受理岗（B岗）", "代为接待"), new Staff("gone", "法律咨询岗", "解答")),
				List.of("PRIOR_NOTICE", "SERVICE_RECEIPT"));
		when(boards.of("LIAOKUO")).thenReturn(Optional.of(board));
		when(officers.findById(anyString())).thenReturn(Optional.empty());
		Officer officer1 = officer("李明", "LIAOKUO");
		Officer movedAway = officer("王芳", "QLSCJ");
		when(officers.findById("officer1")).thenReturn(Optional.of(officer1));
		when(officers.findById("officer2")).thenReturn(Optional.of(movedAway));
		when(documents.kindName(anyString())).thenReturn(Optional.empty());
		when(documents.kindName("PRIOR_NOTICE")).thenReturn(Optional.of("行政处罚事先告知书"));

		String page = text(pages.board("LIAOKUO"));
		assertThat(page).contains("李明", "咨询受理岗", "行政执法人员", "行政处罚事先告知书（Word）", "&lt;script&gt;")
			.doesNotContain("王芳", "咨询受理岗（B岗）", "法律咨询岗", "SERVICE_RECEIPT", "<script>alert");
		assertThat(pages.blankForm("LIAOKUO", "SERVICE_RECEIPT").getStatusCode().value()).isEqualTo(404);
		assertThat(pages.blankForm("LIAOKUO", "REVIEW_OPINION").getStatusCode().value()).isEqualTo(404);
		assertThat(pages.board("QLSCJ").getStatusCode().value()).isEqualTo(404);
	}

	private static Officer officer(String name, String agency) {
		Officer officer = mock(Officer.class);
		when(officer.getFullName()).thenReturn(name);
		when(officer.getAgencyCode()).thenReturn(agency);
		when(officer.getRole()).thenReturn(StaffRole.OFFICER);
		when(officer.getCertificates()).thenReturn(List.of());
		return officer;
	}

	private static String text(ResponseEntity<byte[]> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return new String(response.getBody(), StandardCharsets.UTF_8);
	}
}
