// Path 27 — a major case whose legal review did not pass (R-REV-5, ADR-0074): the proposed decision may not be
// made, and the case is not left without an outcome. The supermarket case of path 2 reaches 法制审核; reviewer1
// does not agree (不同意: 吊销许可证 lacks evidence of the earlier warning) with a written opinion; officer1 accepts
// the opinion in 答复审核意见; then officer1 finds 研究法制审核意见 in 我的待办 — the form shows 审核未通过 and the
// opinion — writes how the opinion is dealt with and chooses to redo the investigation report and proposal; the
// case is back at 制作调查终结报告 (officer1, 我的待办), never at 集体讨论 or 作出处罚决定.
'use strict';
const { runPath } = require('../lib');
const {
  majorCaseUpToPriorNotice, acceptMaterials, expectShown, take, reviewConclusion, reviewOf, openHandlerTask,
} = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');
  const reviewer = await t.login('reviewer1');
  const opinion = '卷内无当事人此前因同类违法行为受过警告的证据，认定“情节严重”并吊销食品经营许可证的证据不足，'
    + '不同意按拟作决定处理。';
  const study = '采纳审核意见：经核查，此前的警告系口头提醒，未作出行政处罚决定，不构成情节严重；'
    + '重新制作调查终结报告，按一般情节提出处理意见，不再提出吊销许可证。';

  const { caseNo, pid } = await majorCaseUpToPriorNotice(t, officer, head);

  await acceptMaterials(t, reviewer, caseNo, ['调查终结报告']);

  await t.step('reviewer1 在「法制审核」中审核：不同意，写明书面审核意见', async () => {
    await reviewer.openFilter('法制审核');
    let form = await reviewer.openTask('审核拟作决定', { caseNo });
    await form.expectText('审核拟作决定');
    form = await take(reviewer);
    await reviewConclusion(form, '不同意', opinion, ['证据合法、确凿、充分', '裁量基准运用适当']);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseNo);
    t.equal((await reviewOf(t, caseNo)).rounds[0].outcome, 'REJECTED', '审核结论');
  });

  await t.step('officer1 在「我的待办」中「答复审核意见」，接受审核意见', async () => {
    let form = await openHandlerTask(officer, '答复审核意见', caseNo);
    await form.expectText('答复审核意见');
    await expectShown(form, '审核意见', opinion, '证据不足');
    await form.radio('答复', '接受审核意见');
    await form.complete();
    await officer.expectTaskGone('答复审核意见', caseNo);
    const review = await reviewOf(t, caseNo);
    t.equal(review.result, 'NOT_PASSED', '审核结果');
  });

  await t.step('officer1 在「我的待办」中看到「研究法制审核意见」：审核未通过和审核意见，写明研究处理情况，'
    + '选择重新制作调查终结报告', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('研究法制审核意见', { caseNo });
    await form.expectText('研究法制审核意见');
    await expectShown(form, '案号', caseNo);
    await expectShown(form, '法制审核结果', '审核未通过');
    await expectShown(form, '审核意见', opinion, '证据不足');
    form = await take(officer);
    await form.radio('处理方式', '依审核意见重新制作调查终结报告、提出处理意见');
    await form.textarea('研究处理情况（对审核意见逐项说明如何纠正）', study);
    await form.complete();
    await officer.expectTaskGone('研究法制审核意见', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.reviewNotPassedAction, 'RECONCLUDE', '处理方式');
    t.equal(vars.reviewNotPassedStudy, study, '研究处理情况');
  });

  await t.step('案件回到「制作调查终结报告」（officer1，我的待办），未进入集体讨论或作出处罚决定', async () => {
    await officer.openFilter('我的待办');
    const form = await officer.openTask('制作调查终结报告', { caseNo });
    await form.expectText('调查终结报告');
    const tasks = await t.api(`/engine-rest/task?processInstanceId=${pid}`);
    t.equal(tasks.map((x) => x.taskDefinitionKey).join(','), 'userTask_concludeInvestigation', '案件当前任务');
    const done = await t.api(`/engine-rest/history/activity-instance?processInstanceId=${pid}&activityId=userTask_decide`);
    t.equal(done.length, 0, '未作出处罚决定');
  });
});
