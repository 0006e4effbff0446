package cn.zhifa.record;

import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.body;
import static cn.zhifa.platform.WebSliceSupport.officer1;
import static cn.zhifa.platform.WebSliceSupport.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import cn.zhifa.platform.Roles;
import cn.zhifa.platform.WebSlice;

/**
 * Web slice of the record API ({@link RecordController}): the AV upload (multipart) — its metadata parameters read
 * by the controller, refused as problems naming the parameter before the evidence service is called —, the
 * supervisors-only verification of the whole store (method security) and the handover year. Moved here from
 * ErrorModelIT and MethodSecurityIT; what the service refuses (names, lengths, officers, times) and the multipart
 * parser's own refusals (a zero byte in a file name, an over-long part header, a cut-off body: the servlet container's)
 * stay in ErrorModelIT.
 */
@WebSlice
@Import(RecordController.class)
class RecordControllerTest {

	private static final String CASE = "寥街罚〔2026〕7号";

	@Autowired
	MockMvc mvc;
	@MockitoBean
	RecordService records;
	@MockitoBean
	RecordVerifier verifier;
	@MockitoBean
	AvEvidenceService evidence;
	@MockitoBean
	CaseFiles caseFiles;
	@MockitoBean
	RecordAccess access;
	@MockitoBean
	HistoryService history;
	@MockitoBean
	InterferenceReports interference;

	/** Moved from ErrorModelIT.avUploadRefusesBadMetadataNamesAndMultipart (the controller's part). */
	@Test
	void unreadableMetadataOfAnUploadIsRefusedNamingTheParameter() throws Exception {
		when(access.write(CASE)).thenReturn("LIAOKUO");
		assertProblem(upload(Map.of("interruptions", "[{\"at\": \"soon\", \"reason\": \"更换电池\"}")), 400, "interruptions");
		assertProblem(upload(Map.of("interruptions", "[{\"at\": \"soon\", \"reason\": \"更换电池\"}]")), 400,
				"interruptions[0].at");
		assertProblem(upload(Map.of("startedAt", "noon")), 400, "startedAt");
		assertProblem(upload(Map.of("partyInformed", "maybe")), 400, "partyInformed");
		assertProblem(mvc.perform(multipart("/api/records/{caseNo}/evidence", CASE).param("step", "s").with(officer1())
			.with(csrf())).andReturn(), 400, "file");
		verifyNoInteractions(evidence);
	}

	@Test
	void anUploadReachesTheServiceWithItsMetadata() throws Exception {
		when(access.write(CASE)).thenReturn("LIAOKUO");
		MvcResult stored = upload(Map.of("step", "userTask_investigate", "officers", "officer1, officer2", "device", "执法记录仪 A-3",
				"startedAt", "2026-11-20T01:00:00Z", "endedAt", "2026-11-20T01:30:00Z", "partyInformed", "true",
				"interruptions", "[{\"at\": \"2026-11-20T01:10:00Z\", \"reason\": \"更换电池\"}]"));
		assertThat(stored.getResponse().getStatus()).as(body(stored)).isEqualTo(201);
		ArgumentCaptor<AvEvidenceService.Metadata> metadata = ArgumentCaptor.forClass(AvEvidenceService.Metadata.class);
		verify(evidence).add(eq(CASE), eq("现场.mp4"), eq("video/mp4"), any(InputStream.class), metadata.capture(), eq("officer1"));
		assertThat(metadata.getValue()).isEqualTo(new AvEvidenceService.Metadata("userTask_investigate", "LIAOKUO",
				List.of("officer1", "officer2"), "执法记录仪 A-3", Instant.parse("2026-11-20T01:00:00Z"),
				Instant.parse("2026-11-20T01:30:00Z"), true,
				List.of(new AvFile.Interruption(Instant.parse("2026-11-20T01:10:00Z"), "更换电池"))));
	}

	/** Moved from MethodSecurityIT.verifyingTheWholeRecordIsForSupervisors. */
	@Test
	void verifyingTheWholeRecordIsForSupervisors() throws Exception {
		MvcResult refused = mvc.perform(get("/api/records/verify").with(officer1())).andReturn();
		assertThat(assertProblem(refused, 403, null).path("detail").asText()).isEqualTo("只有监督人员可以校验全部执法记录");
		verifyNoInteractions(verifier);

		MvcResult supervisor = mvc.perform(get("/api/records/verify")
			.with(user("supervisor1", List.of(Roles.SUPERVISOR), List.of()))).andReturn();
		assertThat(supervisor.getResponse().getStatus()).as(body(supervisor)).isEqualTo(200);
		verify(verifier).verifyAll();
	}

	/** Moved from ErrorModelIT.yearsAndStatusesOutOfRangeOrNotNumbers. */
	@Test
	void aHandoverYearOutOfRangeOrNotANumberIsRefused() throws Exception {
		assertProblem(mvc.perform(get("/api/case-files/handover?year=2147483647").with(officer1())).andReturn(), 400, "year");
		assertProblem(mvc.perform(get("/api/case-files/handover?year=abc").with(officer1())).andReturn(), 400, "year");
		assertProblem(mvc.perform(get("/api/case-files/handover?year=1948").with(officer1())).andReturn(), 400, "year");
		verify(caseFiles, org.mockito.Mockito.never()).handover(org.mockito.ArgumentMatchers.anyInt(), any());

		when(caseFiles.handover(eq(2025), any())).thenReturn(List.of());
		MvcResult own = mvc.perform(get("/api/case-files/handover?year=2025").with(officer1())).andReturn();
		assertThat(own.getResponse().getStatus()).as(body(own)).isEqualTo(200);
		verify(caseFiles).handover(2025, java.util.Set.of("LIAOKUO"));
	}

	private MvcResult upload(Map<String, String> params) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/records/{caseNo}/evidence", CASE)
			.file(new MockMultipartFile("file", "现场.mp4", "video/mp4", new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p' }));
		params.forEach(request::param);
		return mvc.perform(request.with(officer1()).with(csrf())).andReturn();
	}
}
