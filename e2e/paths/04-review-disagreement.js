// Path 4 — the handler does not accept the review opinion (R-REV-6/7): negotiation, then the principal head
// rules with both opinions in front of him. Started as an agency does for a major decision that is not a
// penalty case handled in Zhifa: officer1 submits, from Tasklist (发起流程 → 重大执法决定法制审核), the
// revocation of a permit (行政许可: 撤销临时占用城市道路许可, which the street office granted). reviewer1
// (filter 法制审核) does not agree (不同意) with a written opinion; officer1 answers in 我的待办 with an
// objection (提出异议, reasons and legal basis); the negotiation (协商审核意见) reaches no agreement; head1
// finds 主要负责人裁决 in 本机构待办, reads both opinions side by side and adopts the handler's opinion
// (采纳承办机构意见) with reasons. The record keeps the ruling (GET /api/reviews as the double-check).
'use strict';
const { runPath } = require('../lib');
const {
  startReview, acceptMaterials, openReviewDecision, reviewConclusion, reviewOf, expectShown, take,
  decisionNumber,
} = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const reviewer = await t.login('reviewer1');
  const head = await t.login('head1');
  const caseId = decisionNumber('寥街许撤决');
  const opinion = '被许可人虽未按许可条件清理摊位，但该情形属于行政许可法第七十条规定的注销情形，'
    + '不属于第六十九条的撤销情形，拟作决定适用法律错误，不同意作出撤销决定。';
  const reasons = '被许可人以虚假承诺取得临时占道许可，且在许可期内擅自扩大占道面积，属于以欺骗手段取得许可，'
    + '应当依法撤销，不是注销。';
  const basis = '《中华人民共和国行政许可法》第六十九条第二款；《城市道路管理条例》第三十一条';
  const ruling = '经审阅双方意见和调查材料，被许可人以欺骗手段取得许可的事实有证据证明，采纳承办机构意见，依法撤销许可。';

  const { pid } = await startReview(t, officer, {
    caseId,
    decisionType: '行政许可',
    majorReasons: '撤销行政许可，直接关系当事人重大权益（重大执法决定目录（三））',
    materials: ['撤销行政许可决定书（拟）', '临时占用城市道路许可证及申请材料', '现场检查笔录及照片', '陈述申辩笔录'],
  });

  await acceptMaterials(t, reviewer, caseId, ['撤销行政许可决定书（拟）']);

  await t.step('reviewer1 在「法制审核」中审核：不同意，写明书面审核意见', async () => {
    const { form } = await openReviewDecision(t, reviewer, caseId, 1);
    await reviewConclusion(form, '不同意', opinion, ['适用法律、法规、规章准确']);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
    const review = await reviewOf(t, caseId);
    t.equal(review.rounds[0].outcome, 'REJECTED', '审核结论');
    t.equal(review.status, 'AWAITING_HANDLER', '审核状态');
  });

  await t.step('officer1 在「我的待办」中看到「答复审核意见」，不接受审核意见，提出异议', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('答复审核意见', { caseNo: caseId });
    await form.expectText('答复审核意见');
    await expectShown(form, '案号', caseId);
    await expectShown(form, '审核意见', opinion, '不同意作出撤销决定');
    form = await take(officer);
    await form.radio('答复', '提出异议');
    await form.textarea('异议理由', reasons);
    await form.textarea('法律依据', basis);
    await form.complete();
    await officer.expectTaskGone('答复审核意见', caseId);
    const review = await reviewOf(t, caseId);
    t.equal(review.status, 'DISAGREEMENT', '审核状态');
  });

  await t.step('reviewer1 在「本机构待办」中领取「协商审核意见」，记录协商未达成一致，报主要负责人', async () => {
    await reviewer.openFilter('本机构待办');
    let form = await reviewer.openTask('协商审核意见', { caseNo: caseId });
    await form.expectText('协商审核意见');
    await expectShown(form, '案号', caseId);
    await expectShown(form, '审核机构意见', opinion, '不同意作出撤销决定');
    await expectShown(form, '承办机构异议理由', reasons, '以欺骗手段取得许可');
    form = await take(reviewer);
    await form.select('协商结果', '未达成一致，报主要负责人决定');
    await form.textarea('协商情况', '双方就撤销与注销的法律适用进行了协商，承办机构坚持撤销，审核机构维持原意见。');
    await form.complete();
    await reviewer.expectTaskGone('协商审核意见', caseId);
  });

  await t.step('head1 在「本机构待办」中看到「主要负责人裁决」，两份意见并列，裁决采纳承办机构意见', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('主要负责人裁决', { caseNo: caseId });
    await form.expectText('主要负责人裁决');
    await expectShown(form, '案号', caseId);
    // both opinions side by side (R-REV-6)
    await expectShown(form, '审核机构意见', opinion, '不同意作出撤销决定');
    await expectShown(form, '承办机构意见（理由）', reasons, '以欺骗手段取得许可');
    await expectShown(form, '承办机构法律依据', basis, '第六十九条第二款');
    await expectShown(form, '协商情况', /承办机构坚持撤销/, '承办机构坚持撤销');
    form = await take(head);
    await form.radio('裁决', '采纳承办机构意见');
    await form.textarea('裁决理由', ruling);
    await form.complete();
    await head.expectTaskGone('主要负责人裁决', caseId);
  });

  await t.step('裁决有记录：审核以主要负责人裁决结束（GET /api/reviews 和流程变量核对）', async () => {
    const review = await reviewOf(t, caseId);
    t.equal(review.status, 'CONCLUDED', '审核状态');
    t.equal(review.headRuling, 'ADOPT_HANDLER', '主要负责人裁决');
    t.equal(review.result, 'NOT_PASSED', '审核结果（审核未通过，由主要负责人裁决）');
    const vars = await t.historicVariables(pid);
    t.equal(vars.headRulingReasons, ruling, '裁决理由');
    t.equal(vars.headRuling, 'ADOPT_HANDLER', '流程变量 headRuling');
    const running = await t.api(`/engine-rest/process-instance?processDefinitionKey=legal-review&businessKey=${encodeURIComponent(caseId)}`);
    t.equal(running.length, 0, '法制审核流程已结束');
  });
});
