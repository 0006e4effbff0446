// Zhifa: the SLA board (期限监督看板, issue 17, docs/sla.md) as a Cockpit plugin of the 7.14+ plugin system,
// loaded through cockpit/scripts/config.js customScripts: a dashboard box, a navigation entry and the page #/sla.
// Plain DOM, Cockpit's own Bootstrap classes; data from GET /api/sla/summary and /api/sla/deadlines with the
// Cockpit session (read-only), except an administrator's change of a deadline with a reason
// (POST /api/sla/due-date-changes with the CSRF token our API's answers carry in X-CSRF-TOKEN).
import { el, time, api } from './zhifa-page.js';

const STATES = [
  { key: 'RED', param: 'red', label: '已超期', css: 'danger' },
  { key: 'YELLOW', param: 'yellow', label: '即将到期', css: 'warning' },
  { key: 'GREEN', param: 'green', label: '正常', css: 'success' },
  { key: 'PAUSED', param: 'paused', label: '已暂停', css: 'default' }
];
const PAGE_SIZE = 20;

function query(params) {
  return Object.entries(params).filter(function([, v]) { return v !== undefined && v !== null && v !== ''; })
    .map(function([k, v]) { return encodeURIComponent(k) + '=' + encodeURIComponent(v); }).join('&');
}

/** An instant as the value of a datetime-local input, in China's time. */
function localDateTime(iso) {
  const parts = {};
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso))
    .forEach(function(p) { parts[p.type] = p.value; });
  return parts.year + '-' + parts.month + '-' + parts.day + 'T' + (parts.hour === '24' ? '00' : parts.hour) + ':' + parts.minute;
}

function workdaysText(row) {
  if (row.state === 'RED') {
    return row.workdaysLeft < 0 ? '超期 ' + (-row.workdaysLeft) + ' 个工作日' : '已超期（当日）';
  }
  return row.workdaysLeft === 0 ? '今日到期' : row.workdaysLeft + ' 个工作日';
}

function percent(value, completed) {
  return value === null || value === undefined ? '—（本年无办结）' : value + '%（' + completed + ' 件）';
}

function stateBadge(state) {
  const s = STATES.find(function(x) { return x.key === state; }) || STATES[3];
  return el('span', { class: 'label label-' + s.css + ' zf-sla-state', 'data-state': s.param, text: s.label });
}

function counts(summary, onPick) {
  return el('div', { class: 'zf-sla-counts' }, STATES.map(function(s) {
    const n = summary.counts ? summary.counts[s.key] : 0;
    return el('a', {
      class: 'zf-sla-count zf-sla-count-' + s.param, href: '#/sla?state=' + s.param, 'data-state': s.param,
      onclick: onPick ? function(event) { event.preventDefault(); onPick(s.param); } : null
    }, [el('span', { class: 'zf-sla-count-value', text: String(n) }), el('span', { class: 'zf-sla-count-label', text: s.label })]);
  }).concat(countedAt(summary)));
}

// the counts are those of the last count (at most half a minute old, docs/sla.md#performance); the rows are live
function countedAt(summary) {
  if (!summary.countedAt) {
    return [];
  }
  const time = new Date(summary.countedAt).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return [el('span', { class: 'text-muted zf-sla-counted-at', title: '各状态的数量每隔数秒统计一次；下方列表为实时数据',
    text: '统计于 ' + time })];
}

function hashParams() {
  const hash = window.location.hash || '';
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.substring(i + 1));
}

// --- the page #/sla ---------------------------------------------------------------------------------

