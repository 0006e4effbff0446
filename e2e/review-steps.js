// Steps shared by the legal-review paths (02–05): the working-day calendar read from calendar/<year>.yml (to
// compute the due dates a user must see, independently of the server), finding a task in the filter its user
// works from, and the common prefix of a major case (register → 审批立案 → 调查取证 → 调查终结 → 拟定处罚意见 →
// 送达事先告知书). Every action goes through Tasklist and its Camunda Forms, as in e2e/lib.js; REST only checks.
//
// Field-filling calls name the field by its label and its type (form.textfield(...), form.select(...)), so that a
// form changing a field's type (typed user name → list of officers) is a one-word edit here.
'use strict';
const { officerOption, violationOption } = require('./steps');
const fs = require('fs');
const path = require('path');
const { today, StepError } = require('./lib');

// ---------------------------------------------------------------------------------------------------------
// Working-day calendar (docs/calendar.md): Saturdays and Sundays are rest days, Monday–Friday working days,
// except the holidays and adjusted working days (调休上班) of calendar/<year>.yml. A year without a file is
// counted with weekends only (the server marks such dates provisional).

const CALENDAR_DIR = path.join(__dirname, '..', 'calendar');
const years = new Map();

function yearFile(year) {
  if (years.has(year)) return years.get(year);
  const file = path.join(CALENDAR_DIR, `${year}.yml`);
  let data = null;
  if (fs.existsSync(file)) {
    data = { holidays: new Set(), workdays: new Set() };
    let from = null;
    for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
      const line = raw.replace(/#.*$/, '');
      let m = line.match(/^\s*(?:-\s*)?from:\s*(\d{4}-\d{2}-\d{2})/);
      if (m) from = m[1];
      m = line.match(/^\s*to:\s*(\d{4}-\d{2}-\d{2})/);
      if (m) {
        if (!from) throw new Error(`${file}: "to" without "from"`);
        for (let d = from; d <= m[1]; d = addDays(d, 1)) data.holidays.add(d);
        from = null;
      }
      m = line.match(/^\s*adjustedWorkdays:\s*\[([^\]]*)\]/);
      if (m) m[1].split(',').map((s) => s.trim()).filter(Boolean).forEach((d) => data.workdays.add(d));
    }
  }
  years.set(year, data);
  return data;
}

function addDays(isoDay, n) {
  const d = new Date(isoDay + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isWorkday(isoDay) {
  const data = yearFile(Number(isoDay.slice(0, 4)));
  if (data && data.workdays.has(isoDay)) return true;
  if (data && data.holidays.has(isoDay)) return false;
  const dow = new Date(isoDay + 'T12:00:00Z').getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `isoDay` (the start day not counted), as YYYY-MM-DD. */
function workdaysAfter(isoDay, n) {
  let d = isoDay;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkday(d)) left -= 1;
  }
  return d;
}

/** The calendar day in Beijing of an instant (ISO text or Date). */
function beijingDay(instant) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));
}

// ---------------------------------------------------------------------------------------------------------
// Forms

/**
 * Asserts the form shows `value` for `label`: in the read-only field of that label, or — where the form shows
 * the value as text instead of a field — in the form's text (`asText`, default the value itself).
 */
async function expectShown(form, label, value, asText) {
  if (await form.field(label).count()) return form.expectValue(label, value);
  return form.expectText(asText || (value instanceof RegExp ? value : String(value)));
}

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills a field the form may no longer ask for (e.g. the agency, taken from the login). */
async function fillIfAsked(form, label, value, type) {
  if (await form.field(label).count()) await form.fill(label, value, type);
}

/**
 * Opens a filter as lib's openFilter does, after moving the pointer off the filter list: the tooltip of the
 * filter clicked last (its description, shown above it while the pointer rests on it) would otherwise cover
 * the filter just above it and take the click.
 */
async function openFilter(user, name) {
  await user.page.mouse.move(700, 5);
  await user.page.locator('.tooltip.in').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  return user.openFilter(name);
}

/**
 * The notification Tasklist shows for a refused submission: asserts it says `expected` in Chinese, without the
 * engine's wrapper or an id (issue 12 §3), and closes it as the user does (it stays over the form's buttons otherwise).
 */
