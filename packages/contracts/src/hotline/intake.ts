/** Hotline intake from every channel: operator console, public form, upstream transfer, Open311. */
import { z } from 'zod'
import { DivisionCodeSchema } from '../common.ts'
import { UsccSchema } from '../identifier-schemas.ts'
import { isCnPhone } from '../identifiers.ts'
import { CHANNELS, ORDER_STATUSES, PhoneSchema, PUBLIC_STATUSES, REQUEST_TYPES, URGENCIES } from './enums.ts'
import { Lat, Lng, Text } from './fields.ts'

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
