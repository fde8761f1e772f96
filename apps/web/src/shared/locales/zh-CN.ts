/** Strings shared by every module: actions, states, errors, role names. */
const common = {
  appName: '如鱼政务服务平台',
  appShortName: '如鱼',
  districtName: '烟台市牟平区',
  actions: {
    search: '搜索',
    reset: '重置',
    retry: '重试',
    print: '打印',
    export: '导出 Excel',
    exportHint: '按当前筛选条件导出全部结果（Excel 表格）',
    refresh: '刷新',
    back: '返回',
    backHome: '返回首页',
    open: '打开',
    viewAll: '查看全部',
    close: '关闭',
  },
  states: {
    loading: '正在加载…',
    empty: '暂无数据',
    yes: '是',
    no: '否',
    none: '—',
  },
  pagination: {
    total: '共 {{total}} 条',
  },
  errors: {
    requestId: '请求编号 {{id}}',
    network: '无法连接服务器，请检查网络后重试。',
    http: '服务器暂时无法处理请求（状态码 {{status}}），请稍后重试。',
    unknown: '出现了意外错误，请稍后重试。',
    title: '操作未成功',
    loadFailed: '加载失败',
    // Public pages (citizens): no codes or request ids, only what to do next.
    publicServer: '服务暂时不可用，请稍后重试。',
    publicNotFound: '没有找到相关信息，请核对后再试。',
    publicRejected: '请求未能完成，请核对填写的内容。',
  },
  roles: {
    admin: '系统管理员',
    district_leader: '区领导',
    window_clerk: '综合窗口受理员',
    dept_reviewer: '部门审批员',
    town_clerk: '镇街工作人员',
    village_agent: '村居帮办代办员',
    hotline_operator: '12345话务员',
    handling_unit: '承办单位工作人员',
    inspector: '检查员',
    enterprise_user: '企业用户',
    citizen: '群众',
    service_provider: '服务机构人员',
    policy_officer: '部门政策专员',
  },
  language: {
    switchTo: '切换到 {{name}}',
    zhCN: '中文',
    en: 'English',
  },
}

export default common