async function expectRefusalShown(t, user, expected) {
  const text = await user.expectNotification(expected);
  if (/Cannot submit|Cannot instantiate|task form|Exception|[0-9a-f]{8}-[0-9a-f]{4}-/.test(text)) {
    throw new StepError(`拒绝提示带有引擎的英文包装：「${text.replace(/\s+/g, ' ').slice(0, 160)}」（issue 12 §3）`);
  }
  await user.closeNotifications();
  return text;
}

/** The open task, ready to fill: claimed from the group when it is not yet the user's own. */
async function take(user) {
  const page = user.page;
  const claim = page.locator('[cam-tasklist-task-meta] button.claim');
  const mine = page.locator('[cam-tasklist-task-meta] li.assignee button.unclaim');
  await claim.or(mine).first().waitFor({ state: 'visible' });
  if (await claim.isVisible()) return user.claim();
  return user.waitForTaskForm();
}

/**
 * Opens a task of the case handler: in 我的待办 when the process assigns it to the handler, otherwise in
 * 本机构待办 (the officers' group). Returns the form, taken.
 */
async function openHandlerTask(user, name, caseNo) {
  await user.openFilter('我的待办');
  if (await user.findCardOnPages(name, caseNo)) {
    await user.openTask(name, { caseNo });
  } else {
    await user.openTask(name, { caseNo, filter: '本机构待办' });
  }
  return take(user);
}

// ---------------------------------------------------------------------------------------------------------
// Due dates as Tasklist shows them: the tooltip of "Due in 5 days" / the bell in the task header, e.g.
// "Monday, 21 December 2026 23:59" (English), "2026年12月21日星期一 23:59" (Chinese)

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];

function parseDue(text) {
  if (!text) return null;
  const pad = (n) => String(n).padStart(2, '0');
  let m = text.match(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = text.match(/(\d{4})[-/](\d{1,2})[-/](\d{1,2})/);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = text.match(/(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})/); // 21 December 2026
  if (m && MONTHS.findIndex((x) => x.startsWith(m[2].toLowerCase().slice(0, 3))) >= 0) {
    return `${m[3]}-${pad(MONTHS.findIndex((x) => x.startsWith(m[2].toLowerCase().slice(0, 3))) + 1)}-${pad(m[1])}`;
  }
  m = text.match(/([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})/); // December 21, 2026
  if (m && MONTHS.findIndex((x) => x.startsWith(m[1].toLowerCase().slice(0, 3))) >= 0) {
    return `${m[3]}-${pad(MONTHS.findIndex((x) => x.startsWith(m[1].toLowerCase().slice(0, 3))) + 1)}-${pad(m[2])}`;
  }
  return null;
}

/** Due date shown in the open task's header, as YYYY-MM-DD (null: none shown). */
async function shownDue(user) {
  const tip = user.page.locator('[cam-tasklist-task-meta] .due-date [am-time-ago][uib-tooltip]').first();
  if (!(await tip.count())) return null;
  return parseDue(await tip.getAttribute('uib-tooltip'));
}

/** Due date shown on the task's card in the open filter's list, as YYYY-MM-DD (null: none shown). */
async function cardDue(user, name, caseNo) {
  const tip = user.taskCard(name, caseNo).locator('.due-date [am-time-ago][uib-tooltip]').first();
  if (!(await tip.count())) return null;
  return parseDue(await tip.getAttribute('uib-tooltip'));
}

/**
 * Waits until the task's card in the open filter shows the due date `expected` (a task completed and created
 * again under the same name, e.g. after an extension): polls the card, and refreshes the filter as a user would
 * when the list has not changed after a few seconds.
 */
async function waitForCardDue(t, user, name, caseNo, expected) {
  const deadline = Date.now() + 30000;
  let refreshAt = Date.now() + 5000;
  let shown;
  for (;;) {
    shown = await cardDue(user, name, caseNo).catch(() => null);
    if (shown === expected) return shown;
    if (Date.now() > deadline) break;
    if (Date.now() > refreshAt) {
      await user.openFilter(user.filter);
      refreshAt = Date.now() + 5000;
    } else {
      await user.page.waitForTimeout(200); // polling the list the page is reloading
    }
  }
  throw new StepError(`「${user.filter}」中任务「${name}」的到期日显示「${shown}」，应为「${expected}」`);
}

/** The due date shown for the open task (header), asserted equal to `expected` (YYYY-MM-DD). */
async function expectDue(t, user, expected, what) {
  const shown = await shownDue(user);
  t.equal(shown, expected, `${what}：Tasklist 显示的到期日`);
  return shown;
}

