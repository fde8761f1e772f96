import type auth from './zh-CN'

const en: typeof auth = {
  login: {
    title: 'Log in',
    subtitle: 'Muping District government services',
    username: 'Username',
    usernamePlaceholder: 'Enter your username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordPlaceholder: 'Enter your password',
    passwordRequired: 'Enter your password',
    submit: 'Log in',
    enterpriseHint: 'No enterprise account yet?',
    register: 'Register with your USCC',
    failed: 'Login failed',
    demoTitle: 'Demo accounts',
    demoBody:
      'These accounts exist only for the demo; the password of each is {{password}}. Click one to fill in the form.',
    demoAccount: '{{username}} ({{role}})',
    sessionExpired: 'Your session has expired. Please log in again.',
    footer: 'Muping District, Yantai · Ruyu open-source government services',
  },
}

export default en
