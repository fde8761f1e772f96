import {
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseReceiptSchema,
  CaseSummarySchema,
  DraftSchema,
  DraftSummarySchema,
  OnTimeStatsSchema,
  PlanRequestSchema,
  SaveDraftSchema,
  SubmitCaseSchema,
  SupplyMaterialSchema,
  WindowSubmitCaseSchema,
  ZoneSavingsSchema,
} from '@ruyu/contracts/approval'
import { IdParamsSchema, pageOf } from '@ruyu/contracts/common'
import { SubmitRatingSchema } from '@ruyu/contracts/rating'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { langOf } from '../../platform/http/error-handler.ts'
import { collectPages, sendWorkbook, tableWorkbook } from '../../platform/table-export.ts'
import { CASE_EXPORT_COLUMNS } from './case-export.ts'
import type { ApprovalService } from './service.ts'

/** Theme approval routes under /api/approval. Branch actions go through /api/workflow. */
export function approvalRoutes(service: ApprovalService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['approval']
    const created = { 201: CaseReceiptSchema }

    r.post('/plan', { config: { access: 'catalog:read' }, schema: { tags, body: PlanRequestSchema } }, async (req) =>
      service.plan(req.body.themeCode, req.body.form, req.body.parkCode),
    )
    r.post(
      '/cases',
      { config: { access: 'approval:apply' }, schema: { tags, body: SubmitCaseSchema, response: created } },
      async (req, reply) => {
        return reply.code(201).send(await service.submitOnline(req.principal!, req.actor, req.body, req.id))
      },
    )
    r.post(
      '/window/cases',
      { config: { access: 'approval:intake' }, schema: { tags, body: WindowSubmitCaseSchema, response: created } },
      async (req, reply) => {
        return reply.code(201).send(await service.submitAtWindow(req.principal!, req.actor, req.body, req.id))
      },
    )
    r.get(
      '/my/cases',
      {
        config: { access: 'approval:apply' },
        schema: { tags, querystring: CaseListQuerySchema, response: { 200: pageOf(CaseSummarySchema) } },
      },
      async (req) => service.list(req.principal!, req.query),
    )
    r.get(
      '/cases',
      {
        config: { access: 'approval:read' },
        schema: { tags, querystring: CaseListQuerySchema, response: { 200: pageOf(CaseSummarySchema) } },
      },
      async (req) => service.list(req.principal!, req.query),
    )
    r.get(
      '/cases/export',
      // The list's own filters and scope, every page, as .xlsx.
      { config: { access: 'approval:read' }, schema: { tags, querystring: CaseListQuerySchema } },
      async (req, reply) => {
        const rows = await collectPages((page, pageSize) =>
          service.list(req.principal!, { ...req.query, page, pageSize }),
        )
        const lang = langOf(req)
        const buf = await tableWorkbook(lang === 'en' ? 'Cases' : '审批案件', CASE_EXPORT_COLUMNS, rows, lang)
        return sendWorkbook(req, reply, buf, {
          ascii: 'approval-cases',
          name: '审批案件',
          resource: 'approval_case',
          rows: rows.items.length,
          filters: req.query,
        })
      },
    )
    r.get(
      '/cases/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: IdParamsSchema, response: { 200: CaseDetailSchema } },
      },
      async (req) => service.get(req.principal!, req.params.id),
    )
    r.post(
      '/cases/:id/materials/:code',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          params: z.object({ id: z.uuid(), code: z.string().regex(/^M-[A-Z0-9-]{2,40}$/) }),
          body: SupplyMaterialSchema,
          response: { 200: CaseDetailSchema },
        },
      },
      async (req) =>
        service.supplyMaterial(req.principal!, req.actor, req.params.id, req.params.code, req.body.fileId, req.id),
    )
    r.post(
      '/cases/:id/rating',
      {
        config: { access: 'rating:submit' },
        schema: { tags, params: IdParamsSchema, body: SubmitRatingSchema, response: { 200: CaseDetailSchema } },
      },
      async (req) => service.rate(req.principal!, req.actor, req.params.id, req.body, req.id),
    )
    // Drafts (草稿): the caller's own only; saving needs approval:apply (online) or approval:intake (window).
    r.get(
      '/drafts',
      {
        config: { access: 'authenticated' },
        schema: { tags, response: { 200: z.object({ items: z.array(DraftSummarySchema) }) } },
      },
      async (req) => service.drafts.list(req.principal!),
    )
    r.post(
      '/drafts',
      { config: { access: 'authenticated' }, schema: { tags, body: SaveDraftSchema, response: { 201: DraftSchema } } },
      async (req, reply) =>
        reply.code(201).send(await service.drafts.create(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/drafts/:id',
      { config: { access: 'authenticated' }, schema: { tags, params: IdParamsSchema, response: { 200: DraftSchema } } },
      async (req) => service.drafts.get(req.principal!, req.params.id),
    )
    r.put(
      '/drafts/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: IdParamsSchema, body: SaveDraftSchema, response: { 200: DraftSchema } },
      },
      async (req) => service.drafts.update(req.principal!, req.actor, req.params.id, req.body, req.id),
    )
    r.delete(
      '/drafts/:id',
      { config: { access: 'authenticated' }, schema: { tags, params: IdParamsSchema } },
      async (req, reply) => {
        await service.drafts.remove(req.principal!, req.actor, req.params.id, req.id)
        return reply.code(204).send()
      },
    )
    r.get(
      '/stats/on-time',
      { config: { access: 'stats:read' }, schema: { tags, response: { 200: OnTimeStatsSchema } } },
      async (req) => service.onTimeStats(req.principal!),
    )
    r.get(
      '/stats/zone-savings',
      { config: { access: 'stats:read' }, schema: { tags, response: { 200: ZoneSavingsSchema } } },
      async (req) => service.zoneSavings(req.principal!),
    )
  }
}
