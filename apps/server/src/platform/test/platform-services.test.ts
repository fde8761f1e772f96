import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

function multipart(name: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----ruyu-test-boundary'
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describe('health, metrics and API docs', () => {
  it('GET /healthz is 200 while the database answers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ status: 'ok' })
  })
  it('GET /metrics (admin) exposes Prometheus metrics including request durations; anonymous is refused', async () => {
    await t.app.inject({ method: 'GET', url: '/api/meta' })
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    const r = await (await t.login('admin')).get('/metrics')
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('ruyu_http_request_duration_seconds_bucket')
    expect(r.body).toContain('process_cpu_user_seconds_total')
  })
  it('OpenAPI 3 is generated from the zod contracts', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/docs/json' })
    const spec = r.json()
    expect(spec.openapi).toMatch(/^3\./)
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/directory/divisions']))
    expect(spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'username',
      'password',
    ])
  })
  it('security headers and a CSP are set', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/meta' })
    expect(r.headers['content-security-policy']).toContain("script-src 'self'")
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN')
  })
})

describe('file uploads', () => {
  it('stores an allowed file and lets its owner download it; others get 404', async () => {
    const ent = await t.login('enterprise')
    const up = await ent.request({
      method: 'POST',
      url: '/api/files',
      ...multipart('营业执照.pdf', PDF, 'application/pdf'),
    })
    expect(up.statusCode).toBe(201)
    const f = up.json()
    expect(f).toMatchObject({ name: '营业执照.pdf', mime: 'application/pdf', size: PDF.length })
    const down = await ent.get(`/api/files/${f.id}`)
    expect(down.statusCode).toBe(200)
    expect(down.rawPayload.equals(PDF)).toBe(true)
    const other = await t.login('citizen')
    expect((await other.get(`/api/files/${f.id}`)).statusCode).toBe(404)
  })
  it('refuses a disallowed type and a file whose content does not match its extension', async () => {
    const c = await t.login('window')
    const exe = await c.request({
      method: 'POST',
      url: '/api/files',
      ...multipart('setup.exe', Buffer.from('MZ\x90\x00')),
    })
    expect(exe.statusCode).toBe(400)
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED')
    const fake = await c.request({
      method: 'POST',
      url: '/api/files',
      ...multipart('scan.pdf', Buffer.from('MZ\x90\x00 not a pdf')),
    })
    expect(fake.json().code).toBe('FILE_TYPE_NOT_ALLOWED')
  })
  it('refuses an oversize file with a coded 400 and stores nothing', async () => {
    const small = await createTestContext({ env: { UPLOAD_MAX_BYTES: '1024' } })
    try {
      const c = await small.login('window')
      const big = Buffer.concat([PDF, Buffer.alloc(4096, 0x20)])
      const r = await c.request({ method: 'POST', url: '/api/files', ...multipart('big.pdf', big, 'application/pdf') })
      expect(r.statusCode).toBe(400)
      expect(['BODY_TOO_LARGE', 'FILE_TOO_LARGE']).toContain(r.json().code)
      expect((await small.platform.db.query('select count(*)::int n from core_file')).rows[0]!.n).toBe(0)
    } finally {
      await small.close()
    }
  })
})

