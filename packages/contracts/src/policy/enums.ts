/** Policy enumerations: levels, states, interpretation kinds, question states and enterprise scales. */

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
