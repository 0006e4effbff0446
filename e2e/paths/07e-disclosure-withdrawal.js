// Path 7e — withdrawal of a published decision (R-DISC-5, 行政处罚法 art. 48): officer1 enters a served penalty
// decision for disclosure (start form 执法决定事后公示) → prepares the redacted text (due 7 working days after
// the decision) → office1 (党政办) and reviewer1 (司法所) review and approve it (R-DISC-6) → an anonymous visitor finds it on the public portal →
// the reconsideration organ revokes the decision → officer1 starts 撤回执法决定公示 from Tasklist with the day and the
// public reason of the revocation (a case number without a published decision is refused, naming 案号) → the item is
// withdrawn within art. 48's 3 working days, recorded on time → the visitor sees the item withdrawn: the reason only,
// no content, no party.
'use strict';
const path = require('path');
const { runPath, today } = require('../lib');
const { citizenId, fillDate, workdays, shift, expectDue, claim, visitPortal } = require('../transfer-steps');

runPath(__filename, async (t) => {
  const caseNo = '寥街罚〔2025〕120号'; // decided before Zhifa, disclosed through it
  const decisionNo = '寥街罚决〔2025〕120号';
  const party = '马红梅';
  const phone = '13987456321';
  const conclusion = `当事人${party}（联系电话${phone}）在寥廓街道珠江源大道人行道上占道经营水果摊，`
    + '经责令改正拒不改正，决定罚款人民币贰仟元。';
  const reason = '曲靖市麒麟区人民政府行政复议决定书（麒政复决〔2026〕15号）以认定事实不清为由撤销该处罚决定';
  const decisionDay = shift(today(), -2);
  let pid;
  let itemNo;

  const officer = await t.login('officer1');
  await t.step('officer1 发起「执法决定事后公示」，录入已送达的处罚决定', async () => {
    const form = await officer.startProcess('执法决定事后公示');
    await form.expectText('执法决定事后公示');
    await form.textfield('案号', caseNo);
    await form.select('执法决定类别', '行政处罚');
    await fillDate(form, '决定日期', decisionDay);
    await form.textfield('决定文书号', decisionNo);
    await form.radio('当事人类型', '自然人');
    await form.textfield('当事人名称或姓名', party);
    await form.textfield('身份证号码或统一社会信用代码', citizenId('1983-09-09', 64));
    await form.textfield('执法类别', '城市管理');
    await form.textarea('执法结论（决定内容）', conclusion);
    await form.textarea('法律依据', '《城市道路管理条例》第二十七条第（七）项、第四十二条');
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    pid = instance.id;
  });

  await t.step('officer1 在「本机构待办」整理公示信息（决定后7个工作日内）：姓名、电话已脱敏', async () => {
    await officer.openFilter('本机构待办');
    await officer.openTask('整理公示信息', { caseNo });
    await expectDue(t, officer, '整理公示信息', caseNo, await workdays(decisionDay, 7));
    const form = await claim(officer, '决定文书号', decisionNo);
    await form.expectValue('执法决定类别', '行政处罚');
    await form.expectValue('公开的当事人名称', /^马\*+$/);
    const shown = await form.value('公开的执法结论');
    t.check(!shown.includes(party) && !shown.includes(phone), `公开的执法结论未脱敏：${shown}`);
    t.check(shown.includes('占道经营水果摊'), `公开的执法结论缺少决定内容：${shown}`);
    await form.complete();
    await officer.expectTaskGone('整理公示信息', caseNo);
  });

  const office = await t.login('office1');
  await t.step('office1（党政办）在「本机构待办」审核公示信息：同意，交司法所', async () => {
    await office.openFilter('本机构待办');
    await office.openTask('党政办审核公示信息', { caseNo });
    const form = await claim(office, '决定文书号', decisionNo);
    await form.expectValue('执法主体', '寥廓街道综合行政执法队');
    await form.expectValue('当事人', /^马\*+$/);
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await office.expectTaskGone('党政办审核公示信息', caseNo);
    const vars = await t.variables(pid);
    t.check(vars.disclosureStatus !== 'PUBLISHED', '只经党政办审核就已公开（R-DISC-6 须党政办和司法所均审核）');
  });

  const justice = await t.login('reviewer1');
  await t.step('reviewer1（司法所）在「本机构待办」审核公示信息：同意公开', async () => {
    await justice.openFilter('本机构待办');
    await justice.openTask('司法所审核公示信息', { caseNo });
    const form = await claim(justice, '决定文书号', decisionNo);
    await form.expectValue('当事人', /^马\*+$/);
    await form.radio('审核结论', '同意公开');
    await form.complete();
    await justice.expectTaskGone('司法所审核公示信息', caseNo);
    const vars = await t.variables(pid);
    t.equal(vars.disclosureStatus, 'PUBLISHED', '公示状态');
    t.equal(vars.disclosureReviewedBy, 'office1', '党政办审核人');
    t.equal(vars.disclosureJusticeReviewedBy, 'reviewer1', '司法所审核人');
    itemNo = vars.disclosureItemNo;
    t.check(itemNo, '公示没有编号');
  });

  await t.step('公众在公示平台检索到该决定并打开详情', async () => {
    const portal = await visitPortal(t, '/public/disclosures');
    try {
      const page = portal.page;
      await page.locator('#q').fill(decisionNo);
      await Promise.all([page.waitForURL(/\/public\/disclosures\?/), page.locator('#go').click()]);
      const item = page.locator('article.item').filter({ hasText: decisionNo });
      await item.waitFor({ state: 'visible' });
      t.check(!(await item.locator('.badge.withdrawn').count()), '未撤回的公示显示为已撤回');
      await Promise.all([page.waitForURL(/\/public\/disclosures\/[^?]+$/), item.locator('h2 a').click()]);
      await page.getByText('执法结论').first().waitFor();
      const text = await page.locator('main').innerText();
      t.check(text.includes('占道经营水果摊'), '详情页没有执法结论');
      t.check(!text.includes(party) && !text.includes(phone), '详情页显示了未脱敏的个人信息');
      await page.screenshot({ path: path.join(t.shots, `${String(t.stepNo).padStart(2, '0')}-公众-公示详情.png`), fullPage: true });
    } finally {
      await portal.close();
    }
  });

  await t.step('复议机关撤销该处罚决定：officer1 在任务中心发起「撤回执法决定公示」，案号有误被拒绝，改正后撤回', async () => {
    const form = await officer.startProcess('撤回执法决定公示');
    await form.expectText('撤回执法决定公示');
    await form.textfield('案号', '寥街罚〔2025〕999号');
    await form.select('撤回原因类别', '决定被依法撤销');
    await fillDate(form, '原决定被撤销（变更）的日期', today());
    await form.textarea('撤回理由（向社会公开）', reason);
    let refused = null;
    try {
      await form.start();
    } catch (e) {
      refused = e.message;
    }
    t.check(refused && /没有案号为“寥街罚〔2025〕999号”的已公示执法决定/.test(refused),
      `没有公示的案号应被拒绝并说明，实际：${refused || '发起成功'}`);
    await officer.closeNotifications();
    await form.textfield('案号', caseNo);
    await form.start();
    const vars = await t.historicVariables(pid);
    t.equal(vars.disclosureStatus, 'WITHDRAWN', '撤回后的公示状态');
    t.equal(vars.revokedOn, today(), '原决定被撤销的日期');
    t.equal(vars.disclosureWithdrawnOnTime, true, '在3个工作日内撤回');
  });

  await t.step('公众再次打开：该决定已撤回，只显示撤回理由，不再显示内容', async () => {
    const portal = await visitPortal(t, `/public/disclosures/${encodeURIComponent(itemNo)}`);
    try {
      const page = portal.page;
      t.equal(portal.response.status(), 200, '撤回后的详情页 HTTP 状态');
      await page.locator('.badge.withdrawn', { hasText: '已撤回' }).first().waitFor();
      const text = await page.locator('main').innerText();
      t.check(text.includes('撤回理由') && text.includes('麒政复决〔2026〕15号'), `详情页没有撤回理由：${text}`);
      t.check(!text.includes('占道经营水果摊') && !text.includes('执法对象'), `撤回后详情页仍显示决定内容：${text}`);
      await page.screenshot({ path: path.join(t.shots, `${String(t.stepNo).padStart(2, '0')}-公众-已撤回详情.png`), fullPage: true });
      await page.goto(`${t.base}/public/disclosures?q=${encodeURIComponent(decisionNo)}`);
      const item = page.locator('article.item').filter({ hasText: decisionNo });
      await item.waitFor({ state: 'visible' });
      await item.locator('.badge.withdrawn').waitFor();
      const listed = await item.innerText();
      t.check(!listed.includes('执法对象') && listed.includes('已撤回'), `列表中撤回的公示仍显示执法对象：${listed}`);
      await page.screenshot({ path: path.join(t.shots, `${String(t.stepNo).padStart(2, '0')}-公众-已撤回列表.png`), fullPage: true });
    } finally {
      await portal.close();
    }
  });
});
