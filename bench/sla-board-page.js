// Benchmark (not a test) of the SLA board's Cockpit page in a real browser (issue 17: "the plugin's page usable in
// < 1.5 s"): logs in to Cockpit as each user, then RUNS times opens #/sla afresh (a full load, the Cockpit
// application included) and from Cockpit's dashboard through the header's 期限监督, each measured until the board
// shows its counts and its first rows. Prints p50 and p95 per user.
//
//   node bench/sla-board-page.js http://127.0.0.1:18089 head1 supervisor1      (run by bench/sla-board-load.sh)
'use strict';
const path = require('path');
const { chromium } = require(path.join(__dirname, '..', 'e2e', 'node_modules', 'playwright-core'));

const [base, ...users] = process.argv.slice(2);
const RUNS = Number(process.env.PAGE_RUNS || 20);

/** The board shows its counts and its first rows. */
async function shown(page) {
  await page.locator('.zf-sla-count').first().waitFor({ state: 'visible', timeout: 30000 });
  await page.locator('.zf-sla-table tbody tr.zf-sla-row').first().waitFor({ state: 'visible', timeout: 30000 });
}

function report(label, times) {
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
  console.log(`${label.padEnd(48)} p50 ${String(at(0.5)).padStart(6)} ms   p95 ${String(at(0.95)).padStart(6)} ms`);
}

async function measure(browser, user) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${base}/camunda/app/cockpit/default/#/login`);
  const form = page.locator('form[name="signinForm"]');
  await form.waitFor({ state: 'visible' });
  await form.locator('input[ng-model="username"]').fill(user);
  await form.locator('input[ng-model="password"]').fill('demo');
  await form.locator('button[type="submit"]').click();
  await page.locator('.account.dropdown').waitFor({ state: 'visible', timeout: 30000 });
  const full = [];
  const click = [];
  for (let i = 0; i < RUNS + 2; i++) {
    // a full load of the page (the Cockpit application included)
    await page.goto('about:blank');
    let start = Date.now();
    await page.goto(`${base}/camunda/app/cockpit/default/#/sla`);
    await shown(page);
    const fullMs = Date.now() - start;
    // from Cockpit's dashboard, the header's 期限监督
    await page.goto(`${base}/camunda/app/cockpit/default/#/dashboard`);
    const link = page.locator('[cam-widget-header] a').filter({ hasText: /^\s*期限监督\s*$/ }).first();
    await link.waitFor({ state: 'visible', timeout: 30000 });
    start = Date.now();
    await link.click();
    await shown(page);
    if (i >= 2) { // the first two warm the browser's cache, as a user's second visit would
      full.push(fullMs);
      click.push(Date.now() - start);
    }
  }
  await context.close();
  report(`board page, full load, ${user}`, full);
  report(`board page from Cockpit's header, ${user}`, click);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    for (const user of users) {
      await measure(browser, user);
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e.message); process.exit(1); });
