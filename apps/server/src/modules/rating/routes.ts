import { RatingListQuerySchema, RatingPageSchema, RatingStatsSchema } from '@ruyu/contracts/rating'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { RatingService } from './service.ts'

/**
 * Rating routes under /api/ratings: the list and statistics for staff (a department sees its own department's
 * ratings, the supervising bureau and leaders every department's in their scope), and an enterprise's own ratings.
 */
export function ratingRoutes(service: RatingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['rating']
    const filter = (q: {
      bad?: 'true' | 'false'
      level?: number
      departmentId?: string
      rectification?: string
      page: number
      pageSize: number
    }) => ({
      onlyBad: q.bad === 'true',
      level: q.level,
      departmentId: q.departmentId,
      rectification: q.rectification,
      page: q.page,
      pageSize: q.pageSize,
    })
    r.get(
      '/',
      {
        config: { access: 'rating:read' },
        schema: { tags, querystring: RatingListQuerySchema, response: { 200: RatingPageSchema } },
      },
      async (req) => service.list(req.principal!, filter(req.query)),
    )
    r.get(
      '/mine',
      {
        config: { access: 'rating:submit' },
        schema: { tags, querystring: RatingListQuerySchema, response: { 200: RatingPageSchema } },
      },
      async (req) => service.mine(req.principal!, filter(req.query)),
    )
    r.get(
      '/stats',
      { config: { access: 'rating:read' }, schema: { tags, response: { 200: RatingStatsSchema } } },
      async (req) => service.stats(req.principal!),
    )
  }
}
