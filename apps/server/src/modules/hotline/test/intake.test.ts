import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, freshPhone, intakeBody, takeIn, unitId } from './factories.ts'

// Intake through every channel: the operator console (validation, duplicate hints and merge, 企业诉求), the upstream
// transfer API (idempotent per upstream number) and the public web form with its tracking.
let t: TestContext
let operator: Client
let leader: Client
const cat: Record<string, string> = {}
const unit: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  leader = await t.login('leader')
  for (const code of ['010101', '020101', '060101']) cat[code] = await categoryId(t, code)
  unit['MP-T002'] = await unitId(t, 'MP-T002')
})
afterAll(() => t.close())

describe('operator intake validation', () => {
  it('invalid phone, unknown category, unknown division, empty description → 400 with each field', async () => {
    const r = await operator.post(
      '/api/hotline/orders',
      intakeBody(cat['010101']!, { callerPhone: '110', description: '   ' }),
    )
    expect(r.statusCode).toBe(400)
    expect(r.json().details.issues.map((i: { path: string[] }) => i.path[0])).toEqual(
      expect.arrayContaining(['callerPhone', 'description']),
    )
    const unknown = await operator.post(
      '/api/hotline/orders',
      intakeBody('00000000-0000-4000-8000-000000000000', { divisionCode: '370612999' }),
    )
    expect(unknown.statusCode).toBe(400)
    expect(
      unknown
        .json()
        .details.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['categoryId', 'divisionCode'])
    const dispatchBad = await act(operator, '00000000-0000-4000-8000-000000000000', 'dispatch', {
      unitId: unit['MP-T002'],
    })
    expect(dispatchBad.statusCode).toBe(404)
  })
})

describe('duplicates and merge', () => {
  it('same phone and nearby same-category calls are suggested at intake; a merge closes the duplicate', async () => {
    const phone = freshPhone()
    const first = await takeIn(
      operator,
      intakeBody(cat['060101']!, {
        callerPhone: phone,
        lat: 37.3875,
        lng: 121.6012,
        description: '工地夜间施工噪音扰民。',
      }),
    )
    const again = await takeIn(
      operator,
      intakeBody(cat['060101']!, { callerPhone: phone, description: '还是工地噪音。' }),
    )
    expect(again.duplicates.find((d) => d.id === first.order.id)?.reasons).toEqual(['same_phone'])
    const near = await takeIn(
      operator,
      intakeBody(cat['060101']!, { lat: 37.3879, lng: 121.6015, description: '附近工地半夜还在打桩。' }),
    )
    const hit = near.duplicates.find((d) => d.id === first.order.id)
    expect(hit?.reasons).toEqual(['nearby'])
    expect(hit?.distanceM).toBeLessThan(100)
    const far = await takeIn(operator, intakeBody(cat['060101']!, { lat: 37.41, lng: 121.64, description: '噪音。' }))
    expect(far.duplicates.some((d) => d.id === first.order.id)).toBe(false)

    const m = await act(operator, again.order.id, 'merge', {
      intoId: first.order.id,
      reason: '同一来电人反映同一工地噪音',
    })
    expect(m.statusCode, m.body).toBe(200)
    expect(m.json()).toMatchObject({ status: 'merged', publicStatus: 'closed', mergedIntoNumber: first.order.number })
    expect(m.json().publicReply).toContain(first.order.number)
    const main = (await operator.get(`/api/hotline/orders/${first.order.id}`)).json()
    expect(main.timeline.map((e: { action: string }) => e.action)).toContain('merged_in')
    const self = await act(operator, first.order.id, 'merge', { intoId: first.order.id, reason: 'x' })
    expect(self.json().code).toBe('HOTLINE_MERGE_TARGET_INVALID')
  })
})

describe('企业诉求', () => {
  it('an order can name the enterprise it concerns; the list filters by it; a bad USCC is a 400 on that field', async () => {
    const uscc = '91370612MA3C12346J'
    const { order } = await takeIn(operator, intakeBody(cat['010101']!, { enterpriseUscc: uscc }))
    const d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.enterpriseUscc).toBe(uscc)
    const list = (await leader.get(`/api/hotline/orders?enterpriseUscc=${uscc}&pageSize=100`)).json()
    expect(list.items.map((o: { id: string }) => o.id)).toContain(order.id)
    expect(list.items.every((o: { enterpriseUscc: string }) => o.enterpriseUscc === uscc)).toBe(true)
    const bad = await operator.post(
      '/api/hotline/orders',
      intakeBody(cat['010101']!, { enterpriseUscc: '91370612MA3C12345X' }),
    )
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json().details)).toContain('enterpriseUscc')
  })
})

