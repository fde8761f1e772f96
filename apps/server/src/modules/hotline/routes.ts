import { IdParamsSchema, pageOf } from '@ruyu/contracts/common'
import {
  CategorySchema,
  CategoryTreeSchema,
  CreateCategorySchema,
  CreateRoutingRuleSchema,
  DeclineSchema,
  DirectAnswerSchema,
  DispatchSchema,
  DuplicateListSchema,
  DuplicateQuerySchema,
  ExtensionDecisionSchema,
  ExtensionRequestSchema,
  FollowUpSchema,
  HandlingUnitListSchema,
  HotlineSettingsSchema,
  IntakeResultSchema,
  IntakeSchema,
  KbArticleSchema,
  KbSearchQuerySchema,
  KbSearchResultSchema,
  MergeSchema,
  NoteSchema,
  OrderDetailSchema,
  OrderListQuerySchema,
  OrderPageSchema,
  PublicDivisionListSchema,
  PublicDivisionQuerySchema,
  PublicSubmitResultSchema,
  PublicSubmitSchema,
  PublicTrackSchema,
  ReasonSchema,
  ReplySchema,
  ReviewSchema,
  RoutingRuleSchema,
  RoutingSuggestionSchema,
  SaveKbArticleSchema,
  StatsQuerySchema,
  StatsResultSchema,
  SuggestionQuerySchema,
  TrackQuerySchema,
  TransferResultSchema,
  TransferSchema,
  UpdateCategorySchema,
  UpdateHotlineSettingsSchema,
} from '@ruyu/contracts/hotline'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { langOf } from '../../platform/http/error-handler.ts'
import { collectPages, sendWorkbook, tableWorkbook } from '../../platform/table-export.ts'
import { statsWorkbook } from './export.ts'
import { ORDER_EXPORT_COLUMNS } from './order-export.ts'
import { type HotlineService, hotlineActorOf } from './service.ts'

