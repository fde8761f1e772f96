import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isResidentId, redactPersonalData } from '../open311-redact.ts'

// Issue 9 §3: Open311 publishes only what the tracking page shows, never confidential or non-public orders, under
// ids that cannot be guessed, with personal data removed from descriptions.

let t: TestContext
let admin: Client
let key: string
const HEATING = '010101'
const VILLAGE = '370612002001'

const post = (fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })
const base = (over: Record<string, string> = {}) => ({
  api_key: key,
  service_code: HEATING,
  lat: '37.3852',
  long: '121.6013',
  address_string: '文化街道正阳路 88 号 3 号楼 501 室',
  'attribute[DIVISION]': VILLAGE,
  first_name: '秀兰',
  last_name: '李',
  phone: '13705351234',
  description: '暖气不热。',
  ...over,
})
async function create(over: Record<string, string> = {}) {
  const r = await post(base(over))
  expect(r.statusCode, r.body).toBe(201)
  return r.json()[0].service_request_id as string
}
const get = (url: string) => t.app.inject({ method: 'GET', url })

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  const r = await admin.post('/api/admin/api-keys', {
    name: 'open311 privacy',
    capabilities: ['open311:submit'],
    scopeDivisionCode: '370612',
  })
  key = r.json().key
})
afterAll(() => t.close())

describe('redaction', () => {
  it('removes phones, ID numbers (with check digit), e-mails, house numbers and the caller name', () => {
    expect(isResidentId('11010519491231002X')).toBe(true)
    expect(isResidentId('110105194912310021')).toBe(false)
    const out = redactPersonalData(
      '我叫李秀兰，电话13705351234，座机0535-4232102，身份证11010519491231002X，邮箱li@example.cn，住正阳路88号3号楼501室，王先生也知道。+1 415 555 0100',
      ['李秀兰'],
    )
    for (const secret of [
      '李秀兰',
      '13705351234',
      '4232102',
      '11010519491231002X',
      'li@example.cn',
      '88号',
      '501',
      '王先生',
      '555',
    ])
      expect(out).not.toContain(secret)
    expect(out).toContain('正阳路')
    // A number that is not an ID (bad check digit) and ordinary figures stay.
    expect(redactPersonalData('室温15度，共3户')).toContain('15度')
  })
})

describe('what Open311 serves', () => {
  it('confidential orders and 投诉/举报 are never listed or served; plain ones are', async () => {
    const plain = await create()
    const secret = await create({ 'attribute[CONFIDENTIAL]': 'true' })
    const complaint = await create({ 'attribute[REQUEST_TYPE]': 'complaint' })
    const report = await create({ 'attribute[REQUEST_TYPE]': 'report' })
    const listed = (await get('/open311/v2/requests.json'))
      .json()
      .map((o: { service_request_id: string }) => o.service_request_id)
    expect(listed).toContain(plain)
    for (const id of [secret, complaint, report]) {
      expect(listed).not.toContain(id)
      expect((await get(`/open311/v2/requests/${id}.json`)).statusCode).toBe(404)
      expect((await get(`/open311/v2/requests/${id}.xml`)).statusCode).toBe(404)
      const byList = await get(`/open311/v2/requests.json?service_request_id=${id}`)
      expect(byList.json()).toEqual([])
    }
    // The locality's setting decides: with no non-public types, complaints are served (confidential still not).
    await t.platform.settings.set({ kind: 'system', id: null } as never, 'hotline.open311', {
      nonPublicRequestTypes: [],
    })
    expect((await get(`/open311/v2/requests/${complaint}.json`)).statusCode).toBe(200)
    expect((await get(`/open311/v2/requests/${secret}.json`)).statusCode).toBe(404)
    await t.platform.settings.set({ kind: 'system', id: null } as never, 'hotline.open311', {
      withheldDescriptionCategoryCodes: ['0101'],
    })
    expect((await get(`/open311/v2/requests/${plain}.json`)).json()[0].description).toBeNull()
    await t.platform.settings.set({ kind: 'system', id: null } as never, 'hotline.open311', {})
  })

  it('ids are random (not the sequential number, not the internal uuid); the number is not accepted', async () => {
    const a = await create()
    const b = await create()
    expect(a).toMatch(/^R[0-9A-F]{20}$/)
    expect(a).not.toBe(b)
    const { rows } = await t.platform.db.query('select id, number, public_id from hotline_order where public_id = $1', [
      a,
    ])
    expect(rows).toHaveLength(1)
    expect((await get(`/open311/v2/requests/${encodeURIComponent(rows[0]!.number)}.json`)).statusCode).toBe(404)
    expect((await get(`/open311/v2/requests/${rows[0]!.id}.json`)).statusCode).toBe(404)
    // Backfilled: every existing order (seeded ones too) has a distinct public id.
    const all = await t.platform.db.query('select count(*)::int n, count(distinct public_id)::int d from hotline_order')
    expect(all.rows[0]!.n).toBe(all.rows[0]!.d)
  })

  it('a served request shows no more than the tracking page: no address, coordinates, number, media; no personal data', async () => {
    const id = await create({
      description: '我是李秀兰，电话13705351234，邮箱li@example.cn，住正阳路88号，暖气不热。',
      media_url: 'https://example.cn/p.jpg',
    })
    const [o] = (await get(`/open311/v2/requests/${id}.json`)).json()
    expect(o).toMatchObject({ address: null, lat: null, long: null, media_url: null, expected_datetime: null })
    const text = JSON.stringify(o)
    for (const s of [
      '李秀兰',
      '13705351234',
      'li@example.cn',
      '88号',
      '正阳路 88',
      '牟热',
      'example.cn/p.jpg',
      '37.38',
    ])
      expect(text).not.toContain(s)
    expect(o.description).toContain('暖气不热')
    // Every field served is one the tracking page also shows (status, reply, category, unit, times) or the
    // redacted description.
    const shown = Object.entries(o)
      .filter(([, v]) => v !== null)
      .map(([k]) => k)
      .sort()
    expect(shown).toEqual(
      [
        'description',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_request_id',
        'status',
        'status_notes',
        'updated_datetime',
      ].sort(),
    )
  })
})
