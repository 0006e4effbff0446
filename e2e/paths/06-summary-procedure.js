// Path 6 — summary procedure (简易程序, 当场处罚, 行政处罚法 art. 51): officer1 registers the case through
// the start form of 行政处罚案件办理 with 适用简易程序 and a fine within the cap, decides on the spot (a decided
// fine above the cap is refused citing art. 51),
// head1 files it with the agency (报所属机关备案), the decision is disclosed (prepared by the officer,
// reviewed by office1), the officer records the payment, and the case is closed.
'use strict';
const { runPath, today } = require('../lib');

runPath(__filename, async (t) => {
  const party = '王晓东';
  let caseNo;
  let pid;

  const officer = await t.login('officer1');

  await t.step('officer1 发起「行政处罚案件办理」，登记简易程序案件', async () => {
    const form = await officer.startProcess('行政处罚案件办理');
    await form.expectText('登记执法案件');
    await form.select('案件来源', '巡查发现');
    await form.radio('当事人类型', '自然人');
    await form.textfield('当事人姓名或名称', party);
    await form.textfield('公民身份号码 / 统一社会信用代码', '530302199001011232');
    await form.textfield('联系方式', '13800000000');
    await form.textfield('住所（地址）', '曲靖市麒麟区寥廓街道人民路12号');
    await form.select('违法行为', '乱倒垃圾（城市管理）');
    await form.textarea('违法事实', '在人民路沿街乱倒生活垃圾，执法人员当场发现');
    await form.textfield('违法行为地点', '曲靖市麒麟区人民路与南宁西路交叉口');
    await form.date('发现日期', today());
    await form.date('违法行为发生日期（有连续或者继续状态的，为行为终了之日）', today());
    await form.checkbox('适用简易程序（当场处罚）', true);
    // the fine is asked only for the summary procedure
    await form.number('当场罚款数额（元）', 100);
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    pid = instance.id;
    caseNo = instance.businessKey || (await t.variables(pid)).caseId;
    t.check(/^寥街罚〔\d{4}〕\d+号$/.test(caseNo || ''), `案号格式不对：${caseNo}`);
  });

  await t.step('officer1 在「本机构待办」中看到「当场作出处罚决定」（不经审批立案），领取并当场决定', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('当场作出处罚决定', { caseNo });
    await form.expectText('当场作出行政处罚决定');
    await form.expectValue('案号', caseNo);
    await form.expectValue('当事人', party);
    form = await officer.claim();
    await form.select('决定', '给予行政处罚');
    await form.select('当场处罚种类', '罚款');
    // the cap applies to what is decided (行政处罚法 art. 51): 5000 yuan to a person is refused
    await form.number('罚款数额（元）', 5000);
    await form.textarea('处罚决定内容', '罚款人民币伍仟元');
    await form.textarea('法律依据', '《城市市容和环境卫生管理条例》第三十四条');
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪电量耗尽，已书面说明并由当事人签字确认');
    await form.completeRefused(/第五十一条/);
    await officer.closeNotifications();
    await form.number('罚款数额（元）', 100);
    await form.textarea('处罚决定内容', '罚款人民币壹佰元');
    await form.complete();
    await officer.expectTaskGone('当场作出处罚决定', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.decisionKind, 'PENALTY', '决定种类');
    t.check(vars.decisionNumber, '当场行政处罚决定书未编号');
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」中领取「报所属机关备案」并备案', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('报所属机关备案', { caseNo });
    await form.expectText('当场处罚决定报所属机关备案');
    await form.expectValue('案号', caseNo);
    await form.expectValue('决定内容', '罚款人民币壹佰元');
    form = await head.claim();
    await form.textarea('备案意见', '同意备案');
    await form.complete();
    await head.expectTaskGone('报所属机关备案', caseNo);
  });

  await t.step('officer1 在「本机构待办」中整理公示信息：姓名已脱敏，执法结论可公开', async () => {
    const vars = await t.variables(pid);
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('整理公示信息', { caseNo });
    form = await officer.claim();
    await form.expectText('整理公示信息');
    await form.expectValue('决定文书号', vars.decisionNumber);
    await form.expectValue('执法决定类别', '行政处罚');
    await form.expectValue('公开的当事人名称', /^王\*+$/);
    await form.expectValue('公开的执法结论', '罚款人民币壹佰元');
    await form.complete();
    await officer.expectTaskGone('整理公示信息', caseNo);
  });

  const office = await t.login('office1');
  await t.step('office1（党政办）在「本机构待办」中审核公示信息，同意后交司法所', async () => {
    await office.openFilter('本机构待办');
    let form = await office.openTask('党政办审核公示信息', { caseNo });
    form = await office.claim();
    await form.expectValue('当事人', /^王\*+$/);
    await form.expectValue('执法结论', '罚款人民币壹佰元');
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await office.expectTaskGone('党政办审核公示信息', caseNo);
  });

  const justice = await t.login('reviewer1');
  await t.step('reviewer1（司法所）在「本机构待办」中审核公示信息，同意公开（R-DISC-6：党政办、司法所均须审核）', async () => {
    await justice.openFilter('本机构待办');
    let form = await justice.openTask('司法所审核公示信息', { caseNo: caseNo });
    form = await justice.claim();
    await form.expectValue('当事人', /^王\*+$/);
    await form.expectValue('执法结论', '罚款人民币壹佰元');
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await justice.expectTaskGone('司法所审核公示信息', caseNo);
  });

  await t.step('officer1 记录执行情况（到期日为送达后15日），案件结案归档', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('记录执行情况', { caseNo });
    await officer.expectDue(await t.dueDay(today(), 15, 'DAYS'));
    form = await officer.claim();
    await form.expectValue('案号', caseNo);
    await form.select('执行结果', '已缴纳');
    await form.textarea('执行情况', '当事人当场缴纳罚款壹佰元');
    await form.complete();
    await officer.expectTaskGone('记录执行情况', caseNo);
    const history = await t.api(`/engine-rest/history/process-instance/${pid}`);
    t.equal(history.state, 'COMPLETED', '案件流程状态');
    const record = await t.api(`/api/cases/${encodeURIComponent(caseNo)}`, 'officer1');
    t.equal(record.caseRecord.stage, 'CLOSED', '案件阶段');
  });
});
