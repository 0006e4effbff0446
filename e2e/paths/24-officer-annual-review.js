// Path 24 — an officer's annual certificate review (执法证年审, R-QUAL-2, issue 19 §5, docs/officers.md): reviewer1
// (司法所) starts 行政执法证年审 in Tasklist for 周杰 (officer5) → finds 作出执法证年审结论 in 本机构待办 showing the year's
// training hours, exams and evaluations → 年审合格 is refused (no training, no exam recorded) → fails the review with
// its reason → officer5 is suspended: no longer offered as 承办人 when head1 files a case, and refused with the reason.
// NOTE: officer5 stays suspended for the rest of the run — paths after this one must not rely on officer5.
'use strict';
const { runPath } = require('../lib');
const steps = require('../steps');

runPath(__filename, async (t) => {
  const year = new Date().getFullYear();
  const reason = `${year}年度培训学时为零，未参加业务知识考试，经评议不符合年审要求。`;
  // the card of this year's review of 周杰: an earlier path may have moved the clock past 1 November, when the yearly
  // schedule starts next year's reviews of every officer (the cards show 年审人员 and 年审年度)
  const thisReview = new RegExp(`^(?=[\\s\\S]*officer5)(?=[\\s\\S]*年审年度[^0-9]*${year})`);

  const reviewer = await t.login('reviewer1');
  await t.step('reviewer1 在任务中心「发起流程」→ 行政执法证年审，为周杰（officer5）发起本年度年审', async () => {
    const form = await reviewer.startProcess('行政执法证年审');
    await form.expectText('发起执法证年审');
    await form.fill('执法人员（用户名）', 'officer5');
    await form.fill('年审年度', year);
    const instance = await form.start();
    t.check(instance && instance.id, '应已发起年审');
    const officers = await t.api('/api/officers/officer5', 'reviewer1');
    t.check(officers.annualReviews.some((r) => r.year === year && r.status === 'OPEN'), '年审应已登记（进行中）');
  });

  await t.step('reviewer1 在「本机构待办」作出结论：记录不全时不能认定合格；认定不合格并写明理由', async () => {
    await reviewer.openFilter('本机构待办');
    let form = await reviewer.openTask('作出执法证年审结论', { caseNo: thisReview });
    await form.expectText('周杰');
    await form.expectText('不符合年审标准');
    form = await reviewer.claim();
    await form.fill('年审结论', '年审合格');
    await form.completeRefused('不符合年审标准');
    await form.fill('年审结论', '年审不合格，暂停执法资格');
    await form.fill('年审意见', reason);
    await form.complete();
    await reviewer.expectTaskGone('作出执法证年审结论', thisReview);
    const officer5 = await t.api('/api/officers/officer5', 'reviewer1');
    t.equal(officer5.mayEnforceToday, false, '年审不合格后不得执法');
    t.check(/年审不合格/.test(officer5.suspensionReason || ''), `暂停理由：${officer5.suspensionReason}`);
  });

  const officer = await t.login('officer1');
  const c = await steps.registerCase(t, officer, { party: '王小五' });
  const head = await t.login('head1');
  await t.step('head1 审批立案时，承办人的选项中不再有周杰（年审不合格，执法资格暂停）', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审批立案', { caseNo: c.caseNo });
    form = await head.claim();
    await form.radio('审批意见', '同意立案');
    // choosing 周杰 as the handler fails: the list offers only the certified officers who may enforce today
    let offered = null;
    try {
      await form.fill('承办人', await steps.officerOption(t, 'officer5'));
    } catch (e) {
      offered = String(e.message || e);
    }
    t.check(offered && /没有选项/.test(offered), '承办人的选项中不应有周杰');
    t.note(`head1: ${offered}`);
    t.check(/李明/.test(offered) && /王芳/.test(offered), `李明、王芳应可选：${offered}`);
  });
});
