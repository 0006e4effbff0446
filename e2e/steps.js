// Steps of 行政处罚案件办理 shared by the paths (each one a t.step, done in the browser as its user would).
// A path takes the steps it needs and adds its own; every step asserts what its user sees.
//   const steps = require('../steps');
//   const c = await steps.registerCase(t, officer, { party: '张晓明' });   // → { caseNo, pid }
//   await steps.approveFiling(t, head, c);
'use strict';
const { today } = require('./lib');

/** A natural person with a valid 18-digit ID number (check digit verified by the server). */
const PERSON_ID = '530302199001011232';

/**
 * officer registers a case through the start form of 行政处罚案件办理 (ordinary procedure unless
 * opts.summaryFine is given). Returns { caseNo, pid, party, discoveredOn }.
 */
async function registerCase(t, officer, opts = {}) {
  const c = {
    party: opts.party || '张晓明',
    partyType: opts.partyType || '自然人',
    partyId: opts.partyId || PERSON_ID,
    violation: opts.violation || '占道经营（城市管理）',
    facts: opts.facts || '当事人在人民路18号门前占用城市道路摆摊经营水果，经劝导拒不撤离',
    discoveredOn: opts.discoveredOn || today(),
    violationDate: opts.violationDate || opts.discoveredOn || today(),
    agencyCode: opts.agencyCode || 'LIAOKUO',
  };
  await t.step(`${officer.id} 发起「行政处罚案件办理」，登记案件（${c.party}）`, async () => {
    const form = await officer.startProcess('行政处罚案件办理');
    await form.expectText('登记执法案件');
    // form-js speaks Chinese too: an empty choice reads 请选择, an emptied required field 此项为必填项
    await form.expectText('请选择');
    await form.textfield('当事人姓名或名称', '张');
    await form.textfield('当事人姓名或名称', '');
    await form.expectError('此项为必填项');
    await form.select('案件来源', opts.source || '巡查发现');
    await form.radio('当事人类型', c.partyType);
    await form.textfield('当事人姓名或名称', c.party);
    await form.textfield('公民身份号码 / 统一社会信用代码', c.partyId);
    await form.textfield('联系方式', '13800000000');
    await form.textfield('住所（地址）', c.address || '曲靖市麒麟区寥廓街道南宁西路18号');
    await form.select('违法行为', c.violation);
    await form.textarea('违法事实', c.facts);
    await form.textfield('违法行为地点', c.place || '曲靖市麒麟区寥廓街道南宁西路');
    await form.date('发现日期', c.discoveredOn);
    await form.date('违法行为发生日期（有连续或者继续状态的，为行为终了之日）', c.violationDate);
    if (opts.summaryFine !== undefined) {
      await form.checkbox('适用简易程序（当场处罚）', true);
      await form.number('当场罚款数额（元）', opts.summaryFine);
    }
    const instance = await form.start();
    t.check(instance && instance.id, '发起流程后没有得到流程实例');
    c.pid = instance.id;
    c.caseNo = instance.businessKey || (await t.variables(c.pid)).caseId;
    t.check(/^寥街罚〔\d{4}〕\d+号$/.test(c.caseNo || ''), `案号格式不对：${c.caseNo}`);
  });
  return c;
}

/** The violation as the register form lists it (its name in the discretion benchmark), by its code. */
const VIOLATIONS = {"CM-OCCUPY-ROAD": "占道经营（城市管理）", "CM-ILLEGAL-BUILD": "违法建设（城市、镇规划区，罚款按建设工程造价的百分比计）", "CM-ILLEGAL-BUILD-RURAL": "违法建设（乡、村庄规划区，乡镇人民政府）", "CM-DUMP-WASTE": "乱倒垃圾（城市管理）", "MR-UNLICENSED": "无照经营（市场监管，未经设立登记从事经营活动）", "MR-EXPIRED-FOOD": "销售超过保质期的食品（市场监管）", "MR-PRICE-TAG": "不按规定明码标价（市场监管）"};
function violationOption(code) {
  return VIOLATIONS[code] || code;
}

