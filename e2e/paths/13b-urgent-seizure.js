// Path 13b — urgent seizure (行政强制法 art. 19): officer1 finds the goods must be detained at once → seizes on
// the spot and reports it (情况紧急，已当场实施) → the seizure is carried out without waiting, and head1 gets
// 负责人补办批准（24小时内） with the listed goods → head1 finds it was not urgent and refuses → the seizure is lifted
// at once and the goods returned; the investigation goes on.
'use strict';
const { runPath } = require('../lib');
const steps = require('../steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');

  const c = await steps.registerCase(t, officer, { party: '李春华', violationCode: 'CM-OCCUPY-ROAD' });
  await steps.approveFiling(t, head, c, 'officer1');

  await steps.investigateNeedingSeizure(t, officer, c);

  await t.step('officer1 当场扣押并报告（情况紧急）：立即实施，无须等待批准', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('报请查封扣押（列明财物）', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.checkbox('情况紧急，已当场实施（24小时内报负责人补办批准手续）', true);
    await form.select('行政强制措施', '扣押');
    await form.textarea('理由', '当事人准备转移涉案物品，情况紧急');
    await form.textarea('依据', '《中华人民共和国行政强制法》第十九条、第二十二条');
    await form.textfield('查封、扣押地点', '曲靖市麒麟区寥廓街道南宁西路18号门前');
    await form.textfield('存放地点', '寥廓街道综合行政执法队暂扣物品仓库');
    await form.number('查封、扣押财物估价合计（元）', 1200);
    await form.textarea('查封、扣押的场所、设施或者财物', '水果摊车，1辆，三轮，七成新');
    await form.complete();
    await officer.expectTaskGone('报请查封扣押（列明财物）', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(vars.seizedAt, '情况紧急当场实施的，扣押应立即实施');
  });

  await t.step('head1 补办批准：认为不应当采取，不予批准；扣押立即解除，财物退还', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('负责人补办批准（24小时内）', { caseNo: c.caseNo });
    await form.expectText('水果摊车，1辆');
    form = await head.claim();
    await form.checkbox('批准采取（当场实施的：予以确认）', false);
    await form.textarea('审批意见', '不符合情况紧急的条件，应当立即解除');
    await form.complete();
    await head.expectTaskGone('负责人补办批准（24小时内）', c.caseNo);
    const vars = await t.variables(c.pid);
    t.equal(vars.seizureOutcome, 'RELEASED', '不予批准的处理结果');
    t.check(vars.seizureLiftedAt, '不予批准的，应当立即解除（行政强制法第十九条）');
  });
});
