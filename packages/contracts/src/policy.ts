/**
 * 惠企政策 (policy push) contracts: policies, interpretations, the eligibility rule language, matches with their
 * reasons, policy Q&A and FAQs. Shared by the server's route schemas and the web forms (the rule editor validates
 * with `validateRule` as the server does). See docs/policy.md for the rule language reference and the API list.
 */
import { z } from 'zod'
import { DateSchema, PageQuerySchema } from './common.ts'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** 国家级 / 省级 / 市级 / 区级. */
export const POLICY_LEVELS = ['national', 'provincial', 'city', 'district'] as const
export type PolicyLevel = (typeof POLICY_LEVELS)[number]
export const POLICY_LEVEL_NAMES: Record<PolicyLevel, string> = {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  district: '区级',
}

/** 草稿 / 已发布 / 已失效 (past its validity; marked on read and by the daily sweep). */
export const POLICY_STATUSES = ['draft', 'published', 'expired'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]
export const POLICY_STATUS_NAMES: Record<PolicyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  expired: '已失效',
}

/** 领导解读 / 现场解读 / 视频解读 / 图文解读. */
export const INTERPRETATION_KINDS = ['leader', 'onsite', 'video', 'graphic'] as const
export type InterpretationKind = (typeof INTERPRETATION_KINDS)[number]
export const INTERPRETATION_KIND_NAMES: Record<InterpretationKind, string> = {
  leader: '领导解读',
  onsite: '现场解读',
  video: '视频解读',
  graphic: '图文解读',
}

/** 待答复 / 已答复. */
export const QUESTION_STATUSES = ['open', 'answered'] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

/** Enterprise scale (GB 划型): 大型 / 中型 / 小型 / 微型. */
export const SCALES = ['large', 'medium', 'small', 'micro'] as const
export type Scale = (typeof SCALES)[number]
export const SCALE_NAMES: Record<Scale, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' }

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

// ---------------------------------------------------------------------------------------------------------------
// Policies

const FileIds = z.array(z.uuid()).max(20)

export const SavePolicySchema = z.object({
  title: z.string().trim().min(2).max(200),
  /** 文号, e.g. 牟政发〔2026〕3号. */
  docNumber: z.string().trim().max(100).nullish(),
  departmentId: z.uuid(),
  level: z.enum(POLICY_LEVELS),
  validFrom: DateSchema,
  validTo: DateSchema.nullish(),
  benefitSummary: z.string().trim().min(1).max(2000),
  fullText: z.string().max(200_000).default(''),
  attachments: FileIds.default([]),
  /** Related catalogue service item (事项) code, e.g. for an "apply" link. */
  serviceItemCode: z.string().trim().max(64).nullish(),
  /** Related enterprise service code (政企云 service catalogue). */
  enterpriseServiceCode: z.string().trim().max(64).nullish(),
  /** Eligibility rule; null = not pushed (a general policy only listed). */
  rule: RuleSchema.nullish(),
})
export type SavePolicy = z.infer<typeof SavePolicySchema>

export const PolicySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  docNumber: z.string().nullable(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  level: z.enum(POLICY_LEVELS),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  benefitSummary: z.string(),
  status: z.enum(POLICY_STATUSES),
  publishedAt: z.string().nullable(),
  hasRule: z.boolean(),
  /** Enterprises matched (and pushed) so far; null when the caller may not see counts. */
  matchCount: z.number().int().nullable(),
  faqCount: z.number().int(),
})
export type PolicySummary = z.infer<typeof PolicySummarySchema>

export const InterpretationSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  kind: z.enum(INTERPRETATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** File ids (images, video, slides). */
  media: z.array(z.uuid()),
  speaker: z.string().nullable(),
  createdAt: z.string(),
})
export type Interpretation = z.infer<typeof InterpretationSchema>

export const SaveInterpretationSchema = z.object({
  kind: z.enum(INTERPRETATION_KINDS),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50_000),
  media: FileIds.default([]),
  /** Who interprets (领导解读: the leader's name and post). */
  speaker: z.string().trim().max(100).nullish(),
})
export type SaveInterpretation = z.infer<typeof SaveInterpretationSchema>

export const FaqSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  questionId: z.uuid().nullable(),
  question: z.string(),
  answer: z.string(),
  publishedAt: z.string(),
})
export type Faq = z.infer<typeof FaqSchema>

/** What the caller's enterprise matched on (enterprise accounts only). */
export const MyMatchSchema = z.object({
  matchedAt: z.string(),
  readAt: z.string().nullable(),
  reasons: z.array(z.string()),
  /** Set when the enterprise no longer satisfies the rule (its profile or the rule changed): the push is withdrawn. */
  withdrawnAt: z.string().nullable(),
  /** The conditions that now fail, in words (empty unless withdrawn). */
  withdrawnReasons: z.array(z.string()),
})

