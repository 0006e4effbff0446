// Path 19 — a guiding case (行政执法指导案例, seed 002 (十一), docs/guiding-cases.md, ADR-0028): a summary-procedure case
// of 寥廓街道 is carried to its close → head1 starts 行政执法指导案例报送 in Tasklist with the closed case's number, the
// summary naming the party, his phone and address → supervisor1 (司法局) finds 审查指导案例 in 本机构待办 by the guiding
// case's number, sees the texts with the personal data removed, and publishes it → an anonymous visitor finds it on the
// portal under 指导案例, without the party's name, phone or address; the year's count is in /api/guiding-cases/summary.
'use strict';
const { runPath } = require('../lib');
const steps = require('../steps');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const party = '王晓东';
  const phone = '13912345678';
  const title = `${party}乱倒垃圾案（${tag}）——当场处罚的适用`;
  let guidingNo;

  const officer = await t.login('officer1');
  const c = await steps.registerCase(t, officer, { party, violation: '乱倒垃圾（城市管理）', summaryFine: 100,
    facts: '当事人在人民路沿街乱倒生活垃圾，执法人员当场发现' });
  await steps.closeSummaryCase(t, c);

  const head = await t.login('head1');
  await t.step('head1 在任务中心「发起流程」→ 行政执法指导案例报送，报送已结案的案件', async () => {
    const form = await head.startProcess('行政执法指导案例报送');
    await form.fill('案号', c.caseNo);
    await form.fill('案例类别', '行政处罚');
    await form.fill('案例标题', title);
    await form.fill('基本案情', `当事人${party}（电话${phone}，住址：曲靖市麒麟区人民路12号）在人民路沿街乱倒生活垃圾，执法人员当场发现并依简易程序当场处罚。`);
    await form.fill('案例要点（典型意义）', '违法事实确凿、有法定依据、罚款数额较小的，适用简易程序当场处罚，并全程记录。');
    await form.fill('法律依据', '《中华人民共和国行政处罚法》第五十一条；《城市市容和环境卫生管理条例》第三十四条');
    const instance = await form.start();
    guidingNo = instance.businessKey;
    t.check(/^区执法案例〔\d{4}〕\d+号$/.test(guidingNo || ''), `指导案例编号：${guidingNo}`);
    const row = await t.api(`/api/guiding-cases/${encodeURIComponent(guidingNo)}`, 'head1');
    t.equal(row.summary.status, 'PROPOSED', '指导案例状态');
    t.check(!JSON.stringify(row).includes(party) && !JSON.stringify(row).includes(phone), '报送的文本应已隐去当事人个人信息');
  });

  const supervisor = await t.login('supervisor1');
  await t.step('supervisor1 在「本机构待办」审查指导案例（文本已脱敏）：审查合格，同意发布', async () => {
    await supervisor.openFilter('本机构待办');
    let form = await supervisor.openTask('审查指导案例', { caseNo: guidingNo });
    await form.expectText('王**乱倒垃圾案');
    await form.expectText('[电话号码已隐去]');
    form = await supervisor.claim();
    await form.fill('审查结论', '审查合格，同意发布');
    await form.fill('审查意见', '事实清楚，要点明确，同意作为指导案例发布。');
    await form.complete();
    await supervisor.expectTaskGone('审查指导案例', guidingNo);
    const row = await t.api(`/api/guiding-cases/${encodeURIComponent(guidingNo)}`, 'supervisor1');
    t.equal(row.summary.status, 'PUBLISHED', '指导案例状态');
    const summary = await t.api('/api/guiding-cases/summary', 'supervisor1');
    t.check(summary.published >= 1 && summary.minimumPerYear === 3, `年度发布数 ${summary.published}，每年不少于 ${summary.minimumPerYear} 件`);
  });

  await t.step('公众在公示平台「指导案例」中查看该案例：当事人的姓名、电话、住址均已隐去', async () => {
    const visitor = await t.visitor();
    await visitor.open('/public/');
    await Promise.all([visitor.page.waitForURL(/\/public\/guiding-cases$/),
      visitor.page.getByRole('link', { name: '指导案例', exact: true }).click()]);
    const link = visitor.page.getByRole('link', { name: `王**乱倒垃圾案（${tag}）——当场处罚的适用` });
    await Promise.all([visitor.page.waitForURL(/\/public\/guiding-cases\/.+/), link.click()]);
    t.equal(await visitor.detail('案例编号'), guidingNo, '案例编号');
    t.equal(await visitor.detail('报送机关'), '寥廓街道综合行政执法队', '报送机关');
    const text = await visitor.text();
    t.check(text.includes('基本案情') && text.includes('法律依据'), '指导案例页应有基本案情、要点和法律依据');
    for (const personal of [party, phone, '人民路12号', c.caseNo]) {
      t.check(!text.includes(personal), `公开的指导案例中不应出现「${personal}」`);
    }
  });
});
