/**
 * The eligibility rule language: the Rule type, its limits and `validateRule`, which the server and the web rule
 * editor both use. See docs/policy.md for the reference.
 */
import { z } from 'zod'
import { SCALES, type Scale } from './enums.ts'

// ---------------------------------------------------------------------------------------------------------------
// The eligibility rule language

/** Numeric profile fields a comparison may name; rndRatio = rndWan / revenueWan (0 when there is no revenue). */
export const NUMERIC_FIELDS = ['employees', 'revenueWan', 'rndWan', 'rndRatio', 'ageYears'] as const
export type NumericField = (typeof NUMERIC_FIELDS)[number]
export const NUMERIC_FIELD_LABELS: Record<NumericField, { label: string; unit: string }> = {
  employees: { label: '从业人数', unit: '人' },
  revenueWan: { label: '营业收入', unit: '万元' },
  rndWan: { label: '研发投入', unit: '万元' },
  rndRatio: { label: '研发投入占营业收入比例', unit: '%' },
  ageYears: { label: '成立年限', unit: '年' },
}

/** Text profile fields an `in` list may name. */
export const LIST_FIELDS = ['scale', 'industryCode', 'divisionCode', 'parkCode'] as const
export type ListField = (typeof LIST_FIELDS)[number]
export const LIST_FIELD_LABELS: Record<ListField, string> = {
  scale: '企业规模',
  industryCode: '行业代码',
  divisionCode: '注册地区划',
  parkCode: '所在园区',
}

export const COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const
export type Comparison = (typeof COMPARISONS)[number]

export interface Compare {
  field: NumericField
  value: number
}

/**
 * One node of an eligibility rule: an object with exactly one key naming its kind. Combinators: all, any, not.
 * Leaves: numeric comparisons (eq … lte, between), `in` lists, tags, division / park / industry / scale.
 */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { eq: Compare }
  | { ne: Compare }
  | { gt: Compare }
  | { gte: Compare }
  | { lt: Compare }
  | { lte: Compare }
  | { between: { field: NumericField; min: number; max: number } }
  | { in: { field: ListField; values: string[] } }
  | { hasTag: string }
  | { hasAnyTag: string[] }
  | { hasAllTags: string[] }
  | { divisionWithin: string }
  | { parkIn: string[] }
  | { industryPrefix: string | string[] }
  | { scaleIn: Scale[] }

export const RULE_KINDS = [
  'all',
  'any',
  'not',
  ...COMPARISONS,
  'between',
  'in',
  'hasTag',
  'hasAnyTag',
  'hasAllTags',
  'divisionWithin',
  'parkIn',
  'industryPrefix',
  'scaleIn',
] as const
export type RuleKind = (typeof RULE_KINDS)[number]

/** Limits that keep one rule cheap to compile and readable in the editor. */
export const RULE_LIMITS = { maxDepth: 8, maxNodes: 200, maxListLength: 200 } as const

const DIVISION_PREFIX = /^\d{2}(\d{2}){0,2}(\d{3}){0,2}$/
/** GB/T 4754 prefix: section letter, then 2-, 3- or 4-digit class. */
const INDUSTRY_PREFIX = /^[A-T](\d{2}(\d{1,2})?)?$/

const msgNumber = '应为数字'
const text = z.string({ error: '应为文本' }).trim().min(1, '不能为空').max(100, '过长（最多 100 字）')
const num = z.number({ error: msgNumber }).refine(Number.isFinite, '应为有限数字')
const numericField = z.enum(NUMERIC_FIELDS, { error: `应为以下字段之一：${NUMERIC_FIELDS.join('、')}` })
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: '应为列表' })
    .min(1, '列表不能为空')
    .max(RULE_LIMITS.maxListLength, `列表过长（最多 ${RULE_LIMITS.maxListLength} 项）`)
const compare = z.strictObject({ field: numericField, value: num }, { error: '应为 { field, value } 对象' })
const industryPrefix = z
  .string({ error: '应为行业代码前缀' })
  .regex(INDUSTRY_PREFIX, '应为国民经济行业分类代码前缀（如 C、C27、C2710）')

