import { createTestContext, DEMO_PASSWORD, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('login, session and logout', () => {
  it('logs in with the demo password, sets an httpOnly SameSite cookie and returns Me + CSRF token', async () => {
    const res = await t.anonymous().post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD })
    expect(res.statusCode).toBe(200)
    const cookie = String(res.headers['set-cookie'])
    expect(cookie).toMatch(/ruyu_sid=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const body = res.json()
    expect(body.user.username).toBe('admin')
    expect(body.user.capabilities).toContain('directory:manage')
    expect(body.csrfToken.length).toBeGreaterThan(20)
  })

  it('GET /api/me returns the account for the session and 401 without one', async () => {
    const c = await t.login('yulindian')
    const me = (await c.get('/api/me')).json()
    expect(me.user.posts[0]).toMatchObject({
      role: 'town_clerk',
      scopeDivisionCode: '370612106',
      scopeDivisionName: '玉林店镇',
    })
    expect(me.user.enterpriseUscc).toBeNull()
    const ent = (await (await t.login('enterprise')).get('/api/me')).json()
    expect(ent.user).toMatchObject({ kind: 'enterprise', enterpriseUscc: '91370612MA3C12346J' })
    const anon = await t.anonymous().get('/api/me')
    expect(anon.statusCode).toBe(401)
    expect(anon.json()).toMatchObject({ code: 'AUTH_REQUIRED', message: '请先登录' })
    expect(anon.json().requestId).toBeTruthy()
  })

  it('wrong password → 401 AUTH_INVALID_CREDENTIALS in Chinese, English with Accept-Language: en', async () => {
    const zh = await t.anonymous().post('/api/auth/login', { username: 'leader', password: 'nope-1234' })
    expect(zh.statusCode).toBe(401)
    expect(zh.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' })
    const en = await t
      .anonymous()
      .post(
        '/api/auth/login',
        { username: 'no-such-user', password: 'nope-1234' },
        { 'accept-language': 'en-US,en;q=0.9' },
      )
    expect(en.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Wrong username or password' })
  })

  it('locks the account after 5 failures, even for the right password, and audits the failures', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.anonymous().post('/api/auth/login', { username: 'inspector', password: `wrong-${i}x` })
      expect(r.statusCode).toBe(401)
    }
    // Locked: the same answer as a wrong password (the lock does not tell that the account exists).
    const locked = await t.anonymous().post('/api/auth/login', { username: 'inspector', password: DEMO_PASSWORD })
    expect(locked.statusCode).toBe(401)
    expect(locked.json().code).toBe('AUTH_INVALID_CREDENTIALS')
    const audit = await t.platform.db.query(
      `select count(*)::int n from core_audit_log where action = 'auth.login_failed' and data->>'throttled' = 'true'`,
    )
    expect(audit.rows[0]!.n).toBe(1)
    // The lock expires: move it into the past and the right password works again.
    await t.platform.db.query(`update core_login_throttle set window_end = now() - interval '1 second'`)
    expect(
      (await t.anonymous().post('/api/auth/login', { username: 'inspector', password: DEMO_PASSWORD })).statusCode,
    ).toBe(200)
  })

  it('rejects a state-changing request without the CSRF token (403) and accepts it with the token', async () => {
    const c = await t.login('window')
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie! } })
    expect(noToken.statusCode).toBe(403)
    expect(noToken.json().code).toBe('AUTH_CSRF_INVALID')
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie!, 'x-csrf-token': 'x'.repeat(32) },
    })
    expect(wrong.statusCode).toBe(403)
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204)
    // The session is gone server-side: the old cookie no longer works.
    expect((await c.get('/api/me')).statusCode).toBe(401)
  })

  it('rate-limits login attempts per client (429 RATE_LIMITED)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 22; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `ghost${i}`, password: 'whatever1' },
        remoteAddress: '10.9.9.9',
      })
      statuses.push(r.statusCode)
      if (r.statusCode === 429) expect(r.json().code).toBe('RATE_LIMITED')
    }
    expect(statuses).toContain(429)
    expect(statuses.filter((s) => s === 401).length).toBe(20)
  })

  it('a forged X-Forwarded-For does not give a client a fresh rate-limit budget (no proxy is trusted by default)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 22; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `phantom${i}`, password: 'whatever1' },
        remoteAddress: '10.9.9.10',
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      })
      statuses.push(r.statusCode)
    }
    expect(statuses).toContain(429)
  })

  it('stores only a hash of the session token and an argon2id password hash', async () => {
    const c = await t.login('leader')
    const token = c.cookie!.split('=')[1]!
    const s = await t.platform.db.query('select id from core_session where id = $1', [token])
    expect(s.rowCount).toBe(0)
    const u = await t.platform.db.query(`select password_hash from core_user where username = 'leader'`)
    expect(u.rows[0]!.password_hash).toMatch(/^\$argon2id\$/)
  })
})

describe('API keys for integrations', () => {
  it('an admin creates a key; the key reads with Bearer auth and no CSRF; a revoked key is refused', async () => {
    const admin = await t.login('admin')
    const created = await admin.post('/api/admin/api-keys', {
      name: '市12345平台对接',
      capabilities: ['directory:read'],
      scopeDivisionCode: '370612',
    })
    expect(created.statusCode).toBe(201)
    const { key, id } = created.json()
    expect(key).toMatch(/^ruyu_[A-Za-z0-9]{8}_/)
    const stored = await t.platform.db.query('select key_hash from core_api_key where id = $1', [id])
    expect(stored.rows[0]!.key_hash).not.toContain(key.split('_')[2])
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/directory/divisions',
      headers: { authorization: `Bearer ${key}` },
    })
    expect(list.statusCode).toBe(200)
    expect(list.json().items[0].code).toBe('370612')
    const noCap = await t.app.inject({
      method: 'GET',
      url: '/api/directory/staff',
      headers: { authorization: `Bearer ${key}` },
    })
    expect(noCap.statusCode).toBe(403)
    expect((await admin.delete(`/api/admin/api-keys/${id}`)).statusCode).toBe(204)
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/directory/divisions',
      headers: { authorization: `Bearer ${key}` },
    })
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().code).toBe('AUTH_API_KEY_INVALID')
  })
})