/** The option a user sees for a certified officer: the full name, then the unit in brackets ("李明（执法一中队）"). */
async function officerOption(t, userId) {
  const profile = await t.api(`/engine-rest/user/${userId}/profile`);
  const name = `${profile.firstName || ''}${profile.lastName || ''}`;
  return new RegExp('^\\s*' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(（[^）]*）)?\\s*$');
}

/** head files the case (审批立案 in 本机构待办, due 15 working days after discovery) naming the handler. */
async function approveFiling(t, head, c, handler = 'officer1') {
  await t.step(`${head.id} 在「本机构待办」中审批立案（15个工作日内），同意立案`, async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('审批立案', { caseNo: c.caseNo });
    await head.expectDue(await t.dueDay(c.discoveredOn, 15, 'WORKING_DAYS'));
    await form.expectText('审批立案');
    await form.expectValue('案号', c.caseNo);
    await form.expectValue('当事人', c.party);
    await form.expectText(c.facts);
    form = await head.claim();
    await form.radio('审批意见', '同意立案');
    await form.select('承办人', await officerOption(t, handler));
    await form.complete();
    await head.expectTaskGone('审批立案', c.caseNo);
  });
}

/** The handler records the investigation by two certified officers. */
async function investigate(t, officer, c, officers = ['officer1', 'officer2']) {
  await t.step(`${officer.id} 调查取证（两名执法人员：${officers}）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('调查取证', { caseNo: c.caseNo });
    await form.expectValue('案号', c.caseNo);
    form = await officer.claim();
    const chosen = [];
    for (const id of [].concat(officers).flatMap((o) => String(o).split(','))) chosen.push(await officerOption(t, id.trim()));
    await form.checklist('调查取证执法人员（至少两名）', chosen);
    await form.checkbox('需要采取查封、扣押措施', false);
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪故障，已书面说明并由当事人签字确认');
    // R-COORD-7: a piece of evidence without the party's confirmation is refused, naming the line and what to write
    await form.textarea('取得的证据（每行一项：证据种类：内容）',
      '现场笔录：当日现场检查笔录1份（签名确认）\n书证：营业执照复印件1份');
    await form.completeRefused('第2行「书证：营业执照复印件1份」未在末尾注明当事人证据确认方式');
    await form.textarea('取得的证据（每行一项：证据种类：内容）',
      '现场笔录：当日现场检查笔录1份（签名确认）\n当事人的陈述：询问笔录1份（签名确认）\n视听资料：现场照片4张（原始载体）');
    await form.complete();
    await officer.expectTaskGone('调查取证', c.caseNo);
  });
}

/** The handler concludes the investigation: violation confirmed with its circumstances. */
async function concludeInvestigation(t, officer, c, opts = {}) {
  await t.step(`${officer.id} 制作调查终结报告（违法事实成立，情节${opts.circumstance || '一般'}）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('制作调查终结报告', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.textarea('调查终结报告', opts.report || '经调查，当事人占道经营事实清楚，证据确实充分');
    await form.checkbox('违法事实成立', true);
    await form.select('违法情节', opts.circumstance || '一般');
    await form.checkbox('初次违法', !!opts.firstOffence);
    await form.checkbox('及时改正', !!opts.corrected);
    await form.checkbox('造成危害后果', !!opts.harm);
    await form.checkbox('涉嫌犯罪，应当移送司法机关', false);
    await form.complete();
    await officer.expectTaskGone('制作调查终结报告', c.caseNo);
  });
}

/**
 * The handler proposes the penalty within the benchmark the table gave (shown read-only), e.g.
 * { fine: 3000, min: '2000', max: '8000' }.
 */
