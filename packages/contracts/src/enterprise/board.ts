/** The supply-demand board (供需对接): listings, matches and contacts between enterprises. */
import { z } from 'zod'
import { DateSchema, DivisionCodeSchema } from '../common.ts'
import { IndustryCodeSchema, IndustryPrefixSchema, LISTING_CATEGORIES, LISTING_KINDS } from './enums.ts'

// ---------------------------------------------------------------------------------------------------------------
// Supply-demand board (供需对接)

export const CreateListingSchema = z.object({
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: z.string().trim().min(4).max(100),
  description: z.string().trim().min(5).max(2000),
  industryCode: IndustryCodeSchema,
  quantity: z.string().trim().max(50).nullable().optional(),
  /** Where the need or offer applies (a division code; 370612 = the whole district). */
  regionCode: DivisionCodeSchema,
  validUntil: DateSchema,
})
export type CreateListing = z.infer<typeof CreateListingSchema>

export const ListingSchema = z.object({
  id: z.string(),
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: z.string(),
  description: z.string(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  quantity: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  validUntil: z.string(),
  status: z.enum(['open', 'closed']),
  /** The publishing enterprise's name only: contact goes through the platform, never by exposed details. */
  enterpriseName: z.string(),
  mine: z.boolean(),
  createdAt: z.string(),
})
export type Listing = z.infer<typeof ListingSchema>
export const ListingListQuerySchema = z.object({
  kind: z.enum(LISTING_KINDS).optional(),
  category: z.enum(LISTING_CATEGORIES).optional(),
  industry: IndustryPrefixSchema.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  mine: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const ListingPageSchema = z.object({ items: z.array(ListingSchema), total: z.number().int() })

export const ListingMatchSchema = ListingSchema.extend({
  score: z.number(),
  reasons: z.array(z.string()),
})
export const ListingMatchListSchema = z.object({ items: z.array(ListingMatchSchema) })

export const ContactListingSchema = z.object({ message: z.string().trim().min(5).max(1000) })
export const ContactSchema = z.object({
  id: z.string(),
  listingId: z.string(),
  listingTitle: z.string(),
  fromEnterpriseName: z.string(),
  toEnterpriseName: z.string(),
  direction: z.enum(['sent', 'received']),
  message: z.string(),
  replies: z.array(z.object({ fromEnterpriseName: z.string(), message: z.string(), at: z.string() })),
  createdAt: z.string(),
})
export type Contact = z.infer<typeof ContactSchema>
export const ContactListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const ContactPageSchema = z.object({ items: z.array(ContactSchema), total: z.number().int() })
export const ReplyContactSchema = z.object({ message: z.string().trim().min(1).max(1000) })
