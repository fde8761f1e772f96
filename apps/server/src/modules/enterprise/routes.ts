import { IdParamsSchema } from '@ruyu/contracts/common'
import {
  ContactListingSchema,
  ContactListQuerySchema,
  ContactPageSchema,
  ContactSchema,
  CreateEnterpriseSchema,
  CreateEnterpriseServiceSchema,
  CreateListingSchema,
  CreateProviderSchema,
  CreateServiceRequestSchema,
  EnterpriseListQuerySchema,
  EnterprisePageSchema,
  EnterpriseProfileViewSchema,
  EnterpriseSchema,
  EnterpriseServiceSchema,
  EnterpriseStatsSchema,
  ImportEnterprisesSchema,
  ImportResultSchema,
  IndustryListSchema,
  ListingListQuerySchema,
  ListingMatchListSchema,
  ListingPageSchema,
  ListingSchema,
  MemberListQuerySchema,
  MemberPageSchema,
  MemberSchema,
  MyMembershipSchema,
  ProviderListSchema,
  ProviderSchema,
  ReferenceSchema,
  RegisterEnterpriseUserSchema,
  RejectMemberSchema,
  ReplyContactSchema,
  ScaleRuleListSchema,
  ServiceCatalogueSchema,
  ServiceListQuerySchema,
  ServicePageSchema,
  ServiceRequestActionParamsSchema,
  ServiceRequestActionSchema,
  ServiceRequestDetailSchema,
  ServiceRequestListQuerySchema,
  ServiceRequestPageSchema,
  UpdateEnterpriseSchema,
  UsccParamsSchema,
} from '@ruyu/contracts/enterprise'
import { SubmitRatingSchema } from '@ruyu/contracts/rating'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { EnterpriseService } from './service.ts'

