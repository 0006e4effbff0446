#!/usr/bin/env node
// Driver of bench/case-load.sh (node built-ins only): carries whole cases through the engine's REST API as the users
// of the ordinary case do in Tasklist, against Zhifa or the bare Camunda baseline (bench/bare), and summarises.
//
//   node bench/case-load.js run <zhifa|bare> <base-url> <cases> <clients>   → one JSON line {cases, seconds, casesPerSecond, calls}
//   node bench/case-load.js trace <base-url> <processInstanceId...>         → the user and service tasks the instances passed
//   node bench/case-load.js report <results.tsv>                            → the markdown table
//
// Both applications get exactly the same calls per case: the start form submitted (1 call), then for each of the
// ordinary case's user tasks, as the user who does it: find the task of this case (GET /task), claim it, submit its
// form with the fields the form asks for (3 calls). The bare application has no security; the same Basic header is
// sent to it and ignored.
'use strict';
const http = require('http');
const fs = require('fs');

const PASSWORD = process.env.BENCH_PASSWORD || 'demo';
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Today in Asia/Shanghai (the product's calendar day), e.g. 2026-12-02. */
const TODAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** The start form of 行政处罚案件办理 (forms/enforcement-case-register.form) as e2e/steps.js registerCase fills it. */
const START = {
  caseSource: 'PATROL', partyType: 'PERSON', partyName: '张晓明', partyIdNumber: '530302199001011232',
  partyContact: '13800000000', partyAddress: '曲靖市麒麟区寥廓街道南宁西路18号', partyIsOfficial: false,
  violationCode: 'CM-OCCUPY-ROAD', facts: '当事人在人民路18号门前占用城市道路摆摊经营水果，经劝导拒不撤离',
  violationPlace: '曲靖市麒麟区寥廓街道南宁西路', discoveredOn: TODAY, violationDate: TODAY, limitationHarm: false,
  summaryProcedure: false,
};

/**
 * The user tasks of the ordinary case (e2e/paths/01-ordinary-case.js; the payment is recorded before the disclosure,
 * which the path does in the other order: they are open side by side): who does it and the fields of its form
 * (forms/enforcement-case-*.form, forms/disclosure-*.form) as that path fills them.
 */
const STEPS = [
  ['head1', 'userTask_approveFiling', { filingDecision: 'FILE', handlerId: 'officer1' }],
  ['officer1', 'userTask_investigate', {
    // a checklist: the JSON text of the chosen options, as Tasklist sends it
    investigatingOfficers: '["officer1","officer2"]',
    evidenceSummary: '现场笔录：当日现场检查笔录1份（签名确认）\n当事人的陈述：询问笔录1份（签名确认）\n视听资料：现场照片4张（原始载体）',
    inquiryHeld: false, inspectionHeld: false, seizureNeeded: false,
    avMissingExplanation: '执法记录仪故障，已书面说明并由当事人签字确认' }],
  ['officer1', 'userTask_concludeInvestigation', {
    investigationReport: '经调查，当事人占道经营事实清楚，证据确实充分', violationConfirmed: true, circumstance: 'ORDINARY',
    firstOffence: false, correctedPromptly: false, harmCaused: false, suspectedCrime: false }],
  ['officer1', 'userTask_proposePenalty', { fineAmount: 500, penaltyKinds: '罚款' }],
  ['officer1', 'userTask_servePriorNotice', { priorNoticeMethod: 'DIRECT' }],
  ['officer1', 'userTask_recordPartyReply', { partyReply: 'WAIVED', partyStatement: '当事人对违法事实无异议，书面表示放弃听证' }],
  ['head1', 'userTask_decide', {
    decisionKind: 'PENALTY', decisionContent: '责令立即改正，罚款人民币伍佰元',
    legalBasis: '《城市道路管理条例》第二十七条第（七）项、第四十二条', statementReview: '当事人对违法事实无异议，无需复核的新事实、理由' }],
  ['officer1', 'userTask_serve', { serviceMethod: 'DIRECT', servedOn: TODAY, avMissingExplanation: '直接送达，当事人签收送达回证' }],
  ['officer1', 'userTask_recordExecution', { executionResult: 'PAID', executionNote: '当事人已于送达当日通过电子支付缴纳罚款伍佰元' }],
  // the disclosure runs in its own instance (same business key), started by a job after the service (asyncBefore)
  ['officer1', 'userTask_prepareDisclosure', { publicConclusion: '责令立即改正，罚款人民币伍佰元' }],
  ['office1', 'userTask_reviewDisclosure', { disclosureReviewOutcome: 'APPROVE' }],
  ['reviewer1', 'userTask_justiceReviewDisclosure', { disclosureReviewOutcome: 'APPROVE' }],
];

const PROCESS = { zhifa: 'enforcement-case', bare: 'bare-case' };

function request(base, user, method, path, body) {
  const url = new URL(base + path);
  const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const headers = { Accept: 'application/json' };
  if (user) headers.Authorization = 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
  if (data) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = data.length; }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 300) {
            reject(new Error(`${method} ${path} as ${user}: HTTP ${res.statusCode} ${text.slice(0, 500)}`));
            return;
          }
          resolve(text ? JSON.parse(text) : null);
        });
      });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

function variables(fields) {
  const out = {};
  for (const [k, v] of Object.entries(fields)) out[k] = { value: v };
  return out;
}

