package cn.zhifa.itemlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhifa.enforcementcase.EnforcementCaseService;
import cn.zhifa.enforcementcase.NewCase;
import cn.zhifa.record.RecordEntry;
import cn.zhifa.support.ProcessScenarioSupport;
import cn.zhifa.support.ZhifaIntegrationTest;

/**
 * Process {@code item-list-change} (行政执法事项清单, R-QUAL-4, R-DISC-1), every path: the seed lists are there; the
 * legal office adds an item, the general office approves, the next version is published from its effective day and the
 * earlier one stays in the history; a change returned, revised and published; an item removed; only the legal office
 * proposes, the reviewer is not the proposer, another agency sees nothing; bad input refused naming the field; and the
 * guard of a case's registration: a violation not on the agency's list in force is refused with the rule.
 */
@ZhifaIntegrationTest
class ItemListProcessTests extends ProcessScenarioSupport {

	@Autowired
	ItemListService lists;
	@Autowired
	EnforcementCaseService cases;

	final String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', 'X');

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

	@Test
	void aViolationNotOnTheAgencysListIsNotRegistered() {
		// on the benchmark (county-wide), but not a power of 区市场监督管理局 (乱倒垃圾 is 城市管理): refused naming the field and the rule
		NewCase road = new NewCase("QLSCJ", "PATROL", false, "PERSON", "张三", "530302199001011232", "13800000000", false,
				"CM-DUMP-WASTE", "在人民路沿街乱倒生活垃圾", LocalDate.now(), null, null, null).withPartyAddress("曲靖市麒麟区人民路12号");
		assertThatThrownBy(() -> cases.register(road, "officer4")).isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("violationCode").hasMessageContaining("不在本机关现行行政执法事项清单")
			.hasMessageContaining("R-QUAL-4").hasMessageContaining("行政处罚法》第四条");
		// a case transferred in keeps the sending agency's code: its filing decides (docs/item-list.md)
		// an item that is not a penalty (暂扣 is a coercive measure) does not found a case either
		assertThatThrownBy(() -> lists.requireOnList("LIAOKUO", "CM-SEIZE-STALL-GOODS", "violationCode"))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("行政处罚事项");
		assertThatThrownBy(() -> lists.requireOnList("NOLIST", "CM-OCCUPY-ROAD", "violationCode"))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("尚未发布行政执法事项清单");
	}

	@Test
	void anItemAddedReviewedAndPublishedAsTheNextVersion() {
		clockAt(moment(MONDAY));
		String code = "CM-TEST-" + tag;
		int before = lists.history("LIAOKUO").get(0).version();
		Map<String, Object> add = proposal("ADD", code);
		add.put("itemEffectiveOn", "2026-11-05");
		ProcessInstance pi = startProcessAs("reviewer1", "item-list-change", add);
		assertThat(pi.getTenantId()).isEqualTo("LIAOKUO");
		String no = pi.getBusinessKey();
		assertThat(no).matches("寥街清单变更〔2026〕\\d+号");
		assertThat(pi).isWaitingAt("userTask_review");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("LIAOKUO-office")
			.count()).isEqualTo(1);
		assertThat(variableOf(pi, "itemActionLabel")).isEqualTo("新增事项");
		assertThat(variableOf(pi, "itemListBaseVersion")).isEqualTo(before);
		assertThat(lists.change(no).orElseThrow().status()).isEqualTo(ItemListChange.PROPOSED);
		// not on the list before it is published
		assertThatThrownBy(() -> lists.requireOnList("LIAOKUO", code, "violationCode"))
			.isInstanceOf(FormFieldValidationException.class);

