/**
 * Enterprise service cloud (政企云) contracts: enterprise profiles (画像), enterprise accounts and their verification,
 * the service catalogue by module with providers, service requests, the supply-demand board and statistics.
 * Shared by the server's route schemas and the web forms. See docs/enterprise.md.
 */
import { z } from 'zod'
import { DateSchema, DivisionCodeSchema } from './common.ts'
import { MobileSchema, UsccSchema } from './identifier-schemas.ts'

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
const Wan = z.number().min(0).max(100_000_000) // 万元, up to 1 万亿

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

// ---------------------------------------------------------------------------------------------------------------
// Enterprises and profiles

/** The stable profile shape other modules (policy matching) read; also the list item. */
export const EnterpriseProfileSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  parkCode: z.string().nullable(),
  industryCode: z.string(),
  employees: z.number().int(),
  revenueWan: z.number(),
  rndWan: z.number(),
  foundedOn: z.string(),
  tags: z.array(z.string()),
  scale: z.enum(ENTERPRISE_SCALES),
  ageYears: z.number().int(),
  status: z.enum(ENTERPRISE_STATUSES),
})
export type EnterpriseProfileDto = z.infer<typeof EnterpriseProfileSchema>

export const EnterpriseSchema = EnterpriseProfileSchema.extend({
  legalRepresentative: z.string(),
  assetsWan: z.number().nullable(),
  address: z.string().nullable(),
  industryName: z.string().nullable(),
  divisionName: z.string().nullable(),
  parkName: z.string().nullable(),
  scaleRow: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
})
export type Enterprise = z.infer<typeof EnterpriseSchema>

export const EnterpriseListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  industry: IndustryPrefixSchema.optional(),
  scale: z.enum(ENTERPRISE_SCALES).optional(),
  tag: z.enum(ENTERPRISE_TAGS).optional(),
  divisionCode: DivisionCodeSchema.optional(),
  parkCode: ParkCodeSchema.optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuerySchema>
export const EnterprisePageSchema = z.object({ items: z.array(EnterpriseSchema), total: z.number().int() })

const enterpriseFields = {
  name: z.string().trim().min(2).max(100),
  legalRepresentative: z.string().trim().min(1).max(30),
  divisionCode: DivisionCodeSchema,
  parkCode: ParkCodeSchema.nullable(),
  industryCode: IndustryCodeSchema,
  foundedOn: DateSchema,
  employees: z.number().int().min(0).max(10_000_000),
  revenueWan: Wan,
  rndWan: Wan,
  assetsWan: Wan.nullable(),
  tags: z.array(z.enum(ENTERPRISE_TAGS)).max(20),
  address: z.string().trim().max(200).nullable(),
}

export const CreateEnterpriseSchema = z.object({
  uscc: UsccSchema,
  ...enterpriseFields,
  parkCode: enterpriseFields.parkCode.optional(),
  rndWan: Wan.default(0),
  assetsWan: enterpriseFields.assetsWan.optional(),
  tags: enterpriseFields.tags.default([]),
  address: enterpriseFields.address.optional(),
})
export type CreateEnterprise = z.infer<typeof CreateEnterpriseSchema>

/** Staff edit: any subset of the profile fields; `expectedVersion` guards against lost updates (409). */
export const UpdateEnterpriseSchema = z
  .object(enterpriseFields)
  .partial()
  .extend({
    status: z.enum(ENTERPRISE_STATUSES).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
export type UpdateEnterprise = z.infer<typeof UpdateEnterpriseSchema>

/** Bulk import (e.g. from the market-regulation register): insert or update by USCC. */
export const ImportEnterprisesSchema = z.object({ items: z.array(CreateEnterpriseSchema).min(1).max(2000) })
export const ImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() })

export const UsccParamsSchema = z.object({ uscc: UsccSchema })

// ---------------------------------------------------------------------------------------------------------------
// Enterprise accounts (registration and verification)

