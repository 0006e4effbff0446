// Path 12 — testing / appraisal stops the 90 days (行政处罚法 art. 60, calendar/period-suspensions.yml,
// docs/enforcement-case.md): a case is registered (case API) and filed by head1; officer1 starts 委托检测、检验、鉴定
// from Tasklist's 发起流程 for it — the SLA board shows its decision period 已暂停 with the reason — and, when the
// result arrives, records it in 登记检测、检验、鉴定结果: the period runs again.
'use strict';
const { runPath, today } = require('../lib');
const steps = require('../steps');
const { register } = require('../sla-steps');

async function decisionPeriod(t, caseNo) {
  const page = await t.api('/api/sla/deadlines?kind=enforcement-case&size=200', 'head1');
  return page.rows.find((r) => r.caseNo === caseNo && r.source === 'TIMER');
}

runPath(__filename, async (t) => {
  const c = await register(t, '检测暂停', today());
  Object.assign(c, { party: '检测暂停', discoveredOn: today(), facts: '在人民路占道经营' }); // as sla-steps registers it
  const head = await t.login('head1');
  await steps.approveFiling(t, head, c, 'officer1');

  const officer = await t.login('officer1');
  await t.step('officer1 在「发起流程」中登记委托检测：办案期限暂停，看板显示「已暂停」及理由', async () => {
    const form = await officer.startProcess('委托检测、检验、鉴定');
    await form.expectText('不计入作出处罚决定的期限');
    await form.textfield('案号', c.caseNo);
    await form.select('委托事项', '检测');
    await form.textarea('委托检测鉴定的物品和事项', '扣押的食品样品3份');
    await form.textfield('受托检测鉴定机构', '曲靖市食品药品检验所');
    // 行政强制法 art. 25(3): the period is stated (required; the server refuses a day not after today — PeriodSuspensionIT)
    await form.date('检测、检验、检疫、鉴定期间届满日期', today(20));
    await form.start();
    const row = await decisionPeriod(t, c.caseNo);
    t.check(row, '看板上没有本案的办案期限');
    t.equal(row.state, 'PAUSED', '办案期限的状态');
    t.check(/检测、检验、鉴定期间不计入办案期限/.test(row.pausedReason || ''), `暂停理由：${row.pausedReason}`);
  });

  await t.step('officer1 在「我的待办」登记检测结果：办案期限恢复计算', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('登记检测、检验、鉴定结果', { caseNo: c.caseNo });
    await form.expectText('扣押的食品样品3份');
    form = await officer.claim();
    await form.textfield('检测、检验、鉴定报告编号', '曲食检〔2026〕88号');
    await form.textarea('检测、检验、鉴定结论', '样品菌落总数超标，不符合食品安全标准');
    await form.complete();
    await officer.expectTaskGone('登记检测、检验、鉴定结果', c.caseNo);
    const row = await decisionPeriod(t, c.caseNo);
    t.check(row && row.state !== 'PAUSED', `办案期限应恢复计算：${row && row.state}`);
  });
});
