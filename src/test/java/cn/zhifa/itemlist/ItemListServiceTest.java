package cn.zhifa.itemlist;

import static cn.zhifa.support.FormRefusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.zhifa.document.DisplayLabels;
import cn.zhifa.document.DocumentNumbers;
import cn.zhifa.organisation.AgencyRepository;
import cn.zhifa.platform.Step;
import cn.zhifa.support.KnownAgencies;
import cn.zhifa.support.MovableClock;

/**
 * Data slice of the enforcement item lists (行政执法事项清单, R-QUAL-4) as {@link ItemListService} keeps them, on H2 with the
 * Flyway migrations and the seed lists of {@code disclosure/item-lists/}: the guard of a case's registration, a change
 * proposed by the legal office, reviewed by someone else, published as the next version from its effective day, returned
 * and revised, an item removed; the refusals naming the field (was {@code ItemListProcessTests}). The model's paths:
 * {@code ItemListChangePathsTest}; the REST path with tenants, 403/400 and the portal: {@code ItemListIT}.
 */
@DataJpaTest(showSql = false)
class ItemListServiceTest {

	@Autowired
	DataSource dataSource;

	final MovableClock clock = new MovableClock("2026-11-02T09:00:00+08:00");
	final AtomicInteger numbers = new AtomicInteger();
	ItemListService lists;

	@BeforeEach
	void seeded() {
		AgencyRepository agencies = KnownAgencies.of("LIAOKUO");
		DocumentNumbers counter = mock(DocumentNumbers.class);
		when(counter.next(anyString(), anyString(), anyInt())).thenAnswer(i -> numbers.incrementAndGet());
		DisplayLabels labels = mock(DisplayLabels.class);
		when(labels.label("itemAction", "ADD")).thenReturn("新增事项");
		lists = new ItemListService(new ItemListStore(new JdbcTemplate(dataSource)),
				new ItemListSeeds("disclosure/item-lists"), agencies, counter, labels, clock);
		lists.loadSeeds();
	}

	static Step as(String user, String agency, String pi, String... groups) {
		return new Step(pi, null, agency, "activity", null, null, user, Set.of(groups), Set.of(agency));
	}

	static Step legalOffice(String pi) {
		return as("reviewer1", "LIAOKUO", pi, "LIAOKUO-reviewer");
	}

	static Step office(String pi) {
		return as("office1", "LIAOKUO", pi, "LIAOKUO-office");
	}

	static ItemListService.ProposalInput proposal(String action, String code) {
		return new ItemListService.ProposalInput(action, code, "对测试事项的行政处罚", "PENALTY", "《城市市容和环境卫生管理条例》第三十六条",
				"寥廓街道综合行政执法队执法一中队", "立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任",
				"有《中华人民共和国行政处罚法》第七十六条至第八十三条规定情形的，依法追究相应责任", "新赋权事项，自公布之日起由街道实施。", null);
	}


	@Test
	void theSeedListsHoldEveryViolationTheDemoUses() {
		for (String code : new String[] { "CM-OCCUPY-ROAD", "CM-ILLEGAL-BUILD", "CM-ILLEGAL-BUILD-RURAL", "CM-DUMP-WASTE",
				"MR-UNLICENSED", "MR-EXPIRED-FOOD", "MR-PRICE-TAG" }) {
			lists.requireOnList("LIAOKUO", code, "violationCode");
		}
		for (String code : new String[] { "MR-UNLICENSED", "MR-EXPIRED-FOOD", "MR-PRICE-TAG" }) {
			lists.requireOnList("QLSCJ", code, "violationCode");
		}
		ItemListVersion first = lists.version("LIAOKUO", 1).orElseThrow();
		assertThat(first.publishedBy()).isEqualTo("system");
		assertThat(first.changeNo()).isNull();
		assertThat(lists.items("LIAOKUO", 1)).extracting(EnforcementItem::kind).contains("PENALTY", "COERCION", "INSPECTION");
		assertThat(lists.items("LIAOKUO", 1)).allSatisfy(i -> assertThat(i.legalBasis()).contains("《"));
	}

	/** On the benchmark (county-wide) but not a power of 区市场监督管理局: refused naming the field and the rule. */
	@Test
	void aViolationNotOnTheAgencysListIsNotRegistered() {
		assertRefused(() -> lists.requireOnList("QLSCJ", "CM-DUMP-WASTE", "violationCode"), "violationCode",
				"不在本机关现行行政执法事项清单", "R-QUAL-4", "行政处罚法》第四条");
		// an item that is not a penalty (暂扣 is a coercive measure) does not found a case either
		assertRefused(() -> lists.requireOnList("LIAOKUO", "CM-SEIZE-STALL-GOODS", "violationCode"), "violationCode",
				"行政处罚事项");
		assertRefused(() -> lists.requireOnList("NOLIST", "CM-OCCUPY-ROAD", "violationCode"), "violationCode",
				"尚未发布行政执法事项清单");
	}

