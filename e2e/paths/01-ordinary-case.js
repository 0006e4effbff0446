// Path 1 — an ordinary penalty case from registration to archive, as its users carry it through Tasklist:
// officer1 registers → head1 files it (审批立案) → officer1 investigates with officer2 → concludes →
// proposes the penalty within the benchmark → serves the prior notice → records that the party waives the
// hearing → head1 decides → officer1 serves the decision → officer1 prepares the disclosure, office1
// reviews it → a visitor finds the redacted decision on the public portal → officer1 records the payment →
// the case is closed. (The hearing variant is path 01b.)
'use strict';
const { runPath } = require('../lib');
const steps = require('../steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');

  const c = await steps.registerCase(t, officer, { party: '张晓明', violationCode: 'CM-OCCUPY-ROAD' });
  await steps.approveFiling(t, head, c, 'officer1');

  await t.step('head1 在 Cockpit 中查看本案：当前环节「调查取证」，90日办案期限的计时及其到期日', async () => {
    await t.login('head1', 'cockpit');
    await head.cockpitInstance('行政处罚案件办理', c.caseNo);
    const tasks = await head.cockpitTab(['User Tasks', '用户任务']);
    const activity = (row) => row.Activity || row['活动'];
    t.check(tasks.some((r) => activity(r) === '调查取证'), `Cockpit 的用户任务：${tasks.map(activity).join('、') || '无'}`);
    const jobs = await head.cockpitTab(['Jobs', '作业']);
    const record = await t.api(`/api/cases/${encodeURIComponent(c.caseNo)}`, 'head1');
    // the case API names each running deadline; Cockpit shows the same timers with their due dates
    const timers = { 立案满60日: 'timerEvent_decisionWarningFirst', 立案满80日: 'timerEvent_decisionWarningSecond',
      办案期限届满: 'timerEvent_decisionBreach' };
    for (const [timer, activityId] of Object.entries(timers)) {
      const job = jobs.find((r) => activity(r) === timer);
      t.check(job, `Cockpit 的作业中没有计时「${timer}」（有：${jobs.map(activity).join('、') || '无'}）`);
      const shown = (job['Due Date'] || job['到期时间'] || '').slice(0, 10);
      const deadline = record.deadlines.find((d) => d.activityId === activityId);
      t.check(deadline, `案件接口没有列出计时「${timer}」`);
      const due = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(deadline.dueAt));
      t.equal(shown, due, `Cockpit 中「${timer}」的到期日`);
    }
    const filedOn = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(record.caseRecord.filedAt));
    const breach = jobs.find((r) => activity(r) === '办案期限届满');
    t.equal((breach['Due Date'] || breach['到期时间']).slice(0, 10), await t.dueDay(filedOn, 90, 'DAYS'),
      '办案期限（立案之日起90日）');
  });

  await steps.investigate(t, officer, c, 'officer1,officer2');
  await steps.concludeInvestigation(t, officer, c, { circumstance: '一般' });
  // 占道经营, 一般情节: a street vendor (a person) gets 200–1000 yuan (dmn/discretion-benchmark.dmn)
  await steps.proposePenalty(t, officer, c, { fine: 500, min: 200, max: 1000 });
  await steps.servePriorNotice(t, officer, c, '直接送达');
  await steps.recordPartyReply(t, officer, c, '放弃听证', '当事人对违法事实无异议，书面表示放弃听证');

  await steps.decidePenalty(t, head, c, { fine: 500, content: '责令立即改正，罚款人民币伍佰元',
    basis: '《城市道路管理条例》第二十七条第（七）项、第四十二条' });
  await steps.serveDecision(t, officer, c);

  await t.step('officer1 整理公示信息（7个工作日内公示，当事人姓名已脱敏）', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('整理公示信息', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(c.decidedOn, 7, 'WORKING_DAYS'));
    form = await officer.claim();
    await form.expectValue('决定文书号', c.decisionNumber);
    await form.expectValue('执法决定类别', '行政处罚');
    await form.expectValue('公开的当事人名称', /^张\*+$/);
    await form.expectValue('公开的执法结论', '责令立即改正，罚款人民币伍佰元');
    await form.complete();
    await officer.expectTaskGone('整理公示信息', c.caseNo);
  });

  const office = await t.login('office1');
  await t.step('office1（党政办）在「本机构待办」中审核公示信息，同意后交司法所', async () => {
    await office.openFilter('本机构待办');
    let form = await office.openTask('党政办审核公示信息', { caseNo: c.caseNo });
    form = await office.claim();
    await form.expectValue('决定文书号', c.decisionNumber);
    await form.expectValue('当事人', /^张\*+$/);
    await form.expectValue('执法结论', '责令立即改正，罚款人民币伍佰元');
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await office.expectTaskGone('党政办审核公示信息', c.caseNo);
  });

  const justice = await t.login('reviewer1');
  await t.step('reviewer1（司法所）在「本机构待办」中审核公示信息，同意公开（R-DISC-6：党政办、司法所均须审核）', async () => {
    await justice.openFilter('本机构待办');
    let form = await justice.openTask('司法所审核公示信息', { caseNo: c.caseNo });
    form = await justice.claim();
    await form.expectValue('当事人', /^张\*+$/);
    await form.expectValue('执法结论', '责令立即改正，罚款人民币伍佰元');
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await justice.expectTaskGone('司法所审核公示信息', c.caseNo);
  });

  await t.step('公众在公示平台 /public/ 检索到已脱敏的处罚决定', async () => {
    const visitor = await t.visitor();
    await visitor.open('/public/');
    const titles = await visitor.search(c.decisionNumber);
    t.check(titles.includes(c.decisionNumber), `检索「${c.decisionNumber}」的结果：${titles.join('、') || '无'}`);
    await visitor.openItem(c.decisionNumber);
    t.equal(await visitor.detail('决定文书号'), c.decisionNumber, '公示的决定文书号');
    t.equal(await visitor.detail('决定类别'), '行政处罚', '公示的决定类别');
    t.check(/^张\*+$/.test(await visitor.detail('执法对象')), `执法对象应已脱敏：${await visitor.detail('执法对象')}`);
    t.equal(await visitor.detail('执法结论'), '责令立即改正，罚款人民币伍佰元', '公示的执法结论');
    const page = await visitor.text();
    t.check(!page.includes(c.party) && !page.includes(steps.PERSON_ID) && !page.includes('13800000000'),
      '公示页面出现了当事人的姓名、身份证号码或电话');
  });

  await t.step('officer1 记录执行情况（送达后15日内缴纳），案件结案归档', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('记录执行情况', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(c.servedOn, 15, 'DAYS'));
    form = await officer.claim();
    await form.expectValue('案号', c.caseNo);
    await form.select('执行结果', '已缴纳');
    await form.textarea('执行情况', '当事人已于送达当日通过电子支付缴纳罚款伍佰元');
    await form.complete();
    await officer.expectTaskGone('记录执行情况', c.caseNo);
    const history = await t.api(`/engine-rest/history/process-instance/${c.pid}`);
    t.equal(history.state, 'COMPLETED', '案件流程状态');
    const record = await t.api(`/api/cases/${encodeURIComponent(c.caseNo)}`, 'officer1');
    t.equal(record.caseRecord.stage, 'CLOSED', '案件阶段');
    t.equal(record.caseRecord.major, false, '重大执法决定');
    const investigators = record.officers.map((o) => o.userId || o.user || o.id);
    t.check(investigators.includes('officer2'), `调查人员中没有 officer2：${JSON.stringify(record.officers)}`);
  });
});
