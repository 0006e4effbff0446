// Tasklist smoke test in a real browser (Debian chromium, playwright-core): officer1 registers a case
// through the Camunda Form of 行政处罚案件办理, head1 opens 本机构待办, claims 审批立案 and files the case
// through its form. Usage: node tasklist-smoke.js http://localhost:8080 [screenshot-dir]
const { chromium } = require('playwright-core');
(async () => {
  const base = process.argv[2];
  const shots = process.argv[3] || '.';
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  async function loginAs(user) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30000);
    await page.goto(base + '/camunda/app/tasklist/default/');
    await page.waitForTimeout(3000);
    const xsrf = (await context.cookies()).find(c => c.name === 'XSRF-TOKEN').value;
    const login = await context.request.post(base + '/camunda/api/admin/auth/user/default/login/tasklist',
      { form: { username: user, password: 'demo' }, headers: { 'X-XSRF-TOKEN': xsrf } });
    if (login.status() !== 200) throw new Error('login ' + user + ': ' + login.status());
    await page.goto(base + '/camunda/app/tasklist/default/');
    return page;
  }
  const page = await loginAs('officer1');
  await page.waitForSelector('text=我的待办');
  await page.screenshot({ path: shots + '/1-tasklist.png' });
  await page.getByText('发起流程').first().click();
  await page.waitForSelector('text=行政处罚案件办理');
  await page.screenshot({ path: shots + '/2-processes.png' });
  await page.getByText('行政处罚案件办理').first().click();
  await page.waitForSelector('text=当事人姓名或名称');
  await page.screenshot({ path: shots + '/3-start-form.png' });
  console.log('start form rendered');
  const form = page.locator('.modal-content');
  await form.getByLabel('执法主体代码').fill('LIAOKUO');
  await form.locator('select, .fjs-select').first().click().catch(() => {});
  await form.getByText('Select').first().click().catch(() => {});
  await page.getByText('巡查发现', { exact: true }).first().click();
  await form.getByText('自然人', { exact: true }).click();
  await form.getByLabel('当事人姓名或名称').fill('张三');
  await form.getByLabel('公民身份号码 / 统一社会信用代码').fill('530302199001011232');
  await form.getByLabel('违法行为代码').fill('CM-OCCUPY-ROAD');
  await form.getByLabel('违法事实').fill('在人民路占道经营');
  await form.locator('input.fjs-input[type="text"]').last().fill('11/20/2026').catch(() => {});
  await page.screenshot({ path: shots + '/4-filled.png', fullPage: true });
  await form.getByText('登记执法案件').first().click();
  await page.getByRole('button', { name: '发起', exact: true }).click();
  await page.waitForTimeout(3000);
  console.log('notifications:', (await page.locator('.notifications, .alert, [class*=notification]').allInnerTexts()).join(' | ').slice(0, 400));
  await page.screenshot({ path: shots + '/5-started.png' });

  // the head files the case in Tasklist: the filing task, its form, its due date
  const head = await loginAs('head1');
  await head.waitForSelector('text=本机构待办');
  await head.getByText('本机构待办').first().click();
  await head.waitForTimeout(2000);
  await head.screenshot({ path: shots + '/6a-list.png' });
  await head.locator('ol.tasks-list li.task h4.task a', { hasText: '审批立案' }).first().click();
  await head.waitForSelector('text=审批意见');
  await head.screenshot({ path: shots + '/6-filing-form.png' });
  await head.getByText('认领', { exact: true }).click();
  await head.waitForTimeout(1500);
  await head.getByText('同意立案', { exact: true }).click();
  await head.getByLabel('承办人（用户名）').fill('officer1');
  await head.getByRole('button', { name: '完成', exact: true }).click();
  await head.waitForTimeout(3000);
  
  await head.screenshot({ path: shots + '/7-filed.png' });
  await browser.close();
})().catch(e => { console.error('FAILED', e.message.split('\n')[0]); process.exit(1); });
