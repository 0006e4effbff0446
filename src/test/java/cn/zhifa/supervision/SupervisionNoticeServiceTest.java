package cn.zhifa.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.support.InMemoryRows;
import cn.zhifa.support.KnownAgencies;
import cn.zhifa.support.MovableClock;

/**
 * The rules of a supervision notice (行政执法监督通知书, R-COORD-8) as {@link SupervisionNoticeService} takes them, on the
 * real calendar, the notices held in memory: who issues, the periods, what the register records at each step, the
 * refusals naming the field (was {@code SupervisionNoticeProcessTests}). The model's paths:
 * {@code SupervisionNoticePathsTest}; the REST path with tenants, visibility and 403/400: {@code SupervisionNoticeIT}.
 */
class SupervisionNoticeServiceTest {

	static final String PI = "pi-notice";

	final MovableClock clock = new MovableClock("2026-11-02T09:00:00+08:00");
	final Map<String, SupervisionNotice> rows = new HashMap<>();
	final SupervisionNoticeService service;

	SupervisionNoticeServiceTest() {
		SupervisionNoticeRepository notices = mock(SupervisionNoticeRepository.class);
		InMemoryRows.keep(notices, SupervisionNotice.class, rows, SupervisionNotice::getNoticeNo);
		AgencyRepository agencies = KnownAgencies.of("LIAOKUO");
		DocumentNumbers numbers = mock(DocumentNumbers.class);
		when(numbers.next("COUNTY", "SUPERVISION_NOTICE", 2026)).thenReturn(7);
		service = new SupervisionNoticeService(notices, agencies, numbers, CalendarFixtures.deadlines(),
				mock(DisplayLabels.class), "某区司法局", "区司法监通", clock);
	}

	static Step as(String user, String... groups) {
		return new Step(PI, null, "LIAOKUO", "activity", null, null, user, Set.of(groups), Set.of());
	}

	static Step supervisor() {
		return as("supervisor1", "supervisor");
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	SupervisionNoticeService.Issued issue(String source, String ref, Object period) {
		return service.issue(supervisor(), "LIAOKUO", source, ref, "部分案件事先告知书未告知当事人陈述、申辩的权利。",
				"逐案核查，对程序违法的案件依法纠正，并对相关人员进行培训。", period);
	}

	static void assertRefused(Runnable call, String field) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(FormFieldValidationException.class,
				e -> assertThat(e.getMessage()).contains(field));
	}

	/** Issued Mon 2 Nov, reported in time, checked within 10 working days, closed. */
	@Test
	void issuedForFifteenWorkingDaysReportedInTimeAndClosed() {
		SupervisionNoticeService.Issued issued = issue("COMPLAINT", "TS-2026-000001", null);

		assertThat(issued.no()).isEqualTo("区司法监通〔2026〕7号");
		// 15 working days from Mon 2 Nov: 3–6, 9–13, 16–20, 23 Nov
		assertThat(issued.rectificationDue().at()).isEqualTo(moment("2026-11-23T23:59:59+08:00"));
		assertThat(issued.period()).isEqualTo(15);
		assertThat(issued.agencyName()).isEqualTo("寥廓街道综合行政执法队");
		assertThat(issued.issuedBy()).isEqualTo("supervisor1");
		SupervisionNotice n = rows.get(issued.no());
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ISSUED);
		assertThat(n.getIssuedBy()).isEqualTo("supervisor1");
		assertThat(n.getSourceRef()).isEqualTo("TS-2026-000001");
		assertThat(n.isOpen()).isTrue();