export const PolicyDetailSchema = PolicySummarySchema.extend({
  fullText: z.string(),
  attachments: z.array(z.uuid()),
  serviceItemCode: z.string().nullable(),
  enterpriseServiceCode: z.string().nullable(),
  /** The rule (staff with policy:read; null for others). */
  rule: RuleSchema.nullable(),
  /** The rule in words (everyone). */
  ruleText: z.string().nullable(),
  interpretations: z.array(InterpretationSchema),
  faqs: z.array(FaqSchema),
  myMatch: MyMatchSchema.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type PolicyDetail = z.infer<typeof PolicyDetailSchema>

export const PolicyListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(POLICY_STATUSES).optional(),
  level: z.enum(POLICY_LEVELS).optional(),
  departmentId: z.uuid().optional(),
})
export type PolicyListQuery = z.infer<typeof PolicyListQuerySchema>
export const PolicyPageSchema = z.object({ items: z.array(PolicySummarySchema), total: z.number().int() })

// ---------------------------------------------------------------------------------------------------------------
// Rule preview and matches

export const RulePreviewSchema = z.object({ rule: RuleSchema })
export const MatchExampleSchema = z.object({ uscc: z.string(), name: z.string(), reasons: z.array(z.string()) })
export const RulePreviewResultSchema = z.object({
  /** Enterprises that match now. */
  count: z.number().int(),
  /** Of how many profiles. */
  total: z.number().int(),
  examples: z.array(MatchExampleSchema),
  /** The rule in words. */
  ruleText: z.string(),
})
export type RulePreviewResult = z.infer<typeof RulePreviewResultSchema>

/** One matched policy of the caller's enterprise, with why it matched. */
export const MyPolicySchema = z.object({
  policy: PolicySummarySchema,
  reasons: z.array(z.string()),
  matchedAt: z.string(),
  readAt: z.string().nullable(),
  /** Withdrawn: the enterprise no longer satisfies the rule; why in `withdrawnReasons`. */
  withdrawnAt: z.string().nullable(),
  withdrawnReasons: z.array(z.string()),
})
export const MyPolicyPageSchema = z.object({
  items: z.array(MyPolicySchema),
  total: z.number().int(),
  unread: z.number().int(),
})
export const MyPolicyQuerySchema = PageQuerySchema.extend({ unreadOnly: z.coerce.boolean().default(false) })

/** The enterprises a policy matched (staff). */
export const PolicyMatchSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  reasons: z.array(z.string()),
  matchedAt: z.string(),
  readAt: z.string().nullable(),
})
export const PolicyMatchPageSchema = z.object({
  items: z.array(PolicyMatchSchema),
  total: z.number().int(),
  read: z.number().int(),
})

// ---------------------------------------------------------------------------------------------------------------
// Q&A

export const AskSchema = z.object({ question: z.string().trim().min(5).max(2000) })
export const AnswerSchema = z.object({ answer: z.string().trim().min(2).max(5000) })
export const RateAnswerSchema = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  comment: z.string().trim().max(500).nullish(),
  reasons: z.array(z.string().max(50)).max(10).optional(),
})
export const PublishFaqSchema = z.object({
  /** Edited question / answer for the FAQ (defaults: the original text). */
  question: z.string().trim().min(2).max(2000).optional(),
  answer: z.string().trim().min(2).max(5000).optional(),
})

export const QuestionSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  policyTitle: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  question: z.string(),
  status: z.enum(QUESTION_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  askedAt: z.string(),
  dueAt: z.string().nullable(),
  /** 黄牌 (warning) / 红牌 (overdue) from the 24-hour SLA timers. */
  slaFlag: z.enum(['warning', 'overdue']).nullable(),
  ratingLevel: z.number().int().nullable(),
  faqId: z.uuid().nullable(),
  workflowInstanceId: z.uuid().nullable(),
})
export type Question = z.infer<typeof QuestionSchema>
export const QuestionListQuerySchema = PageQuerySchema.extend({
  status: z.enum(QUESTION_STATUSES).optional(),
  policyId: z.uuid().optional(),
})
export const QuestionPageSchema = z.object({ items: z.array(QuestionSchema), total: z.number().int() })

export const RematchResultSchema = z.object({
  policies: z.number().int(),
  profiles: z.number().int(),
  matches: z.number().int(),
  newMatches: z.number().int(),
  ms: z.number(),
})
