// Path 7d — discipline transfer (移送纪检监察, R-COORD-3): the party of a penalty is a Party member or public
// official; the clues and the decision go to the discipline inspection organ within 10 working days after
// the case is closed, signed by the unit head and sealed.
// A. triggered by the case: officer1 registers a summary-procedure case against a public official, decides on
//    the spot → head1 files it → officer1 records the payment → the case is closed → head1 finds
//    单位负责人签发并移送 in 本机构待办 (due 10 working days after the closing), signs and seals it.
// B. started by hand: office1 reports a case closed on paper days ago (start form 违纪线索移送) whose
//    10 working days end by tomorrow → head1 sees it in 即将超期 and signs it.
'use strict';
const { runPath, today } = require('../lib');
const {
  citizenId, fillDate, rest, transferOf, calendarDays, workdays, shift, expectDue, expectRefused, claim, registerCase,
} = require('../transfer-steps');

const ORGAN = '中共曲靖市麒麟区纪律检查委员会、曲靖市麒麟区监察委员会';

/** head1: 单位负责人签发并移送 in `filter`, due `due`; refused unsigned when `tryUnsigned`. Returns the record. */
async function sign(t, head, filter, caseNo, party, due, clues, tryUnsigned, transferId) {
  const onTime = due >= today();
  await head.openFilter(filter);
  await head.openTask('单位负责人签发并移送', { caseNo });
  await expectDue(t, head, '单位负责人签发并移送', caseNo, due);
  const form = await claim(head, '案号', caseNo);
  await form.expectText('单位负责人签发并移送');
  await form.expectValue('当事人', party);
  await form.textfield('接收的纪检监察机关', ORGAN);
  await form.textarea('违纪违法问题线索', clues);
  if (tryUnsigned) await expectRefused(t, form, '签字并加盖公章');
  await form.checkbox('已签字并加盖公章', true);
  await form.complete();
  await head.expectTaskGone('单位负责人签发并移送', caseNo);
  const record = transferId ? await rest('GET', `/api/transfers/${transferId}`, undefined, 'head1')
    : await transferOf(caseNo, 'DISCIPLINE', 'head1');
  t.equal(record.outcome, onTime ? 'SENT' : 'SENT_LATE', '纪检监察移送结果');
  t.equal(record.handedOverOnTime, onTime, '是否在10个工作日内移送');
  t.equal(record.counterpart, ORGAN, '接收的纪检监察机关');
  return record;
}

runPath(__filename, async (t) => {
  const c = {
    party: '李卫东',
    partyId: citizenId('1976-04-12', 57),
    official: true,
    violation: 'CM-DUMP-WASTE',
    facts: '在寥廓街道北关路将装修垃圾倾倒于公共绿地，经现场询问当事人系区属事业单位工作人员',
    summaryFine: 200,
  };
  let caseNo;
  let pid;

  const officer = await t.login('officer1');
  await t.step('A. officer1 登记简易程序案件，当事人为公职人员', async () => {
    ({ caseNo, pid } = await registerCase(t, officer, c));
    const vars = await t.variables(pid);
    t.equal(vars.partyIsOfficial, true, '当事人为党员或公职人员');
  });

  await t.step('A. officer1 当场作出处罚决定（罚款200元）', async () => {
    await officer.openFilter('本机构待办');
    await officer.openTask('当场作出处罚决定', { caseNo });
    const form = await claim(officer, '案号', caseNo);
    await form.select('决定', '给予行政处罚');
    await form.textarea('处罚决定内容', '罚款人民币贰佰元，责令立即清除倾倒的装修垃圾');
    await form.textarea('法律依据', '《城市市容和环境卫生管理条例》第三十四条第（四）项');
    await form.number('罚款数额（元）', 200);
    await form.complete();
    await officer.expectTaskGone('当场作出处罚决定', caseNo);
  });

  const head = await t.login('head1');
  await t.step('A. head1 在「本机构待办」将当场处罚决定备案', async () => {
    await head.openFilter('本机构待办');
    await head.openTask('报所属机关备案', { caseNo });
    const form = await claim(head, '案号', caseNo);
    await form.textarea('备案意见', '同意备案');
    await form.complete();
    await head.expectTaskGone('报所属机关备案', caseNo);
  });

  let closedDay;
  await t.step('A. officer1 记录执行情况（15日内缴纳）：已缴纳，案件结案', async () => {
    await officer.openFilter('本机构待办');
    await officer.openTask('记录执行情况', { caseNo });
    await expectDue(t, officer, '记录执行情况', caseNo, await calendarDays(today(), 15));
    const form = await claim(officer, '案号', caseNo);
    await form.select('执行结果', '已缴纳');
    await form.textarea('执行情况', '当事人当场通过电子支付缴纳罚款200元');
    closedDay = today();
    await form.complete();
    await officer.expectTaskGone('记录执行情况', caseNo);
    const vars = await t.historicVariables(pid);
    t.check(vars.closedAt, '案件没有结案日期');
  });

  await t.step('A. head1 在「本机构待办」签发纪检监察移送函（结案后10个工作日内；未盖章被拒绝）', async () => {
    const record = await sign(t, head, '本机构待办', caseNo, c.party, await workdays(closedDay, 10),
      '当事人李卫东系区属事业单位工作人员，因向公共绿地倾倒装修垃圾被处以罚款200元，随附行政处罚决定书', true);
    const letter = (await t.historicVariables(record.id)).disciplineTransferLetterNo;
    t.check(/^寥街纪移〔\d{4}〕\d+号$/.test(letter || ''), `纪检监察移送函文号不对：${letter}`);
  });

  // ---------------------------------------------------------------------------------------------------
  // B. a case closed on paper, reported by the office: its 10 working days end within two days

  const paperCase = '寥街罚〔2025〕102号'; // a case of the paper files, closed recently
  let closedOn;
  let dueB;
  let transferB;
  await t.step('B. office1 发起「违纪线索移送」：纸质案件已于数日前结案', async () => {
    // the latest closing day whose 10 working days end by tomorrow: the task is in 即将超期 (due before now + 2 days)
    for (let back = 10; back <= 25 && !closedOn; back++) {
      const day = shift(today(), -back);
      const due = await workdays(day, 10);
      if (due <= today(1)) {
        closedOn = day;
        dueB = due;
      }
    }
    t.check(closedOn, '找不到10个工作日后于明日前到期的结案日期');
    const office = await t.login('office1');
    const form = await office.startProcess('违纪线索移送纪检监察机关');
    await form.expectText('违纪线索移送');
    await form.textfield('案号', paperCase);
    await form.textfield('当事人', '王建华');
    await form.checkbox('当事人为党员或公职人员', true);
    await fillDate(form, '结案日期', closedOn);
    await form.textfield('行政处罚决定书文号', '寥街罚决〔2025〕96号');
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    transferB = instance.id;
  });

  await t.step('B. head1 在「即将超期」看到并签发', async () => {
    await sign(t, head, '即将超期', paperCase, '王建华', dueB,
      '当事人王建华系中共党员、区属国有企业职工，因违法建设被处以罚款', false, transferB);
  });
});
