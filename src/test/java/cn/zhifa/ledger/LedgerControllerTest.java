package cn.zhifa.ledger;

import static cn.zhifa.platform.WebSliceSupport.admin;
import static cn.zhifa.platform.WebSliceSupport.assertProblem;
import static cn.zhifa.platform.WebSliceSupport.body;
import static cn.zhifa.platform.WebSliceSupport.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.zhifa.platform.CaseRetrievals;
import cn.zhifa.platform.Roles;
import cn.zhifa.platform.WebSlice;

/**
 * Web slice of the ledger export ({@link LedgerController}): the ledger, period and agency parameters checked as
 * problems naming the parameter before anything is read, the agency scope of the export (own agency; all for an
 * administrator), a supervised export's purpose, and the login. Moved here from LedgerIT, which keeps what the
 * workbooks hold; {@link Ledgers} (the queries) is a mock.
 */
@WebSlice
@Import(LedgerController.class)
class LedgerControllerTest {

	private static final RequestPostProcessor HEAD1 = user("head1", List.of(Roles.HEAD), List.of("LIAOKUO"));

	@Autowired
	MockMvc mvc;
	@MockitoBean
	Ledgers ledgers;
	@MockitoBean
	CaseRetrievals retrievals;

	@BeforeEach
	void twoAgencies() {
		Map<String, String> agencies = new LinkedHashMap<>();
		agencies.put("LIAOKUO", "寥廓街道办事处");
		agencies.put("XIANGYANG", "向阳街道办事处");
		when(ledgers.agencies()).thenReturn(agencies);
		when(ledgers.sheets(any(), any())).thenReturn(List.of());
	}

	/** Moved from LedgerIT.badInputIsAProblemNamingTheFieldAndNobodyAnonymousGetsALedger. */
	@Test
	void badInputIsAProblemNamingTheFieldAndNobodyAnonymousGetsALedger() throws Exception {
		refused("/api/ledgers/no-such.xlsx", 400, "ledger");
		refused("/api/ledgers/cases.xlsx?from=2026-13-01", 400, "from");
		refused("/api/ledgers/cases.xlsx?to=yesterday", 400, "to");
		refused("/api/ledgers/cases.xlsx?from=2026-02-01&to=2026-01-01", 400, "from");
		refused("/api/ledgers/cases.xlsx?from=2020-01-01&to=2026-01-02", 400, "to");
		refused("/api/ledgers/cases.xlsx?from=1900-01-01", 400, "from");
		refused("/api/ledgers/cases.xlsx?agency=NOPE", 400, "agency");
		refused("/api/ledgers/cases.xlsx?agency=" + "A".repeat(40), 400, "agency");
		assertProblem(mvc.perform(get("/api/ledgers/cases.xlsx")).andReturn(), 401, null);
		assertProblem(mvc.perform(get("/api/ledgers")).andReturn(), 401, null);
		verify(ledgers, never()).sheets(any(), any());
		verifyNoInteractions(retrievals);
	}

	@Test
	void anExportIsOfTheUsersOwnAgencyForThePeriodAskedFiveYearsAtMost() throws Exception {
		MvcResult own = export("/api/ledgers/interference.xlsx?from=2001-01-01&to=2006-01-01", HEAD1);
		assertThat(own.getResponse().getContentType()).isEqualTo(LedgerController.XLSX);
		assertThat(own.getResponse().getHeader("Content-Disposition")).contains("attachment");
		ArgumentCaptor<Ledgers.Filter> filter = ArgumentCaptor.forClass(Ledgers.Filter.class);
		verify(ledgers).sheets(eq(Ledgers.find("interference").orElseThrow()), filter.capture());
		assertThat(filter.getValue()).isEqualTo(new Ledgers.Filter(List.of("LIAOKUO"), LocalDate.parse("2001-01-01"),
				LocalDate.parse("2006-01-01")));

		assertProblem(mvc.perform(get("/api/ledgers/cases.xlsx?agency=XIANGYANG").with(HEAD1)).andReturn(), 403, null);
		verifyNoInteractions(retrievals);
	}

	@Test
	void anAdministratorsExportOfAnotherAgencyIsASupervisedRetrievalWithItsPurpose() throws Exception {
		refusedAs(admin(), "/api/ledgers/cases.xlsx?agency=XIANGYANG", 400, "purpose");
		verifyNoInteractions(retrievals);
		export("/api/ledgers/cases.xlsx?agency=XIANGYANG&purpose=年度执法监督检查", admin());
		verify(retrievals).record(eq(Ledgers.RECORD_KEY_PREFIX + "XIANGYANG"), eq("XIANGYANG"), any(), eq("年度执法监督检查"),
				anyString());
		ArgumentCaptor<Ledgers.Filter> filter = ArgumentCaptor.forClass(Ledgers.Filter.class);
		verify(ledgers).sheets(any(), filter.capture());
		// this year up to today (the clock's day in China)
		assertThat(filter.getValue()).isEqualTo(new Ledgers.Filter(List.of("XIANGYANG"), LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-11-25")));
	}

	private MvcResult export(String url, RequestPostProcessor user) throws Exception {
		MvcResult result = mvc.perform(get(url).with(user)).andReturn();
		assertThat(result.getResponse().getStatus()).as(url + ": " + body(result)).isEqualTo(200);
		return result;
	}

	private void refused(String url, int status, String field) throws Exception {
		refusedAs(HEAD1, url, status, field);
	}

	private void refusedAs(RequestPostProcessor user, String url, int status, String field) throws Exception {
		assertProblem(mvc.perform(get(url).with(user)).andReturn(), status, field);
	}
}
