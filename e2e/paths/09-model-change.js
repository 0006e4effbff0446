// Path 9 — a model change is itself a reviewed process (issue 14 §6): reviewer2 (市场监管局 法制机构) submits
// a change of the major-decision catalogue for its agency (REST, as the setup: the same as a deploy from Camunda
// Modeler) → the model guard checks the complete set and a Chinese diff is stored → head2 (主要负责人) finds the
// approval in Tasklist's filter 「模型变更审批」, reads the diff in the form and approves → effective today, the
// system deploys it into QLSCJ's tenant → the public portal shows QLSCJ's catalogue with the new threshold while
// the county-wide catalogue is unchanged → reviewer2 rolls it back with one action and the portal follows.
'use strict';
const fs = require('fs');
const path = require('path');
const { runPath, today, BASE, StepError } = require('../lib');

const CATALOGUE = 'major-decision-catalogue';

async function call(method, pathAndQuery, user, body) {
  const auth = Buffer.from(`${user}:demo`).toString('base64');
  const res = await fetch(BASE + pathAndQuery, { method, headers: { Authorization: 'Basic ' + auth, Accept: 'application/json' }, body });
  const text = await res.text();
  if (res.status >= 300) throw new StepError(`${method} ${pathAndQuery}（${user}）：HTTP ${res.status} ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : null;
}

async function until(t, what, fn, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new StepError(`${seconds} 秒内未${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

runPath(__filename, async (t) => {
  const original = fs.readFileSync(path.join(__dirname, '..', '..', 'dmn', `${CATALOGUE}.dmn`), 'utf8');
  const changed = original.replace('<text>&gt;= 10000</text>', '<text>&gt;= 50000</text>');
  t.check(changed !== original, '目录文件中找不到个人罚款一万元的标准');
  let changeNo;

  await t.step('reviewer2（市场监管局法制机构）提交模型变更：个人罚款重大标准调整为五万元，今日生效', async () => {
    const form = new FormData();
    form.append('name', '调整重大执法决定目录：个人罚款标准');
    form.append('reason', '本局辖区个体经营户罚款案件多为一至五万元，拟将个人罚款重大标准调整为五万元（经局务会研究）');
    form.append('target', 'QLSCJ');
    form.append('effectiveDate', today());
    form.append('files', new Blob([changed], { type: 'application/octet-stream' }), `dmn/${CATALOGUE}.dmn`);
    const change = await call('POST', '/api/models/changes', 'reviewer2', form);
    changeNo = change.changeNo;
    t.equal(change.status, 'SUBMITTED', '变更状态');
    t.check(change.diff.join('\n').includes('>= 50000'), `变更内容中没有新的标准：${change.diff.join(' / ')}`);
    t.note(`变更 ${changeNo}：${change.diff.join(' / ')}`);
  });

  const head = await t.login('head2');
  await t.step('head2（主要负责人）在「模型变更审批」中找到该变更，表单中显示与现行版本的差异', async () => {
    await head.openFilter('模型变更审批');
    const form0 = await head.openTask('主要负责人审批模型变更', { caseNo: changeNo });
    await form0.expectText(changeNo);
    const form = await head.claim();
    await form.expectText('某区市场监督管理局（QLSCJ）');
    await form.expectText('修改规则');
    await form.expectText('>= 50000');
    await form.radio('审批结果', '批准，于生效日期部署');
    await form.textarea('审批意见（退回的写明理由）', '同意。经局务会研究，按期生效。');
    await form.complete();
    await head.expectTaskGone('主要负责人审批模型变更', changeNo);
  });

  await t.step('生效日期（今日）到达：系统部署到本单位，变更记入全过程记录', async () => {
    const change = await until(t, '部署变更', async () => {
      const c = await call('GET', `/api/models/changes/${changeNo}`, 'reviewer2');
      return c.status === 'DEPLOYED' ? c : null;
    });
    const kinds = change.record.map((e) => e.kind);
    for (const kind of ['MODEL_CHANGE_SUBMITTED', 'MODEL_CHANGE_APPROVED', 'MODEL_CHANGE_DEPLOYED']) {
      t.check(kinds.includes(kind), `全过程记录中没有 ${kind}：${kinds.join('、')}`);
    }
    t.equal(change.decidedBy, 'head2', '审批人');
  });

  const visitor = await t.visitor();
  await t.step('公示平台：市场监管局适用的重大执法决定目录已更新，全县共用目录不变', async () => {
    await visitor.open(`/public/rules/${CATALOGUE}?agency=QLSCJ`);
    let text = await visitor.text();
    t.check(text.includes('>= 50000'), '市场监管局的目录中没有新的标准');
    t.check(text.includes('本单位版本'), '页面没有说明这是本单位版本');
    await visitor.open(`/public/rules/${CATALOGUE}`);
    text = await visitor.text();
    t.check(!text.includes('>= 50000'), '全县共用目录被改变了');
    t.check(text.includes('某区市场监督管理局'), '全县共用目录页没有列出另有本单位版本的单位');
  });

  await t.step('reviewer2 一键回退该变更：系统重新部署原版本，公示平台随之恢复', async () => {
    const rollback = await call('POST', `/api/models/changes/${changeNo}/rollback`, 'reviewer2');
    await until(t, '完成回退', async () => {
      const c = await call('GET', `/api/models/changes/${rollback.changeNo}`, 'reviewer2');
      return c.status === 'DEPLOYED' ? c : null;
    });
    // the portal's pages may be cached for 5 minutes (Cache-Control): a later visit, not the browser's copy
    await visitor.open(`/public/rules/${CATALOGUE}?agency=QLSCJ&visit=2`);
    t.check(!(await visitor.text()).includes('>= 50000'), '回退后市场监管局的目录仍是新标准');
  });
});
