package cn.zhifa.guidingcase;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.disclosure.RedactionFixtures;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.enforcementcase.EnforcementCase;
import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.organisation.Agency;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.support.InMemoryRows;
import cn.zhifa.support.MovableClock;

/**
 * The rules of a guiding case (行政执法指导案例, seed 002 (十一)) as {@link GuidingCaseService} takes them, on the real
 * calendar, redaction rules and {@code disclosure/guiding-cases.yml}, the rows held in memory: only an agency's own
 * closed case, the party's personal data out of every text, the periods, what the register records, the refusals naming
 * the field, the three-a-year count (was {@code GuidingCaseProcessTests}). The model's paths: {@code GuidingCasePathsTest};
 * the REST path with tenants, visibility, 403/400 and the portal: {@code GuidingCaseAndAssistanceIT}.
 */
class GuidingCaseServiceTest {

	static final String PARTY = "李建华";
	static final String ID = "530302198805061234";
	static final String PHONE = "13987654321";
	static final String ADDRESS = "曲靖市麒麟区建宁东路88号";

	final MovableClock clock = new MovableClock("2026-11-02T09:00:00+08:00");
	final Map<String, GuidingCase> rows = new LinkedHashMap<>();
	final Map<String, EnforcementCase> cases = new LinkedHashMap<>();
	final AtomicInteger numbers = new AtomicInteger();
	final GuidingCaseService service;

	GuidingCaseServiceTest() {
		GuidingCaseRepository repository = mock(GuidingCaseRepository.class);
		InMemoryRows.keep(repository, GuidingCase.class, rows, GuidingCase::getGuidingNo);
		when(repository.findByProposalYear(anyInt())).thenAnswer(i -> rows.values().stream()
			.filter(g -> g.getProposalYear() == i.<Integer>getArgument(0)).toList());
		when(repository.findByPublishedYear(anyInt())).thenAnswer(i -> rows.values().stream()
			.filter(g -> Integer.valueOf(i.<Integer>getArgument(0)).equals(g.getPublishedYear())).toList());
		EnforcementCaseService caseService = mock(EnforcementCaseService.class);
		when(caseService.find(anyString())).thenAnswer(i -> Optional.ofNullable(cases.get(i.<String>getArgument(0))));
		AgencyRepository agencies = mock(AgencyRepository.class);
		Agency liaokuo = agency("LIAOKUO", "寥廓街道综合行政执法队");
		Agency qlscj = agency("QLSCJ", "某区市场监督管理局");
		when(agencies.findAll()).thenReturn(List.of(liaokuo, qlscj));
		when(agencies.findById("LIAOKUO")).thenReturn(Optional.of(liaokuo));
		when(agencies.findById("QLSCJ")).thenReturn(Optional.of(qlscj));
		DocumentNumbers counter = mock(DocumentNumbers.class);
		when(counter.next(anyString(), anyString(), anyInt())).thenAnswer(i -> numbers.incrementAndGet());
		service = new GuidingCaseService(repository, caseService, agencies, counter, CalendarFixtures.deadlines(),
				RedactionFixtures.rules(), mock(DisplayLabels.class),
				new GuidingCaseTargets("disclosure/guiding-cases.yml"), "区执法案例", clock);
	}

	static Agency agency(String code, String name) {
		return new Agency(code, name, code, "执法", "某区", "某路1号", "某人", "依据");
	}

	/** A case of {@code agency} at {@code stage}, closed at {@code closedAt}, its party a natural person. */
	String caseOf(String agency, String stage, String closedAt) {
		String no = "测罚〔2026〕" + (cases.size() + 1) + "号";
		EnforcementCase c = mock(EnforcementCase.class);
		when(c.getCaseNo()).thenReturn(no);
		when(c.getAgencyCode()).thenReturn(agency);
		when(c.getStage()).thenReturn(stage);
		when(c.getClosedAt()).thenReturn(closedAt == null ? null : Instant.parse(closedAt));
		when(c.getPartyType()).thenReturn("PERSON");
		when(c.getPartyName()).thenReturn(PARTY);
		when(c.getPartyIdNumber()).thenReturn(ID);
		when(c.getPartyContact()).thenReturn(PHONE);
		when(c.getPartyAddress()).thenReturn(ADDRESS);
		cases.put(no, c);
		return no;
	}

	static Step as(String user, String agency, String pi, String... groups) {
		return new Step(pi, null, agency, "activity", null, null, user, Set.of(groups), Set.of(agency));
	}

