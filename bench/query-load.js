#!/usr/bin/env node
// Driver of bench/generate.sh and bench/query-load.sh (issue 15 §1/§4; node built-ins only).
//
//   node bench/query-load.js seed <zhifa|bare> <base-url>            → carries the template cases (the mix below)
//   node bench/query-load.js measure <zhifa|bare> <base-url> <reps>  → one TSV line per measure: app, measure, p50, p95, n, rows
//   node bench/query-load.js report <results.tsv>                    → the markdown table (bare | Zhifa | ratio)
//
// seed: the template cases that bench/generate.sql then multiplies. Each is the ordinary case of
// e2e/paths/01-ordinary-case.js (bench/case-load.js's start form and steps, the same REST calls) carried up to a
// given step, so that together they make a realistic mix of states; Zhifa's also cover the second agency, a major
// case waiting for its legal review and a case transferred from LIAOKUO to QLSCJ. Bare gets the same LIAOKUO cases
// (it has no agencies, reviews or transfers).
//
// measure: each query as a user sends it, one request at a time (concurrency 1), WARMUP (5) unmeasured repetitions
// then <reps> measured ones, the time from sending to the last byte of the answer. Zhifa is asked through
// /engine-rest with HTTP Basic (officer1 / supervisor1, password demo: the login cache keeps the password check out
// of the figures), the same queries as Tasklist's /camunda/api/engine/engine/default/… with a session; bare gets the
// same engine queries with literal criteria equal to what officer1's expressions resolve to, and for Zhifa's own
// /api routes the engine queries bare would need for the same page.
'use strict';
const fs = require('fs');
const { START, STEPS, PROCESS, agent, request, variables } = require('./case-load');

const WARMUP = Number(process.env.WARMUP || 5);

// ---------------------------------------------------------------------------------------------------------------
// seed

/** The second agency (QLSCJ): its users in place of LIAOKUO's, and a violation within its own item list. */
const AGENCIES = {
  LIAOKUO: { officer1: 'officer1', head1: 'head1', office1: 'office1', reviewer1: 'reviewer1', officer2: 'officer2' },
  QLSCJ: { officer1: 'officer4', head1: 'head2', office1: 'office1', reviewer1: 'reviewer2', officer2: 'head2' },
};
const QLSCJ_START = { violationCode: 'MR-UNLICENSED', facts: '在建设路临街商铺未取得营业执照从事手机维修经营活动' };

/**
 * The template mix: [agency, steps done (of the 12 in STEPS; 12 = closed and disclosed), kind]. The cases still
 * running: spread over the stages where cases wait (filing approval, investigation, party reply, head's decision,
 * execution, disclosure), a major case in legal review, a transfer (two cases: LIAOKUO's and the one QLSCJ receives)
 * and QLSCJ's own.
 */
const RUNNING = [
  ...Array(2).fill(['LIAOKUO', 0]), ...Array(6).fill(['LIAOKUO', 1]), ...Array(2).fill(['LIAOKUO', 2]),
  ['LIAOKUO', 3], ['LIAOKUO', 4], ...Array(2).fill(['LIAOKUO', 5]), ...Array(3).fill(['LIAOKUO', 6]),
  ['LIAOKUO', 7], ...Array(3).fill(['LIAOKUO', 8]), ['LIAOKUO', 9], ['LIAOKUO', 10], ['LIAOKUO', 11],
  ['LIAOKUO', 6, 'major'], ['LIAOKUO', 0, 'transfer'],
  ...Array(2).fill(['QLSCJ', 0]), ...Array(2).fill(['QLSCJ', 1]),
];

/**
 * The share of cases still running (RUNNING_SHARE, default 0.2); the rest are closed and disclosed. A year's cases
 * of an agency are mostly closed: 行政处罚法 art. 60 has a penalty decided within 90 days of filing, so even if every
 * case took all of them, fewer than 90 / 365 ≈ 25 % of a year's cases would be running at any time — and issue 15's
 * own measurement was 20,000 running cases, a fifth of its 100,000. Each application gets as many closed templates
 * as make its running ones that share (Zhifa: 31 running cases and 124 closed; bare: its 24 running LIAOKUO cases
 * and 96 closed).
 */
