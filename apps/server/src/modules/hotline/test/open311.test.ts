import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { w3c } from '../open311-common.ts'
import { act, unitId } from './factories.ts'
import { valid, xml } from './open311-check.ts'

// Open311 GeoReport v2 requests over the hotline: every JSON answer is checked against the Open311 project's JSON
// Schemas, every XML answer must be well-formed and shaped as the spec shows (open311-check.ts), errors use the
// standard list shape with 400/403/404, and a request posted through Open311 is a normal work order that operators
// handle and whose public status follows it to closed. Discovery and services: open311-services.test.ts.

let t: TestContext
let operator: Client
let wenhua: Client
let submitKey: string
let readOnlyKey: string
const HEATING = '010101'
const VILLAGE = '370612002001' // 文化街道 文化里居委会

const post = (fmt: 'json' | 'xml', fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${fmt}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(fields).toString(),
  })
const get = (url: string) => t.app.inject({ method: 'GET', url })

function request(over: Record<string, string> = {}) {
  return {
    api_key: submitKey,
    service_code: HEATING,
    lat: '37.385210',
    long: '121.601340',
    address_string: '牟平区文化街道正阳路 88 号 3 号楼',
    'attribute[REQUEST_TYPE]': 'help',
    'attribute[DIVISION]': VILLAGE,
    first_name: '秀兰',
    last_name: '李',
    phone: '13705351234',
    email: 'li.xiulan@example.cn',
    device_id: 'android-42',
    account_id: 'acct-7',
    description: '家里暖气不热，室温只有15度，请尽快处理。',
    media_url: 'https://example.cn/photos/radiator.jpg',
    ...over,
  }
}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  const admin = await t.login('admin')
  const mk = async (capabilities: string[]) => {
    const r = await admin.post('/api/admin/api-keys', {
      name: `open311 ${capabilities}`,
      capabilities,
      scopeDivisionCode: '370612',
    })
    expect(r.statusCode, r.body).toBe(201)
    return r.json().key as string
  }
  submitKey = await mk(['open311:submit'])
  readOnlyKey = await mk(['directory:read'])
})
afterAll(() => t.close())

