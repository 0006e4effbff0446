// Zhifa: the ledgers (执法台账, issue 19 §2, docs/ledgers.md) in Cockpit — a navigation entry and the page #/ledgers,
// where a head or a supervisor picks a ledger, an agency and a period and downloads the Excel workbook.
// Data from GET /api/ledgers (the list) and /api/sla/summary (the agencies the user may see); the workbook is fetched
// with the Cockpit session, so a refusal (e.g. a supervisor's missing purpose) shows as the problem's Chinese detail.
import { el, api } from './zhifa-page.js';

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function field(label, input) {
  return el('div', { class: 'form-group' }, [el('label', { text: label }), input]);
}

function fileName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  return encoded ? decodeURIComponent(encoded[1]) : fallback;
}

function renderPage(node) {
  const root = el('div', { class: 'zf-ledgers' });
  node.appendChild(root);
  root.appendChild(el('h1', { class: 'section-title', text: '执法台账' }));
  root.appendChild(el('p', { class: 'text-muted', text: '选择台账、执法主体和期间，下载 Excel 台账（.xlsx）。上级机关调阅其他执法主体的台账须写明调阅目的，调阅将记入该主体的全过程记录。' }));
  const message = el('div', { class: 'alert alert-danger zf-ledger-error', role: 'alert', style: 'display:none' });
  const ledger = el('select', { class: 'form-control', name: 'ledger', 'aria-label': '台账' });
  const agency = el('select', { class: 'form-control', name: 'agency', 'aria-label': '执法主体' },
    [el('option', { value: '', text: '全部可查看的执法主体' })]);
  const from = el('input', { class: 'form-control', type: 'date', name: 'from', 'aria-label': '起始日期',
    value: today().substring(0, 4) + '-01-01' });
  const to = el('input', { class: 'form-control', type: 'date', name: 'to', 'aria-label': '截止日期', value: today() });
  const purpose = el('input', { class: 'form-control', type: 'text', name: 'purpose', 'aria-label': '调阅目的',
    placeholder: '上级监督调阅时必填', size: 30 });
  const contents = el('p', { class: 'help-block zf-ledger-contents' });
  const button = el('button', { class: 'btn btn-primary', type: 'submit', text: '下载台账' });
  const form = el('form', { class: 'zf-ledger-form' }, [
    field('台账', ledger), contents, field('执法主体', agency), field('起始日期', from), field('截止日期', to),
    field('调阅目的', purpose), button]);
  root.append(message, form);

  let ledgers = [];
  function describe() {
    const chosen = ledgers.find(function(l) { return l.key === ledger.value; });
    contents.textContent = chosen ? chosen.contents + '（' + chosen.period + '）' : '';
  }
  ledger.addEventListener('change', describe);

  api('/api/ledgers').then(function(list) {
    ledgers = list;
    list.forEach(function(l) { ledger.appendChild(el('option', { value: l.key, text: l.name })); });
    describe();
  }).catch(function(error) {
    message.textContent = error.message;
    message.style.display = '';
  });
  api('/api/sla/summary').then(function(summary) {
    (summary.agencies || []).forEach(function(a) {
      agency.appendChild(el('option', { value: a.agencyCode, text: a.agencyName || a.agencyCode }));
    });
  }).catch(function() { /* the agencies are optional: 全部可查看的执法主体 stays */ });

  form.addEventListener('submit', function(event) {
    event.preventDefault();
    message.style.display = 'none';
    const chosen = ledgers.find(function(l) { return l.key === ledger.value; });
    if (!chosen) {
      return;
    }
    const params = { agency: agency.value, from: from.value, to: to.value, purpose: purpose.value.trim() };
    const query = Object.entries(params).filter(function([, v]) { return v; })
      .map(function([k, v]) { return encodeURIComponent(k) + '=' + encodeURIComponent(v); }).join('&');
    button.disabled = true;
    fetch(chosen.href + '?' + query, { credentials: 'same-origin' }).then(function(response) {
      if (!response.ok) {
        return response.json().catch(function() { return {}; }).then(function(problem) {
          throw new Error(problem.detail || '下载失败（' + response.status + '）');
        });
      }
      return response.blob().then(function(blob) {
        const link = el('a', { href: URL.createObjectURL(blob), download: fileName(response, chosen.name + '.xlsx') });
        document.body.appendChild(link);
        link.click();
        setTimeout(function() { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      });
    }).catch(function(error) {
      message.textContent = error.message;
      message.style.display = '';
    }).finally(function() {
      button.disabled = false;
    });
  });
}

export default [
  {
    id: 'zhifa-ledgers-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 90,
    render: function(node) {
      node.appendChild(el('a', { href: '#/ledgers', text: '执法台账' }));
    },
    properties: {
      checkActive: function(url) {
        return /#\/ledgers(\?|$)/.test(url || '');
      }
    }
  },
  {
    id: 'zhifa-ledgers',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: renderPage,
    properties: {
      path: '/ledgers',
      label: '执法台账'
    }
  }
];
