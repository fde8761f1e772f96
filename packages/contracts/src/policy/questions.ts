/** Policy Q&A: enterprise questions, answers and their ratings, FAQ publishing, and the rematch report. */
import { z } from 'zod'
import { PageQuerySchema } from '../common.ts'
import { QUESTION_STATUSES } from './enums.ts'

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
