/** Hotline settings (time limits, duplicates, statistics conventions) and the statistics report. */
import { z } from 'zod'
import { DateSchema } from '../common.ts'
import { FOLLOWUP_RESULTS } from './enums.ts'

// ---------------------------------------------------------------------------------------------------------------
// Configuration (platform settings; Shandong defaults)

export const DurationSchema = z.object({
  amount: z.number().positive().max(1000),
  unit: z.enum(['workday', 'hour']),
  warnBefore: z.number().min(0).max(100).optional(),
})
/** 办结率, 按期办结率 and 按时反馈率 count the orders due (deadline) in the period, or those received in it. */
export const STATS_CLOSE_BASES = ['due', 'received'] as const
/** 按期: the first reply the centre accepted against the deadline then, or the last reply (after 重办). */
export const STATS_ON_TIME_BY = ['first_reply', 'last_reply'] as const
/** 不予受理 in the 办结 rates: left out, counted as closed (never on time), or as closed on time. */
export const STATS_DECLINED = ['excluded', 'closed', 'closed_on_time'] as const
/** 响应率: the unit contacted the caller or replied within the handling limit, or acknowledged (签收) in time. */
export const STATS_RESPONSE_BY = ['contact', 'acknowledge'] as const
/** Follow-up results counted: every call (a 不满意 before 重办 stays), or only the latest per order. */
export const STATS_FOLLOWUP_COUNT = ['every_call', 'latest'] as const
export const STATS_CONVENTION_SHAPE = {
  closeBasis: z.enum(STATS_CLOSE_BASES).default('due'),
  onTimeBy: z.enum(STATS_ON_TIME_BY).default('first_reply'),
  declined: z.enum(STATS_DECLINED).default('excluded'),
  responseBy: z.enum(STATS_RESPONSE_BY).default('contact'),
  followupCount: z.enum(STATS_FOLLOWUP_COUNT).default('every_call'),
}

export const HotlineSettingsSchema = z.object({
  timeLimits: z.object({
    /** Handling limit by urgency, counted from receipt (Shandong: 5 working days; urgent 24 calendar hours). */
    handle: z.object({ normal: DurationSchema, urgent: DurationSchema }),
    /** Overrides by request type for normal urgency (e.g. consult: 2 working days). */
    handleByType: z.record(z.string(), DurationSchema),
    /** 签收 limit by urgency from dispatch (next working day / 2 hours). */
    acknowledge: z.object({ normal: DurationSchema, urgent: DurationSchema }),
    /** 退单 allowed within this many working days of dispatch. */
    returnWorkdays: z.number().int().min(0).max(30),
    /** 延期 at most this many working days per request. */
    extensionMaxWorkdays: z.number().int().min(1).max(60),
    /** Clock stops while an extension request waits for the centre. */
    pauseWhileExtensionPending: z.boolean(),
  }),
  duplicates: z.object({
    windowDays: z.number().int().min(1).max(365),
    radiusMetres: z.number().min(1).max(10000),
  }),
  stats: z.object({
    /** Weight of 基本满意 in 满意率 (0–1). */
    basicallySatisfiedWeight: z.number().min(0).max(1),
    /** Follow-up results counted in the 满意率 / 解决率 denominator (unreachable excluded by default). */
    validResults: z.array(z.enum(FOLLOWUP_RESULTS)).min(1),
    /**
     * Conventions (docs/hotline.md "Statistics"); the defaults are the Shandong/national ones of DOMAIN.md §1.5.
     * A stats section stored before they existed reads as the defaults.
     */
    ...STATS_CONVENTION_SHAPE,
  }),
})
export type HotlineSettings = z.infer<typeof HotlineSettingsSchema>
export const UpdateHotlineSettingsSchema = HotlineSettingsSchema.partial().refine((o) => Object.keys(o).length > 0, {
  error: 'Give at least one settings section',
})

// ---------------------------------------------------------------------------------------------------------------
// Statistics

