// Zhifa (ADR-0011): what the webapps' locale files cannot reach, loaded through each app's
// config.js customScripts. Kept small: every line here depends on Camunda's internals.
const angular = window.angular;

// Chinese pages: screen readers, hyphenation and the choice of Simplified Chinese glyphs
document.documentElement.lang = 'zh-CN';

// the header's app menu (home icon): labels compiled in, in English
const APP_LABELS = {
  welcome: '首页',
  tasklist: '任务中心',
  cockpit: '流程监控',
  admin: '系统管理'
};

// AngularJS's own date names (date pickers, the "date" filter), as in angular-i18n's zh-cn
const ZH_DATETIME_FORMATS = {
  AMPMS: ['上午', '下午'],
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  ERANAMES: ['公元前', '公元'],
  ERAS: ['公元前', '公元'],
  FIRSTDAYOFWEEK: 0,
  MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  STANDALONEMONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  WEEKENDRANGE: [5, 6],
  fullDate: 'y年M月d日EEEE',
  longDate: 'y年M月d日',
  medium: 'y年M月d日 HH:mm:ss',
  mediumDate: 'y年M月d日',
  mediumTime: 'HH:mm:ss',
  short: 'y-MM-dd HH:mm',
  shortDate: 'y-MM-dd',
  shortTime: 'HH:mm'
};

