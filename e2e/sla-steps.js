// Steps shared by the SLA paths (08, 08b): the engine's test clock and a case registered through the case API.
'use strict';
const { BASE, StepError } = require('./lib');

const CLOCK = '/api/test-clock';

/** Moves the engine clock (admin, REST; null resets it): the hook the board's dates depend on. */
async function clock(iso) {
  const auth = Buffer.from('admin:demo').toString('base64');
  const res = await fetch(BASE + CLOCK, {
    method: iso ? 'PUT' : 'DELETE',
    headers: { Authorization: 'Basic ' + auth, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: iso ? JSON.stringify({ now: iso }) : undefined,
  });
  if (res.status !== 200) {
    throw new StepError(`测试时钟 ${CLOCK} 不可用（HTTP ${res.status}）：e2e/run.sh 以 --zhifa.test-clock.enabled=true 启动应用`);
  }
  return res.json();
}

/**
 * officer1 registers a case (POST /api/cases; Tasklist's start dialog announces the case number only for
 * instances started in the last 2 minutes of the browser's clock, which a moved engine clock defeats)
 * discovered on `day`; returns { caseNo, pid }.
 */
async function register(t, party, day) {
  let c;
  await t.step(`officer1 登记案件（${party}，发现日期 ${day}）`, async () => {
    const auth = Buffer.from('officer1:demo').toString('base64');
    const res = await fetch(BASE + '/api/cases', {
      method: 'POST',
      headers: { Authorization: 'Basic ' + auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        agencyCode: 'LIAOKUO', caseSource: 'PATROL', partyType: 'PERSON', partyName: party,
        partyIdNumber: '530302199001011232', violationCode: 'CM-OCCUPY-ROAD', facts: '在人民路占道经营',
        discoveredOn: day, violationDate: day, partyAddress: '曲靖市麒麟区人民路12号',
      }),
    });
    const body = await res.json();
    t.check(res.status === 201, `登记失败（HTTP ${res.status}）：${body.detail || ''}`);
    const view = await t.api('/api/cases/' + encodeURIComponent(body.caseNo), 'officer1');
    c = { caseNo: body.caseNo, pid: view.caseRecord.processInstanceId };
    t.check(view.openTasks.some((task) => task.name === '审批立案'), `${body.caseNo} 没有「审批立案」待办`);
  });
  return c;
}

/** The SLA board's rows as { state, caseNo, cells } in the order shown. */
async function boardRows(user) {
  const table = user.page.locator('.zf-sla-table, .zf-sla-empty').first();
  await table.waitFor({ state: 'visible' });
  return user.page.locator('.zf-sla-table tbody tr.zf-sla-row').evaluateAll((trs) => trs.map((tr) => ({
    state: tr.getAttribute('data-state'),
    caseNo: tr.getAttribute('data-case'),
    cells: [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()),
  })));
}

/** Opens 期限监督 from Cockpit's header. */
async function openBoard(user) {
  await user.page.locator('[cam-widget-header] a').filter({ hasText: /^\s*期限监督\s*$/ }).first().click();
  await user.page.locator('.zf-sla-board h1').filter({ hasText: '期限监督看板' }).waitFor({ state: 'visible' });
  await user.page.locator('.zf-sla-count').first().waitFor({ state: 'visible' });
}

module.exports = { clock, register, boardRows, openBoard };
