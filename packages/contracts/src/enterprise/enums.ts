/** Enterprise enumerations (scales, tags, service modules, states), code formats and the reference data. */
import { z } from 'zod'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** Scale class (统计上大中小微型企业划分办法（2017）): 大型 / 中型 / 小型 / 微型. Computed, never typed in. */
export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number]
export const ENTERPRISE_SCALE_NAMES: Record<EnterpriseScale, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
}

/** Qualifications and labels an enterprise can hold (the vocabulary policy rules match on). */
export const ENTERPRISE_TAGS = [
  '高新技术企业',
  '科技型中小企业',
  '专精特新',
  '专精特新“小巨人”',
  '规上企业',
  '瞪羚企业',
  '独角兽企业',
  '省级企业技术中心',
  '农业产业化龙头企业',
  '外贸出口企业',
  '上市企业',
  // Negative credit marks: policies commonly exclude them (失信联合惩戒).
  '失信被执行人',
] as const
export type EnterpriseTag = (typeof ENTERPRISE_TAGS)[number]

export const ENTERPRISE_STATUSES = ['active', 'closed'] as const
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number]

/** 融资 / 人才招聘培训 / 供需对接 / 法律 / 科技. */
export const ENTERPRISE_SERVICE_MODULES = ['financing', 'talent', 'supply_demand', 'legal', 'technology'] as const
export type EnterpriseServiceModule = (typeof ENTERPRISE_SERVICE_MODULES)[number]
export const ENTERPRISE_SERVICE_MODULE_NAMES: Record<EnterpriseServiceModule, string> = {
  financing: '融资服务',
  talent: '人才招聘培训',
  supply_demand: '供需对接',
  legal: '法律服务',
  technology: '科技服务',
}

/** Who offers services: a government department, a bank, a law firm, a university, an agency. */
export const PROVIDER_KINDS = ['department', 'bank', 'law_firm', 'university', 'agency'] as const
export type ProviderKind = (typeof PROVIDER_KINDS)[number]

/** Service request states (mirror the workflow states): 待受理, 办理中, 已办结, 不予受理, 已撤回. */
export const SERVICE_REQUEST_STATUSES = ['submitted', 'handling', 'completed', 'declined', 'withdrawn'] as const
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number]
export const SERVICE_REQUEST_STATUS_NAMES: Record<ServiceRequestStatus, string> = {
  submitted: '待受理',
  handling: '办理中',
  completed: '已办结',
  declined: '不予受理',
  withdrawn: '已撤回',
}
/** Actions on a request: provider `accept` / `decline` (comment) / `complete` (comment = result); applicant `withdraw`. */
export const SERVICE_REQUEST_ACTIONS = ['accept', 'decline', 'complete', 'withdraw'] as const
export type ServiceRequestAction = (typeof SERVICE_REQUEST_ACTIONS)[number]

export const MEMBER_STATUSES = ['pending', 'verified', 'rejected'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/** Supply-demand board: 需求 (need) or 供给 (offer), of a product or a service. */
export const LISTING_KINDS = ['need', 'offer'] as const
export type ListingKind = (typeof LISTING_KINDS)[number]
export const LISTING_CATEGORIES = ['product', 'service'] as const
export type ListingCategory = (typeof LISTING_CATEGORIES)[number]

/**
 * GB/T 4754-2017 code as an enterprise stores it: section letter + 2-digit division, optionally the 3-digit group or
 * 4-digit class (C27, C271, C2710). The server checks the division belongs to the section.
 */
export const IndustryCodeSchema = z.string().regex(/^[A-T]\d{2}(\d{1,2})?$/, 'Invalid industry code')
/** Filter by industry: a section (C), a division (C27) or a longer prefix. */
export const IndustryPrefixSchema = z.string().regex(/^[A-T](\d{2}(\d{1,2})?)?$/, 'Invalid industry code')
export const ParkCodeSchema = z.string().regex(/^MP-PARK-[A-Z0-9-]{1,20}$/, 'Invalid park code')

// ---------------------------------------------------------------------------------------------------------------
// Reference data

export const IndustryDivisionSchema = z.object({ code: z.string(), name: z.string(), scaleRow: z.string() })
export const IndustrySectionSchema = z.object({
  code: z.string(),
  name: z.string(),
  divisions: z.array(IndustryDivisionSchema),
})
export const IndustryListSchema = z.object({ items: z.array(IndustrySectionSchema) })

/** One row of the 2017 scale table: thresholds (lower bounds) per class; null = indicator not used. */
export const ScaleBoundsSchema = z.object({
  employees: z.number().nullable(),
  revenueWan: z.number().nullable(),
  assetsWan: z.number().nullable(),
})
export const ScaleRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  large: ScaleBoundsSchema,
  medium: ScaleBoundsSchema,
  small: ScaleBoundsSchema,
})
export const ScaleRuleListSchema = z.object({ source: z.string(), items: z.array(ScaleRowSchema) })

export const ReferenceSchema = z.object({
  tags: z.array(z.string()),
  scales: z.array(z.object({ key: z.enum(ENTERPRISE_SCALES), name: z.string() })),
  modules: z.array(z.object({ key: z.enum(ENTERPRISE_SERVICE_MODULES), name: z.string() })),
  parks: z.array(z.object({ code: z.string(), name: z.string() })),
})
