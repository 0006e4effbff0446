// Path 1b — the ordinary case when the party requests a hearing: a property company dumped domestic waste (固废法
// art. 111: 5万–50万 for an organisation); the proposed 10万 fine is 较大数额 (行政处罚法 art. 63, dmn/hearing-eligibility.dmn),
// so the prior notice tells of the right to a hearing; after the prior notice the officer records
// the request (记录当事人意见 → 要求听证), notifies the hearing at least 7 working days ahead (行政处罚法 arts. 64, 85) (an earlier date is
// refused with the reason) with its time, not in public for a stated reason (art. 64(3)) — the 听证通知书 is generated —
// and holds it: the form shows the notice and records the 听证笔录 (who attended, the investigators' case, the party's
// defence, the party's refusal to sign noted by the chair, art. 64(7)(8)); a decision after a hearing is major (catalogue row
// 经过听证), so reviewer1 reviews it (法制审核), head1 discusses it collectively and decides.
// Service, disclosure, execution and closing are the same as in path 1.
'use strict';
const { runPath, today } = require('../lib');
const steps = require('../steps');
const { reviewOf } = require('../review-steps');

runPath(__filename, async (t) => {
  const officer = await t.login('officer1');
  const head = await t.login('head1');

  const c = await steps.registerCase(t, officer, {
    party: '曲靖市恒安物业服务有限公司', partyType: '法人或其他组织', partyId: '91350100M000100Y43',
    violation: '乱倒垃圾（城市管理）', facts: '当事人在北关路58号小区外绿化带随意倾倒生活垃圾约3吨，经责令改正后仍未清运',
  });
  await steps.approveFiling(t, head, c, 'officer1');
  await steps.investigate(t, officer, c, 'officer1,officer2');
  await steps.concludeInvestigation(t, officer, c, { circumstance: '一般' });
  await steps.proposePenalty(t, officer, c, { fine: 100000, min: 100000, max: 250000 });
  await t.step('拟罚款10万元属于较大数额罚款：享有听证权利，事先告知书告知听证', async () => {
    const vars = await t.variables(c.pid);
    t.equal(vars.hearingEligible, true, '享有听证权利');
    t.check(/较大数额罚款/.test(vars.hearingGround || ''), `听证事由：${vars.hearingGround}`);
  });
  await steps.servePriorNotice(t, officer, c, '电子送达（经当事人同意）');
  await steps.recordPartyReply(t, officer, c, '要求听证', '当事人认为罚款过重，收到告知书后书面要求听证');

  await t.step('officer1 通知听证：早于七个工作日的日期被拒绝并说明理由，改为七个工作日后；写明开始时间，不公开举行并写明理由，生成听证通知书', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('通知听证', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.expectValue('案号', c.caseNo);
    await form.date('听证日期', today(3));
    await form.textfield('听证开始时间（如 9:30）', '9:30');
    await form.textfield('听证地点', '寥廓街道综合行政执法队第一会议室');
    // art. 64(3): not in public only for a secret or privacy, and the reason is written
    await form.radio('听证方式', '不公开举行（涉及国家秘密、商业秘密或者个人隐私）');
    await form.textarea('不公开举行的理由', '涉及当事人物业服务合同中的商业秘密');
    // 行政处罚法 art. 64(4): the chair did not investigate — the investigators are not offered
    await form.select('听证主持人（非本案调查人员）', '刘洋（寥廓街道司法所）');
    await form.completeRefused(/七日前/);
    c.hearingDate = await t.dueDay(today(), 7, 'WORKING_DAYS');
    await form.date('听证日期', c.hearingDate);
    await form.complete();
    await officer.expectTaskGone('通知听证', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(vars.hearingNoticeDocId, '行政处罚听证通知书未生成');
    t.equal(vars.hearingPublic, 'CLOSED', '听证方式');
  });

  await t.step('officer1 举行听证：表单显示听证通知书，记录出席情况、调查人员意见、当事人申辩质证和笔录要点，'
    + '当事人拒绝签字由主持人注明', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('举行听证', { caseNo: c.caseNo });
    await form.expectText('行政处罚听证通知书（Word）');
    form = await officer.claim();
    await form.textfield('记录人', '赵敏');
    await form.radio('出席情况', '当事人或者其代理人出席听证');
    await form.textfield('委托代理人（一至二人，用、分隔；没有的不填）', '张律师（云南某律师事务所）');
    await form.textarea('调查人员提出的违法事实、证据和行政处罚建议', '调查人员出示现场照片和询问笔录，认为当事人倾倒生活垃圾，建议罚款10万元');
    await form.textarea('当事人的申辩和质证意见', '当事人对照片无异议，称已清运大部分垃圾，认为罚款过重');
    await form.textarea('听证笔录要点', '当事人对违法事实无异议，陈述已清运大部分垃圾，请求从轻处罚；执法人员出示证据，当事人质证');
    await form.radio('笔录核对', '当事人或者其代理人拒绝签字（盖章），由主持人在笔录中注明');
    await form.textarea('拒绝签字（盖章）的情况（主持人注明）', '当事人代理人对笔录第二页表述有异议，拒绝签字，主持人已在笔录中注明');
    await form.textarea('未能全程音像记录的书面说明', '听证室录像设备检修，已制作书面听证笔录并由当事人签字');
    await form.complete();
    await officer.expectTaskGone('举行听证', c.caseNo);
    const vars = await t.variables(c.pid);
    t.equal(vars.hearingHeld, true, '已举行听证');
    t.check(vars.hearingRecordDocId, '听证笔录未生成');
    t.equal(vars.recordSignature, 'REFUSED', '笔录核对');
  });

  const reviewer = await t.login('reviewer1');
  await t.step('reviewer1 在「法制审核」中审查送审材料（经过听证的决定为重大执法决定），予以接收', async () => {
    await reviewer.openFilter('法制审核');
    let form = await reviewer.openTask('审查送审材料', { caseNo: c.caseNo });
    await form.expectValue('案号', c.caseNo);
    await form.expectValue('重大执法决定理由', /听证/);
    form = await reviewer.claim();
    await form.checkbox('送审材料齐全，予以接收', true);
    await form.complete();
    await reviewer.expectTaskGone('审查送审材料', c.caseNo);
  });

  await t.step('reviewer1 审核拟作决定（5个工作日内），审核要点无问题，结论「同意」，写明具体审核意见；'
    + '未组织公职律师或法律顾问参与被拒绝（寥廓街道实施方案），记录公职律师意见及部分采纳的理由', async () => {
    await reviewer.openFilter('法制审核');
    let form = await reviewer.openTask('审核拟作决定', { caseNo: c.caseNo });
    await reviewer.expectDue(await t.dueDay(today(), 5, 'WORKING_DAYS'));
    form = await reviewer.claim();
    await form.radio('本次办理', '作出审核结论');
    for (const point of ['执法主体合法、未超越职权', '执法人员具备执法资格', '执法程序合法', '案件事实清楚',
      '证据合法、确凿、充分', '适用法律、法规、规章准确', '裁量基准运用适当', '执法文书完备、规范',
      '未发现涉嫌犯罪需移送司法机关的情形']) {
      await form.checkbox(point, true);
    }
    await form.select('审核结论', '同意');
    await form.textarea('书面审核意见', '经审核，听证程序合法，听证笔录记载的事实与调查终结报告一致，证据确凿，'
      + '罚款壹拾万元在裁量基准幅度内。同意作出该决定。');
    // seed 000: the street office's reviews are done with a public lawyer or legal adviser
    await form.expectText('本机构法制审核应当组织公职律师或者法律顾问参与');
    await form.completeRefused('应当组织公职律师或者法律顾问参与');
    await reviewer.closeNotifications();
    await form.select('公职律师、法律顾问参与审核', '公职律师');
    await form.textfield('参与审核的公职律师、法律顾问姓名', '麒麟区司法局公职律师孙敏');
    await form.textarea('公职律师、法律顾问的意见', '听证程序合法；建议在决定书中回应当事人关于已清运垃圾的申辩');
    await form.radio('是否采纳其意见', '部分采纳');
    await form.textarea('未采纳（部分采纳）的理由', '已清运情节已在裁量说明中考虑，不再单独回应');
    await form.complete();
    await reviewer.expectTaskGone('审核拟作决定', c.caseNo);
    const review = await reviewOf(t, c.caseNo);
    t.equal(review.rounds[0].counselKind, 'PUBLIC_LAWYER', '参与审核的人员类别（GET /api/reviews）');
    t.equal(review.rounds[0].counselAdoption, 'PARTLY_ADOPTED', '公职律师意见的采纳情况');
  });

  await t.step('head1 在「本机构待办」中主持集体讨论（显示法制审核结果）', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('集体讨论', { caseNo: c.caseNo });
    await form.expectValue('案号', c.caseNo);
    await form.expectValue('重大执法决定理由', /听证/);
    form = await head.claim();
    await form.textarea('集体讨论记录', '经集体讨论，同意承办人意见，罚款壹拾万元');
    await form.complete();
    await head.expectTaskGone('集体讨论', c.caseNo);
  });

  await t.step('head1 作出处罚决定（经法制审核通过），生成决定书文号，送达任务出现', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('作出处罚决定', { caseNo: c.caseNo });
    await form.expectValue('拟罚款数额', /^100,?000(\.0+)? 元/);
    form = await head.claim();
    await form.select('决定', '给予行政处罚');
    await form.textarea('决定内容', '罚款人民币壹拾万元');
    await form.textarea('法律依据', '《城市道路管理条例》第二十七条第（七）项、第四十二条');
    // 行政处罚法 art. 45: the party's statement is re-examined before deciding
    await form.completeRefused('第四十五条');
    await head.closeNotifications();
    await form.textarea('对当事人陈述、申辩的复核意见（当事人提出陈述、申辩的必填；不得因陈述、申辩加重处罚）',
      '经复核，当事人所称罚款过重的理由不成立，听证中提出的已部分清运情况已在裁量中考虑');
    await form.complete();
    await head.expectTaskGone('作出处罚决定', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(/^寥街罚决〔\d{4}〕\d+号$/.test(vars.decisionNumber || ''), `决定书文号不对：${vars.decisionNumber}`);
    t.equal(vars.legalReviewResult, 'PASSED', '法制审核结果');
    await officer.openFilter('本机构待办');
    await officer.openTask('送达处罚决定书', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(today(), 7, 'WORKING_DAYS'));
  });

  await t.step('officer1 电子送达处罚决定书：当事人的确认书已在告知时登记，确认已到达后登记送达（行政处罚法第六十一条第二款）', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('送达处罚决定书', { caseNo: c.caseNo });
    form = await officer.claim();
    await officer.closeNotifications(); // the earlier refusal of the hearing date, read
    await form.select('送达方式', '电子送达（经当事人同意）');
    await form.expectValue('电子送达地址（当事人确认书载明的电子邮箱、传真号码或系统账号）', 'lijianguo@example.cn');
    await form.date('送达日期', today());
    await form.textarea('未能全程音像记录的书面说明', '电子送达，无现场执法活动');
    await form.fill('已确认决定书到达当事人特定系统（以到达之日为送达日期）', true);
    await form.complete();
    await officer.expectTaskGone('送达处罚决定书', c.caseNo);
    const vars = await t.variables(c.pid);
    t.equal(vars.serviceMethod, 'ELECTRONIC', '送达方式');
    t.equal(vars.electronicReceiptConfirmed, true, '已确认到达');
  });
});