async function proposePenalty(t, officer, c, p) {
  await t.step(`${officer.id} 拟定处罚意见（裁量基准 ${p.min}–${p.max} 元，拟罚款 ${p.fine} 元）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('拟定处罚意见', { caseNo: c.caseNo });
    form = await officer.claim();
    if (p.min !== undefined && p.max !== undefined) {
      // the benchmark is shown as text: "基准罚款：2000–8000 元"
      await form.expectValue('基准罚款', new RegExp(`^${p.min}(\\.0+)?–${p.max}(\\.0+)? 元`));
    }
    await form.number('拟罚款数额（元）', p.fine);
    await form.textfield('处罚种类', p.kinds || '罚款');
    if (p.reason) await form.textarea('超出裁量基准的理由', p.reason);
    await form.complete();
    await officer.expectTaskGone('拟定处罚意见', c.caseNo);
  });
}

/** The handler serves the 行政处罚事先告知书. */
async function servePriorNotice(t, officer, c, method = '直接送达') {
  await t.step(`${officer.id} 送达行政处罚事先告知书（${method}）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('送达事先告知书', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.select('送达方式', method);
    if (method.startsWith('电子送达')) {
      // 行政处罚法 art. 61(2): only with the party's signed consent and the address it names
      await form.completeRefused('确认书');
      await officer.closeNotifications();
      await form.fill('当事人已同意电子送达并签订确认书（行政处罚法第六十一条第二款）', true);
      await form.fill('电子送达地址（当事人确认书载明的电子邮箱、传真号码或系统账号）', 'lijianguo@example.cn');
    }
    await form.complete();
    await officer.expectTaskGone('送达事先告知书', c.caseNo);
    c.priorNoticeServedOn = today();
  });
}

/** The handler records the party's answer to the prior notice (due 5 working days after service, 行政处罚法 arts. 64, 85). */
async function recordPartyReply(t, officer, c, reply, statement) {
  await t.step(`${officer.id} 记录当事人意见：${reply}（申请听证期限为告知后5个工作日）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('记录当事人意见', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(c.priorNoticeServedOn, 5, 'WORKING_DAYS'));
    await form.expectValue('案号', c.caseNo);
    await form.expectValue('当事人', c.party);
    form = await officer.claim();
    await form.radio('当事人意见', reply);
    if (statement) await form.textarea('当事人陈述、申辩意见', statement);
    await form.complete();
    await officer.expectTaskGone('记录当事人意见', c.caseNo);
  });
}

/**
 * The head decides the proposed fine in 本机构待办 (a decision that is not major); sets c.decisionNumber and
 * c.decidedOn. p = { fine: 500, content: '…', basis: '…' }.
 */
async function decidePenalty(t, head, c, p) {
  await t.step(`${head.id} 在「本机构待办」中作出处罚决定（拟罚款${p.fine}元，非重大执法决定）`, async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('作出处罚决定', { caseNo: c.caseNo });
    await form.expectValue('案号', c.caseNo);
    await form.expectValue('当事人', c.party);
    await form.expectValue('拟罚款数额', new RegExp(`^${p.fine}(\\.0+)? 元`));
    form = await head.claim();
    await form.select('决定', '给予行政处罚');
    await form.textarea('决定内容', p.content);
    await form.textarea('法律依据', p.basis);
    await form.textarea('对当事人陈述、申辩的复核意见（当事人提出陈述、申辩的必填；不得因陈述、申辩加重处罚）',
      '当事人对违法事实无异议，无需复核的新事实、理由');
    await form.complete();
    await head.expectTaskGone('作出处罚决定', c.caseNo);
    const vars = await t.variables(c.pid);
    t.check(/^寥街罚决〔\d{4}〕\d+号$/.test(vars.decisionNumber || ''), `决定书文号不对：${vars.decisionNumber}`);
    c.decisionNumber = vars.decisionNumber;
    c.decidedOn = today();
  });
}

/** The officer serves the decision directly today, within its 7 working days; sets c.servedOn. */
async function serveDecision(t, officer, c) {
  await t.step(`${officer.id} 送达处罚决定书（7个工作日内送达，显示决定书文号）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('送达处罚决定书', { caseNo: c.caseNo });
    await officer.expectDue(await t.dueDay(c.decidedOn, 7, 'WORKING_DAYS'));
    await form.expectValue('决定书文号', c.decisionNumber);
    form = await officer.claim();
    await form.select('送达方式', '直接送达');
    await form.date('送达日期', today());
    await form.textarea('未能全程音像记录的书面说明', '直接送达，当事人签收送达回证');
    await form.complete();
    await officer.expectTaskGone('送达处罚决定书', c.caseNo);
    c.servedOn = today();
  });
}

