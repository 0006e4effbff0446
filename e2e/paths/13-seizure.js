// Path 12 — seizure (查封、扣押, 行政强制法 arts. 18, 24, 27, 28): officer1 investigates and needs to detain
// goods → lists them one a line (a malformed line is refused) → head1 approves before it is carried out →
// the 查封（扣押）决定书 (numbered) and the 清单 are generated → officer1 decides on the goods: a release
// without returning them is refused, then released with the goods returned → the investigation goes on.
'use strict';
const { runPath, today } = require('../lib');
const steps = require('../steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');

  const c = await steps.registerCase(t, officer, { party: '张晓明', violationCode: 'CM-OCCUPY-ROAD' });
  await steps.approveFiling(t, head, c, 'officer1');

  await steps.investigateNeedingSeizure(t, officer, c);

  await t.step('officer1 报请扣押，逐行列明财物（格式不对的行被拒绝）', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('报请查封扣押（列明财物）', { caseNo: c.caseNo });
    await form.expectValue('案号', c.caseNo);
    form = await officer.claim();
    await form.checkbox('情况紧急，已当场实施（24小时内报负责人补办批准手续）', false);
    await form.select('行政强制措施', '扣押');
    await form.textarea('理由', '当事人拒不撤离，为制止违法行为');
    await form.textarea('依据', '《中华人民共和国行政强制法》第二十二条');
    await form.textfield('查封、扣押地点', '曲靖市麒麟区寥廓街道南宁西路18号门前');
    await form.textfield('存放地点', '寥廓街道综合行政执法队暂扣物品仓库');
    await form.number('查封、扣押财物估价合计（元）', 1200);
    await form.textarea('查封、扣押的场所、设施或者财物', '水果摊车一辆');
    await form.completeRefused(/第1行/);
    await officer.closeNotifications();
    await form.textarea('查封、扣押的场所、设施或者财物', '水果摊车，1辆，三轮，七成新\n电子秤，1台，ACS-30');
    await form.complete();
    await officer.expectTaskGone('报请查封扣押（列明财物）', c.caseNo);
    t.check(!(await t.variables(c.pid)).seizedAt, '负责人批准前不得实施扣押');
  });

  await t.step('head1 批准扣押；决定书（有文号）和清单随即生成', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('负责人批准查封扣押', { caseNo: c.caseNo });
    await form.expectText('水果摊车，1辆');
    form = await head.claim();
    await form.checkbox('批准采取（当场实施的：予以确认）', true);
    await form.textarea('审批意见', '同意扣押');
    await form.complete();
    await head.expectTaskGone('负责人批准查封扣押', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(/^寥街强制〔\d{4}〕\d+号$/.test(vars.seizureDecisionNumber || ''), `查封（扣押）决定书文号不对：${vars.seizureDecisionNumber}`);
    t.check(vars.seizureInventoryDocId, '没有生成查封（扣押）清单');
    c.seizureDecisionNumber = vars.seizureDecisionNumber;
  });

  await t.step('officer1 对扣押物品作出处理决定（解除须退还财物）', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('处理查封扣押物品', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(today(), 30, 'DAYS'));
    await form.expectText(c.seizureDecisionNumber);
    form = await officer.claim();
    await form.select('处理决定', '解除查封扣押，退还财物');
    await form.textarea('处理决定的依据', '当事人已改正，不再需要扣押（行政强制法第二十八条第一款第四项）');
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪故障，已书面说明并由当事人签字确认');
    await form.completeRefused(/退还财物/);
    await officer.closeNotifications();
    await form.checkbox('已退还财物（解除的）', true);
    await form.complete();
    await officer.expectTaskGone('处理查封扣押物品', c.caseNo);
    t.equal((await t.variables(c.pid)).seizureOutcome, 'RELEASED', '处理决定');
  });
});
