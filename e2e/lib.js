// Library of the browser suite (issue 12 §2): a path script drives Camunda Tasklist and Cockpit as the demo
// users would — login page, filters, task list, claim, Camunda Forms filled by their labels, Start process,
// Complete — and asserts what the users see. REST is used only to double-check state after a step
// (t.api). Never a fixed sleep: every wait is on the page's own state (a selector, the response of the
// request the click sends, a task leaving the list).
//
// A path file:
//   const { runPath } = require('../lib');
//   runPath(__filename, async (t) => {
//     const officer = await t.login('officer1');
//     await t.step('登记案件', async () => {
//       const form = await officer.startProcess('行政处罚案件办理');
//       await form.fill('当事人姓名或名称', '张三');        // any field type, found by its label
//       await form.select('案件来源', '巡查发现');           // or typed: textfield/textarea/number/select/...
//       await form.start();
//     });
//   });
// run by e2e/run.sh (E2E_BASE, E2E_SHOTS set), or alone: E2E_BASE=http://localhost:18103 node e2e/paths/x.js
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = (process.env.E2E_BASE || 'http://localhost:18103').replace(/\/$/, '');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'demo';
const TIMEOUT = Number(process.env.E2E_TIMEOUT || 30000);
const ENGINE = '/camunda/api/engine/engine/default';

class StepError extends Error {}

/**
 * Init script of every page: keeps track of the timers form-js uses to debounce field input (300 ms, its
 * default), so that the suite can wait until the form has taken every change instead of sleeping.
 */
const FORM_JS_TIMERS = `(() => {
  const pending = new Set();
  window.__zhifaE2e = { pending };
  const set = window.setTimeout.bind(window);
  const clear = window.clearTimeout.bind(window);
  window.setTimeout = function (fn, delay, ...args) {
    if (delay !== 300 || typeof fn !== 'function') return set(fn, delay, ...args);
    const id = set(function () { pending.delete(id); return fn.apply(this, arguments); }, delay, ...args);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); return clear(id); };
  // The webapps load their plugins with requirejs, whose default gives up after 7 s ("Load timeout for
  // modules") — on a loaded CI machine the browser alone may need longer to parse the scripts. The
  // webapps' index.html sets waitSeconds: 0 too, but only after requirejs has read its configuration.
  if (typeof window.require === 'undefined') window.require = { waitSeconds: 0 };
})();`;

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Exact text match ignoring surrounding blanks and a trailing required-field asterisk. */
function exactLabel(label) {
  if (label instanceof RegExp) return label;
  return new RegExp('^\\s*' + escapeRegex(label) + '\\s*\\*?\\s*$');
}

