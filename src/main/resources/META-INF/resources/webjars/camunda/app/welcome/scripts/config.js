// Zhifa: replaces the config.js of Camunda's webjar (ours comes first on the classpath). ADR-0011.
export default {
  // header, login page and <title>: "执法 首页"
  app: {
    name: '首页',
    vendor: '执法'
  },
  // Simplified Chinese only, whatever the browser's language (locales/zh.json)
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // the first-login box points to Camunda's welcome page, which we do not serve
  disableWelcomeMessage: true,
  // /camunda/assets/zhifa-webapps.js: page language, app menu labels
  customScripts: ['../../assets/zhifa-webapps'],
  // instead of Camunda's documentation link
  links: [
    {
      label: '执法信息公示平台',
      href: '/public/',
      description: '向社会公开的行政执法决定、执法主体、执法人员和执法流程'
    }
  ]
};
