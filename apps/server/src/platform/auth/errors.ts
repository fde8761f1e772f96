import { defineError } from '../errors.ts'

export const invalidCredentials = defineError('AUTH_INVALID_CREDENTIALS', 'unauthorized', {
  zh: '用户名或密码错误',
  en: 'Wrong username or password',
})
export const accountLocked = defineError('AUTH_ACCOUNT_LOCKED', 'forbidden', {
  zh: '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
  en: 'Too many failed logins; the account is locked, try again in {minutes} minutes',
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
  zh: 'API 密钥无效或已吊销',
  en: 'The API key is invalid or revoked',
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
  zh: '密码至少 8 位，且须包含字母和数字',
  en: 'The password needs at least 8 characters with letters and digits',
})
export const invalidRole = defineError('AUTH_INVALID_ROLE', 'validation', {
  zh: '未知角色 {role}',
  en: 'Unknown role {role}',
})