	static GuidingCaseService.Texts texts() {
		return new GuidingCaseService.Texts("PENALTY", "李建华占道经营案——首次违法及时改正的从轻处罚",
				"当事人" + PARTY + "（身份证号码" + ID + "，电话" + PHONE + "，住址：" + ADDRESS
						+ "）在人民路占道经营，执法人员责令改正后拒不改正，依法立案调查并作出罚款决定。",
				"占道经营案件应先责令改正；当事人拒不改正的，依裁量基准确定罚款数额。", "《城市市容和环境卫生管理条例》第十七条、第三十六条");
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}


	@Test
	void proposedWithoutThePartysPersonalDataReviewedWithinTwentyWorkingDaysAndPublished() {
		String caseNo = caseOf("LIAOKUO", "CLOSED", "2026-10-20T02:00:00Z");
		GuidingCaseService.Proposed p = service.propose(as("head1", "LIAOKUO", "pi-1", "LIAOKUO-head"), caseNo, texts());

		assertThat(p.guidingNo()).isEqualTo("区执法案例〔2026〕1号");
		assertThat(p.agencyCode()).isEqualTo("LIAOKUO");
		// 20 working days from Mon 2 Nov: 3–6, 9–13, 16–20, 23–27, 30 Nov
		assertThat(p.texts().reviewDue().at()).isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		// the texts the bureau reviews — and the portal will publish — have the party's personal data removed
		GuidingCase g = rows.get(p.guidingNo());
		String all = g.getTitle() + g.getSummary() + g.getKeyPoints() + g.getLegalBasis();
		assertThat(all).doesNotContain(PARTY, ID, PHONE, ADDRESS).contains("李*");
		assertThat(g.getSummary()).contains("[住址已隐去]").isEqualTo(p.texts().summary());
		assertThat(g.getRedactionSummary()).contains("自然人姓名");
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PROPOSED);
		assertThat(g.getProposalYear()).isEqualTo(2026);
		assertThat(g.getCaseNo()).isEqualTo(caseNo);