	@Test
	void anItemAddedReviewedAndPublishedAsTheNextVersionInForceFromItsDay() {
		int before = lists.history("LIAOKUO").get(0).version();
		ItemListService.ProposalInput add = new ItemListService.ProposalInput("ADD", "CM-TEST-A", "对测试事项的行政处罚",
				"PENALTY", proposal("ADD", "x").legalBasis(), proposal("ADD", "x").unit(), proposal("ADD", "x").responsibilities(),
				proposal("ADD", "x").accountability(), "新赋权事项，自公布之日起由街道实施。", "2026-11-05");
		ItemListService.Proposed p = lists.propose(legalOffice("pi-a"), add);
		assertThat(p.changeNo()).isEqualTo("寥街清单变更〔2026〕1号");
		assertThat(p.shown().actionLabel()).isEqualTo("新增事项");
		assertThat(p.shown().baseVersion()).isEqualTo(before);
		assertThat(lists.change(p.changeNo()).orElseThrow().status()).isEqualTo(ItemListChange.PROPOSED);
		// not on the list before it is published
		assertRefused(() -> lists.requireOnList("LIAOKUO", "CM-TEST-A", "violationCode"), "violationCode");

		assertRefused(() -> lists.checkReview(office("pi-a"), "MAYBE", null, "reviewer1"), "itemListReviewOutcome");
		lists.checkReview(office("pi-a"), "APPROVE", null, "reviewer1");
		clock.at("2026-11-03T10:00:00+08:00");
		int published = lists.publish(office("pi-a"), p.changeNo(), add, null);

		ItemListChange c = lists.change(p.changeNo()).orElseThrow();
		assertThat(c.status()).isEqualTo(ItemListChange.PUBLISHED);
		assertThat(c.reviewedBy()).isEqualTo("office1");
		assertThat(published).isEqualTo(c.publishedVersion()).isEqualTo(before + 1);
		ItemListVersion v = lists.version("LIAOKUO", published).orElseThrow();
		assertThat(v.effectiveOn()).isEqualTo(LocalDate.of(2026, 11, 5));
		assertThat(v.changeNo()).isEqualTo(p.changeNo());
		assertThat(v.summary()).contains("新增", "对测试事项");
		// the earlier version stays, unchanged, in the history; the new one adds the item to all the earlier ones
		assertThat(lists.items("LIAOKUO", before)).extracting(EnforcementItem::code).doesNotContain("CM-TEST-A");
		assertThat(lists.items("LIAOKUO", published)).hasSize(lists.items("LIAOKUO", before).size() + 1);
		// in force from its effective day only
		assertRefused(() -> lists.requireOnList("LIAOKUO", "CM-TEST-A", "violationCode"), "violationCode",
				"不在本机关现行行政执法事项清单");
		clock.at("2026-11-05T08:00:00+08:00");
		assertThatCode(() -> lists.requireOnList("LIAOKUO", "CM-TEST-A", "violationCode")).doesNotThrowAnyException();
		assertThat(lists.inForce("LIAOKUO").orElseThrow().version()).isEqualTo(published);
	}

