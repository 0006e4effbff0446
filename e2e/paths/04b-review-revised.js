// Path 4b — the review office revises its opinion in the negotiation (R-REV-4/6, ADR-0070). officer1 submits, from
// Tasklist, the revocation of a permit for legal review; reviewer1 (filter 法制审核) first tries to conclude 不同意
// with every point ticked and is refused (the points found wanting must be unticked), then concludes 不同意 with the
// point unticked and a written opinion; officer1 contests it (提出异议). In the negotiation the handler cannot record
// that the review office revised its opinion (REST, refused: the review office answers for its opinion); reviewer1
// records it in 协商审核意见 with the reasons. The revision is a new round: reviewer1 finds 审核拟作决定 again in
// 法制审核 (round 2, a new 5-working-day clock), reads the revision's reasons above the form, and concludes 同意 with a
// specific written opinion; the review passes with two rounds and a second opinion document.
'use strict';
const { runPath, BASE, StepError } = require('../lib');
const {
  startReview, acceptMaterials, openReviewDecision, reviewConclusion, reviewOf, expectShown, take,
  decisionNumber, APPROVING_OPINION,
} = require('../review-steps');

/** POST as `user` with HTTP Basic (the REST double-check of a refusal); returns { status, text }. */
async function postAs(user, pathAndQuery, body) {
  const auth = Buffer.from(`${user}:demo`).toString('base64');
  const res = await fetch(BASE + pathAndQuery, {
    method: 'POST',
    headers: { Authorization: 'Basic ' + auth, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const reviewer = await t.login('reviewer1');
  const caseId = decisionNumber('寥街许撤决');
  const opinion = '送审材料未附被许可人书面承诺的原件，以欺骗手段取得许可的事实证据不足，不同意作出撤销决定。';
  const reasons = '被许可人书面承诺原件已在卷（第12页），现场照片和询问笔录证明其虚假承诺，事实清楚。';
  const basis = '《中华人民共和国行政许可法》第六十九条第二款';
  const revision = '承办机构在协商中出示了被许可人书面承诺原件（卷第12页），审核机构认为以欺骗手段取得许可的事实证据充分，修改原审核意见。';

  const { pid } = await startReview(t, officer, {
    caseId,
    decisionType: '行政许可',
    majorReasons: '撤销行政许可，直接关系当事人重大权益（重大执法决定目录（三））',
    materials: ['撤销行政许可决定书（拟）', '临时占用城市道路许可证及申请材料', '被许可人书面承诺', '询问笔录'],
  });

  await acceptMaterials(t, reviewer, caseId, ['撤销行政许可决定书（拟）']);

  await t.step('reviewer1 审核：要点全部勾选却选「不同意」被拒绝；取消勾选「证据」后不同意，写明书面审核意见', async () => {
    const { form } = await openReviewDecision(t, reviewer, caseId, 1);
    await reviewConclusion(form, '不同意', opinion);
    const shown = await form.completeRefused('指明问题所在');
    t.check(!/Cannot submit|Exception|check[A-Z]/.test(shown), `拒绝提示带有内部信息：${shown}`);
    await reviewer.closeNotifications();
    await form.checkbox('证据合法、确凿、充分', false);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
    const review = await reviewOf(t, caseId);
    t.equal(review.rounds[0].outcome, 'REJECTED', '第1轮审核结论');
  });

  await t.step('officer1 在「我的待办」中答复审核意见：提出异议', async () => {
    await officer.openFilter('我的待办');
    await officer.openTask('答复审核意见', { caseNo: caseId });
    const form = await take(officer);
    await form.radio('答复', '提出异议');
    await form.textarea('异议理由', reasons);
    await form.textarea('法律依据', basis);
    await form.complete();
    await officer.expectTaskGone('答复审核意见', caseId);
    t.equal((await reviewOf(t, caseId)).status, 'DISAGREEMENT', '审核状态');
  });

  await t.step('承办人 officer1 不能记录「审核机构修改意见」（REST 提交被拒绝，审核机构对审核意见负责）', async () => {
    const disagreement = await t.api(`/engine-rest/process-instance?processDefinitionKey=review-disagreement&businessKey=${encodeURIComponent(caseId)}`);
    const sub = disagreement.length ? disagreement : await t.api(`/engine-rest/process-instance?superProcessInstance=${pid}`);
    t.equal(sub.length, 1, '意见分歧处理流程实例数');
    const tasks = await t.api(`/engine-rest/task?processInstanceId=${sub[0].id}&taskDefinitionKey=userTask_negotiateOpinion`);
    t.equal(tasks.length, 1, '协商审核意见 任务数');
    const answer = await postAs('officer1', `/engine-rest/task/${tasks[0].id}/submit-form`, {
      variables: {
        negotiationResult: { value: 'REVIEW_REVISED', type: 'String' },
        revisedOpinion: { value: '审核意见错误', type: 'String' },
      },
    });
    t.check(answer.status >= 400 && answer.status < 500, `承办人记录审核机构修改意见应被拒绝（4xx），实际 HTTP ${answer.status}`);
    t.check(/法制审核人员/.test(answer.text), `拒绝应说明须由法制审核人员记录，实际：${answer.text.slice(0, 200)}`);
    const still = await t.api(`/engine-rest/task?processInstanceId=${sub[0].id}&taskDefinitionKey=userTask_negotiateOpinion`);
    t.equal(still.length, 1, '被拒绝后协商任务仍在');
  });

  await t.step('reviewer1 在「本机构待办」中领取「协商审核意见」，记录审核机构修改意见及理由', async () => {
    await reviewer.openFilter('本机构待办');
    let form = await reviewer.openTask('协商审核意见', { caseNo: caseId });
    await expectShown(form, '审核机构意见', opinion, '证据不足');
    form = await take(reviewer);
    await form.select('协商结果', '审核机构修改意见，重新出具审核意见');
    await form.textarea('协商情况', '双方核对了被许可人书面承诺原件。');
    await form.textarea('修改意见的理由和要点', revision);
    await form.complete();
    await reviewer.expectTaskGone('协商审核意见', caseId);
  });

  await t.step('修改意见即重新审核：reviewer1 在「法制审核」中看到第2轮「审核拟作决定」和修改理由，审核同意', async () => {
    const { form } = await openReviewDecision(t, reviewer, caseId, 2);
    await form.expectText('协商中审核机构修改意见的理由和要点');
    await form.expectText('被许可人书面承诺原件');
    await form.expectText('证据不足');
    await reviewConclusion(form, '同意', APPROVING_OPINION);
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', caseId);
  });

  await t.step('审核以第2轮的同意结束，有两份审核意见书；分歧记录保存修改理由（GET /api/reviews/{id}）', async () => {
    const review = await reviewOf(t, caseId);
    t.equal(review.result, 'PASSED', '审核结果');
    t.equal(review.rounds.length, 2, '审核轮次数');
    t.equal(review.rounds[1].outcome, 'APPROVED', '第2轮审核结论');
    t.check(review.rounds[0].opinionDocId && review.rounds[1].opinionDocId
      && review.rounds[0].opinionDocId !== review.rounds[1].opinionDocId, '两轮各有一份法制审核意见书');
    const detail = await t.api(`/api/reviews/${pid}`, 'reviewer1');
    const d = (detail.disagreements || [])[0];
    if (!d) throw new StepError('GET /api/reviews/{id} 没有分歧记录');
    t.equal(d.negotiationResult, 'REVIEW_REVISED', '协商结果');
    t.equal(d.revisedOpinion, revision, '修改意见的理由和要点');
    t.equal(d.negotiatedBy, 'reviewer1', '记录人');
  });
});
