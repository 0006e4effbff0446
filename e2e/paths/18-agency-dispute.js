// Path 18 — a dispute between agencies (行政执法争议协调, R-COORD-5, issue 18 §2, docs/agency-disputes.md): officer1 starts
// 行政执法争议协调 in Tasklist with 某区市场监督管理局 over who handles a matter → head2 (市监局) finds 答复协商意见 in
// 本机构待办 by the dispute number (its own tenant: the applicant's process is not his) and disagrees → head1 confirms
// 协商不成，申请司法局协调 → supervisor1 (司法局) accepts the application and, the coordination failing, issues his written
// opinion: the 行政执法争议协调意见书 is generated, both agencies' answers are due (on the SLA board), the register says
// OPINION_ISSUED. The bureau's steps are the only writes a supervisor makes here (ADR-0027).
'use strict';
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const matter = `人民路农贸市场内销售过期食品的行为（${tag}）由街道综合行政执法队还是市场监督管理局查处，双方意见不一。`;
  const opinion = `该行为属于食品安全违法行为，由某区市场监督管理局依法查处，寥廓街道综合行政执法队予以配合（${tag}）。`;
  let disputeNo;
  let processInstanceId;

  const officer = await t.login('officer1');
  await t.step('officer1 在任务中心「发起流程」→ 行政执法争议协调，与某区市场监督管理局协商', async () => {
    const form = await officer.startProcess('行政执法争议协调');
    await form.fill('争议对方机关（被申请机关）', '某区市场监督管理局');
    await form.fill('争议事项类别', '案件管辖');
    await form.fill('争议事项', matter);
    await form.fill('本机关意见', '该行为属于食品安全违法行为，应由市场监督管理部门查处。');
    await form.start();
    const list = await t.api('/api/agency-disputes', 'officer1');
    const row = list.find((d) => d.status === 'NEGOTIATING' && d.counterpartCode === 'QLSCJ' && d.raisedBy === 'officer1'
      && Date.parse(d.raisedAt) > Date.now() - 10 * 60 * 1000);
    t.check(row, '行政执法争议应已登记');
    disputeNo = row.disputeNo;
    processInstanceId = row.processInstanceId;
    t.check(/^区执争〔\d{4}〕\d+号$/.test(disputeNo), `争议编号：${disputeNo}`);
    t.equal(row.applicantCode, 'LIAOKUO', '申请机关');
  });

  const other = await t.login('head2');
  await t.step('head2 在「本机构待办」按争议编号找到「答复协商意见」，不同意申请机关的意见', async () => {
    await other.openFilter('本机构待办');
    let form = await other.openTask('答复协商意见', { caseNo: disputeNo });
    await form.expectText(matter);
    form = await other.claim();
    await form.fill('协商意见', '不同意，提出本机关意见');
    await form.fill('本机关意见和理由', '该事项已赋权街道，应由街道综合行政执法队查处。');
    await form.complete();
    await other.expectTaskGone('答复协商意见', disputeNo);
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」确认协商结果：协商不成，申请司法局协调', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('确认协商结果', { caseNo: disputeNo });
    await form.expectText('该事项已赋权街道');
    form = await head.claim();
    await form.fill('协商结果', '协商不成，申请司法局协调');
    await form.fill('协商一致的内容 / 申请协调的事项和理由', '双方对管辖意见不一，申请区司法局协调。');
    await form.complete();
    await head.expectTaskGone('确认协商结果', disputeNo);
  });

  const supervisor = await t.login('supervisor1');
  await t.step('supervisor1 在「本机构待办」受理争议协调申请', async () => {
    await supervisor.openFilter('本机构待办');
    let form = await supervisor.openTask('受理争议协调申请', { caseNo: disputeNo });
    await form.expectText('双方对管辖意见不一');
    form = await supervisor.claim();
    await form.fill('受理意见', '受理');
    await form.complete();
    await supervisor.expectTaskGone('受理争议协调申请', disputeNo);
  });

  await t.step('supervisor1 协调未果，出具书面协调意见：生成行政执法争议协调意见书，双方答复期限上看板', async () => {
    await supervisor.openFilter('本机构待办');
    let form = await supervisor.openTask('协调并出具书面意见', { caseNo: disputeNo });
    form = await supervisor.claim();
    await form.fill('协调结果', '出具书面协调意见');
    await form.fill('协调情况', '召集双方召开协调会，双方各自陈述意见，未能达成一致。');
    await form.fill('书面协调意见', opinion);
    await form.complete();
    await supervisor.expectTaskGone('协调并出具书面意见', disputeNo);
    const dispute = await t.api(`/api/agency-disputes/${encodeURIComponent(disputeNo)}`, 'officer1');
    t.equal(dispute.summary.status, 'OPINION_ISSUED', '争议状态');
    t.equal(dispute.opinion, opinion, '协调意见');
    const doc = await t.api(`/engine-rest/process-instance/${processInstanceId}/variables/disputeOpinionDocId`, 'officer1');
    t.check(doc && doc.value, '应已生成行政执法争议协调意见书');
    const board = await t.api('/api/sla/deadlines?kind=agency-dispute&size=200', 'supervisor1');
    const due = board.rows.find((r) => r.processInstanceId === processInstanceId && r.stepId === 'userTask_answerOpinion');
    t.check(due, 'SLA 看板上应有申请机关答复协调意见的期限');
    t.equal(due.dueAt, dispute.summary.opinionReplyDueAt, '看板期限与答复期限一致');
  });

  await t.step('head1 在「本机构待办」看到「答复是否接受协调意见」及协调意见书', async () => {
    await head.openFilter('本机构待办');
    const form = await head.openTask('答复是否接受协调意见', { caseNo: disputeNo });
    await form.expectText(opinion);
    await form.expectText('行政执法争议协调意见书');
  });
});
