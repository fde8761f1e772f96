/**
 * 12345 hotline (接诉即办) contracts: intake (operator, public form, upstream transfer, Open311), the work-order
 * lifecycle actions, categories, routing rules, knowledge base, tracking and statistics. Shared by the server's
 * route schemas and the web forms. See docs/hotline.md for the states and the API list.
 */
import { z } from 'zod'
import { DateSchema, DivisionCodeSchema, PageQuerySchema } from './common.ts'
import { UsccSchema } from './identifier-schemas.ts'
import { isCnPhone } from './identifiers.ts'

// Kept here too for the callers that know them as hotline rules.
export { CN_LANDLINE, isCnPhone } from './identifiers.ts'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** 咨询 / 求助 / 投诉 / 举报 / 意见建议 / 表扬. */
export const REQUEST_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]
export const REQUEST_TYPE_NAMES: Record<RequestType, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '意见建议',
  praise: '表扬',
}

/** 紧急 / 一般. */
export const URGENCIES = ['urgent', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Where the order came from. */
export const CHANNELS = ['phone', 'web', 'wechat', 'email', 'transfer', 'open311', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

/**
 * Internal state (mirrors the workflow state): 待派单, 待签收, 办理中, 延期审核, 待审核 (reply submitted), 待回访,
 * 已办结, 直办办结, 已合并 (duplicate), 不予受理.
 */
export const ORDER_STATUSES = [
  'dispatching',
  'pending_ack',
  'handling',
  'extension_review',
  'reviewing',
  'followup',
  'closed',
  'closed_direct',
  'merged',
  'declined',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  dispatching: '待派单',
  pending_ack: '待签收',
  handling: '办理中',
  extension_review: '延期审核',
  reviewing: '待审核',
  followup: '待回访',
  closed: '已办结',
  closed_direct: '直办办结',
  merged: '已合并',
  declined: '不予受理',
}
export const CLOSED_STATUSES: readonly OrderStatus[] = ['closed', 'closed_direct', 'merged', 'declined']

/** What the public sees: 已受理 / 办理中 / 已答复 / 已办结. */
export const PUBLIC_STATUSES = ['received', 'processing', 'replied', 'closed'] as const
export type PublicStatus = (typeof PUBLIC_STATUSES)[number]
export const PUBLIC_STATUS_NAMES: Record<PublicStatus, string> = {
  received: '已受理',
  processing: '办理中',
  replied: '已答复',
  closed: '已办结',
}

/** 满意 / 基本满意 / 不满意 / 联系不上. */
export const FOLLOWUP_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const
export type FollowupResult = (typeof FOLLOWUP_RESULTS)[number]
export const FOLLOWUP_RESULT_NAMES: Record<FollowupResult, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '联系不上',
}

/** How the unit contacted the caller before replying. */
export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'meeting', 'other', 'not_needed'] as const

export const SLA_FLAGS = ['on_track', 'warning', 'overdue'] as const

/** Timeline actions (hotline_event.action). */
export const EVENT_ACTIONS = [
  'intake',
  'transfer_in',
  'direct_answer',
  'dispatch',
  'acknowledge',
  'return',
  'extension_request',
  'extension_approve',
  'extension_refuse',
  'reply',
  'review_accept',
  'review_reject',
  'followup',
  'reopen',
  'close',
  'supervise',
  'remind',
  'yellow_card',
  'red_card',
  'ack_warning',
  'ack_overdue',
  'deadline_recomputed',
  'merge',
  'merged_in',
  'decline',
  'note',
] as const
export type EventAction = (typeof EVENT_ACTIONS)[number]

// ---------------------------------------------------------------------------------------------------------------
// Field validators

/** Caller phone: a mobile (13800138000) or a landline with area code (0535-4232102). */
export const PhoneSchema = z
  .string()
  .trim()
  .refine(isCnPhone, { error: 'Phone must be an 11-digit mobile number or a landline with area code (0535-4232102)' })

/** The last 4 digits of a phone number (tracking). */
export const phoneLast4 = (phone: string) => phone.replace(/\D/g, '').slice(-4)

const Text = (max: number) => z.string().trim().min(1).max(max)
const Lat = z.number().min(-90).max(90)
const Lng = z.number().min(-180).max(180)

// ---------------------------------------------------------------------------------------------------------------
// Categories

