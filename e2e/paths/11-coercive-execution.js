// Path 11 — an unpaid fine (issue 16 §12, docs/enforcement-case.md): officer1 registers and handles an ordinary
// case to the served decision (500 元); the engine clock (test clock, e2e/run.sh) then moves past the 15 days to
// pay (行政处罚法 art. 67): officer1 records 逾期未缴纳 — 3 % a day is added, capped at the fine (art. 72) — and serves
// the generated 催告书; 10 working days later (行政强制法 arts. 54, 69) he records that the party still did not pay,
// with the party's statement and its re-examination (art. 36); only after the party's 6 months to sue (行政诉讼法
// art. 46) does head1 find 申请人民法院强制执行, due 3 months later (行政强制法 art. 53), and apply; officer1 records
// the court's ruling and the fine is executed.
'use strict';
const { runPath } = require('../lib');
const steps = require('../steps');
const { clock } = require('../sla-steps');

/** The ISO day after `isoDay`. */
function nextDay(isoDay, n = 1) {
  const d = new Date(isoDay + 'T12:00:00+08:00');
  d.setUTCDate(d.getUTCDate() + n);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

runPath(__filename, async (t) => {
  try {
    const officer = await t.login('officer1');
    const head = await t.login('head1');
    const c = await steps.registerCase(t, officer, { party: '王建华' });
    await steps.approveFiling(t, head, c, 'officer1');
    await steps.investigate(t, officer, c, 'officer1,officer2');
    await steps.concludeInvestigation(t, officer, c, { circumstance: '一般' });
    await steps.proposePenalty(t, officer, c, { fine: 500, min: 200, max: 1000 });
    await steps.servePriorNotice(t, officer, c, '直接送达');
    await steps.recordPartyReply(t, officer, c, '放弃听证', '当事人对违法事实无异议');

    await steps.decidePenalty(t, head, c, { fine: 500, content: '责令立即改正，罚款人民币伍佰元',
      basis: '《城市道路管理条例》第二十七条第（七）项、第四十二条' });
    await steps.serveDecision(t, officer, c);

    // the 15 days to pay end; a week later the fine is 7 days overdue: 500 × 3 % × 7 = 105
    c.paymentDue = await t.dueDay(c.servedOn, 15, 'DAYS');
    c.demandDay = nextDay(c.paymentDue, 7);
    await clock(`${c.demandDay}T10:00:00+08:00`);

    await t.step('officer1 记录执行情况：逾期未缴纳（逾期7日，加处罚款105元），生成催告书', async () => {
      await officer.openFilter('本机构待办');
      let form = await officer.openTask('记录执行情况', { caseNo: c.caseNo });
      form = await officer.claim();
      await form.select('执行结果', '逾期未缴纳（加处罚款并催告）');
      await form.textarea('执行情况', '当事人逾期未缴纳罚款，电话催缴未果');
      await form.complete();
      await officer.expectTaskGone('记录执行情况', c.caseNo);
      const vars = await t.variables(c.pid);
      t.equal(Number(vars.overdueDays), 7, '逾期天数');
      t.equal(Number(vars.surchargeAmount), 105, '加处罚款（元）');
      t.equal(Number(vars.amountDue), 605, '应缴纳金额合计（元）');
      t.check(vars.demandNoticeDocId, '没有生成催告书');
      c.litigationEndsOn = vars.litigationPeriodEndsOn;
      c.applicationDueOn = vars.courtApplicationDueOn;
    });

    await t.step('officer1 送达催告书（表单显示加处罚款及应缴纳金额合计）', async () => {
      await officer.openFilter('本机构待办');
      let form = await officer.openTask('送达催告书', { caseNo: c.caseNo });
      form = await officer.claim();
      await form.expectText('逾期 7 日');
      await form.expectText('605');
      await form.select('送达方式', '直接送达');
      await form.date('送达日期', c.demandDay);
      await form.complete();
      await officer.expectTaskGone('送达催告书', c.caseNo);
    });

    c.demandDue = await t.dueDay(c.demandDay, 10, 'WORKING_DAYS');
    await t.step('officer1 记录催告后履行情况：十个工作日内不能申请强制执行；期满后仍未履行，复核当事人的申辩', async () => {
      await officer.openFilter('本机构待办');
      let form = await officer.openTask('记录催告后履行情况', { caseNo: c.caseNo });
      await officer.expectDue(c.demandDue);
      form = await officer.claim();
      await form.radio('履行情况', '仍未履行，申请人民法院强制执行');
      await form.completeRefused(/第五十四条/);
      await officer.closeNotifications();
    });
    await clock(`${nextDay(c.demandDue)}T10:00:00+08:00`);
    await t.step('十个工作日后：仍未履行，记录陈述、申辩及复核意见', async () => {
      await officer.openFilter('本机构待办');
      let form = await officer.openTask('记录催告后履行情况', { caseNo: c.caseNo });
      await form.radio('履行情况', '仍未履行，申请人民法院强制执行');
      await form.textarea('当事人的陈述、申辩', '经营困难，请求缓缴');
      await form.textarea('对陈述、申辩的复核意见', '当事人未提出延期缴纳的书面申请，理由不成立');
      await form.complete();
      await officer.expectTaskGone('记录催告后履行情况', c.caseNo);
    });

    // the court only after the party's 6 months to sue: the timer fires when the clock passes them
    await clock(`${nextDay(c.litigationEndsOn)}T10:00:00+08:00`);
    await t.step(`head1 在起诉期限（至 ${c.litigationEndsOn}）届满后申请人民法院强制执行（3个月内）`, async () => {
      await head.openFilter('本机构待办');
      let form = await head.openTask('申请人民法院强制执行', { caseNo: c.caseNo, timeout: 90000 });
      await head.expectDue(c.applicationDueOn);
      form = await head.claim();
      await form.textfield('受理申请的人民法院', '曲靖市麒麟区人民法院');
      await form.date('申请日期', nextDay(c.litigationEndsOn));
      await form.textarea('申请材料清单（每行一项）', '强制执行申请书\n行政处罚决定书\n催告书及送达回证');
      await form.complete();
      await head.expectTaskGone('申请人民法院强制执行', c.caseNo);
    });

    await t.step('officer1 记录人民法院裁定及执行结果：已执行完毕', async () => {
      await officer.openFilter('本机构待办');
      let form = await officer.openTask('记录人民法院裁定及执行结果', { caseNo: c.caseNo });
      form = await officer.claim();
      await form.radio('裁定及执行结果', '裁定执行，已执行完毕');
      await form.textarea('裁定书文号及执行情况', '麒麟区人民法院裁定准予执行，已划拨罚款及加处罚款');
      await form.complete();
      await officer.expectTaskGone('记录人民法院裁定及执行结果', c.caseNo);
      const record = await t.api(`/api/cases/${encodeURIComponent(c.caseNo)}`, 'officer1');
      t.check(['EXECUTED', 'CLOSED'].includes(record.caseRecord.stage), `案件阶段：${record.caseRecord.stage}`);
    });
  } finally {
    await clock(null).catch(() => {});
  }
});