/** Public self-registration of an enterprise user; the account stays without access until staff verify it. */
export const RegisterEnterpriseUserSchema = z.object({
  uscc: UsccSchema,
  enterpriseName: z.string().trim().min(2).max(100),
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/, 'Invalid username'),
  password: z.string().min(8).max(128),
  contactName: z.string().trim().min(1).max(30),
  mobile: MobileSchema,
})
export type RegisterEnterpriseUser = z.infer<typeof RegisterEnterpriseUserSchema>

export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  contactName: z.string(),
  mobileMasked: z.string().nullable(),
  uscc: z.string(),
  enterpriseName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type Member = z.infer<typeof MemberSchema>
export const MemberListQuerySchema = z.object({
  status: z.enum(MEMBER_STATUSES).optional(),
  uscc: UsccSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const MemberPageSchema = z.object({ items: z.array(MemberSchema), total: z.number().int() })
export const RejectMemberSchema = z.object({ reason: z.string().trim().min(2).max(500) })

/** What a logged-in enterprise account is (GET /api/enterprise/my/membership). */
export const MyMembershipSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  uscc: z.string(),
  enterpriseName: z.string(),
  reason: z.string().nullable(),
})

// ---------------------------------------------------------------------------------------------------------------
// Providers and the service catalogue

export const ProviderSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  description: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  active: z.boolean(),
})
export type Provider = z.infer<typeof ProviderSchema>
export const CreateProviderSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/),
  name: z.string().trim().min(2).max(100),
  kind: z.enum(PROVIDER_KINDS),
  description: z.string().trim().max(1000).nullable().optional(),
  /** The org unit whose posts act for the provider (provider staff hold role service_provider there). */
  orgUnitId: z.uuid().nullable().optional(),
})
export const ProviderListSchema = z.object({ items: z.array(ProviderSchema), total: z.number().int() })

export const ServiceMaterialSchema = z.object({ name: z.string().trim().min(1).max(100), required: z.boolean() })

