// Path 7b — criminal transfer (两法衔接) reported on its own from Tasklist, the police file the case: officer1
// reports a suspected crime found in a case handled before Zhifa (start form 涉嫌犯罪案件移送) → head1 approves
// → officer1 hands over to the police and copies the procuratorate → the police's filing notice arrives
// through the transfers API (the police are outside Zhifa) → officer1 hands over the seized items within 3
// days → the court's judgment arrives the same way → head1 decides whether to impose what the court cannot
// (licence revocation etc., 国务院令第310号第十一条): here none, the transfer is closed.
'use strict';
const { runPath, today } = require('../lib');
const {
  externalAnswer, calendarDays, expectDue, in24Hours, claim, rest,
} = require('../transfer-steps');

runPath(__filename, async (t) => {
  const caseNo = '寥街罚〔2025〕36号'; // a case of the paper files, before Zhifa
  const party = '曲靖市麒麟区恒发废旧物资回收站';
  const crime = '无危险废物经营许可证收集、贮存废铅蓄电池约12吨，涉嫌污染环境罪（刑法第三百三十八条）';
  const police = '曲靖市公安局麒麟分局';
  let pid;
  let approvedDay;

  const officer = await t.login('officer1');
  await t.step('officer1 发起「涉嫌犯罪案件移送（两法衔接）」，报告负责人', async () => {
    const form = await officer.startProcess('涉嫌犯罪案件移送（两法衔接）');
    await form.expectText('报告涉嫌犯罪案件');
    await form.textfield('案号', caseNo);
    await form.textfield('当事人', party);
    await form.textarea('涉嫌犯罪的事实和罪名', crime);
    await form.textfield('接受移送的公安机关', police);
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    pid = instance.id;
    const record = await rest('GET', `/api/transfers/${pid}`, undefined, 'officer1');
    t.equal(record.status, 'AWAITING_APPROVAL', '报告后的移送状态');
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」批准移送（3日内），随附材料按清单', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审批是否移送', { caseNo });
    await expectDue(t, head, '审批是否移送', caseNo, await calendarDays(today(), 3));
    await form.expectValue('当事人', party);
    await form.expectValue('涉嫌犯罪的事实和罪名', crime);
    form = await claim(head, '案号', caseNo);
    await form.radio('审批决定', '批准移送');
    await form.expectValue('接受移送的公安机关', police);
    await form.textarea('随附材料清单（每行一项）',
      '涉嫌犯罪案件情况的调查报告\n涉案物品清单（废铅蓄电池约12吨）\n检验报告或者鉴定结论\n现场勘验笔录及照片');
    approvedDay = today();
    await form.complete();
    await head.expectTaskGone('审批是否移送', caseNo);
  });

  await t.step('officer1 在「我的待办」24小时内移送公安机关，抄送检察院和司法行政部门', async () => {
    await officer.openFilter('我的待办');
    const form = await officer.openTask('向公安机关移送并抄送', { caseNo });
    await expectDue(t, officer, '向公安机关移送并抄送', caseNo, in24Hours(approvedDay));
    await form.expectValue('涉嫌犯罪案件移送书文号', /^寥街刑移〔\d{4}〕\d+号$/);
    await form.expectText('现场勘验笔录及照片');
    await form.checkbox('已抄送同级人民检察院', true);
    await form.checkbox('已抄送同级司法行政部门', true);
    await form.checkbox('已向上一级行政执法机关报告', true);
    await form.textarea('移送情况（签收人、回执等）', `${police}环食药侦大队签收`);
    await form.complete();
    await officer.expectTaskGone('向公安机关移送并抄送', caseNo);
  });

  await t.step('公安机关决定立案（外部系统经移送接口送达立案通知书）', async () => {
    const transfer = await externalAnswer(t, pid, 'police-decision', { policeDecision: 'FILED' });
    t.equal(transfer.status, 'EVIDENCE_HANDOVER', '立案后的移送状态');
  });

  await t.step('officer1 在「我的待办」3日内移交涉案物品和材料', async () => {
    await officer.openFilter('我的待办');
    const form = await officer.openTask('移交涉案物品和材料', { caseNo });
    await expectDue(t, officer, '移交涉案物品和材料', caseNo, await calendarDays(today(), 3));
    await form.expectValue('公安机关', police);
    await form.textarea('移交的涉案物品和材料', '废铅蓄电池约12吨（暂存于区固废处置中心）；扣押物品清单1份；检验报告1份');
    await form.textfield('公安机关接收人', '刘警官（警号 530301）');
    await form.complete();
    await officer.expectTaskGone('移交涉案物品和材料', caseNo);
    const record = await rest('GET', `/api/transfers/${pid}`, undefined, 'officer1');
    t.equal(record.status, 'AWAITING_JUDICIAL', '移交后的移送状态');
  });

  await t.step('法院判决有罪（外部系统经移送接口答复），移送办结，等待负责人决定刑罚以外的处罚', async () => {
    const transfer = await externalAnswer(t, pid, 'judicial-outcome',
      { judicialOutcome: 'CONVICTED', notes: '麒麟区人民法院以污染环境罪判处当事人罚金' });
    t.equal(transfer.outcome, 'CONVICTED', '移送结果');
    t.equal(transfer.mayDecideAdministratively, false, '可否作出行政处罚');
    const steps = transfer.steps.map((s) => s.step);
    for (const s of ['REPORTED', 'HEAD_APPROVE', 'HANDED_OVER', 'POLICE_FILED', 'EVIDENCE_HANDED_OVER']) {
      t.check(steps.includes(s), `移送记录中缺少步骤 ${s}（有：${steps.join('、')}）`);
    }
    // nothing is left for the officer
    await officer.openFilter('我的待办');
    t.check(!(await officer.taskCard('移交涉案物品和材料', caseNo).count()), '办结后仍有移送任务');
  });

  await t.step('head1 在「本机构待办」决定判处刑罚后不再给予行政处罚，写明理由', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('决定是否给予刑罚以外的行政处罚', { caseNo });
    await form.expectText('人民法院不能作出的吊销许可证件');
    form = await claim(head, '案号', caseNo);
    await form.radio('处理决定', '不再给予行政处罚（结案）');
    await form.textarea('理由和拟给予的处罚种类', '当事人无许可证件可吊销，罚金已由人民法院判处，不再给予行政处罚');
    await form.complete();
    await head.expectTaskGone('决定是否给予刑罚以外的行政处罚', caseNo);
    const transfer = await rest('GET', `/api/transfers/${pid}`, undefined, 'officer1');
    t.equal(transfer.mayDecideAdministratively, false, '可否作出行政处罚');
    t.check(transfer.steps.some((s) => s.step === 'AFTER_CONVICTION_NONE'), '移送记录中缺少判处刑罚后的处理决定');
  });
});
