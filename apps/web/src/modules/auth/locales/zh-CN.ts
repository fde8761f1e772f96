const auth = {
  login: {
    title: '登录',
    subtitle: '牟平区 · 如鱼得水政务服务',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    enterpriseHint: '企业还没有账号？',
    register: '用统一社会信用代码注册',
    failed: '登录未成功',
    demoTitle: '演示环境账号',
    demoBody: '以下账号仅用于演示，密码均为 {{password}}。点击账号可填入表单。',
    demoAccount: '{{username}}（{{role}}）',
    sessionExpired: '登录已过期，请重新登录。',
    footer: '烟台市牟平区 · 如鱼开源政务服务平台',
  },
}

export default auth
