import { capabilitiesOf } from '@ruyu/contracts/access'
import { type Client, concreteUrl, createTestContext, type TestContext } from '@ruyu/testkit'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../seed-accounts.ts'

// Every registered route (from the app's own route list, /open311 and the platform routes included) is sent NUL
// bytes, lone surrogates, invalid UTF-8, ill-typed bodies and broken multipart, each by an account that gets past
// its access check. No reply may be a 5xx; every refusal carries a code; nothing stored changes. A new route is
// covered automatically.
let t: TestContext
const byRole = new Map<string, Client>()

type Reply = { statusCode: number; body: string; json(): any }
type Route = { method: string; url: string; client: Client; guarded: boolean }
let routes: Route[] = []

beforeAll(async () => {
  t = await createTestContext()
  for (const a of DEMO_ACCOUNTS) byRole.set(a.role, await t.login(a.username))
  const access = new Map(t.app.routeCatalogue.map((r) => [`${r.method} ${r.url}`, r.access]))
  const admin = byRole.get('admin')!
  routes = t.app.allRoutes
    // Logging out would end the session the next requests use; it reads no input.
    .filter((r) => r.url !== '/api/auth/logout')
    .map((r) => {
      const a = access.get(`${r.method} ${r.url}`)
      const role =
        a && a !== 'public' && a !== 'authenticated'
          ? DEMO_ACCOUNTS.find((d) => capabilitiesOf([d.role]).includes(a as never))?.role
          : undefined
      const client = role ? byRole.get(role)! : r.url.startsWith('/open311') ? t.anonymous() : admin
      // A route nobody may call (no demo role has its capability) is refused before any input is read.
      return { ...r, client, guarded: !a || a === 'public' || a === 'authenticated' || !!role }
    })
})
afterAll(() => t.close())

/** A concrete URL for any route pattern: ids that point at nothing, other parameters filled in. */
const fill = (url: string) =>
  concreteUrl(url)
    .replace(/:format\b/g, 'json')
    .replace(/:[A-Za-z_]+/g, 'x')
    .replace(/\*$/, 'x')

const codeOf = (res: Reply): unknown => {
  try {
    const b = res.json()
    return Array.isArray(b) ? b[0]?.code : b?.code
  } catch {
    return undefined
  }
}

function expectNo5xx(res: Reply, label: string) {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500)
  if (res.statusCode >= 400) expect(codeOf(res), `${label}: ${res.body.slice(0, 300)}`).toBeTruthy()
}