/** Staff routes under /api/hotline: intake, dispatch, unit handling, centre review, configuration, statistics. */
export function hotlineRoutes(service: HotlineService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['hotline']
    const who = (req: FastifyRequest) => hotlineActorOf(req.principal!, req.actor)
    const detail = { 200: OrderDetailSchema }

    r.post(
      '/orders',
      {
        config: { access: 'hotline:intake' },
        schema: { tags, body: IntakeSchema, response: { 201: IntakeResultSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.intakeByOperator(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/orders',
      {
        config: { access: 'hotline:read' },
        schema: { tags, querystring: OrderListQuerySchema, response: { 200: OrderPageSchema } },
      },
      async (req) => service.list(req.principal!, req.actor, req.query),
    )
    r.get(
      '/orders/export',
      // The list's own filters and visibility (units: their own orders only), every page, as .xlsx.
      { config: { access: 'hotline:read' }, schema: { tags, querystring: OrderListQuerySchema } },
      async (req, reply) => {
        const rows = await collectPages((page, pageSize) =>
          service.list(req.principal!, req.actor, { ...req.query, page, pageSize }),
        )
        const lang = langOf(req)
        const buf = await tableWorkbook(lang === 'en' ? 'Orders' : '12345工单', ORDER_EXPORT_COLUMNS, rows, lang)
        return sendWorkbook(req, reply, buf, {
          ascii: 'hotline-orders',
          name: '12345工单',
          resource: 'hotline_order',
          rows: rows.items.length,
          filters: req.query,
        })
      },
    )
    r.get(
      '/orders/:id',
      { config: { access: 'hotline:read' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.get(req.principal!, req.actor, req.params.id),
    )
    r.get(
      '/suggestion',
      {
        config: { access: 'hotline:intake' },
        schema: { tags, querystring: SuggestionQuerySchema, response: { 200: RoutingSuggestionSchema } },
      },
      async (req) => service.suggestion(req.principal!, req.query),
    )
    r.get(
      '/duplicates',
      {
        config: { access: 'hotline:intake' },
        schema: { tags, querystring: DuplicateQuerySchema, response: { 200: DuplicateListSchema } },
      },
      async (req) => service.duplicates(req.principal!, req.actor, req.query),
    )

    // Order actions: one route per use case; the service checks role, state and visibility.
    const action = <S extends z.ZodType>(
      path: string,
      access: 'hotline:intake' | 'hotline:dispatch' | 'hotline:review' | 'hotline:handle' | 'hotline:read',
      body: S,
      run: (req: FastifyRequest, id: string, body: z.infer<S>) => Promise<unknown>,
    ) =>
      r.post(
        `/orders/:id/${path}`,
        { config: { access }, schema: { tags, params: IdParamsSchema, body, response: detail } },
        async (req) => run(req, (req.params as { id: string }).id, req.body as z.infer<S>) as never,
      )
    action('dispatch', 'hotline:dispatch', DispatchSchema, (req, id, b) => service.dispatch(who(req), id, b, req.id))
    action('direct-answer', 'hotline:intake', DirectAnswerSchema, (req, id, b) =>
      service.directAnswer(who(req), id, b, req.id),
    )
    action('merge', 'hotline:dispatch', MergeSchema, (req, id, b) => service.merge(who(req), id, b, req.id))
    action('decline', 'hotline:dispatch', DeclineSchema, (req, id, b) => service.decline(who(req), id, b, req.id))
    action('acknowledge', 'hotline:handle', z.object({}), (req, id) => service.acknowledge(who(req), id, req.id))
    action('return', 'hotline:handle', ReasonSchema, (req, id, b) => service.returnOrder(who(req), id, b, req.id))
    action('extension', 'hotline:handle', ExtensionRequestSchema, (req, id, b) =>
      service.requestExtension(who(req), id, b, req.id),
    )
    action('extension/decision', 'hotline:review', ExtensionDecisionSchema, (req, id, b) =>
      service.decideExtension(who(req), id, b, req.id),
    )
    action('reply', 'hotline:handle', ReplySchema, (req, id, b) => service.reply(who(req), id, b, req.id))
    action('review', 'hotline:review', ReviewSchema, (req, id, b) => service.review(who(req), id, b, req.id))
    action('follow-up', 'hotline:review', FollowUpSchema, (req, id, b) => service.followUp(who(req), id, b, req.id))
    action('remind', 'hotline:review', ReasonSchema, (req, id, b) => service.remind(who(req), id, b, req.id))
    action('supervise', 'hotline:review', ReasonSchema, (req, id, b) => service.supervise(who(req), id, b, req.id))
    action('notes', 'hotline:read', NoteSchema, (req, id, b) => service.note(who(req), id, b, req.id))

    r.post(
      '/transfer',
      {
        config: { access: 'hotline:transfer' },
        schema: { tags, body: TransferSchema, response: { 200: TransferResultSchema, 201: TransferResultSchema } },
      },
      async (req, reply) => {
        const out = await service.transfer(req.principal!, req.actor, req.body, req.id)
        return reply.code(out.duplicate ? 200 : 201).send(out)
      },
    )

    r.get(
      '/units',
      { config: { access: 'hotline:read' }, schema: { tags, response: { 200: HandlingUnitListSchema } } },
      async () => service.handlingUnits(),
    )

    // Configuration: categories, routing rules, knowledge base, settings.
    r.get(
      '/categories',
      { config: { access: 'hotline:read' }, schema: { tags, response: { 200: CategoryTreeSchema } } },
      async () => service.categoryTree(true),
    )
    r.post(
      '/categories',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, body: CreateCategorySchema, response: { 201: CategorySchema } },
      },
      async (req, reply) => reply.code(201).send(await service.createCategory(req.actor, req.body)),
    )
    r.put(
      '/categories/:id',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, params: IdParamsSchema, body: UpdateCategorySchema, response: { 200: CategorySchema } },
      },
      async (req) => service.updateCategory(req.actor, req.params.id, req.body),
    )
    r.get(
      '/routing-rules',
      { config: { access: 'hotline:read' }, schema: { tags, response: { 200: pageOf(RoutingRuleSchema) } } },
      async () => service.rules(),
    )
    r.post(
      '/routing-rules',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, body: CreateRoutingRuleSchema, response: { 201: RoutingRuleSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.createRule(req.actor, req.body)),
    )
    r.delete(
      '/routing-rules/:id',
      { config: { access: 'hotline:manage' }, schema: { tags, params: IdParamsSchema } },
      async (req, reply) => {
        await service.deleteRule(req.actor, req.params.id)
        return reply.code(204).send()
      },
    )
    r.get(
      '/kb',
      {
        config: { access: 'hotline:read' },
        schema: { tags, querystring: KbSearchQuerySchema, response: { 200: KbSearchResultSchema } },
      },
      async (req) => service.searchKb(req.query, req.principal!.capabilities.has('hotline:manage')),
    )
    r.get(
      '/kb/:id',
      {
        config: { access: 'hotline:read' },
        schema: { tags, params: IdParamsSchema, response: { 200: KbArticleSchema } },
      },
      async (req) => service.getArticle(req.params.id),
    )
    r.post(
      '/kb',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, body: SaveKbArticleSchema, response: { 201: KbArticleSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.saveArticle(who(req), null, req.body, req.id)),
    )
    r.put(
      '/kb/:id',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, params: IdParamsSchema, body: SaveKbArticleSchema, response: { 200: KbArticleSchema } },
      },
      async (req) => service.saveArticle(who(req), req.params.id, req.body, req.id),
    )
    r.get(
      '/settings',
      { config: { access: 'hotline:read' }, schema: { tags, response: { 200: HotlineSettingsSchema } } },
      async () => service.settings(),
    )
    r.put(
      '/settings',
      {
        config: { access: 'hotline:manage' },
        schema: { tags, body: UpdateHotlineSettingsSchema, response: { 200: HotlineSettingsSchema } },
      },
      async (req) => service.updateSettings(req.actor, req.body),
    )

    // Statistics (SQL over the records) and their Excel export.
    r.get(
      '/stats',
      {
        config: { access: 'stats:read' },
        schema: { tags, querystring: StatsQuerySchema, response: { 200: StatsResultSchema } },
      },
      async (req) => service.stats(req.principal!, req.query),
    )
    r.get(
      '/stats/export',
      { config: { access: 'stats:read' }, schema: { tags, querystring: StatsQuerySchema } },
      async (req, reply) => {
        const stats = await service.stats(req.principal!, req.query)
        const buf = await statsWorkbook(stats)
        return sendWorkbook(req, reply, buf, {
          ascii: `hotline-stats-${stats.from}-${stats.to}.xlsx`,
          name: `12345工单统计_${stats.from}_${stats.to}.xlsx`,
          resource: 'hotline_stats',
          rows: stats.rows.length,
          filters: req.query,
        })
      },
    )
  }
}

/** Anonymous routes under /api/public/hotline: the web form, tracking, the category tree for the form. */
export function hotlinePublicRoutes(service: HotlineService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['hotline-public']
    r.post(
      '/requests',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags, body: PublicSubmitSchema, response: { 201: PublicSubmitResultSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.submitPublic(req.body, req.id)),
    )
    r.get(
      '/track',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: { tags, querystring: TrackQuerySchema, response: { 200: PublicTrackSchema } },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store')
        return service.track(req.query)
      },
    )
    r.get(
      '/categories',
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, response: { 200: CategoryTreeSchema } },
      },
      async () => service.categoryTree(false),
    )
    r.get(
      '/divisions',
      {
        config: { access: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: { tags, querystring: PublicDivisionQuerySchema, response: { 200: PublicDivisionListSchema } },
      },
      async (req) => service.publicDivisions(req.query.parentCode),
    )
  }
}
