// Path 14 — a complaint from the public portal to the reply (R-COORD-4, issue 18 §1, docs/complaints.md): an
// anonymous visitor submits a complaint with a photo on /public/complaints (no login) and keeps the receipt number
// and query code → the routing table sends it to the competent agency (市容 → 寥廓街道综合行政执法队) → officer1 finds it in
// 本机构待办 by its receipt number and accepts it (分办受理): the handling task with its promised date (15 working
// days) is his, and on the SLA board → he answers it in 我的待办 (调查处理并答复) → the visitor's query page shows
// who handled it and the reply; a wrong query code shows nothing.
'use strict';
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const place = `人民路${tag}号门前`;
  const reply = `经现场核查，${place}占道经营的摊点已责令当场清除，今后将加强巡查。`;
  let receiptNo;
  let queryCode;

  await t.step('公众在公示平台「投诉举报」页面提交投诉（无需登录），得到投诉举报编号和查询码', async () => {
    const visitor = await t.visitor();
    await visitor.open('/public/');
    await Promise.all([visitor.page.waitForURL(/\/public\/complaints$/), visitor.page.getByRole('link', { name: '投诉举报', exact: true }).click()]);
    const page = visitor.page;
    await page.getByLabel('事项类别（必选）').selectOption({ label: '市容环境和城市管理（占道经营、乱倒垃圾等）' });
    await page.getByLabel('发生地点', { exact: true }).fill(place);
    await page.locator('#content').fill(`${place}每天傍晚有人摆摊占道经营，行人只能走机动车道，已持续一个月。`);
    await page.getByLabel('姓名（可不填）').fill('周女士');
    await page.locator('#complainantContact').fill('13987654321');
    // a photo (PNG by its content) as the complainant's evidence
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512)]);
    await page.locator('#attachments').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png });
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && /\/public\/complaints$/.test(r.url())),
      page.getByRole('button', { name: '提交投诉举报' }).click()]);
    await page.locator('#receipt-no').waitFor({ state: 'visible' });
    receiptNo = (await page.locator('#receipt-no').innerText()).trim();
    queryCode = (await page.locator('#query-code').innerText()).trim();
    t.check(/^TS-\d{4}-\d{6}$/.test(receiptNo), `投诉举报编号：${receiptNo}`);
    t.check(/^[A-Z2-9]{8}$/.test(queryCode), `查询码：${queryCode}`);
    t.check((await visitor.text()).includes('寥廓街道综合行政执法队'), '提交结果应告知由谁分办受理');
  });

  async function query(code) {
    const visitor = await t.visitor();
    await visitor.open('/public/complaints/query');
    await visitor.page.getByLabel(/投诉举报编号/).fill(receiptNo);
    await visitor.page.getByLabel('查询码', { exact: true }).fill(code);
    await Promise.all([visitor.page.waitForResponse((r) => r.request().method() === 'POST' && /\/public\/complaints\/query$/.test(r.url())),
      visitor.page.getByRole('button', { name: '查询', exact: true }).click()]);
    await visitor.page.waitForLoadState('domcontentloaded');
    await visitor.page.locator('#complaint, #error').first().waitFor({ state: 'visible' });
    return visitor;
  }

  await t.step('公众凭编号和查询码查询：已收到，正在分办；错误的查询码查不到任何内容', async () => {
    let visitor = await query('AAAAAAAA');
    const none = await visitor.text();
    t.check(none.includes('投诉举报编号或查询码不正确') && !none.includes(place), '错误的查询码不应显示投诉内容');
    visitor = await query(queryCode);
    const text = await visitor.text();
    t.check(text.includes('已收到，正在分办'), `办理状态：${text.slice(0, 300)}`);
    t.check(text.includes('寥廓街道综合行政执法队'), '承办机关');
    t.check(!text.includes('周女士') && !text.includes('13987654321'), '查询页不显示投诉人的个人信息');
  });

  const officer = await t.login('officer1');
  await t.step('officer1 在「本机构待办」按投诉举报编号找到「分办受理」，决定受理', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('分办受理', { caseNo: receiptNo });
    await form.expectText(place);
    await form.expectText('分办规则');
    await form.expectText('现场照片.png');
    form = await officer.claim();
    await form.fill('受理意见', '受理，由本机关调查处理');
    await form.complete();
    await officer.expectTaskGone('分办受理', receiptNo);
    const complaint = await t.api(`/api/complaints/${receiptNo}`, 'officer1');
    t.equal(complaint.summary.status, 'ACCEPTED', '投诉举报状态');
    t.equal(complaint.summary.handlerId, 'officer1', '承办人');
    const board = await t.api('/api/sla/deadlines?size=200', 'head1');
    const row = board.rows.find((r) => r.processInstanceId === complaint.summary.processInstanceId && r.stepId === 'userTask_handle');
    t.check(row, 'SLA 看板上应有「调查处理并答复」的承诺期限');
    t.equal(row.dueAt, complaint.summary.handlingDueAt, '看板期限与承诺答复期限一致');
  });

  await t.step('officer1 在「我的待办」调查处理并答复', async () => {
    await officer.openFilter('我的待办');
    let form = await officer.openTask('调查处理并答复', { caseNo: receiptNo });
    form = await officer.claim();
    await form.fill('答复内容', reply);
    await form.complete();
    await officer.expectTaskGone('调查处理并答复', receiptNo);
  });

  await t.step('公众在查询页看到承办机关和答复', async () => {
    const visitor = await query(queryCode);
    const text = await visitor.text();
    t.check(text.includes('已办结并答复'), `办理状态：${text.slice(0, 300)}`);
    t.check(text.includes(reply), '答复内容');
    t.check(text.includes('寥廓街道综合行政执法队'), '承办机关');
  });
});