function slug(s) {
  return String(s).replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function isoDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today (and shifted by days) in Asia/Shanghai as YYYY-MM-DD, independent of the machine's zone. */
function today(shiftDays = 0) {
  const now = new Date(Date.now() + shiftDays * 86400000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}

/**
 * A date as Tasklist shows it (tooltip of a due date, e.g. "December 21, 2026 6:00 PM" in English or
 * "2026年12月21日 ..." in Chinese) → YYYY-MM-DD, or null.
 */
function parseShownDate(text) {
  if (!text) return null;
  let m = text.match(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = text.match(/(\d{4})-(\d{2})-(\d{2})/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = text.match(/(\d{4})\/(\d{1,2})\/(\d{1,2})/);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
    'october', 'november', 'december'];
  const month = (name) => months.findIndex((x) => x.startsWith(name.toLowerCase().slice(0, 3)));
  m = text.match(/(\d{1,2})\.?\s+([A-Za-z]+)\s+(\d{4})/); // Tuesday, 15 December 2026 23:59
  if (m && month(m[2]) >= 0) return `${m[3]}-${String(month(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = text.match(/([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})/); // December 15, 2026
  if (m && month(m[1]) >= 0) return `${m[3]}-${String(month(m[1]) + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Camunda Forms (form-js) inside Tasklist: a field is found by its label, whatever its type

const FIELD_TYPES = ['textfield', 'textarea', 'number', 'select', 'radio', 'checkbox', 'checklist', 'datetime',
  'taglist'];

class Form {
  /** @param {User} user @param {import('playwright-core').Locator} root the element holding .fjs-form */
  constructor(user, root, kind) {
    this.user = user;
    this.page = user.page;
    this.root = root;
    this.kind = kind; // 'task' | 'start'
    this.filled = new Map();
  }

  /** The .fjs-form-field whose own label (not an option's) reads exactly `label`. */
  field(label) {
    const re = exactLabel(label);
    const page = this.page;
    return this.root.locator('.fjs-form-field').filter({
      has: page.locator(':scope > label.fjs-form-field-label, :scope .fjs-datetime-subsection > label.fjs-form-field-label, '
        + ':scope > .fjs-form-field-label')
        .filter({ hasText: re }),
    }).or(this.root.locator('.fjs-form-field-checkbox').filter({
      has: page.locator(':scope > label.fjs-form-field-label').filter({ hasText: re }),
    })).first();
  }

  async fieldType(label) {
    const field = this.field(label);
    try {
      await field.waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      const shown = await this.labels();
      throw new StepError(`表单中没有标签为「${label}」的字段（可见字段：${shown.join('、')}）`);
    }
    const cls = (await field.getAttribute('class')) || '';
    const type = FIELD_TYPES.find((t) => cls.split(/\s+/).includes('fjs-form-field-' + t));
    if (!type) throw new StepError(`字段「${label}」的类型无法识别（${cls}）`);
    return { field, type };
  }

  /** Labels of the visible fields, in order (for error messages and assertions). */
  async labels() {
    return this.root.locator('.fjs-form-field').evaluateAll((fields) => fields
      .filter((f) => f.offsetParent !== null)
      .map((f) => {
        const l = f.querySelector(':scope > label.fjs-form-field-label, .fjs-datetime-subsection > label');
        return l ? l.textContent.replace(/\*\s*$/, '').trim() : null;
      })
      .filter(Boolean));
  }

  /**
   * Fills the field labelled `label` with `value`, whatever its type: text for textfield/textarea/number,
   * the option's label for select/radio, true/false for a checkbox, option labels (array) for a checklist
   * or taglist, 'YYYY-MM-DD' for a date. `expectedType` (optional) makes the step fail when the form
   * declares another type.
   */
  async fill(label, value, expectedType) {
    if (label !== null && typeof label === 'object') {
      for (const [l, v] of Object.entries(label)) await this.fill(l, v);
      return this;
    }
    await this.settle();
    const { field, type } = await this.fieldType(label);
    if (expectedType && expectedType !== type) {
      throw new StepError(`字段「${label}」是 ${type}，不是 ${expectedType}`);
    }
    this.user.t.note(`${this.user.id}: 「${label}」(${type}) ← ${JSON.stringify(value)}`);
    switch (type) {
      case 'textfield':
      case 'number':
      case 'textarea': {
        // form-js passes typed text on after a debounce (300 ms), or at once when the field loses focus: the
        // textfield's, textarea's and number field's blur handlers flush the pending change (form-js's
        // useFlushDebounce, in Camunda 7.24's deps.js). A value still pending when another field changes can be
        // lost — so: type, leave the field (as a user moving on does; it flushes), let the form render.
        const input = field.locator(type === 'textarea' ? 'textarea' : 'input').first();
        await input.fill(String(value));
        await input.blur();
        await this.settle();
        const shown = await input.inputValue();
        if (shown !== String(value)) {
          throw new StepError(`字段「${label}」输入「${value}」后显示「${shown}」（表单重绘时丢失了输入）`);
        }
        break;
      }
      case 'select':
        await this.chooseOption(field, label, value instanceof RegExp ? value : String(value));
        break;
      case 'radio':
        await field.locator('label.fjs-form-field-label').filter({ hasText: exactLabel(String(value)) })
          .locator('input[type=radio]').check();
        break;
      case 'checkbox':
        await field.locator('input[type=checkbox]').setChecked(!!value);
        break;
      case 'checklist':
        for (const option of [].concat(value)) {
          await field.locator('label').filter({ hasText: exactLabel(option) }).locator('input[type=checkbox]')
            .check();
        }
        break;
      case 'taglist':
        for (const option of [].concat(value)) {
          await field.locator('input.fjs-taglist-input').fill(option);
          await this.page.locator('.fjs-dropdownlist-item').filter({ hasText: exactLabel(option) }).first().click();
        }
        break;
      case 'datetime':
        await this.fillDate(field, label, String(value));
        break;
      default:
        throw new StepError(`字段「${label}」的类型 ${type} 未支持`);
    }
    this.filled.set(label, { type, value });
    return this;
  }

  /**
   * Waits until form-js has taken every change: no debounced field update pending (see FORM_JS_TIMERS) and
   * the re-render it causes painted. Typing into a field while another field's update is pending loses
   * the typed text on the re-render (the text lives only in the DOM during form-js's 300 ms debounce).
   */
  async settle() {
    await this.page.waitForFunction(() => !window.__zhifaE2e || window.__zhifaE2e.pending.size === 0, null,
      { timeout: TIMEOUT, polling: 'raf' });
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
  }

  async dumpValues() {
    return this.root.locator('.fjs-form').first().evaluate((f) => [...f.querySelectorAll('textarea, input:not([type=radio]):not([type=checkbox])')]
      .map((i) => i.value.slice(0, 6)).join('|'));
  }

  /** Before submitting: every field filled by the path still shows its value (nothing reset the form). */
  async verifyFilled() {
    for (const [label, { type, value }] of this.filled) {
      if (!(await this.field(label).isVisible())) continue; // hidden by a condition since
      const shown = await this.value(label);
      let expected = value;
      if (type === 'checkbox') expected = !!value;
      else if (type === 'checklist' || type === 'taglist') continue;
      else if (type === 'datetime') continue; // checked when typed (format of the placeholder)
      else if (value instanceof RegExp) {
        if (!value.test(String(shown))) throw new StepError(`字段「${label}」填写后显示「${shown}」，应为「${value}」（表单被重置？）`);
        continue;
      } else expected = String(value);
      if (String(shown) !== String(expected)) {
        throw new StepError(`字段「${label}」填写后显示「${shown}」，应为「${expected}」（表单被重置？）`);
      }
    }
  }

  textfield(label, value) { return this.fill(label, value, 'textfield'); }
  textarea(label, value) { return this.fill(label, value, 'textarea'); }
  number(label, value) { return this.fill(label, value, 'number'); }
  select(label, option) { return this.fill(label, option, 'select'); }
  radio(label, option) { return this.fill(label, option, 'radio'); }
  checkbox(label, checked = true) { return this.fill(label, checked, 'checkbox'); }
  checklist(label, options) { return this.fill(label, options, 'checklist'); }
  taglist(label, options) { return this.fill(label, options, 'taglist'); }
  date(label, isoDay) { return this.fill(label, isoDay, 'datetime'); }

  async chooseOption(field, label, option) {
    // form-js select: a display div (or a search input when searchable) opening a dropdown list
    const search = field.locator('input.fjs-input:not(.fjs-select-hidden-input)');
    if (await search.count()) {
      await search.first().click();
      if (!(option instanceof RegExp)) await search.first().fill(option);
    } else if (!(await field.locator('.fjs-dropdownlist').isVisible())) {
      // (focus alone may already have opened the list; a click would close it again)
      await field.locator('.fjs-select-display').click();
    }
    const items = field.locator('.fjs-dropdownlist-item');
    await items.first().waitFor({ state: 'visible', timeout: TIMEOUT }).catch(() => {});
    const item = items.filter({ hasText: exactLabel(option) });
    if ((await item.count()) === 0) {
      const shown = await items.allInnerTexts();
      throw new StepError(`下拉框「${label}」中没有选项「${option}」（可选：${shown.join('、') || '无'}）`);
    }
    await item.first().click();
    await field.locator('.fjs-dropdownlist').waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => {});
    const shown = await this.value(label);
    if (option instanceof RegExp ? !option.test(shown) : shown !== option) {
      throw new StepError(`下拉框「${label}」显示「${shown}」，应为「${option}」`);
    }
  }

  async fillDate(field, label, isoDay) {
    const m = isoDay.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    if (!m) throw new StepError(`日期「${label}」的值应为 YYYY-MM-DD：${isoDay}`);
    const input = field.locator('input.flatpickr-input, .fjs-datetime-subsection input').first();
    // the format the field asks for in its placeholder, as a user would read it
    const placeholder = ((await input.getAttribute('placeholder')) || 'mm/dd/yyyy').toLowerCase();
    const typed = placeholder.replace('yyyy', m[1]).replace('mm', m[2]).replace('dd', m[3]);
    await input.click();
    await input.fill(typed);
    await input.press('Enter');
    const shown = await input.inputValue();
    const numbers = (v) => (v.match(/\d+/g) || []).map(Number).join('-');
    if (numbers(shown) !== numbers(typed)) throw new StepError(`日期「${label}」显示「${shown}」，应为「${typed}」`);
  }

  /** What the field labelled `label` shows (text of a select, option label of a radio, checked state...). */
  async value(label) {
    const { field, type } = await this.fieldType(label);
    switch (type) {
      case 'select': {
        const display = field.locator('.fjs-select-display');
        if (await display.count()) {
          const placeholder = (await display.getAttribute('class') || '').includes('fjs-select-placeholder');
          return placeholder ? '' : (await display.innerText()).trim();
        }
        return field.locator('input.fjs-input').first().inputValue();
      }
      case 'radio': {
        const checked = field.locator('label.fjs-form-field-label:has(input:checked)');
        return (await checked.count()) ? (await checked.first().innerText()).trim() : '';
      }
      case 'checkbox':
        return field.locator('input[type=checkbox]').isChecked();
      case 'textarea':
        return field.locator('textarea').inputValue();
      default:
        return field.locator('input').first().inputValue();
    }
  }

  /** Asserts the field shows `expected` (string or RegExp). */
  /**
   * The value the form shows for `label`: an input field's value, or — where the form shows the case
   * as text ("**案号**：…") rather than as a read-only field — the text after "label：" in the form's
   * text views, up to the next full-width gap or line end.
   */
  async shownValue(label) {
    const inputs = await this.labels();
    if (inputs.includes(label)) return this.value(label);
    const lines = (await this.root.locator('.fjs-form').first().innerText()).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const at = lines[i].indexOf(label + '：');
      if (at < 0) continue;
      const rest = lines[i].slice(at + label.length + 1).split(/\u3000+/)[0].trim();
      if (rest) return rest;
      const next = lines.slice(i + 1).find((l) => l.trim());
      return next ? next.trim() : '';
    }
    return null;
  }

  async expectValue(label, expected) {
    const deadline = Date.now() + 5000;
    let actual;
    do {
      actual = await this.shownValue(label);
      // a text view may add context after the value ("张晓明（自然人）")
      const shown = String(actual);
      if (expected instanceof RegExp ? expected.test(shown)
        : shown === String(expected) || (actual !== null && shown.startsWith(String(expected) + '（'))) {
        return actual;
      }
      await this.page.waitForTimeout(100); // polling a form value the page is still importing
    } while (Date.now() < deadline);
    throw new StepError(`字段「${label}」显示「${actual}」，应为「${expected}」`);
  }

  /** Asserts these labels are visible on the form (Chinese labels, the fields the user needs). */
  async expectLabels(labels) {
    for (const label of labels) await this.fieldType(label);
  }

  /** Asserts a text (e.g. a heading or a hint of a text component) is visible in the form. */
  async expectText(text) {
    await this.root.locator('.fjs-form').getByText(text, { exact: false }).first()
      .waitFor({ state: 'visible', timeout: TIMEOUT })
      .catch(() => { throw new StepError(`表单中看不到「${text}」`); });
  }

  /** Waits for a validation message form-js shows under a field (in Chinese: zhifa-webapps.js). */
  async expectError(text) {
    await this.root.locator('.fjs-form-field-error').getByText(text, { exact: false }).first()
      .waitFor({ state: 'visible', timeout: TIMEOUT })
      .catch(async () => { throw new StepError(`表单中没有校验提示「${text}」（现有：${(await this.errors()).join('；') || '无'}）`); });
  }

  /** Validation messages form-js shows under the fields. */
  async errors() {
    return (await this.root.locator('.fjs-form-field-error').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  }

  /** Task form: clicks Complete, waits for the server's answer; throws with the notification on refusal. */
  async complete() {
    if (this.kind !== 'task') throw new StepError('complete() is for a task form; a start form uses start()');
    const button = this.user.page.locator('.form-actions button[ng-click="complete()"]');
    return this.submitThrough(button, /\/task\/[^/]+\/submit-form$/, 'complete');
  }

  /**
   * Task form with bad input: clicks Complete and expects the server to refuse it with a message matching
   * `pattern` (string or RegExp) shown to the user; the task stays open. Returns the message shown.
   */
  async completeRefused(pattern) {
    if (this.kind !== 'task') throw new StepError('completeRefused() is for a task form');
    const button = this.user.page.locator('.form-actions button[ng-click="complete()"]');
    const answer = this.page.waitForResponse((r) => r.request().method() === 'POST'
      && /\/task\/[^/]+\/submit-form$/.test(r.url().split('?')[0]), { timeout: TIMEOUT });
    // as in submitThrough: a toast over the buttons (e.g. 「以下任务也已分配给您」) is closed first, as a user does —
    // the click otherwise waited until it faded (about 14 s)
    await this.user.closeNotifications();
    await button.click();
    const response = await answer;
    if (response.status() < 300) throw new StepError(`服务器接受了应被拒绝的提交（应提示「${pattern}」）`);
    if (response.status() >= 500) throw new StepError(`服务器错误 HTTP ${response.status()}（应为4xx并提示「${pattern}」）：${await response.text()}`);
    const shown = await this.user.expectNotification(pattern);
    this.user.t.note(`${this.user.id}: 提交被拒绝（HTTP ${response.status()}）：${shown}`);
    await this.page.locator('[cam-tasklist-task] .form-pane .fjs-form').waitFor({ state: 'visible' });
    return shown;
  }

  /** Start form: clicks Start, waits for the server's answer; returns the started process instance. */
  async start() {
    if (this.kind !== 'start') throw new StepError('start() is for a start form; a task form uses complete()');
    const button = this.user.page.locator('.modal-footer button[ng-click="startProcessInstance()"]');
    return this.submitThrough(button, /\/process-definition\/[^/]+\/submit-form$/, 'start');
  }

  async submitThrough(button, urlPattern, what) {
    const page = this.page;
    await this.verifyFilled();
    await this.user.t.shot(this.user, `${this.user.t.currentStep}-填写`);
    const before = await this.errors();
    if (before.length) throw new StepError(`表单有校验错误：${before.join('；')}`);
    await button.waitFor({ state: 'visible' });
    if (!(await button.isEnabled())) {
      const errors = await this.errors();
      throw new StepError(`按钮不可用（表单未通过校验）${errors.length ? '：' + errors.join('；') : ''}`);
    }
    const responsePromise = page.waitForResponse((r) => r.request().method() === 'POST' && urlPattern.test(r.url().split('?')[0]),
      { timeout: TIMEOUT }).catch(() => null);
    // Tasklist's toasts (e.g. 「以下任务也已分配给您」) sit over the form's buttons until they fade: the user closes them
    await this.user.closeNotifications();
    const clickedAt = Date.now();
    await button.click();
    const response = await responsePromise;
    const took = (Date.now() - clickedAt) / 1000;
    this.user.t.note(`${this.user.id}: 提交「${what}」，服务器 ${took.toFixed(1)} s 后答复`);
    if (took > 3) console.log(`   … ${this.user.id} 提交「${what}」等待服务器 ${took.toFixed(1)} s`);
    if (!response) {
      const errors = await this.errors();
      throw new StepError(`提交未发出${errors.length ? '（表单校验：' + errors.join('；') + '）' : ''}`);
    }
    if (response.status() >= 300) {
      let body = '';
      try { body = await response.text(); } catch (e) { /* ignore */ }
      let message = body;
      try { message = JSON.parse(body).message || body; } catch (e) { /* not JSON */ }
      // what the user reads: the notification Tasklist shows
      const shown = await this.user.notifications({ wait: true });
      throw new StepError(`服务器拒绝（HTTP ${response.status()}）：${message}`
        + (shown.length ? `\n      页面提示：${shown.join(' | ')}` : ''));
    }
    let result = null;
    if (response.status() === 200) {
      try { result = await response.json(); } catch (e) { /* 204 or empty */ }
    }
    if (this.kind === 'start') {
      await page.locator('.modal-content').waitFor({ state: 'detached', timeout: TIMEOUT });
      // the user is told the number the system gave (e.g. the case number, issue 12 §4), reads it, closes it
      if (result && result.businessKey) {
        await this.user.expectNotification(result.businessKey);
        await this.user.closeNotifications();
      }
    }
    return result;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A user: one browser context (own cookies), logged in through the webapp's login page

class User {
  constructor(t, id, context, page) {
    this.t = t;
    this.id = id;
    this.context = context;
    this.page = page;
    this.app = null;
    this.currentTask = null; // { name, caseNo, card }
    this.signInPopups = [];
    this.pending = new Map();
  }

  /** The requests the page still waits for (at most three, by path), for a warning. */
  stillLoading() {
    const paths = [...this.pending.values()].map((u) => u.replace(/^https?:\/\/[^/]+/, '').slice(0, 80));
    return paths.length ? `；仍在等待：${paths.slice(0, 3).join('，')}${paths.length > 3 ? ` 等 ${paths.length} 个请求` : ''}` : '';
  }

  /** Logs in through the login page of Tasklist (or 'cockpit', 'admin', 'welcome'). */
  async login(app = 'tasklist') {
    const page = this.page;
    const form = page.locator('form[name="signinForm"]');
    const account = page.locator('.account.dropdown');
    await this.openApp(`${BASE}/camunda/app/${app}/default/#/login`, form.or(account));
    if (!(await form.isVisible()) && (await account.isVisible())) {
      // already signed in (one session for the webapps): the login page sends the user on
      return this.arrived(app);
    }
    // the login page may still be settling (translations, focus): type, check what each field shows, retype if
    // the text landed elsewhere — as a user who sees "reviewer1demo" in the name field does
    const username = form.locator('input[ng-model="username"]');
    const password = form.locator('input[ng-model="password"]');
    let response = null;
    for (let submit = 1; !response; submit++) {
      for (let attempt = 1; ; attempt++) {
        await username.fill(this.id);
        await password.fill(PASSWORD);
        if ((await username.inputValue()) === this.id && (await password.inputValue()) === PASSWORD) break;
        if (attempt === 3) throw new StepError(`${this.id} 的登录表单没有接受输入`);
        await this.page.waitForTimeout(500);
      }
      // a login hashes the password and opens the session: on a busy machine it may take longer than a page step
      const answer = page.waitForResponse((r) => r.url().includes('/api/admin/auth/user/default/login/')
        && r.request().method() === 'POST', { timeout: 3 * TIMEOUT });
      await form.locator('button[type="submit"]').click();
      // a page still settling may clear the fields under the click: the browser then refuses the empty required
      // field and sends nothing ("Please fill out this field") — as a user would, fill the form again and resubmit
      response = await Promise.race([answer, page.waitForTimeout(5000).then(() => null)]);
      if (!response) {
        const cleared = (await form.isVisible()) && (await username.inputValue()) === '';
        if (cleared && submit < 3) {
          answer.catch(() => {}); // nothing was sent: this wait ends unanswered
          console.log(`   … ${this.id} 的登录表单在提交时被清空，重新填写并提交`);
          continue;
        }
        response = await answer;
      }
    }
    if (response.status() !== 200) {
      throw new StepError(`${this.id} 登录失败（HTTP ${response.status()}）：${(await this.notifications()).join(' | ')}`);
    }
    return this.arrived(app);
  }

  async arrived(app) {
    await this.page.locator('.account.dropdown').waitFor({ state: 'visible' });
    this.app = app;
    if (app === 'tasklist') await this.waitForFilters();
    this.t.note(`${this.id}: 已进入 ${app}`);
    return this;
  }

  /**
   * Opens a webapp URL and waits for `ready`. On a slow server the webapp's module loader (requirejs) may
   * give up on a plugin script ("Load timeout for modules"), or the page may stay blank past the step's time
   * without any error in the console: the user reloads the page — so does this, once, and says so.
   */
  async openApp(url, ready) {
    await this.loadTwice(async () => {
      this.bootErrors = [];
      await this.page.goto(url);
      await ready.first().waitFor({ state: 'visible' });
    }, () => `页面未能加载（${this.bootErrors[0] || `${TIMEOUT / 1000} 秒内页面没有显示`}）`);
  }

  /**
   * Reloads the page and waits for `ready` — a function whose waits start before the reload (e.g. for a response
   * the page asks for). A page that does not come within a step's time is reloaded once more, as a user would, and
   * this says so.
   */
  async reload(ready) {
    await this.loadTwice(async () => {
      const arrived = ready();
      arrived.catch(() => {}); // awaited below; a failed reload must not leave it unhandled
      await this.page.reload();
      await arrived;
    }, () => `页面重新加载后 ${TIMEOUT / 1000} 秒内没有显示`);
  }

  /**
   * Runs `load` (a navigation and what it waits for); when it fails, warns with `why()` and the requests the page
   * still waits for, and runs it once more — a second failure fails the step, naming those requests.
   */
  async loadTwice(load, why) {
    try {
      return await load();
    } catch (e) {
      this.t.warn(`${this.id}: ${why()}${this.stillLoading()}；${await this.bootState()}，重新加载`);
    }
    try {
      return await load();
    } catch (e) {
      e.message += `${this.stillLoading()}；${await this.bootState()}`;
      throw e;
    }
  }

  /**
   * What a page that does not come is doing, for the warning (CI saw Camunda's boot spinner stay twice for 30 s with
   * no request pending and no script error): the document's state, whether Angular has started, and the modules the
   * webapp's loader (requirejs) has asked for and not yet defined. At most 5 s: a page whose script hangs answers
   * nothing, which is then said.
   */
  async bootState() {
    const state = this.page.evaluate(() => {
      const loader = window.requirejs && window.requirejs.s && window.requirejs.s.contexts
        && window.requirejs.s.contexts._;
      const waiting = loader ? Object.keys(loader.registry || {}) : [];
      return `页面状态 ${document.readyState}，Angular ${window.angular ? '已' : '未'}加载，`
        + `等待中的模块 ${waiting.length ? waiting.slice(0, 5).join('、') + (waiting.length > 5 ? ` 等 ${waiting.length} 个` : '') : '无'}`;
    }).catch((e) => `页面状态无法读取（${e.message.split('\n')[0]}）`);
    return Promise.race([state, new Promise((resolve) => setTimeout(() => resolve('页面 5 秒内没有回应状态查询'), 5000))]);
  }

  async waitForFilters() {
    await this.page.locator('.task-filter').first().waitFor({ state: 'visible' });
  }

  /** Opens the Tasklist (logging in again if the session ended) on its filter list. */
  async tasklist() {
    this.t.active = this;
    if (this.app !== 'tasklist' || !this.page.url().includes('/app/tasklist/')) {
      await this.openApp(`${BASE}/camunda/app/tasklist/default/`, this.page.locator('.task-filter'));
      this.app = 'tasklist';
    }
    return this;
  }

  filterItem(name) {
    return this.page.locator('.task-filter').filter({ has: this.page.locator('h4.name a', { hasText: exactLabel(name) }) })
      .or(this.page.locator('.task-filter').filter({
        has: this.page.locator('h4.name a').filter({ hasText: new RegExp('^\\s*' + escapeRegex(name) + '\\s*\\d*\\s*$') }),
      })).first();
  }

  /** Clicks the filter named `name` and waits for its task list to be loaded. Returns the task count shown. */
  async openFilter(name) {
    await this.tasklist();
    const item = this.filterItem(name);
    try {
      await item.waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      const names = await this.page.locator('.task-filter h4.name a').allInnerTexts();
      throw new StepError(`${this.id} 的任务列表中没有过滤器「${name}」（有：${names.map((s) => s.trim()).join('、')}）`);
    }
    const listed = this.page.waitForResponse((r) => /\/filter\/[^/]+\/list/.test(r.url()) && r.request().method() === 'POST',
      { timeout: TIMEOUT }).catch(() => null);
    await item.click();
    await listed;
    await this.page.locator('.task-filter.active').filter({ has: this.page.locator('h4.name a', { hasText: name }) })
      .waitFor({ state: 'visible' });
    await this.listLoaded();
    this.filter = name;
    return this;
  }

  async listLoaded() {
    const page = this.page;
    // [cam-tasks] shows a loader until loaded, then either a well (no task) or the list
    await page.locator('[cam-tasks] .loader').waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => {});
    await page.locator('[cam-tasks] ol.tasks-list, [cam-tasks] .well').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  /** The task card named `name` (and showing `caseNo` when given) in the open filter's list. */
  taskCard(name, caseNo) {
    let card = this.page.locator('ol.tasks-list li.task')
      .filter({ has: this.page.locator('h4.task a', { hasText: exactLabel(name) }) });
    if (caseNo) card = card.filter({ hasText: caseNo });
    return card.first();
  }

  /**
   * Finds the task in the open filter (or `opts.filter`): refreshes the filter as a user would while the
   * task is not there yet (processes continuing asynchronously), pages through the list, and opens it.
   * Returns its form.
   */
  async openTask(name, opts = {}) {
    const { caseNo, filter } = opts;
    const timeout = opts.timeout || TIMEOUT;
    if (filter) await this.openFilter(filter);
    if (!this.filter) throw new StepError('openTask: open a filter first (openFilter)');
    const deadline = Date.now() + timeout;
    let card;
    for (;;) {
      card = await this.findCardOnPages(name, caseNo);
      if (card) break;
      if (Date.now() > deadline) {
        const shown = await this.listedTasks();
        throw new StepError(`过滤器「${this.filter}」中没有任务「${name}」${caseNo ? `（案号 ${caseNo}）` : ''}`
          + `；列表中：${shown.join('、') || '无任务'}`);
      }
      // the task may come from an asynchronous continuation: click the filter again, as a user refreshes
      await this.openFilter(this.filter);
    }
    this.t.note(`${this.id}: 在「${this.filter}」中找到任务「${name}」${caseNo ? ' ' + caseNo : ''}`);
    // The list can re-render while it loads (the filter's refresh), swallowing the click, or the form's load can be
    // lost with it: a user clicks the task again when it does not open — so does this, twice at most.
    const heading = this.page.locator('[cam-tasklist-task] section.task-card h2.task', { hasText: name });
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= 3;
      const wait = last ? TIMEOUT : 15000;
      const formLoaded = this.waitForTaskForm(wait);
      formLoaded.catch(() => {}); // awaited below: a form that does not come must fail the step, not end the run
      await card.locator('h4.task a').click();
      try {
        await heading.waitFor({ state: 'visible', timeout: wait });
        const form = await formLoaded;
        this.currentTask = { name, caseNo };
        return form;
      } catch (e) {
        if (last) throw e;
        this.t.note(`${this.id}: 任务「${name}」未打开或表单未显示，再点一次`);
        card = (await this.findCardOnPages(name, caseNo)) || card;
      }
    }
  }

  async findCardOnPages(name, caseNo) {
    const page = this.page;
    // first page, then the following ones (uib-pagination)
    for (let i = 0; i < 20; i++) {
      const card = this.taskCard(name, caseNo);
      if (await card.count()) return card;
      const next = page.locator('[cam-tasks] ~ ul.pagination li.pagination-next:not(.disabled) a, ul.pagination-sm li.pagination-next:not(.disabled) a').first();
      if (!(await next.count())) return null;
      const listed = page.waitForResponse((r) => /\/filter\/[^/]+\/list/.test(r.url()), { timeout: TIMEOUT }).catch(() => null);
      await next.click();
      await listed;
      await this.listLoaded();
    }
    return null;
  }

  /** "name (案号)" of the tasks listed in the open filter, for messages. */
  async listedTasks() {
    return this.page.locator('ol.tasks-list li.task').evaluateAll((cards) => cards.map((c) => {
      const n = c.querySelector('h4.task a');
      const text = c.innerText || '';
      const m = text.match(/[^\s]*罚[^\s]*〔\d{4}〕\d+号/);
      return (n ? n.textContent.trim() : '?') + (m ? ` (${m[0]})` : '');
    }));
  }

  async waitForTaskForm(timeout = TIMEOUT) {
    const page = this.page;
    const root = page.locator('[cam-tasklist-task] .form-pane');
    await root.locator('.fjs-form').waitFor({ state: 'visible', timeout });
    return new Form(this, root, 'task');
  }

  /** Claims the open task (Claim in the task header); waits until the user is its assignee. */
  async claim() {
    const page = this.page;
    const claim = page.locator('[cam-tasklist-task-meta] button.claim');
    const mine = page.locator('[cam-tasklist-task-meta] li.assignee button.unclaim');
    await claim.or(mine).first().waitFor({ state: 'visible' });
    if (!(await claim.isVisible()) && (await mine.isVisible())) {
      // the task is already the user's (assigned to the case handler): nothing to claim
      return this.waitForTaskForm();
    }
    const answer = page.waitForResponse((r) => /\/task\/[^/]+\/claim$/.test(r.url().split('?')[0]));
    await claim.click();
    const response = await answer;
    if (response.status() >= 300) {
      throw new StepError(`领取失败（HTTP ${response.status()}）：${(await this.notifications({ wait: true })).join(' | ')}`);
    }
    await page.locator('[cam-tasklist-task-meta] li.assignee button.unclaim').waitFor({ state: 'visible' });
    return this.waitForTaskForm();
  }

  /** Due date shown in the open task's header (tooltip of its relative date), as YYYY-MM-DD; null if none. */
  async shownDueDate() {
    const tip = this.page.locator('[cam-tasklist-task-meta] .due-date span[uib-tooltip]:not(.glyphicon)').first();
    if (!(await tip.count())) return null;
    return parseShownDate(await tip.getAttribute('uib-tooltip'));
  }

  /** Due date shown on the task's card in the list ("Due …" and its tooltip), as YYYY-MM-DD; null if none. */
  async cardDueDate(name, caseNo) {
    const tip = this.taskCard(name, caseNo).locator('.dates .due-date span[uib-tooltip]').first();
    if (!(await tip.count())) return null;
    return parseShownDate(await tip.getAttribute('uib-tooltip'));
  }

  /**
   * Asserts the task (open in the detail view, listed in the open filter) shows the due date `isoDay`,
   * both on its card and in its header.
   */
  async expectDue(isoDay) {
    const { name, caseNo } = this.currentTask || {};
    if (!name) throw new StepError('expectDue: open a task first');
    const onCard = await this.cardDueDate(name, caseNo);
    const inHeader = await this.shownDueDate();
    this.t.note(`${this.id}: 「${name}」到期日 列表 ${onCard}，任务 ${inHeader}，应为 ${isoDay}`);
    if (onCard !== isoDay) throw new StepError(`任务「${name}」在列表中显示的到期日为 ${onCard}，应为 ${isoDay}`);
    if (inHeader !== isoDay) throw new StepError(`任务「${name}」显示的到期日为 ${inHeader}，应为 ${isoDay}`);
  }

  /** Opens Start process, picks the process by its name, waits for its start form. */
  async startProcess(processName) {
    await this.tasklist();
    const page = this.page;
    await page.locator('a[ng-click="open()"]:has(.glyphicon-list-alt)').click();
    const modal = page.locator('.modal-content');
    await modal.waitFor({ state: 'visible' });
    const link = modal.locator('ul.processes a').filter({ hasText: exactLabel(processName) });
    // the list shows 15 processes a page: a user looks for the one he wants by its name, as here
    const search = modal.locator('input[ng-model="page.searchValue"]');
    if (await search.count()) {
      await search.first().fill(processName);
    }
    try {
      await link.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      const names = await modal.locator('ul.processes a').allInnerTexts();
      throw new StepError(`${this.id} 的「发起流程」中没有「${processName}」（有：${names.map((s) => s.trim()).join('、')}）`);
    }
    // the list can re-render while the definitions load, swallowing the click: click again if no form appears
    const form = modal.locator('.fjs-form');
    for (let attempt = 1; ; attempt++) {
      await link.first().click();
      try {
        await form.waitFor({ state: 'visible', timeout: attempt < 3 ? 10000 : TIMEOUT });
        break;
      } catch (e) {
        if (attempt >= 3 || !(await link.first().isVisible())) throw e;
      }
    }
    return new Form(this, modal, 'start');
  }

  // ----- Cockpit (log in with t.login(id, 'cockpit')). Names of the webapps' own texts are matched in
  // English and in Chinese (the webapps are being translated); process names are ours.

  /**
   * Cockpit: Processes → the process (by name) → the running instance whose business key (案号) is
   * `businessKey` → its page (diagram loaded).
   */
  async cockpitInstance(processName, businessKey) {
    this.t.active = this;
    const page = this.page;
    if (this.app !== 'cockpit') throw new StepError(`${this.id} 未登录 Cockpit（t.login('${this.id}', 'cockpit')）`);
    await page.locator('[cam-widget-header] a').filter({ hasText: /^\s*(Processes|流程)\s*$/ }).first().click();
    const definition = page.locator('a').filter({ hasText: exactLabel(processName) });
    try {
      await definition.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      throw new StepError(`Cockpit 的流程列表中没有「${processName}」`);
    }
    await definition.first().click();
    const row = page.locator('table.process-instances tbody tr')
      .filter({ has: page.locator('td.business-key', { hasText: exactLabel(businessKey) }) });
    try {
      await row.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      const keys = await page.locator('table.process-instances td.business-key').allInnerTexts();
      throw new StepError(`Cockpit 中「${processName}」没有业务键为 ${businessKey} 的运行实例（有：${keys.join('、') || '无'}）`);
    }
    await row.first().locator('td.instance-id a[href]').first().click();
    await page.locator('.djs-container').first().waitFor({ state: 'visible' });
    await page.locator('text=' + businessKey).first().waitFor({ state: 'visible' });
  }

  /** Cockpit instance page: opens the tab (English or Chinese name) and returns its table rows as
   * objects { column header: cell text }. */
  async cockpitTab(names) {
    const page = this.page;
    const re = new RegExp('^\\s*(' + [].concat(names).map(escapeRegex).join('|') + ')\\s*$');
    await page.locator('.nav-tabs a').filter({ hasText: re }).first().click();
    const content = page.locator('.ctn-tabbed-content').last();
    await content.locator('.loader-state.loaded').first().waitFor({ state: 'visible' });
    const table = content.locator('table').first();
    if (!(await table.count())) return [];
    return table.evaluate((t) => {
      const heads = [...t.querySelectorAll('thead th')].map((th) => th.innerText.trim());
      return [...t.querySelectorAll('tbody tr')].map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.innerText.trim());
        return Object.fromEntries(heads.map((h, i) => [h, cells[i]]));
      });
    });
  }

  /** Texts of the notifications Tasklist/Cockpit shows (success and errors). */
  async notifications({ wait = false } = {}) {
    const alerts = this.page.locator('.notifications .alert, [notifications-panel] .alert');
    if (wait) await alerts.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    return (await alerts.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').replace(/^×\s*/, '').trim()).filter(Boolean);
  }

  /** Waits until a notification containing `text` (string or RegExp) is shown; returns its text. */
  async expectNotification(text) {
    const alerts = this.page.locator('.notifications .alert, [notifications-panel] .alert').filter({ hasText: text });
    try {
      await alerts.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      throw new StepError(`看不到提示「${text}」（页面提示：${(await this.notifications()).join(' | ') || '无'}）`);
    }
    return (await alerts.first().innerText()).trim();
  }

  /** Closes the notifications shown, as a user does after reading them (they cover the form's buttons). */
  async closeNotifications() {
    const close = this.page.locator('.notifications .alert button.close, [notifications-panel] .alert button.close')
      .filter({ visible: true });
    for (let i = 0; i < 10 && (await close.count()); i++) await close.first().click({ timeout: 5000 }).catch(() => {});
  }

  /** Asserts a text is visible on the page (string: substring, RegExp). */
  async expectText(text, where) {
    const scope = where ? this.page.locator(where) : this.page;
    try {
      await scope.getByText(text).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    } catch (e) {
      throw new StepError(`${this.id} 的页面上看不到「${text}」`);
    }
  }

  /** After a completion: waits until the task has left the list of the open filter. */
  async expectTaskGone(name, caseNo) {
    const card = this.taskCard(name, caseNo);
    await card.waitFor({ state: 'detached', timeout: TIMEOUT }).catch(async () => {
      throw new StepError(`任务「${name}」完成后仍在「${this.filter}」列表中`);
    });
  }

  async shot(name) {
    return this.t.shot(this, name);
  }
}

// ---------------------------------------------------------------------------------------------------------
// A visitor of the public portal (/public/, anonymous)

class Visitor {
  constructor(t, context, page) {
    this.t = t;
    this.id = 'visitor';
    this.context = context;
    this.page = page;
  }

  async open(pathname = '/public/') {
    this.t.active = this;
    const response = await this.page.goto(BASE + pathname);
    if (!response || response.status() >= 400) {
      throw new StepError(`公示平台 ${pathname} 打开失败（HTTP ${response ? response.status() : '无响应'}）`);
    }
    return this;
  }

  /** Types `q` into the portal's search form (关键词) and submits it; returns the result titles. */
  async search(q) {
    const form = this.page.locator('form.search');
    await form.getByLabel('关键词').fill(q);
    await Promise.all([this.page.waitForURL(/\/public\/disclosures\?/), form.locator('button[type=submit]').click()]);
    await this.page.locator('[role=status]').waitFor({ state: 'visible' });
    return (await this.page.locator('article.item h2 a').allInnerTexts()).map((s) => s.trim());
  }

  /** Opens the result whose title (decision number) is `title`. */
  async openItem(title) {
    const link = this.page.locator('article.item h2 a', { hasText: title });
    if (!(await link.count())) throw new StepError(`公示平台检索结果中没有「${title}」`);
    await Promise.all([this.page.waitForURL(/\/public\/disclosures\/[^?]+$/), link.first().click()]);
    await this.page.locator('article dl').waitFor({ state: 'visible' });
  }

  /** The value shown for `term` (<dt>) on a detail page. */
  async detail(term) {
    const dd = this.page.locator('article dl dt', { hasText: exactLabel(term) }).locator('xpath=following-sibling::dd[1]');
    if (!(await dd.count())) throw new StepError(`公示详情中没有「${term}」`);
    return (await dd.first().innerText()).trim();
  }

  async text() {
    return this.page.locator('body').innerText();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The path runner: steps, screenshots, PASS/FAIL

class PathRun {
  constructor(name) {
    this.name = name;
    this.shots = process.env.E2E_SHOTS || path.join(__dirname, '..', 'target', 'e2e', name);
    fs.mkdirSync(this.shots, { recursive: true });
    for (const f of fs.readdirSync(this.shots)) if (f.endsWith('.png')) fs.rmSync(path.join(this.shots, f));
    this.users = new Map();
    this.stepNo = 0;
    this.active = null;
    this.notes = [];
    this.warnings = [];
    this.browser = null;
    this.base = BASE;
  }

  /** Something the path survived but a user would have noticed: printed with the result. */
  warn(s) {
    this.warnings.push(s);
    this.note('WARNING ' + s);
  }

  note(s) {
    this.notes.push(s);
    // E2E_VERBOSE prints each note with the seconds since its step began
    if (process.env.E2E_VERBOSE) console.log(`      · ${this.stepStarted ? `+${((Date.now() - this.stepStarted) / 1000).toFixed(1)} s ` : ''}${s}`);
  }

  async launch() {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: !process.env.E2E_HEADED,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync']
        .filter((a) => !(process.env.E2E_HEADED && a === '--headless')),
    });
  }

  /** A user's browser session (created once per user and path), logged in to `app`. */
  async login(id, app = 'tasklist') {
    let user = this.users.get(id);
    if (!user) {
      const context = await this.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1400, height: 1000 },
        // issue 12 §3: /camunda-welcome answers the webapps' XHR with 401 + "WWW-Authenticate: Basic", which
        // pops the browser's sign-in dialog; a user dismisses it — these credentials of no user do the same
        httpCredentials: { username: 'e2e-dismissed-sign-in-dialog', password: 'x' },
      });
      await context.addInitScript(FORM_JS_TIMERS);
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      user = new User(this, id, context, page);
      page.on('response', (r) => {
        const header = r.headers()['www-authenticate'];
        if (r.status() === 401 && header && /basic/i.test(header)) user.signInPopups.push(r.url());
      });
      // what the page still waits for, named when a page does not come (openApp, reload)
      page.on('request', (r) => user.pending.set(r, r.url()));
      page.on('requestfinished', (r) => user.pending.delete(r));
      page.on('requestfailed', (r) => user.pending.delete(r));
      page.on('pageerror', (e) => {
        this.note(`${id}: page error ${e.message}`);
        if (/Load timeout for modules|Script error for/.test(e.message)) (user.bootErrors ||= []).push(e.message.split('\n')[0]);
      });
      this.users.set(id, user);
    }
    this.active = user;
    await user.login(app);
    return user;
  }

  /** An anonymous visitor of the public portal (own browser context). */
  async visitor() {
    if (!this.users.has('visitor')) {
      const context = await this.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      this.users.set('visitor', new Visitor(this, context, page));
    }
    const v = this.users.get('visitor');
    this.active = v;
    return v;
  }

  async shot(user, name) {
    const label = String(name).startsWith(user.id) ? slug(name) : `${slug(user.id)}-${slug(name)}`;
    const file = path.join(this.shots, `${String(this.stepNo).padStart(2, '0')}-${label}.png`);
    await user.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    return file;
  }

  /** One step of the path: runs fn, keeps a screenshot of the active user's page, logs its time. */
  async step(title, fn) {
    this.stepNo += 1;
    this.currentStep = title;
    const t0 = Date.now();
    this.stepStarted = t0;
    try {
      await fn();
    } catch (e) {
      e.step = e.step || `${this.stepNo}. ${title}`;
      throw e;
    }
    if (this.active) await this.shot(this.active, title);
    console.log(`   ✓ ${String(this.stepNo).padStart(2)}. ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }

  /** REST, only to double-check state after a step (never to act for a user). */
  async api(pathAndQuery, user = 'admin') {
    const auth = Buffer.from(`${user}:${PASSWORD}`).toString('base64');
    const res = await fetch(BASE + pathAndQuery, { headers: { Authorization: 'Basic ' + auth, Accept: 'application/json' } });
    const text = await res.text();
    if (res.status >= 300) throw new StepError(`REST ${pathAndQuery}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }

  /** The variables of a process instance (REST double-check), as { name: value }. */
  async variables(processInstanceId) {
    const vars = await this.api(`/engine-rest/process-instance/${processInstanceId}/variables?deserializeValues=false`);
    return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.value]));
  }

  /** Historic variables of a process instance (works after it ended). */
  async historicVariables(processInstanceId) {
    const list = await this.api(`/engine-rest/history/variable-instance?processInstanceId=${processInstanceId}&deserializeValues=false`);
    return Object.fromEntries(list.map((v) => [v.name, v.value]));
  }

  /**
   * The statutory due day (YYYY-MM-DD, Asia/Shanghai) `add` working days or calendar days after `from`,
   * as the deployed calendar counts it (GET /api/calendar/workdays | calendar-days).
   */
  async dueDay(from, add, unit = 'WORKING_DAYS') {
    const kind = unit === 'WORKING_DAYS' ? 'workdays' : 'calendar-days';
    const answer = await this.api(`/api/calendar/${kind}?from=${from}&add=${add}`);
    return answer.due;
  }

  /** Fails the step with a message (assertion helper). */
  check(condition, message) {
    if (!condition) throw new StepError(message);
  }

  equal(actual, expected, what) {
    if (actual !== expected) throw new StepError(`${what}：实际「${actual}」，应为「${expected}」`);
  }

  async close() {
    for (const user of this.users.values()) await user.context.close().catch(() => {});
    if (this.browser) await this.browser.close().catch(() => {});
  }
}

