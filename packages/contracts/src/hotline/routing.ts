/** Hotline categories, routing rules (category × division → handling unit) and the knowledge base. */
import { z } from 'zod'
import { DivisionCodeSchema, PageQuerySchema } from '../common.ts'
import { Text } from './fields.ts'

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