export const CategorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  /** Hierarchical code: 01 → 0101 → 010101 (also the Open311 service_code). */
  code: z.string(),
  name: z.string(),
  depth: z.number().int(),
  /** Names from the root, e.g. 城乡建设 / 供暖 / 暖气不热. */
  pathName: z.string(),
  /** 非受理范围指引: what callers are told when the matter is not the hotline's (litigation, 110 …). */
  guidance: z.string().nullable(),
  active: z.boolean(),
  sort: z.number().int(),
})
export type Category = z.infer<typeof CategorySchema>

export type CategoryNode = Category & { children: CategoryNode[] }
export const CategoryNodeSchema: z.ZodType<CategoryNode> = z.lazy(() =>
  CategorySchema.extend({ children: z.array(CategoryNodeSchema) }),
)
export const CategoryTreeSchema = z.object({ items: z.array(CategoryNodeSchema), total: z.number().int() })

export const CategoryCodeSchema = z.string().regex(/^\d{2}(\d{2}){0,5}$/, 'Invalid category code')

export const CreateCategorySchema = z.object({
  parentId: z.uuid().nullable().optional(),
  code: CategoryCodeSchema,
  name: Text(50),
  guidance: z.string().trim().max(1000).nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
})
export type CreateCategory = z.infer<typeof CreateCategorySchema>
export const UpdateCategorySchema = z.object({
  name: Text(50).optional(),
  guidance: z.string().trim().max(1000).nullable().optional(),
  sort: z.number().int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
})
export type UpdateCategory = z.infer<typeof UpdateCategorySchema>

// ---------------------------------------------------------------------------------------------------------------
// Routing rules (category subtree × division prefix → handling unit)

export const UnitRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() })
export type UnitRef = z.infer<typeof UnitRefSchema>

/** Units that can handle orders: departments, utilities and town/street offices (not the centre itself). */
export const HandlingUnitSchema = UnitRefSchema.extend({
  kind: z.string(),
  divisionCode: z.string(),
})
export const HandlingUnitListSchema = z.object({ items: z.array(HandlingUnitSchema) })

/** Towns of the district, or villages/communities of a town, for the public form's location picker. */
export const PublicDivisionQuerySchema = z.object({
  parentCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
})
export const PublicDivisionListSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), leaf: z.boolean() })),
})

export const RoutingRuleSchema = z.object({
  id: z.string(),
  /** null = any category. */
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  /** Division-code prefix (370612 = the whole district, 370612002 = 文化街道). */
  divisionPrefix: z.string(),
  unit: UnitRefSchema,
  coUnits: z.array(UnitRefSchema),
  note: z.string().nullable(),
})
export type RoutingRule = z.infer<typeof RoutingRuleSchema>

export const CreateRoutingRuleSchema = z.object({
  categoryId: z.uuid().nullable(),
  divisionPrefix: DivisionCodeSchema,
  unitId: z.uuid(),
  coUnitIds: z.array(z.uuid()).max(10).default([]),
  note: z.string().trim().max(200).nullable().optional(),
})
export type CreateRoutingRule = z.infer<typeof CreateRoutingRuleSchema>

export const SuggestionQuerySchema = z.object({
  categoryId: z.uuid(),
  divisionCode: DivisionCodeSchema,
})
/** The most specific matching rule (deepest category, then longest division prefix) and the category guidance. */
export const RoutingSuggestionSchema = z.object({
  rule: RoutingRuleSchema.nullable(),
  unit: UnitRefSchema.nullable(),
  coUnits: z.array(UnitRefSchema),
  /** 非受理范围指引 of the category (or its nearest ancestor with one). */
  guidance: z.string().nullable(),
})
export type RoutingSuggestion = z.infer<typeof RoutingSuggestionSchema>

// ---------------------------------------------------------------------------------------------------------------
// Knowledge base

export const KbArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  keywords: z.array(z.string()),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
})
export type KbArticle = z.infer<typeof KbArticleSchema>
export const KbHitSchema = KbArticleSchema.extend({ rank: z.number() })
export const KbSearchQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(100).optional() })
export const KbSearchResultSchema = z.object({ items: z.array(KbHitSchema), total: z.number().int() })

export const SaveKbArticleSchema = z.object({
  title: Text(100),
  content: Text(5000),
  keywords: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  categoryId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
})
export type SaveKbArticle = z.infer<typeof SaveKbArticleSchema>

// ---------------------------------------------------------------------------------------------------------------
// Intake