/** One whole case; returns the number of REST calls it made. */
async function runCase(app, base, n) {
  let calls = 0;
  const call = (...a) => { calls++; return request(base, ...a); };
  const body = { variables: variables(START) };
  // the bare application has no case numbering: the driver names the case (Zhifa numbers it in registerCase)
  if (app === 'bare') body.businessKey = `BARE-${process.pid}-${n}-${Date.now()}`;
  const started = await call('officer1', 'POST', `/engine-rest/process-definition/key/${PROCESS[app]}/submit-form`, body);
  const caseNo = started.businessKey;
  if (!caseNo) throw new Error(`no business key after the start: ${JSON.stringify(started)}`);
  for (const [user, key, fields] of STEPS) {
    const q = `?processInstanceBusinessKey=${encodeURIComponent(caseNo)}&taskDefinitionKey=${key}`;
    let tasks = await call(user, 'GET', `/engine-rest/task${q}`);
    // a task behind a job (the disclosure) may not be there yet: look again, as a user refreshing Tasklist would
    for (let waited = 0; tasks.length === 0 && waited < 60000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      tasks = await call(user, 'GET', `/engine-rest/task${q}`);
    }
    if (tasks.length !== 1) throw new Error(`${caseNo}: ${tasks.length} open tasks ${key} for ${user}`);
    const id = tasks[0].id;
    await call(user, 'POST', `/engine-rest/task/${id}/claim`, { userId: user });
    await call(user, 'POST', `/engine-rest/task/${id}/submit-form`, { variables: variables(fields) });
  }
  return { calls, pid: started.id, caseNo };
}

async function run(app, base, cases, clients) {
  if (!PROCESS[app]) throw new Error(`unknown application ${app}`);
  let next = 0;
  let calls = 0;
  const pids = [];
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < cases) {
      const n = next++;
      const r = await runCase(app, base, n);
      calls += r.calls;
      pids.push(r.pid);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ app, cases, clients, seconds: +seconds.toFixed(3),
    casesPerSecond: +(cases / seconds).toFixed(3), callsPerCase: calls / cases, lastPid: pids[pids.length - 1] }));
}

/** The user and service tasks the process instances (and the instances they started, same business key) passed. */
async function trace(base, pids) {
  for (const pid of pids) {
    const pi = await request(base, 'admin', 'GET', `/engine-rest/history/process-instance/${pid}`);
    const instances = await request(base, 'admin', 'GET',
      `/engine-rest/history/process-instance?processInstanceBusinessKey=${encodeURIComponent(pi.businessKey)}`);
    const counts = {};
    for (const i of instances) {
      const acts = await request(base, 'admin', 'GET',
        `/engine-rest/history/activity-instance?processInstanceId=${i.id}&sortBy=startTime&sortOrder=asc`);
      for (const a of acts) {
        counts[a.activityType] = (counts[a.activityType] || 0) + 1;
        if (['userTask', 'serviceTask', 'businessRuleTask', 'callActivity'].includes(a.activityType)) {
          console.log(`${i.processDefinitionKey}\t${a.activityType}\t${a.activityId}\t${a.activityName}`);
        }
      }
    }
    console.log(JSON.stringify(counts));
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** results.tsv: round, app, measure, value per line → markdown table, ratio = median of the per-round Zhifa/bare pairs. */
function report(file) {
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
  const measures = [];
  const values = {};
  for (const [round, app, measure, value] of rows) {
    if (!measures.includes(measure)) measures.push(measure);
    ((values[measure] ||= {})[round] ||= {})[app] = Number(value);
  }
  const label = {
    startup: 'start-up to first REST 200 (s)',
    'cases-1': 'whole cases/s, 1 client',
    'cases-4': 'whole cases/s, 4 clients',
    'jvm-cpu-1': 'JVM CPU per case, 1 client (ms)',
    'jvm-cpu-4': 'JVM CPU per case, 4 clients (ms)',
    'db-cpu-1': 'PostgreSQL CPU per case, 1 client (ms)',
    'db-cpu-4': 'PostgreSQL CPU per case, 4 clients (ms)',
    rss: 'JVM resident memory after the load (MB)',
  };
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const lines = ['| measure | bare | Zhifa | ratio |', '|---|---|---|---|'];
  for (const m of measures.filter((x) => x !== 'calls')) {
    const rounds = Object.values(values[m]).filter((r) => r.bare !== undefined && r.zhifa !== undefined);
    if (!rounds.length) continue;
    const bare = median(rounds.map((r) => r.bare));
    const zhifa = median(rounds.map((r) => r.zhifa));
    const ratio = median(rounds.map((r) => r.zhifa / r.bare));
    lines.push(`| ${label[m] || m} | ${fmt(bare)} | ${fmt(zhifa)} | ${ratio.toFixed(2)}× |`);
  }
  console.log(lines.join('\n'));
  if (values.calls) {
    const all = Object.values(values.calls);
    const mean = (app) => all.reduce((sum, r) => sum + r[app], 0) / all.length;
    console.log(`\nREST calls per case: bare ${mean('bare').toFixed(1)}, Zhifa ${mean('zhifa').toFixed(1)} (37 each, plus the`
      + ' look-ups repeated while the disclosure\'s job has not yet run).');
  }
  console.log(`\n${Object.keys(values[measures[0]] || {}).length} round(s); ratio = Zhifa / bare, median of the per-round pairs.`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'run') await run(args[0], args[1], Number(args[2]), Number(args[3]));
  else if (cmd === 'trace') await trace(args[0], args.slice(1));
  else if (cmd === 'report') report(args[0]);
  else throw new Error('usage: case-load.js run|trace|report …');
}

if (require.main === module) {
  main().then(() => agent.destroy(), (e) => { console.error(e.message || e); agent.destroy(); process.exit(1); });
}

// bench/query-load.js carries its template cases with the same start form, steps and calls
module.exports = { START, STEPS, PROCESS, TODAY, agent, request, variables };
