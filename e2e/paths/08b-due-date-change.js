// Path 8b — a deadline is the statute's (issue 17 §5, docs/sla.md). On Wed 4 Nov 2026 (test clock) officer1
// registers a case; its 审批立案 is due 25 Nov. head1 opens it in Tasklist: the due date is shown and cannot be
// edited (no 设置到期时间, clicking it opens nothing), while the follow-up date is his to set (saved through
// Tasklist's own task update). admin opens Cockpit's 期限监督, is refused a reason of two characters, then moves
// the deadline to 30 Nov with a reason; the board and head1's Tasklist show the new date and the case's record
// keeps the change with its reason.
'use strict';
const { runPath, StepError } = require('../lib');
const { clock, register, boardRows, openBoard } = require('../sla-steps');

const REASON = '当事人因病住院，经负责人批准延后审批立案';

runPath(__filename, async (t) => {
  try {
    await clock('2026-11-04T10:00:00+08:00');
    const c = await register(t, '期限调整', '2026-11-04');

    const head = await t.login('head1', 'tasklist');
    await t.step('head1 打开「审批立案」：到期日 2026-11-25 只读，没有「设置到期时间」', async () => {
      await head.openFilter('本机构待办');
      await head.openTask('审批立案', { caseNo: c.caseNo });
      await head.claim();
      await head.expectDue('2026-11-25');
      const meta = head.page.locator('[cam-tasklist-task-meta]');
      t.check(!(await meta.locator('[translate="SET_DUE_DATE"]').isVisible()), '不应显示「设置到期时间」');
      t.check(!(await meta.locator('.reset-due-date').isVisible()), '不应显示「清除到期时间」');
      await meta.locator('[cam-widget-inline-field].due-date').first().click({ force: true });
      await head.page.waitForTimeout(500);
      t.check(!(await head.page.locator('[ng-click^="applyChange"]').isVisible()), '点击到期日不应打开修改框');
    });

    await t.step('head1 设置跟进日期：Tasklist 保存任务成功', async () => {
      const meta = head.page.locator('[cam-tasklist-task-meta]');
      await meta.locator('[translate="SET_FOLLOW_UP_DATE"]').click();
      const apply = head.page.locator('[ng-click^="applyChange"]').first();
      await apply.waitFor({ state: 'visible' });
      const saved = head.page.waitForResponse((r) => r.request().method() === 'PUT' && /\/task\/[^/]+$/.test(r.url().split('?')[0]));
      await apply.click();
      const response = await saved;
      if (response.status() >= 300) {
        throw new StepError(`保存跟进日期失败（HTTP ${response.status()}）：${(await head.notifications({ wait: true })).join(' | ')}`);
      }
      await meta.locator('[cam-widget-inline-field].followup-date span[am-time-ago]').waitFor({ state: 'visible' });
    });

    const admin = await t.login('admin', 'cockpit');
    await t.step('admin 在「期限监督」中调整期限：理由过短被拒绝，写明理由后期限改为 2026-11-30 17:00', async () => {
      await openBoard(admin);
      const filtered = admin.page.waitForResponse((r) => r.url().includes('/api/sla/deadlines') && r.url().includes('state=green'));
      await admin.page.locator('select[name="state"]').selectOption('green');
      await filtered;
      await admin.page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('.zf-sla-table tbody tr.zf-sla-row')];
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-state') === 'green');
      });
      const row = admin.page.locator(`.zf-sla-table tbody tr.zf-sla-row[data-case="${c.caseNo}"]`).first();
      await row.waitFor({ state: 'visible' });
      await row.locator('button.zf-sla-adjust').click();
      const form = admin.page.locator('tr.zf-sla-adjust-row form');
      await form.locator('input[name="dueAt"]').fill('2026-11-30T17:00');
      await form.locator('input[name="reason"]').fill('延期');
      // the browser's own check (minlength) stops the form first; the server's refusal is what a user sees next
      await form.locator('input[name="reason"]').evaluate((input) => input.removeAttribute('minlength'));
      await form.locator('button[type="submit"]').click();
      await form.locator('.zf-sla-adjust-error').filter({ hasText: /理由/ }).waitFor({ state: 'visible' });
      await form.locator('input[name="reason"]').fill(REASON);
      await form.locator('button[type="submit"]').click();
      await admin.page.locator('.zf-sla-notice').filter({ hasText: '已记入案件全过程记录' }).waitFor({ state: 'visible' });
      await admin.page.waitForFunction((caseNo) => {
        const tr = document.querySelector(`.zf-sla-table tbody tr.zf-sla-row[data-case="${caseNo}"]`);
        return tr && tr.innerText.includes('2026-11-30 17:00');
      }, c.caseNo);
      const rows = await boardRows(admin);
      const shown = rows.find((r) => r.caseNo === c.caseNo);
      t.check(shown.cells[6].includes('2026-11-30 17:00'), `看板上的期限：${shown.cells[6]}`);
    });

    await t.step('head1 刷新任务：到期日为 2026-11-30；案件全过程记录有调整及理由', async () => {
      await head.openFilter('本机构待办');
      await head.openTask('审批立案', { caseNo: c.caseNo });
      await head.expectDue('2026-11-30');
      const record = await t.api('/api/records/' + encodeURIComponent(c.caseNo), 'head1');
      const change = record.find((e) => e.kind === 'DUE_DATE_CHANGED');
      t.check(change, '全过程记录中没有期限调整');
      t.check(JSON.stringify(change).includes(REASON), `记录中没有调整理由：${JSON.stringify(change).slice(0, 300)}`);
    });
  } finally {
    await clock(null).catch(() => {});
  }
});
