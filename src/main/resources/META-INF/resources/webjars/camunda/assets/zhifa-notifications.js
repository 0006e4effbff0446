// Zhifa: the logged-in user's notifications in Tasklist (issue 17 §3, docs/sla.md) — a Tasklist plugin of the
// 7.14+ plugin system at tasklist.navbar.action, loaded through tasklist/scripts/config.js customScripts: "通知" with
// the unread count in the header; a click opens the list (newest first) with "标为已读" and "全部标为已读".
// Data: GET /api/notifications with the Tasklist session; marking read POSTs with Spring's CSRF token, which the
// list's answer carries in the header X-CSRF-TOKEN (zhifa-page.js).
import { el, time, api } from './zhifa-page.js';

const API = '/api/notifications';
const REFRESH_MS = 60000;
function renderNotifications(node) {
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
    return api(API + '?size=20');
  }

  function mark(path) {
    return api(API + path, {});
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
          el('span', { class: 'text-muted', text: time(item.createdAt) })
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