describe('notifications', () => {
  it('a notification queued in a transaction reaches the inbox after commit via the outbox; channels are recorded', async () => {
    const leader = (await t.platform.db.query(`select id from core_user where username = 'leader'`)).rows[0]!.id
    await t.platform.db.tx((tx) =>
      t.platform.notifications.send(tx, {
        userIds: [leader],
        title: '待办提醒',
        body: '您有 3 件办件即将超期',
        link: '/',
        channels: ['email', 'sms'],
      }),
    )
    expect(await t.platform.events.drain()).toBeGreaterThanOrEqual(1)
    const c = await t.login('leader')
    expect((await c.get('/api/notifications/unread-count')).json()).toEqual({ count: 1 })
    const list = (await c.get('/api/notifications')).json()
    expect(list.items[0]).toMatchObject({ title: '待办提醒', readAt: null })
    // Outbound channels without configuration are recorded as skipped, never silently dropped.
    const msgs = await t.platform.db.query(`select channel, status from core_message order by channel`)
    expect(msgs.rows).toEqual([{ channel: 'sms', status: 'skipped' }])
    // Someone else cannot mark it read.
    const other = await t.login('window')
    expect((await other.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(404)
    expect((await c.post(`/api/notifications/${list.items[0].id}/read`)).statusCode).toBe(204)
    expect((await c.get('/api/notifications/unread-count')).json()).toEqual({ count: 0 })
    // Redelivery of the same event does not duplicate the inbox entry.
    await t.platform.db.query('update core_outbox set dispatched_at = null')
    await t.platform.events.drain()
    expect((await c.get('/api/notifications')).json().total).toBe(1)
  })
  it("a transaction's notifications travel as one event; two to the same person both arrive, once each", async () => {
    const ids = (await t.platform.db.query(`select id from core_user where username in ('window', 'inspector')`)).rows
    const [a, b] = ids.map((r) => r.id as string)
    await t.platform.db.tx(async (tx) => {
      await t.platform.notifications.send(tx, { userIds: [a!, b!], title: '批量一', body: '第一条' })
      await t.platform.notifications.send(tx, { userIds: [a!], title: '批量二', body: '第二条' })
      await t.platform.notifications.send(tx, { userIds: [], title: '无人', body: '不发送' })
    })
    const events = await t.platform.db.query(
      `select payload from core_outbox where name = 'platform.notification.requested' and payload::text like '%批量%'`,
    )
    expect(events.rows).toHaveLength(1)
    expect(events.rows[0]!.payload.items.map((i: { title: string }) => i.title)).toEqual(['批量一', '批量二'])
    await t.platform.events.drain()
    // Delivered again (at-least-once): the inbox still holds each notice once.
    await t.platform.db.query(`update core_outbox set dispatched_at = null where payload::text like '%批量%'`)
    await t.platform.events.drain()
    const inbox = async (id: string) =>
      (await t.platform.notifications.list(id, { unreadOnly: false, limit: 50, offset: 0 })).items
        .map((n) => n.title)
        .filter((x) => x.startsWith('批量'))
        .sort()
    expect(await inbox(a!)).toEqual(['批量一', '批量二'])
    expect(await inbox(b!)).toEqual(['批量一'])
  })
  it('the SMS channel posts to the configured gateway and records the outcome', async () => {
    const { createServer } = await import('node:http')
    const received: string[] = []
    const gw = createServer((req, res) => {
      let b = ''
      req.on('data', (d) => (b += d))
      req.on('end', () => {
        received.push(b)
        res.end('{}')
      })
    })
    await new Promise<void>((r) => gw.listen(0, '127.0.0.1', r))
    const port = (gw.address() as { port: number }).port
    const t2 = await createTestContext({ env: { SMS_GATEWAY_URL: `http://127.0.0.1:${port}/send` } })
    try {
      const uid = (await t2.platform.db.query(`select id from core_user where username = 'citizen'`)).rows[0]!.id
      await t2.platform.db.tx((tx) =>
        t2.platform.notifications.send(tx, {
          userIds: [uid],
          title: '办结通知',
          body: '您的诉求已办结',
          channels: ['sms'],
        }),
      )
      await t2.platform.events.drain()
      expect(JSON.parse(received[0]!)).toMatchObject({ mobile: '13905350012' })
      const m = await t2.platform.db.query('select status from core_message')
      expect(m.rows).toEqual([{ status: 'sent' }])
    } finally {
      await t2.close()
      gw.close()
    }
  })
})

describe('calendar API', () => {
  it('computes deadlines over HTTP and lets an admin import the next year (provisional → published)', async () => {
    const c = await t.login('window')
    expect((await c.get('/api/calendar/add-workdays?from=2026-02-13&days=5')).json()).toEqual({
      date: '2026-02-27',
      provisional: false,
    })
    expect((await c.get('/api/calendar/add-workdays?from=2026-12-30&days=3')).json().provisional).toBe(true)
    const years = (await c.get('/api/calendar/years')).json().items.map((y: { year: number }) => y.year)
    expect(years).toEqual([2024, 2025, 2026])
    const admin = await t.login('admin')
    const imp = await admin.post('/api/calendar/years/2027', {
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-02', name: '元旦' },
        { date: '2027-01-03', name: '元旦' },
      ],
      workdays: [],
    })
    expect(imp.statusCode).toBe(201)
    const after = (await c.get('/api/calendar/add-workdays?from=2026-12-30&days=3')).json()
    expect(after).toEqual({ date: '2027-01-05', provisional: false }) // Dec 31, Jan 4, Jan 5
    const outbox = await t.platform.db.query(
      `select payload from core_outbox where name = 'platform.calendar.imported' and payload->>'year' = '2027'`,
    )
    expect(outbox.rows[0]!.payload).toEqual({ year: 2027, version: 1 })
    const wrongYear = await admin.post('/api/calendar/years/2028', {
      source: 'x',
      holidays: [{ date: '2027-05-01', name: '劳动节' }],
      workdays: [],
    })
    expect(wrongYear.statusCode).toBe(400)
    expect(wrongYear.json().code).toBe('CALENDAR_SCHEDULE_INVALID')
  })
})
