// Path 29 — a complaint moved to another agency on Zhifa is reported back to the one that moved it (seed 002 (十五)二:
// 乡镇应向告知的区职能部门反馈调查处理结果; docs/complaints.md): officer1 of the street office registers a phoned-in food
// complaint from Tasklist (发起流程 → 投诉举报办理); the routing table moves it to 某区市场监督管理局 at once; officer4 there
// accepts and answers it; then officer1 finds 阅知投诉举报办理结果 in 本机构待办 with the answer, ticks 已阅知 — a submission
// without the tick is refused — and the feedback ends. officer4 never sees the street office's feedback task. The task
// shows its agency by name (寥廓街道综合行政执法队), not by Camunda's tenant id.
'use strict';
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const place = `南宁西路${tag}号便利店`;
  const reply = `经现场检查，${place}货架上的3盒过期牛奶已下架并依法处理，已对经营者立案调查。`;
  const officer = await t.login('officer1');
  const officer4 = await t.login('officer4');
  let receiptNo;

  await t.step('officer1 在任务中心「发起流程」→ 投诉举报办理，登记电话投诉（食品安全），分办规则移送某区市场监督管理局', async () => {
    const form = await officer.startProcess('投诉举报办理');
    await form.select('事项类别', '食品安全');
    await form.textfield('发生地点', place);
    await form.textarea('投诉举报内容', `${place}出售过期牛奶，货架上有多盒已过保质期，电话投诉。`);
    await form.textfield('投诉举报人姓名', '李先生');
    await form.textfield('联系方式', '13887401234');
    const instance = await form.start();
    const vars = await t.historicVariables(instance.id);
    receiptNo = vars.complaintNo;
    t.check(/^TS-\d{4}-\d{6}$/.test(receiptNo || ''), `投诉举报编号：${receiptNo}`);
    const complaint = await t.api(`/api/complaints/${receiptNo}`, 'officer4');
    t.equal(complaint.summary.agencyCode, 'QLSCJ', '承办机关');
  });

  await t.step('officer4 在某区市场监督管理局的「本机构待办」受理并调查处理、答复', async () => {
    await officer4.openFilter('本机构待办');
    let form = await officer4.openTask('分办受理', { caseNo: receiptNo });
    form = await officer4.claim();
    await form.fill('受理意见', '受理，由本机关调查处理');
    await form.complete();
    await officer4.expectTaskGone('分办受理', receiptNo);
    await officer4.openFilter('我的待办');
    form = await officer4.openTask('调查处理并答复', { caseNo: receiptNo });
    form = await officer4.claim();
    await form.fill('答复内容', reply);
    await form.complete();
    await officer4.expectTaskGone('调查处理并答复', receiptNo);
  });

  await t.step('officer1 在「本机构待办」看到「阅知投诉举报办理结果」：办理机关和答复内容；未勾选已阅知被拒绝，勾选后办结', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('阅知投诉举报办理结果', { caseNo: receiptNo });
    await form.expectText('某区市场监督管理局');
    await form.expectText('已下架并依法处理');
    // the task's agency is shown by its name, not by Camunda's tenant id (users never see codes)
    const agency = officer.page.locator('[cam-tasklist-task] .tenant-id').first();
    await agency.waitFor({ state: 'visible' });
    let shown = '';
    for (let i = 0; i < 50 && !/寥廓街道综合行政执法队/.test(shown); i++) {
      shown = (await agency.textContent()).trim();
      if (!/寥廓街道综合行政执法队/.test(shown)) await officer.page.waitForTimeout(100);
    }
    t.equal(shown, '寥廓街道综合行政执法队', '任务所属机构的显示');
    form = await officer.claim();
    await form.completeRefused('已阅知');
    await form.checkbox('已阅知办理结果', true);
    await form.complete();
    await officer.expectTaskGone('阅知投诉举报办理结果', receiptNo);
    const feedback = await t.api(`/engine-rest/history/process-instance?processDefinitionKey=complaint-feedback&processInstanceBusinessKey=${receiptNo}`);
    t.equal(feedback.length, 1, '办理结果反馈流程数');
    t.equal(feedback[0].tenantId, 'LIAOKUO', '反馈给移送机关');
    t.check(feedback[0].endTime, '反馈已办结');
    const seen = await t.api(`/engine-rest/task?processInstanceBusinessKey=${receiptNo}`, 'officer4');
    t.equal(seen.length, 0, 'officer4 看到的本投诉举报待办数');
  });
});
