// Path 8 — the SLA board (期限监督看板, issue 17, docs/sla.md) in Cockpit. officer1 registers three cases through
// the case API (POST /api/cases; Tasklist's start dialog announces the case number only for instances started in
// the last 2 minutes of the browser's clock, which a moved engine clock defeats) at three engine times (the test clock of e2e/run.sh: PUT /api/test-clock, administrators only, only
// with zhifa.test-clock.enabled), so that on Wed 4 Nov 2026 their filing deadlines (审批立案, 15 working days
// from the discovery) are red (due 2 Nov), yellow (due 5 Nov, 1 working day left) and green (due 25 Nov).
// head1 sees them on the Cockpit dashboard and on the board of his agency, most urgent first, and opens a case
// in Cockpit from its row (without the buttons a head may not use, which admin has); supervisor1 sees them with the per-agency table and filters by state. The red case's
// warning and breach timers fire (job executor, moved clock): head1 finds both under 通知 in Tasklist and marks
// them read. Then head1 files the red case in Tasklist on 4 Nov, two working days after its due day: under
// 历史与按期率 on the board, supervisor1 finds the closed deadline as 超期 2 个工作日, the agency's compliance
// figures, and the Excel export.
'use strict';
const { runPath, BASE } = require('../lib');
const { clock, register, boardRows, openBoard } = require('../sla-steps');
const steps = require('../steps');

function expectRow(t, rows, caseNo, state, label, left) {
  const row = rows.find((r) => r.caseNo === caseNo);
  t.check(row, `看板上没有案件 ${caseNo}（有：${rows.map((r) => r.caseNo).join('、') || '无'}）`);
  t.equal(row.state, state, `${caseNo} 的状态`);
  t.check(row.cells[0].includes(label), `${caseNo} 的状态应显示「${label}」，实际「${row.cells[0]}」`);
  t.check(row.cells.includes('审批立案'), `${caseNo} 的步骤应为「审批立案」：${row.cells.join(' | ')}`);
  t.check(row.cells[2].includes('寥廓'), `${caseNo} 的执法主体：${row.cells[2]}`);
  t.equal(row.cells[7], left, `${caseNo} 的剩余工作日`);
  return row;
}