		assertRefused(() -> service.checkReview("MAYBE", null), "guidingReviewOutcome");
		service.checkReview("PUBLISH", null);
		clock.at("2026-11-10T10:00:00+08:00");
		service.conclude(as("supervisor1", "LIAOKUO", "pi-1", "supervisor"), p.guidingNo(), "PUBLISH", null);
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PUBLISHED);
		assertThat(g.getReviewedBy()).isEqualTo("supervisor1");
		assertThat(g.getPublishedYear()).isEqualTo(2026);
		assertThat(g.isPublished()).isTrue();
		assertThat(service.summary(2026, List.of(), true).published()).isEqualTo(1);
	}

	@Test
	void returnedWithAnOpinionRevisedRedactedAgainAndRejected() {
		GuidingCaseService.Proposed p = service.propose(as("officer1", "LIAOKUO", "pi-2", "LIAOKUO-officer"),
				caseOf("LIAOKUO", "CLOSED", "2026-09-01T02:00:00Z"), texts());
		assertRefused(() -> service.checkReview("REVISE", null), "guidingReviewOpinion");

		// 10 working days from Mon 2 Nov: 3–6, 9–13, 16 Nov
		assertThat(service.returnForRevision(as("supervisor1", "LIAOKUO", "pi-2", "supervisor"), p.guidingNo(),
				"案例要点未说明裁量基准的适用，请补充。").at()).isEqualTo(moment("2026-11-16T23:59:59+08:00"));
		GuidingCase g = rows.get(p.guidingNo());
		assertThat(g.getStatus()).isEqualTo(GuidingCase.RETURNED);

		GuidingCaseService.Texts revised = new GuidingCaseService.Texts("PENALTY", texts().title(), texts().summary(),
				"补充：当事人" + PARTY + "首次违法且及时改正，依裁量基准从轻处罚。", texts().legalBasis());
		service.checkRevision(revised);
		service.resubmit(as("head1", "LIAOKUO", "pi-2", "LIAOKUO-head"), p.guidingNo(), revised);
		assertThat(g.getRounds()).isEqualTo(2);
		assertThat(g.getStatus()).isEqualTo(GuidingCase.PROPOSED);
		assertThat(g.getKeyPoints()).contains("李*").doesNotContain(PARTY);

		service.checkReview("REJECT", "同类案例本年度已发布，不予采用。");
		service.conclude(as("supervisor1", "LIAOKUO", "pi-2", "supervisor"), p.guidingNo(), "REJECT", "同类案例本年度已发布，不予采用。");
		assertThat(g.getStatus()).isEqualTo(GuidingCase.REJECTED);
		assertThat(g.getPublishedAt()).isNull();
		assertThat(g.isPublished()).isFalse();
	}

	@Test
	void onlyTheAgencysOwnClosedCasesAndNotByTheBureau() {
		String open = caseOf("LIAOKUO", "DECIDED", null);
		assertRefused(() -> service.propose(as("head1", "LIAOKUO", "pi-3", "LIAOKUO-head"), open, texts()), "caseId", "尚未结案");
		String qlscj = caseOf("QLSCJ", "CLOSED", "2026-10-01T02:00:00Z");
		assertRefused(() -> service.propose(as("head1", "LIAOKUO", "pi-3", "LIAOKUO-head"), qlscj, texts()), "caseId",
				"本机关");
		assertRefused(() -> service.propose(as("head1", "LIAOKUO", "pi-3", "LIAOKUO-head"), "寥街罚〔2026〕99999号", texts()),
				"caseId");
		assertThatThrownBy(() -> service.propose(as("supervisor1", "QLSCJ", "pi-3", "supervisor"), qlscj, texts()))
			.isInstanceOf(AuthorizationException.class);
		assertThat(rows).isEmpty();
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		String caseNo = caseOf("LIAOKUO", "CLOSED", "2026-10-01T02:00:00Z");
		GuidingCaseService.Texts t = texts();
		Step head = as("head1", "LIAOKUO", "pi-4", "LIAOKUO-head");
		assertRefused(() -> service.propose(head, caseNo, new GuidingCaseService.Texts("PENALTY", null, t.summary(),
				t.keyPoints(), t.legalBasis())), "guidingTitle", "案例标题必须填写");
		assertRefused(() -> service.propose(head, caseNo, new GuidingCaseService.Texts("GOSSIP", t.title(), t.summary(),
				t.keyPoints(), t.legalBasis())), "guidingCategory");
		assertRefused(() -> service.propose(head, caseNo, new GuidingCaseService.Texts("PENALTY", "长".repeat(201),
				t.summary(), t.keyPoints(), t.legalBasis())), "guidingTitle");
		assertRefused(() -> service.propose(head, null, t), "caseId");
		assertThat(rows).isEmpty();
	}

	/**
	 * Three a year (disclosure/guiding-cases.yml): QLSCJ's cases closed in 2025 count for 2025; from 1 Nov 2025 fewer than
	 * three is a warning, after 31 Jan 2026 it is overdue; three proposals clear it.
	 */
	@Test
	void threeAYearWithItsWarningAndDeadline() {
		clock.at("2025-10-15T09:00:00+08:00");
		GuidingCaseService.YearSummary before = service.summary(2025, List.of("QLSCJ"), false);
		assertThat(before.minimumPerYear()).isEqualTo(3);
		assertThat(before.deadline()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(before.warnFrom()).isEqualTo(LocalDate.of(2025, 11, 1));
		assertThat(before.agencies()).extracting(GuidingCaseService.AgencyCount::agencyCode).containsExactly("QLSCJ");
		assertThat(qlscj(before).warning()).isFalse(); // not yet: before 1 November

		clock.at("2026-01-12T09:00:00+08:00");
		Step head2 = as("head2", "QLSCJ", "pi-5", "QLSCJ-head");
		service.propose(head2, caseOf("QLSCJ", "CLOSED", "2025-06-01T02:00:00Z"), texts());
		GuidingCaseService.AgencyCount one = qlscj(service.summary(2025, List.of("QLSCJ"), false));
		assertThat(one.proposed()).isEqualTo(1);
		assertThat(one.warning()).isTrue();
		assertThat(one.message()).contains("少于每年3件").contains("截止日 2026-01-31");

		clock.at("2026-02-02T09:00:00+08:00");
		assertThat(qlscj(service.summary(2025, List.of("QLSCJ"), false)).message()).contains("已超过截止日");
		service.propose(head2, caseOf("QLSCJ", "CLOSED", "2025-07-01T02:00:00Z"), texts());
		service.propose(head2, caseOf("QLSCJ", "CLOSED", "2025-08-01T02:00:00Z"), texts());
		GuidingCaseService.AgencyCount three = qlscj(service.summary(2025, List.of("QLSCJ"), false));
		assertThat(three.proposed()).isEqualTo(3);
		assertThat(three.warning()).isFalse();
		assertThat(three.message()).isNull();
	}

	private static GuidingCaseService.AgencyCount qlscj(GuidingCaseService.YearSummary s) {
		return s.agencies().stream().filter(a -> a.agencyCode().equals("QLSCJ")).findFirst().orElseThrow();
	}
}