const IntakeBase = z.object({
  callerName: z.string().trim().min(1).max(50),
  callerPhone: PhoneSchema,
  /** 保密: the caller's name and phone are hidden from handling units. */
  confidential: z.boolean().default(false),
  requestType: z.enum(REQUEST_TYPES),
  urgency: z.enum(URGENCIES).default('normal'),
  categoryId: z.uuid(),
  divisionCode: DivisionCodeSchema,
  address: Text(200),
  lat: Lat.optional(),
  lng: Lng.optional(),
  description: Text(4000),
  /** File ids from POST /api/files (uploaded by the caller of this endpoint). */
  attachments: z.array(z.uuid()).max(10).default([]),
  /** 企业诉求: the enterprise the matter concerns (统一社会信用代码, check digits validated). */
  enterpriseUscc: UsccSchema.optional(),
})

/** Operator console (phone) intake; `directAnswer` closes it on the spot from the knowledge base (直办). */
export const IntakeSchema = IntakeBase.extend({
  channel: z.enum(['phone', 'web', 'wechat', 'email', 'other']).default('phone'),
  directAnswer: z
    .object({
      answer: Text(4000),
      kbArticleId: z.uuid().nullable().optional(),
    })
    .optional(),
})
export type Intake = z.input<typeof IntakeSchema>
export type IntakeParsed = z.infer<typeof IntakeSchema>

/** The generic intake input the service takes from every channel (operator, public form, transfer, Open311). */
export const IntakeInputSchema = IntakeBase.extend({
  categoryId: z.uuid().nullable(),
  channel: z.enum(CHANNELS),
  callerPhone: z.string().trim().max(20),
}).refine(
  // Open311 (GeoReport v2) makes the phone optional and its clients may be abroad: empty or +<country> allowed.
  (i) => isCnPhone(i.callerPhone) || (i.channel === 'open311' && /^(\+[1-9]\d{6,14})?$/.test(i.callerPhone)),
  {
    path: ['callerPhone'],
    error: 'Phone must be an 11-digit mobile number or a landline with area code (0535-4232102)',
  },
)
export type IntakeInput = z.input<typeof IntakeInputSchema>

/** Public web form (anonymous, mobile): category optional (the centre classifies), no attachments. */
export const PublicSubmitSchema = z.object({
  callerName: z.string().trim().min(1).max(50),
  callerPhone: PhoneSchema,
  confidential: z.boolean().default(false),
  requestType: z.enum(REQUEST_TYPES),
  categoryId: z.uuid().nullable().optional(),
  divisionCode: DivisionCodeSchema,
  address: Text(200),
  lat: Lat.optional(),
  lng: Lng.optional(),
  description: Text(4000),
})
export type PublicSubmit = z.input<typeof PublicSubmitSchema>
export const PublicSubmitResultSchema = z.object({
  number: z.string(),
  /** Shown once: lets the caller track the request without the phone number. */
  trackingToken: z.string(),
  publicStatus: z.enum(PUBLIC_STATUSES),
  receivedAt: z.string(),
})

/** Upstream platform transfer (API key with hotline:transfer); idempotent on (source, upstreamNumber). */
export const TransferSchema = IntakeBase.extend({
  source: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'Invalid source'),
  upstreamNumber: z.string().trim().min(1).max(60),
  categoryId: z.uuid().nullable().optional(),
  /** When the upstream platform received it (defaults to now). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
})
export type Transfer = z.input<typeof TransferSchema>
export const TransferResultSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  publicStatus: z.enum(PUBLIC_STATUSES),
  /** True when this (source, upstreamNumber) was already transferred: the same order is returned. */
  duplicate: z.boolean(),
})

// ---------------------------------------------------------------------------------------------------------------
// Orders

export const OrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  source: z.enum(['live', 'scenario']),
  channel: z.enum(CHANNELS),
  upstreamSource: z.string().nullable(),
  upstreamNumber: z.string().nullable(),
  /** Masked (张** / 135****1234) for handling units when the order is confidential. */
  callerName: z.string(),
  callerPhone: z.string(),
  confidential: z.boolean(),
  /** True when callerName/callerPhone are masked for this viewer. */
  callerMasked: z.boolean(),
  requestType: z.enum(REQUEST_TYPES),
  urgency: z.enum(URGENCIES),
  categoryId: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  categoryPath: z.string().nullable(),
  divisionCode: z.string(),
  townCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  title: z.string(),
  description: z.string(),
  status: z.enum(ORDER_STATUSES),
  statusName: z.string(),
  publicStatus: z.enum(PUBLIC_STATUSES),
  unit: UnitRefSchema.nullable(),
  coUnits: z.array(UnitRefSchema),
  receivedAt: z.string(),
  dispatchedAt: z.string().nullable(),
  ackDueAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  respondedOnTime: z.boolean().nullable(),
  followupResult: z.enum(FOLLOWUP_RESULTS).nullable(),
  reopenCount: z.number().int(),
  enterpriseUscc: z.string().nullable(),
  /** Times units returned it (退单); the last return, shown on the dispatcher board's 退回待改派 column. */
  returnCount: z.number().int(),
  lastReturn: z.object({ at: z.string(), reason: z.string() }).nullable(),
  supervised: z.boolean(),
  slaFlag: z.enum(SLA_FLAGS),
  extensionDays: z.number().int(),
  mergedIntoId: z.string().nullable(),
  mergedIntoNumber: z.string().nullable(),
  updatedAt: z.string(),
})
export type Order = z.infer<typeof OrderSchema>

