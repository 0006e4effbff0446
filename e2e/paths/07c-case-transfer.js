// Path 7c — case transfer (案件移送, R-COORD-1/5) to an agency on Zhifa:
// A. officer1 registers a case outside LIAOKUO's competence (无照经营) → head1, at 审批立案, transfers it to
//    QLSCJ → head1 signs the transfer letter (3 working days) → head2 (QLSCJ) finds the transferred case in
//    its 本机构待办 and files it → the LIAOKUO case ends as transferred, officer4 investigates at QLSCJ.
// B. a second case is transferred, head2 refuses it (不予立案 with reasons) → head1 negotiates the
//    jurisdiction dispute: LIAOKUO keeps the case → head1 files it and officer1 investigates.
'use strict';
const { officerOption } = require('../steps');
const { runPath, today } = require('../lib');
const {
  citizenId, rest, transferOf, claim, registerCase, signTransfer, fileReceivedCase,
} = require('../transfer-steps');

const QLSCJ = '某区市场监督管理局';

/** head1: 审批立案 → 不属本机关管辖，移送 to QLSCJ. */
async function transferAtFiling(t, head, caseNo, reason) {
  await head.openFilter('本机构待办');
  await head.openTask('审批立案', { caseNo });
  const form = await claim(head, '案号', caseNo);
  await form.radio('审批意见', '不属本机关管辖，移送');
  await form.select('接收机关（使用本平台的机关）', '某区市场监督管理局');
  await form.textarea('移送理由', reason);
  await form.complete();
  await head.expectTaskGone('审批立案', caseNo);
}

runPath(__filename, async (t) => {
  const a = {
    party: '孙志强',
    partyId: citizenId('1979-06-08', 35),
    contact: '13908741234',
    violation: 'MR-UNLICENSED',
    facts: '在寥廓街道南宁西路临街商铺未取得营业执照从事手机维修经营活动',
  };
  const reasonA = '无照经营属市场监督管理部门管辖（《无证无照经营查处办法》第三条），不属本街道赋权事项';
  const b = {
    party: '周丽萍',
    partyId: citizenId('1988-11-21', 46),
    violation: 'CM-OCCUPY-ROAD',
    facts: '在麒麟东路人行道上摆摊销售散装食品，占用人行道约6平方米',
  };
  const reasonB = '举报称其销售过期食品，属市场监督管理部门管辖';
  const refusalB = '经现场核查未发现过期食品，占道经营属城市管理综合执法部门管辖';

  const officer = await t.login('officer1');
  const head = await t.login('head1');
  let caseA;
  let receivedA;
  let caseB;
  let startedA;
  let startedB;

  // ---------------------------------------------------------------------------------------------------
  // A. transferred and filed by the receiving agency

  await t.step('A. officer1 登记无照经营案件', async () => {
    ({ caseNo: caseA } = await registerCase(t, officer, a));
  });

  await t.step('A. head1 审批立案：不属本机关管辖，移送某区市场监督管理局', async () => {
    startedA = today();
    await transferAtFiling(t, head, caseA, reasonA);
  });

  await t.step('A. head1 在「本机构待办」签发案件移送书（3个工作日内；未勾选签发被拒绝）', async () => {
    receivedA = await signTransfer(t, head, caseA, reasonA, startedA, true);
  });

  const head2 = await t.login('head2');
  await t.step('A. head2 在某区市场监督管理局的「本机构待办」看到移送来的案件，立案并指定承办人', async () => {
    await fileReceivedCase(t, head2, receivedA, a);
    const received = await rest('GET', `/api/cases/${encodeURIComponent(receivedA)}`, undefined, 'head2');
    t.equal(received.caseRecord.source, 'TRANSFER', '接收案件的来源');
    t.equal(received.caseRecord.transferredFromCaseNo, caseA, '接收案件的移送来源案号');
  });

  await t.step('A. 移送方记录「已接收」，寥街案件办结为已移送；officer4 在「本机构待办」调查取证', async () => {
    const transfer = await transferOf(caseA, 'CASE', 'head1');
    t.equal(transfer.outcome, 'ACCEPTED', '移送结果');
    t.equal(transfer.receivingCaseNo, receivedA, '接收案号');
    const original = await rest('GET', `/api/cases/${encodeURIComponent(caseA)}`, undefined, 'officer1');
    t.equal(original.caseRecord.stage, 'TRANSFERRED_OUT', '移送方案件阶段');
    const officer4 = await t.login('officer4');
    await officer4.openFilter('本机构待办');
    const form = await officer4.openTask('调查取证', { caseNo: receivedA });
    await form.expectValue('违法事实', a.facts);
  });

  // ---------------------------------------------------------------------------------------------------
  // B. refused by the receiving agency, the dispute is negotiated, LIAOKUO keeps the case

  await t.step('B. officer1 登记第二起案件，head1 审批立案时移送某区市场监督管理局', async () => {
    ({ caseNo: caseB } = await registerCase(t, officer, b));
    startedB = today();
    await transferAtFiling(t, head, caseB, reasonB);
  });

  let receivedB;
  await t.step('B. head1 签发案件移送书', async () => {
    receivedB = await signTransfer(t, head, caseB, reasonB, startedB, false);
  });

  await t.step('B. head2 不予立案并说明理由（拒绝接收）', async () => {
    await head2.openFilter('本机构待办');
    await head2.openTask('审批立案', { caseNo: receivedB });
    const form = await claim(head2, '案号', receivedB);
    await form.radio('审批意见', '不予立案');
    await form.textarea('不予立案理由', refusalB);
    await form.complete();
    await head2.expectTaskGone('审批立案', receivedB);
  });

  await t.step('B. head1 在「本机构待办」协商管辖争议：本机关继续办理', async () => {
    await head.openFilter('本机构待办');
    await head.openTask('协商管辖争议', { caseNo: caseB });
    const form = await claim(head, '案号', caseB);
    await form.expectValue('接收机关', QLSCJ);
    await form.expectValue('拒绝接收的理由', refusalB);
    await form.radio('协商结果', '本机关继续办理');
    await form.textarea('协商情况', '两机关负责人电话协商一致：占道经营由寥廓街道综合行政执法队继续办理');
    await form.complete();
    await head.expectTaskGone('协商管辖争议', caseB);
    const transfer = await transferOf(caseB, 'CASE', 'head1');
    t.equal(transfer.outcome, 'KEPT_AFTER_NEGOTIATION', '移送结果');
  });

  await t.step('B. 案件回到寥街：head1 在「本机构待办」立案，指定承办人 officer1', async () => {
    await head.openFilter('本机构待办');
    await head.openTask('审批立案', { caseNo: caseB });
    const form = await claim(head, '案号', caseB);
    await form.radio('审批意见', '同意立案');
    await form.select('承办人', await officerOption(t, 'officer1'));
    await form.complete();
    await head.expectTaskGone('审批立案', caseB);
  });

  await t.step('B. officer1 在「本机构待办」看到「调查取证」', async () => {
    await officer.openFilter('本机构待办');
    const form = await officer.openTask('调查取证', { caseNo: caseB });
    await form.expectValue('违法事实', b.facts);
    const kept = await rest('GET', `/api/cases/${encodeURIComponent(caseB)}`, undefined, 'officer1');
    t.equal(kept.caseRecord.stage, 'FILED', '案件阶段');
  });
});
