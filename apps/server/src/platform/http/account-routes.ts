import { IdParamsSchema } from '@ruyu/contracts/common'
import { ResetPasswordSchema } from '@ruyu/contracts/platform'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { resetPassword, unlockAccount } from '../auth/account-admin.ts'
import type { Principal } from '../auth/service.ts'
import type { Queryable } from '../db.ts'
import { notFound } from '../errors.ts'

/** An account with a post inside the caller's scope (others are 404, as if they did not exist). */
async function accountInScope(q: Queryable, p: Principal, id: string) {
  const { rows } = await q.query<{ id: string; username: string }>(
    `select u.id, u.username from core_user u where u.id = $1
       and exists (select 1 from core_post x where x.user_id = u.id and x.scope_division_code like any($2))
     for update of u`,
    [id, p.scopes.map((s) => `${s}%`)],
  )
  if (!rows[0]) throw notFound({ what: '账号' })
  return rows[0]
}

/** Account administration (staff:manage): end a login lock-out, set a password the owner must change. */
export async function accountRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { db, caches, config } = app.platform

  r.post(
    '/api/admin/users/:id/unlock',
    { config: { access: 'staff:manage' }, schema: { tags: ['admin'], params: IdParamsSchema } },
    async (req, reply) => {
      await db.tx(async (tx) => unlockAccount(tx, req.actor, await accountInScope(tx, req.principal!, req.params.id)))
      return reply.code(204).send()
    },
  )

  r.post(
    '/api/admin/users/:id/password',
    {
      config: { access: 'staff:manage' },
      schema: { tags: ['admin'], params: IdParamsSchema, body: ResetPasswordSchema },
    },
    async (req, reply) => {
      await db.tx(async (tx) =>
        resetPassword(
          tx,
          caches,
          config,
          req.actor,
          await accountInScope(tx, req.principal!, req.params.id),
          req.body.newPassword,
        ),
      )
      return reply.code(204).send()
    },
  )
}