// Camunda Forms (form-js) and its date picker (flatpickr) have their texts compiled in, in English, with
// no locale mechanism: the task and start forms are translated where they are shown. Only whole texts
// form-js itself writes are replaced, never what a form's author or a user wrote.
const FORM_TEXTS = [
  [/^Field is required\.$/, '此项为必填项'],
  [/^Field must have minimum length of (\d+)\.$/, '至少填写 $1 个字'],
  [/^Field must have maximum length of (\d+)\.$/, '最多填写 $1 个字'],
  [/^Field must have minimum value of (.+)\.$/, '不得小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不得大于 $1'],
  [/^Field must match pattern .*$/, '格式不符合要求'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱地址'],
  [/^Field must be a valid {1,2}international phone number.*$/, '请填写有效的电话号码'],
  [/^Select$/, '请选择'],
  [/^No results$/, '没有匹配的选项'],
  [/^All values selected$/, '已全部选择']
];
const FORM_PLACEHOLDERS = { Search: '搜索', Select: '请选择' };
const WEEKDAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六' };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const FORM_SCOPE = '.fjs-container, .flatpickr-calendar';

function translateFormText(node) {
  const text = node.nodeValue.trim();
  if (!text || !node.parentElement || !node.parentElement.closest(FORM_SCOPE)) {
    return;
  }
  if (node.parentElement.closest('.flatpickr-weekday') && WEEKDAYS[text]) {
    node.nodeValue = WEEKDAYS[text];
    return;
  }
  if (node.parentElement.closest('.flatpickr-monthDropdown-months, .cur-month') && MONTHS.includes(text)) {
    node.nodeValue = (MONTHS.indexOf(text) + 1) + '月';
    return;
  }
  for (const [pattern, chinese] of FORM_TEXTS) {
    if (pattern.test(text)) {
      node.nodeValue = text.replace(pattern, chinese);
      return;
    }
  }
}

function translateForms(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateFormText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateFormText(node);
  }
  const inputs = root.matches('input[placeholder]') ? [root] : root.querySelectorAll('input[placeholder]');
  inputs.forEach(function(input) {
    const chinese = FORM_PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese && input.closest(FORM_SCOPE)) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

// The agency a task belongs to is shown by Tasklist as Camunda's tenant id (LIAOKUO): shown by its name instead
// (寥廓街道综合行政执法队, GET /api/agencies) — users never see internal codes. Only a text that is exactly a known code
// is replaced, so what Tasklist writes again is replaced again and nothing else is touched.
let agencyNames = {};
let agencyNamesAsked = 0;

// asked once logged in: on the login page the answer is 401, and the webapps log in without reloading the page
function askAgencyNames() {
  if (Date.now() - agencyNamesAsked < 5000) {
    return;
  }
  agencyNamesAsked = Date.now();
  fetch('/api/agencies', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function(response) {
      return response.ok ? response.json() : [];
    })
    .then(function(agencies) {
      agencies.forEach(function(agency) {
        agencyNames[agency.code] = agency.name;
      });
      showAgencyNames(document.documentElement);
    })
    .catch(function() {
      // asked again the next time a task shows its agency
    });
}

function showAgencyNames(node) {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (!element || element.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const tenants = element.closest('.tenant-id') ? [element.closest('.tenant-id')] : element.querySelectorAll('.tenant-id');
  tenants.forEach(function(tenant) {
    // the text node AngularJS writes the code into is kept (its next change is then replaced too)
    tenant.childNodes.forEach(function(text) {
      const code = text.nodeType === Node.TEXT_NODE ? text.nodeValue.trim() : '';
      if (agencyNames[code]) {
        text.nodeValue = text.nodeValue.replace(code, agencyNames[code]);
      } else if (code && !Object.values(agencyNames).includes(code)) {
        askAgencyNames();
      }
    });
    const tooltip = agencyNames[tenant.getAttribute('uib-tooltip')];
    if (tooltip) {
      tenant.setAttribute('uib-tooltip', tooltip);
    }
  });
}

new MutationObserver(function(mutations) {
  mutations.forEach(function(mutation) {
    if (mutation.type === 'characterData') {
      translateForms(mutation.target);
      showAgencyNames(mutation.target);
    } else if (mutation.type === 'attributes') {
      translateForms(mutation.target);
    } else {
      mutation.addedNodes.forEach(translateForms);
      mutation.addedNodes.forEach(showAgencyNames);
    }
  });
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder']
});

// Tasklist, after a start: besides "流程已发起。", the number the system gave what was just started (案号 for a
// case: its business key), so the officer can quote and find it at once. The start dialog keeps the
// started instance to itself; the user's latest started instance is read back from the history instead.
const PROCESS_STARTED = '流程已发起。';
const ENGINE_API = '/camunda/api/engine/engine/default';

function announceStartedNumber(notifications) {
  fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })
    .then(function(response) { return response.ok ? response.json() : null; })
    .then(function(auth) {
      if (!auth || !auth.userId) {
        return null;
      }
      return fetch(ENGINE_API + '/history/process-instance?startedBy=' + encodeURIComponent(auth.userId)
        + '&sortBy=startTime&sortOrder=desc&maxResults=1', { credentials: 'same-origin' })
        .then(function(response) { return response.ok ? response.json() : []; });
    })
    .then(function(instances) {
      const started = instances && instances[0];
      if (started && started.businessKey && Date.now() - Date.parse(started.startTime) < 120000) {
        notifications.addMessage({
          status: '编号',
          message: (started.processDefinitionName || '') + '：' + started.businessKey,
          duration: 10000
        });
      }
    })
    .catch(function() {});
}

// Tasklist: a due date in a year whose holiday calendar is not yet published is a weekends-only guess
// (docs/calendar.md). The system keeps the note on the task (task-local variable deadlineProvisional,
// removed when the calendar arrives and the deadline is recomputed); it is shown above the task's form.
const PROVISIONAL_VARIABLE = 'deadlineProvisional';
const PROVISIONAL_CLASS = 'zhifa-provisional-deadline';
const provisional = { taskId: null, note: null };

function provisionalTaskId() {
  const match = /[?&]task=([0-9A-Za-z-]+)/.exec(window.location.hash || '');
  return match ? match[1] : null;
}

function renderProvisionalNote() {
  const pane = document.querySelector('[cam-tasklist-task] .form-pane');
  const shown = document.querySelector('.' + PROVISIONAL_CLASS);
  const note = pane && provisional.taskId === provisionalTaskId() ? provisional.note : null;
  if (shown && (!note || shown.textContent !== note || shown.nextElementSibling !== pane)) {
    shown.remove();
  } else if (shown) {
    return;
  }
  if (note) {
    const banner = document.createElement('div');
    banner.className = PROVISIONAL_CLASS + ' alert alert-warning';
    banner.setAttribute('role', 'note');
    banner.textContent = note;
    pane.parentNode.insertBefore(banner, pane);
  }
}

function checkProvisionalDeadline() {
  const taskId = provisionalTaskId();
  if (!taskId || !document.querySelector('[cam-tasklist-task]')) {
    renderProvisionalNote();
    return;
  }
  if (taskId === provisional.taskId) {
    renderProvisionalNote();
    return;
  }
  provisional.taskId = taskId;
  provisional.note = null;
  fetch(ENGINE_API + '/task/' + encodeURIComponent(taskId) + '/localVariables', { credentials: 'same-origin' })
    .then(function(response) { return response.ok ? response.json() : {}; })
    .then(function(variables) {
      const variable = variables && variables[PROVISIONAL_VARIABLE];
      if (provisional.taskId === taskId) {
        provisional.note = variable && typeof variable.value === 'string' ? variable.value : null;
        renderProvisionalNote();
      }
    })
    .catch(function() {});
}

let provisionalPending = null;
function scheduleProvisionalCheck() {
  if (provisionalPending === null) {
    provisionalPending = setTimeout(function() {
      provisionalPending = null;
      checkProvisionalDeadline();
    }, 150);
  }
}
window.addEventListener('hashchange', function() {
  provisional.taskId = null; // a task opened again is read again (its deadline may have been recomputed)
  scheduleProvisionalCheck();
});
new MutationObserver(scheduleProvisionalCheck).observe(document.documentElement, { childList: true, subtree: true });

angular.module('cam.commons').run([
  '$injector',
  function($injector) {
    // the date picker of due dates, follow-up dates and date variables: 2026年11月, weeks from Monday
    if ($injector.has('uibDatepickerConfig')) {
      const picker = $injector.get('uibDatepickerConfig');
      picker.formatDayTitle = 'y年M月';
      picker.formatMonth = 'MMM';
      picker.formatMonthTitle = 'y年';
      picker.startingDay = 1;
    }
  }
]);

angular.module('cam.commons').config([
  '$provide',
  function($provide) {
    $provide.decorator('$locale', [
      '$delegate',
      function($locale) {
        $locale.id = 'zh-cn';
        angular.extend($locale.DATETIME_FORMATS, ZH_DATETIME_FORMATS);
        return $locale;
      }
    ]);
    $provide.decorator('Notifications', [
      '$delegate',
      '$rootScope',
      function(notifications, $rootScope) {
        // A notification added outside AngularJS's digest showed only at the page's next one — Tasklist's next list
        // refresh, up to 15 s later: the refusal of a Camunda Form's submission (form-js's submit resolves outside
        // it) and the number announced below (fetch). Every notification (addMessage and addError both end in add)
        // asks for a digest when it is added.
        const add = notifications.add;
        notifications.add = function(notification) {
          const started = notification && notification.status === PROCESS_STARTED;
          const result = add.apply(this, arguments);
          $rootScope.$applyAsync();
          if (started) {
            announceStartedNumber(notifications);
          }
          return result;
        };
        return notifications;
      }
    ]);
    $provide.decorator('camWidgetHeaderDirective', [
      '$delegate',
      function($delegate) {
        const header = $delegate[0];
        const injected = header.controller.slice(0, -1);
        const controller = header.controller[header.controller.length - 1];
        const scopeIndex = injected.indexOf('$scope');
        header.controller = injected.concat([
          function() {
            controller.apply(this, arguments);
            const $scope = arguments[scopeIndex];
            $scope.$watch('apps', function(apps) {
              Object.keys(apps || {}).forEach(function(name) {
                if (APP_LABELS[name]) {
                  apps[name].label = APP_LABELS[name];
                }
              });
            });
          }
        ]);
        return $delegate;
      }
    ]);
  }
]);

export default [];