		// another agency sees nothing of it; the proposer does not review their own change
		as("head2");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		engine.getIdentityService().clearAuthentication();
		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_review", Map.of("itemListReviewOutcome", "MAYBE")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemListReviewOutcome");

		clockAt(moment("2026-11-03T10:00:00+08:00"));
		completeTaskAs("office1", pi, "userTask_review", Map.of("itemListReviewOutcome", "APPROVE"));
		assertThat(pi).isEnded().hasPassedInOrder("userTask_review", "gateway_outcome", "serviceTask_publish", "endEvent_published")
			.hasNotPassed("serviceTask_return");
		ItemListChange c = lists.change(no).orElseThrow();
		assertThat(c.status()).isEqualTo(ItemListChange.PUBLISHED);
		assertThat(c.reviewedBy()).isEqualTo("office1");
		int published = c.publishedVersion();
		assertThat(published).isEqualTo(before + 1);
		ItemListVersion v = lists.version("LIAOKUO", published).orElseThrow();
		assertThat(v.effectiveOn()).isEqualTo(LocalDate.of(2026, 11, 5));
		assertThat(v.changeNo()).isEqualTo(no);
		assertThat(v.summary()).contains("新增", "对测试事项" + tag);
		// the earlier version stays, unchanged, in the history; the new one adds the item to all the earlier ones
		assertThat(lists.items("LIAOKUO", before)).extracting(EnforcementItem::code).doesNotContain(code);
		assertThat(lists.items("LIAOKUO", published)).hasSize(lists.items("LIAOKUO", before).size() + 1);
		// in force from its effective day only
		assertThatThrownBy(() -> lists.requireOnList("LIAOKUO", code, "violationCode"))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不在本机关现行行政执法事项清单");
		clockAt(moment("2026-11-05T08:00:00+08:00"));
		lists.requireOnList("LIAOKUO", code, "violationCode");
		assertThat(lists.inForce("LIAOKUO").orElseThrow().version()).isGreaterThanOrEqualTo(published);
		// every step in the full-process record under the change's number, with who did it
		assertThat(record.list(no)).filteredOn(e -> e.kind().equals("TASK_COMPLETED")).extracting(RecordEntry::actor)
			.containsExactly("office1");
		assertThat(record.list(no)).extracting(RecordEntry::actor).contains("reviewer1");
	}

	@Test
	void aChangeReturnedRevisedAndAnItemRemoved() {
		clockAt(moment(MONDAY));
		String code = "CM-TEST-" + tag + "-R";
		ProcessInstance added = startProcessAs("reviewer1", "item-list-change", proposal("ADD", code));
		completeTaskAs("office1", added, "userTask_review", Map.of("itemListReviewOutcome", "APPROVE"));
		lists.requireOnList("LIAOKUO", code, "violationCode");

		Map<String, Object> change = proposal("CHANGE", code);
		change.put("itemResponsibleUnit", "寥廓街道综合行政执法队执法二中队");
		ProcessInstance pi = startProcessAs("reviewer1", "item-list-change", change);
		assertThat(String.valueOf(variableOf(pi, "itemCurrentEntry"))).contains("执法一中队");
		assertThatThrownBy(() -> completeTaskAs("office1", pi, "userTask_review", Map.of("itemListReviewOutcome", "RETURN")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemListReviewComment");
		completeTaskAs("office1", pi, "userTask_review",
				Map.of("itemListReviewOutcome", "RETURN", "itemListReviewComment", "追责情形应引用行政处罚法的条款。"));
		assertThat(pi).isWaitingAt("userTask_revise").hasPassed("serviceTask_return");
		assertThat(lists.change(pi.getBusinessKey()).orElseThrow().status()).isEqualTo(ItemListChange.RETURNED);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
			.taskCandidateGroup("LIAOKUO-reviewer").count()).isEqualTo(1);
		Map<String, Object> revised = new HashMap<>(change);
		revised.put("itemAccountability", "有《中华人民共和国行政处罚法》第七十六条规定情形的，依法追究责任");
		revised.put("itemName", "");
		assertThatThrownBy(() -> completeTaskAs("reviewer1", pi, "userTask_revise", revised))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemName");
		revised.put("itemName", "对测试事项" + tag + "的行政处罚");
		completeTaskAs("reviewer1", pi, "userTask_revise", revised);
		assertThat(pi).isWaitingAt("userTask_review").hasPassed("serviceTask_resubmit");
		completeTaskAs("office1", pi, "userTask_review", Map.of("itemListReviewOutcome", "APPROVE"));
		ItemListChange c = lists.change(pi.getBusinessKey()).orElseThrow();
		assertThat(c.rounds()).isEqualTo(2);
		assertThat(lists.items("LIAOKUO", c.publishedVersion())).filteredOn(i -> i.code().equals(code)).singleElement()
			.satisfies(i -> {
				assertThat(i.responsibleUnit()).endsWith("执法二中队");
				assertThat(i.accountability()).contains("第七十六条");
			});

		Map<String, Object> remove = new HashMap<>();
		remove.put("itemAction", "REMOVE");
		remove.put("itemCode", code);
		remove.put("itemChangeReason", "赋权事项调整，收回区级部门实施。");
		ProcessInstance removed = startProcessAs("reviewer1", "item-list-change", remove);
		completeTaskAs("office1", removed, "userTask_review", Map.of("itemListReviewOutcome", "APPROVE"));
		int version = lists.change(removed.getBusinessKey()).orElseThrow().publishedVersion();
		assertThat(lists.items("LIAOKUO", version)).extracting(EnforcementItem::code).doesNotContain(code)
			.contains("CM-OCCUPY-ROAD");
		assertThat(lists.version("LIAOKUO", version).orElseThrow().summary()).startsWith("删除：对测试事项");
		assertThatThrownBy(() -> lists.requireOnList("LIAOKUO", code, "violationCode"))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第" + version + "版");
	}

	@Test
	void onlyTheLegalOfficeProposesAndNotTheReviewerOfItsOwnChange() {
		clockAt(moment(MONDAY));
		String code = "CM-TEST-" + tag + "-A";
		for (String user : new String[] { "officer1", "head1", "office1", "supervisor1" }) {
			assertThatThrownBy(() -> startProcessAs(user, "item-list-change", proposal("ADD", code))).as(user)
				.isInstanceOf(AuthorizationException.class);
		}
		// reviewer1 is also in the legal office and could see the review if it were offered to the head's group: not the
		// proposer, whatever group offers the task
		ProcessInstance pi = startProcessAs("reviewer2", "item-list-change", proposal("ADD", code));
		assertThat(pi.getTenantId()).isEqualTo("QLSCJ");
		engine.getIdentityService().setAuthentication("reviewer2", java.util.List.of("QLSCJ-reviewer", "QLSCJ-head"),
				java.util.List.of("QLSCJ"));
		try {
			String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
			assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("itemListReviewOutcome", "APPROVE")))
				.isInstanceOf(AuthorizationException.class).hasMessageContaining("不得是提出变更的人");
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		completeTaskAs("head2", pi, "userTask_review", Map.of("itemListReviewOutcome", "APPROVE"));
		assertThat(pi).isEnded();
		lists.requireOnList("QLSCJ", code, "violationCode");
		// LIAOKUO's list does not have it
		assertThatThrownBy(() -> lists.requireOnList("LIAOKUO", code, "violationCode"))
			.isInstanceOf(FormFieldValidationException.class);
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		clockAt(moment(MONDAY));
		Map<String, String> broken = Map.of("itemAction", "RENAME", "itemCode", "cm road", "itemKind", "FINE",
				"itemLegalBasis", "", "itemEffectiveOn", "2026-10-01");
		for (Map.Entry<String, String> e : broken.entrySet()) {
			Map<String, Object> v = proposal("ADD", "CM-TEST-" + tag + "-B");
			v.put(e.getKey(), e.getValue());
			assertThatThrownBy(() -> startProcessAs("reviewer1", "item-list-change", v)).as(e.getKey())
				.isInstanceOf(FormFieldValidationException.class).hasMessageContaining(e.getKey() + ":");
		}
		// adding what is there, changing or removing what is not
		assertThatThrownBy(() -> startProcessAs("reviewer1", "item-list-change", proposal("ADD", "CM-OCCUPY-ROAD")))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemCode").hasMessageContaining("已在清单");
		assertThatThrownBy(() -> startProcessAs("reviewer1", "item-list-change", proposal("CHANGE", "CM-NOT-" + tag)))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemCode").hasMessageContaining("不在清单");
		Map<String, Object> noReason = proposal("ADD", "CM-TEST-" + tag + "-C");
		noReason.remove("itemChangeReason");
		assertThatThrownBy(() -> startProcessAs("reviewer1", "item-list-change", noReason))
			.isInstanceOf(FormFieldValidationException.class).hasMessageContaining("itemChangeReason: 变更理由必须填写");
	}

	private Map<String, Object> proposal(String action, String code) {
		Map<String, Object> v = new HashMap<>();
		v.put("itemAction", action);
		v.put("itemCode", code);
		v.put("itemName", "对测试事项" + tag + "的行政处罚");
		v.put("itemKind", "PENALTY");
		v.put("itemLegalBasis", "《城市市容和环境卫生管理条例》第三十六条");
		v.put("itemResponsibleUnit", "寥廓街道综合行政执法队执法一中队");
		v.put("itemResponsibilities", "立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任");
		v.put("itemAccountability", "有《中华人民共和国行政处罚法》第七十六条至第八十三条规定情形的，依法追究相应责任");
		v.put("itemChangeReason", "新赋权事项，自公布之日起由街道实施。");
		return v;
	}
}
