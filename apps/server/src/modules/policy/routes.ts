import { IdParamsSchema, PageQuerySchema } from '@ruyu/contracts/common'
import { UsccParamsSchema } from '@ruyu/contracts/enterprise'
import {
  AnswerSchema,
  AskSchema,
  MyPolicyPageSchema,
  MyPolicyQuerySchema,
  PolicyDetailSchema,
  PolicyListQuerySchema,
  PolicyMatchPageSchema,
  PolicyPageSchema,
  PublishFaqSchema,
  QuestionListQuerySchema,
  QuestionPageSchema,
  QuestionSchema,
  RateAnswerSchema,
  RulePreviewResultSchema,
  RulePreviewSchema,
  SaveInterpretationSchema,
  SavePolicySchema,
} from '@ruyu/contracts/policy'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { PolicyService } from './service.ts'

const detail = { 200: PolicyDetailSchema }
const question = { 200: QuestionSchema }

/** Staff and enterprise routes under /api/policy. */
export function policyRoutes(service: PolicyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['policy']

    // --- staff: policies ---
    r.get(
      '/policies',
      {
        config: { access: 'policy:read' },
        schema: { tags, querystring: PolicyListQuerySchema, response: { 200: PolicyPageSchema } },
      },
      async (req) => service.list(req.query, { publicOnly: false }),
    )
    r.post(
      '/policies',
      {
        config: { access: 'policy:manage' },
        schema: { tags, body: SavePolicySchema, response: { 201: PolicyDetailSchema } },
      },
      async (req, reply) => reply.code(201).send(await service.create(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/policies/:id',
      { config: { access: 'policy:read' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.staffDetail(req.params.id),
    )
    r.put(
      '/policies/:id',
      {
        config: { access: 'policy:manage' },
        schema: { tags, params: IdParamsSchema, body: SavePolicySchema, response: detail },
      },
      async (req) => service.update(req.principal!, req.actor, req.params.id, req.body, req.id),
    )
    r.post(
      '/policies/:id/publish',
      { config: { access: 'policy:manage' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.publish(req.principal!, req.actor, req.params.id, req.id),
    )
    r.post(
      '/policies/:id/expire',
      { config: { access: 'policy:manage' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.expire(req.principal!, req.actor, req.params.id, req.id),
    )
    r.get(
      '/policies/:id/matches',
      {
        config: { access: 'policy:read' },
        schema: {
          tags,
          params: IdParamsSchema,
          querystring: PageQuerySchema,
          response: { 200: PolicyMatchPageSchema },
        },
      },
      async (req) => service.matches(req.params.id, req.query),
    )
    r.post(
      '/policies/:id/interpretations',
      {
        config: { access: 'policy:manage' },
        schema: { tags, params: IdParamsSchema, body: SaveInterpretationSchema, response: { 201: PolicyDetailSchema } },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await service.addInterpretation(req.principal!, req.actor, req.params.id, req.body, req.id)),
    )
    r.post(
      '/rules/preview',
      {
        config: { access: 'policy:manage' },
        schema: { tags, body: RulePreviewSchema, response: { 200: RulePreviewResultSchema } },
      },
      async (req) => service.preview(req.body.rule),
    )
    r.post(
      '/rematch',
      { config: { access: 'policy:manage' }, schema: { tags, response: { 202: z.object({ queued: z.boolean() }) } } },
      async (req, reply) => {
        await service.requestRematch(req.actor, req.id)
        return reply.code(202).send({ queued: true })
      },
    )

    r.get(
      '/enterprises/:uscc/policies',
      {
        config: { access: 'policy:read' },
        schema: {
          tags,
          params: UsccParamsSchema,
          querystring: MyPolicyQuerySchema,
          response: { 200: MyPolicyPageSchema },
        },
      },
      async (req) => service.policiesOfEnterprise(req.params.uscc, req.query),
    )

    // --- the enterprise's side ---
    r.get(
      '/mine/policies',
      {
        config: { access: 'policy:ask' },
        schema: { tags, querystring: MyPolicyQuerySchema, response: { 200: MyPolicyPageSchema } },
      },
      async (req) => service.myPolicies(req.principal!, req.query),
    )
    r.get(
      '/mine/policies/:id',
      { config: { access: 'policy:ask' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.myPolicy(req.principal!, req.params.id),
    )
    r.post(
      '/mine/policies/:id/read',
      { config: { access: 'policy:ask' }, schema: { tags, params: IdParamsSchema } },
      async (req, reply) => {
        await service.markRead(req.principal!, req.params.id)
        return reply.code(204).send()
      },
    )
    r.post(
      '/policies/:id/questions',
      {
        config: { access: 'policy:ask' },
        schema: { tags, params: IdParamsSchema, body: AskSchema, response: { 201: QuestionSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.ask(req.principal!, req.actor, req.params.id, req.body, req.id)),
    )
    r.get(
      '/mine/questions',
      {
        config: { access: 'policy:ask' },
        schema: { tags, querystring: QuestionListQuerySchema, response: { 200: QuestionPageSchema } },
      },
      async (req) => service.myQuestions(req.principal!, req.query),
    )
    r.post(
      '/questions/:id/rating',
      {
        config: { access: 'policy:ask' },
        schema: { tags, params: IdParamsSchema, body: RateAnswerSchema, response: question },
      },
      async (req) => service.rate(req.principal!, req.actor, req.params.id, req.body, req.id),
    )

    // --- department staff: Q&A ---
    r.get(
      '/questions',
      {
        config: { access: 'policy:answer' },
        schema: { tags, querystring: QuestionListQuerySchema, response: { 200: QuestionPageSchema } },
      },
      async (req) => service.questions(req.principal!, req.query),
    )
    r.get(
      '/questions/:id',
      { config: { access: 'authenticated' }, schema: { tags, params: IdParamsSchema, response: question } },
      async (req) => service.question(req.principal!, req.params.id),
    )
    r.post(
      '/questions/:id/answer',
      {
        config: { access: 'policy:answer' },
        schema: { tags, params: IdParamsSchema, body: AnswerSchema, response: question },
      },
      async (req) => service.answer(req.principal!, req.actor, req.params.id, req.body, req.id),
    )
    r.post(
      '/questions/:id/faq',
      {
        config: { access: 'policy:answer' },
        schema: { tags, params: IdParamsSchema, body: PublishFaqSchema, response: question },
      },
      async (req) => service.publishFaq(req.principal!, req.actor, req.params.id, req.body, req.id),
    )
  }
}

/** Anonymous read routes (register with prefix /api/public): published policies, interpretations, FAQs, rule in words. */
export function policyPublicRoutes(service: PolicyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['policy']
    r.get(
      '/policies',
      {
        config: { access: 'public' },
        schema: { tags, querystring: PolicyListQuerySchema, response: { 200: PolicyPageSchema } },
      },
      async (req) => service.list(req.query, { publicOnly: true }),
    )
    r.get(
      '/policies/:id',
      { config: { access: 'public' }, schema: { tags, params: IdParamsSchema, response: detail } },
      async (req) => service.publicDetail(req.params.id),
    )
  }
}