const RUNNING_SHARE = Number(process.env.RUNNING_SHARE || 0.2);

function mixOf(app) {
  const running = app === 'bare' ? RUNNING.filter(([agency, , kind]) => agency === 'LIAOKUO' && !kind) : RUNNING;
  const cases = running.length + running.filter(([, , kind]) => kind === 'transfer').length;
  const closed = Math.round(cases * (1 - RUNNING_SHARE) / RUNNING_SHARE);
  return [...running, ...Array(closed).fill(['LIAOKUO', 12])];
}

async function findTask(base, user, caseNo, key) {
  const q = `?processInstanceBusinessKey=${encodeURIComponent(caseNo)}${key ? `&taskDefinitionKey=${key}` : ''}`;
  let tasks = await request(base, user, 'GET', `/engine-rest/task${q}`);
  for (let waited = 0; tasks.length === 0 && waited < 60000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    tasks = await request(base, user, 'GET', `/engine-rest/task${q}`);
  }
  if (tasks.length !== 1) throw new Error(`${caseNo}: ${tasks.length} open tasks ${key || ''} for ${user}`);
  return tasks[0].id;
}

async function complete(base, user, id, fields) {
  await request(base, user, 'POST', `/engine-rest/task/${id}/claim`, { userId: user });
  await request(base, user, 'POST', `/engine-rest/task/${id}/submit-form`, { variables: variables(fields) });
}

async function seedCase(app, base, n, [agency, done, kind]) {
  const users = AGENCIES[agency];
  const as = (u) => (app === 'bare' ? u : users[u] || u);
  const start = { ...START, ...(agency === 'QLSCJ' ? QLSCJ_START : {}) };
  const body = { variables: variables(start) };
  if (app === 'bare') body.businessKey = `BARE-${n}-${Date.now()}`;
  const started = await request(base, as('officer1'), 'POST',
    `/engine-rest/process-definition/key/${PROCESS[app]}/submit-form`, body);
  const caseNo = started.businessKey;
  for (let i = 0; i < done; i++) {
    const [user, key, fields0] = STEPS[i];
    let fields = { ...fields0 };
    if (key === 'userTask_approveFiling') fields.handlerId = as('officer1');
    if (key === 'userTask_investigate') fields.investigatingOfficers = JSON.stringify([as('officer1'), as('officer2')]);
    if (kind === 'major' && key === 'userTask_proposePenalty') {
      fields = { ...fields, flaggedMajor: true, flaggedMajorReason: '案情复杂，涉及多个法律关系，承办人提请按重大执法决定法制审核' };
    }
    if (kind === 'major' && key === 'userTask_decide') break; // stays in 法制审核 before the decision
    await complete(base, as(user), await findTask(base, as(user), caseNo, key), fields);
  }
  if (kind === 'transfer' && app === 'zhifa') {
    // head1 transfers the case at filing to QLSCJ and signs the transfer letter; QLSCJ's case waits for head2's filing
    await complete(base, 'head1', await findTask(base, 'head1', caseNo, 'userTask_approveFiling'), {
      filingDecision: 'TRANSFER_OUT', targetAgencyCode: 'QLSCJ', targetAgencyName: '某区市场监督管理局',
      transferReason: '无照经营属市场监督管理部门管辖，不属本街道赋权事项', urgent: false });
    await complete(base, 'head1', await findTask(base, 'head1', caseNo, 'userTask_signCaseTransfer'), { transferSigned: true });
  }
  return caseNo;
}

