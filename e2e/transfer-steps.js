// Steps shared by the transfer paths (07a–07e, issue 12 §2 path 7): the parts of an enforcement case that
// come before a transfer, the answers of bodies outside Zhifa (police, procuratorate/court, reconsideration
// organ) that reach Zhifa through its REST API as the external system sends them, the expected due dates
// computed from the working-day calendar, and the public portal as an anonymous visitor sees it.
// Every user action is done in the browser through lib.js; REST here is only (a) the external party's
// call and (b) a read to double-check state.
'use strict';
const { officerOption, violationOption } = require('./steps');
const { StepError, BASE, today } = require('./lib');

const PASSWORD = 'demo';

/** A call of Zhifa's REST API as `user` (HTTP Basic); returns the JSON answer, throws on HTTP ≥ 300. */
async function rest(method, pathAndQuery, body, user) {
  const auth = Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  const res = await fetch(BASE + pathAndQuery, {
    method,
    headers: { Authorization: 'Basic ' + auth, Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new StepError(`${method} ${pathAndQuery}（${user}）：HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * The answer of a body outside Zhifa (police filing decision, judicial outcome, …) as it arrives through
 * the transfers API (docs/transfers.md "External answers via REST"). Returns the transfer record.
 */
async function externalAnswer(t, transferId, answer, body, enteredBy = 'officer1') {
  t.note(`外部答复 ${answer} ← ${JSON.stringify(body)}`);
  return rest('POST', `/api/transfers/${transferId}/${answer}`, body, enteredBy);
}

/** The record of the transfer of `kind` (CRIMINAL, CASE, DISCIPLINE) for a case (REST read, double-check). */
async function transferOf(caseNo, kind, user = 'officer1') {
  const list = await rest('GET', `/api/transfers?caseId=${encodeURIComponent(caseNo)}&kind=${kind}`, undefined, user);
  if (!list || !list.length) throw new StepError(`案号 ${caseNo} 没有 ${kind} 移送记录`);
  return rest('GET', `/api/transfers/${list[list.length - 1].id}`, undefined, user);
}

/** Due date (YYYY-MM-DD) `add` working days after `from`, from the server's working-day calendar. */
async function workdays(from, add) {
  return (await rest('GET', `/api/calendar/workdays?from=${from}&add=${add}`, undefined, 'officer1')).due;
}

/** Due date `add` calendar days after `from` (a period ending on a rest day moves to the next working day). */
async function calendarDays(from, add) {
  return (await rest('GET', `/api/calendar/calendar-days?from=${from}&add=${add}`, undefined, 'officer1')).due;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as Tasklist shows it in a due-date tooltip → YYYY-MM-DD: "Monday, 21 December 2026 23:59",
 * "December 21, 2026 …", "2026年12月21日 …", "2026-12-21 …"; null when none.
 */
function parseDay(text) {
  if (!text) return null;
  const pad = (n) => String(n).padStart(2, '0');
  let m = text.match(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/) || text.match(/(\d{4})[-/](\d{1,2})[-/](\d{1,2})/);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = text.match(/\b(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/);
  if (m && MONTHS.includes(m[2].slice(0, 3).toLowerCase())) {
    return `${m[3]}-${pad(MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1)}-${pad(m[1])}`;
  }
  m = text.match(/\b([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/);
  if (m && MONTHS.includes(m[1].slice(0, 3).toLowerCase())) {
    return `${m[3]}-${pad(MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1)}-${pad(m[2])}`;
  }
  return null;
}

/** The due date in the header of the open task (the tooltip next to the bell), YYYY-MM-DD or null. */
async function headerDue(user) {
  const tip = user.page.locator('[cam-tasklist-task-meta] .due-date span[am-time-ago][uib-tooltip]').first();
  if (!(await tip.count())) return null;
  return parseDay(await tip.getAttribute('uib-tooltip'));
}

/** The due date on the task's card in the open filter's list ("Due in … days"), YYYY-MM-DD or null. */
async function cardDue(user, name, caseNo) {
  const tip = user.taskCard(name, caseNo).locator('.dates .due-date span[am-time-ago][uib-tooltip]').first();
  if (!(await tip.count())) return null;
  return parseDay(await tip.getAttribute('uib-tooltip'));
}

/**
 * Asserts the due date Tasklist shows for the open task — on its card in the list and in the task's
 * header — is `expected` (YYYY-MM-DD or a list of acceptable days).
 */
async function expectDue(t, user, name, caseNo, expected) {
  const ok = [].concat(expected);
  const header = await headerDue(user);
  t.check(ok.includes(header), `「${name}」任务页显示的到期日为「${header}」，应为「${ok.join('」或「')}」`);
  const card = await cardDue(user, name, caseNo);
  t.check(ok.includes(card), `「${name}」在列表中显示的到期日为「${card}」，应为「${ok.join('」或「')}」`);
  t.note(`${user.id}: 「${name}」到期日 ${header}`);
  return header;
}

/**
 * Claims the open task and returns its form once Tasklist shows it to the new assignee. A claim can replace the shown
 * form, and a field filled in the old one is then lost (seen with the prefilled 处罚种类 of 拟定处罚意见) — but only
 * when Tasklist asks for the task's form again: its form plugin keeps the form it loaded for the same task
 * (cam-tasklist-task-detail-form-plugin in Camunda 7.24) and loads it anew only when the claim came before that form
 * had arrived. So this waits (up to 5 s) for the old form to go only when such a request followed the click, instead
 * of after every claim. Then `label` must show `value`.
 */
async function claim(user, label, value) {
  const page = user.page;
  const old = await page.locator('[cam-tasklist-task] .form-pane .fjs-form').elementHandle();
  let formRequests = 0;
  const watch = (r) => {
    if (/\/task\/[^/]+\/(form|deployed-form|form-variables)$/.test(r.url().split('?')[0])) formRequests += 1;
  };
  page.on('request', watch);
  try {
    await user.claim();
    // the task is fetched again after the claim and its observers (assignee, form) run in one digest: two frames after
    // the new assignee shows, a request for the form would have been sent
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  } finally {
    page.off('request', watch);
  }
  if (old && formRequests) {
    const replaced = await old.waitForElementState('hidden', { timeout: 5000 }).then(() => true, () => false);
    user.t.note(`${user.id}: 领取后表单${replaced ? '已重新加载' : '重新请求但未重新加载'}`);
  }
  const fresh = await user.waitForTaskForm();
  if (label) await fresh.expectValue(label, value);
  return fresh;
}

/**
 * Submits the open form expecting the server to refuse it; returns the message the user reads and closes it
 * (its ×), as a user does before correcting the form. Fails when the submission was accepted.
 */
async function expectRefused(t, form, mustMention) {
  let refused = null;
  try {
    await form.complete();
  } catch (e) {
    refused = e.message;
  }
  t.check(refused, `提交应被拒绝（${mustMention}），实际提交成功`);
  t.check(refused.includes(mustMention), `拒绝提示中应提到「${mustMention}」：${refused}`);
  const page = form.user.page;
  const shown = page.locator('[notifications-panel] .alert, .notifications .alert');
  await shown.first().waitFor({ state: 'visible' });
  const text = (await shown.first().innerText()).replace(/\s+/g, ' ').trim();
  await form.user.shot('拒绝提示');
  const closers = shown.locator('button.close[ng-click^="removeNotification"]');
  for (let i = 0; i < 5 && await closers.count(); i++) await closers.first().click();
  await shown.first().waitFor({ state: 'detached' }).catch(() => {});
  return text;
}

/** "tomorrow" in Asia/Shanghai before and after a 24-hour clock started (the step may cross midnight). */
function in24Hours(startedDay) {
  return [...new Set([startedDay ? shift(startedDay, 1) : today(1), today(1)])];
}

function shift(isoDay, days) {
  const d = new Date(isoDay + 'T12:00:00+08:00');
  d.setUTCDate(d.getUTCDate() + days);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** An 18-digit citizen ID number with its check digit (GB 11643): area 530302 (麒麟区), birth date, sequence. */
function citizenId(birth, seq) {
  const body = '530302' + birth.replace(/-/g, '') + String(seq).padStart(3, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * Fills the date field labelled `label` with `isoDay` (YYYY-MM-DD) as a user types it, in the format its
 * placeholder asks for. Unlike lib's form.date, accepts the field showing the day without zero padding
 * ("2026/12/1" for "2026/12/01"), as the date picker does for days and months below 10.
 */
async function fillDate(form, label, isoDay) {
  const m = isoDay.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) throw new StepError(`日期「${label}」的值应为 YYYY-MM-DD：${isoDay}`);
  const { field, type } = await form.fieldType(label);
  if (type !== 'datetime') throw new StepError(`字段「${label}」是 ${type}，不是 datetime`);
  form.user.t.note(`${form.user.id}: 「${label}」(datetime) ← ${isoDay}`);
  const input = field.locator('input.flatpickr-input, .fjs-datetime-subsection input').first();
  const placeholder = ((await input.getAttribute('placeholder')) || 'mm/dd/yyyy').toLowerCase();
  const typed = placeholder.replace('yyyy', m[1]).replace('mm', m[2]).replace('dd', m[3]);
  await input.click();
  await input.fill(typed);
  await input.press('Enter');
  const shown = await input.inputValue();
  const numbers = (s) => (s.match(/\d+/g) || []).map(Number).join('-');
  if (numbers(shown) !== numbers(typed)) throw new StepError(`日期「${label}」显示「${shown}」，应为「${typed}」`);
}

/**
 * The first steps of an ordinary case as the officer does them: registration through the start form of
 * 行政处罚案件办理. Returns { caseNo, pid }.
 */
async function registerCase(t, officer, c) {
  const form = await officer.startProcess('行政处罚案件办理');
  await form.expectText('登记执法案件');
  await form.select('案件来源', c.source || '巡查发现');
  await form.radio('当事人类型', c.partyType || '自然人');
  await form.textfield('当事人姓名或名称', c.party);
  await form.textfield('公民身份号码 / 统一社会信用代码', c.partyId);
  if (c.contact) await form.textfield('联系方式', c.contact);
  await form.textfield('住所（地址）', c.address || '曲靖市麒麟区寥廓街道北关路18号');
  if (c.official) await form.checkbox('当事人为中共党员或公职人员（结案后依规移送纪检监察机关）', true);
  await form.select('违法行为', violationOption(c.violation));
  await form.textarea('违法事实', c.facts);
  await form.textfield('违法行为地点', c.place || '曲靖市麒麟区寥廓街道北关路');
  await fillDate(form, '发现日期', c.discoveredOn || today());
  await fillDate(form, '违法行为发生日期（有连续或者继续状态的，为行为终了之日）', c.violationDate || c.discoveredOn || today());
  if (c.summaryFine !== undefined) {
    await form.checkbox('适用简易程序（当场处罚）', true);
    await form.number('当场罚款数额（元）', c.summaryFine);
  }
  const instance = await form.start();
  t.check(instance && instance.id, '发起流程后没有得到流程实例');
  const caseNo = instance.businessKey || (await t.variables(instance.id)).caseId;
  t.check(/^寥街罚〔\d{4}〕\d+号$/.test(caseNo || ''), `案号格式不对：${caseNo}`);
  return { caseNo, pid: instance.id };
}

/** head: 审批立案 in 本机构待办 with its due date (15 working days from discovery), 同意立案 naming the handler. */
async function fileCase(t, head, caseNo, c) {
  await head.openFilter('本机构待办');
  let form = await head.openTask('审批立案', { caseNo });
  await expectDue(t, head, '审批立案', caseNo, await workdays(c.discoveredOn || today(), 15));
  await form.expectValue('案号', caseNo);
  await form.expectValue('当事人', c.party);
  form = await claim(head, '案号', caseNo);
  await form.radio('审批意见', '同意立案');
  await form.select('承办人', await officerOption(t, c.handler || 'officer1'));
  await form.complete();
  await head.expectTaskGone('审批立案', caseNo);
}

/** officer: 调查取证 in 本机构待办 with two certified officers. */
async function investigate(t, officer, caseNo, evidence) {
  await officer.openFilter('本机构待办');
  let form = await officer.openTask('调查取证', { caseNo });
  await form.expectValue('案号', caseNo);
  form = await claim(officer, '案号', caseNo);
  await form.checklist('调查取证执法人员（至少两名）', [await officerOption(t, 'officer1'), await officerOption(t, 'officer2')]);
  await form.textarea('取得的证据（每行一项：证据种类：内容）', evidence);
  await form.complete();
  await officer.expectTaskGone('调查取证', caseNo);
}

/** head1: 负责人签发案件移送书 in 本机构待办, due 3 working days after the transfer started; returns QLSCJ's case number. */
async function signTransfer(t, head, caseNo, reason, startedDay, tryUnsigned) {
  await head.openFilter('本机构待办');
  let form = await head.openTask('负责人签发案件移送书', { caseNo });
  await expectDue(t, head, '负责人签发案件移送书', caseNo, await workdays(startedDay, 3));
  await form.expectText('负责人签发案件移送书');
  await form.expectValue('接收机关', '某区市场监督管理局');
  await form.expectValue('案件移送书文号', /^寥街案移〔\d{4}〕\d+号$/);
  await form.expectValue('移送理由', reason);
  await form.expectValue('随附材料', /\S/);
  form = await claim(head, '案号', caseNo);
  if (tryUnsigned) await expectRefused(t, form, '负责人签发');
  await form.checkbox('同意并签发案件移送书', true);
  await form.complete();
  await head.expectTaskGone('负责人签发案件移送书', caseNo);
  const transfer = await transferOf(caseNo, 'CASE', 'head1');
  t.equal(transfer.status, 'AWAITING_ANSWER', '签发后的移送状态');
  t.check(/^区市监罚〔\d{4}〕\d+号$/.test(transfer.receivingCaseNo || ''), `接收机关没有收到案件：${transfer.receivingCaseNo}`);
  return transfer.receivingCaseNo;
}

/** head2 (the receiving agency): 审批立案 of the transferred case in 本机构待办 — the party and facts shown — filed for officer4. */
async function fileReceivedCase(t, head2, receivedNo, c) {
  await head2.openFilter('本机构待办');
  await head2.openTask('审批立案', { caseNo: receivedNo });
  const form = await claim(head2, '案号', receivedNo);
  await form.expectValue('当事人', c.party);
  await form.expectValue('违法事实', c.facts);
  await form.radio('审批意见', '同意立案');
  await form.select('承办人', await officerOption(t, 'officer4'));
  await form.complete();
  await head2.expectTaskGone('审批立案', receivedNo);
}

/**
 * The public portal as an anonymous visitor sees it: a fresh browser context each time (nothing cached,
 * no session), zh-CN. Returns { page, close }.
 */
async function visitPortal(t, path) {
  const context = await t.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const response = await page.goto(BASE + path);
  return { page, response, close: () => context.close().catch(() => {}) };
}

module.exports = {
  rest, externalAnswer, citizenId, fillDate, transferOf, workdays, calendarDays, parseDay, headerDue, cardDue, expectDue, expectRefused, claim, in24Hours, shift,
  registerCase, fileCase, investigate, signTransfer, fileReceivedCase, visitPortal,
};
