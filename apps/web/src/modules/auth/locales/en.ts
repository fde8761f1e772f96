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
  password: {
    title: 'Change password',
    description: 'Once changed, you are logged out on your other devices.',
    forcedTitle: 'Change your password first',
    forcedBody: 'Your password has expired or was reset by an administrator. Change it to go on using the system.',
    rulesTitle: 'Password rules',
    ruleLength: 'At least {{min}} characters',
    ruleClasses: 'At least three of: upper-case letters, lower-case letters, digits, symbols',
    ruleOther: 'Not a common password, not containing your username, no character repeated 4 or more times in a row',
    ruleHistory: 'Different from the passwords you used recently',
    current: 'Current password',
    currentRequired: 'Enter your current password',
    new: 'New password',
    newRequired: 'Enter a new password',
    newSameAsCurrent: 'The new password must differ from the current one',
    confirm: 'Confirm new password',
    confirmRequired: 'Enter the new password again',
    confirmMismatch: 'The two new passwords differ',
    submit: 'Change password',
    changed: 'Password changed',
    changedBody: 'The new password is in effect; your other devices have been logged out.',
  },
}

export default en
