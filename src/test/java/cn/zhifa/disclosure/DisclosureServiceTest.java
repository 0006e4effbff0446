package cn.zhifa.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.zhifa.calendar.CalendarFixtures;
import cn.zhifa.calendar.Deadlines;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.support.GroupMembers;
import cn.zhifa.support.KnownAgencies;
import cn.zhifa.support.MovableClock;

/**
 * Data slice of the publication of enforcement decisions (执法决定公示, R-DISC-3…6) as {@link DisclosureService} keeps it,
 * on H2 with the Flyway migrations, the real calendar and redaction rules: redacted from the start, prepared with
 * passages withheld for a reason, reviewed by the general office and then by the justice office (each its own staff,
 * two different people, never the preparer), published within its working days with the delay and the public period
 * of its kind, withdrawn when revoked (before publication: never on the portal), corrected as a new version, archived
 * after the public period; refusals naming the field (was {@code DisclosurePublicationProcessTests}). The model's
 * paths, candidate groups and timers: {@code DisclosurePublicationPathsTest}; the working days and public period of
 * each kind: {@code DisclosureDeadlineTest}; the portal's list and search: {@code DisclosureStoreTest}.
 */
@DataJpaTest(showSql = false)
class DisclosureServiceTest {

	static final String PERSON_ID = "530302199003151234";
	static final String PHONE = "13812345678";

	@Autowired
	DataSource dataSource;

	final MovableClock clock = new MovableClock("2026-09-28T10:00:00+08:00");
	final Deadlines deadlines = CalendarFixtures.deadlines();
	/** group → its members */
	final Map<String, Set<String>> members = Map.of("LIAOKUO-office", Set.of("office1", "both1"), "LIAOKUO-reviewer",
			Set.of("reviewer1", "both1"));
	final IdentityService identity = GroupMembers.identity(members);
	DisclosureService service;
	PublicDisclosures portal;
	String tag;
	String caseId;