/**
 * 审核拟作决定: ticks the R-REV-4 items found in order — all but the `problems` — and chooses the conclusion
 * (with the written opinion, required unless 同意).
 */
/** A specific written opinion approving a decision: seed 004 asks one for every conclusion, 同意 included. */
const APPROVING_OPINION = '执法主体、人员适格，程序合法；调查终结报告和证据证明的违法事实清楚，适用法律准确，'
  + '处罚在裁量基准幅度内。同意作出该决定。';

async function reviewConclusion(form, outcome, opinion, problems = []) {
  await form.radio('本次办理', '作出审核结论');
  for (const item of ['执法主体合法、未超越职权', '执法人员具备执法资格', '执法程序合法', '案件事实清楚',
    '证据合法、确凿、充分', '适用法律、法规、规章准确', '裁量基准运用适当', '执法文书完备、规范',
    '未发现涉嫌犯罪需移送司法机关的情形']) {
    await form.checkbox(item, !problems.includes(item));
  }
  await form.select('审核结论', outcome);
  if (opinion) await form.textarea('书面审核意见', opinion);
  // LIAOKUO's plan: a legal adviser takes part in every review (dmn/legal-review-participation.dmn, seed 000)
  await form.select('公职律师、法律顾问参与审核', '法律顾问');
  await form.textfield('参与审核的公职律师、法律顾问姓名', '云南某律师事务所赵律师');
  await form.textarea('公职律师、法律顾问的意见', '同意审核机构的意见');
  await form.radio('是否采纳其意见', '采纳');
}

/** The review of a case or decision as GET /api/reviews reports it (REST double-check). */
async function reviewOf(t, caseId, user = 'reviewer1') {
  const list = await t.api('/api/reviews', user);
  const matching = list.filter((r) => r.caseId === caseId);
  t.check(matching.length === 1, `GET /api/reviews 中案号 ${caseId} 的审核有 ${matching.length} 条，应为 1 条`);
  return matching[0];
}

/** The legal-review process instance of a case or decision (REST double-check). */
async function reviewInstance(t, caseId) {
  const list = await t.api(`/engine-rest/process-instance?processDefinitionKey=legal-review&businessKey=${encodeURIComponent(caseId)}`);
  t.check(list.length === 1, `案号 ${caseId} 的法制审核流程实例有 ${list.length} 个，应为 1 个`);
  return list[0].id;
}

// ---------------------------------------------------------------------------------------------------------
// Reviewer: accept the materials (审查送审材料) — the 5-working-day clock starts (R-REV-3)

async function acceptMaterials(t, reviewer, caseId, expectMaterials) {
  await t.step(`${reviewer.id} 在「法制审核」中领取「审查送审材料」，材料齐全予以接收`, async () => {
    await reviewer.openFilter('法制审核');
    let form = await reviewer.openTask('审查送审材料', { caseNo: caseId });
    await form.expectText('审查送审材料');
    await expectShown(form, '案号', caseId);
    for (const m of expectMaterials || []) await expectShown(form, '送审材料', new RegExp(m), m);
    form = await take(reviewer);
    await form.checkbox('送审材料齐全，予以接收', true);
    await form.complete();
    await reviewer.expectTaskGone('审查送审材料', caseId);
  });
}

// ---------------------------------------------------------------------------------------------------------
// A review started by the handler from Tasklist (发起流程 → 重大执法决定法制审核, forms/legal-review-start.form):
// what an agency does for a major decision that is not a penalty case handled in Zhifa — a coercive measure,
// a permit revoked — with the decision's own number. Returns { caseId, pid }.

/** A decision number of this year, unique per run (a suite runs twice on one clean database). */
function decisionNumber(prefix) {
  return `${prefix}〔${today().slice(0, 4)}〕${100000 + (Date.now() % 900000)}号`;
}

async function startReview(t, officer, r) {
  let pid;
  await t.step(`${officer.id} 发起「重大执法决定法制审核」，送审${r.decisionType}决定 ${r.caseId}`, async () => {
    const form = await officer.startProcess('重大执法决定法制审核');
    await form.expectText('重大执法决定法制审核申请');
    await form.textfield('案号', r.caseId);
    await fillIfAsked(form, '执法主体代码', 'LIAOKUO', 'textfield');
    await form.select('拟作决定类型', r.decisionType);
    await form.textarea('属于重大执法决定的理由', r.majorReasons);
    await form.textarea('送审材料清单', r.materials.join('\n'));
    await fillIfAsked(form, '承办人（用户名）', officer.id, 'textfield');
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    pid = instance.id;
    t.equal(instance.businessKey, r.caseId, '法制审核流程的业务键（案号）');
  });
  return { caseId: r.caseId, pid };
}

