// Zhifa: replaces the config.js of Camunda's webjar (ours comes first on the classpath). ADR-0011.
export default {
  // header, login page and <title>: "执法 任务中心"
  app: {
    name: '任务中心',
    vendor: '执法'
  },
  // Simplified Chinese only, whatever the browser's language (locales/zh.json)
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // the first-login box points to Camunda's welcome page, which we do not serve
  disableWelcomeMessage: true,
  // /camunda/assets/zhifa-webapps.js: page language, app menu labels;
  // /camunda/assets/zhifa-notifications.js: the user's notifications (通知) in the header (docs/sla.md)
  customScripts: ['../../assets/zhifa-webapps', '../../assets/zhifa-notifications'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个筛选器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
