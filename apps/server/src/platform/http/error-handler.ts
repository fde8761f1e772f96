import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import {
  AppError,
  badRequest,
  bodyTooLarge,
  rateLimited,
  routeNotFound,
  unsupportedMediaType,
  validationFailed,
} from '../errors.ts'

export type Lang = 'zh' | 'en'

/** zh-CN unless the caller prefers English (Accept-Language starting with en). */
export function langOf(req: FastifyRequest): Lang {
  const h = req.headers['accept-language']
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'zh'
}

interface Issue {
  path: (string | number)[]
  message: string
  in?: string
}

// Zod's messages are English; officials read Chinese. Translate by issue code, keep the English for `en`.
function translateIssue(code: string, params: Record<string, unknown>, en: string): { zh: string; en: string } {
  const min = params.minimum as number | undefined
  const max = params.maximum as number | undefined
  switch (code) {
    case 'invalid_type':
      return params.input === undefined ? { zh: '此项为必填项', en: 'Required' } : { zh: '类型不正确', en }
    case 'too_small':
      return params.origin === 'string'
        ? { zh: min === 1 ? '此项为必填项' : `长度不能少于 ${min} 个字符`, en }
        : { zh: `不能小于 ${min}`, en }
    case 'too_big':
      return params.origin === 'string' ? { zh: `长度不能超过 ${max} 个字符`, en } : { zh: `不能大于 ${max}`, en }
    case 'invalid_format':
      return { zh: '格式不正确', en }
    case 'invalid_value':
      return { zh: '取值不在允许范围内', en }
    case 'unrecognized_keys':
      return { zh: '包含不允许的字段', en }
    case 'custom':
      return { zh: CUSTOM_ZH[en] ?? en, en }
    default:
      return { zh: '取值无效', en }
  }
}

/** Chinese for the custom refinements in @ruyu/contracts (English message → Chinese). */
export const CUSTOM_ZH: Record<string, string> = {
  'Unified social credit code must be 18 upper-case characters (digits and letters except I, O, S, V, Z)':
    '统一社会信用代码应为 18 位大写字母或数字（不含 I、O、S、V、Z）',
  'Unified social credit code check character is wrong': '统一社会信用代码校验位不正确',
  'ID number must be 17 digits followed by a digit or X': '居民身份证号码应为 17 位数字加 1 位数字或 X',
  'ID number birth date is impossible, in the future or before 1900': '居民身份证号码中的出生日期无效',
  'ID number check character is wrong': '居民身份证号码校验位不正确',
  'Mobile number must be 11 digits starting with 13–19': '手机号码应为 13–19 开头的 11 位数字',
  'Phone must be an 11-digit mobile number or a landline with area code (0535-4232102)':
    '电话号码应为 11 位手机号码或带区号的固定电话（如 0535-4232102）',
  'Invalid category code': '分类编码格式不正确',
  'Give at least one settings section': '请至少提交一项设置',
  'Give the tracking token, or the order number and the last 4 digits of the phone':
    '请输入查询码，或工单编号和手机号后四位',
  'Invalid date': '日期无效',
  'Invalid division code': '行政区划代码格式不正确',
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const lang = langOf(req)
    let appErr: AppError
    if (err instanceof AppError) appErr = err
    else if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err as FastifyError).validationContext
      const issues: Issue[] = []
      const issuesEn: Issue[] = []
      for (const v of (err as FastifyError).validation ?? []) {
        const path = (v.instancePath ?? '').split('/').filter(Boolean)
        const t = translateIssue(v.keyword, (v.params ?? {}) as Record<string, unknown>, v.message ?? '')
        issues.push({ path, message: t.zh, in: context })
        issuesEn.push({ path, message: t.en, in: context })
      }
      appErr = validationFailed(undefined, { issues: lang === 'en' ? issuesEn : issues })
    } else {
      const fe = err as FastifyError
      const code = fe.code
      if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT')
        appErr = bodyTooLarge({ limit: String(fe.message.match(/\d+/)?.[0] ?? '') })
      else if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
        appErr = unsupportedMediaType()
      else if (fe.statusCode === 429) appErr = rateLimited()
      else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
        appErr = badRequest({ reason: fe.message }, { fastifyCode: code })
      else {
        req.log.error({ err }, 'unhandled error')
        return reply.code(500).send({
          code: 'INTERNAL_ERROR',
          message: lang === 'en' ? 'Internal error; the request id was logged' : '系统内部错误，已记录请求编号',
          requestId: req.id,
        })
      }
    }
    return reply.code(appErr.status).send({
      code: appErr.code,
      message: appErr.messages[lang],
      ...(appErr.details ? { details: appErr.details } : {}),
      requestId: req.id,
    })
  })

  app.setNotFoundHandler((req, reply) => {
    const e = routeNotFound()
    return reply.code(404).send({ code: e.code, message: e.messages[langOf(req)], requestId: req.id })
  })
}
