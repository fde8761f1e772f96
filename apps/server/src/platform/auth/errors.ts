import { defineError } from '../errors.ts'

export const invalidCredentials = defineError('AUTH_INVALID_CREDENTIALS', 'unauthorized', {
  zh: '用户名或密码错误',
  en: 'Wrong username or password',
})
export const accountDisabled = defineError('AUTH_ACCOUNT_DISABLED', 'forbidden', {
  zh: '账号已停用，请联系管理员',
  en: 'The account is disabled; contact the administrator',
})
export const csrfInvalid = defineError('AUTH_CSRF_INVALID', 'forbidden', {
  zh: '页面已过期，请刷新后重试',
  en: 'The page has expired; refresh and try again',
})
export const apiKeyInvalid = defineError('AUTH_API_KEY_INVALID', 'unauthorized', {
  zh: 'API 密钥无效、已过期或已吊销',
  en: 'The API key is invalid, expired or revoked',
})
export const missingCapability = defineError('AUTH_FORBIDDEN', 'forbidden', {
  zh: '您没有执行此操作的权限（需要 {capability}）',
  en: 'You are not allowed to do this (requires {capability})',
})
export const usernameTaken = defineError('AUTH_USERNAME_TAKEN', 'conflict', {
  zh: '用户名 {username} 已存在',
  en: 'Username {username} is already taken',
})
export const weakPassword = defineError('AUTH_WEAK_PASSWORD', 'validation', {
  zh: '密码至少 {min} 位，须包含大写字母、小写字母、数字、符号中的至少三类，且不得为常见密码、包含用户名或连续重复字符',
  en: 'The password needs at least {min} characters and three of: upper case, lower case, digits, symbols; it must not be a common password, contain the username or repeat one character',
})
export const passwordReused = defineError('AUTH_PASSWORD_REUSED', 'validation', {
  zh: '新密码不能与最近 {count} 次使用过的密码相同',
  en: 'The new password must differ from the last {count} passwords',
})
export const currentPasswordWrong = defineError('AUTH_CURRENT_PASSWORD_WRONG', 'validation', {
  zh: '当前密码不正确',
  en: 'The current password is wrong',
})
export const passwordChangeRequired = defineError('AUTH_PASSWORD_CHANGE_REQUIRED', 'forbidden', {
  zh: '密码已过期，请先修改密码',
  en: 'Your password has expired; change it first',
})
export const capabilityNotGrantable = defineError('AUTH_CAPABILITY_NOT_GRANTABLE', 'invalid_state', {
  zh: '权限 {capability} 只能授予人员账号，不能授予 API 密钥',
  en: 'The capability {capability} is for staff accounts only and cannot be granted to an API key',
})
export const invalidRole = defineError('AUTH_INVALID_ROLE', 'validation', {
  zh: '未知角色 {role}',
  en: 'Unknown role {role}',
})