function renderPage(node) {
  const initial = hashParams();
  const filter = {
    agency: initial.get('agency') || '', kind: initial.get('kind') || '', state: initial.get('state') || '',
    person: initial.get('person') || '', page: 0
  };
  const root = el('div', { class: 'zf-sla-board' });
  node.appendChild(root);
  const header = el('header', { class: 'zf-sla-header' }, [el('h1', { class: 'section-title', text: '期限监督看板' }),
    el('p', { class: 'text-muted', text: '所有正在运行的法定期限：红色已超期，黄色即将到期，绿色正常（预警规则由法制部门在 sla/board.yml 中维护）。' })]);
  const countsBox = el('div');
  const filters = el('form', { class: 'form-inline zf-sla-filters' });
  const message = el('div', { class: 'alert alert-danger zf-sla-error', role: 'alert', style: 'display:none' });
  const notice = el('div', { class: 'alert alert-success zf-sla-notice', role: 'status', style: 'display:none' });
  const table = el('div', { class: 'zf-sla-rows' });
  const agencies = el('div', { class: 'zf-sla-agencies' });
  const historyBox = el('section', { class: 'zf-sla-history' });
  root.append(header, countsBox, filters, message, notice, table, agencies, historyBox);
  let summary = null;

  function fail(error) {
    message.textContent = error.message;
    message.style.display = '';
  }

  function select(name, label, options, value) {
    const s = el('select', { class: 'form-control input-sm', name: name, 'aria-label': label },
      [el('option', { value: '', text: '全部' })].concat(options.map(function([v, text]) {
        return el('option', { value: v, text: text, selected: v === value });
      })));
    s.addEventListener('change', function() { filter[name] = s.value; filter.page = 0; load(); });
    return el('div', { class: 'form-group' }, [el('label', { text: label }), s]);
  }

  function drawFilters() {
    filters.textContent = '';
    if (summary.supervisor) {
      filters.appendChild(select('agency', '执法主体', summary.agencies.map(function(a) {
        return [a.agencyCode, a.agencyName || a.agencyCode];
      }), filter.agency));
    }
    filters.appendChild(select('kind', '期限类别', Object.entries(summary.kinds || {}), filter.kind));
    filters.appendChild(select('state', '状态', STATES.map(function(s) { return [s.param, s.label]; }), filter.state));
    const person = el('input', { class: 'form-control input-sm', name: 'person', value: filter.person, placeholder: '用户名，如 officer1', 'aria-label': '责任人' });
    filters.appendChild(el('div', { class: 'form-group' }, [el('label', { text: '责任人' }), person]));
    filters.appendChild(el('button', { type: 'submit', class: 'btn btn-default btn-sm', text: '查询' }));
    filters.onsubmit = function(event) {
      event.preventDefault();
      filter.person = person.value.trim();
      filter.page = 0;
      load();
    };
  }

  function drawCounts() {
    countsBox.textContent = '';
    countsBox.appendChild(counts(summary, function(state) {
      filter.state = filter.state === state ? '' : state;
      filter.page = 0;
      drawFilters();
      load();
    }));
  }

  function drawAgencies() {
    agencies.textContent = '';
    if (!summary.supervisor) {
      return;
    }
    agencies.appendChild(el('h2', { class: 'section-title', text: '各执法主体期限情况（本年度）' }));
    agencies.appendChild(el('table', { class: 'table table-striped cam-table zf-sla-agency-table' }, [
      el('thead', {}, [el('tr', {}, ['执法主体', '已超期', '即将到期', '正常', '法制审核按期率', '事后公示及时率', '超期查封扣押', '逾期未移送', '未办结监督通知书']
        .map(function(h) { return el('th', { text: h }); }))]),
      el('tbody', {}, summary.agencies.map(function(a) {
        return el('tr', { 'data-agency': a.agencyCode }, [
          el('td', { text: a.agencyName || a.agencyCode }),
          el('td', { class: a.counts.RED ? 'zf-sla-red' : null, 'data-state': 'red', text: String(a.counts.RED) }),
          el('td', { 'data-state': 'yellow', text: String(a.counts.YELLOW) }),
          el('td', { text: String(a.counts.GREEN) }),
          el('td', { text: percent(a.reviewCompliancePercent, a.reviewCompleted) }),
          el('td', { text: percent(a.disclosureTimelinessPercent, a.disclosureCompleted) }),
          el('td', { text: String(a.overdueSeizures) }),
          el('td', { text: String(a.untransferred) }),
          el('td', { class: a.openNotices ? 'zf-sla-notices' : null, text: String(a.openNotices) })
        ]);
      }))
    ]));
  }

  function drawRows(page) {
    table.textContent = '';
    if (!page.rows.length) {
      table.appendChild(el('p', { class: 'text-muted zf-sla-empty', text: '没有符合条件的期限。' }));
      return;
    }
    table.appendChild(el('table', { class: 'table table-striped cam-table zf-sla-table' }, [
      el('thead', {}, [el('tr', {}, ['状态', '案号', '执法主体', '类别', '步骤', '责任人', '期限届满', '剩余']
        .concat(summary.admin ? ['调整'] : []).map(function(h) {
          return el('th', { text: h });
        }))]),
      el('tbody', {}, page.rows.map(function(row) {
        return el('tr', { class: 'zf-sla-row', 'data-state': row.state.toLowerCase(), 'data-case': row.caseNo || '' }, [
          el('td', {}, [stateBadge(row.state), row.pausedReason ? ' ' + row.pausedReason : null]),
          el('td', {}, [el('a', { href: '#/process-instance/' + encodeURIComponent(row.processInstanceId) + '/runtime',
            title: '在流程监控中打开此案件', text: row.caseNo || row.processInstanceId })]),
          el('td', { text: row.agencyName || row.agencyCode }),
          el('td', { text: row.kindName || row.kind }),
          el('td', { text: row.step }),
          el('td', { text: row.responsible || '' }),
          el('td', { text: time(row.dueAt) + (row.provisional ? '（暂定）' : ''),
            title: row.provisional ? '期限暂按周末推算（该年节假日安排尚未发布），日历发布后将重新计算' : null }),
          el('td', { text: workdaysText(row) }),
          summary.admin ? el('td', {}, [el('button', { class: 'btn btn-default btn-xs zf-sla-adjust', type: 'button',
            text: '调整期限', onclick: function(event) { adjust(event.target.closest('tr'), row); } })]) : null
        ]);
      }))
    ]));
    // a full page comes without its total (not counted twice): the summary's counts, asked with the same filters
    const total = page.total !== null && page.total !== undefined ? page.total : STATES.reduce(function(sum, s) {
      return sum + (!filter.state || filter.state === s.param ? summary.counts[s.key] : 0);
    }, 0);
    const pages = Math.max(1, Math.ceil(total / page.size), page.more ? page.page + 2 : 0);
    table.appendChild(el('div', { class: 'zf-sla-pager' }, [
      el('span', { class: 'text-muted', text: '共 ' + total + ' 条，第 ' + (page.page + 1) + ' / ' + pages + ' 页 ' }),
      el('button', { class: 'btn btn-default btn-xs', type: 'button', disabled: page.page === 0, text: '上一页',
        onclick: function() { filter.page = page.page - 1; load(); } }),
      ' ',
      el('button', { class: 'btn btn-default btn-xs', type: 'button', disabled: !page.more, text: '下一页',
        onclick: function() { filter.page = page.page + 1; load(); } })
    ]));
  }

  // an administrator moves a deadline: new date and time, and a reason the case's record keeps
  function adjust(tr, row) {
    const open = tr.nextElementSibling;
    if (open && open.classList.contains('zf-sla-adjust-row')) {
      open.remove();
      return;
    }
    const due = el('input', { type: 'datetime-local', class: 'form-control input-sm', name: 'dueAt', required: true,
      value: localDateTime(row.dueAt) });
    const reason = el('input', { type: 'text', class: 'form-control input-sm', name: 'reason', required: true,
      minlength: 5, maxlength: 500, size: 40, placeholder: '调整理由（必填，至少 5 个字，记入案件全过程记录）' });
    const note = el('span', { class: 'text-danger zf-sla-adjust-error' });
    const form = el('form', { class: 'form-inline' }, [
      el('label', { text: '新的期限 ' }), due, ' ', el('label', { text: '理由 ' }), reason, ' ',
      el('button', { class: 'btn btn-primary btn-xs', type: 'submit', text: '确定' }), ' ',
      el('button', { class: 'btn btn-default btn-xs', type: 'button', text: '取消',
        onclick: function() { form.closest('tr').remove(); } }), ' ', note]);
    form.onsubmit = function(event) {
      event.preventDefault();
      note.textContent = '';
      api('/api/sla/due-date-changes', { source: row.source.toLowerCase(), id: row.id, dueAt: due.value,
        reason: reason.value }).then(function() {
        notice.textContent = '已调整「' + (row.caseNo || '') + ' ' + row.step + '」的期限，调整及理由已记入案件全过程记录。';
        notice.style.display = '';
        load();
      }).catch(function(error) { note.textContent = error.message; });
    };
    tr.after(el('tr', { class: 'zf-sla-adjust-row' }, [el('td', { colspan: 9 }, [form])]));
  }

  let latest = 0;

  function load() {
    // only the answer to the latest request is drawn: filters changed quickly must not be overtaken by an older answer
    const request = ++latest;
    message.style.display = 'none';
    const common = { agency: filter.agency, kind: filter.kind, person: filter.person };
    Promise.all([
      api('/api/sla/summary?' + query(common)),
      api('/api/sla/deadlines?' + query(Object.assign({ state: filter.state, page: filter.page, size: PAGE_SIZE }, common)))
    ]).then(function([s, page]) {
      if (request !== latest) {
        return;
      }
      const first = summary === null;
      summary = s;
      if (first) {
        drawFilters();
        renderHistory(historyBox, s);
      }
      drawCounts();
      drawRows(page);
      drawAgencies();
    }).catch(function(error) {
      if (request === latest) {
        fail(error);
      }
    });
  }

  load();
}

