// Path 25 — the service windows' boards (服务窗口公示, R-DISC-8, docs/disclosure.md#service-windows): an anonymous visitor
// opens the portal, follows 服务窗口 in the navigation to the street office's board and reads it as it hangs at the
// window — address, hours, telephones, duties, the staff with their posts and certificates, where to follow a matter's
// progress and where to complain — then downloads the blank 行政处罚事先告知书 (a Word file) and follows 投诉举报办理进度查询.
'use strict';
const fs = require('fs');
const { runPath } = require('../lib');

runPath(__filename, async (t) => {
  const visitor = await t.visitor();

  await t.step('公众在公示平台点击「服务窗口」，打开寥廓街道综合行政执法队的服务窗口公示', async () => {
    await visitor.open('/public/');
    await Promise.all([visitor.page.waitForURL(/\/public\/windows$/),
      visitor.page.getByRole('link', { name: '服务窗口', exact: true }).click()]);
    await Promise.all([visitor.page.waitForURL(/\/public\/windows\/LIAOKUO$/),
      visitor.page.getByRole('link', { name: '寥廓街道综合行政执法队', exact: true }).click()]);
    const text = await visitor.text();
    for (const shown of ['寥廓街道综合行政执法队便民服务窗口', '办公时间', '咨询电话', '0874-3120001', '投诉举报电话',
      '窗口职责', '窗口工作人员', '李明', '咨询受理岗', '53030020240001', '刘洋', '法律咨询岗', '文书示范文本',
      '办理进度查询', '咨询与投诉举报渠道']) {
      t.check(text.includes(shown), `服务窗口公示应显示「${shown}」`);
    }
    t.check(!text.includes('孙磊'), '不显示其他执法主体的人员');
  });

  await t.step('下载「行政处罚事先告知书」示范文本（Word 空白文本）', async () => {
    const link = visitor.page.getByRole('link', { name: '行政处罚事先告知书（Word）' });
    const [download] = await Promise.all([visitor.page.waitForEvent('download'), link.click()]);
    t.equal(download.suggestedFilename(), '示范文本-行政处罚事先告知书.docx', '下载的文件名');
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    t.check(bytes.length > 1000 && bytes.subarray(0, 2).toString('latin1') === 'PK', `下载的是 Word 文件（${bytes.length} 字节）`);
  });

  await t.step('从服务窗口公示进入「投诉举报办理进度查询」', async () => {
    await Promise.all([visitor.page.waitForURL(/\/public\/complaints\/query$/),
      visitor.page.getByRole('link', { name: '投诉举报办理进度查询', exact: true }).click()]);
    const text = await visitor.text();
    t.check(text.includes('查询码'), '进度查询页面应要求输入查询码');
  });
});