export const TimelineEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  action: z.enum(EVENT_ACTIONS),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  unit: UnitRefSchema.nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.string()),
})
export type TimelineEvent = z.infer<typeof TimelineEventSchema>

/** What the caller may do now on this order (the UI renders its buttons from this). */
export const ORDER_ACTIONS = [
  'dispatch',
  'direct_answer',
  'merge',
  'decline',
  'acknowledge',
  'return',
  'request_extension',
  'decide_extension',
  'reply',
  'review',
  'follow_up',
  'remind',
  'supervise',
  'note',
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

export const OrderDetailSchema = OrderSchema.extend({
  attachments: z.array(z.string()),
  publicReply: z.string().nullable(),
  reply: z
    .object({
      text: z.string(),
      contactMethod: z.enum(CONTACT_METHODS),
      contactedAt: z.string().nullable(),
      repliedAt: z.string(),
    })
    .nullable(),
  kbArticle: z.object({ id: z.string(), title: z.string() }).nullable(),
  pendingExtension: z.object({ days: z.number().int(), reason: z.string(), requestedAt: z.string() }).nullable(),
  workflowInstanceId: z.string().nullable(),
  /** The caller's role on this order: centre, main handling unit, co-handling unit, or reader. */
  viewerRole: z.enum(['centre', 'main_unit', 'co_unit', 'reader']),
  actions: z.array(z.enum(ORDER_ACTIONS)),
  timeline: z.array(TimelineEventSchema),
})
export type OrderDetail = z.infer<typeof OrderDetailSchema>

export const OrderListQuerySchema = PageQuerySchema.extend({
  status: z.enum(ORDER_STATUSES).optional(),
  /** open = not closed/merged/declined; closed = the others. */
  state: z.enum(['open', 'closed']).optional(),
  publicStatus: z.enum(PUBLIC_STATUSES).optional(),
  requestType: z.enum(REQUEST_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  categoryId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  slaFlag: z.enum(SLA_FLAGS).optional(),
  supervised: z.enum(['true', 'false']).optional(),
  enterpriseUscc: UsccSchema.optional(),
  /** live (default: orders that can be acted on), scenario (generated history for statistics) or all. */
  source: z.enum(['live', 'scenario', 'all']).default('live'),
  /** true = returned by a unit at least once (with status=dispatching: waiting to be re-routed). */
  returned: z.enum(['true', 'false']).optional(),
  /** Number, address or description contains. */
  q: z.string().trim().max(50).optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
})
export type OrderListQuery = z.infer<typeof OrderListQuerySchema>
export const OrderPageSchema = z.object({ items: z.array(OrderSchema), total: z.number().int() })

export const DuplicateCandidateSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  receivedAt: z.string(),
  address: z.string(),
  categoryName: z.string().nullable(),
  title: z.string(),
  reasons: z.array(z.enum(['same_phone', 'nearby', 'same_address'])),
  distanceM: z.number().nullable(),
})
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>
export const DuplicateQuerySchema = z.object({
  callerPhone: z.string().trim().max(30).optional(),
  categoryId: z.uuid().optional(),
  divisionCode: DivisionCodeSchema.optional(),
  address: z.string().trim().max(200).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
  excludeId: z.uuid().optional(),
  /** Window override in days (default: the hotline.duplicates setting). */
  days: z.coerce.number().int().min(1).max(365).optional(),
})
export const DuplicateListSchema = z.object({ items: z.array(DuplicateCandidateSchema), total: z.number().int() })

/** POST /orders answer: the order plus what the dispatcher needs next. */
export const IntakeResultSchema = z.object({
  order: OrderDetailSchema,
  suggestion: RoutingSuggestionSchema.nullable(),
  duplicates: z.array(DuplicateCandidateSchema),
})
export type IntakeResult = z.infer<typeof IntakeResultSchema>

// ---------------------------------------------------------------------------------------------------------------
// Actions