async function seed(app, base) {
  const mix = mixOf(app);
  const t0 = Date.now();
  let n = 0;
  for (const c of mix) {
    const caseNo = await seedCase(app, base, n++, c);
    process.stderr.write(`${caseNo} ${c.join(' ')}\n`);
  }
  // the job that starts a disclosure (asyncBefore) has run before the application stops
  for (let waited = 0; waited < 120000; waited += 500) {
    const { count } = await request(base, app === 'bare' ? null : 'admin', 'GET', '/engine-rest/job/count?executable=true');
    if (count === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(JSON.stringify({ app, templates: mix.length, seconds: (Date.now() - t0) / 1000 }));
}

// ---------------------------------------------------------------------------------------------------------------
// measure

/** The four Tasklist filters counted in the sidebar (CamundaIdentitySetup.ensureFilters) and what bare gets. */
const FILTERS = [
  ['mine', '我的待办', { assignee: 'officer1' }],
  ['agency', '本机构待办', { candidateGroups: ['LIAOKUO-officer'], includeAssignedTasks: true }],
  ['review', '法制审核', { processDefinitionKey: 'legal-review', candidateGroups: ['LIAOKUO-officer'], includeAssignedTasks: true }],
  ['due-soon', '即将超期', { orQueries: [{ dueBeforeExpression: '${dateTime().plusDays(3)}', minPriority: 80 }] }],
];

/**
 * WARMUP + reps calls of fn → {p50, p95} in ms, within a time budget per measure (MEASURE_SECONDS, 60): warm-up ends
 * after a quarter of it, the measured calls once it is spent (at least one call is measured: the officer's queries
 * take minutes each at 100,000 cases today; n in the table says how many were measured).
 */
const BUDGET_MS = Number(process.env.MEASURE_SECONDS || 60) * 1000;
async function measureCalls(reps, fn) {
  const ms = [];
  let rows;
  const started = Date.now();
  let warm = 0;
  for (let i = 0; ms.length < reps; i++) {
    const t0 = process.hrtime.bigint();
    rows = await fn(i);
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    if (warm < WARMUP && Date.now() - started < BUDGET_MS / 4) warm++;
    else ms.push(t);
    if (ms.length >= 1 && Date.now() - started > BUDGET_MS) break;
  }
  ms.sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
  return { p50: q(0.5), p95: q(0.95), n: ms.length, rows };
}

function rawRequest(base, user, method, path, body, accept) {
  // the hal+json list of Tasklist: asks for the same embedded resources (assignee, definitions, variables of the cards)
  const http = require('http');
  const url = new URL(base + path);
  const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const headers = { Accept: accept };
  if (user) headers.Authorization = 'Basic ' + Buffer.from(`${user}:${process.env.BENCH_PASSWORD || 'demo'}`).toString('base64');
  if (data) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = data.length; }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode >= 300) reject(new Error(`${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text));
        });
      });
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

async function measure(app, base, reps) {
  const out = [];
  // MEASURES (comma-separated names, e.g. api-cases-list,api-case): only these; default all
  const only = process.env.MEASURES ? process.env.MEASURES.split(',') : null;
  const timed = (n, fn) => ({ n, fn });
  const put = async (name, spec) => {
    if (only && !only.includes(name)) return;
    const r = await measureCalls(spec.n, spec.fn);
    out.push([app, name, r.p50.toFixed(1), r.p95.toFixed(1), r.n, r.rows ?? '']);
    console.log(out[out.length - 1].join('\t'));
  };
  const officer = app === 'zhifa' ? 'officer1' : null;
  const get = (user, path) => request(base, user, 'GET', path);

  // the filters: Zhifa's own (created at start), bare's made here with the criteria officer1's expressions resolve to
  const filters = {};
  if (app === 'zhifa') {
    for (const f of await get(officer, '/engine-rest/filter?resourceType=Task')) {
      const mine = FILTERS.find(([, name]) => name === f.name);
      if (mine) filters[mine[0]] = f.id;
    }
  } else {
    const existing = await get(null, '/engine-rest/filter?resourceType=Task');
    for (const [key, name, query] of FILTERS) {
      let f = existing.find((x) => x.name === name);
      if (!f) {
        f = await request(base, null, 'POST', '/engine-rest/filter/create', {
          resourceType: 'Task', name, owner: null,
          query: { ...query, sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] },
          // the cards show two variables (Zhifa's filters list more names; the case's number and party are the ones set)
          properties: { variables: [{ name: 'caseId', label: '案号' }, { name: 'partyName', label: '当事人' }] } });
      }
      filters[key] = f.id;
    }
  }
  for (const [key] of FILTERS) if (!filters[key]) throw new Error(`${app}: no filter ${key}`);

  await put('task-count', timed(reps, async () => (await get(officer, '/engine-rest/task/count')).count));
  for (const [key] of FILTERS) {
    await put(`filter-count-${key}`, timed(reps, async () => (await get(officer, `/engine-rest/filter/${filters[key]}/count`)).count));
  }
  await put('filter-counts-all', timed(reps, async () => {
    let sum = 0;
    for (const [key] of FILTERS) sum += (await get(officer, `/engine-rest/filter/${filters[key]}/count`)).count;
    return sum;
  }));
  await put('my-tasks-count', timed(reps, async () => (await get(officer, '/engine-rest/task/count?assignee=officer1')).count));
  for (const key of ['agency', 'mine']) {
    await put(`task-list-15-${key}`, timed(reps, async () => {
      const r = await rawRequest(base, officer, 'POST', `/engine-rest/filter/${filters[key]}/list?firstResult=0&maxResults=15`,
        { processVariables: [], taskVariables: [], caseInstanceVariables: [], sorting: [{ sortBy: 'dueDate', sortOrder: 'asc' }] },
        'application/hal+json');
      return (r._embedded && r._embedded.task ? r._embedded.task.length : 0) + '/' + r.count;
    }));
  }

  // cases to open: a spread of business keys over the whole table
  const keys = [];
  if (app === 'zhifa') {
    const { total } = await get(officer, '/api/cases?size=1');
    for (let i = 0; i < 20; i++) {
      const page = Math.floor((i + 0.5) * total / 20);
      const { cases } = await get(officer, `/api/cases?size=1&page=${page}`);
      if (cases.length) keys.push(cases[0].caseNo);
    }
    await put('api-cases-list', timed(reps, async () => (await get(officer, '/api/cases?page=0&size=20')).total));
    await put('api-case', timed(reps, async (i) =>
      (await get(officer, `/api/cases/${encodeURIComponent(keys[i % keys.length])}`)).openTasks.length));
    await put('supervisor-api-cases-list', timed(reps, async () => (await get('supervisor1', '/api/cases?page=0&size=20')).total));
    await put('supervisor-task-count', timed(reps, async () => (await get('supervisor1', '/engine-rest/task/count')).count));
    await put('supervisor-task-list-15', timed(reps, async () =>
      (await get('supervisor1', '/engine-rest/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc')).length));
    await put('supervisor-history-list-15', timed(reps, async () =>
      (await get('supervisor1', '/engine-rest/history/process-instance?processDefinitionKey=enforcement-case&firstResult=0&maxResults=15&sortBy=startTime&sortOrder=desc')).length));
    await put('supervisor-sla-deadlines', timed(reps, async () => {
      const r = await get('supervisor1', '/api/sla/deadlines?page=0&size=20');
      return r.rows ? r.rows.length : '';
    }));
  } else {
    const total = (await get(null, '/engine-rest/history/process-instance/count?processDefinitionKey=bare-case')).count;
    for (let i = 0; i < 20; i++) {
      const first = Math.floor((i + 0.5) * total / 20);
      const [pi] = await get(null, `/engine-rest/history/process-instance?processDefinitionKey=bare-case&firstResult=${first}&maxResults=1`);
      if (pi) keys.push(pi.businessKey);
    }
    // the case list: a page of the instances and their number, as /api/cases answers (page and total)
    await put('api-cases-list', timed(reps, async () => {
      const { count } = await get(null, '/engine-rest/history/process-instance/count?processDefinitionKey=bare-case');
      await get(null, '/engine-rest/history/process-instance?processDefinitionKey=bare-case&firstResult=0&maxResults=20&sortBy=startTime&sortOrder=desc');
      return count;
    }));
    // one case: the instance by business key, its open tasks and its timers (what /api/cases/{id} asks the engine)
    await put('api-case', timed(reps, async (i) => {
      const bk = encodeURIComponent(keys[i % keys.length]);
      const [pi] = await get(null, `/engine-rest/history/process-instance?processInstanceBusinessKey=${bk}`);
      const tasks = await get(null, `/engine-rest/task?processInstanceBusinessKey=${bk}`);
      await get(null, `/engine-rest/job?processInstanceId=${pi.id}&timers=true`);
      return tasks.length;
    }));
    await put('supervisor-task-count', timed(reps, async () => (await get(null, '/engine-rest/task/count')).count));
    await put('supervisor-task-list-15', timed(reps, async () =>
      (await get(null, '/engine-rest/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc')).length));
    await put('supervisor-history-list-15', timed(reps, async () =>
      (await get(null, '/engine-rest/history/process-instance?processDefinitionKey=bare-case&firstResult=0&maxResults=15&sortBy=startTime&sortOrder=desc')).length));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// report

const LABELS = {
  'task-count': 'officer\'s task count (`GET /task/count`, no criteria)',
  'filter-count-mine': 'filter count 我的待办',
  'filter-count-agency': 'filter count 本机构待办',
  'filter-count-review': 'filter count 法制审核',
  'filter-count-due-soon': 'filter count 即将超期',
  'filter-counts-all': 'sidebar: the four filter counts in a row',
  'my-tasks-count': '"my tasks" count (`assignee=officer1`)',
  'task-list-15-agency': 'task list, 15 rows, 本机构待办 (hal+json)',
  'task-list-15-mine': 'task list, 15 rows, 我的待办 (hal+json)',
  'api-cases-list': '`/api/cases` list, 20 rows (bare: history page + count)',
  'api-case': '`/api/cases/{id}` (bare: instance, tasks, timers)',
  'supervisor-api-cases-list': 'supervisor: `/api/cases` list, both agencies',
  'supervisor-task-count': 'supervisor: task count',
  'supervisor-task-list-15': 'supervisor: task list, 15 rows',
  'supervisor-history-list-15': 'supervisor: case instances, 15 rows (Cockpit-like)',
  'supervisor-sla-deadlines': 'supervisor: SLA board first page',
};

function report(file) {
  const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
  const by = {};
  const order = [];
  for (const [app, m, p50, p95, n, count] of rows) {
    if (!order.includes(m)) order.push(m);
    (by[m] ||= {})[app] = { p50: Number(p50), p95: Number(p95), n, count };
  }
  const ms = (x) => (x === undefined ? '—' : `${x.p50.toFixed(x.p50 < 10 ? 1 : 0)} / ${x.p95.toFixed(x.p95 < 10 ? 1 : 0)}`);
  const lines = ['| measure (p50 / p95 ms) | bare | Zhifa | ratio (p95) | rows (bare / Zhifa) | n (bare / Zhifa) |',
    '|---|---|---|---|---|---|'];
  for (const m of order) {
    const { bare, zhifa } = by[m];
    const ratio = bare && zhifa ? `${(zhifa.p95 / bare.p95).toFixed(1)}×` : '—';
    lines.push(`| ${LABELS[m] || m} | ${ms(bare)} | ${ms(zhifa)} | ${ratio} | ${bare ? bare.count : '—'} / ${zhifa ? zhifa.count : '—'}`
      + ` | ${bare ? bare.n : '—'} / ${zhifa ? zhifa.n : '—'} |`);
  }
  console.log(lines.join('\n'));
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'seed') await seed(args[0], args[1]);
  else if (cmd === 'measure') await measure(args[0], args[1], Number(args[2] || 50));
  else if (cmd === 'report') report(args[0]);
  else throw new Error('usage: query-load.js seed|measure|report …');
}

main().then(() => agent.destroy(), (e) => { console.error(e.message || e); agent.destroy(); process.exit(1); });
