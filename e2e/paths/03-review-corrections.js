// Path 3 — the review finds problems, the handler corrects them, the second round passes (R-REV-5).
// Started as an agency does for a major decision that is not a penalty case handled in Zhifa: officer1, who
// prepared a coercive measure (行政强制: 强制拆除违法建设, a catalogue item), submits it from Tasklist
// (发起流程 → 重大执法决定法制审核, docs/legal-review.md step 1). reviewer1 works from the filter 法制审核:
// accepts the materials, finds problems (需补正、纠正) and writes the opinion; officer1 gets 补正纠正拟作决定 in
// 我的待办, corrects and resubmits; reviewer1 sees round 2 (审核轮次 2) with a new 5-working-day clock and
// agrees. Both rounds stay on record (GET /api/reviews as the double-check).
'use strict';
const { runPath } = require('../lib');
const {
  startReview, acceptMaterials, openReviewDecision, reviewConclusion, reviewOf, expectShown, take,
  decisionNumber, APPROVING_OPINION,
} = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const reviewer = await t.login('reviewer1');
  const caseId = decisionNumber('寥街强拆决');
  const opinion = '一、未附催告书送达回证，不能证明已依法催告（行政强制法第三十五条）；'
    + '二、强制拆除决定未载明申请行政复议或者提起行政诉讼的途径和期限（行政强制法第三十七条）。请补正后重新送审。';
  const revisionNotes = '已补充催告书及送达回证（2026年11月送达，当事人逾期未拆除）；'
    + '强制拆除决定书已载明复议、诉讼的途径和期限。';

  await startReview(t, officer, {
    caseId,
    decisionType: '行政强制',
    majorReasons: '强制拆除建筑物、构筑物，直接关系当事人重大财产权益（重大执法决定目录（三））',
    materials: ['强制拆除决定书（拟）', '限期拆除决定书及送达回证', '现场勘验笔录及照片', '违法建设认定意见'],
  });

  await acceptMaterials(t, reviewer, caseId, ['强制拆除决定书（拟）']);

  await t.step('reviewer1 在「法制审核」中审核第1轮：需补正、纠正，写明书面审核意见', async () => {
    const { form } = await openReviewDecision(t, reviewer, caseId, 1);
    await reviewConclusion(form, '需补正、纠正', opinion, ['执法程序合法', '执法文书完备、规范']);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
    const review = await reviewOf(t, caseId);
    t.equal(review.rounds[0].outcome, 'NEEDS_CORRECTION', '第1轮审核结论');
    t.equal(review.rounds[0].opinion, opinion, '第1轮书面审核意见');
    t.check(review.rounds[0].opinionDocId, '第1轮法制审核意见书未生成');
  });

  await t.step('officer1 在「我的待办」中看到「补正纠正拟作决定」和审核意见，补正后重新送审', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('补正纠正拟作决定', { caseNo: caseId });
    await form.expectText('补正、纠正拟作决定');
    await expectShown(form, '案号', caseId);
    await expectShown(form, '审核意见', opinion, '未附催告书送达回证');
    form = await take(officer);
    await form.radio('处理方式', '已补正、纠正，重新送审');
    await form.textarea('补正、纠正情况说明', revisionNotes);
    await form.complete();
    await officer.expectTaskGone('补正纠正拟作决定', caseId);
  });

  await t.step('reviewer1 在「法制审核」中看到第2轮（审核轮次 2，新的5个工作日期限），审核同意', async () => {
    const { form } = await openReviewDecision(t, reviewer, caseId, 2);
    // issue 12 §4: on re-review the reviewer sees what was supplemented
    await form.expectText('第 2 轮审核：承办机构补正、纠正的情况');
    await form.expectText('已补充催告书及送达回证');
    await reviewConclusion(form, '同意', APPROVING_OPINION);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
  });

  await t.step('两轮审核都有记录：第1轮需补正、纠正及其意见书，第2轮同意（GET /api/reviews 核对）', async () => {
    const review = await reviewOf(t, caseId);
    t.equal(review.result, 'PASSED', '审核结果');
    t.equal(review.status, 'CONCLUDED', '审核状态');
    t.equal(review.rounds.length, 2, '审核轮次数');
    const [first, second] = [...review.rounds].sort((a, b) => a.round - b.round);
    t.equal(first.outcome, 'NEEDS_CORRECTION', '第1轮审核结论');
    t.equal(first.opinion, opinion, '第1轮书面审核意见（未被覆盖）');
    t.equal(second.outcome, 'APPROVED', '第2轮审核结论');
    t.equal(second.reviewerId, 'reviewer1', '第2轮审核人员');
    t.check(first.opinionDocId && second.opinionDocId && first.opinionDocId !== second.opinionDocId,
      `每轮各有一份法制审核意见书：${first.opinionDocId} / ${second.opinionDocId}`);
    t.check(new Date(second.materialsReceivedAt) >= new Date(first.decidedAt), '第2轮自重新送审时起算');
  });
});