describe('upstream transfer API (API key, idempotent)', () => {
  let key: string
  const send = (body: unknown, k = key) =>
    t.app.inject({
      method: 'POST',
      url: '/api/hotline/transfer',
      payload: body as object,
      headers: { authorization: `Bearer ${k}` },
    })
  const body = (n: string) => ({
    source: 'yantai-12345',
    upstreamNumber: n,
    callerName: '周先生',
    callerPhone: '0535-4232102',
    requestType: 'complaint',
    categoryId: cat['020101'],
    divisionCode: '370612001',
    address: '牟平区宁海街道某超市',
    description: '市平台转办：超市销售过期牛奶。',
  })

  beforeAll(async () => {
    const admin = await t.login('admin')
    const r = await admin.post('/api/admin/api-keys', {
      name: '烟台市12345平台',
      capabilities: ['hotline:transfer'],
      scopeDivisionCode: '370612',
    })
    expect(r.statusCode, r.body).toBe(201)
    key = r.json().key
  })

  it('the same upstream number twice → one order; the second call returns it (200)', async () => {
    const a = await send(body('YT2026-000123'))
    expect(a.statusCode, a.body).toBe(201)
    expect(a.json()).toMatchObject({ duplicate: false, status: 'dispatching' })
    const b = await send(body('YT2026-000123'))
    expect(b.statusCode).toBe(200)
    expect(b.json()).toMatchObject({ id: a.json().id, number: a.json().number, duplicate: true })
    const n = await t.platform.db.query(
      `select count(*)::int n from hotline_order where upstream_source = 'yantai-12345' and upstream_number = 'YT2026-000123'`,
    )
    expect(n.rows[0]!.n).toBe(1)
    const o = (await operator.get(`/api/hotline/orders/${a.json().id}`)).json()
    expect(o).toMatchObject({ channel: 'transfer', upstreamNumber: 'YT2026-000123' })
    expect(o.timeline[0].action).toBe('transfer_in')
  })

  it('two simultaneous transfers of one upstream order still make one order', async () => {
    const [a, b] = await Promise.all([send(body('YT2026-000999')), send(body('YT2026-000999'))])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().id).toBe(b.json().id)
  })

  it('needs the key: anonymous 401, a staff session 403', async () => {
    expect((await t.anonymous().post('/api/hotline/transfer', body('X1'))).statusCode).toBe(401)
    expect((await operator.post('/api/hotline/transfer', body('X1'))).statusCode).toBe(403)
  })
})

describe('public web form and tracking', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    callerName: '陈女士',
    callerPhone: freshPhone(),
    requestType: 'suggestion',
    divisionCode: '370612002',
    address: '牟平区文化街道滨海路',
    description: '建议在滨海路公交站增设候车亭。',
    ...over,
  })
  const from = (ip: string) => ({
    post: (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip }),
  })

  it('an anonymous request gets a number and a token; the token tracks it; no caller data comes back', async () => {
    const body = form()
    const r = await from('10.1.0.1').post('/api/public/hotline/requests', body)
    expect(r.statusCode, r.body).toBe(201)
    const { number, trackingToken } = r.json()
    expect(number).toMatch(/^牟热〔/)
    const tr = await t.anonymous().get(`/api/public/hotline/track?token=${trackingToken}`)
    expect(tr.statusCode, tr.body).toBe(200)
    expect(tr.json()).toMatchObject({ number, publicStatus: 'received', milestones: [{ label: '诉求已受理' }] })
    expect(tr.body).not.toContain(body.callerPhone)
    expect(tr.body).not.toContain('陈女士')
    const o = (await operator.get(`/api/hotline/orders?q=${encodeURIComponent(number)}`)).json().items[0]
    expect(o).toMatchObject({ channel: 'web', categoryId: null, status: 'dispatching' })
    expect((await t.anonymous().get('/api/public/hotline/track?token=AAAAAAAAAAAA')).statusCode).toBe(404)
    const cats = await t.anonymous().get('/api/public/hotline/categories')
    expect(cats.statusCode).toBe(200)
    expect(cats.json().items.length).toBeGreaterThanOrEqual(8)
  })

  it('bad input is a 400 naming the field; a landline is fine', async () => {
    const bad = await from('10.1.0.2').post(
      '/api/public/hotline/requests',
      form({ callerPhone: '12345', description: '' }),
    )
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().details.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['callerPhone', 'description']))
    expect(bad.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'callerPhone').message).toContain(
      '固定电话',
    )
    const landline = await from('10.1.0.2').post('/api/public/hotline/requests', form({ callerPhone: '0535-4232102' }))
    expect(landline.statusCode, landline.body).toBe(201)
  })

  it('is rate-limited per client', async () => {
    const codes: number[] = []
    for (let i = 0; i < 12; i++)
      codes.push((await from('10.1.0.3').post('/api/public/hotline/requests', {})).statusCode)
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true)
    expect(codes.at(-1)).toBe(429)
  })
})
