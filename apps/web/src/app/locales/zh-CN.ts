/** Strings of the shell: menu, header, exception pages. */
const app = {
  menu: {
    home: '首页',
    directory: '组织机构',
    notifications: '消息通知',
  },
  header: {
    scope: '当前范围',
    scopePrefix: '当前范围：',
    noScope: '未分配岗位',
    userMenu: '用户菜单',
    changePassword: '修改密码',
    logout: '退出登录',
    loggedOut: '已退出登录',
    openMenu: '展开菜单',
    closeMenu: '收起菜单',
  },
  exception: {
    notFoundTitle: '页面不存在',
    notFoundBody: '你访问的地址不存在或已被移除，请检查地址或从左侧菜单进入。',
    forbiddenTitle: '没有权限',
    forbiddenBody: '你的岗位没有访问此页面的权限。如需开通，请联系系统管理员。',
    crashTitle: '页面出错了',
    crashBody: '页面加载时出现错误，请刷新重试；如果反复出现，请把下面的信息告诉系统管理员。',
    reload: '刷新页面',
    publicCrashBody: '页面加载时出现错误，请刷新重试；如果仍然打不开，请稍后再试。',
  },
}

export default app