/**
 * reviewer1 opens 审核拟作决定 from 法制审核, checks what it shows (round, due date) and takes it.
 * `round` is the expected round; the due date is the 5th working day after the round's materials arrived
 * (8th when `extended`), computed from calendar/<year>.yml. Returns { form, due }.
 */
async function openReviewDecision(t, reviewer, caseId, round, extended = false) {
  const review = await reviewOf(t, caseId);
  t.equal(review.round, round, 'GET /api/reviews 的当前审核轮次');
  const current = review.rounds.find((x) => x.round === round);
  t.check(current, `GET /api/reviews 中没有第 ${round} 轮`);
  const due = workdaysAfter(beijingDay(current.materialsReceivedAt), extended ? 8 : 5);
  t.equal(beijingDay(review.dueAt), due, 'GET /api/reviews 的审核期限');
  await reviewer.openFilter('法制审核');
  let form = await reviewer.openTask('审核拟作决定', { caseNo: caseId });
  t.equal(await cardDue(reviewer, '审核拟作决定', caseId), due, '「法制审核」列表中任务卡片的到期日');
  await form.expectText('审核拟作决定');
  await expectShown(form, '案号', caseId);
  await expectShown(form, '审核轮次', String(round), new RegExp(`第\\s*${round}\\s*轮`));
  await expectDue(t, reviewer, due, '审核拟作决定');
  form = await take(reviewer);
  return { form, due, review };
}

// ---------------------------------------------------------------------------------------------------------
// The common prefix of a case whose proposed penalty is major (02, and any path starting from a case)

const MAJOR_CASE = {
  party: '寥廓惠民超市有限公司',
  creditCode: '91350100M000100Y43',
  violation: 'MR-EXPIRED-FOOD',
  facts: '当事人在其经营场所销售超过保质期的预包装食品（牛奶、面包等共计36件），货值金额2860元；执法人员现场检查发现',
  fine: 100000,
  penaltyKinds: '没收违法所得和违法经营的食品；罚款；吊销许可证',
};

/**
 * officer1 registers the case, head1 files it naming officer1 the handler, officer1 and officer2 investigate,
 * officer1 concludes (情节严重), proposes the penalty of the benchmark (罚款10万元 and licence revocation: two
 * items of the major-decision catalogue) and serves the prior notice; the party waives statement, defence
 * and hearing. Returns { caseNo, pid }.
 */
