// Path 26 — recording interference in a case (R-COORD-6): officer1 registers a case; the next morning a deputy
// director of another bureau phones asking for leniency. officer1 starts 登记干预、插手案件情况 from Tasklist
// (发起流程): a case number that is not the agency's is refused naming 案号, then the case's number with who, the
// day and the time, and what was asked. The report is in the case's tamper-proof record: the agency's interference
// list (GET /api/interference) and the supervisor's read of the case's record show it, with the reporter and the
// moment in Beijing time.
'use strict';
const { runPath, today } = require('../lib');
const { citizenId, fillDate, rest, registerCase } = require('../transfer-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const c = {
    party: '周建平',
    partyId: citizenId('1979-04-21', 33),
    violation: 'CM-OCCUPY-ROAD',
    facts: '在寥廓街道北关路人行道上摆摊经营小商品，占用人行道约6平方米',
  };
  const what = '电话称当事人是其亲戚，要求对当事人“从轻处理、不要罚款”';
  let caseNo;

  await t.step('officer1 登记案件', async () => {
    ({ caseNo } = await registerCase(t, officer, c));
  });

  await t.step('officer1 发起「登记干预、插手案件情况」：非本机构案号被拒绝，改正后登记干预人、时间和内容', async () => {
    const form = await officer.startProcess('登记干预、插手案件情况');
    await form.expectText('登记干预、插手案件情况');
    await form.textfield('案号', '寥街罚〔2025〕999号');
    await form.textfield('干预人', '某区某局副局长王某');
    await form.textfield('干预人单位', '某区某局');
    await fillDate(form, '干预发生日期', today());
    await form.textfield('干预发生时间（时:分）', '00:05');
    await form.textarea('干预内容', what);
    let refused = null;
    try {
      await form.start();
    } catch (e) {
      refused = e.message;
    }
    t.check(refused && /本机构没有案号为“寥街罚〔2025〕999号”的案件/.test(refused),
      `非本机构案号应被拒绝并说明，实际：${refused || '发起成功'}`);
    await officer.closeNotifications();
    await form.textfield('案号', caseNo);
    await form.start();
  });

  await t.step('干预记录进入本案的执法全过程记录：本机构干预记录和监督人员调阅均可见', async () => {
    const mine = (await rest('GET', '/api/interference', undefined, 'officer1')).filter((e) => e.caseNo === caseNo);
    t.equal(mine.length, 1, '本案的干预记录条数');
    t.equal(mine[0].actor, 'officer1', '登记人');
    t.equal(mine[0].data.intervener, '某区某局副局长王某', '干预人');
    t.equal(mine[0].data.description, what, '干预内容');
    t.equal(new Date(mine[0].data.occurredAt).getTime(), new Date(`${today()}T00:05:00+08:00`).getTime(),
      `干预发生时间（${today()} 00:05 北京时间）`);
    const other = (await rest('GET', '/api/interference', undefined, 'officer4')).filter((e) => e.caseNo === caseNo);
    t.equal(other.length, 0, '其他机构人员看到的本案干预记录条数');
    const supervised = (await rest('GET', '/api/interference', undefined, 'supervisor1')).filter((e) => e.caseNo === caseNo);
    t.equal(supervised.length, 1, '监督人员看到的本案干预记录条数');
  });
});
