import { z } from 'zod'
import { DateSchema } from './common.ts'

/**
 * Catalogue of service items (事项), themes (一件事 / 主题审批场景) and zone assessments (区域评估).
 * Items and themes are versioned definitions: every edit stores a new version, the latest is current, older ones
 * stay readable (cases pin the version they started on).
 */

/** The four stages of construction-project approval (工程建设项目审批, DOMAIN.md §3.1). */
export const CONSTRUCTION_STAGES = [1, 2, 3, 4] as const
export const HANDLING_LEVELS = ['district', 'town', 'village'] as const
export type HandlingLevel = (typeof HANDLING_LEVELS)[number]
/** `boolean` is a yes/no switch (e.g. 带方案出让); the variant rules test such flags. */
export const FORM_FIELD_TYPES = ['text', 'number', 'date', 'division', 'select', 'boolean'] as const
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number]
/** The four certificates of 四证齐发 (DOMAIN.md §3.1). */
export const FOUR_CERTIFICATES = [
  'real-estate-title',
  'land-use-planning-permit',
  'construction-planning-permit',
  'construction-permit',
] as const

/** Stable codes: upper-case letters, digits and hyphens (`MP-JS-0305`, `MP-THEME-CONSTRUCTION`, `ZA-ENV`). */
export const CatalogCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)
export const MaterialCodeSchema = z
  .string()
  .trim()
  .regex(/^M-[A-Z0-9-]{2,40}$/)
export const FieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][A-Za-z0-9]{1,40}$/)
const Slug = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,40}$/)
const Text = (max: number) => z.string().trim().min(1).max(max)

export const CatalogCodeParamsSchema = z.object({ code: CatalogCodeSchema })

// --- items -------------------------------------------------------------------------------------------------------

/** A document the applicant supplies. The same code across items means one upload serves all of them. */
export const MaterialSchema = z.object({
  code: MaterialCodeSchema,
  name: Text(100),
  required: z.boolean(),
  note: z.string().trim().max(300).optional(),
})
export type Material = z.infer<typeof MaterialSchema>

export const FieldOptionSchema = z.object({ value: Text(40), label: Text(60) })

/** One field of an application form. The same key across items is asked once in the combined form. */
export const FormFieldSchema = z.object({
  key: FieldKeySchema,
  label: Text(60),
  type: z.enum(FORM_FIELD_TYPES),
  unit: z.string().trim().min(1).max(20).optional(),
  required: z.boolean(),
  options: z.array(FieldOptionSchema).max(50).optional(),
})
export type FormField = z.infer<typeof FormFieldSchema>

export const CertificateRefSchema = z.object({ kind: Slug, name: Text(60) })
export type CertificateRef = z.infer<typeof CertificateRefSchema>

const StageSchema = z.coerce.number().int().min(1).max(4)

/** What an editor submits: the whole definition, plus the version it was based on (optimistic locking). */
export const ItemInputSchema = z.object({
  /** The version the editor started from; 0 creates a new item. A stale value is refused (409). */
  baseVersion: z.number().int().min(0),
  name: Text(100),
  departmentCode: CatalogCodeSchema,
  stage: z.number().int().min(1).max(4),
  /** Statutory limit in working days (行政许可法 art. 42: 20 unless a law says otherwise). */
  legalLimitDays: z.number().int().min(1).max(365),
  /** Committed limit in working days; 0 means handled on the spot (即办件). Never longer than the legal one. */
  committedLimitDays: z.number().int().min(0).max(365),
  materials: z.array(MaterialSchema).max(60),
  formFields: z.array(FormFieldSchema).max(80),
  levels: z.array(z.enum(HANDLING_LEVELS)).min(1).max(3),
  onlineCapable: z.boolean(),
  certificate: CertificateRefSchema.nullable().default(null),
  /** The zone assessment (区域评估) whose completed result satisfies this item inside a park. */
  zoneAssessmentKind: CatalogCodeSchema.nullable().default(null),
  /** 默认同意: a department branch not handled by its deadline is approved by the system. */
  deemedConsent: z.boolean().default(false),
  changeNote: z.string().trim().max(200).optional(),
})
export type ItemInput = z.infer<typeof ItemInputSchema>

