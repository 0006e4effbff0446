// Zhifa: the logged-in user's notifications in Tasklist (issue 17 §3, docs/sla.md) — a Tasklist plugin of the
// 7.14+ plugin system at tasklist.navbar.action, loaded through tasklist/scripts/config.js customScripts: "通知" with
// the unread count in the header; a click opens the list (newest first) with "标为已读" and "全部标为已读".
// Data: GET /api/notifications with the Tasklist session; marking read POSTs with Spring's CSRF token, which the
// list's answer carries in the header X-CSRF-TOKEN.

const API = '/api/notifications';
const REFRESH_MS = 60000;
const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
});

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(function([name, value]) {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  (children || []).forEach(function(child) {
    if (child !== null && child !== undefined) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

function renderNotifications(node) {
  let csrf = null;
  let open = false;
  let timer = null;
  const badge = el('span', { class: 'badge zf-notify-badge', style: 'display:none' });
  const toggle = el('a', { href: '', class: 'zf-notify-toggle', title: '通知', role: 'button', 'aria-haspopup': 'true' },
    [el('span', { class: 'glyphicon glyphicon-bell' }), ' 通知 ', badge]);
  const menu = el('div', { class: 'dropdown-menu dropdown-menu-right zf-notify-menu', role: 'menu' });
  const root = el('div', { class: 'dropdown zf-notify' }, [toggle, menu]);
  node.appendChild(root);

  function showCount(n) {
    badge.textContent = String(n);
    badge.style.display = n > 0 ? '' : 'none';
    toggle.setAttribute('data-unread', String(n));
  }

  function load() {
    return fetch(API + '?size=20', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function(response) {
        const token = response.headers.get('X-CSRF-TOKEN');
        if (token) {
          csrf = token;
        }
        return response.ok ? response.json() : Promise.reject(new Error('通知读取失败（' + response.status + '）'));
      });
  }

  function mark(path) {
    return fetch(API + path, {
      method: 'POST', credentials: 'same-origin',
      headers: Object.assign({ Accept: 'application/json' }, csrf ? { 'X-CSRF-TOKEN': csrf } : {})
    }).then(function(response) {
      return response.ok ? response.json() : response.json().catch(function() { return {}; }).then(function(body) {
        throw new Error(body.detail || '操作失败（' + response.status + '）');
      });
    });
  }

  function draw(page) {
    showCount(page.unread);
    if (!open) {
      return;
    }
    menu.textContent = '';
    menu.appendChild(el('div', { class: 'zf-notify-head' }, [
      el('strong', { text: '通知' + (page.unread ? '（' + page.unread + ' 条未读）' : '') }),
      page.unread ? el('a', { href: '', class: 'zf-notify-read-all', text: '全部标为已读', onclick: function(event) {
        event.preventDefault();
        mark('/read-all').then(refresh).catch(fail);
      } }) : null
    ]));
    if (!page.items.length) {
      menu.appendChild(el('p', { class: 'text-muted zf-notify-empty', text: '暂无通知' }));
      return;
    }
    page.items.forEach(function(item) {
      menu.appendChild(el('div', { class: 'zf-notify-item' + (item.read ? ' zf-notify-read' : ''), 'data-id': String(item.id),
        'data-kind': item.kind }, [
        el('div', {}, [
          el('span', { class: 'label ' + (item.kind === 'SLA_BREACH' ? 'label-danger' : 'label-warning'), text: item.kindLabel }),
          ' ',
          el('span', { class: 'text-muted', text: item.createdAt ? TIME.format(new Date(item.createdAt)).replace(/\//g, '-') : '' })
        ]),
        el('div', { class: 'zf-notify-message', text: item.message }),
        item.read ? null : el('a', { href: '', class: 'zf-notify-mark', text: '标为已读', onclick: function(event) {
          event.preventDefault();
          mark('/' + item.id + '/read').then(refresh).catch(fail);
        } })
      ]));
    });
  }

  function fail(error) {
    menu.appendChild(el('div', { class: 'alert alert-danger', text: error.message }));
  }

  function refresh() {
    return load().then(draw).catch(function(error) {
      if (open) {
        fail(error);
      }
    });
  }

  toggle.addEventListener('click', function(event) {
    event.preventDefault();
    open = !open;
    root.classList.toggle('open', open);
    if (open) {
      refresh();
    }
  });
  document.addEventListener('click', function(event) {
    if (open && !root.contains(event.target)) {
      open = false;
      root.classList.remove('open');
    }
  });
  refresh();
  timer = setInterval(refresh, REFRESH_MS);
  return function() {
    clearInterval(timer);
  };
}

let stop = null;

export default [
  {
    id: 'zhifa-notifications',
    pluginPoint: 'tasklist.navbar.action',
    priority: 50,
    render: function(node) {
      stop = renderNotifications(node);
    },
    unmount: function() {
      if (stop) {
        stop();
      }
    }
  }
];
