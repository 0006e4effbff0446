// Zhifa: what our webapp plugins share (the SLA board in Cockpit, the notifications in Tasklist): building DOM
// nodes, China's time, and our API with the webapp's session — reads as they are, writes with Spring's CSRF
// token, which our API's answers to a page of the webapps carry in the header X-CSRF-TOKEN.

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hour12: false
});

/** An element with attributes (text, on… listeners, others as attributes) and children (nodes or strings). */
export function el(tag, attrs, children) {
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

/** An instant as 2026-12-01 10:00 in China's time; '' for none. */
export function time(iso) {
  return iso ? TIME.format(new Date(iso)).replace(/\//g, '-') : '';
}

let csrf = null;

/**
 * GET (or, with a body, POST as JSON) one of our API's paths with the session; the answer's JSON, or an Error with
 * the problem's Chinese detail.
 */
export function api(path, post) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (post) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    if (csrf) {
      init.headers['X-CSRF-TOKEN'] = csrf;
    }
    init.body = JSON.stringify(post);
  }
  return fetch(path, init).then(function(response) {
    csrf = response.headers.get('X-CSRF-TOKEN') || csrf;
    return response.json().catch(function() { return {}; }).then(function(body) {
      if (!response.ok) {
        throw new Error(body && body.detail ? body.detail : (post ? '操作失败（' : '查询失败（') + response.status + '）');
      }
      return body;
    });
  });
}