export const EnterpriseServiceSchema = z.object({
  id: z.string(),
  code: z.string(),
  module: z.enum(ENTERPRISE_SERVICE_MODULES),
  name: z.string(),
  description: z.string(),
  requirements: z.string(),
  materials: z.array(ServiceMaterialSchema),
  providerId: z.string(),
  providerName: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  active: z.boolean(),
})
export type EnterpriseService = z.infer<typeof EnterpriseServiceSchema>
export const CreateEnterpriseServiceSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/),
  module: z.enum(ENTERPRISE_SERVICE_MODULES),
  name: z.string().trim().min(2).max(100),
  description: z.string().trim().min(1).max(2000),
  requirements: z.string().trim().max(2000).default(''),
  materials: z.array(ServiceMaterialSchema).max(30).default([]),
  providerId: z.uuid(),
})
export const ServiceListQuerySchema = z.object({
  module: z.enum(ENTERPRISE_SERVICE_MODULES).optional(),
  providerId: z.uuid().optional(),
  q: z.string().trim().min(1).max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export const ServicePageSchema = z.object({ items: z.array(EnterpriseServiceSchema), total: z.number().int() })
/** Catalogue grouped by module, for the enterprise's service hall. */
export const ServiceCatalogueSchema = z.object({
  modules: z.array(
    z.object({
      key: z.enum(ENTERPRISE_SERVICE_MODULES),
      name: z.string(),
      services: z.array(EnterpriseServiceSchema),
    }),
  ),
})

// ---------------------------------------------------------------------------------------------------------------
// Service requests

export const CreateServiceRequestSchema = z.object({
  serviceId: z.uuid(),
  description: z.string().trim().min(5).max(2000),
  contactName: z.string().trim().min(1).max(30),
  contactMobile: MobileSchema,
  /** Files uploaded by the caller through POST /api/files (the service's material list). */
  attachments: z.array(z.uuid()).max(20).default([]),
})
export type CreateServiceRequest = z.infer<typeof CreateServiceRequestSchema>

export const ServiceRequestSchema = z.object({
  id: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  module: z.enum(ENTERPRISE_SERVICE_MODULES),
  providerId: z.string(),
  providerName: z.string(),
  uscc: z.string(),
  enterpriseName: z.string(),
  status: z.enum(SERVICE_REQUEST_STATUSES),
  description: z.string(),
  result: z.string().nullable(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.object({ level: z.number().int(), createdAt: z.string() }).nullable(),
})
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>

export const ServiceRequestDetailSchema = ServiceRequestSchema.extend({
  /** Contact of the applicant: shown to the provider handling the request and to the enterprise itself. */
  contactName: z.string(),
  contactMobile: z.string(),
  attachments: z.array(z.string()),
  workflowInstanceId: z.string().nullable(),
  /** Actions the caller may take now (the UI renders buttons from this). */
  actions: z.array(z.enum([...SERVICE_REQUEST_ACTIONS, 'rate'])),
  history: z.array(
    z.object({
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actorName: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
})
export type ServiceRequestDetail = z.infer<typeof ServiceRequestDetailSchema>

export const ServiceRequestListQuerySchema = z.object({
  status: z.enum(SERVICE_REQUEST_STATUSES).optional(),
  module: z.enum(ENTERPRISE_SERVICE_MODULES).optional(),
  providerId: z.uuid().optional(),
  uscc: UsccSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const ServiceRequestPageSchema = z.object({ items: z.array(ServiceRequestSchema), total: z.number().int() })

/** Body of POST /api/enterprise/requests/:id/actions/:action (decline and complete need a comment). */
export const ServiceRequestActionSchema = z.object({
  comment: z.string().trim().max(2000).optional(),
  expectedVersion: z.number().int().min(1).optional(),
})
export const ServiceRequestActionParamsSchema = z.object({
  id: z.uuid(),
  action: z.enum(SERVICE_REQUEST_ACTIONS),
})

// ---------------------------------------------------------------------------------------------------------------
// Staff profile view (画像)

export const EnterpriseProfileViewSchema = z.object({
  enterprise: EnterpriseSchema,
  keyFigures: z.object({
    employees: z.number().int(),
    revenueWan: z.number(),
    rndWan: z.number(),
    /** R&D spending / revenue, 0..1 (null without revenue). */
    rndIntensity: z.number().nullable(),
    ageYears: z.number().int(),
    verifiedUsers: z.number().int(),
  }),
  requests: z.object({
    total: z.number().int(),
    byModule: z.array(z.object({ module: z.enum(ENTERPRISE_SERVICE_MODULES), total: z.number().int() })),
    recent: z.array(ServiceRequestSchema),
  }),
  approvalCases: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        title: z.string(),
        status: z.string(),
        submittedAt: z.string(),
      }),
    ),
  }),
})
export type EnterpriseProfileView = z.infer<typeof EnterpriseProfileViewSchema>

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

// ---------------------------------------------------------------------------------------------------------------
// Statistics

const CountsSchema = z.object({
  total: z.number().int(),
  submitted: z.number().int(),
  handling: z.number().int(),
  completed: z.number().int(),
  declined: z.number().int(),
  withdrawn: z.number().int(),
  rated: z.number().int(),
  /** Share of ratings at 4–5 stars among rated completed requests (null without ratings). */
  satisfaction: z.number().nullable(),
})
export const EnterpriseStatsSchema = z.object({
  /** Services delivered = completed requests (the seed report's "22,000+ services delivered"). */
  delivered: z.number().int(),
  totals: CountsSchema,
  byModule: z.array(CountsSchema.extend({ module: z.enum(ENTERPRISE_SERVICE_MODULES), name: z.string() })),
  byProvider: z.array(
    CountsSchema.extend({ providerId: z.string(), providerName: z.string(), kind: z.enum(PROVIDER_KINDS) }),
  ),
  enterprises: z.object({
    total: z.number().int(),
    byScale: z.array(z.object({ scale: z.enum(ENTERPRISE_SCALES), total: z.number().int() })),
    verifiedAccounts: z.number().int(),
    pendingAccounts: z.number().int(),
  }),
  listings: z.object({ open: z.number().int(), contacts: z.number().int() }),
})
export type EnterpriseStats = z.infer<typeof EnterpriseStatsSchema>