/** A guarded route must refuse with the input code itself (Open311 keeps its own error shape: `[{code: 400}]`). */
function expectBadCharacters(res: Reply, r: Route, label: string) {
  expectNo5xx(res, label)
  if (!r.guarded) return
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(400)
  if (!r.url.startsWith('/open311')) expect(codeOf(res), label).toBe('INPUT_INVALID_CHARACTERS')
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const send = (r: Route, o: Omit<InjectOptions, 'method'>) => r.client.request({ method: r.method as 'POST', ...o })

async function counts() {
  const r = await t.platform.db.query(
    `select (select count(*) from core_user) users, (select count(*) from core_file) files,
       (select count(*) from core_org_unit) units, (select count(*) from hotline_order) orders,
       (select count(*) from core_api_key) keys, (select count(*) from workflow_transition) transitions`,
  )
  return r.rows[0]
}

const BOUNDARY = 'fuzzBoundary'
const multipart = (filename: string, tail = `\r\n--${BOUNDARY}--\r\n`) =>
  `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\n` +
  `content-type: application/pdf\r\n\r\n%PDF-1.4 fuzz${tail}`

describe('bad input on every registered route', () => {
  it('lists the routes of every area, Open311 and uploads included', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`)
    expect(routes.length).toBeGreaterThan(150)
    for (const k of ['POST /api/auth/login', 'POST /api/files', 'POST /api/public/hotline/requests', 'GET /healthz'])
      expect(keys).toContain(k)
    expect(keys.some((k) => k.startsWith('POST /open311/'))).toBe(true)
    expect(keys.some((k) => k.startsWith('GET /open311/'))).toBe(true)
  })

  it('?q=%00, an encoded lone surrogate or invalid UTF-8 in the query → a coded 400 on every route', async () => {
    for (const r of routes)
      for (const q of ['q=%00', 'q=%ED%A0%80', 'q=%FF', 'page=1&q=a%00b']) {
        const url = `${fill(r.url)}?${q}`
        const payload = WRITE.has(r.method) ? {} : undefined
        expectBadCharacters(await send(r, { url, payload }), r, `${r.method} ${url}`)
      }
  })

  it('a NUL or lone surrogate in a path parameter → a coded 4xx, never a 5xx', async () => {
    for (const r of routes.filter((x) => x.url.includes(':'))) {
      const url = r.url.replace(/:[A-Za-z_]+/, '%00').replace(/:format\b/g, 'json')
      const res = await send(r, {
        url: concreteUrl(url).replace(/:[A-Za-z_]+/g, 'x'),
        payload: WRITE.has(r.method) ? {} : undefined,
      })
      expectBadCharacters(res, r, `${r.method} ${url}`)
    }
  })

  it('write bodies with NUL, lone surrogates (JSON escapes), invalid UTF-8 or NUL keys → 400, nothing stored', async () => {
    const before = await counts()
    const writes = routes.filter((r) => WRITE.has(r.method))
    expect(writes.length).toBeGreaterThan(60)
    for (const r of writes) {
      const url = fill(r.url)
      const label = `${r.method} ${url}`
      const bodies: [string, string | Buffer][] = [
        ['nul', JSON.stringify({ name: 'a\u0000b', username: 'x', comment: '意见\u0000', description: 'x' })],
        ['high surrogate', '{"name":"\\ud800","comment":"x","text":"\\ud83dA"}'],
        ['low surrogate', '{"items":[{"title":"\\udfff"}]}'],
        ['nul key', '{"data":{"\\u0000":1}}'],
        ['invalid utf-8', Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])],
      ]
      for (const [what, payload] of bodies) {
        const res = await send(r, { url, payload, headers: { 'content-type': 'application/json' } })
        expectBadCharacters(res, r, `${label} ${what}`)
      }
      const form = await send(r, {
        url,
        payload: 'description=a%00b&api_key=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
      expectNo5xx(form, `${label} form`)
    }
    expect(await counts()).toEqual(before)
  })

  it('wrong types, huge numbers and non-objects in write bodies → never a 5xx', async () => {
    for (const r of routes.filter((x) => WRITE.has(x.method))) {
      const url = fill(r.url)
      for (const payload of [
        '{"name":12,"code":[],"holidays":"x","username":{},"comment":7,"lat":1e309,"lng":-1e999,"unitId":false}',
        '{"posts":[{"departmentId":"00000000-0000-4000-8000-000000000000","role":"admin"}],"attachments":[1]}',
        '"just a string"',
        'null',
        '[]',
        '{"a":' + '['.repeat(2000) + ']'.repeat(2000) + '}',
      ]) {
        const res = await send(r, { url, payload, headers: { 'content-type': 'application/json' } })
        expectNo5xx(res, `${r.method} ${url} ${payload.slice(0, 60)}`)
      }
    }
  })

  it('multipart without a boundary, truncated, or with a NUL in the file name → a coded 4xx on every write route', async () => {
    const before = await counts()
    for (const r of routes.filter((x) => WRITE.has(x.method))) {
      const url = fill(r.url)
      const cases: [string, string, string][] = [
        ['no boundary', 'multipart/form-data', multipart('a.pdf')],
        ['truncated', `multipart/form-data; boundary=${BOUNDARY}`, multipart('a.pdf', '')],
        ['nul name', `multipart/form-data; boundary=${BOUNDARY}`, multipart('a\u0000.pdf')],
      ]
      for (const [what, contentType, payload] of cases) {
        const res = await send(r, { url, payload, headers: { 'content-type': contentType } })
        expectNo5xx(res, `${r.method} ${url} multipart ${what}`)
        if (r.url === '/api/files')
          expect(codeOf(res), what).toBe(what === 'nul name' ? 'INPUT_INVALID_CHARACTERS' : 'MULTIPART_INVALID')
      }
    }
    expect(await counts()).toEqual(before)
  })
})
