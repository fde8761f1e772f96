import { type Client, concreteUrl, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Bad input must get a clear coded 400, never a 500, and must not change what is stored.
let t: TestContext
let admin: Client
beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
})
afterAll(() => t.close())

const GARBAGE_QUERY =
  '?page=0&pageSize=0&from=2026-02-30&to=bad&days=x&dataYear=1&parentCode=abc&kind=zzz&unread=maybe&resourceType=' +
  'x'.repeat(100)

function expectCoded(res: { statusCode: number; json(): any; body: string }, label: string) {
  expect(res.statusCode, `${label}: ${res.body}`).toBe(400)
  const b = res.json()
  expect(typeof b.code, label).toBe('string')
  expect(typeof b.message, label).toBe('string')
  expect(b.requestId, label).toBeTruthy()
}

async function snapshot() {
  const r = await t.platform.db.query(
    `select (select count(*) from core_org_unit) units, (select count(*) from core_user) users,
       (select count(*) from core_api_key) keys, (select count(*) from core_calendar_year) years,
       (select count(*) from core_doc_series) series, (select count(*) from core_file) files`,
  )
  return r.rows[0]
}

describe('bad input on every route', () => {
  it('params that are not of the declared form → 400 VALIDATION_FAILED', async () => {
    for (const r of t.app.routeCatalogue.filter((x) => x.validates.params)) {
      const url = r.url.replace(':id', 'not-a-uuid').replace(':code', 'abc').replace(':year', '1999')
      const res = await admin.request({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} })
      expectCoded(res, `${r.method} ${url}`)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })

  it('queries with out-of-range or malformed values → 400 with per-field issues', async () => {
    for (const r of t.app.routeCatalogue.filter((x) => x.validates.querystring && x.method === 'GET')) {
      const res = await admin.get(concreteUrl(r.url) + GARBAGE_QUERY)
      expectCoded(res, `GET ${r.url}`)
      expect(res.json().details.issues.length, r.url).toBeGreaterThan(0)
    }
  })

  it('bodies that are empty, of the wrong type or not JSON → 400, and nothing stored changes', async () => {
    const before = await snapshot()
    const bodyRoutes = t.app.routeCatalogue.filter((x) => x.validates.body)
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(6)
    for (const r of bodyRoutes) {
      const url = concreteUrl(r.url)
      // Every body is an object: an array or broken JSON is always a 400.
      const arr = await admin.request({ method: r.method as 'POST', url, payload: [] })
      expectCoded(arr, `${r.method} ${url} []`)
      // An empty or ill-typed object is a coded refusal (400, or 404/422 where every field is optional), never a 500.
      for (const payload of [{}, { name: 12, code: [], holidays: 'x', username: '', comment: 7 }]) {
        const res = await admin.request({ method: r.method as 'POST', url, payload })
        expect([400, 404, 409, 422], `${r.method} ${url} ${JSON.stringify(payload)}: ${res.body}`).toContain(
          res.statusCode,
        )
        expect(res.json().code).toBeTruthy()
      }
      const broken = await admin.request({
        method: r.method as 'POST',
        url,
        payload: '{"name": ',
        headers: { 'content-type': 'application/json' },
      })
      expectCoded(broken, `${r.method} ${url} broken JSON`)
      expect(broken.json().code).toBe('BAD_REQUEST')
    }
    expect(await snapshot()).toEqual(before)
  })

  it('validation details name the fields, in Chinese by default and English on request', async () => {
    const zh = await admin.post('/api/directory/departments', { name: '' })
    const issues = zh.json().details.issues as { path: string[]; message: string }[]
    expect(issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['code', 'name', 'kind', 'divisionCode']))
    expect(issues.find((i) => i.path[0] === 'code')!.message).toBe('此项为必填项')
    const en = await admin.post('/api/directory/departments', { name: '' }, { 'accept-language': 'en' })
    expect(en.json().message).toMatch(/invalid/i)
    expect(en.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'code').message).toBe('Required')
  })

  it('an account with an invalid USCC or mobile is refused with the reason', async () => {
    const res = await admin.post('/api/admin/users', {
      username: 'bad.company',
      displayName: '某公司',
      kind: 'enterprise',
      password: 'Passw0rd!',
      enterpriseUscc: '91370612MA3C12346K',
      mobile: '12345678901',
      posts: [{ role: 'enterprise_user', scopeDivisionCode: '370612' }],
    })
    expectCoded(res, 'create user')
    const issues = res.json().details.issues as { path: string[]; message: string }[]
    expect(issues.find((i) => i.path[0] === 'enterpriseUscc')!.message).toContain('统一社会信用代码')
    expect(issues.find((i) => i.path[0] === 'mobile')!.message).toContain('手机号码')
  })

  it('an unknown API path is a coded 404 and a raw non-JSON body type is a coded 400', async () => {
    const nf = await admin.get('/api/nope')
    expect(nf.statusCode).toBe(404)
    expect(nf.json().code).toBe('ROUTE_NOT_FOUND')
    const media = await admin.request({
      method: 'POST',
      url: '/api/directory/departments',
      payload: '<xml/>',
      headers: { 'content-type': 'application/xml' },
    })
    expectCoded(media, 'xml body')
  })
})