const Reason = z.string().trim().min(1).max(1000)

export const DispatchSchema = z.object({
  unitId: z.uuid(),
  coUnitIds: z.array(z.uuid()).max(10).default([]),
  /** Reclassify while dispatching (public-form orders come without a category). */
  categoryId: z.uuid().optional(),
  note: z.string().trim().max(1000).optional(),
})
export type Dispatch = z.input<typeof DispatchSchema>

export const DirectAnswerSchema = z.object({ answer: Text(4000), kbArticleId: z.uuid().nullable().optional() })
export const MergeSchema = z.object({ intoId: z.uuid(), reason: Reason })
export const DeclineSchema = z.object({ reason: Reason })
export const ReasonSchema = z.object({ reason: Reason })
export const ExtensionRequestSchema = z.object({ days: z.number().int().min(1).max(60), reason: Reason })
export const ExtensionDecisionSchema = z.object({
  approve: z.boolean(),
  /** Approved days (≤ requested); defaults to the requested days. */
  days: z.number().int().min(1).max(60).optional(),
  comment: z.string().trim().max(1000).optional(),
})
export const ReplySchema = z.object({
  text: Text(4000),
  contactMethod: z.enum(CONTACT_METHODS),
  contactedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  attachments: z.array(z.uuid()).max(10).default([]),
})
export type Reply = z.input<typeof ReplySchema>
export const ReviewSchema = z.object({
  accept: z.boolean(),
  /** Required when sending back. */
  reason: z.string().trim().max(1000).optional(),
  /** The reply text shown publicly (defaults to the unit's reply). */
  publicReply: z.string().trim().max(4000).optional(),
})
export const FollowUpSchema = z.object({
  result: z.enum(FOLLOWUP_RESULTS),
  /** 解决 at the follow-up call; defaults to true for 满意/基本满意, false otherwise. */
  solved: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
  /** Unsatisfied for objective reasons: close anyway instead of reopening. */
  closeAnyway: z.boolean().default(false),
})
export type FollowUp = z.input<typeof FollowUpSchema>
export const NoteSchema = z.object({
  text: Text(2000),
  attachments: z.array(z.uuid()).max(10).default([]),
})

// ---------------------------------------------------------------------------------------------------------------
// Public view of an order (Open311 and other public listings): no caller data, no internal notes

export const PublicOrderSchema = z.object({
  id: z.string(),
  /** Random public id (R + 20 hex digits): Open311's service_request_id. */
  publicId: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  /** open = not yet closed/merged/declined. */
  open: z.boolean(),
  publicStatus: z.enum(PUBLIC_STATUSES),
  requestType: z.enum(REQUEST_TYPES),
  categoryId: z.string().nullable(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  description: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  unitName: z.string().nullable(),
  publicReply: z.string().nullable(),
  mergedIntoNumber: z.string().nullable(),
  attachments: z.array(z.string()),
  receivedAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
})
export type PublicOrder = z.infer<typeof PublicOrderSchema>

/** Filters of the public listing (Open311 GET requests). */
export interface PublicOrderFilter {
  ids?: string[]
  /** Random public ids (Open311 service_request_id). */
  publicIds?: string[]
  state?: 'open' | 'closed'
  /** Category codes, matched exactly. */
  categoryCodes?: string[]
  /** Only orders the public may see: not confidential, not of these request types or categories (subtrees). */
  publicOnly?: { requestTypes: string[]; categoryCodes: string[] }
  /** Received at or after / before these instants. */
  from?: Date
  to?: Date
  limit?: number
}

// ---------------------------------------------------------------------------------------------------------------
// Public tracking

export const TrackQuerySchema = z
  .object({
    number: z.string().trim().min(1).max(40).optional(),
    phoneLast4: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    token: z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/)
      .optional(),
  })
  .refine((q) => !!q.token || (!!q.number && !!q.phoneLast4), {
    error: 'Give the tracking token, or the order number and the last 4 digits of the phone',
  })
export const PublicTrackSchema = z.object({
  number: z.string(),
  requestType: z.enum(REQUEST_TYPES),
  categoryName: z.string().nullable(),
  receivedAt: z.string(),
  publicStatus: z.enum(PUBLIC_STATUSES),
  publicStatusName: z.string(),
  publicReply: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Merged into another request: its number. */
  mergedIntoNumber: z.string().nullable(),
  /** Public milestones only (received, dispatched, replied, closed); never internal notes or names. */
  milestones: z.array(z.object({ at: z.string(), label: z.string() })),
})
export type PublicTrack = z.infer<typeof PublicTrackSchema>

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
