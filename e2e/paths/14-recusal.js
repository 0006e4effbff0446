// Path 14 — recusal (回避, 行政处罚法 art. 43; docs/enforcement-case.md): a case is registered (case API), filed by
// head1 and investigated by officer1 and officer2; the party applies for the recusal of 王芳 (officer2) and officer1
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
  await steps.investigate(t, officer, c, ['officer1', 'officer2']);

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