/**
 * Runs a path: `fn(t)` with a PathRun `t`. Prints PASS or FAIL with the failing step, the error and the
 * final screenshot of every user's page, and exits non-zero on failure.
 */
function runPath(file, fn) {
  const name = path.basename(file, '.js');
  const t = new PathRun(name);
  const t0 = Date.now();
  (async () => {
    await t.launch();
    await fn(t);
  })().then(async () => {
    const popups = [...t.users.values()].flatMap((u) => (u.signInPopups || []).map((url) => `${u.id}: ${url}`));
    if (popups.length) {
      console.log(`   ! 浏览器登录弹窗（issue 12 §3）：${[...new Set(popups)].slice(0, 3).join('; ')}`);
    }
    for (const w of [...new Set(t.warnings)]) console.log(`   ! ${w}`);
    await t.close();
    console.log(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s, ${t.stepNo} steps)`);
    process.exit(0);
  }, async (e) => {
    const shots = [];
    for (const user of t.users.values()) {
      const file = path.join(t.shots, `FAIL-${slug(user.id)}.png`);
      await user.page.screenshot({ path: file, fullPage: true }).then(() => shots.push(file)).catch(() => {});
    }
    const step = e.step || `${t.stepNo}. ${t.currentStep || '(before the first step)'}`;
    console.log(`FAIL ${name} at step ${step}`);
    console.log('   ' + String(e instanceof StepError ? e.message : (e.stack || e)).split('\n').slice(0, 12).join('\n   '));
    if (t.notes.length) console.log('   last actions:\n      · ' + t.notes.slice(-6).join('\n      · '));
    for (const s of shots) console.log(`   screenshot: ${path.relative(process.cwd(), s)}`);
    await t.close();
    process.exit(1);
  });
}

module.exports = { runPath, today, isoDate, parseShownDate, StepError, BASE };
