// Path 28 — lack of competence found after filing (R-COORD-1, 行政处罚法 art. 22 ff.): officer1 registers a case
// of street vending, head1 files it, officer1 and officer2 investigate and find that the vendor sells without a
// business licence in a shop — the market regulator's matter. In 制作调查终结报告 officer1 ticks 不属于本机关管辖
// (the violation fields disappear), chooses 某区市场监督管理局 and writes the reason; head1 signs the 案件移送书 in
// 本机构待办 within 3 working days; head2 (QLSCJ) files the received case; the street office's case ends as
// transferred (TRANSFERRED_OUT), with no proposal or decision, and nothing is left in its officers' tasklists.
'use strict';
const { runPath, today } = require('../lib');
const {
  citizenId, rest, transferOf, registerCase, fileCase, investigate, signTransfer, fileReceivedCase,
} = require('../transfer-steps');
const { take } = require('../review-steps');

runPath(__filename, async (t) => {
  const c = {
    party: '何建平',
    partyId: citizenId('1983-03-14', 27),
    contact: '13988741122',
    violation: 'CM-OCCUPY-ROAD',
    facts: '在南宁西路人行道摆放货架销售手机配件，占用人行道约4平方米',
  };
  const report = '经调查，当事人系南宁西路12号临街商铺经营者，人行道上的货架已于当日撤回店内；当事人未取得营业执照从事手机配件经营，'
    + '属无照经营，不属于本街道赋权的城市管理事项。';
  const reason = '无照经营属市场监督管理部门管辖（《无证无照经营查处办法》第三条），占道情形已自行纠正';

  const officer = await t.login('officer1');
  const head = await t.login('head1');
  let caseNo;
  let pid;
  let started;

  await t.step('officer1 登记占道经营案件，head1 审批立案', async () => {
    ({ caseNo, pid } = await registerCase(t, officer, c));
    await fileCase(t, head, caseNo, c);
  });

  await t.step('officer1 与 officer2 调查取证', async () => {
    await investigate(t, officer, caseNo, '现场笔录：现场检查笔录1份（签名确认）\n当事人的陈述：询问笔录1份（签名确认）');
  });

  await t.step('officer1 制作调查终结报告：不属于本机关管辖，移送某区市场监督管理局（违法认定项不再显示）', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('制作调查终结报告', { caseNo });
    form = await take(officer);
    await form.textarea('调查终结报告', report);
    await form.checkbox('经调查，本案不属于本机关管辖，应当移送有管辖权的机关', true);
    const labels = await form.labels();
    t.check(!labels.includes('违法事实成立') && !labels.includes('涉嫌犯罪，应当移送司法机关'),
      `移送时仍显示违法认定项：${labels.join('、')}`);
    await form.select('接收机关（使用本平台的机关）', '某区市场监督管理局');
    await form.textarea('移送理由', reason);
    started = today();
    await form.complete();
    await officer.expectTaskGone('制作调查终结报告', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.outsideCompetence, true, '不属本机关管辖');
    t.equal(vars.targetAgencyCode, 'QLSCJ', '接收机关');
  });

  let received;
  await t.step('head1 在「本机构待办」签发案件移送书（3个工作日内）', async () => {
    received = await signTransfer(t, head, caseNo, reason, started, false);
  });

  const head2 = await t.login('head2');
  await t.step('head2 在某区市场监督管理局的「本机构待办」立案', async () => {
    await fileReceivedCase(t, head2, received, c);
  });

  await t.step('寥街案件办结为已移送：无处罚意见、无决定，承办人待办中不再有本案', async () => {
    const transfer = await transferOf(caseNo, 'CASE', 'head1');
    t.equal(transfer.outcome, 'ACCEPTED', '移送结果');
    const original = await rest('GET', `/api/cases/${encodeURIComponent(caseNo)}`, undefined, 'officer1');
    t.equal(original.caseRecord.stage, 'TRANSFERRED_OUT', '案件阶段');
    const open = await t.api(`/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNo)}`);
    t.equal(open.length, 0, '本案待办任务数');
    const decided = await t.api(`/engine-rest/history/activity-instance?processInstanceId=${pid}&activityId=userTask_proposePenalty`);
    t.equal(decided.length, 0, '未拟定处罚意见');
  });
});
