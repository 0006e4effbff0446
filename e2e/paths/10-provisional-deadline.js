// Path 10 — a due date in a year whose holiday calendar is not yet published is provisional (issue 16 §7,
// docs/calendar.md). officer1 submits a review from Tasklist and reviewer1 accepts the materials; the due
// date of 审核拟作决定 is then moved into 2027 (a year without calendar/2027.yml) by an administrator with a
// reason (POST /api/sla/due-date-changes). reviewer1 opens the task and reads, above the form, "期限暂按周末推算
// （2027年节假日安排尚未发布），日历发布后将重新计算" (task-local variable deadlineProvisional, shown by
// zhifa-webapps.js); once the due date is back in a year that has a calendar, the note is gone.
'use strict';
const { runPath, BASE, StepError } = require('../lib');
const { startReview, acceptMaterials, decisionNumber } = require('../review-steps');

const NOTE = '期限暂按周末推算（2027年节假日安排尚未发布），日历发布后将重新计算';
const BANNER = '[cam-tasklist-task] .zhifa-provisional-deadline';

async function adminRest(method, pathAndQuery, body) {
  const auth = Buffer.from('admin:demo').toString('base64');
  const res = await fetch(BASE + pathAndQuery, {
    method,
    headers: { Authorization: 'Basic ' + auth, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new StepError(`REST ${method} ${pathAndQuery}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** An administrator moves the task's due date with a reason (POST /api/sla/due-date-changes, issue 17 §5). */
async function moveDue(taskId, due, reason) {
  await adminRest('POST', '/api/sla/due-date-changes', { source: 'task', id: taskId, dueAt: due, reason });
}

/** Reloads the task view and waits for the script's read of the task-local variables and for the form. */
async function reloadTask(user) {
  await user.reload(async () => {
    await user.page.waitForResponse((r) => /\/task\/[^/]+\/localVariables/.test(r.url()));
    await user.page.locator('[cam-tasklist-task] .form-pane').first().waitFor({ state: 'visible' });
  });
}

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const reviewer = await t.login('reviewer1');
  const caseId = decisionNumber('寥街强查决');
  let taskId;
  let due;

  const { pid } = await startReview(t, officer, {
    caseId,
    decisionType: '行政强制',
    majorReasons: '案件情况疑难复杂、涉及多个法律关系（重大执法决定目录（五））',
    materials: ['查封决定书（拟）', '现场检查笔录'],
  });
  await acceptMaterials(t, reviewer, caseId, ['查封决定书（拟）']);

  await t.step('「审核拟作决定」的到期日移到 2027 年（尚无 2027 年日历）：reviewer1 在任务上看到期限暂定的提示', async () => {
    const tasks = await t.api(`/engine-rest/task?processInstanceId=${pid}&taskDefinitionKey=userTask_reviewDecision`);
    t.equal(tasks.length, 1, '审核拟作决定 任务数');
    taskId = tasks[0].id;
    due = tasks[0].due;
    await moveDue(taskId, '2027-01-08T23:59:59+08:00', '测试：期限移至尚无节假日安排的年份');
    await reviewer.openFilter('法制审核');
    await reviewer.openTask('审核拟作决定', { caseNo: caseId });
    const banner = reviewer.page.locator(BANNER);
    await banner.waitFor({ state: 'visible' });
    t.equal((await banner.innerText()).trim(), NOTE, '任务上期限暂定的提示');
    const local = await t.api(`/engine-rest/task/${taskId}/localVariables`);
    t.equal(local.deadlineProvisional && local.deadlineProvisional.value, NOTE, '任务变量 deadlineProvisional');
  });

  await t.step('到期日回到已有日历的年份：提示消失', async () => {
    await moveDue(taskId, due.replace(/\.\d{3}([+-]\d{2})(\d{2})$/, '$1:$2'), '测试：期限恢复到原定日期');
    await reloadTask(reviewer);
    t.equal(await reviewer.page.locator(BANNER).count(), 0, '期限暂定提示的个数');
    const local = await t.api(`/engine-rest/task/${taskId}/localVariables`);
    t.check(!local.deadlineProvisional, '任务变量 deadlineProvisional 应已删除');
  });
});
