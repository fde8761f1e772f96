import { timingSafeEqual } from 'node:crypto'
import type { Capability } from '@ruyu/contracts/access'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { csrfInvalid, missingCapability, passwordChangeRequired } from '../auth/errors.ts'
import { type Auth, type Principal, principalActor } from '../auth/service.ts'
import { authRequired } from '../errors.ts'

/** What a route needs: anyone, any logged-in account, or one capability. Every /api route must declare it. */
export type Access = 'public' | 'authenticated' | Capability

export interface RouteInfo {
  method: string
  url: string
  access: Access
  /** Which inputs the route validates (the bad-input test feeds each one garbage). */
  validates: { body: boolean; querystring: boolean; params: boolean }
}

export const SESSION_COOKIE = 'ruyu_sid'
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
// What a session with an expired password may still do.
const WHILE_MUST_CHANGE = new Set(['/api/me', '/api/me/password', '/api/auth/logout', '/api/meta'])

function sameToken(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Authenticates every request (session cookie or API key), then enforces the route's declared access and CSRF.
 * Runs in onRequest, so an anonymous caller gets 401 before any validation.
 */
export function registerAccess(app: FastifyInstance, auth: Auth, opts: { metricsToken?: string } = {}) {
  const catalogue: RouteInfo[] = []
  app.decorate('routeCatalogue', catalogue)
  app.decorateRequest('principal', null)
  app.decorateRequest('actor', null as never)

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access
    const url = route.url
    if (!url.startsWith('/api/')) return
    if (!access) throw new Error(`Route ${route.method} ${url} does not declare config.access`)
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const schema = (route.schema ?? {}) as Record<string, unknown>
    const validates = { body: !!schema.body, querystring: !!schema.querystring, params: !!schema.params }
    for (const m of methods) if (m !== 'HEAD') catalogue.push({ method: m, url, access, validates })
  })

  app.addHook('onRequest', async (req: FastifyRequest) => {
    // The metrics scraper's token is not an API key: it opens /metrics and nothing else.
    if (opts.metricsToken && req.routeOptions.url === '/metrics') {
      const h = req.headers.authorization
      if (typeof h === 'string' && h.startsWith('Bearer ') && sameToken(h.slice(7).trim(), opts.metricsToken)) return
    }
    req.principal = await authenticate(req, auth)
    req.actor = principalActor(req.principal)
    const access = (req.routeOptions.config as { access?: Access } | undefined)?.access
    if (!access || access === 'public') return
    const p = req.principal
    if (!p) throw authRequired()
    if (p.mustChangePassword && !WHILE_MUST_CHANGE.has(req.routeOptions.url ?? '')) throw passwordChangeRequired()
    if (p.via === 'session' && !SAFE.has(req.method)) {
      const token = req.headers['x-csrf-token']
      if (typeof token !== 'string' || !p.csrfToken || !sameToken(token, p.csrfToken)) throw csrfInvalid()
    }
    if (access !== 'authenticated' && !p.capabilities.has(access)) throw missingCapability({ capability: access })
  })
}

async function authenticate(req: FastifyRequest, auth: Auth): Promise<Principal | null> {
  const header = req.headers.authorization
  if (typeof header === 'string' && header.startsWith('Bearer ')) return auth.fromApiKey(header.slice(7).trim())
  const token = req.cookies?.[SESSION_COOKIE]
  if (!token) return null
  return auth.fromSession(token)
}

/** SQL helper: `column like any($n)` patterns for the caller's division scopes. */
export function scopePatterns(p: Principal): string[] {
  return p.scopes.map((s) => `${s}%`)
}

/** True when a division code lies inside the caller's scope. */
export function inScope(p: Principal, divisionCode: string | null | undefined): boolean {
  return !!divisionCode && p.scopes.some((s) => divisionCode.startsWith(s))
}