describe('POST requests', () => {
  it('without a key, with a wrong key or a key lacking open311:submit: 403 in the error shape', async () => {
    const { api_key: _k, ...noKey } = request()
    for (const fields of [
      noKey,
      request({ api_key: 'ruyu_abcdefgh_0123456789abcdef0123456789' }),
      request({ api_key: readOnlyKey }),
    ]) {
      const j = await post('json', fields)
      expect(j.statusCode, j.body).toBe(403)
      expect(valid('errors', j.body)[0].code).toBe(403)
      const x = await post('xml', fields)
      expect(x.statusCode).toBe(403)
      expect(xml(x.body, 'errors').error[0].code).toBe('403')
    }
    // An operator's session is not an Open311 key either.
    expect((await operator.request({ method: 'POST', url: '/open311/v2/requests.json', payload: {} })).statusCode).toBe(
      403,
    )
  })

  it('unknown service_code → 404, missing → 400, no location or bad attribute → 400 with every problem listed', async () => {
    expect((await post('json', request({ service_code: '9999' }))).statusCode).toBe(404)
    expect((await post('json', request({ service_code: '' }))).statusCode).toBe(400)
    const r = await post(
      'json',
      request({ lat: '', long: '', address_string: '', 'attribute[URGENCY]': 'very', phone: '12' }),
    )
    expect(r.statusCode).toBe(400)
    const errs = valid('errors', r.body)
    expect(errs.length).toBe(3)
    const out = await post('json', request({ 'attribute[DIVISION]': '370687001' }))
    expect(out.statusCode).toBe(400) // outside the key's scope (370612)
    expect((await post('json', request({ 'attribute[COLOUR]': 'red' }))).statusCode).toBe(400)
  })

  let id: string
  let orderId: string
  let number: string
  it('creates a work order (channel open311) and answers with its id, in JSON', async () => {
    const r = await post('json', request())
    expect(r.statusCode, r.body).toBe(201)
    const [created] = valid('post', r.body)
    id = created.service_request_id
    expect(id).toMatch(/^R[0-9A-F]{20}$/)
    orderId = (await t.platform.db.query('select id from hotline_order where public_id = $1', [id])).rows[0]!.id
    expect(created.account_id).toBe('acct-7')
    number = /工单编号 (\S+?)[，。]/.exec(created.service_notice)![1]!
    expect(number).toMatch(/^牟热〔\d{4}〕\d{6}$/)
  })

  it('round trip: GET requests/{id} shows it open with its description; not by number', async () => {
    const [o] = valid('requests', (await get(`/open311/v2/requests/${id}.json`)).body)
    expect(o).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: HEATING,
      description: '家里暖气不热，室温只有15度，请尽快处理。',
      address: null,
      lat: null,
      long: null,
      media_url: null,
      agency_responsible: null,
    })
    expect(o.requested_datetime).toMatch(/\+08:00$/)
    // Caller data never shows.
    expect(JSON.stringify(o)).not.toMatch(/13705351234|李秀兰|example\.cn\/?$|li\.xiulan/)

    const byNumber = await get(`/open311/v2/requests/${encodeURIComponent(number)}.xml`)
    expect(byNumber.statusCode).toBe(404)
    const x = xml((await get(`/open311/v2/requests/${id}.xml`)).body, 'service_requests')
    expect(x.request).toHaveLength(1)
    expect(x.request[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: HEATING })
    expect(x.request[0].status_notes).toBe('已受理')

    const nf = await get('/open311/v2/requests/00000000-0000-4000-8000-000000000000.xml')
    expect(nf.statusCode).toBe(404)
    expect(xml(nf.body, 'errors').error[0].code).toBe('404')
  })

  it('the order is a normal work order: operators see it (channel open311, caller data, the e-mail as a note)', async () => {
    const d = (await operator.get(`/api/hotline/orders/${orderId}`)).json()
    expect(d).toMatchObject({
      channel: 'open311',
      status: 'dispatching',
      callerName: '李秀兰',
      callerPhone: '13705351234',
      requestType: 'help',
      divisionCode: VILLAGE,
    })
    const note = d.timeline.find((e: { action: string }) => e.action === 'note')
    expect(note.reason).toContain('li.xiulan@example.cn')
    const list = (await operator.get('/api/hotline/orders?status=dispatching&pageSize=100')).json()
    expect(list.items.some((o: { id: string }) => o.id === orderId)).toBe(true)
  })

  it('status goes open → closed when the order is closed through the hotline; notes are the public reply', async () => {
    const steps: [Client, string, unknown][] = [
      [operator, 'dispatch', { unitId: await unitId(t, 'MP-T002') }],
      [wenhua, 'acknowledge', {}],
      [wenhua, 'reply', { text: '已联系热力公司排查管道，室温恢复到20度。', contactMethod: 'phone' }],
      [operator, 'review', { accept: true }],
    ]
    for (const [c, action, body] of steps) {
      const r = await act(c, orderId, action, body)
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200)
    }
    const replied = valid('requests', (await get(`/open311/v2/requests/${id}.json`)).body)[0]
    expect(replied).toMatchObject({ status: 'open', agency_responsible: '文化街道办事处' })
    expect((await act(operator, orderId, 'follow-up', { result: 'satisfied' })).statusCode).toBe(200)

    const [o] = valid('requests', (await get(`/open311/v2/requests/${id}.json`)).body)
    expect(o.status).toBe('closed')
    expect(o.status_notes).toBe('已联系热力公司排查管道，室温恢复到20度。')
    expect(o.expected_datetime).toBeNull()
    expect(o.updated_datetime).toMatch(/\+08:00$/)
    const x = xml((await get(`/open311/v2/requests/${id}.xml`)).body, 'service_requests')
    expect(x.request[0].status).toBe('closed')
  })

  it('XML stays well-formed with markup and control characters in the text', async () => {
    const r = await post(
      'xml',
      request({ description: 'A <b>bold</b> & "quoted" \'claim\'\u0001 — 暖气 <![CDATA[x]]>', email: '' }),
    )
    expect(r.statusCode, r.body).toBe(201)
    const created = xml(r.body, 'service_requests').request[0]
    const got = xml((await get(`/open311/v2/requests/${created.service_request_id}.xml`)).body, 'service_requests')
    expect(got.request[0].description).toBe('A <b>bold</b> & "quoted" \'claim\' — 暖气 <![CDATA[x]]>')
  })
})

