/** The public side of hotline orders: the Open311 / public listing view and tracking by number or token. */
import { z } from 'zod'
import { ORDER_STATUSES, PUBLIC_STATUSES, REQUEST_TYPES } from './enums.ts'

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