	@Test
	void aChangeReturnedRevisedAndAnItemRemoved() {
		lists.publish(office("pi-0"), lists.propose(legalOffice("pi-0"), proposal("ADD", "CM-TEST-R")).changeNo(),
				proposal("ADD", "CM-TEST-R"), null);

		ItemListService.ProposalInput change = new ItemListService.ProposalInput("CHANGE", "CM-TEST-R", "对测试事项的行政处罚",
				"PENALTY", proposal("x", "x").legalBasis(), "寥廓街道综合行政执法队执法二中队", proposal("x", "x").responsibilities(),
				proposal("x", "x").accountability(), "实施机构调整。", null);
		ItemListService.Proposed p = lists.propose(legalOffice("pi-c"), change);
		assertThat(p.shown().currentEntry()).contains("执法一中队");
		assertRefused(() -> lists.checkReview(office("pi-c"), "RETURN", null, "reviewer1"), "itemListReviewComment");
		lists.returnForRevision(office("pi-c"), p.changeNo(), "追责情形应引用行政处罚法的条款。");
		assertThat(lists.change(p.changeNo()).orElseThrow().status()).isEqualTo(ItemListChange.RETURNED);

		ItemListService.ProposalInput revised = new ItemListService.ProposalInput("CHANGE", "CM-TEST-R", null, "PENALTY",
				change.legalBasis(), change.unit(), change.responsibilities(), "有《中华人民共和国行政处罚法》第七十六条规定情形的，依法追究责任",
				change.reason(), null);
		assertRefused(() -> lists.checkRevision(legalOffice("pi-c"), revised), "itemName");
		ItemListService.ProposalInput named = new ItemListService.ProposalInput("CHANGE", "CM-TEST-R", "对测试事项的行政处罚",
				"PENALTY", change.legalBasis(), change.unit(), change.responsibilities(), revised.accountability(),
				change.reason(), null);
		lists.resubmit(legalOffice("pi-c"), p.changeNo(), named);
		int version = lists.publish(office("pi-c"), p.changeNo(), named, null);
		assertThat(lists.change(p.changeNo()).orElseThrow().rounds()).isEqualTo(2);
		assertThat(lists.items("LIAOKUO", version)).filteredOn(i -> i.code().equals("CM-TEST-R")).singleElement()
			.satisfies(i -> {
				assertThat(i.responsibleUnit()).endsWith("执法二中队");
				assertThat(i.accountability()).contains("第七十六条");
			});

		ItemListService.ProposalInput remove = new ItemListService.ProposalInput("REMOVE", "CM-TEST-R", null, null, null, null,
				null, null, "赋权事项调整，收回区级部门实施。", null);
		int after = lists.publish(office("pi-r"), lists.propose(legalOffice("pi-r"), remove).changeNo(), remove, null);
		assertThat(lists.items("LIAOKUO", after)).extracting(EnforcementItem::code).doesNotContain("CM-TEST-R")
			.contains("CM-OCCUPY-ROAD");
		assertThat(lists.version("LIAOKUO", after).orElseThrow().summary()).startsWith("删除：对测试事项");
		assertRefused(() -> lists.requireOnList("LIAOKUO", "CM-TEST-R", "violationCode"), "violationCode", "第" + after + "版");
	}

	@Test
	void onlyTheLegalOfficeProposesAndNotTheReviewerOfItsOwnChange() {
		for (String group : new String[] { "LIAOKUO-officer", "LIAOKUO-head", "LIAOKUO-office", "supervisor" }) {
			assertThatThrownBy(() -> lists.propose(as("someone", "LIAOKUO", "pi-x", group), proposal("ADD", "CM-TEST-X")))
				.as(group).isInstanceOf(AuthorizationException.class);
		}
		assertThatThrownBy(() -> lists.checkReview(as("reviewer1", "LIAOKUO", "pi-x", "LIAOKUO-reviewer", "LIAOKUO-head"),
				"APPROVE", null, "reviewer1")).isInstanceOf(AuthorizationException.class).hasMessageContaining("不得是提出变更的人");
		// another agency's legal office changes its own list only
		Step qlscj = as("reviewer2", "QLSCJ", "pi-q", "QLSCJ-reviewer");
		lists.publish(as("head2", "QLSCJ", "pi-q", "QLSCJ-head"), lists.propose(qlscj, proposal("ADD", "CM-TEST-Q")).changeNo(),
				proposal("ADD", "CM-TEST-Q"), null);
		assertThatCode(() -> lists.requireOnList("QLSCJ", "CM-TEST-Q", "violationCode")).doesNotThrowAnyException();
		assertRefused(() -> lists.requireOnList("LIAOKUO", "CM-TEST-Q", "violationCode"), "violationCode");
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		ItemListService.ProposalInput p = proposal("ADD", "CM-TEST-B");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), new ItemListService.ProposalInput("RENAME", p.itemCode(),
				p.name(), p.kind(), p.legalBasis(), p.unit(), p.responsibilities(), p.accountability(), p.reason(), null)),
				"itemAction:");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), proposal("ADD", "cm road")), "itemCode:");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), new ItemListService.ProposalInput("ADD", p.itemCode(), p.name(),
				"FINE", p.legalBasis(), p.unit(), p.responsibilities(), p.accountability(), p.reason(), null)), "itemKind:");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), new ItemListService.ProposalInput("ADD", p.itemCode(), p.name(),
				p.kind(), null, p.unit(), p.responsibilities(), p.accountability(), p.reason(), null)), "itemLegalBasis:");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), new ItemListService.ProposalInput("ADD", p.itemCode(), p.name(),
				p.kind(), p.legalBasis(), p.unit(), p.responsibilities(), p.accountability(), p.reason(), "2026-10-01")),
				"itemEffectiveOn:");
		// adding what is there, changing or removing what is not
		assertRefused(() -> lists.propose(legalOffice("pi-b"), proposal("ADD", "CM-OCCUPY-ROAD")), "itemCode", "已在清单");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), proposal("CHANGE", "CM-NOT-THERE")), "itemCode", "不在清单");
		assertRefused(() -> lists.propose(legalOffice("pi-b"), new ItemListService.ProposalInput("ADD", p.itemCode(), p.name(),
				p.kind(), p.legalBasis(), p.unit(), p.responsibilities(), p.accountability(), null, null)),
				"itemChangeReason: 变更理由必须填写");
	}
}
