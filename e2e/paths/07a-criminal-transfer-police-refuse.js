// Path 7a — criminal transfer (两法衔接, 国务院令第310号) during a case, the police refuse, the case continues:
// officer1 registers and investigates a case, concludes the investigation reporting a suspected crime →
// head1 approves the transfer (3 days) → officer1 hands it over to the police within 24 hours, copying the
// procuratorate and the justice bureau → the police's refusal to file arrives through the transfers API (the
// police are outside Zhifa) → head1 asks the police to reconsider (3 days from the notice) → the police uphold their
// refusal (answer through the API) → head1 decides in 决定是否建议立案监督 (3 days from the reconsideration decision,
// 第九条): a suggestion without reasons is refused, then no further suggestion → the case continues to the
// administrative penalty: officer1 proposes the fine and serves the prior notice.
'use strict';
const { runPath, today } = require('../lib');
const {
  citizenId, externalAnswer, transferOf, calendarDays, expectDue, expectRefused, claim, in24Hours, registerCase, fileCase, investigate,
} = require('../transfer-steps');

runPath(__filename, async (t) => {
  const c = {
    party: '赵建国',
    partyId: citizenId('1985-03-15', 17),
    violation: 'CM-DUMP-WASTE',
    facts: '在南盘江河道旁倾倒工业废渣约3吨，废渣呈黑色并有刺激性气味',
  };
  const crime = '向河道倾倒疑似含重金属的工业废渣约3吨，涉嫌污染环境罪（刑法第三百三十八条）';
  const police = '曲靖市公安局麒麟分局';
  let caseNo;
  let pid;
  let transferId;
  let approvedDay;

  const officer = await t.login('officer1');
  await t.step('officer1 登记案件（普通程序）', async () => {
    ({ caseNo, pid } = await registerCase(t, officer, c));
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」审批立案（到期日：发现之日起15个工作日），指定承办人 officer1', async () => {
    await fileCase(t, head, caseNo, c);
  });

  await t.step('officer1 在「本机构待办」完成调查取证', async () => {
    await investigate(t, officer, caseNo, '视听资料：现场照片12张（原始载体）\n物证：废渣样品2份（已封存）（其他佐证）\n当事人的陈述：询问笔录1份（签名确认）');
  });

  await t.step('officer1 制作调查终结报告：违法事实成立，涉嫌犯罪，报告负责人', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('制作调查终结报告', { caseNo });
    form = await claim(officer, '案号', caseNo);
    await form.textarea('调查终结报告', '经调查，当事人倾倒工业废渣的事实清楚，废渣来源为其经营的电镀作坊');
    await form.checkbox('违法事实成立', true);
    await form.select('违法情节', '严重');
    await form.checkbox('造成危害后果', true);
    await form.checkbox('涉嫌犯罪，应当移送司法机关', true);
    await form.textarea('涉嫌犯罪的事实和罪名', crime);
    await form.complete();
    await officer.expectTaskGone('制作调查终结报告', caseNo);
  });

  await t.step('head1 在「本机构待办」看到「审批是否移送」（3日内），批准移送公安机关', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审批是否移送', { caseNo });
    await expectDue(t, head, '审批是否移送', caseNo, await calendarDays(today(), 3));
    await form.expectText('审批是否移送涉嫌犯罪案件');
    await form.expectValue('案号', caseNo);
    await form.expectValue('当事人', c.party);
    await form.expectValue('承办人', '李明');
    await form.expectValue('涉嫌犯罪的事实和罪名', crime);
    form = await claim(head, '案号', caseNo);
    await form.radio('审批决定', '批准移送');
    await form.textfield('接受移送的公安机关', police);
    // the attachments list comes prefilled with the standard materials (国务院令第310号第六条)
    await form.expectValue('随附材料清单（每行一项）', /调查报告[\s\S]*涉案物品清单/);
    approvedDay = today();
    await form.complete();
    await head.expectTaskGone('审批是否移送', caseNo);
    transferId = (await transferOf(caseNo, 'CRIMINAL')).id;
  });

  await t.step('officer1 在「即将超期」和「我的待办」看到「向公安机关移送并抄送」（24小时内）', async () => {
    await officer.openFilter('即将超期');
    await officer.openTask('向公安机关移送并抄送', { caseNo });
    await expectDue(t, officer, '向公安机关移送并抄送', caseNo, in24Hours(approvedDay));
    await officer.openFilter('我的待办');
    const form = await officer.openTask('向公安机关移送并抄送', { caseNo });
    await expectDue(t, officer, '向公安机关移送并抄送', caseNo, in24Hours(approvedDay));
    await form.expectValue('公安机关', police);
    await form.expectValue('涉嫌犯罪案件移送书文号', /^寥街刑移〔\d{4}〕\d+号$/);
  });

  await t.step('officer1 未抄送人民检察院就提交：被拒绝并说明原因', async () => {
    const form = await officer.openTask('向公安机关移送并抄送', { caseNo });
    await form.checkbox('已抄送同级司法行政部门', true);
    await form.checkbox('已向上一级行政执法机关报告', true);
    await expectRefused(t, form, '人民检察院');
    const vars = await t.variables(pid);
    t.check(vars.copiedToJusticeBureau === undefined || vars.copiedToJusticeBureau === null,
      '被拒绝的提交不应改变流程变量');
  });

  await t.step('officer1 移送公安机关，抄送检察院和司法行政部门，报告上一级机关', async () => {
    await officer.openFilter('我的待办');
    const form = await officer.openTask('向公安机关移送并抄送', { caseNo });
    await form.checkbox('已抄送同级人民检察院', true);
    await form.checkbox('已抄送同级司法行政部门', true);
    await form.checkbox('已向上一级行政执法机关报告', true);
    await form.textarea('移送情况（签收人、回执等）', `${police}法制大队王警官签收，回执编号 QL-2026-118`);
    await form.complete();
    await officer.expectTaskGone('向公安机关移送并抄送', caseNo);
    const transfer = await transferOf(caseNo, 'CRIMINAL');
    t.equal(transfer.status, 'AWAITING_POLICE', '移送状态');
    t.equal(transfer.handedOverOnTime, true, '是否在24小时内移送');
  });

  await t.step('公安机关作出不予立案决定（外部系统经移送接口答复）', async () => {
    const transfer = await externalAnswer(t, transferId, 'police-decision',
      { policeDecision: 'NOT_FILED', notes: '经鉴定废渣不属于危险废物，情节显著轻微，不构成犯罪' });
    t.equal(transfer.status, 'FOLLOW_UP', '不予立案后的移送状态');
  });

  await t.step('head1 在「本机构待办」决定是否提请复议：提请公安机关复议', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('决定是否提请复议或立案监督', { caseNo });
    await expectDue(t, head, '决定是否提请复议或立案监督', caseNo, await calendarDays(today(), 3));
    await form.expectValue('不予立案的理由', '经鉴定废渣不属于危险废物，情节显著轻微，不构成犯罪');
    form = await claim(head, '案号', caseNo);
    await form.radio('后续处理', '提请公安机关复议');
    await form.textarea('理由', '废渣浸出液检测显示铅、镉超标，应认定为危险废物，达到污染环境罪的追诉标准');
    await form.complete();
    await head.expectTaskGone('决定是否提请复议或立案监督', caseNo);
    const transfer = await transferOf(caseNo, 'CRIMINAL');
    t.equal(transfer.status, 'AWAITING_RECONSIDERATION', '提请复议后的移送状态');
    t.check(transfer.currentDueAt, '公安机关复议决定期限未记录');
  });

  await t.step('公安机关复议维持不予立案（外部系统经移送接口答复，写明接到复议决定通知书的日期）', async () => {
    const transfer = await externalAnswer(t, transferId, 'reconsideration-result',
      { reconsiderationResult: 'NOT_FILED', notes: '复议决定：维持不予立案决定', receivedOn: today() });
    t.equal(transfer.status, 'FOLLOW_UP', '复议维持后的移送状态');
  });

  await t.step('head1 在「本机构待办」决定是否建议立案监督（接到复议决定后3日内）：未写理由被拒绝，不再建议，依法作出行政处理', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('决定是否建议立案监督', { caseNo });
    await expectDue(t, head, '决定是否建议立案监督', caseNo, await calendarDays(today(), 3));
    await form.expectText('复议决定：维持不予立案决定');
    form = await claim(head, '案号', caseNo);
    await form.radio('后续处理', '建议人民检察院立案监督');
    await form.completeRefused('建议立案监督的理由');
    await head.closeNotifications();
    await form.radio('后续处理', '不再建议（依法作出行政处理）');
    await form.complete();
    await head.expectTaskGone('决定是否建议立案监督', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.criminalTransferOutcome, 'POLICE_NOT_FILED', '移送结果');
    t.equal(vars.mayDecideAdministratively, true, '可否作出行政处罚');
  });

  await t.step('案件继续：officer1 在「本机构待办」按裁量基准拟定处罚意见', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('拟定处罚意见', { caseNo });
    await form.expectValue('案号', caseNo);
    const vars = await t.variables(pid);
    t.check(typeof vars.fineMax === 'number' && vars.fineMax > 0, `裁量基准没有给出罚款上限：${vars.fineMax}`);
    // the benchmark is shown as text: "基准罚款：<min>–<max> 元"
    await form.expectValue('基准罚款', new RegExp('^[\\d.]+–' + vars.fineMax + '(\\.0+)? 元'));
    form = await claim(officer, '案号', caseNo);
    await form.textfield('处罚种类', '罚款');
    await form.number('拟罚款数额（元）', vars.fineMax);
    await form.complete();
    await officer.expectTaskGone('拟定处罚意见', caseNo);
  });

  await t.step('officer1 送达行政处罚事先告知书', async () => {
    let form = await officer.openTask('送达事先告知书', { caseNo });
    form = await claim(officer, '案号', caseNo);
    await form.select('送达方式', '直接送达');
    await form.complete();
    await officer.expectTaskGone('送达事先告知书', caseNo);
    const vars = await t.variables(pid);
    t.check(vars.priorNoticeDocId, '没有生成行政处罚事先告知书');
    const transfer = await transferOf(caseNo, 'CRIMINAL');
    t.equal(transfer.outcome, 'POLICE_NOT_FILED', '移送记录的结果');
    t.check(transfer.steps.some((s) => s.step === 'HANDED_OVER' && s.onTime === true), '移送记录中没有按时移送的步骤');
  });
});