/** officer1 records the investigation (调查取证) and ticks that goods need to be seized (paths 13, 13b). */
async function investigateNeedingSeizure(t, officer, c) {
  await t.step('officer1 调查取证，需要采取扣押措施', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('调查取证', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.checklist('调查取证执法人员（至少两名）', [await officerOption(t, 'officer1'), await officerOption(t, 'officer2')]);
    await form.textarea('取得的证据（每行一项：证据种类：内容）', '现场笔录：当日现场检查笔录1份（签名确认）\n视听资料：现场照片4张（原始载体）');
    await form.checkbox('需要采取查封、扣押措施', true);
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪故障，已书面说明并由当事人签字确认');
    await form.complete();
    await officer.expectTaskGone('调查取证', c.caseNo);
  });
}

/**
 * A summary-procedure case (registerCase with opts.summaryFine) carried to its end as its users do: officer decides
 * on the spot, head files it (备案), officer prepares the disclosure, office1 and reviewer1 approve it, officer records
 * the payment — the case is CLOSED (for paths that need a closed case, e.g. a guiding case).
 */
async function closeSummaryCase(t, c, fine = 100) {
  const officer = await t.login('officer1');
  await t.step(`officer1 当场作出处罚决定（${c.caseNo}）`, async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('当场作出处罚决定', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.select('决定', '给予行政处罚');
    await form.select('当场处罚种类', '罚款');
    await form.number('罚款数额（元）', fine);
    await form.textarea('处罚决定内容', `罚款人民币${fine}元`);
    await form.textarea('法律依据', '《城市市容和环境卫生管理条例》第三十四条');
    await form.textarea('未能全程音像记录的书面说明', '执法记录仪电量耗尽，已书面说明并由当事人签字确认');
    await form.complete();
    await officer.expectTaskGone('当场作出处罚决定', c.caseNo);
  });
  const head = await t.login('head1');
  await t.step('head1 报所属机关备案', async () => {
    await head.openFilter('本机构待办');
    let form = await head.openTask('报所属机关备案', { caseNo: c.caseNo });
    form = await head.claim();
    await form.textarea('备案意见', '同意备案');
    await form.complete();
    await head.expectTaskGone('报所属机关备案', c.caseNo);
  });
  await t.login('officer1');
  await t.step('officer1 整理公示信息', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('整理公示信息', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.complete();
    await officer.expectTaskGone('整理公示信息', c.caseNo);
  });
  for (const [user, task] of [['office1', '党政办审核公示信息'], ['reviewer1', '司法所审核公示信息']]) {
    const reviewer = await t.login(user);
    await t.step(`${user} ${task}：同意公开`, async () => {
      await reviewer.openFilter('本机构待办');
      let form = await reviewer.openTask(task, { caseNo: c.caseNo });
      form = await reviewer.claim();
      await form.radio('审核结论', '同意公开');
      await form.complete();
      await reviewer.expectTaskGone(task, c.caseNo);
    });
  }
  await t.login('officer1');
  await t.step('officer1 记录执行情况，案件结案', async () => {
    await officer.openFilter('本机构待办');
    let form = await officer.openTask('记录执行情况', { caseNo: c.caseNo });
    form = await officer.claim();
    await form.select('执行结果', '已缴纳');
    await form.textarea('执行情况', `当事人当场缴纳罚款${fine}元`);
    await form.complete();
    await officer.expectTaskGone('记录执行情况', c.caseNo);
    const record = await t.api(`/api/cases/${encodeURIComponent(c.caseNo)}`, 'officer1');
    t.equal(record.caseRecord.stage, 'CLOSED', '案件阶段');
  });
}

module.exports = {
  officerOption,
  violationOption,
  PERSON_ID, registerCase, approveFiling, investigate, concludeInvestigation, proposePenalty, servePriorNotice,
  recordPartyReply, decidePenalty, serveDecision, investigateNeedingSeizure, closeSummaryCase,
};
