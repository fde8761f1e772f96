/** Policies with their interpretations and FAQs, rule previews and the matches between policies and enterprises. */
import { z } from 'zod'
import { DateSchema, PageQuerySchema } from '../common.ts'
import { INTERPRETATION_KINDS, POLICY_LEVELS, POLICY_STATUSES } from './enums.ts'
import { RuleSchema } from './rules.ts'

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
