// Path 20 — a request for enforcement assistance (执法协助, seed 002 (十五) 五, docs/assistance-requests.md, ADR-0028):
// officer1 (寥廓街道) starts 执法协助请求 in Tasklist asking 某区市场监督管理局 for technical support → the letter
// 行政执法协助函 is generated and the request reaches QLSCJ as its own task 答复执法协助请求 with the reply deadline (5
// working days), on the SLA board → head2 finds it in 本机构待办 by the letter's number and accepts → head2 reports the
// outcome → the register says COMPLETED and officer1 has been notified of the answer and of the outcome.
'use strict';
const { runPath, today } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const matter = `对查扣的12箱预包装食品是否超过保质期出具认定意见（${tag}）。`;
  let row;

  const officer = await t.login('officer1');
  await t.step('officer1 在任务中心「发起流程」→ 执法协助请求，书面请求某区市场监督管理局协助', async () => {
    const form = await officer.startProcess('执法协助请求');
    await form.fill('被请求协助的机关', '某区市场监督管理局');
    await form.fill('协助事项类别', '技术支撑（检测、鉴定、认定等）');
    await form.fill('请求协助的事项', matter);
    await form.fill('请求协助的理由和依据', '认定违法事项需要食品安全专业技术支撑（执法协助制度）。');
    const instance = await form.start();
    const list = await t.api('/api/assistance-requests', 'officer1');
    row = list.find((r) => r.processInstanceId === instance.id);
    t.check(row, '协助请求应已登记');
    t.check(/^寥街协〔\d{4}〕\d+号$/.test(row.requestNo), `协助函编号：${row.requestNo}`);
    t.equal(row.requestedAgency, 'QLSCJ', '被请求协助的机关');
    t.equal(row.replyDueAt.slice(0, 10), await t.dueDay(today(), 5), '答复期限为5个工作日');
    const vars = await t.variables(instance.id);
    t.check(vars.assistanceRequestDocId, '行政执法协助函应已生成');
    const board = await t.api('/api/sla/deadlines?kind=assistance-reply&size=200', 'supervisor1');
    t.check(board.rows.some((r) => r.processInstanceId === row.replyProcessInstanceId && r.stepId === 'userTask_answer'),
      'SLA 看板上应有被请求机关的答复期限');
  });

  const head = await t.login('head2');
  await t.step('head2（某区市场监督管理局）在「本机构待办」按协助函编号找到「答复执法协助请求」，同意协助', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('答复执法协助请求', { caseNo: row.requestNo });
    await form.expectText(matter);
    await form.expectText('寥廓街道综合行政执法队');
    form = await head.claim();
    await form.fill('是否协助', '同意协助');
    await form.complete();
    await head.expectTaskGone('答复执法协助请求', row.requestNo);
    const r = await t.api(`/api/assistance-requests/${encodeURIComponent(row.requestNo)}`, 'officer1');
    t.equal(r.summary.status, 'ACCEPTED', '协助请求状态');
  });

  await t.step('head2 完成协助后「反馈协助结果」', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('反馈协助结果', { caseNo: row.requestNo });
    form = await head.claim();
    await form.fill('协助结果', `经抽样检测，12箱中8箱超过保质期，认定意见书已送达请求机关（${tag}）。`);
    await form.complete();
    await head.expectTaskGone('反馈协助结果', row.requestNo);
    const r = await t.api(`/api/assistance-requests/${encodeURIComponent(row.requestNo)}`, 'officer1');
    t.equal(r.summary.status, 'COMPLETED', '协助请求状态');
    t.check(r.outcome.includes(tag), '协助结果应告知请求机关');
    const notes = await t.api('/api/notifications?size=50', 'officer1');
    const texts = JSON.stringify(notes);
    t.check(texts.includes('同意协助') && texts.includes('反馈了协助结果'), 'officer1 应收到答复和协助结果的通知');
  });
});
