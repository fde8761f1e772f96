import type { Certificate } from '@ruyu/contracts/certificate'
import { type Client, createTestContext, DEMO_PASSWORD, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { ENTERPRISE_A, ENTERPRISE_B, fourCertificates, issue } from './factories.ts'

// What must never happen: enterprise A seeing or downloading enterprise B's certificates; a clerk of one street
// reading another town's; the public verification page leaking internal ids or needing a login; a forged or altered
// certificate verifying as VALID.
let t: TestContext
let admin: Client
let window: Client
let enterpriseA: Client
let enterpriseB: Client
let ninghaiWindow: Client
let a: Certificate[]
let b: Certificate[]

async function createAccount(username: string, input: Record<string, unknown>) {
  await t.platform.db.tx((tx) =>
    t.platform.auth.createUser(tx, SYSTEM_ACTOR, {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      posts: [],
      ...input,
    } as never),
  )
  return t.login(username)
}

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  window = await t.login('window')
  enterpriseA = await t.login('enterprise')
  enterpriseB = await createAccount('pharma.b', {
    kind: 'enterprise',
    enterpriseUscc: ENTERPRISE_B.uscc,
    posts: [{ role: 'enterprise_user', scopeDivisionCode: '370612' }],
  })
  ninghaiWindow = await createAccount('ninghai.window', {
    kind: 'staff',
    posts: [{ role: 'window_clerk', scopeDivisionCode: '370612001' }],
  })
  a = (await issue(t, fourCertificates({ subjectId: 'case-A' }))).certificates
  b = (await issue(t, fourCertificates({ subjectId: 'case-B', holder: ENTERPRISE_B }))).certificates
})
afterAll(() => t.close())

const verifyUrl = (c: Certificate) => {
  const u = new URL(c.verifyUrl)
  return `/api/public/certificates/verify?number=${encodeURIComponent(c.number)}&s=${u.searchParams.get('s')}`
}

describe('public verification', () => {
  it('needs no login and shows the certificate data, never internal ids', async () => {
    const res = await t.anonymous().get(verifyUrl(a[1]!))
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json()
    expect(body.status).toBe('VALID')
    expect(body.certificate).toMatchObject({
      number: a[1]!.number,
      title: '建设用地规划许可证',
      holderLabel: '用地单位',
      holderName: ENTERPRISE_A.name,
      holderUscc: ENTERPRISE_A.uscc,
      divisionName: '玉林店镇',
    })
    expect(body.certificate.fields.map((f: { label: string }) => f.label)).toContain('用地面积')
    for (const secret of [a[1]!.id, a[1]!.batchId, 'case-A', 'approval_case', 'ed25519-', 'subject', 'batch'])
      expect(res.body, secret).not.toContain(secret)
  })

  it('a changed number is NOT_FOUND, a wrong token INVALID', async () => {
    const anon = t.anonymous()
    const changed = a[2]!.number.replace('370612', '370613')
    expect((await anon.get(`/api/public/certificates/verify?number=${encodeURIComponent(changed)}`)).json()).toEqual({
      status: 'NOT_FOUND',
    })
    const wrong = verifyUrl(a[2]!).replace(/s=.*/, 's=AAAAAAAAAAAAAAAA')
    expect((await anon.get(wrong)).json()).toEqual({ status: 'INVALID' })
  })

  it('bad input is a coded 400', async () => {
    const anon = t.anonymous()
    for (const url of [
      '/api/public/certificates/verify',
      '/api/public/certificates/verify?number=',
      `/api/public/certificates/verify?number=${'9'.repeat(65)}`,
      `/api/public/certificates/verify?number=1&s=${'A'.repeat(65)}`,
    ]) {
      const res = await anon.get(url)
      expect(res.statusCode, url).toBe(400)
      expect(res.json().code, url).toBe('VALIDATION_FAILED')
    }
  })

  it('is rate-limited per client address (60 a minute)', async () => {
    const url = `/api/public/certificates/verify?number=${encodeURIComponent(a[0]!.number)}`
    const call = () => t.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.77' })
    for (let i = 0; i < 60; i++) expect((await call()).statusCode).toBe(200)
    const limited = await call()
    expect(limited.statusCode).toBe(429)
    expect(limited.json().code).toBe('RATE_LIMITED')
    expect((await t.app.inject({ method: 'GET', url, remoteAddress: '127.0.0.78' })).statusCode).toBe(200)
  })
})

