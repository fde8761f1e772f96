import { capabilitiesOf, ROLES } from '@ruyu/contracts/access'
import { type Client, concreteUrl, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../seed-accounts.ts'

// Every registered /api route is checked here: none may be reachable anonymously unless declared public, and none
// may be reachable by an account whose role lacks the route's capability. A new route is covered automatically.
let t: TestContext
const clients = new Map<string, Client>()
let integration: Client

beforeAll(async () => {
  t = await createTestContext()
  for (const a of DEMO_ACCOUNTS) clients.set(a.role, await t.login(a.username))
  const admin = clients.get('admin')!
  const key = (
    await admin.post('/api/admin/api-keys', {
      name: 'read-only',
      capabilities: ['directory:read'],
      scopeDivisionCode: '370612',
    })
  ).json().key
  integration = {
    ...t.anonymous(),
    request: (o) => t.app.inject({ ...o, headers: { ...(o.headers ?? {}), authorization: `Bearer ${key}` } }),
  }
})
afterAll(() => t.close())

describe('authorization of every route', () => {
  it('the catalogue lists every API route with a declared access', () => {
    const routes = t.app.routeCatalogue
    expect(routes.length).toBeGreaterThanOrEqual(25)
    const keys = routes.map((r) => `${r.method} ${r.url}`)
    for (const k of ['GET /api/me', 'GET /api/directory/staff/:id', 'POST /api/admin/users', 'POST /api/files'])
      expect(keys).toContain(k)
    // Public routes are a short, reviewed list.
    expect(
      routes
        .filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      'GET /api/meta',
      'GET /api/public/certificates/keys',
      'GET /api/public/certificates/verify',
      'GET /api/public/hotline/categories',
      'GET /api/public/hotline/divisions',
      'GET /api/public/hotline/track',
      'GET /api/public/policies',
      'GET /api/public/policies/:id',
      'POST /api/auth/login',
      'POST /api/public/enterprise/register',
      'POST /api/public/hotline/requests',
    ])
  })

  it('every non-public route answers 401 to an anonymous caller', async () => {
    for (const r of t.app.routeCatalogue.filter((x) => x.access !== 'public')) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: concreteUrl(r.url),
        payload: r.method === 'GET' ? undefined : {},
      })
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401)
      expect(res.json().code).toBe('AUTH_REQUIRED')
    }
  })

  it('bad input (NUL, lone surrogates, broken multipart, a NUL in the key) never gets past or breaks the guard', async () => {
    const inputs: { payload: string; headers: Record<string, string> }[] = [
      { payload: '{"name":"a\\u0000","q":"\\ud800"}', headers: { 'content-type': 'application/json' } },
      {
        payload: '--x\r\ncontent-disposition: form-data; name="file"; filename="a\u0000',
        headers: { 'content-type': 'multipart/form-data' },
      },
    ]
    for (const r of t.app.routeCatalogue.filter((x) => x.access !== 'public')) {
      const url = `${concreteUrl(r.url)}?q=%00%ED%A0%80`
      for (const i of r.method === 'GET' ? [{ payload: undefined, headers: {} }] : inputs) {
        const res = await t.app.inject({ method: r.method as 'POST', url, ...i })
        expect(res.statusCode, `${r.method} ${url}`).toBe(401)
        expect(res.json().code).toBe('AUTH_REQUIRED')
      }
      const key = await t.app.inject({
        method: r.method as 'GET',
        url,
        headers: { authorization: 'Bearer ruyu_abcdefgh_\u0000aaaaaaaaaaaaaaaaaaaaaaaa' },
      })
      expect(key.statusCode, `${r.method} ${url} with a NUL key`).toBe(401)
    }
  })

  it('every capability route answers 403 to each role (and integration key) that lacks the capability', async () => {
    let checked = 0
    for (const r of t.app.routeCatalogue.filter((x) => x.access !== 'public' && x.access !== 'authenticated')) {
      const lacking = ROLES.filter((role) => !capabilitiesOf([role]).includes(r.access as never))
      for (const role of lacking) {
        const res = await clients
          .get(role)!
          .request({ method: r.method as 'GET', url: concreteUrl(r.url), payload: r.method === 'GET' ? undefined : {} })
        expect(res.statusCode, `${role} → ${r.method} ${r.url}`).toBe(403)
        expect(res.json().code).toBe('AUTH_FORBIDDEN')
        checked++
      }
      if (r.access !== 'directory:read') {
        const res = await integration.request({
          method: r.method as 'GET',
          url: concreteUrl(r.url),
          payload: r.method === 'GET' ? undefined : {},
        })
        expect(res.statusCode, `api key → ${r.method} ${r.url}`).toBe(403)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('a role that has the capability gets past the guard (not 401/403) on every route', async () => {
    // Logout would end the admin's session half-way through; it has its own test in auth.test.ts.
    for (const r of t.app.routeCatalogue.filter((x) => x.access !== 'public' && x.url !== '/api/auth/logout')) {
      const res = await clients
        .get('admin')!
        .request({ method: r.method as 'GET', url: concreteUrl(r.url), payload: r.method === 'GET' ? undefined : {} })
      expect([401, 403], `${r.method} ${r.url} → ${res.statusCode} ${res.body}`).not.toContain(res.statusCode)
    }
  })

  it('enterprise and citizen accounts reach their own inbox but no directory data', async () => {
    for (const role of ['enterprise_user', 'citizen']) {
      const c = clients.get(role)!
      expect((await c.get('/api/notifications')).statusCode).toBe(200)
      expect((await c.get('/api/directory/divisions')).statusCode).toBe(403)
      expect((await c.get('/api/directory/staff')).statusCode).toBe(403)
    }
  })
})
