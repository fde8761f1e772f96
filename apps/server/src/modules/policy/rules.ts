/**
 * The eligibility rule language, plainly: a recursive reference evaluator, the explanation of a match (which
 * conditions held, in Chinese) and the rule in words. The fast matcher (matcher.ts) must agree with `evaluate`;
 * the property test checks it on random rules and profiles. Pure: no I/O.
 */
import {
  type Compare,
  type ListField,
  NUMERIC_FIELD_LABELS,
  type NumericField,
  type Rule,
  SCALE_NAMES,
  type Scale,
} from '@ruyu/contracts/policy'
import { industryName } from './data/industries.ts'

/** The profile fields the rule language reads (a subset of the enterprise module's EnterpriseProfile). */
export interface MatchProfile {
  uscc: string
  name: string
  divisionCode: string
  parkCode: string | null
  industryCode: string
  employees: number
  revenueWan: number
  rndWan: number
  ageYears: number
  tags: readonly string[]
  scale: Scale
}

/** Names for codes, so explanations read “注册地属于玉林店镇” rather than a number. */
export interface Names {
  division?(code: string): string | undefined
  park?(code: string): string | undefined
}

/** rnd / revenue; 0 when there is no revenue (a start-up with research but no sales has no meaningful ratio). */
export const rndRatioOf = (rndWan: number, revenueWan: number) => (revenueWan > 0 ? rndWan / revenueWan : 0)

export function numericValue(p: MatchProfile, f: NumericField): number {
  switch (f) {
    case 'employees':
      return p.employees
    case 'revenueWan':
      return p.revenueWan
    case 'rndWan':
      return p.rndWan
    case 'ageYears':
      return p.ageYears
    case 'rndRatio':
      return rndRatioOf(p.rndWan, p.revenueWan)
  }
}

export function listValue(p: MatchProfile, f: ListField): string | null {
  return f === 'scale'
    ? p.scale
    : f === 'industryCode'
      ? p.industryCode
      : f === 'divisionCode'
        ? p.divisionCode
        : p.parkCode
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v])

/** The kind of a node (its single key). */
export const kindOf = (r: Rule) => Object.keys(r)[0] as keyof Rule & string

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b
    case 'ne':
      return a !== b
    case 'gt':
      return a > b
    case 'gte':
      return a >= b
    case 'lt':
      return a < b
    case 'lte':
      return a <= b
  }
  return false
}

