// Path 5 — a complex review is extended once by 3 working days (R-REV-3: 5 + 3 working days from the receipt
// of the materials). Started as an agency does for a major decision that is not a penalty case handled in
// Zhifa: officer1 submits, from Tasklist (发起流程 → 重大执法决定法制审核), a coercive measure involving
// several legal relationships (行政强制: 查封违法经营场所, 疑难复杂). reviewer1 (filter 法制审核) sees the due
// date of 审核拟作决定 — the 5th working day after the materials were accepted, counted with the holidays and
// adjusted working days of calendar/<year>.yml — applies for the extension (情况复杂，申请延长 3 个工作日)
// with a reason, and sees the due date move to the 8th working day, in the list and on the task; a second
// extension in the same round is refused with a Chinese message and changes nothing; then the reviewer
// decides (同意). The expected dates are computed here from the calendar files, and compared with
// GET /api/calendar/workdays and GET /api/reviews as the double-check.
'use strict';
const { runPath } = require('../lib');
const {
  startReview, acceptMaterials, openReviewDecision, reviewConclusion, reviewOf, workdaysAfter, beijingDay,
  isWorkday, addDays, decisionNumber, shownDue, waitForCardDue, openFilter, expectRefusalShown, APPROVING_OPINION,
} = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const reviewer = await t.login('reviewer1');
  const caseId = decisionNumber('寥街强查决');
  const extensionReason = '涉及食品安全、消防和城市管理多个法律关系，需征求区市场监管局和消防救援大队意见';
  let received;
  let due5;
  let due8;

  await startReview(t, officer, {
    caseId,
    decisionType: '行政强制',
    majorReasons: '案件情况疑难复杂、涉及多个法律关系（重大执法决定目录（五））',
    materials: ['查封决定书（拟）', '现场检查笔录', '消防安全隐患认定材料', '当事人陈述申辩笔录'],
  });

  await acceptMaterials(t, reviewer, caseId, ['查封决定书（拟）']);

  await t.step('reviewer1 在「法制审核」中看到「审核拟作决定」到期日为第5个工作日，申请延长3个工作日', async () => {
    const { form, due, review } = await openReviewDecision(t, reviewer, caseId, 1);
    received = beijingDay(review.rounds[0].materialsReceivedAt);
    due5 = due;
    // the server's calendar says the same as calendar/<year>.yml
    const answer = await t.api(`/api/calendar/workdays?from=${received}&add=5`, 'reviewer1');
    t.equal(answer.due, due5, 'GET /api/calendar/workdays（5个工作日）');
    await form.radio('本次办理', '情况复杂，申请延长 3 个工作日');
    await form.textarea('延长理由', extensionReason);
    await form.complete();
    // the same task comes back in the list, with the new due date
    due8 = workdaysAfter(received, 8);
    await waitForCardDue(t, reviewer, '审核拟作决定', caseId, due8);
  });

  await t.step('到期日顺延3个工作日：列表和任务上都显示第8个工作日', async () => {
    t.equal(due8, workdaysAfter(due5, 3), '延长后的到期日为原到期日后第3个工作日');
    let workdays = 0;
    for (let d = addDays(due5, 1); d <= due8; d = addDays(d, 1)) if (isWorkday(d)) workdays += 1;
    t.equal(workdays, 3, `${due5} 至 ${due8} 之间的工作日数`);
    const answer = await t.api(`/api/calendar/workdays?from=${received}&add=8`, 'reviewer1');
    t.equal(answer.due, due8, 'GET /api/calendar/workdays（8个工作日）');
    // the same round, extended: the task comes back with the new due date
    const { form } = await openReviewDecision(t, reviewer, caseId, 1, true);
    const review = await reviewOf(t, caseId);
    t.equal(review.rounds[0].extended, true, '本轮已延长');
    t.equal(review.rounds[0].extensionReason, extensionReason, '延长理由');
    await form.expectText('审核拟作决定');
  });

  await t.step('reviewer1 在「即将超期」中只在两日内到期时看到该任务', async () => {
    await reviewer.openFilter('即将超期');
    const listed = !!(await reviewer.findCardOnPages('审核拟作决定', caseId));
    const dueSoon = new Date(`${due8}T23:59:59+08:00`).getTime() < Date.now() + 2 * 86400000;
    t.equal(listed, dueSoon, `「即将超期」是否列出（到期 ${due8}）`);
  });

  await t.step('同一轮再次申请延长被拒绝（中文提示），到期日不变', async () => {
    await openFilter(reviewer, '法制审核');
    const form = await reviewer.openTask('审核拟作决定', { caseNo: caseId });
    await form.radio('本次办理', '情况复杂，申请延长 3 个工作日');
    await form.textarea('延长理由', '仍需征求意见');
    let refused = null;
    try {
      await form.complete();
    } catch (e) {
      refused = e.message;
    }
    t.check(refused && /已延长过一次/.test(refused), `第二次延长应被拒绝并说明原因，实际：${refused || '提交成功'}`);
    await expectRefusalShown(t, reviewer, '本轮审核已延长过一次');
    await openFilter(reviewer, '法制审核');
    await reviewer.openTask('审核拟作决定', { caseNo: caseId });
    t.equal(await shownDue(reviewer), due8, '被拒绝后任务的到期日');
    const review = await reviewOf(t, caseId);
    t.equal(beijingDay(review.dueAt), due8, '被拒绝后 GET /api/reviews 的审核期限');
    t.equal(review.rounds[0].extensionReason, extensionReason, '被拒绝后的延长理由（未被覆盖）');
  });

  await t.step('reviewer1 在延长后的期限内作出审核结论：同意', async () => {
    const form = await reviewer.waitForTaskForm();
    await reviewConclusion(form, '同意', APPROVING_OPINION);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
    const review = await reviewOf(t, caseId);
    t.equal(review.result, 'PASSED', '审核结果');
    t.equal(review.rounds.length, 1, '审核轮次数（延长不开始新一轮）');
    t.equal(review.rounds[0].onTime, true, '在期限内作出');
  });
});
