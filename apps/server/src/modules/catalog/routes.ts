import {
  CatalogCodeParamsSchema,
  CatalogDepartmentSchema,
  CombinedFormQuerySchema,
  CombinedFormSchema,
  ItemInputSchema,
  ItemListQuerySchema,
  ItemSchema,
  ItemSummarySchema,
  ParkSchema,
  ThemeDetailSchema,
  ThemeInputSchema,
  ThemeSchema,
  ThemeSummarySchema,
  ZoneAssessmentKindInputSchema,
  ZoneAssessmentKindSchema,
} from '@ruyu/contracts/catalog'
import { pageOf } from '@ruyu/contracts/common'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { CatalogService } from './service.ts'

/** Catalogue HTTP routes under /api/catalog. HTTP only: every rule lives in the service. */
export function catalogRoutes(service: CatalogService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['catalog']
    const params = CatalogCodeParamsSchema

    r.get(
      '/items',
      {
        config: { access: 'catalog:read' },
        schema: { tags, querystring: ItemListQuerySchema, response: { 200: pageOf(ItemSummarySchema) } },
      },
      async (req) => service.listItems(req.query),
    )
    r.get(
      '/items/:code',
      { config: { access: 'catalog:read' }, schema: { tags, params, response: { 200: ItemSchema } } },
      async (req) => service.getItem(req.params.code),
    )
    r.get(
      '/items/:code/versions',
      { config: { access: 'catalog:read' }, schema: { tags, params, response: { 200: pageOf(ItemSchema) } } },
      async (req) => service.itemVersions(req.params.code),
    )
    r.put(
      '/items/:code',
      {
        config: { access: 'catalog:manage' },
        schema: { tags, params, body: ItemInputSchema, response: { 200: ItemSchema } },
      },
      async (req) => service.updateItem(req.actor, req.params.code, req.body, req.id),
    )
    r.get(
      '/departments',
      {
        config: { access: 'catalog:read' },
        schema: { tags, response: { 200: pageOf(CatalogDepartmentSchema) } },
      },
      async () => service.listDepartments(),
    )

    r.get(
      '/themes',
      { config: { access: 'catalog:read' }, schema: { tags, response: { 200: pageOf(ThemeSummarySchema) } } },
      async () => service.listThemes(),
    )
    r.get(
      '/themes/:code',
      { config: { access: 'catalog:read' }, schema: { tags, params, response: { 200: ThemeDetailSchema } } },
      async (req) => service.getTheme(req.params.code),
    )
    r.get(
      '/themes/:code/versions',
      { config: { access: 'catalog:read' }, schema: { tags, params, response: { 200: pageOf(ThemeSchema) } } },
      async (req) => service.themeVersions(req.params.code),
    )
    r.put(
      '/themes/:code',
      {
        config: { access: 'catalog:manage' },
        schema: { tags, params, body: ThemeInputSchema, response: { 200: ThemeSchema } },
      },
      async (req) => service.updateTheme(req.actor, req.params.code, req.body, req.id),
    )
    r.get(
      '/themes/:code/combined-form',
      {
        config: { access: 'catalog:read' },
        schema: { tags, params, querystring: CombinedFormQuerySchema, response: { 200: CombinedFormSchema } },
      },
      async (req) => service.combinedForm(req.params.code, req.query.variant),
    )

    r.get(
      '/zone-assessments',
      {
        config: { access: 'catalog:read' },
        schema: { tags, response: { 200: pageOf(ZoneAssessmentKindSchema) } },
      },
      async () => service.listZoneAssessmentKinds(),
    )
    r.put(
      '/zone-assessments/:code',
      {
        config: { access: 'catalog:manage' },
        schema: { tags, params, body: ZoneAssessmentKindInputSchema, response: { 200: ZoneAssessmentKindSchema } },
      },
      async (req) => service.updateZoneAssessmentKind(req.actor, req.params.code, req.body, req.id),
    )
    r.get(
      '/parks',
      { config: { access: 'catalog:read' }, schema: { tags, response: { 200: pageOf(ParkSchema) } } },
      async () => service.listParks(),
    )
  }
}
