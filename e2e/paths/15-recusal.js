// Path 14 — recusal (回避, 行政处罚法 art. 43; docs/enforcement-case.md): a case is registered (case API), filed by
// head1 and investigated by officer1 and officer2, who record an inquiry and an inspection (询问笔录 and 现场检查（勘验）笔录
// are generated); the party applies for the recusal of 王芳 (officer2) and officer1
// registers the application from Tasklist's 发起流程 (当事人申请回避) — the investigation goes on meanwhile; head1 decides
// in 决定是否回避: a replacement who already investigates is refused with the reason, 周杰 (officer5) takes over and the
// case's investigators change.
'use strict';
const { runPath, today } = require('../lib');
const steps = require('../steps');
const { register } = require('../sla-steps');

runPath(__filename, async (t) => {
  const c = await register(t, '申请回避', today());
  Object.assign(c, { party: '申请回避', discoveredOn: today(), facts: '在人民路占道经营' }); // as sla-steps registers it
  const head = await t.login('head1');
  await steps.approveFiling(t, head, c, 'officer1');
  const officer = await t.login('officer1');
  await t.step('officer1 调查取证：询问当事人、现场检查，生成询问笔录和现场检查（勘验）笔录', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('调查取证', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.checklist('调查取证执法人员（至少两名）',
      [await steps.officerOption(t, 'officer1'), await steps.officerOption(t, 'officer2')]);
    await form.textarea('取得的证据（每行一项：证据种类：内容）', '现场笔录：当日现场检查笔录1份（签名确认）\n当事人的陈述：询问笔录1份（签名确认）');
    await form.checkbox('需要采取查封、扣押措施', false);
    await form.checkbox('已询问当事人或者有关人员（生成询问笔录）', true);
    await form.textfield('被询问人姓名', '申请回避');
    await form.textfield('被询问人身份', '当事人');
    await form.textfield('被询问人身份证件号码', '530302199001011232');
    await form.textfield('询问地点', '寥廓街道综合行政执法队询问室');
    await form.textfield('询问时间', '当日9时30分至10时05分');
    await form.textfield('被询问人对是否申请回避的回答', '申请王芳回避，理由另行书面提出');
    await form.textarea('询问内容（一问一答，每行一句）', '问：你在人民路摆摊多久了？\n答：大约一个月。');
    await form.checkbox('已进行现场检查（勘验）（生成现场检查（勘验）笔录）', true);
    await form.textfield('检查（勘验）地点', '麒麟区人民路与南宁路交叉口');
    await form.textfield('检查（勘验）时间', '当日8时30分至9时00分');
    await form.textfield('现场负责人（当事人）', '申请回避（摊主）');
    await form.textarea('现场检查（勘验）情况', '当事人在人行道上摆放水果摊位，占用人行道约6平方米。');
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪故障，已书面说明并由当事人签字确认');
    await form.complete();
    await officer.expectTaskGone('调查取证', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(vars.inquiryRecordDocId && vars.inspectionRecordDocId, '应生成询问笔录和现场检查（勘验）笔录');
  });

  await t.step('officer1 在「发起流程」中登记当事人的回避申请（王芳），调查不停止', async () => {
    const form = await officer.startProcess('当事人申请回避');
    await form.expectText('决定作出之前，不停止调查');
    await form.textfield('案号', c.caseNo);
    await form.textfield('申请回避的执法人员', '王芳');
    await form.textarea('申请回避的理由', '王芳系当事人的表姐，与本案有利害关系');
    await form.start();
    const view = await t.api('/api/cases/' + encodeURIComponent(c.caseNo), 'officer1');
    const open = view.openTasks.map((task) => task.name);
    t.check(open.includes('决定是否回避'), `没有「决定是否回避」待办：${open}`);
    t.check(open.includes('制作调查终结报告'), `调查应继续：${open}`);
  });

  await t.step('head1 在「本机构待办」决定准予回避：已参与调查的人员不能接替，改由周杰接替', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('决定是否回避', { caseNo: c.caseNo });
    await form.expectText('王芳');
    await form.expectText('王芳系当事人的表姐');
    form = await head.claim();
    await form.checkbox('准予回避', true);
    await form.select('接替的执法人员（准予回避的必选）', await steps.officerOption(t, 'officer1'));
    await form.textarea('决定理由', '王芳与当事人系近亲属，应当回避');
    await form.completeRefused(/已是本案的调查人员/);
    // the task opened again (already claimed): 周杰 takes over
    await head.page.reload();
    await head.openFilter('本机构待办');
    form = await head.openTask('决定是否回避', { caseNo: c.caseNo });
    await form.checkbox('准予回避', true);
    await form.select('接替的执法人员（准予回避的必选）', await steps.officerOption(t, 'officer5'));
    await form.textarea('决定理由', '王芳与当事人系近亲属，应当回避');
    await form.complete();
    await head.expectTaskGone('决定是否回避', c.caseNo);
    const vars = await t.variables(c.pid);
    const investigators = JSON.stringify(vars.investigatingOfficers);
    t.check(/officer5/.test(investigators) && !/officer2/.test(investigators), `调查人员：${investigators}`);
    t.equal(vars.recusalGranted, true, '准予回避');
  });
});
