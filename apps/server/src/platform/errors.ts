/** The six kinds of failure a caller can see, each with one HTTP status (see docs/errors.md). */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_state'
  | 'rate_limited'

export const STATUS_OF: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 422,
  rate_limited: 429,
}

export interface Messages {
  zh: string
  en: string
}

/** A failure the caller can act on. `message` is resolved per request language by the error handler. */
export class AppError extends Error {
  readonly code: string
  readonly kind: ErrorKind
  readonly messages: Messages
  readonly details?: Record<string, unknown>
  constructor(code: string, kind: ErrorKind, messages: Messages, details?: Record<string, unknown>) {
    super(messages.en)
    this.name = 'AppError'
    this.code = code
    this.kind = kind
    this.messages = messages
    this.details = details
  }
  get status(): number {
    return STATUS_OF[this.kind]
  }
}

/** Catalogue of all error codes, filled by `defineError`; docs/errors.md is generated from it. */
export const ERROR_CATALOGUE = new Map<string, { kind: ErrorKind; messages: Messages }>()

type Interp = Record<string, string | number>
const fill = (s: string, p?: Interp) => (p ? s.replace(/\{(\w+)\}/g, (_, k) => String(p[k] ?? `{${k}}`)) : s)

/** Declares an error code once; returns a factory taking message parameters and details. */
export function defineError(code: string, kind: ErrorKind, messages: Messages) {
  ERROR_CATALOGUE.set(code, { kind, messages })
  return (params?: Interp, details?: Record<string, unknown>) =>
    new AppError(code, kind, { zh: fill(messages.zh, params), en: fill(messages.en, params) }, details)
}

// Platform-wide codes.
export const validationFailed = defineError('VALIDATION_FAILED', 'validation', {
  zh: '提交的数据有误，请检查标红的字段',
  en: 'Some fields are invalid; please check the highlighted fields',
})
export const badRequest = defineError('BAD_REQUEST', 'validation', {
  zh: '请求格式不正确：{reason}',
  en: 'Malformed request: {reason}',
})
export const authRequired = defineError('AUTH_REQUIRED', 'unauthorized', {
  zh: '请先登录',
  en: 'Please log in first',
})
export const forbidden = defineError('FORBIDDEN', 'forbidden', {
  zh: '您没有执行此操作的权限',
  en: 'You are not allowed to do this',
})
export const notFound = defineError('NOT_FOUND', 'not_found', {
  zh: '未找到{what}',
  en: '{what} not found',
})
export const routeNotFound = defineError('ROUTE_NOT_FOUND', 'not_found', {
  zh: '接口不存在',
  en: 'No such endpoint',
})
export const conflict = defineError('CONFLICT', 'conflict', {
  zh: '数据已被修改或已存在，请刷新后重试',
  en: 'The data was changed or already exists; refresh and try again',
})
export const rateLimited = defineError('RATE_LIMITED', 'rate_limited', {
  zh: '操作过于频繁，请稍后再试',
  en: 'Too many requests; please try again later',
})
export const bodyTooLarge = defineError('BODY_TOO_LARGE', 'validation', {
  zh: '提交的内容过大（上限 {limit}）',
  en: 'The request is too large (limit {limit})',
})
export const unsupportedMediaType = defineError('UNSUPPORTED_MEDIA_TYPE', 'validation', {
  zh: '不支持的内容类型',
  en: 'Unsupported content type',
})
export const uriTooLong = defineError('URI_TOO_LONG', 'validation', {
  zh: '请求地址过长（每段路径参数最多 {limit} 个字符）',
  en: 'The request URL is too long (at most {limit} characters per path parameter)',
})
export const inputInvalidCharacters = defineError('INPUT_INVALID_CHARACTERS', 'validation', {
  zh: '提交的内容含有不允许的字符（空字符、残缺的 Unicode 代理项或无效的 UTF-8 编码）',
  en: 'The input contains characters that are not allowed (NUL, a lone UTF-16 surrogate or invalid UTF-8)',
})
export const multipartInvalid = defineError('MULTIPART_INVALID', 'validation', {
  zh: '上传的表单数据不完整或格式不正确，请重新上传',
  en: 'The multipart form data is incomplete or malformed; please upload again',
})
export const multipartTooManyParts = defineError('MULTIPART_TOO_MANY_PARTS', 'validation', {
  zh: '一次提交的文件或字段过多（上限：文件 {files} 个、字段 {fields} 个）',
  en: 'Too many files or fields in one request (limit: {files} files, {fields} fields)',
})
export const referenceInvalid = defineError('REFERENCE_INVALID', 'validation', {
  zh: '引用的数据不存在或已被删除',
  en: 'A referenced record does not exist or was deleted',
})
export const inputTooLong = defineError('INPUT_TOO_LONG', 'validation', {
  zh: '提交的内容超出了允许的长度或范围',
  en: 'A value is longer or larger than allowed',
})
