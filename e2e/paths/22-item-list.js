// Path 22 — the enforcement item list (行政执法事项清单, R-QUAL-4, R-DISC-1, docs/item-list.md, ADR-0032): reviewer1
// (寥廓街道司法所, the legal office) starts 行政执法事项清单变更 in Tasklist and adds an item → office1 (党政办) finds
// 审核清单变更 in 本机构待办 by the change's number, sees the change, and approves it → an anonymous visitor finds the
// new entry on the portal under 执法事项清单, and the list's history with the new version and the first one.
'use strict';
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5).toUpperCase();
  const code = `CM-E2E-${tag}`;
  const name = `对擅自在街道两侧堆放物料的行政处罚（${tag}）`;
  let changeNo;

  const legal = await t.login('reviewer1');
  await t.step('reviewer1（司法所）在任务中心「发起流程」→ 行政执法事项清单变更，新增一个行政处罚事项', async () => {
    const form = await legal.startProcess('行政执法事项清单变更');
    await form.fill('变更类型', '新增事项');
    await form.fill('事项编码', code);
    await form.fill('事项名称', name);
    await form.fill('事项类别', '行政处罚');
    await form.fill('设定依据', '《城市市容和环境卫生管理条例》第十七条、第三十六条');
    await form.fill('实施机构', '寥廓街道综合行政执法队执法一中队');
    await form.fill('责任事项', '立案责任、调查责任、审查责任、告知责任、决定责任、送达责任、执行责任');
    await form.fill('追责情形', '有《中华人民共和国行政处罚法》第七十六条至第八十三条规定情形的，依法追究相应责任');
    await form.fill('变更理由', '区人民政府赋权街道实施，自公布之日起施行。');
    const instance = await form.start();
    changeNo = instance.businessKey;
    t.check(/^寥街清单变更〔\d{4}〕\d+号$/.test(changeNo || ''), `清单变更编号：${changeNo}`);
    const row = await t.api(`/api/item-lists/changes/${encodeURIComponent(changeNo)}`, 'reviewer1');
    t.equal(row.summary.status, 'PROPOSED', '清单变更状态');
  });

  const office = await t.login('office1');
  await t.step('office1（党政办）在「本机构待办」审核清单变更：同意发布', async () => {
    await office.openFilter('本机构待办');
    let form = await office.openTask('审核清单变更', { caseNo: changeNo });
    await form.expectText(code);
    await form.expectText('新增事项');
    form = await office.claim();
    await form.fill('审核结论', '同意发布');
    await form.complete();
    await office.expectTaskGone('审核清单变更', changeNo);
    const row = await t.api(`/api/item-lists/changes/${encodeURIComponent(changeNo)}`, 'office1');
    t.equal(row.summary.status, 'PUBLISHED', '清单变更状态');
  });

  await t.step('公众在公示平台「执法事项清单」中看到新增的事项和清单的历次版本', async () => {
    const visitor = await t.visitor();
    await visitor.open('/public/');
    await Promise.all([visitor.page.waitForURL(/\/public\/item-lists$/),
      visitor.page.getByRole('link', { name: '执法事项清单', exact: true }).click()]);
    await Promise.all([visitor.page.waitForURL(/\/public\/item-lists\/LIAOKUO$/),
      visitor.page.getByRole('link', { name: '寥廓街道综合行政执法队', exact: true }).click()]);
    const text = await visitor.text();
    for (const shown of [code, name, '历次版本', '第1版', '初始清单', changeNo]) {
      t.check(text.includes(shown), `清单页应显示「${shown}」`);
    }
  });
});
