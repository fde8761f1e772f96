import { RatingListQuerySchema, RatingSchema, RatingStatsSchema } from '@ruyu/contracts/rating'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { RatingService } from './service.ts'

/** Rating routes under /api/ratings: the handlers' list (scoped) and satisfaction statistics. */
export function ratingRoutes(service: RatingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['rating']
    r.get(
      '/',
      {
        config: { access: 'rating:handle' },
        schema: {
          tags,
          querystring: RatingListQuerySchema,
          response: {
            200: z.object({
              items: z.array(RatingSchema.extend({ departmentName: z.string().nullable() })),
              total: z.number(),
            }),
          },
        },
      },
      async (req) =>
        service.list(req.principal!, {
          onlyBad: req.query.bad === 'true',
          page: req.query.page,
          pageSize: req.query.pageSize,
        }),
    )
    r.get(
      '/stats',
      { config: { access: 'stats:read' }, schema: { tags, response: { 200: RatingStatsSchema } } },
      async (req) => service.stats(req.principal!),
    )
  }
}