		assertRefused(() -> service.checkReport(null), "rectificationReport");
		clock.at("2026-11-16T10:00:00+08:00");
		// 10 working days from Mon 16 Nov: 17–20, 23–27, 30 Nov
		assertThat(service.recordReport(as("head1", "LIAOKUO-head"), issued.no(), "已对承办人员批评教育，补充了告知程序，建立台账。").at())
			.isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.REPORTED);
		assertThat(n.getReportedOnTime()).isTrue();
		assertThat(n.getReportedBy()).isEqualTo("head1");

		assertRefused(() -> service.checkConclusion("MAYBE", null), "supervisionOutcome");
		service.checkConclusion("CLOSE", null);
		service.conclude(supervisor(), issued.no(), "CLOSE", null);
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.CLOSED);
		assertThat(n.getCheckedBy()).isEqualTo("supervisor1");
		assertThat(n.isOpen()).isFalse();
	}

	/** Sent back: a new period of the same length from that day; then circulated (通报). */
	@Test
	void sentBackWithAnOpinionForANewPeriodThenCirculated() {
		SupervisionNoticeService.Issued issued = issue("SLA_BREACH", null, null);
		service.recordReport(as("head1", "LIAOKUO-head"), issued.no(), "已整改。");
		assertRefused(() -> service.checkConclusion("REDO", null), "supervisionOpinion");
		clock.at("2026-11-09T09:00:00+08:00");

		// 15 working days from Mon 9 Nov
		assertThat(service.sendBack(supervisor(), issued.no(), "整改报告未说明超期案件的处理情况，请补充整改。").at())
			.isEqualTo(moment("2026-11-30T23:59:59+08:00"));
		SupervisionNotice n = rows.get(issued.no());
		assertThat(n.getRounds()).isEqualTo(2);
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ISSUED);

		service.recordReport(as("head1", "LIAOKUO-head"), issued.no(), "超期案件已全部办结。");
		service.checkConclusion("CIRCULATE", "两次整改仍不到位，予以全区通报。");
		service.conclude(supervisor(), issued.no(), "CIRCULATE", "两次整改仍不到位，予以全区通报。");
		assertThat(n.getStatus()).isEqualTo(SupervisionNotice.ESCALATED);
		assertThat(n.getEscalation()).isEqualTo("CIRCULATED");
	}

	/** A period stated in the notice (5 working days); the bureau reports to the government. */
	@Test
	void aStatedPeriodAndAReportToTheGovernment() {
		SupervisionNoticeService.Issued issued = issue("UNTRANSFERRED_CASE", "寥街罚〔2026〕12号", 5L);
		// 5 working days from Mon 2 Nov: 3–6, 9 Nov
		assertThat(issued.rectificationDue().at()).isEqualTo(moment("2026-11-09T23:59:59+08:00"));
		assertThat(rows.get(issued.no()).getPeriodWorkingDays()).isEqualTo(5);
		service.recordReport(as("head1", "LIAOKUO-head"), issued.no(), "认为该案不涉嫌犯罪，不予移送。");
		service.conclude(supervisor(), issued.no(), "REPORT_TO_GOVERNMENT", "应移送而不移送，报请区人民政府处理。");
		assertThat(rows.get(issued.no()).getStatus()).isEqualTo(SupervisionNotice.ESCALATED);
		assertThat(rows.get(issued.no()).getEscalation()).isEqualTo("REPORTED_TO_GOVERNMENT");
	}

	@Test
	void aReportAfterThePeriodIsRecordedLate() {
		SupervisionNoticeService.Issued issued = issue("CASE_FILE_REVIEW", null, null);
		clock.at("2026-11-24T08:00:00+08:00");
		service.recordReport(as("head1", "LIAOKUO-head"), issued.no(), "已整改。");
		assertThat(rows.get(issued.no()).getReportedOnTime()).isFalse();
	}

	@Test
	void onlySupervisorsIssue() {
		assertThatThrownBy(() -> service.issue(as("officer1", "LIAOKUO-officer"), "LIAOKUO", "OTHER", null, "问题", "要求", null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("只有执法监督人员");
		assertThatThrownBy(() -> service.issue(as("head1", "LIAOKUO-head", "head"), "LIAOKUO", "OTHER", null, "问题", "要求", null))
			.isInstanceOf(AuthorizationException.class);
		assertThat(rows).isEmpty();
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		assertRefused(() -> service.issue(supervisor(), "LIAOKUO", "OTHER", null, null, "要求", null), "supervisionProblem");
		assertThatThrownBy(() -> service.issue(supervisor(), "LIAOKUO", "OTHER", null, null, "要求", null))
			.hasMessageContaining("发现的问题必须填写");
		assertRefused(() -> issue("COMPLAINT", null, null), "supervisionSourceRef");
		assertRefused(() -> issue("RUMOUR", null, null), "supervisionSource");
		assertRefused(() -> issue("OTHER", null, 365L), "rectificationWorkingDays");
		assertRefused(() -> issue("OTHER", null, 0), "rectificationWorkingDays");
		assertRefused(() -> service.issue(supervisor(), "NOWHERE", "OTHER", null, "问题", "要求", null), "supervisedAgency");
		assertRefused(() -> service.issue(supervisor(), null, "OTHER", null, "问题", "要求", null), "supervisedAgency");
		assertThat(rows).isEmpty();
	}
}
