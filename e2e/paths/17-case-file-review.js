// Path 17 — a case-file review from draw to report (案卷评查, R-REC-7, issue 18 §4–5, docs/case-file-review.md):
// three LIAOKUO cases are closed (registered through the case API, filing refused by head1 through the engine's
// REST API: the quickest way to a closed case file), one with an interference report → supervisor1 (司法局) starts
// 案卷评查 in Tasklist for 寥廓街道综合行政执法队 and this year → the system draws the sample (seed, population and
// hash in the register) → supervisor1 scores every drawn file in 本机构待办: the task shows the case, its
// interference reports and links to the case file (ZIP) and its record, which open for him → supervisor1 concludes
// (通报评查结果) → the 案卷评查报告 is generated → head1 acknowledges in 本机构待办; the register says ACKNOWLEDGED.
'use strict';
const { runPath, today, BASE, StepError } = require('../lib');
const { register } = require('../sla-steps');

/** A write of the engine's or Zhifa's REST API as `user` (setting up the closed cases only). */
async function rest(method, pathAndQuery, body, user) {
  const auth = Buffer.from(`${user}:demo`).toString('base64');
  const res = await fetch(BASE + pathAndQuery, {
    method,
    headers: { Authorization: 'Basic ' + auth, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new StepError(`${method} ${pathAndQuery}（${user}）：HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

runPath(__filename, async (t) => {
  const tag = Date.now().toString(36).slice(-5);
  const year = Number(today().slice(0, 4));
  const mine = [];
  for (let i = 1; i <= 3; i++) {
    const c = await register(t, `评查当事人${tag}${i}`, today());
    mine.push(c.caseNo);
  }
  await t.step('head1 对三件案件不予立案（经引擎 REST API：得到已办结的案卷），其中一件登记了干预记录', async () => {
    for (const caseNo of mine) {
      const tasks = await rest('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNo)}`, undefined, 'head1');
      t.check(tasks.length === 1, `${caseNo} 应只有「审批立案」待办`);
      await rest('POST', `/engine-rest/task/${tasks[0].id}/claim`, { userId: 'head1' }, 'head1');
      await rest('POST', `/engine-rest/task/${tasks[0].id}/submit-form`, { variables: {
        filingDecision: { value: 'NOT_FILE' }, notFilingReasons: { value: '违法事实不存在' } } }, 'head1');
    }
    await rest('POST', `/api/records/${encodeURIComponent(mine[0])}/interference`, {
      intervener: `某领导${tag}`, intervenerUnit: '某单位', occurredAt: new Date(Date.now() - 3600e3).toISOString(),
      description: `打招呼要求不予立案${tag}` }, 'officer1');
  });

  let review;
  const supervisor = await t.login('supervisor1');
  await t.step(`supervisor1 在任务中心「发起流程」→ 案卷评查，评查寥廓街道综合行政执法队${year}年度的案卷`, async () => {
    const form = await supervisor.startProcess('案卷评查');
    await form.expectText('随机抽取');
    await form.fill('被评查的执法机关', '寥廓街道综合行政执法队');
    await form.fill('评查年度', year);
    await form.start();
    const list = await t.api('/api/case-file-reviews', 'supervisor1');
    const row = list.find((r) => r.agencyCode === 'LIAOKUO' && r.reviewYear === year && r.status === 'SCORING');
    t.check(row, '案卷评查应已登记');
    t.check(/^区司法评查〔\d{4}〕\d+号$/.test(row.reviewNo), `评查编号：${row.reviewNo}`);
    review = await t.api(`/api/case-file-reviews/${encodeURIComponent(row.reviewNo)}`, 'supervisor1');
    for (const caseNo of mine) t.check(review.draw.population.includes(caseNo), `结案案卷清单中应有 ${caseNo}`);
    t.check(review.draw.populationSha256.length === 64, '结案案卷清单摘要');
    t.check(review.draw.seed, '随机数种子');
    t.equal(review.draw.drawn.length, review.summary.sampleSize, '抽取案卷数');
    t.check(review.draw.drawn.length >= 3, `至少抽取3卷（抽到 ${review.draw.drawn.length} 卷）`);
  });
  const no = review.summary.reviewNo;

  for (let i = 0; i < review.draw.drawn.length; i++) {
    const caseNo = review.draw.drawn[i];
    await t.step(`supervisor1 在「本机构待办」评查第${i + 1}卷 ${caseNo}：打开案卷（ZIP）和全过程记录，${i === 0 ? '扣分并写明理由' : '无扣分'}`, async () => {
      await supervisor.openFilter('本机构待办');
      // one 评查案卷 of the review at a time (in draw order): the card shows the review number
      let form = await supervisor.openTask('评查案卷', { caseNo: no });
      await form.expectText(caseNo);
      await form.expectText(caseNo === mine[0] ? `某领导${tag}` : '干预');
      // the case file and its record open for the reviewer (his retrieval is recorded with its purpose)
      const link = supervisor.page.locator('a', { hasText: '下载案卷' }).first();
      const href = await link.getAttribute('href');
      t.check(href && href.includes('/api/case-files/'), `案卷链接：${href}`);
      const zip = await supervisor.page.request.get(new URL(href, BASE).toString());
      t.equal(zip.status(), 200, '下载案卷');
      t.equal(zip.headers()['content-type'], 'application/zip', '案卷格式');
      const recordHref = await supervisor.page.locator('a', { hasText: '查看全过程记录' }).first().getAttribute('href');
      t.equal((await supervisor.page.request.get(new URL(recordHref, BASE).toString())).status(), 200, '查看全过程记录');
      form = await supervisor.claim();
      if (i === 0) {
        await form.fill('发现的问题（扣分项）', ['执法文书：文书制作不规范（文号、签名、印章、日期等）（扣5分）']);
        await form.fill('评查意见', `不予立案审批表未注明日期（${tag}）。`);
      }
      await form.complete();
      await supervisor.expectTaskGone('评查案卷', caseNo);
    });
  }

  await t.step('supervisor1 在「本机构待办」作出评查结论：通报评查结果，生成案卷评查报告', async () => {
    await supervisor.openFilter('本机构待办');
    let form = await supervisor.openTask('作出评查结论', { caseNo: no });
    await form.expectText(review.draw.drawn[0]);
    await form.expectText(review.draw.populationSha256);
    form = await supervisor.claim();
    await form.fill('评查意见', `抽查案卷总体规范，个别文书制作不规范（${tag}）。`);
    await form.fill('评查结果处理', '通报评查结果');
    await form.complete();
    await supervisor.expectTaskGone('作出评查结论', no);
    const detail = await t.api(`/api/case-file-reviews/${encodeURIComponent(no)}`, 'supervisor1');
    t.equal(detail.summary.status, 'CONCLUDED', '评查状态');
    t.equal(detail.cases[0].score, 95, `第1卷得分`);
    t.check(detail.summary.reportDocId, '案卷评查报告应已生成');
    const interfered = detail.cases.find((c) => c.caseNo === mine[0]);
    if (interfered) t.check(interfered.interference.length === 1, '评查结果中应有该案的干预记录');
  });

  const head = await t.login('head1');
  await t.step('head1 在「本机构待办」签收评查结果（评查报告可打开）', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('签收评查结果并落实整改', { caseNo: no });
    await form.expectText('案卷评查报告');
    const href = await head.page.locator('a', { hasText: '案卷评查报告' }).first().getAttribute('href');
    const report = await head.page.request.get(new URL(href, BASE).toString());
    t.equal(report.status(), 200, '打开案卷评查报告');
    form = await head.claim();
    await form.fill('签收意见及整改安排', `已签收，对文书不规范的案卷组织整改（${tag}）。`);
    await form.complete();
    await head.expectTaskGone('签收评查结果并落实整改', no);
    const detail = await t.api(`/api/case-file-reviews/${encodeURIComponent(no)}`, 'supervisor1');
    t.equal(detail.summary.status, 'ACKNOWLEDGED', '评查状态');
    t.equal(detail.acknowledgedBy, 'head1', '签收人');
  });
});