export const ItemSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  name: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  stage: z.number().int(),
  legalLimitDays: z.number().int(),
  committedLimitDays: z.number().int(),
  materials: z.array(MaterialSchema),
  formFields: z.array(FormFieldSchema),
  levels: z.array(z.enum(HANDLING_LEVELS)),
  onlineCapable: z.boolean(),
  certificate: CertificateRefSchema.nullable(),
  zoneAssessmentKind: z.string().nullable(),
  deemedConsent: z.boolean(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
})
export type Item = z.infer<typeof ItemSchema>

export const ItemSummarySchema = ItemSchema.omit({ materials: true, formFields: true, changeNote: true }).extend({
  materialCount: z.number().int(),
  fieldCount: z.number().int(),
})
export type ItemSummary = z.infer<typeof ItemSummarySchema>

export const ItemListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  department: CatalogCodeSchema.optional(),
  stage: StageSchema.optional(),
  level: z.enum(HANDLING_LEVELS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type ItemListQuery = z.infer<typeof ItemListQuerySchema>

/** A department that handles catalogue items (a filter facet readable without directory access). */
export const CatalogDepartmentSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  itemCount: z.number().int(),
})

// --- themes ------------------------------------------------------------------------------------------------------

const Scalar = z.union([z.string().trim().max(60), z.number(), z.boolean()])
/** One test on one form value. Exactly one operator per condition, e.g. `{ field: 'investmentWan', lt: 5000 }`. */
export const ConditionSchema = z.union([
  z.strictObject({ field: FieldKeySchema, eq: Scalar }),
  z.strictObject({ field: FieldKeySchema, ne: Scalar }),
  z.strictObject({ field: FieldKeySchema, lt: z.number() }),
  z.strictObject({ field: FieldKeySchema, lte: z.number() }),
  z.strictObject({ field: FieldKeySchema, gt: z.number() }),
  z.strictObject({ field: FieldKeySchema, gte: z.number() }),
  z.strictObject({ field: FieldKeySchema, in: z.array(Scalar).min(1).max(30) }),
])
export type Condition = z.infer<typeof ConditionSchema>

/** A variant rule: every condition of `all` holds and, when `any` is given, at least one of `any`. */
export const RuleSchema = z.strictObject({
  all: z.array(ConditionSchema).max(20).optional(),
  any: z.array(ConditionSchema).max(20).optional(),
})
export type Rule = z.infer<typeof RuleSchema>

export const ThemeStageSchema = z.object({
  no: z.number().int().min(1).max(20),
  name: Text(40),
  itemCodes: z.array(CatalogCodeSchema).max(200),
  /** In the standard flow this stage is handled together with stage `mergedWith` (null: on its own). */
  mergedWith: z.number().int().min(1).max(20).nullable().optional(),
})
export type ThemeStage = z.infer<typeof ThemeStageSchema>

const StageNo = z.string().regex(/^\d{1,2}$/)
export const ThemeVariantSchema = z.object({
  key: Slug,
  name: Text(40),
  description: z.string().trim().max(300).optional(),
  /** null: the default variant, chosen when no earlier variant's rule holds. Variants are tried in order. */
  rule: RuleSchema.nullable(),
  /** Stage of the theme → stage of this variant; two stages mapped to one are handled together (merged). */
  stageMap: z.record(StageNo, z.number().int().min(1).max(20)),
  /** Names of the variant's stages where they differ from the theme's (e.g. a merged stage). */
  stageNames: z.record(StageNo, Text(40)).optional(),
  /** Items this variant does not need (e.g. the design-scheme review when land is sold with a scheme). */
  omitItems: z.array(CatalogCodeSchema).max(200).default([]),
  /** Committed total in working days the variant promises (e.g. 5 from land contract to planning permit). */
  targetDays: z.number().int().min(1).max(365).nullable().optional(),
})
export type ThemeVariant = z.infer<typeof ThemeVariantSchema>