/** Enterprise service cloud routes under /api/enterprise (staff, enterprises, providers). */
export function enterpriseRoutes(service: EnterpriseService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['enterprise']
    const ok = <T extends z.ZodType>(s: T) => ({ 200: s })

    // --- reference data -----------------------------------------------------------------------------------
    r.get(
      '/reference',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(ReferenceSchema) } },
      async () => service.reference(),
    )
    r.get(
      '/industries',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(IndustryListSchema) } },
      async () => service.industries(),
    )
    r.get(
      '/scale-rules',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(ScaleRuleListSchema) } },
      async () => service.scaleRules(),
    )

    // --- enterprises and profiles -------------------------------------------------------------------------
    r.get(
      '/enterprises',
      {
        config: { access: 'enterprise:read' },
        schema: { tags, querystring: EnterpriseListQuerySchema, response: ok(EnterprisePageSchema) },
      },
      async (req) => service.list(req.principal!, req.query),
    )
    r.post(
      '/enterprises',
      {
        config: { access: 'enterprise:manage' },
        schema: { tags, body: CreateEnterpriseSchema, response: { 201: EnterpriseSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.create(req.principal!, req.actor, req.body, req.id)),
    )
    r.post(
      '/enterprises/import',
      {
        config: { access: 'enterprise:manage' },
        schema: { tags, body: ImportEnterprisesSchema, response: ok(ImportResultSchema) },
      },
      async (req) => service.importMany(req.principal!, req.actor, req.body.items, req.id),
    )
    r.get(
      '/enterprises/:uscc',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: UsccParamsSchema, response: ok(EnterpriseSchema) },
      },
      async (req) => service.get(req.principal!, req.params.uscc),
    )
    r.patch(
      '/enterprises/:uscc',
      {
        config: { access: 'enterprise:manage' },
        schema: { tags, params: UsccParamsSchema, body: UpdateEnterpriseSchema, response: ok(EnterpriseSchema) },
      },
      async (req) => service.update(req.principal!, req.actor, req.params.uscc, req.body, req.id),
    )
    r.get(
      '/enterprises/:uscc/profile',
      {
        config: { access: 'enterprise:read' },
        schema: { tags, params: UsccParamsSchema, response: ok(EnterpriseProfileViewSchema) },
      },
      async (req) => service.profileView(req.principal!, req.params.uscc),
    )

    // --- enterprise accounts --------------------------------------------------------------------------------
    r.get(
      '/my/membership',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(MyMembershipSchema) } },
      async (req) => service.myMembership(req.principal!),
    )
    r.get(
      '/my/enterprise',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(EnterpriseSchema) } },
      async (req) => service.mine(req.principal!),
    )
    r.get(
      '/members',
      {
        config: { access: 'enterprise:verify' },
        schema: { tags, querystring: MemberListQuerySchema, response: ok(MemberPageSchema) },
      },
      async (req) => service.listMembers(req.principal!, req.query),
    )
    r.post(
      '/members/:id/verify',
      { config: { access: 'enterprise:verify' }, schema: { tags, params: IdParamsSchema, response: ok(MemberSchema) } },
      async (req) => service.decideMember(req.principal!, req.actor, req.params.id, { verify: true }, req.id),
    )
    r.post(
      '/members/:id/reject',
      {
        config: { access: 'enterprise:verify' },
        schema: { tags, params: IdParamsSchema, body: RejectMemberSchema, response: ok(MemberSchema) },
      },
      async (req) =>
        service.decideMember(
          req.principal!,
          req.actor,
          req.params.id,
          { verify: false, reason: req.body.reason },
          req.id,
        ),
    )

    // --- providers and the service catalogue ---------------------------------------------------------------
    r.get(
      '/providers',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(ProviderListSchema) } },
      async () => service.providers(),
    )
    r.post(
      '/providers',
      {
        config: { access: 'enterprise:manage' },
        schema: { tags, body: CreateProviderSchema, response: { 201: ProviderSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.createProvider(req.actor, req.body, req.id)),
    )
    r.get(
      '/services',
      {
        config: { access: 'authenticated' },
        schema: { tags, querystring: ServiceListQuerySchema, response: ok(ServicePageSchema) },
      },
      async (req) => service.services(req.query),
    )
    r.get(
      '/services/catalogue',
      { config: { access: 'authenticated' }, schema: { tags, response: ok(ServiceCatalogueSchema) } },
      async () => service.catalogue(),
    )
    r.get(
      '/services/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: IdParamsSchema, response: ok(EnterpriseServiceSchema) },
      },
      async (req) => service.getService(req.params.id),
    )
    r.post(
      '/services',
      {
        config: { access: 'enterprise:manage' },
        schema: { tags, body: CreateEnterpriseServiceSchema, response: { 201: EnterpriseServiceSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.createService(req.actor, req.body, req.id)),
    )

    // --- service requests ------------------------------------------------------------------------------------
    r.post(
      '/requests',
      {
        config: { access: 'enterprise:service-request' },
        schema: { tags, body: CreateServiceRequestSchema, response: { 201: ServiceRequestDetailSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.submitRequest(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/my/requests',
      {
        config: { access: 'enterprise:service-request' },
        schema: { tags, querystring: ServiceRequestListQuerySchema, response: ok(ServiceRequestPageSchema) },
      },
      async (req) => service.listRequests(req.principal!, 'mine', req.query),
    )
    r.get(
      '/provider/requests',
      {
        config: { access: 'enterprise:service-handle' },
        schema: { tags, querystring: ServiceRequestListQuerySchema, response: ok(ServiceRequestPageSchema) },
      },
      async (req) => service.listRequests(req.principal!, 'provider', req.query),
    )
    r.get(
      '/requests',
      {
        config: { access: 'enterprise:read' },
        schema: { tags, querystring: ServiceRequestListQuerySchema, response: ok(ServiceRequestPageSchema) },
      },
      async (req) => service.listRequests(req.principal!, 'staff', req.query),
    )
    r.get(
      '/requests/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: IdParamsSchema, response: ok(ServiceRequestDetailSchema) },
      },
      async (req) => service.getRequest(req.principal!, req.params.id),
    )
    r.post(
      '/requests/:id/actions/:action',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          params: ServiceRequestActionParamsSchema,
          body: ServiceRequestActionSchema,
          response: ok(ServiceRequestDetailSchema),
        },
      },
      async (req) => service.act(req.principal!, req.actor, req.params.id, req.params.action, req.body ?? {}, req.id),
    )
    r.post(
      '/requests/:id/rating',
      {
        config: { access: 'enterprise:service-request' },
        schema: { tags, params: IdParamsSchema, body: SubmitRatingSchema, response: ok(ServiceRequestDetailSchema) },
      },
      async (req) => service.rate(req.principal!, req.actor, req.params.id, req.body, req.id),
    )

    // --- supply-demand board ---------------------------------------------------------------------------------
    r.get(
      '/board/listings',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, querystring: ListingListQuerySchema, response: ok(ListingPageSchema) },
      },
      async (req) => service.listListings(req.principal!, req.query),
    )
    r.post(
      '/board/listings',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, body: CreateListingSchema, response: { 201: ListingSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.createListing(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/board/listings/:id',
      { config: { access: 'enterprise:board' }, schema: { tags, params: IdParamsSchema, response: ok(ListingSchema) } },
      async (req) => service.getListing(req.principal!, req.params.id),
    )
    r.post(
      '/board/listings/:id/close',
      { config: { access: 'enterprise:board' }, schema: { tags, params: IdParamsSchema, response: ok(ListingSchema) } },
      async (req) => service.closeListing(req.principal!, req.actor, req.params.id, req.id),
    )
    r.get(
      '/board/listings/:id/matches',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, params: IdParamsSchema, response: ok(ListingMatchListSchema) },
      },
      async (req) => service.matches(req.principal!, req.params.id),
    )
    r.post(
      '/board/listings/:id/contact',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, params: IdParamsSchema, body: ContactListingSchema, response: { 201: ContactSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.contact(req.principal!, req.actor, req.params.id, req.body.message, req.id)),
    )
    r.get(
      '/board/contacts',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, querystring: ContactListQuerySchema, response: ok(ContactPageSchema) },
      },
      async (req) => service.contacts(req.principal!, req.query),
    )
    r.get(
      '/board/contacts/:id',
      { config: { access: 'enterprise:board' }, schema: { tags, params: IdParamsSchema, response: ok(ContactSchema) } },
      async (req) => service.getContact(req.principal!, req.params.id),
    )
    r.post(
      '/board/contacts/:id/reply',
      {
        config: { access: 'enterprise:board' },
        schema: { tags, params: IdParamsSchema, body: ReplyContactSchema, response: ok(ContactSchema) },
      },
      async (req) => service.reply(req.principal!, req.actor, req.params.id, req.body.message, req.id),
    )

    // --- statistics ------------------------------------------------------------------------------------------
    r.get(
      '/stats',
      { config: { access: 'stats:read' }, schema: { tags, response: ok(EnterpriseStatsSchema) } },
      async (req) => service.stats(req.principal!),
    )
  }
}

/** Anonymous routes under /api/public/enterprise: self-registration of an enterprise account (rate-limited). */
export function enterprisePublicRoutes(service: EnterpriseService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    r.post(
      '/register',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: ['enterprise'],
          body: RegisterEnterpriseUserSchema,
          response: {
            201: z.object({
              id: z.string(),
              status: z.literal('pending'),
              uscc: z.string(),
              enterpriseName: z.string(),
            }),
          },
        },
      },
      async (req, reply) => reply.code(201).send(await service.register(req.body, req.id)),
    )
  }
}
