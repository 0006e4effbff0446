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