// --- 历史与按期率: closed deadlines and compliance over a period (GET /api/sla/compliance, /api/sla/history) ---

const OUTCOMES = [{ param: 'met', label: '按期' }, { param: 'breached', label: '超期' }];

function figureText(value, unit) {
  return value === null || value === undefined ? '—' : value + unit;
}

function renderHistory(box, summary) {
  // the period defaults to this year (Beijing) by the engine's clock, as the board's indicators
  const today = summary.now ? new Date(summary.now) : new Date();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(today);
  const filter = { from: day.substring(0, 4) + '-01-01', to: day, kind: '', agency: '', outcome: '', page: 0 };
  const message = el('div', { class: 'alert alert-danger zf-sla-history-error', role: 'alert', style: 'display:none' });
  const figures = el('div', { class: 'zf-sla-compliance' });
  const rows = el('div', { class: 'zf-sla-history-rows' });
  const exportLink = el('a', { class: 'btn btn-default btn-sm zf-sla-export', text: '导出 Excel' });
  const form = el('form', { class: 'form-inline zf-sla-history-filters' });
  const from = el('input', { type: 'date', class: 'form-control input-sm', name: 'from', value: filter.from, 'aria-label': '起始日期' });
  const to = el('input', { type: 'date', class: 'form-control input-sm', name: 'to', value: filter.to, 'aria-label': '截止日期' });
  form.appendChild(el('div', { class: 'form-group' }, [el('label', { text: '期间' }), from, ' 至 ', to]));
  function choice(name, label, options) {
    // named apart from the board's own filters above (agency, kind)
    const s = el('select', { class: 'form-control input-sm', name: 'history-' + name, 'aria-label': '历史' + label },
      [el('option', { value: '', text: '全部' })].concat(options.map(function([v, text]) { return el('option', { value: v, text: text }); })));
    s.addEventListener('change', function() { filter[name] = s.value; filter.page = 0; load(); });
    form.appendChild(el('div', { class: 'form-group' }, [el('label', { text: label }), s]));
  }
  if (summary.supervisor) {
    choice('agency', '执法主体', (summary.agencies || []).map(function(a) { return [a.agencyCode, a.agencyName || a.agencyCode]; }));
  }
  choice('kind', '期限类别', Object.entries(summary.kinds || {}));
  choice('outcome', '结果', OUTCOMES.map(function(o) { return [o.param, o.label]; }));
  form.appendChild(el('button', { type: 'submit', class: 'btn btn-default btn-sm', text: '查询' }));
  form.appendChild(exportLink);
  form.onsubmit = function(event) {
    event.preventDefault();
    filter.from = from.value;
    filter.to = to.value;
    filter.page = 0;
    load();
  };
  box.append(el('h2', { class: 'section-title', text: '历史与按期率' }),
    el('p', { class: 'text-muted', text: '已结束的法定期限及其结果：在期限内办结为按期，否则为超期（按工作日计算超出天数）。按结束日期统计。' }),
    form, message, figures, rows);

  function figuresTable(title, list, total) {
    return el('table', { class: 'table table-striped cam-table zf-sla-compliance-table' }, [
      el('thead', {}, [el('tr', {}, [title, '已结束', '按期', '超期', '按期率', '平均超期'].map(function(h) { return el('th', { text: h }); }))]),
      el('tbody', {}, list.concat(total ? [total] : []).map(function(f) {
        return el('tr', { 'data-code': f.code || '' }, [
          el('td', { text: f.name || f.code }), el('td', { text: String(f.closed) }), el('td', { text: String(f.met) }),
          el('td', { class: f.breached ? 'zf-sla-red' : null, text: String(f.breached) }),
          el('td', { class: 'zf-sla-percent', text: figureText(f.compliancePercent, '%') }),
          el('td', { text: figureText(f.averageBreachWorkdays, ' 个工作日') })
        ]);
      }))
    ]);
  }

  function drawFigures(c) {
    figures.textContent = '';
    if (!c.total.closed) {
      figures.appendChild(el('p', { class: 'text-muted zf-sla-history-empty', text: '该期间没有已结束的期限。' }));
      return;
    }
    figures.appendChild(figuresTable('执法主体', c.byAgency.filter(function(a) { return a.closed > 0; }), c.total));
    figures.appendChild(figuresTable('期限类别', c.byKind, null));
  }

  function drawRows(page) {
    rows.textContent = '';
    if (!page.rows.length) {
      return;
    }
    rows.appendChild(el('table', { class: 'table table-striped cam-table zf-sla-history-table' }, [
      el('thead', {}, [el('tr', {}, ['结果', '案号', '执法主体', '类别', '步骤', '责任人', '期限届满', '结束时间', '结束方式']
        .map(function(h) { return el('th', { text: h }); }))]),
      el('tbody', {}, page.rows.map(function(r) {
        return el('tr', { class: 'zf-sla-history-row', 'data-outcome': r.outcome.toLowerCase(), 'data-case': r.caseNo || '' }, [
          el('td', {}, [el('span', { class: 'label label-' + (r.outcome === 'MET' ? 'success' : 'danger'), text: r.outcomeLabel })]),
          el('td', {}, [el('a', { href: '#/process-instance/' + encodeURIComponent(r.processInstanceId) + '/history',
            title: '在流程监控中打开此案件', text: r.caseNo || '—' })]),
          el('td', { text: r.agencyName || r.agencyCode }),
          el('td', { text: r.kindName || r.kind }),
          el('td', { text: r.step }),
          el('td', { text: r.responsible || '—' }),
          el('td', { text: time(r.dueAt) }),
          el('td', { text: time(r.closedAt) }),
          el('td', { text: r.closedByLabel })
        ]);
      }))
    ]));
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    rows.appendChild(el('div', { class: 'zf-sla-pager' }, [
      el('span', { class: 'text-muted', text: '共 ' + page.total + ' 条，第 ' + (page.page + 1) + ' / ' + pages + ' 页 ' }),
      el('button', { class: 'btn btn-default btn-xs', type: 'button', disabled: page.page === 0, text: '上一页',
        onclick: function() { filter.page = page.page - 1; load(); } }),
      ' ',
      el('button', { class: 'btn btn-default btn-xs', type: 'button', disabled: page.page + 1 >= pages, text: '下一页',
        onclick: function() { filter.page = page.page + 1; load(); } })
    ]));
  }

  let latest = 0;

  function load() {
    const request = ++latest;
    message.style.display = 'none';
    const common = { from: filter.from, to: filter.to, agency: filter.agency, kind: filter.kind };
    exportLink.setAttribute('href', '/api/sla/history.xlsx?' + query(Object.assign({ outcome: filter.outcome }, common)));
    Promise.all([
      api('/api/sla/compliance?' + query(common)),
      api('/api/sla/history?' + query(Object.assign({ outcome: filter.outcome, page: filter.page, size: PAGE_SIZE }, common)))
    ]).then(function([c, page]) {
      if (request !== latest) {
        return;
      }
      drawFigures(c);
      drawRows(page);
    }).catch(function(error) {
      if (request === latest) {
        message.textContent = error.message;
        message.style.display = '';
      }
    });
  }

  load();
}

// --- the dashboard box ------------------------------------------------------------------------------

function renderDashboard(node) {
  const box = el('div', { class: 'col-xs-12 zf-sla-dashboard' }, [el('p', { class: 'text-muted', text: '正在读取期限…' })]);
  node.appendChild(box);
  api('/api/sla/summary').then(function(summary) {
    box.textContent = '';
    box.appendChild(el('h3', {}, [el('a', { href: '#/sla', text: '期限监督看板' })]));
    box.appendChild(counts(summary));
  }).catch(function(error) {
    box.textContent = error.message;
  });
}

export default [
  {
    id: 'zhifa-sla-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderDashboard
  },
  {
    id: 'zhifa-sla-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: function(node) {
      node.appendChild(el('a', { href: '#/sla', text: '期限监督' }));
    },
    properties: {
      checkActive: function(url) {
        return /#\/sla(\?|$)/.test(url || '');
      }
    }
  },
  {
    id: 'zhifa-sla-board',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: renderPage,
    properties: {
      path: '/sla',
      label: '期限监督'
    }
  }
];