describe('holder enterprises', () => {
  it('enterprise A lists only its own certificates, also when asking for B’s case', async () => {
    const own = (await enterpriseA.get('/api/certificates?pageSize=200')).json()
    expect(own.items.length).toBeGreaterThanOrEqual(4)
    expect(own.items.every((c: Certificate) => c.holderUscc === ENTERPRISE_A.uscc)).toBe(true)
    expect(own.total).toBe(own.items.length)
    const bCase = (await enterpriseA.get('/api/certificates?subjectType=approval_case&subjectId=case-B')).json()
    expect(bCase).toEqual({ items: [], total: 0 })
    const aCase = (await enterpriseA.get('/api/certificates?subjectType=approval_case&subjectId=case-A')).json()
    expect(aCase.items.map((c: Certificate) => c.number).sort()).toEqual(a.map((c) => c.number).sort())
  })

  it('enterprise A downloads its own PDF; B’s certificate is 404 for A, and A’s for B', async () => {
    const res = await enterpriseA.get(`/api/certificates/${a[0]!.id}/pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(a[0]!.number)}.pdf`)
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(res.rawPayload.length).toBeLessThan(1024 * 1024)
    for (const [client, cert] of [
      [enterpriseA, b[0]!],
      [enterpriseB, a[0]!],
    ] as const) {
      const r = await client.get(`/api/certificates/${cert.id}/pdf`)
      expect(r.statusCode).toBe(404)
      expect(r.json().code).toBe('CERTIFICATE_NOT_FOUND')
    }
    expect(
      (await enterpriseB.get('/api/certificates'))
        .json()
        .items.map((c: Certificate) => c.number)
        .sort(),
    ).toEqual(b.map((c) => c.number).sort())
  })
})

describe('staff', () => {
  it('a window clerk with certificate:print in scope lists and prints; another street’s clerk gets 404', async () => {
    const list = (
      await window.get('/api/certificates?subjectType=approval_case&subjectId=case-B&kind=real_estate')
    ).json()
    expect(list.items.map((c: Certificate) => c.id)).toEqual([b[0]!.id])
    expect((await window.get(`/api/certificates/${b[0]!.id}/pdf`)).statusCode).toBe(200)
    // Certificates of 玉林店镇 projects are outside 宁海街道's scope.
    expect((await ninghaiWindow.get(`/api/certificates/${a[0]!.id}/pdf`)).statusCode).toBe(404)
    expect((await ninghaiWindow.get('/api/certificates')).json()).toEqual({ items: [], total: 0 })
  })

  it('accounts without certificate:print (a town clerk, a citizen) are refused', async () => {
    for (const username of ['yulindian', 'citizen']) {
      const c = await t.login(username)
      const list = await c.get('/api/certificates')
      expect(list.statusCode, username).toBe(403)
      expect(list.json().code).toBe('AUTH_FORBIDDEN')
      expect((await c.get(`/api/certificates/${a[0]!.id}/pdf`)).statusCode, username).toBe(403)
    }
  })

  it('an admin revokes with a reason; the public page then says REVOKED; clerks without the capability cannot', async () => {
    const target = b[3]!
    const denied = await window.post(`/api/certificates/${target.id}/revoke`, { reason: '施工单位变更' })
    expect(denied.statusCode).toBe(403)
    const noReason = await admin.post(`/api/certificates/${target.id}/revoke`, { reason: ' ' })
    expect(noReason.statusCode).toBe(400)
    const res = await admin.post(`/api/certificates/${target.id}/revoke`, { reason: '施工单位变更，原证注销' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'revoked', revokeReason: '施工单位变更，原证注销' })
    const v = (await t.anonymous().get(verifyUrl(target))).json()
    expect(v.status).toBe('REVOKED')
    expect(v.certificate.revokeReason).toBe('施工单位变更，原证注销')
    const again = await admin.post(`/api/certificates/${target.id}/revoke`, { reason: '再次注销' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('CERTIFICATE_ALREADY_REVOKED')
    const unknown = await admin.post('/api/certificates/00000000-0000-4000-8000-000000000000/revoke', {
      reason: '不存在的证照',
    })
    expect(unknown.statusCode).toBe(404)
    // The holder still sees it, as revoked.
    const mine = (await enterpriseB.get('/api/certificates?status=revoked')).json()
    expect(mine.items.map((c: Certificate) => c.id)).toEqual([target.id])
  })

  it('bad list queries are a coded 400', async () => {
    for (const q of ['kind=passport', 'status=lost', 'page=0', 'subjectType=Approval Case', 'pageSize=500']) {
      const res = await window.get(`/api/certificates?${q}`)
      expect(res.statusCode, q).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
    expect((await window.get('/api/certificates/not-a-uuid/pdf')).statusCode).toBe(400)
  })
})