/** Picks a state by its tile and checks every row shown has it and `caseNo` is among them. */
async function filterByState(t, user, state, label, caseNo) {
  await user.page.locator(`.zf-sla-count[data-state="${state}"]`).click();
  await user.page.waitForFunction((s) => {
    const rows = [...document.querySelectorAll('.zf-sla-table tbody tr')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-state') === s);
  }, state);
  const rows = await boardRows(user);
  t.check(rows.some((r) => r.caseNo === caseNo), `按「${label}」筛选后没有 ${caseNo}`);
  await user.page.locator(`.zf-sla-count[data-state="${state}"]`).click(); // again: all states
  await user.page.waitForFunction(() => new Set([...document.querySelectorAll('.zf-sla-table tbody tr')]
    .map((r) => r.getAttribute('data-state'))).size > 1);
}

runPath(__filename, async (t) => {
  const cases = {};
  try {
    await clock('2026-10-12T10:00:00+08:00');
    cases.red = await register(t, '期限红', '2026-10-12');
    await clock('2026-10-15T10:00:00+08:00');
    cases.yellow = await register(t, '期限黄', '2026-10-15');
    await clock('2026-11-04T10:00:00+08:00');
    cases.green = await register(t, '期限绿', '2026-11-04');

    const head = await t.login('head1', 'cockpit');
    await t.step('head1 在流程监控首页看到「期限监督看板」：已超期、即将到期、正常的数量', async () => {
      const box = head.page.locator('.zf-sla-dashboard');
      await box.locator('h3').filter({ hasText: '期限监督看板' }).waitFor({ state: 'visible' });
      for (const s of ['red', 'yellow', 'green']) {
        const n = Number(await box.locator(`.zf-sla-count[data-state="${s}"] .zf-sla-count-value`).innerText());
        t.check(n >= 1, `首页「${s}」数量应至少为 1，实际 ${n}`);
      }
    });

    await t.step('head1 打开「期限监督」：本机构三个立案期限红、黄、绿，最紧急的在前', async () => {
      await openBoard(head);
      const rows = await boardRows(head);
      const r = expectRow(t, rows, cases.red.caseNo, 'red', '已超期', '超期 2 个工作日');
      const y = expectRow(t, rows, cases.yellow.caseNo, 'yellow', '即将到期', '1 个工作日');
      const g = expectRow(t, rows, cases.green.caseNo, 'green', '正常', '15 个工作日');
      t.check(rows.indexOf(r) < rows.indexOf(y) && rows.indexOf(y) < rows.indexOf(g), '看板应按紧急程度排序（红、黄、绿）');
      t.check(r.cells[6].startsWith('2026-11-02 23:59'), `红色期限的届满时间：${r.cells[6]}`);
      t.check(rows.every((row) => row.cells[2].includes('寥廓')), 'head1 只应看到本机构的期限');
      t.check(!(await head.page.locator('.zf-sla-agency-table').count()), 'head1 不应看到各执法主体汇总表');
      t.check(!(await head.page.locator('select[name="agency"]').count()), 'head1 不应有执法主体筛选');
    });

    await t.step('head1 从看板打开已超期的案件：流程监控中该案件的流程实例', async () => {
      await head.page.locator('.zf-sla-table tbody tr').filter({ hasText: cases.red.caseNo }).locator('a').first().click();
      await head.page.locator('.djs-container').first().waitFor({ state: 'visible' });
      await head.page.locator('text=' + cases.red.caseNo).first().waitFor({ state: 'visible' });
      t.check(head.page.url().includes('/process-instance/' + cases.red.pid), `打开的不是该案件：${head.page.url()}`);
      // issue 17 §5: a head reads; Cockpit offers him no cancel, suspend, variable or retry buttons
      const buttons = await head.page.locator('.ctn-toolbar a, .ctn-toolbar button').count();
      t.equal(buttons, 0, 'head1 在流程实例工具栏上看到的按钮数');
    });

    await t.step('admin 打开同一案件：工具栏上有取消、挂起等按钮（管理员可以使用）', async () => {
      const admin = await t.login('admin', 'cockpit');
      await admin.page.goto(`${BASE}/camunda/app/cockpit/default/#/process-instance/${cases.red.pid}/runtime`);
      await admin.page.locator('.djs-container').first().waitFor({ state: 'visible' });
      await admin.page.locator('.ctn-toolbar a, .ctn-toolbar button').first().waitFor({ state: 'visible' });
      const buttons = await admin.page.locator('.ctn-toolbar a, .ctn-toolbar button').count();
      t.check(buttons >= 3, `admin 应看到取消、挂起、添加变量等按钮，实际 ${buttons} 个`);
    });

    const supervisor = await t.login('supervisor1', 'cockpit');
    await t.step('supervisor1 打开「期限监督」：三个期限，以及各执法主体汇总表', async () => {
      await openBoard(supervisor);
      const rows = await boardRows(supervisor);
      expectRow(t, rows, cases.red.caseNo, 'red', '已超期', '超期 2 个工作日');
      expectRow(t, rows, cases.yellow.caseNo, 'yellow', '即将到期', '1 个工作日');
      expectRow(t, rows, cases.green.caseNo, 'green', '正常', '15 个工作日');
      const table = supervisor.page.locator('.zf-sla-agency-table');
      await table.waitFor({ state: 'visible' });
      const liaokuo = table.locator('tr[data-agency="LIAOKUO"]');
      t.check(Number(await liaokuo.locator('td[data-state="red"]').innerText()) >= 1, '汇总表中寥廓的已超期数应至少为 1');
      t.check(Number(await liaokuo.locator('td[data-state="yellow"]').innerText()) >= 1, '汇总表中寥廓的即将到期数应至少为 1');
      t.check(await table.locator('tr[data-agency="QLSCJ"]').count() === 1, '汇总表中应有区市监');
      await supervisor.expectText('法制审核按期率', '.zf-sla-agency-table');
    });

    await t.step('supervisor1 按状态筛选：已超期、即将到期、正常', async () => {
      await filterByState(t, supervisor, 'red', '已超期', cases.red.caseNo);
      await filterByState(t, supervisor, 'yellow', '即将到期', cases.yellow.caseNo);
      await filterByState(t, supervisor, 'green', '正常', cases.green.caseNo);
      await supervisor.page.locator('select[name="agency"]').selectOption('QLSCJ');
      await supervisor.page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('.zf-sla-table tbody tr td:nth-child(3)')];
        return document.querySelector('.zf-sla-empty') || (rows.length && rows.every((td) => !td.innerText.includes('寥廓')));
      });
      const rows = await boardRows(supervisor);
      t.check(!rows.some((r) => [cases.red.caseNo, cases.yellow.caseNo, cases.green.caseNo].includes(r.caseNo)),
        '筛选区市监后不应出现寥廓的案件');
    });

    await t.step('计时器触发后，head1 在任务中心的「通知」中看到已超期的督办，并标为已读', async () => {
      // the job executor runs the red case's warning and breach timers, due on the moved clock
      let mine = [];
      for (let i = 0; i < 60 && mine.length < 2; i++) {
        const page = await t.api('/api/notifications?size=100', 'head1');
        mine = page.items.filter((n) => n.caseId === cases.red.caseNo);
        if (mine.length < 2) await new Promise((r) => setTimeout(r, 1000));
      }
      t.check(mine.length === 2, `head1 应收到 ${cases.red.caseNo} 的预警和超期两条通知，实际 ${mine.length} 条`);
      const tasklist = await t.login('head1', 'tasklist');
      const toggle = tasklist.page.locator('.zf-notify-toggle');
      await toggle.waitFor({ state: 'visible' });
      await tasklist.page.waitForFunction(() => Number(document.querySelector('.zf-notify-toggle')?.getAttribute('data-unread')) >= 2);
      const before = Number(await toggle.getAttribute('data-unread'));
      await toggle.click();
      const breach = tasklist.page.locator('.zf-notify-item[data-kind="SLA_BREACH"]').filter({ hasText: cases.red.caseNo });
      await breach.first().waitFor({ state: 'visible' });
      const text = await breach.first().innerText();
      t.check(text.includes('超期督办') && text.includes('审批立案') && text.includes('2026-11-02 23:59'), `通知内容：${text}`);
      await breach.first().locator('.zf-notify-mark').click();
      await tasklist.page.waitForFunction((n) => Number(document.querySelector('.zf-notify-toggle').getAttribute('data-unread')) === n - 1, before);
      await breach.first().locator('.zf-notify-mark').waitFor({ state: 'detached' });
      const after = await t.api('/api/notifications?size=100', 'head1');
      t.check(after.items.find((n) => n.id === mine.find((m) => m.kind === 'SLA_BREACH').id).read, '标为已读后服务端仍为未读');
    });

    await steps.approveFiling(t, await t.login('head1', 'tasklist'),
      { caseNo: cases.red.caseNo, discoveredOn: '2026-10-12', party: '期限红', facts: '在人民路占道经营' });

    await t.step('supervisor1 在「历史与按期率」中看到已办结但超期 2 个工作日的立案期限、按期率和导出 Excel', async () => {
      await supervisor.page.goto(`${BASE}/camunda/app/cockpit/default/#/sla`);
      const history = supervisor.page.locator('.zf-sla-history');
      await history.locator('h2').filter({ hasText: '历史与按期率' }).waitFor({ state: 'visible' });
      t.equal(await history.locator('input[name="from"]').inputValue(), '2026-01-01', '默认期间的起始日期（本年度）');
      t.equal(await history.locator('input[name="to"]').inputValue(), '2026-11-04', '默认期间的截止日期（今日）');
      await history.locator('select[name="history-outcome"]').selectOption('breached');
      const row = history.locator(`.zf-sla-history-row[data-case="${cases.red.caseNo}"]`);
      await row.first().waitFor({ state: 'visible' });
      const cells = await row.first().locator('td').allInnerTexts();
      t.check(cells[0].includes('超期 2 个工作日'), `结果应为「超期 2 个工作日」：${cells.join(' | ')}`);
      t.check(cells.includes('审批立案') && cells.includes('行政处罚案件办理') && cells.includes('办结'), `历史行：${cells.join(' | ')}`);
      t.check(cells[2].includes('寥廓') && cells[6].startsWith('2026-11-02 23:59'), `历史行的执法主体和期限：${cells.join(' | ')}`);
      t.check(!cells.some((c) => /BREACHED|enforcement-case|userTask_|COMPLETED/.test(c)), `历史行不应显示内部代码：${cells.join(' | ')}`);
      const liaokuo = history.locator('.zf-sla-compliance-table tr[data-code="LIAOKUO"]');
      await liaokuo.waitFor({ state: 'visible' });
      const figures = await liaokuo.locator('td').allInnerTexts();
      t.check(Number(figures[3]) >= 1 && /%$/.test(figures[4]), `寥廓的按期率：${figures.join(' | ')}`);
      const href = await history.locator('a.zf-sla-export').getAttribute('href');
      t.check(href.startsWith('/api/sla/history.xlsx?') && href.includes('from=2026-01-01'), `导出链接：${href}`);
      const xlsx = await supervisor.page.evaluate(async (url) => {
        const res = await fetch(url, { credentials: 'same-origin' });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { status: res.status, type: res.headers.get('content-type'), zip: bytes[0] === 0x50 && bytes[1] === 0x4b };
      }, href);
      t.check(xlsx.status === 200 && xlsx.type.includes('spreadsheetml') && xlsx.zip, `导出 Excel：${JSON.stringify(xlsx)}`);
    });
  } finally {
    await clock(null).catch(() => {});
  }
});
