import { IdParamsSchema } from '@ruyu/contracts/common'
import {
  AddWorkdaysQuerySchema,
  ApiKeySchema,
  AuditQuerySchema,
  CalendarYearSchema,
  ChangePasswordSchema,
  CreateApiKeySchema,
  CreateUserSchema,
  DocSeriesSchema,
  FileSchema,
  ImportScheduleSchema,
  LoginSchema,
  MetaSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  SessionReplySchema,
  WorkdaysBetweenQuerySchema,
} from '@ruyu/contracts/platform'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { recordAudit } from '../audit.ts'
import { checkPostDepartments } from '../auth/post-departments.ts'
import { toMe } from '../auth/service.ts'
import { ensureDocSeries } from '../doc-number.ts'
import { notFound, validationFailed } from '../errors.ts'
import { fileNotFound } from '../files.ts'
import { DEMO_ACCOUNTS } from '../seed-accounts.ts'
import { inScope, SESSION_COOKIE } from './access.ts'
import { accountRoutes } from './account-routes.ts'

const VERSION = '0.1.0'

/** Platform endpoints: session, me, meta, notifications, calendar, files, API keys, users, audit. */
export async function platformRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const { auth, calendar, notifications, files, db, config } = app.platform
  // Secure whenever the request came over HTTPS (directly, or via a trusted proxy's X-Forwarded-Proto) and always
  // in production.
  const cookieOpts = (req: { protocol: string }) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.production || req.protocol === 'https',
  })

  r.get(
    '/api/meta',
    { config: { access: 'public' }, schema: { tags: ['platform'], response: { 200: MetaSchema } } },
    async () => ({
      name: '如鱼政务服务平台',
      version: VERSION,
      demo: config.demo,
      district: config.district,
      passwordMinLength: config.passwordMinLength,
      ...(config.demo
        ? {
            demoPassword: config.demoPassword,
            demoAccounts: DEMO_ACCOUNTS.map((a) => ({
              username: a.username,
              role: a.role,
              displayName: a.displayName,
            })),
          }
        : {}),
    }),
  )

  r.post(
    '/api/auth/login',
    {
      // Rate limited per client address in PostgreSQL (LOGIN_RATE_PER_MINUTE, shared by every node): auth.login.
      config: { access: 'public' },
      schema: { tags: ['auth'], body: LoginSchema, response: { 200: SessionReplySchema } },
    },
    async (req, reply) => {
      const { token, principal } = await auth.login(req.body.username, req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      })
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOpts(req), maxAge: config.sessionTtlHours * 3600 })
      return { user: toMe(principal), csrfToken: principal.csrfToken! }
    },
  )

  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      await auth.logout(req.principal!, req.id)
      reply.clearCookie(SESSION_COOKIE, cookieOpts(req))
      return reply.code(204).send()
    },
  )

  r.get(
    '/api/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: SessionReplySchema } } },
    async (req) => ({ user: toMe(req.principal!), csrfToken: req.principal!.csrfToken ?? '' }),
  )

  r.post(
    '/api/me/password',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], body: ChangePasswordSchema } },
    async (req, reply) => {
      const p = req.principal!
      if (!p.userId || p.via !== 'session') throw notFound({ what: '账号' })
      await auth.changePassword(p, req.body.currentPassword, req.body.newPassword, { ip: req.ip, requestId: req.id })
      return reply.code(204).send()
    },
  )

  // --- notifications (in-app inbox) ---
  const mustBeUser = (id: string | null) => {
    if (!id) throw notFound({ what: '收件箱' })
    return id
  }
  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        querystring: NotificationListQuerySchema,
        response: { 200: NotificationListSchema },
      },
    },
    async (req) =>
      notifications.list(mustBeUser(req.principal!.userId), {
        unreadOnly: req.query.unread === 'true',
        limit: req.query.pageSize,
        offset: (req.query.page - 1) * req.query.pageSize,
      }),
  )
  r.get(
    '/api/notifications/unread-count',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], response: { 200: z.object({ count: z.number() }) } },
    },
    async (req) => ({ count: await notifications.unreadCount(mustBeUser(req.principal!.userId)) }),
  )
  r.post(
    '/api/notifications/:id/read',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], params: IdParamsSchema } },
    async (req, reply) => {
      if (!(await notifications.markRead(mustBeUser(req.principal!.userId), req.params.id)))
        throw notFound({ what: '通知' })
      return reply.code(204).send()
    },
  )
  r.post(
    '/api/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'] } },
    async (req, reply) => {
      await notifications.markAllRead(mustBeUser(req.principal!.userId))
      return reply.code(204).send()
    },
  )

  // --- working-day calendar ---
  const dateResult = z.object({ date: z.string(), provisional: z.boolean() })
  r.get(
    '/api/calendar/add-workdays',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['calendar'], querystring: AddWorkdaysQuerySchema, response: { 200: dateResult } },
    },
    async (req) => {
      try {
        return calendar.addWorkdays(req.query.from, req.query.days)
      } catch (err) {
        throw validationFailed(undefined, { issues: [{ path: ['from'], message: (err as Error).message }] })
      }
    },
  )
  r.get(
    '/api/calendar/workdays-between',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['calendar'],
        querystring: WorkdaysBetweenQuerySchema,
        response: { 200: z.object({ days: z.number(), provisional: z.boolean() }) },
      },
    },
    async (req) => {
      try {
        return calendar.workdaysBetween(req.query.from, req.query.to)
      } catch (err) {
        throw validationFailed(undefined, { issues: [{ path: ['from'], message: (err as Error).message }] })
      }
    },
  )
  r.get(
    '/api/calendar/years',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['calendar'], response: { 200: z.object({ items: z.array(CalendarYearSchema) }) } },
    },
    async () => ({ items: await calendar.years() }),
  )
  r.post(
    '/api/calendar/years/:year',
    {
      config: { access: 'calendar:manage' },
      schema: {
        tags: ['calendar'],
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: ImportScheduleSchema,
        response: { 201: z.object({ year: z.number(), version: z.number() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await calendar.importYear(req.actor, req.params.year, req.body, req.id)),
  )

  // --- files ---
  r.post(
    '/api/files',
    {
      config: { access: 'file:upload' },
      schema: { tags: ['files'], consumes: ['multipart/form-data'], response: { 201: FileSchema } },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw validationFailed(undefined, {
          issues: [{ path: ['file'], message: '请以 multipart/form-data 上传文件' }],
        })
      const part = await req.file({ limits: { fileSize: files.maxBytes, files: 1 } })
      if (!part) throw validationFailed(undefined, { issues: [{ path: ['file'], message: '缺少文件' }] })
      const data = await part.toBuffer() // throws FST_REQ_FILE_TOO_LARGE past the limit → 400
      const saved = await files.save(req.actor, {
        name: part.filename,
        data,
        divisionCode: req.principal!.scopes[0] ?? null,
        requestId: req.id,
      })
      return reply.code(201).send(saved)
    },
  )
  r.get(
    '/api/files/:id',
    { config: { access: 'authenticated' }, schema: { tags: ['files'], params: IdParamsSchema } },
    async (req, reply) => {
      // Readable by who may read an object it is attached to (or its uploader before that); else as if absent.
      const f = await files.readable(req.principal!, req.params.id)
      if (!f) throw fileNotFound()
      const data = await files.content(f)
      reply.header('content-type', f.mime)
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      return reply.send(data)
    },
  )

  // --- API keys (integrations) ---
  r.get(
    '/api/admin/api-keys',
    {
      config: { access: 'apikey:manage' },
      schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(ApiKeySchema) }) } },
    },
    async () => {
      const { rows } = await db.query(
        `select id, name, prefix, capabilities, scope_division_code, created_at, last_used_at, revoked_at, expires_at
         from core_api_key order by created_at desc`,
      )
      return {
        items: rows.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          capabilities: k.capabilities,
          scopeDivisionCode: k.scope_division_code,
          createdAt: k.created_at.toISOString(),
          lastUsedAt: k.last_used_at?.toISOString() ?? null,
          revokedAt: k.revoked_at?.toISOString() ?? null,
          expiresAt: k.expires_at?.toISOString() ?? null,
        })),
      }
    },
  )
  r.post(
    '/api/admin/api-keys',
    {
      config: { access: 'apikey:manage' },
      schema: {
        tags: ['admin'],
        body: CreateApiKeySchema,
        response: { 201: z.object({ id: z.string(), key: z.string(), prefix: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await db.tx((tx) => auth.createApiKey(tx, req.actor, req.body))),
  )
  r.delete(
    '/api/admin/api-keys/:id',
    { config: { access: 'apikey:manage' }, schema: { tags: ['admin'], params: IdParamsSchema } },
    async (req, reply) => {
      if (!(await db.tx((tx) => auth.revokeApiKey(tx, req.actor, req.params.id)))) throw notFound({ what: 'API 密钥' })
      return reply.code(204).send()
    },
  )

  // --- accounts ---
  r.post(
    '/api/admin/users',
    {
      config: { access: 'staff:manage' },
      schema: { tags: ['admin'], body: CreateUserSchema, response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => {
      const p = req.principal!
      // An admin can only create posts inside their own scope.
      for (const [i, post] of req.body.posts.entries())
        if (!inScope(p, post.scopeDivisionCode))
          throw validationFailed(undefined, {
            issues: [{ path: ['posts', i, 'scopeDivisionCode'], message: '超出您的管辖范围' }],
          })
      const id = await db.tx(async (tx) => {
        await checkPostDepartments(tx, req.body.posts)
        return auth.createUser(tx, req.actor, req.body)
      })
      return reply.code(201).send({ id })
    },
  )

  await accountRoutes(app)

  // --- document-number series ---
  r.put(
    '/api/admin/doc-series',
    { config: { access: 'docnumber:manage' }, schema: { tags: ['admin'], body: DocSeriesSchema } },
    async (req, reply) => {
      await db.tx(async (tx) => {
        await ensureDocSeries(tx, req.body)
        await recordAudit(tx, {
          actor: req.actor,
          action: 'docseries.upsert',
          resourceType: 'doc_series',
          resourceId: req.body.key,
          data: req.body,
        })
      })
      return reply.code(204).send()
    },
  )

  // --- audit log (read) ---
  r.get(
    '/api/admin/audit',
    { config: { access: 'audit:read' }, schema: { tags: ['admin'], querystring: AuditQuerySchema } },
    async (req) => {
      const q = req.query
      const p = req.principal!
      const { rows } = await db.query(
        `select seq, at, actor_id, actor_kind, action, resource_type, resource_id, division_code, request_id, data,
           count(*) over() as total
         from core_audit_log
         where ($1::text is null or resource_type = $1) and ($2::text is null or resource_id = $2)
           and (division_code is null or division_code like any($3))
         order by seq desc limit $4 offset $5`,
        [
          q.resourceType ?? null,
          q.resourceId ?? null,
          p.scopes.map((s) => `${s}%`),
          q.pageSize,
          (q.page - 1) * q.pageSize,
        ],
      )
      return {
        items: rows.map(({ total: _t, ...r }) => ({ ...r, at: r.at.toISOString() })),
        total: rows[0]?.total ?? 0,
      }
    },
  )
}