	@BeforeEach
	void service() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		caseId = "寥街罚〔2026〕D" + tag + "号";
		AgencyRepository agencies = KnownAgencies.of("LIAOKUO");
		DisclosureStore store = new DisclosureStore(JdbcClient.create(dataSource));
		service = new DisclosureService(RedactionFixtures.rules(), store, agencies, deadlines, Period.ofYears(3), clock,
				identity);
		portal = new PublicDisclosures(store, clock);
	}

	static Date moment(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	static Step at(String step, String user) {
		return new Step("pi-disclosure", null, "LIAOKUO", step, null, null, user, Set.of(), Set.of("LIAOKUO"));
	}

	DisclosureService.Facts penalty(String decisionDate) {
		return new DisclosureService.Facts("LIAOKUO", caseId, "PENALTY", decisionDate, caseId.replace("D", "决"), "PERSON",
				"王小明", PERSON_ID, "市容环境卫生", "当事人王小明（身份证号码" + PERSON_ID + "，住址：曲靖市麒麟区南宁西路12号，电话" + PHONE
						+ "）在寥廓南路占道经营，决定罚款200元。" + tag, "《城市市容和环境卫生管理条例》第三十六条");
	}

	/** The variables the process holds after registration, and after each step's changes. */
	Map<String, Object> registered(DisclosureService.Facts facts) {
		return new HashMap<>(service.register(facts, false, null).set());
	}

	void prepare(Map<String, Object> vars, String user, String passages, String reason, String note, DisclosureService.Facts f) {
		vars.putAll(service.completePreparation(at("userTask_prepareDisclosure", user), null, new DisclosureService.Preparation(
				(String) vars.get("publicConclusion"), passages, reason, note, f.partyType(), f.partyName(),
				(String) vars.get("redactionSummary"))));
	}

	DisclosureService.Changes review(Map<String, Object> vars, String step, String user, String outcome, String comment) {
		DisclosureService.Changes changes = service.completeReview(at(step, user), null, new DisclosureService.Review(outcome,
				comment, (String) vars.get("disclosurePreparedBy"), "LIAOKUO", (String) vars.get("disclosureReviewedBy")));
		vars.putAll(changes.set());
		changes.removed().forEach(vars::remove);
		return changes;
	}

	void approveBoth(Map<String, Object> vars) {
		review(vars, "userTask_reviewDisclosure", "office1", "APPROVE", null);
		review(vars, "userTask_justiceReviewDisclosure", "reviewer1", "APPROVE", null);
	}

	Map<String, Object> publish(Map<String, Object> vars, DisclosureService.Facts f, Date dueAt, String period,
			String correctionNote) {
		vars.putAll(service.publish(at("serviceTask_publishDisclosure", null), new DisclosureService.Item(
				(String) vars.get(DisclosureVariables.ITEM_NO), dueAt, period, f.caseId(), "LIAOKUO", (String) vars.get("agencyName"),
				f.decisionType(), f.decisionNumber(), (Date) vars.get("decisionDate"), f.partyType(), f.partyName(),
				(String) vars.get("publicPartyName"), (String) vars.get("publicPartyCreditCode"), f.category(),
				(String) vars.get("publicConclusion"), (String) vars.get("publicLegalBasis"), (String) vars.get("withheldNote"),
				correctionNote, (String) vars.get("disclosureReviewedBy"), (String) vars.get("disclosureJusticeReviewedBy"))));
		return vars;
	}

	static void assertRefused(Runnable call, String field, String... texts) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(FormFieldValidationException.class,
				e -> {
					assertThat(e.getMessage()).contains(field);
					for (String text : texts) {
						assertThat(e.getMessage()).contains(text);
					}
				});
	}

	/** {@code f} registered, prepared by officer1, approved by both reviewers and published in its 7 working days. */
	Map<String, Object> published(DisclosureService.Facts f, String publicPeriod) {
		Map<String, Object> vars = registered(f);
		prepare(vars, "officer1", null, null, null, f);
		approveBoth(vars);
		publish(vars, f, deadlines.workdays(vars.get("decisionDate"), 7), publicPeriod, null);
		return vars;
	}

	/** R-DISC-6: the review is a second person — someone in both roles may not approve what they prepared. */
	@Test
	void whoPreparedTheItemMayNotReviewIt() {
		DisclosureService.Facts f = penalty("2026-09-28");
		Map<String, Object> vars = registered(f);
		prepare(vars, "both1", null, null, null, f);
		assertThat(vars).containsEntry("disclosurePreparedBy", "both1");
		assertThatThrownBy(() -> review(vars, "userTask_reviewDisclosure", "both1", "APPROVE", null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("不得审核本人");
		review(vars, "userTask_reviewDisclosure", "office1", "APPROVE", null);
		assertThat(vars).containsEntry("disclosureReviewedBy", "office1");
	}

	/** Both offices review, each through its own staff, two people; a return by either goes back to the handler. */
	@Test
	void theGeneralOfficeAndTheJusticeOfficeBothReviewEachItsOwnStaffTwoPeople() {
		DisclosureService.Facts f = penalty("2026-09-28");
		Map<String, Object> vars = registered(f);
		prepare(vars, "officer1", null, null, null, f);
		assertThatThrownBy(() -> review(vars, "userTask_reviewDisclosure", "reviewer1", "APPROVE", null))
			.isInstanceOf(AuthorizationException.class);
		review(vars, "userTask_reviewDisclosure", "both1", "APPROVE", null);
		assertThatThrownBy(() -> review(vars, "userTask_justiceReviewDisclosure", "office1", "APPROVE", null))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> review(vars, "userTask_justiceReviewDisclosure", "both1", "APPROVE", null))
			.isInstanceOf(AuthorizationException.class).hasMessageContaining("分别审核");
		assertRefused(() -> review(vars, "userTask_justiceReviewDisclosure", "reviewer1", "RETURN", null),
				"disclosureReviewComment");
		review(vars, "userTask_justiceReviewDisclosure", "reviewer1", "RETURN", "法律依据应写明条款项");

		// prepared again, both review again: the general office's review clears the justice office's
		prepare(vars, "officer1", null, null, null, f);
		assertThat(review(vars, "userTask_reviewDisclosure", "office1", "APPROVE", null).removed())
			.contains("disclosureJusticeReviewedBy");
		review(vars, "userTask_justiceReviewDisclosure", "reviewer1", "APPROVE", null);
		assertThat(vars).containsEntry("disclosureReviewedBy", "office1").containsEntry("disclosureJusticeReviewedBy",
				"reviewer1");
	}

	/** Mon 28 Sep: 29, 30 Sep, (1–7 Oct National Day), 8, 9, 10 (adjusted Sat), 12, 13 Oct; a penalty is public 1 year. */
	@Test
	void aPenaltyRedactedReviewedPublishedInTimeAndWithdrawnWhenRevoked() {
		DisclosureService.Facts f = penalty("2026-09-28");
		Map<String, Object> vars = registered(f);
		Date due = deadlines.workdays(vars.get("decisionDate"), 7);
		assertThat(due).isEqualTo(moment("2026-10-13T23:59:59+08:00"));
		// what the handler and reviewers see is already redacted (R-DISC-4)
		assertThat((String) vars.get("publicConclusion")).doesNotContain("王小明", PERSON_ID, PHONE)
			.contains("王**", "[身份证号码已隐去]", "[电话号码已隐去]");
		assertThat(vars).containsEntry("publicPartyName", "王**").containsEntry("publicPartyCreditCode", null)
			.containsEntry("agencyName", "寥廓街道综合行政执法队").containsEntry("decisionTypeLabel", "行政处罚");
		prepare(vars, "officer1", null, null, null, f);
		approveBoth(vars);

		clock.at("2026-10-09T09:00:00+08:00");
		publish(vars, f, due, "P1Y", null);
		assertThat(vars).containsEntry("disclosureStatus", "PUBLISHED").containsEntry("disclosureDelayWorkingDays", 0)
			.containsEntry("disclosurePublicUntilAt", moment("2027-10-10T00:00:00+08:00"));
		String itemNo = (String) vars.get(DisclosureVariables.ITEM_NO);
		PublicDisclosure published = portal.find(itemNo).orElseThrow();
		assertThat(published.status()).isEqualTo("PUBLISHED");
		assertThat(published.partyName()).isEqualTo("王**");
		assertThat(published.conclusion()).contains("罚款200元").doesNotContain("王小明", PERSON_ID, PHONE, "南宁西路");
		assertThat(published.agencyName()).isEqualTo("寥廓街道综合行政执法队");
		assertThat(published.decisionTypeLabel()).isEqualTo("行政处罚");
		assertThat(published.version()).isEqualTo(1);
		assertThat(published.corrected()).isFalse();
		assertThat(portal.search(new DisclosureQuery(null, null, null, null, null, tag, 1, 20)).items())
			.extracting(PublicDisclosure::itemNo).containsExactly(itemNo);
		assertThat(portal.search(new DisclosureQuery(null, null, null, null, null, "罚款200元", 1, 50)).items())
			.extracting(PublicDisclosure::itemNo).contains(itemNo);

		// R-DISC-5: revoked on reconsideration → withdrawn at once (limit: 3 days) with the reason, not the content
		clock.at("2026-10-20T15:00:00+08:00");
		Map<String, Object> withdrawn = service.withdraw(itemNo, "REVOKED", "经行政复议，原处罚决定被撤销（复议人王小明电话" + PHONE + "）",
				null, "PERSON", "王小明");
		assertThat(withdrawn).containsEntry("disclosureStatus", "WITHDRAWN")
			.containsEntry("withdrawalDueAt", moment("2026-10-23T23:59:59+08:00")).containsEntry("disclosureWithdrawnOnTime", true);
		PublicDisclosure gone = portal.find(itemNo).orElseThrow();
		assertThat(gone.withdrawn()).isTrue();
		assertThat(gone.withdrawalReason()).startsWith("决定被依法撤销：经行政复议，原处罚决定被撤销").doesNotContain(PHONE, "王小明");
		assertThat(gone.conclusion()).isNull();
		assertThat(gone.partyName()).isNull();
		assertThat(gone.legalBasis()).isNull();
		// content of a withdrawn item is not searchable
		assertThat(portal.search(new DisclosureQuery(null, null, null, null, null, "罚款200元", 1, 50)).items())
			.extracting(PublicDisclosure::itemNo).doesNotContain(itemNo);
	}

	@Test
	void passagesWithheldForAReasonAreReplacedWithItAndAnOrganisationKeepsItsName() {
		clock.at("2026-03-02T10:00:00+08:00");
		DisclosureService.Facts f = new DisclosureService.Facts("LIAOKUO", caseId, "PERMIT", "2026-03-02", "许决" + tag, "ORG",
				"曲靖市麒麟区味香园餐饮有限公司", "91530302MA6K7QWE1R", "食品经营",
				"准予曲靖市麒麟区味香园餐饮有限公司食品经营许可。其配方为秘制辣椒油配比3:2:1。法定代表人：李四。", "《食品安全法》第三十五条");
		Map<String, Object> vars = registered(f);
		assertThat(vars).containsEntry("publicPartyName", "曲靖市麒麟区味香园餐饮有限公司")
			.containsEntry("publicPartyCreditCode", "91530302MA6K7QWE1R");
		assertRefused(() -> prepare(vars, "officer1", "其配方为秘制辣椒油配比3:2:1。", null, null, f), "withholdingReason");
		assertRefused(() -> prepare(vars, "officer1", "其配方为秘制辣椒油配比3:2:1。", "TRADE_SECRET", null, f), "withholdingNote");
		assertRefused(() -> prepare(vars, "officer1", "不在结论中的话", "TRADE_SECRET", "说明", f), "withheldPassages");
		prepare(vars, "officer1", "其配方为秘制辣椒油配比3:2:1。", "TRADE_SECRET", "配方系经营者的技术秘密", f);
		approveBoth(vars);
		publish(vars, f, deadlines.workdays(vars.get("decisionDate"), 7), "P3Y", null);

		PublicDisclosure published = portal.find((String) vars.get(DisclosureVariables.ITEM_NO)).orElseThrow();
		assertThat(published.conclusion()).contains("[涉及商业秘密，依法不予公开]", "法定代表人：李*").doesNotContain("3:2:1", "李四");
		assertThat(published.withheldNote()).isEqualTo("部分内容涉及商业秘密，依法不予公开");
		assertThat(published.partyCreditCode()).isEqualTo("91530302MA6K7QWE1R");
	}

	/** Tue 10 Feb 2026: 20 working days across the Spring Festival → Mon 16 Mar; warned 2 working days before; 1 day late. */
	@Test
	void anotherDecisionAcrossTheSpringFestivalPublishedADayLateRecordsTheDelay() {
		clock.at("2026-02-10T10:00:00+08:00");
		DisclosureService.Facts f = new DisclosureService.Facts("LIAOKUO", caseId, "COERCION", "2026-02-10", "强决" + tag,
				"PERSON", "王小明", PERSON_ID, "市容环境卫生", "扣押王小明的电焊机2台。", "《行政强制法》第二十二条");
		Map<String, Object> vars = registered(f);
		Date due = deadlines.workdays(vars.get("decisionDate"), 20);
		assertThat(due).isEqualTo(moment("2026-03-16T23:59:59+08:00"));
		assertThat(deadlines.workdaysBefore(due, 2)).isEqualTo(moment("2026-03-12T00:00:00+08:00"));
		prepare(vars, "officer1", null, null, null, f);
		approveBoth(vars);
		clock.at("2026-03-17T09:00:00+08:00");
		assertThat(publish(vars, f, due, "P3Y", null)).containsEntry("disclosureDelayWorkingDays", 1);
	}

	@Test
	void revokedBeforePublicationNeverReachesThePortal() {
		clock.at("2026-05-11T10:00:00+08:00");
		Map<String, Object> vars = registered(penalty("2026-05-08"));
		String itemNo = (String) vars.get(DisclosureVariables.ITEM_NO);
		assertThat(service.withdraw(itemNo, "CONFIRMED_VOID", "法院判决确认无效", "2026-05-11", "PERSON", "王小明"))
			.containsEntry("disclosureStatus", "REVOKED_BEFORE_PUBLICATION");
		assertThat(portal.find(itemNo)).isEmpty();
		assertRefused(() -> service.withdraw(itemNo, "MAYBE", "理由", null, "PERSON", "王小明"), "revocationKind");
		assertRefused(() -> service.withdraw(itemNo, "REVOKED", " ", null, "PERSON", "王小明"), "revocationReason");
	}

	/**
	 * 行政处罚法 art. 48 (3 working days, art. 85) counts from the day of the revocation, not from the day someone
	 * registers it: revoked Wed 14 Oct, due Mon 19 Oct; withdrawn Tue 20 Oct is late, and recorded so.
	 */
	@Test
	void aWithdrawalCountsFromTheRevocationsDayAndALateOneIsRecordedLate() {
		clock.at("2026-10-09T10:00:00+08:00");
		DisclosureService.Facts f = penalty("2026-10-09");
		String itemNo = (String) published(f, "P3Y").get(DisclosureVariables.ITEM_NO);

		clock.at("2026-10-20T09:00:00+08:00");
		assertRefused(() -> service.requestedRevocation(caseId, "REVOKED", "经复议撤销", null), "revokedOn", "第四十八条");
		assertRefused(() -> service.requestedRevocation(" ", "REVOKED", "经复议撤销", "2026-10-14"), "caseId");
		assertRefused(() -> service.requestedRevocation(caseId, "REVOKED", "经复议撤销", "2026-10-21"), "revokedOn", "晚于今天");
		assertRefused(() -> service.requestedRevocation(caseId, "REVOKED", "经复议撤销", "十月十四日"), "revokedOn");
		assertRefused(() -> service.requestedRevocation(caseId, "REVOKED", "撤".repeat(901), "2026-10-14"), "revocationReason");
		DisclosureService.Revocation revocation = service.requestedRevocation(caseId, "REVOKED", " 经复议撤销 ", "2026-10-14");
		assertThat(revocation.variables()).containsEntry("revokedOn", "2026-10-14").containsEntry("revocationReason", "经复议撤销");

		Map<String, Object> withdrawn = service.withdraw(itemNo, "REVOKED", "经复议撤销", "2026-10-14", "PERSON", "王小明");
		assertThat(withdrawn).containsEntry("withdrawalDueAt", moment("2026-10-19T23:59:59+08:00"))
			.containsEntry("disclosureWithdrawnOnTime", false);
		assertThat(portal.find(itemNo).orElseThrow().withdrawn()).isTrue();
	}

	/** 16, 17, 18 Jun, (19–21 Jun Dragon Boat), 22–25 Jun: a correction has the same 7 working days from its day. */
	@Test
	void aCorrectionIsReviewedAndPublishedAsANewVersionTheFirstStayingPublicMeanwhile() {
		clock.at("2026-06-01T10:00:00+08:00");
		DisclosureService.Facts f = penalty("2026-06-01");
		Map<String, Object> vars = published(f, "P1Y");
		String itemNo = (String) vars.get(DisclosureVariables.ITEM_NO);

		clock.at("2026-06-15T10:00:00+08:00");
		DisclosureService.Facts corrected = new DisclosureService.Facts("LIAOKUO", caseId, "PENALTY", "2026-06-01",
				f.decisionNumber(), "PERSON", "王小明", PERSON_ID, f.category(), "对王小明（身份证号码" + PERSON_ID + "）占道经营行为，决定罚款150元。" + tag,
				f.legalBasis());
		Map<String, Object> changes = service.register(corrected, true, 7).set();
		assertThat(changes).containsEntry("disclosureDueAt", moment("2026-06-25T23:59:59+08:00"))
			.doesNotContainKey(DisclosureVariables.ITEM_NO);
		vars.putAll(changes);
		assertThat(portal.find(itemNo).orElseThrow().conclusion()).contains("罚款200元");
		prepare(vars, "officer1", null, null, null, corrected);
		approveBoth(vars);
		publish(vars, corrected, (Date) vars.get("disclosureDueAt"), "P1Y", "原公开的罚款数额有误，更正为150元");

		PublicDisclosure current = portal.find(itemNo).orElseThrow();
		assertThat(current.version()).isEqualTo(2);
		assertThat(current.corrected()).isTrue();
		assertThat(current.correctionNote()).isEqualTo("原公开的罚款数额有误，更正为150元");
		assertThat(current.conclusion()).contains("罚款150元", "王**").doesNotContain("200元", PERSON_ID);
		assertThat(portal.search(new DisclosureQuery("LIAOKUO", null, null, null, null, tag, 1, 20)).items()).singleElement()
			.extracting(PublicDisclosure::version).isEqualTo(2);
	}

	/** A penalty published Tue 7 Apr 2026 is public for one year: until the end of 7 Apr 2027, then archived. */
	@Test
	void afterThePublicPeriodTheItemLeavesTheListAndIsArchived() {
		clock.at("2026-04-07T10:00:00+08:00");
		DisclosureService.Facts f = penalty("2026-04-07");
		Map<String, Object> vars = registered(f);
		prepare(vars, "officer1", null, null, null, f);
		approveBoth(vars);
		publish(vars, f, deadlines.workdays(vars.get("decisionDate"), 7), "P1Y", null);
		assertThat(vars).containsEntry("disclosurePublicUntilAt", moment("2027-04-08T00:00:00+08:00"));
		String itemNo = (String) vars.get(DisclosureVariables.ITEM_NO);
		clock.at("2027-04-07T12:00:00+08:00");
		assertThat(portal.find(itemNo)).isPresent();
		clock.at("2027-04-08T00:30:00+08:00");
		assertThat(service.archive(itemNo)).isEqualTo("ARCHIVED");
		assertThat(portal.find(itemNo)).isEmpty();
	}

	@Test
	void anIncompleteStartIsRefusedWithTheField() {
		DisclosureService.Facts f = penalty("2026-09-28");
		assertRefused(() -> service.register(new DisclosureService.Facts("LIAOKUO", caseId, null, "2026-09-28",
				f.decisionNumber(), "PERSON", "王小明", PERSON_ID, f.category(), f.conclusion(), f.legalBasis()), false, null),
				"decisionType");
		assertRefused(() -> service.register(penalty("2026-13-45"), false, null), "decisionDate");
	}

	/** Started from Tasklist's start form (no business key): the case number becomes the key, so a revocation reaches it. */
	@Test
	void aStartWithoutBusinessKeyIsKeyedByItsCase() throws Exception {
		DisclosureService.Facts f = penalty("2026-09-28");
		Map<String, Object> vars = new HashMap<>(Map.of("agencyCode", "LIAOKUO", "caseId", f.caseId(), "decisionType", "PENALTY",
				"decisionDate", "2026-09-28", "decisionNumber", f.decisionNumber(), "partyType", "PERSON", "partyName", "王小明",
				"partyIdNumber", PERSON_ID, "category", f.category(), "conclusion", f.conclusion()));
		vars.put("legalBasis", f.legalBasis());
		DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(execution.getVariable(anyString())).thenAnswer(i -> vars.get(i.<String>getArgument(0)));
		when(execution.getProcessBusinessKey()).thenReturn(null);
		new DisclosureDelegates().registerDisclosure(service).execute(execution);
		verify(execution).setProcessBusinessKey(caseId);
	}
}