export const ThemeInputSchema = z.object({
  baseVersion: z.number().int().min(0),
  name: Text(100),
  description: z.string().trim().max(500).optional(),
  /** Fields asked once for the whole theme, before any item's own fields (the variant rules read them). */
  formFields: z.array(FormFieldSchema).max(40),
  stages: z.array(ThemeStageSchema).min(1).max(20),
  variants: z.array(ThemeVariantSchema).max(20),
  changeNote: z.string().trim().max(200).optional(),
})
export type ThemeInput = z.infer<typeof ThemeInputSchema>

export const ThemeSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  current: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  formFields: z.array(FormFieldSchema),
  stages: z.array(ThemeStageSchema),
  variants: z.array(ThemeVariantSchema),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
})
export type Theme = z.infer<typeof ThemeSchema>

/** A stage as a variant runs it: items handled in parallel; days are the slowest item's (parallel approval). */
export const ResolvedStageSchema = z.object({
  no: z.number().int(),
  name: z.string(),
  itemCodes: z.array(z.string()),
  /** Theme stages folded into this one (more than one: merged). */
  mergedFrom: z.array(z.number().int()),
  committedDays: z.number().int(),
  legalDays: z.number().int(),
})
export type ResolvedStage = z.infer<typeof ResolvedStageSchema>

export const VariantPlanSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  stages: z.array(ResolvedStageSchema),
  committedDays: z.number().int(),
  legalDays: z.number().int(),
})
export type VariantPlan = z.infer<typeof VariantPlanSchema>

export const ThemeDetailSchema = ThemeSchema.extend({
  /** Current versions of the items the theme names. */
  items: z.array(ItemSummarySchema),
  /** Stages per variant (and `key: null` for the theme's own stages). */
  plans: z.array(VariantPlanSchema),
})
export type ThemeDetail = z.infer<typeof ThemeDetailSchema>

export const ThemeSummarySchema = ThemeSchema.pick({
  code: true,
  version: true,
  name: true,
  description: true,
  createdAt: true,
}).extend({ stageCount: z.number().int(), itemCount: z.number().int(), variantCount: z.number().int() })

export const CombinedFormQuerySchema = z.strictObject({ variant: Slug.optional() })

export const CombinedFieldSchema = FormFieldSchema.extend({
  /** Items asking for this field ([] for the theme's own fields). */
  itemCodes: z.array(z.string()),
})
export type CombinedField = z.infer<typeof CombinedFieldSchema>
export const CombinedMaterialSchema = MaterialSchema.extend({
  itemCodes: z.array(z.string()),
  /** Every item needing it is covered by the park's completed zone assessments (区域评估): not asked. */
  zoneCovered: z.boolean().optional(),
})
export type CombinedMaterial = z.infer<typeof CombinedMaterialSchema>

/** The one form (一张表单) of a theme variant: every field once, every material once with the items needing it. */
export const CombinedFormSchema = z.object({
  themeCode: z.string(),
  themeVersion: z.number().int(),
  plan: VariantPlanSchema,
  items: z.array(z.object({ code: z.string(), version: z.number().int(), name: z.string() })),
  fields: z.array(CombinedFieldSchema),
  materials: z.array(CombinedMaterialSchema),
})
export type CombinedForm = z.infer<typeof CombinedFormSchema>

// --- zone assessments (区域评估) and parks ------------------------------------------------------------------------

export const ZoneAssessmentKindSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** What a project would otherwise pay for its own study, per mu (元/亩); used to report savings. */
  costPerMuYuan: z.number(),
  items: z.array(z.object({ code: z.string(), name: z.string() })),
})
export type ZoneAssessmentKind = z.infer<typeof ZoneAssessmentKindSchema>

export const ZoneAssessmentKindInputSchema = z.object({
  name: Text(40),
  description: z.string().trim().max(300).optional(),
  costPerMuYuan: z.number().min(0).max(1_000_000),
})

export const ParkAssessmentSchema = z.object({
  kindCode: z.string(),
  kindName: z.string(),
  reportNo: z.string(),
  completedOn: DateSchema,
})

export const ParkSchema = z.object({
  code: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  areaMu: z.number(),
  assessments: z.array(ParkAssessmentSchema),
  /** areaMu × the per-mu cost of each completed kind: what projects on the whole park no longer pay. */
  estimatedSavingYuan: z.number(),
})
export type Park = z.infer<typeof ParkSchema>