export const STATS_GROUPS = ['unit', 'town', 'category', 'month'] as const
export const StatsQuerySchema = z.object({
  groupBy: z.enum(STATS_GROUPS).default('unit'),
  /** Orders received from this CST date … */
  from: DateSchema,
  /** … to this CST date, inclusive. */
  to: DateSchema,
})
export type StatsQuery = z.infer<typeof StatsQuerySchema>

/** The eight rates; every one is reported with its numerator and denominator. */
export const STATS_RATES = [
  'closeRate',
  'onTimeRate',
  'onTimeReplyRate',
  'responseRate',
  'followupRate',
  'validFollowupRate',
  'solveRate',
  'satisfactionRate',
] as const
export type StatsRate = (typeof STATS_RATES)[number]
export const FractionSchema = z.object({
  /** Exact count; for 满意率 满意 + w × 基本满意, so it may have decimals. */
  numerator: z.number(),
  denominator: z.number().int(),
})

/** Counts and rates under the conventions in `settings` (docs/hotline.md "Statistics"). */
export const StatsRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Orders received in the period (merged duplicates excluded). */
  total: z.number().int(),
  /** Received and dispatched to a unit: the 响应率 denominator. */
  dispatched: z.number().int(),
  /** 应办结: orders due (or received, per `closeBasis`) in the period, 不予受理 left out unless counted. */
  cohort: z.number().int(),
  /** 不予受理 orders on the 办结 cohort's basis (whether they count depends on `declined`). */
  declined: z.number().int(),
  /** Closed orders of the cohort. */
  closed: z.number().int(),
  /** Received, handled by a unit and closed after the follow-up call (direct answers and declines excluded). */
  closedByUnit: z.number().int(),
  closedOnTime: z.number().int(),
  /** Orders of the cohort whose reply was on time (`onTimeBy`): 按时反馈. */
  repliedOnTime: z.number().int(),
  /** 响应率 numerator (`responseBy`). */
  respondedOnTime: z.number().int(),
  /** Received orders whose reply the centre accepted (reached 待回访, even if 重办 reopened them since). */
  followupDue: z.number().int(),
  /** Of those, called back at least once. */
  followedUp: z.number().int(),
  /** Follow-up results counted (`followupCount`: calls, or orders by their latest result). */
  followups: z.number().int(),
  validFollowups: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  unreachable: z.number().int(),
  solved: z.number().int(),
  /** 办结率 = closed ÷ cohort. */
  closeRate: z.number().nullable(),
  /** 按期办结率 = closed on time ÷ cohort. */
  onTimeRate: z.number().nullable(),
  /** 按时反馈率 = replied on time ÷ cohort. */
  onTimeReplyRate: z.number().nullable(),
  /** 响应率 = responded in time ÷ dispatched. */
  responseRate: z.number().nullable(),
  /** 回访率 = followed up ÷ follow-up due (never above 1). */
  followupRate: z.number().nullable(),
  /** 有效回访率 = valid follow-ups ÷ follow-ups. */
  validFollowupRate: z.number().nullable(),
  /** 解决率 = solved ÷ valid follow-ups. */
  solveRate: z.number().nullable(),
  /** 满意率 = (满意 + w × 基本满意) ÷ valid follow-ups. */
  satisfactionRate: z.number().nullable(),
  /** Numerator and denominator of every rate; the rate is their quotient rounded half up to 4 decimals. */
  fractions: z.record(z.enum(STATS_RATES), FractionSchema),
})
export type StatsRow = z.infer<typeof StatsRowSchema>
export const StatsResultSchema = z.object({
  groupBy: z.enum(STATS_GROUPS),
  from: z.string(),
  to: z.string(),
  formulas: z.record(z.string(), z.string()),
  settings: HotlineSettingsSchema.shape.stats,
  /** Rounding of every rate (stated in the export too). */
  rounding: z.string(),
  overall: StatsRowSchema,
  rows: z.array(StatsRowSchema),
})
export type StatsResult = z.infer<typeof StatsResultSchema>
