/** Hotline work orders: the order and its detail, list queries, duplicates and the lifecycle action bodies. */
import { z } from 'zod'
import { DateSchema, DivisionCodeSchema, PageQuerySchema } from '../common.ts'
import { UsccSchema } from '../identifier-schemas.ts'
import {
  CHANNELS,
  CONTACT_METHODS,
  EVENT_ACTIONS,
  FOLLOWUP_RESULTS,
  ORDER_STATUSES,
  PUBLIC_STATUSES,
  REQUEST_TYPES,
  SLA_FLAGS,
  URGENCIES,
} from './enums.ts'
import { Text } from './fields.ts'
import { RoutingSuggestionSchema, UnitRefSchema } from './routing.ts'

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