describe('GET requests', () => {
  it('filters by status, service_code and date range (W3C), and by a service_request_id list', async () => {
    const all = valid('requests', (await get('/open311/v2/requests.json')).body)
    expect(all.length).toBeGreaterThanOrEqual(3)
    const open = valid('requests', (await get('/open311/v2/requests.json?status=open')).body)
    const closed = valid('requests', (await get('/open311/v2/requests.json?status=closed')).body)
    expect(open.every((o: { status: string }) => o.status === 'open')).toBe(true)
    expect(closed.every((o: { status: string }) => o.status === 'closed')).toBe(true)
    expect(open.length + closed.length).toBe(all.length)
    const both = valid('requests', (await get('/open311/v2/requests.json?status=open,closed')).body)
    expect(both.length).toBe(all.length)

    const heat = valid('requests', (await get(`/open311/v2/requests.json?service_code=${HEATING}`)).body)
    expect(heat.length).toBeGreaterThanOrEqual(2)
    expect(heat.every((o: { service_code: string }) => o.service_code === HEATING)).toBe(true)

    const future = new Date(Date.now() + 86_400_000)
    const start = encodeURIComponent(w3c(future)!)
    expect(valid('requests', (await get(`/open311/v2/requests.json?start_date=${start}`)).body)).toEqual([])
    const yesterday = encodeURIComponent(w3c(new Date(Date.now() - 86_400_000))!)
    const recent = valid('requests', (await get(`/open311/v2/requests.json?start_date=${yesterday}`)).body)
    expect(recent.length).toBeGreaterThanOrEqual(2)

    const ids = recent.slice(0, 2).map((o: { service_request_id: string }) => o.service_request_id)
    // service_request_id overrides every other filter.
    const picked = valid(
      'requests',
      (await get(`/open311/v2/requests.json?service_request_id=${ids.join(',')}&status=closed&service_code=99`)).body,
    )
    expect(picked.map((o: { service_request_id: string }) => o.service_request_id).sort()).toEqual([...ids].sort())

    const x = xml((await get('/open311/v2/requests.xml?status=closed')).body, 'service_requests')
    expect(x.request.length).toBe(closed.length)
  })

  it('bad parameters are 400 in the error shape: malformed date, span over 90 days, unknown status', async () => {
    for (const q of [
      'start_date=yesterday',
      'start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-06-01T00:00:00%2B08:00',
      'status=pending',
      'end_date=2026-01-01T00:00:00%2B08:00&start_date=2026-02-01T00:00:00%2B08:00',
    ]) {
      const r = await get(`/open311/v2/requests.json?${q}`)
      expect(r.statusCode, q).toBe(400)
      valid('errors', r.body)
      const x = await get(`/open311/v2/requests.xml?${q}`)
      expect(x.statusCode).toBe(400)
      xml(x.body, 'errors')
    }
  })

  it('no tokens are issued (realtime services); unknown formats and endpoints answer in the error shape', async () => {
    const tok = await get('/open311/v2/tokens/abc.xml')
    expect(tok.statusCode).toBe(404)
    xml(tok.body, 'errors')
    const fmt = await get('/open311/v2/services.html')
    expect(fmt.statusCode).toBe(404)
    valid('errors', fmt.body)
    const none = await get('/open311/v2/nothing.xml')
    expect(none.statusCode).toBe(404)
    xml(none.body, 'errors')
  })
})