/** zod schema of each leaf body (combinators are checked structurally by validateRule). */
const LEAF_SCHEMAS: Record<Exclude<RuleKind, 'all' | 'any' | 'not'>, z.ZodType> = {
  eq: compare,
  ne: compare,
  gt: compare,
  gte: compare,
  lt: compare,
  lte: compare,
  between: z.strictObject({ field: numericField, min: num, max: num }, { error: '应为 { field, min, max } 对象' }),
  in: z.strictObject(
    {
      field: z.enum(LIST_FIELDS, { error: `应为以下字段之一：${LIST_FIELDS.join('、')}` }),
      values: listOf(text),
    },
    { error: '应为 { field, values } 对象' },
  ),
  hasTag: text,
  hasAnyTag: listOf(text),
  hasAllTags: listOf(text),
  divisionWithin: z.string({ error: '应为区划代码' }).regex(DIVISION_PREFIX, '应为区划代码（2–12 位，如 370612106）'),
  parkIn: listOf(text),
  industryPrefix: z.union([industryPrefix, listOf(industryPrefix)], {
    error: '应为行业代码前缀或其列表（如 C27）',
  }),
  scaleIn: listOf(z.enum(SCALES, { error: `应为 ${SCALES.join('、')} 之一` })),
}

export interface RuleIssue {
  /** Where in the rule, e.g. `rule.all[2].gte.value`. */
  path: string
  message: string
}

const pathOf = (base: string, parts: PropertyKey[]) =>
  parts.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`), base)

/**
 * Validates a rule (zod per node plus semantic checks: between min ≤ max, ratio within 0–1, limits on depth and
 * size). Every issue names the bad part by its path, e.g. `rule.all[2].gte.value: 应为数字`.
 */
export function validateRule(
  raw: unknown,
  base = 'rule',
): { ok: true; rule: Rule } | { ok: false; issues: RuleIssue[] } {
  const issues: RuleIssue[] = []
  let nodes = 0
  const walk = (node: unknown, path: string, depth: number): void => {
    nodes++
    if (nodes === RULE_LIMITS.maxNodes + 1)
      issues.push({ path: base, message: `条件过多（最多 ${RULE_LIMITS.maxNodes} 个节点）` })
    if (depth > RULE_LIMITS.maxDepth) {
      issues.push({ path, message: `嵌套过深（最多 ${RULE_LIMITS.maxDepth} 层）` })
      return
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      issues.push({ path, message: '应为条件对象，如 { "hasTag": "高新技术企业" }' })
      return
    }
    const keys = Object.keys(node)
    if (keys.length !== 1) {
      issues.push({
        path,
        message: keys.length ? `一个条件只能有一个键，现有 ${keys.join('、')}` : '条件为空',
      })
      return
    }
    const kind = keys[0]!
    const body = (node as Record<string, unknown>)[kind]
    const here = `${path}.${kind}`
    if (kind === 'all' || kind === 'any') {
      if (!Array.isArray(body) || body.length === 0) {
        issues.push({ path: here, message: '应为非空的条件列表' })
        return
      }
      body.forEach((child, i) => {
        walk(child, `${here}[${i}]`, depth + 1)
      })
      return
    }
    if (kind === 'not') {
      walk(body, here, depth + 1)
      return
    }
    const schema = LEAF_SCHEMAS[kind as keyof typeof LEAF_SCHEMAS]
    if (!schema) {
      issues.push({ path: here, message: `未知的条件类型（可用：${RULE_KINDS.join('、')}）` })
      return
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      for (const iss of parsed.error.issues) issues.push({ path: pathOf(here, iss.path), message: iss.message })
      return
    }
    const v = parsed.data as Record<string, unknown>
    if (kind === 'between' && (v.min as number) > (v.max as number))
      issues.push({ path: `${here}.min`, message: '下限不能大于上限' })
    const ratio = (field: unknown, val: unknown, at: string) => {
      if (field === 'rndRatio' && ((val as number) < 0 || (val as number) > 1))
        issues.push({ path: at, message: '研发投入占比以小数表示，应在 0 到 1 之间（如 0.03 表示 3%）' })
    }
    if ((COMPARISONS as readonly string[]).includes(kind)) ratio(v.field, v.value, `${here}.value`)
    if (kind === 'between') {
      ratio(v.field, v.min, `${here}.min`)
      ratio(v.field, v.max, `${here}.max`)
    }
    if (kind === 'in' && v.field === 'scale')
      (v.values as string[]).forEach((s, i) => {
        if (!(SCALES as readonly string[]).includes(s))
          issues.push({ path: `${here}.values[${i}]`, message: `应为 ${SCALES.join('、')} 之一` })
      })
  }
  walk(raw, base, 1)
  return issues.length ? { ok: false, issues } : { ok: true, rule: raw as Rule }
}

/** Route-level schema: the rule's structure is checked by `validateRule` in the service (precise paths). */
export const RuleSchema = z.custom<Rule>((v) => v !== null && typeof v === 'object' && !Array.isArray(v), {
  error: '应为条件对象',
})
