// Zhifa: replaces the config.js of Camunda's webjar (ours comes first on the classpath). ADR-0011.
export default {
  // header, login page and <title>: "执法 流程监控"
  app: {
    name: '流程监控',
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
  // /camunda/assets/zhifa-sla-board.js: the SLA board (期限监督看板, docs/sla.md) — dashboard box, menu entry, page #/sla
  // /camunda/assets/zhifa-cockpit-permissions.js: only the buttons the user may use (issue 17 §5)
  // /camunda/assets/zhifa-ledgers.js: the ledgers (执法台账, docs/ledgers.md) — menu entry, page #/ledgers
  customScripts: ['../../assets/zhifa-webapps', '../../assets/zhifa-sla-board', '../../assets/zhifa-cockpit-permissions',
    '../../assets/zhifa-ledgers']
};