/** Reference semantics: a direct recursive interpretation of the rule over one profile. */
export function evaluate(rule: Rule, p: MatchProfile): boolean {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  switch (k) {
    case 'all':
      return (b as Rule[]).every((c) => evaluate(c, p))
    case 'any':
      return (b as Rule[]).some((c) => evaluate(c, p))
    case 'not':
      return !evaluate(b as Rule, p)
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(k, numericValue(p, b.field), b.value)
    case 'between': {
      const v = numericValue(p, b.field)
      return v >= b.min && v <= b.max
    }
    case 'in': {
      const v = listValue(p, b.field)
      return v !== null && (b.values as string[]).includes(v)
    }
    case 'hasTag':
      return p.tags.includes(b)
    case 'hasAnyTag':
      return (b as string[]).some((t) => p.tags.includes(t))
    case 'hasAllTags':
      return (b as string[]).every((t) => p.tags.includes(t))
    case 'divisionWithin':
      return p.divisionCode.startsWith(b)
    case 'parkIn':
      return p.parkCode !== null && (b as string[]).includes(p.parkCode)
    case 'industryPrefix':
      return asList(b).some((x) => p.industryCode.startsWith(x))
    case 'scaleIn':
      return (b as string[]).includes(p.scale)
  }
  return false
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const OP_SIGN: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' }
const OP_NEG: Record<string, string> = { eq: 'ne', ne: 'eq', gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' }

/** 12345.678 → “12,345.68”; ratios as percentages. */
export function formatValue(field: NumericField, v: number): string {
  if (Number.isNaN(v)) return '未填报'
  if (field === 'rndRatio') return `${Number((v * 100).toFixed(2))}%`
  return Number(v.toFixed(2)).toLocaleString('en-US')
}
const withUnit = (field: NumericField, v: number) => {
  const u = NUMERIC_FIELD_LABELS[field].unit
  return u === '%' ? formatValue(field, v) : `${formatValue(field, v)} ${u}`
}
const quoted = (xs: readonly string[]) => xs.map((x) => `「${x}」`).join('、')
const divisionLabel = (code: string, n: Names) => {
  const name = n.division?.(code)
  return name ? `${name}（${code}）` : code
}
const parkLabel = (code: string, n: Names) => n.park?.(code) ?? code
const industryLabel = (code: string) => {
  const name = industryName(code)
  return name ? `${code} ${name}` : code
}
const listLabel = (f: ListField, v: string, n: Names) =>
  f === 'scale'
    ? (SCALE_NAMES[v as Scale] ?? v)
    : f === 'industryCode'
      ? industryLabel(v)
      : f === 'divisionCode'
        ? divisionLabel(v, n)
        : parkLabel(v, n)
const LIST_LABEL: Record<ListField, string> = {
  scale: '企业规模',
  industryCode: '所属行业',
  divisionCode: '注册地',
  parkCode: '所在园区',
}

/** The rule in words (for the policy page and the editor), e.g. “同时满足：研发投入 ≥ 100 万元；「高新技术企业」”. */
export function ruleText(rule: Rule, n: Names = {}): string {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  switch (k) {
    case 'all':
      return (b as Rule[]).length === 1
        ? ruleText(b[0], n)
        : `同时满足：${(b as Rule[]).map((c) => paren(c, n)).join('；')}`
    case 'any':
      return (b as Rule[]).length === 1
        ? ruleText(b[0], n)
        : `满足其一：${(b as Rule[]).map((c) => paren(c, n)).join('；')}`
    case 'not':
      return `不满足：${paren(b, n)}`
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${NUMERIC_FIELD_LABELS[(b as Compare).field].label} ${OP_SIGN[k]} ${withUnit(b.field, b.value)}`
    case 'between':
      return `${NUMERIC_FIELD_LABELS[b.field as NumericField].label}在 ${withUnit(b.field, b.min)} 至 ${withUnit(b.field, b.max)} 之间`
    case 'in':
      return `${LIST_LABEL[b.field as ListField]}为 ${(b.values as string[]).map((v) => listLabel(b.field, v, n)).join('、')} 之一`
    case 'hasTag':
      return `${b}`
    case 'hasAnyTag':
      return `具有 ${quoted(b)} 之一`
    case 'hasAllTags':
      return `同时具有 ${quoted(b)}`
    case 'divisionWithin':
      return `注册地属于${divisionLabel(b, n)}`
    case 'parkIn':
      return `位于${(b as string[]).map((x) => parkLabel(x, n)).join('、')}`
    case 'industryPrefix':
      return `所属行业为 ${asList(b).map(industryLabel).join('、')}`
    case 'scaleIn':
      return `企业规模为${(b as Scale[]).map((s) => SCALE_NAMES[s]).join('、')}`
  }
  return k
}
const paren = (r: Rule, n: Names) => {
  const k = kindOf(r)
  const t = ruleText(r, n)
  return (k === 'all' || k === 'any') && (r as Record<string, Rule[]>)[k]!.length > 1 ? `（${t}）` : t
}

/** Why one leaf held for this profile, with the profile's own value (“研发投入 320 万元 ≥ 100 万元”). */
function leafReason(rule: Rule, p: MatchProfile, n: Names): string {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  switch (k) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const f = b.field as NumericField
      return `${NUMERIC_FIELD_LABELS[f].label} ${withUnit(f, numericValue(p, f))} ${OP_SIGN[k]} ${withUnit(f, b.value)}`
    }
    case 'between': {
      const f = b.field as NumericField
      return `${NUMERIC_FIELD_LABELS[f].label} ${withUnit(f, numericValue(p, f))}，在 ${withUnit(f, b.min)} 至 ${withUnit(f, b.max)} 之间`
    }
    case 'in': {
      const f = b.field as ListField
      return `${LIST_LABEL[f]} ${listLabel(f, listValue(p, f) ?? '', n)}`
    }
    case 'hasTag':
      return `${b}：是`
    case 'hasAnyTag':
      return (b as string[])
        .filter((t) => p.tags.includes(t))
        .map((t) => `${t}：是`)
        .join('；')
    case 'hasAllTags':
      return (b as string[]).map((t) => `${t}：是`).join('；')
    case 'divisionWithin':
      return `注册地 ${divisionLabel(p.divisionCode, n)} 属于${divisionLabel(b, n)}`
    case 'parkIn':
      return `所在园区 ${parkLabel(p.parkCode ?? '', n)}`
    case 'industryPrefix': {
      const hit = asList(b).find((x) => p.industryCode.startsWith(x)) ?? p.industryCode
      const name = industryName(hit)
      return `所属行业 ${hit}${name ? ` ${name}` : ''}${hit !== p.industryCode ? `（${p.industryCode}）` : ''}`
    }
    case 'scaleIn':
      return `企业规模：${SCALE_NAMES[p.scale]}`
  }
  return ruleText(rule, n)
}

/** Why a negated leaf held (the leaf itself failed), e.g. “失信被执行人：否”, “成立年限 3 年 < 5 年”. */
function negatedReason(rule: Rule, p: MatchProfile, n: Names): string {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  if (k in OP_NEG) return leafReason({ [OP_NEG[k]!]: b } as Rule, p, n)
  switch (k) {
    case 'hasTag':
      return `${b}：否`
    case 'hasAnyTag':
      return (b as string[]).map((t) => `${t}：否`).join('；')
    case 'scaleIn':
      return `企业规模：${SCALE_NAMES[p.scale]}（非${(b as Scale[]).map((s) => SCALE_NAMES[s]).join('、')}）`
    case 'industryPrefix':
      return `所属行业 ${industryLabel(p.industryCode)}（非${asList(b).join('、')}）`
    case 'divisionWithin':
      return `注册地 ${divisionLabel(p.divisionCode, n)} 不属于${divisionLabel(b, n)}`
    case 'not':
      return explain(b, p, n).reasons.join('；')
  }
  return `不满足：${ruleText(rule, n)}`
}

/**
 * Evaluates like `evaluate` and, when the rule holds, lists the conditions that held, in order. For `any`, every
 * alternative that held is listed; for `not`, the negated condition in words.
 */
export function explain(rule: Rule, p: MatchProfile, n: Names = {}): { matched: boolean; reasons: string[] } {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  if (k === 'all') {
    const reasons: string[] = []
    for (const c of b as Rule[]) {
      const e = explain(c, p, n)
      if (!e.matched) return { matched: false, reasons: [] }
      reasons.push(...e.reasons)
    }
    return { matched: true, reasons }
  }
  if (k === 'any') {
    const reasons: string[] = []
    let matched = false
    for (const c of b as Rule[]) {
      const e = explain(c, p, n)
      if (e.matched) {
        matched = true
        reasons.push(...e.reasons)
      }
    }
    return { matched, reasons: matched ? reasons : [] }
  }
  if (k === 'not') {
    const inner = b as Rule
    if (evaluate(inner, p)) return { matched: false, reasons: [] }
    return { matched: true, reasons: [negatedReason(inner, p, n)] }
  }
  return evaluate(rule, p) ? { matched: true, reasons: [leafReason(rule, p, n)] } : { matched: false, reasons: [] }
}

/** The profile's own value for what a leaf tests (“从业人数 51 人”, “注册地 玉林店镇（370612106）”). */
function currentValue(rule: Rule, p: MatchProfile, n: Names): string {
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  if (k in OP_NEG || k === 'between')
    return `${NUMERIC_FIELD_LABELS[b.field as NumericField].label} ${withUnit(b.field, numericValue(p, b.field))}`
  switch (k) {
    case 'in': {
      const v = listValue(p, b.field)
      return `${LIST_LABEL[b.field as ListField]} ${v ? listLabel(b.field, v, n) : '未填报'}`
    }
    case 'hasTag':
    case 'hasAnyTag':
    case 'hasAllTags':
      return `无${quoted(asList(b).filter((t) => !p.tags.includes(t)))}`
    case 'divisionWithin':
      return `注册地 ${divisionLabel(p.divisionCode, n)}`
    case 'parkIn':
      return `所在园区 ${p.parkCode ? parkLabel(p.parkCode, n) : '无'}`
    case 'industryPrefix':
      return `所属行业 ${industryLabel(p.industryCode)}`
    case 'scaleIn':
      return `企业规模 ${SCALE_NAMES[p.scale]}`
  }
  return ''
}

/**
 * Why a rule does not hold for this profile: the conditions that fail, each with the profile's own value
 * (“从业人数在 12 人 至 12 人 之间：不满足（从业人数 13 人）”). For `any`, every alternative fails, so all are listed;
 * for `not`, the condition that now holds. Empty when the rule holds.
 */
export function failures(rule: Rule, p: MatchProfile, n: Names = {}): string[] {
  if (evaluate(rule, p)) return []
  const r = rule as Record<string, any>
  const k = kindOf(rule)
  const b = r[k]
  if (k === 'all' || k === 'any') return (b as Rule[]).flatMap((c) => failures(c, p, n))
  if (k === 'not') return [`不应满足“${ruleText(b, n)}”：${explain(b, p, n).reasons.join('；')}`]
  return [`${ruleText(rule, n)}：不满足（${currentValue(rule, p, n)}）`]
}
