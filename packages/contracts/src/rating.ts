import { z } from 'zod'

export const RATING_LEVELS = [1, 2, 3, 4, 5] as const
/** 差评 reasons offered to raters (a subset of the GB/T 39734 annex list; free text is always allowed too). */
export const BAD_RATING_REASONS = [
  '办事指南不准确',
  '多次跑动',
  '办理超时',
  '服务态度差',
  '要求提交额外材料',
  '系统操作不便',
  '其他',
] as const

export const SubmitRatingSchema = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  reasons: z.array(z.enum(BAD_RATING_REASONS)).max(7).optional(),
  comment: z.string().trim().max(1000).optional(),
  channel: z.enum(['online', 'window', 'app', 'sms', 'hotline', 'kiosk', 'qr']).default('online'),
})
export type SubmitRating = z.infer<typeof SubmitRatingSchema>

export const RatingSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectTitle: z.string(),
  serviceItemCode: z.string().nullable(),
  departmentId: z.string().nullable(),
  divisionCode: z.string(),
  channel: z.string(),
  level: z.number(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  realName: z.boolean(),
  indicatorVersion: z.string(),
  rectificationInstanceId: z.string().nullable(),
  /** State of the 差评 rectification on the workflow engine (null without one). */
  rectificationState: z.string().nullable(),
  createdAt: z.string(),
})

/** States of the 差评 rectification workflow (rating/domain.ts), in the order a rectification passes them. */
export const RECTIFICATION_STATES = [
  'callback',
  'rectifying',
  'appeal_review',
  'rectified',
  'explained',
  'appeal_accepted',
] as const
export type RectificationState = (typeof RECTIFICATION_STATES)[number]

/** A rating as its handlers see it: the answerable department's name added. */
export const RatingListItemSchema = RatingSchema.extend({ departmentName: z.string().nullable() })
export type RatingListItem = z.infer<typeof RatingListItemSchema>
export const RatingPageSchema = z.object({ items: z.array(RatingListItemSchema), total: z.number() })

export const RatingListQuerySchema = z.object({
  bad: z.enum(['true', 'false']).optional(),
  level: z.coerce.number().int().min(1).max(5).optional(),
  departmentId: z.uuid().optional(),
  rectification: z.enum(RECTIFICATION_STATES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

const RatingCountsSchema = z.object({
  total: z.number(),
  /** 差评 (1–2 stars) and their share of all ratings (null without ratings). */
  bad: z.number(),
  badRate: z.number().nullable(),
  /** Ratings per level '1'…'5'. */
  counts: z.record(z.string(), z.number()),
  satisfaction: z.number().nullable(),
  /** 差评 rectifications started, and how many are in each rectification state. */
  rectifications: z.number(),
  rectification: z.record(z.string(), z.number()),
})

export const RatingStatsSchema = z.object({
  weights: z.record(z.string(), z.number()),
  satisfaction: z.number().nullable(),
  overall: RatingCountsSchema,
  items: z.array(
    RatingCountsSchema.extend({ departmentId: z.string().nullable(), departmentName: z.string().nullable() }),
  ),
})
export type RatingStats = z.infer<typeof RatingStatsSchema>
