// Path 23 — a random inspection (双随机、一公开, R-DISC-1, docs/random-inspections.md, ADR-0033): officer1 starts
// 双随机抽查 in Tasklist for the item LK-SC-001, one target → the plan's draw is recorded and redone the same
// (/api/inspections/{no}/redraw) → the first drawn inspector finds 实施检查并录入结果 in 我的待办 by the inspection number
// and records 未发现问题 → head1 publishes it from 本机构待办 (due in 20 working days) → an anonymous visitor sees the
// result on the portal's 随机抽查 page with the agency's item list.
'use strict';
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  let planNo;
  let inspection;

  const officer = await t.login('officer1');
  await t.step('officer1 在任务中心「发起流程」→ 双随机抽查，按抽查事项 LK-SC-001 随机抽取 1 个检查对象', async () => {
    const form = await officer.startProcess('双随机抽查');
    await form.fill('抽查计划名称', `沿街商铺门前责任区抽查（${tag}）`);
    await form.fill('抽查事项编码', 'LK-SC-001');
    await form.fill('抽取检查对象数', '1');
    const instance = await form.start();
    planNo = instance.businessKey;
    t.check(/^寥街抽查〔\d{4}〕\d+号$/.test(planNo || ''), `抽查计划编号：${planNo}`);
    const plan = await t.api(`/api/inspections/${encodeURIComponent(planNo)}`, 'officer1');
    t.equal(plan.inspections.length, 1, '抽中的检查对象数');
    inspection = plan.inspections[0];
    t.equal(inspection.inspectors.length, 2, '每个检查对象的检查人员数');
    t.check(plan.draw.seed && plan.draw.targetPopulationSha256.length === 64, `随机数种子 ${plan.draw.seed}，对象名录摘要已登记`);
    const redraw = await t.api(`/api/inspections/${encodeURIComponent(planNo)}/redraw`, 'supervisor1');
    t.check(redraw.sameAsRecorded === true, '按登记的种子和名录重新抽取，结果相同');
  });

  await t.step('抽中的第一名检查人员在「我的待办」中录入检查结果：未发现问题', async () => {
    const inspector = inspection.inspectors[0];
    const user = inspector === 'officer1' ? officer : await t.login(inspector);
    await user.openFilter('我的待办');
    const form = await user.openTask('实施检查并录入结果', { caseNo: inspection.inspectionNo });
    await form.expectText(inspection.targetName);
    await form.fill('检查结果', '未发现问题');
    await form.fill('检查情况', `门前责任区整洁，未发现出店经营（${tag}）。`);
    await form.complete();
    const plan = await t.api(`/api/inspections/${encodeURIComponent(planNo)}`, 'officer1');
    t.equal(plan.inspections[0].result, 'NO_PROBLEM', '检查结果');
    t.check(!!plan.inspections[0].publicationDueAt, `公示期限 ${plan.inspections[0].publicationDueAt}`);
  });

  const publicText = `经检查，未发现问题。（${tag}）`;
  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」审核并公示检查结果', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审核并公示检查结果', { caseNo: inspection.inspectionNo });
    form = await head.claim();
    await form.fill('公示内容', publicText);
    await form.complete();
    const plan = await t.api(`/api/inspections/${encodeURIComponent(planNo)}`, 'head1');
    t.equal(plan.summary.status, 'DONE', '抽查计划状态');
    t.check(plan.inspections[0].publishedOnTime === true, '按期公示');
  });

  await t.step('公众在公示平台「随机抽查」页看到检查结果和抽查事项清单', async () => {
    const visitor = await t.visitor();
    await visitor.open('/public/inspections');
    const text = await visitor.text();
    for (const shown of [inspection.inspectionNo, inspection.targetName, publicText, '随机抽查事项清单', 'LK-SC-001']) {
      t.check(text.includes(shown), `公示页应有「${shown}」`);
    }
  });
});
