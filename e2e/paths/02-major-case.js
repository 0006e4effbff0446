// Path 2 — major case (重大执法决定): a supermarket sells food past its shelf life, the circumstances are
// serious, the benchmark gives a fine of 100,000 yuan and the licence is revoked — two items of the
// major-decision catalogue (dmn/major-decision-catalogue.dmn: 吊销许可证件; 对组织罚款10万元以上). officer1
// registers and handles the case, head1 files it, officer1 and officer2 investigate, officer1 proposes the
// penalty and serves the prior notice (the party waives statement, defence and hearing in writing); the case
// goes to 法制审核 by itself: reviewer1 finds it in the filter 法制审核, accepts the materials, reviews within
// the 5 working days shown as the due date and agrees (同意); head1 holds the collective discussion
// (集体讨论) and makes the decision (作出处罚决定), which R-REV-1 allows only after the passed review.
'use strict';
const { runPath } = require('../lib');
const {
  majorCaseUpToPriorNotice, acceptMaterials, expectShown, expectDue, take, reviewConclusion, reviewOf,
  reviewInstance, workdaysAfter, beijingDay, cardDue, MAJOR_CASE, APPROVING_OPINION,
} = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');
  const reviewer = await t.login('reviewer1');

  const { caseNo, pid } = await majorCaseUpToPriorNotice(t, officer, head);

  await t.step('系统对照重大执法决定目录，认定为重大执法决定并送法制审核', async () => {
    const vars = await t.variables(pid);
    t.equal(vars.isMajor, true, '是否重大执法决定');
    t.check(/吊销/.test(vars.majorReasons || '') && /罚款/.test(vars.majorReasons || ''),
      `重大理由应列出吊销许可证件和较大数额罚款，实际：${vars.majorReasons}`);
    await reviewInstance(t, caseNo);
  });

  await acceptMaterials(t, reviewer, caseNo, ['调查终结报告']);

  let review;
  await t.step('reviewer1 在「法制审核」中看到「审核拟作决定」，到期日为收到材料后第5个工作日；'
    + '有未勾选的审核要点时选「同意」被拒绝，核对后审核同意并写明具体审核意见', async () => {
    review = await reviewOf(t, caseNo);
    const received = beijingDay(review.rounds[0].materialsReceivedAt);
    const due = workdaysAfter(received, 5);
    t.equal(beijingDay(review.dueAt), due, 'GET /api/reviews 的审核期限');
    await reviewer.openFilter('法制审核');
    t.equal(await cardDue(reviewer, '审核拟作决定', caseNo), due, '「法制审核」列表中任务卡片的到期日');
    let form = await reviewer.openTask('审核拟作决定', { caseNo });
    await form.expectText('审核拟作决定');
    await expectShown(form, '案号', caseNo);
    await expectShown(form, '审核轮次', '1', /第\s*1\s*轮/);
    await expectShown(form, '重大执法决定理由', /吊销/, '吊销');
    await expectDue(t, reviewer, due, '审核拟作决定');
    form = await take(reviewer);
    // R-REV-4: a point left unticked (a problem found) and 同意 contradict each other — refused, nothing stored
    await reviewConclusion(form, '同意', APPROVING_OPINION, ['证据合法、确凿、充分']);
    const shown = await form.completeRefused('审核结论不能为“同意”');
    t.check(!/Cannot submit|Exception|checkEvidence/.test(shown), `拒绝提示带有内部信息：${shown}`);
    await reviewer.closeNotifications();
    t.equal((await reviewOf(t, caseNo)).rounds[0].outcome || null, null, '被拒绝的审核结论未保存');
    await form.checkbox('证据合法、确凿、充分', true);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseNo);
    review = await reviewOf(t, caseNo);
    t.equal(review.result, 'PASSED', '审核结果');
    t.equal(review.rounds.length, 1, '审核轮次数');
    t.equal(review.rounds[0].reviewerId, 'reviewer1', '审核人员');
    t.check(review.rounds[0].opinionDocId, '法制审核意见书未生成');
  });

  await t.step('head1 在「本机构待办」中领取「集体讨论」，看到审核通过，记录集体讨论', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('集体讨论', { caseNo });
    await form.expectText('集体讨论');
    await expectShown(form, '案号', caseNo);
    await expectShown(form, '法制审核结果', '审核通过');
    form = await take(head);
    await form.textarea('集体讨论记录', '2026年机关负责人集体讨论：张伟、李明、刘洋参加。一致同意没收违法所得和违法经营的食品，'
      + '罚款人民币拾万元，吊销食品经营许可证。');
    await form.complete();
    await head.expectTaskGone('集体讨论', caseNo);
  });

  await t.step('head1 在「本机构待办」中领取「作出处罚决定」并作出决定，决定书编号', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('作出处罚决定', { caseNo });
    await form.expectText('作出处罚决定');
    await expectShown(form, '案号', caseNo);
    await expectShown(form, '当事人', MAJOR_CASE.party);
    await expectShown(form, '法制审核结果', '审核通过');
    form = await take(head);
    await form.select('决定', '给予行政处罚');
    await form.textarea('决定内容', '没收违法所得和违法经营的食品；罚款人民币壹拾万元整；吊销食品经营许可证');
    await form.textarea('法律依据', '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项');
    // the party's answer was recorded in 当事人陈述、申辩意见: it is read again before deciding (行政处罚法 art. 45)
    await form.textarea('对当事人陈述、申辩的复核意见（当事人提出陈述、申辩的必填；不得因陈述、申辩加重处罚）',
      '当事人书面放弃陈述、申辩和听证，未提出新的事实、理由和证据');
    await form.complete();
    await head.expectTaskGone('作出处罚决定', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.decisionKind, 'PENALTY', '决定种类');
    t.check(/^寥街罚决〔\d{4}〕\d+号$/.test(vars.decisionNumber || ''), `处罚决定书文号：${vars.decisionNumber}`);
    t.equal(vars.legalReviewResult, 'PASSED', '案件中的法制审核结果');
  });

  await t.step('officer1 在待办中看到「送达处罚决定书」，显示决定书文号', async () => {
    const vars = await t.variables(pid);
    await officer.openFilter('我的待办');
    if (!(await officer.findCardOnPages('送达处罚决定书', caseNo))) await officer.openFilter('本机构待办');
    const form = await officer.openTask('送达处罚决定书', { caseNo });
    await expectShown(form, '决定书文号', vars.decisionNumber);
  });
});
