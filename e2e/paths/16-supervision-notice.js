// Path 16 — a supervision notice (行政执法监督通知书, R-COORD-8, issue 18 §3, docs/supervision-notices.md): supervisor1
// (司法局) starts 行政执法监督通知书 in Tasklist for 寥廓街道综合行政执法队 from a complaint → the notice is generated and
// its rectification task, with the notice's deadline (15 working days), is on the supervisors' SLA board and counted
// in its per-agency table (未办结监督通知书) → head1
// finds 整改并报送整改报告 in 本机构待办 by the notice number and reports → supervisor1 finds 审查整改情况 in 本机构待办
// and closes the notice (销号); its register row says CLOSED. Supervisors write nothing else (ADR-0025).
'use strict';
const { runPath } = require('../lib');
const { openBoard } = require('../sla-steps');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const problem = `投诉举报TS-2026-${tag}反映的人民路占道经营问题，超过承诺期限未答复投诉举报人。`;
  const report = `已于本周完成调查处理并答复投诉举报人（${tag}），建立投诉举报办理台账，对承办人员进行了批评教育。`;
  let noticeNo;

  const supervisor = await t.login('supervisor1');
  await t.step('supervisor1 在任务中心「发起流程」→ 行政执法监督通知书，向寥廓街道综合行政执法队制发', async () => {
    const form = await supervisor.startProcess('行政执法监督通知书');
    await form.fill('被监督的执法机关', '寥廓街道综合行政执法队');
    await form.fill('监督事项来源', '投诉举报');
    await form.fill('关联的案号或投诉举报编号', `TS-2026-${tag}`);
    await form.fill('发现的问题', problem);
    await form.fill('整改要求', '立即调查处理并答复投诉举报人；建立投诉举报登记办理台账；对承办人员进行教育。');
    await form.start();
    const list = await t.api('/api/supervision-notices', 'supervisor1');
    const row = list.find((n) => n.sourceRef === `TS-2026-${tag}`);
    t.check(row, '监督通知书应已登记');
    noticeNo = row.noticeNo;
    t.check(/^区司法监通〔\d{4}〕\d+号$/.test(noticeNo), `监督通知书编号：${noticeNo}`);
    t.equal(row.agencyCode, 'LIAOKUO', '被监督机关');
    t.equal(row.periodWorkingDays, 15, '未另定期限的，整改期限为15个工作日');
    const board = await t.api('/api/sla/deadlines?kind=supervision-notice&size=200', 'supervisor1');
    const due = board.rows.find((r) => r.processInstanceId === row.processInstanceId && r.stepId === 'userTask_rectify');
    t.check(due, '司法局的 SLA 看板上应有该通知书的整改期限');
    t.equal(due.dueAt, row.rectificationDueAt, '看板期限与通知书的整改期限一致');
  });

  await t.step('supervisor1 在流程监控的「期限监督」汇总表中看到寥廓有未办结的监督通知书', async () => {
    await supervisor.login('cockpit');
    await openBoard(supervisor);
    const table = supervisor.page.locator('.zf-sla-agency-table');
    await table.waitFor({ state: 'visible' });
    await supervisor.expectText('未办结监督通知书', '.zf-sla-agency-table');
    const open = await table.locator('tr[data-agency="LIAOKUO"] td').last().innerText();
    t.check(Number(open) >= 1, `寥廓的未办结监督通知书应至少为 1（实为 ${open}）`);
    await supervisor.login('tasklist');
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」按通知书编号找到「整改并报送整改报告」，报送整改报告', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('整改并报送整改报告', { caseNo: noticeNo });
    await form.expectText(problem);
    await form.expectText('行政执法监督通知书');
    form = await head.claim();
    await form.fill('整改情况报告', report);
    await form.complete();
    await head.expectTaskGone('整改并报送整改报告', noticeNo);
  });

  await t.step('supervisor1 在「本机构待办」审查整改情况：整改到位，销号', async () => {
    await supervisor.openFilter('本机构待办');
    let form = await supervisor.openTask('审查整改情况', { caseNo: noticeNo });
    await form.expectText(report);
    form = await supervisor.claim();
    await form.fill('审查结论', '整改到位，销号');
    await form.fill('审查意见', '整改措施具体，予以销号。');
    await form.complete();
    await supervisor.expectTaskGone('审查整改情况', noticeNo);
    const notice = await t.api(`/api/supervision-notices/${encodeURIComponent(noticeNo)}`, 'supervisor1');
    t.equal(notice.summary.status, 'CLOSED', '监督通知书状态');
    t.equal(notice.summary.reportedOnTime, true, '按期报送整改报告');
  });
});
