import type { FastifyError, FastifyRequest } from 'fastify'

export interface Issue {
  path: (string | number)[]
  message: string
  in?: string
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数值',
  boolean: '布尔值',
  object: '对象',
  array: '列表',
  date: '日期',
}

/** What the caller sent at a path ('missing' when nothing was there). */
function describe(v: unknown): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v = root
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string | number, unknown>)[k]
  }
  return v
}

// Zod's messages are English; officials read Chinese. Translate by issue code, keep the English for `en`.
// Zod does not report the input (no `reportInput`), so an invalid type is told apart from a missing field by
// looking at what the request carried; JSON numbers past ±1.8e308 parse to ±Infinity and zod reports them as
// `received: "Infinity"`.
function translateIssue(
  code: string,
  params: Record<string, unknown>,
  en: string,
  sent: unknown,
): { zh: string; en: string } {
  const min = params.minimum as number | undefined
  const max = params.maximum as number | undefined
  switch (code) {
    case 'invalid_type': {
      const received = typeof params.received === 'string' ? params.received : undefined
      if (received === 'NaN' && typeof sent === 'string') return { zh: '应为数值', en: 'Expected a number' }
      if (received === 'Infinity' || received === '-Infinity' || received === 'NaN')
        return { zh: '必须是有限的数值', en: 'Must be a finite number' }
      if (sent === undefined) return { zh: '此项为必填项', en: 'Required' }
      const expected = String(params.expected ?? '')
      return {
        zh: TYPE_ZH[expected] ? `类型不正确，应为${TYPE_ZH[expected]}` : '类型不正确',
        en: `Expected ${expected || 'another type'}, received ${describe(sent)}`,
      }
    }
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

/** The zod issues of a failed schema validation, in both languages, each naming its field and input. */
export function issuesOf(err: FastifyError, req: FastifyRequest): { zh: Issue[]; en: Issue[] } {
  const context = err.validationContext
  const input =
    context === 'body'
      ? req.body
      : context === 'querystring'
        ? req.query
        : context === 'params'
          ? req.params
          : undefined
  const zh: Issue[] = []
  const en: Issue[] = []
  for (const v of err.validation ?? []) {
    const path = (v.instancePath ?? '').split('/').filter(Boolean)
    const t = translateIssue(
      v.keyword,
      (v.params ?? {}) as Record<string, unknown>,
      v.message ?? '',
      context === 'headers' ? req.headers[String(path[0])] : valueAt(input, path),
    )
    zh.push({ path, message: t.zh, in: context })
    en.push({ path, message: t.en, in: context })
  }
  return { zh, en }
}
