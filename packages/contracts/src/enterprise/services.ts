/** Service providers, the service catalogue, service requests, the staff profile view (画像) and statistics. */
import { z } from 'zod'
import { MobileSchema, UsccSchema } from '../identifier-schemas.ts'
import { EnterpriseSchema } from './enterprises.ts'
import {
  ENTERPRISE_SCALES,
  ENTERPRISE_SERVICE_MODULES,
  PROVIDER_KINDS,
  SERVICE_REQUEST_ACTIONS,
  SERVICE_REQUEST_STATUSES,
} from './enums.ts'

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
