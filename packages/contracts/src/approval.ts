import { z } from 'zod'
import { VariantPlanSchema } from './catalog.ts'
import { DateSchema } from './common.ts'
import { MobileSchema, UsccSchema } from './identifier-schemas.ts'
import { WorkflowTreeSchema } from './workflow.ts'

export const CASE_STATUSES = ['in_review', 'awaiting_issuance', 'issued', 'completed', 'refused', 'withdrawn'] as const

export const MaterialInputSchema = z.object({
  code: z.string().regex(/^M-[A-Z0-9-]{2,40}$/),
  fileId: z.uuid().optional(),
  /** 容缺受理: accept now, supply by this date. */
  pendingDueDate: DateSchema.optional(),
})

const Form = z.record(
  z.string().regex(/^[a-z][A-Za-z0-9]{1,40}$/),
  z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
)

export const PlanRequestSchema = z.object({
  themeCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  form: Form,
  /** The park the project is in: materials only its completed zone assessments' items need are not asked. */
  parkCode: z.string().max(40).optional(),
})

export const SubmitCaseSchema = z.object({
  themeCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  form: Form,
  materials: z.array(MaterialInputSchema).max(100),
  /** A park with completed zone assessments (区域评估) the project lies in. */
  parkCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)
    .optional(),
  /** The draft this application was resumed from: deleted when the case is accepted. */
  draftId: z.uuid().optional(),
})
export type SubmitCase = z.infer<typeof SubmitCaseSchema>

/** Window intake (一窗受理): the clerk files for an enterprise (the principal) at a service location. */
export const WindowSubmitCaseSchema = SubmitCaseSchema.extend({
  principal: z.object({
    enterpriseName: z.string().trim().min(2).max(100),
    enterpriseUscc: UsccSchema,
    contactName: z.string().trim().min(1).max(50),
    contactMobile: MobileSchema,
  }),
  locationId: z.uuid().optional(),
})
export type WindowSubmitCase = z.infer<typeof WindowSubmitCaseSchema>

export const CaseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  themeCode: z.string(),
  variantName: z.string(),
  enterpriseName: z.string(),
  divisionCode: z.string(),
  channel: z.string(),
  status: z.enum(CASE_STATUSES),
  committedDays: z.number(),
  submittedAt: z.string(),
  issuedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
})

export const CaseDetailSchema = CaseSummarySchema.extend({
  themeVersion: z.number(),
  variantKey: z.string().nullable(),
  projectCode: z.string().nullable(),
  enterpriseUscc: z.string(),
  contactName: z.string().nullable(),
  contactMobileMasked: z.string().nullable(),
  parkCode: z.string().nullable(),
  form: z.record(z.string(), z.unknown()),
  plan: VariantPlanSchema,
  items: z.array(
    z.object({
      itemCode: z.string(),
      itemName: z.string(),
      departmentId: z.string(),
      departmentName: z.string(),
      stageNo: z.number(),
      committedDays: z.number(),
      legalDays: z.number(),
      status: z.string(),
      certificateKind: z.string().nullable(),
      certificateName: z.string().nullable(),
      certificateId: z.string().nullable(),
      zoneReportNo: z.string().nullable(),
    }),
  ),
  materials: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      itemCodes: z.array(z.string()),
      required: z.boolean(),
      fileId: z.string().nullable(),
      pending: z.boolean(),
      dueDate: z.string().nullable(),
      suppliedAt: z.string().nullable(),
    }),
  ),
  zoneReuse: z.array(
    z.object({
      kindCode: z.string(),
      kindName: z.string(),
      reportNo: z.string(),
      itemCodes: z.array(z.string()),
      savingYuan: z.number(),
    }),
  ),
  /** Unified issuance despite missing 容缺 materials: who decided it, why, and which materials were missing. */
  issueOverrides: z.array(
    z.object({
      decidedByName: z.string().nullable(),
      reason: z.string(),
      materials: z.array(z.object({ code: z.string(), name: z.string(), dueDate: z.string().nullable() })),
      decidedAt: z.string(),
    }),
  ),
  workflow: WorkflowTreeSchema.nullable(),
  rating: z.object({ level: z.number(), createdAt: z.string() }).nullable(),
})

/** What a submission answers: the case as filed (the progress tree is read from GET /cases/:id). */
export const CaseReceiptSchema = CaseDetailSchema.omit({ workflow: true, rating: true })
export type CaseReceipt = z.infer<typeof CaseReceiptSchema>

export const CaseListQuerySchema = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  q: z.string().trim().min(1).max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

export const SupplyMaterialSchema = z.object({ fileId: z.uuid() })

export const OnTimeRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  finished: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdueOpen: z.number(),
  rate: z.number().nullable(),
})
export const OnTimeStatsSchema = z.object({
  definition: z.string(),
  overall: OnTimeRowSchema,
  byTheme: z.array(OnTimeRowSchema),
  byDepartment: z.array(OnTimeRowSchema),
  byItem: z.array(OnTimeRowSchema),
})

export const ZoneSavingsSchema = z.object({
  totalYuan: z.number(),
  cases: z.number(),
  byKind: z.array(z.object({ kindCode: z.string(), kindName: z.string(), cases: z.number(), savingYuan: z.number() })),
})

/**
 * An application draft (草稿): what was filled in so far, saved as it is (no required fields, no checks beyond
 * shape and size) and resumed later. `materials` are the choices made so far (an uploaded file or 容缺).
 */
export const DraftDataSchema = z.object({
  form: Form,
  materials: z.array(MaterialInputSchema).max(100),
  parkCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)
    .optional(),
  principal: z
    .object({
      enterpriseName: z.string().max(100).optional(),
      enterpriseUscc: z.string().max(18).optional(),
      contactName: z.string().max(50).optional(),
      contactMobile: z.string().max(11).optional(),
    })
    .optional(),
  locationId: z.uuid().optional(),
  /** The wizard step to reopen at. */
  step: z.number().int().min(0).max(3).default(0),
})
export type DraftData = z.infer<typeof DraftDataSchema>

export const SaveDraftSchema = z.object({
  themeCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  channel: z.enum(['online', 'window']),
  data: DraftDataSchema,
  /** Optimistic lock for updates: the version last read. */
  expectedVersion: z.number().int().min(1).optional(),
})
export type SaveDraft = z.infer<typeof SaveDraftSchema>

export const DraftSummarySchema = z.object({
  id: z.string(),
  themeCode: z.string(),
  channel: z.enum(['online', 'window']),
  title: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
})
export const DraftSchema = DraftSummarySchema.extend({ data: DraftDataSchema })
export type Draft = z.infer<typeof DraftSchema>