async function majorCaseUpToPriorNotice(t, officer, head, c = MAJOR_CASE) {
  const discovered = today();
  let caseNo;
  let pid;

  await t.step('officer1 发起「行政处罚案件办理」，登记案件', async () => {
    const form = await officer.startProcess('行政处罚案件办理');
    await form.expectText('登记执法案件');
    await fillIfAsked(form, '执法主体代码', 'LIAOKUO', 'textfield');
    await form.select('案件来源', '投诉举报');
    await form.radio('当事人类型', '法人或其他组织');
    await form.textfield('当事人姓名或名称', c.party);
    await form.textfield('公民身份号码 / 统一社会信用代码', c.creditCode);
    await form.textfield('联系方式', '0874-3123456');
    await form.textfield('住所（地址）', c.address || '曲靖市麒麟区建设路66号');
    await form.select('违法行为', violationOption(c.violation));
    await form.textarea('违法事实', c.facts);
    await form.textfield('违法行为地点', c.place || '曲靖市麒麟区建设路66号');
    await form.date('发现日期', discovered);
    await form.date('违法行为发生日期（有连续或者继续状态的，为行为终了之日）', c.violationDate || discovered);
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    pid = instance.id;
    caseNo = instance.businessKey || (await t.variables(pid)).caseId;
    t.check(/^寥街罚〔\d{4}〕\d+号$/.test(caseNo || ''), `案号格式不对：${caseNo}`);
  });

  await t.step('head1 在「本机构待办」中看到「审批立案」（到期日为发现后第15个工作日），同意立案并指定承办人', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审批立案', { caseNo });
    await form.expectText('审批立案');
    await expectShown(form, '案号', caseNo);
    await expectShown(form, '当事人', c.party);
    await expectDue(t, head, workdaysAfter(discovered, 15), '审批立案');
    form = await take(head);
    await form.radio('审批意见', '同意立案');
    await form.select('承办人', await officerOption(t, 'officer1'));
    await form.complete();
    await head.expectTaskGone('审批立案', caseNo);
  });

  await t.step('officer1 领取「调查取证」，与 officer2 两人调查取证', async () => {
    const form = await openHandlerTask(officer, '调查取证', caseNo);
    await form.expectText('调查取证');
    await expectShown(form, '案号', caseNo);
    await form.checklist('调查取证执法人员（至少两名）', [await officerOption(t, 'officer1'), await officerOption(t, 'officer2')]);
    await form.textarea('取得的证据（每行一项：证据种类：内容）',
      '现场笔录：现场检查笔录1份（签名确认）\n物证：过期食品照片12张（其他佐证）\n书证：进货单据3份（复制件确认）\n当事人的陈述：询问笔录（店长）1份（签名确认）');
    await form.checkbox('需要采取查封、扣押措施', false);
    await form.complete();
    await officer.expectTaskGone('调查取证', caseNo);
  });

  await t.step('officer1 制作调查终结报告：违法事实成立，情节严重', async () => {
    const form = await openHandlerTask(officer, '制作调查终结报告', caseNo);
    await form.expectText('调查终结报告');
    await form.textarea('调查终结报告', '经调查，当事人销售超过保质期的食品，违法事实清楚，证据确凿；'
      + '此前已因同类违法行为被警告，情节严重。');
    await form.checkbox('违法事实成立', true);
    await form.select('违法情节', '严重');
    await form.checkbox('初次违法', false);
    await form.checkbox('及时改正', false);
    await form.checkbox('造成危害后果', true);
    await form.checkbox('涉嫌犯罪，应当移送司法机关', false);
    await form.complete();
    await officer.expectTaskGone('制作调查终结报告', caseNo);
  });

  await t.step('officer1 拟定处罚意见：按裁量基准罚款10万元并吊销许可证', async () => {
    const form = await openHandlerTask(officer, '拟定处罚意见', caseNo);
    await form.expectText('拟定处罚意见');
    await expectShown(form, '罚款下限（元）', /^100000(\.0)?$/, '100000');
    await expectShown(form, '罚款上限（元）', /^100000(\.0)?$/, '100000');
    await form.number('拟罚款数额（元）', c.fine);
    await form.textfield('处罚种类', c.penaltyKinds);
    await form.number('没收违法所得、非法财物价值（元）', 2860);
    await form.checkbox('吊销许可证件', true);
    await form.complete();
    await officer.expectTaskGone('拟定处罚意见', caseNo);
    const vars = await t.variables(pid);
    t.check(vars.priorNoticeDocId, '行政处罚事先告知书未生成');
  });

  await t.step('officer1 送达事先告知书（直接送达）', async () => {
    const form = await openHandlerTask(officer, '送达事先告知书', caseNo);
    await form.expectText('送达行政处罚事先告知书');
    await form.select('送达方式', '直接送达');
    await form.complete();
    await officer.expectTaskGone('送达事先告知书', caseNo);
  });

  await t.step('officer1 记录当事人意见：当事人签字放弃陈述、申辩和听证', async () => {
    const form = await openHandlerTask(officer, '记录当事人意见', caseNo);
    await expectShown(form, '案号', caseNo);
    await form.radio('当事人意见', '放弃听证');
    await form.textarea('当事人陈述、申辩意见', '当事人书面表示放弃陈述、申辩和听证');
    await form.complete();
    await officer.expectTaskGone('记录当事人意见', caseNo);
  });

  return { caseNo, pid };
}

module.exports = {
  workdaysAfter, isWorkday, beijingDay, addDays,
  openFilter, expectRefusalShown, expectShown, fillIfAsked, take, openHandlerTask, expectDue, shownDue, cardDue, parseDue, waitForCardDue, reviewConclusion, reviewOf, reviewInstance,
  acceptMaterials, majorCaseUpToPriorNotice, startReview, openReviewDecision, decisionNumber, MAJOR_CASE, APPROVING_OPINION, StepError,
};
