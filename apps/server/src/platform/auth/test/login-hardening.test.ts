import { createTestContext, DEMO_PASSWORD, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPasswordStrength } from '../passwords.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext({ env: { METRICS_TOKEN: 'metrics-token-0123456789', TRUST_PROXY: 'true' } })
})
afterAll(() => t.close())

const login = (username: string, password: string, remoteAddress = '10.0.0.1', headers = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers })

describe('lock-out', () => {
  it('30 parallel wrong logins verify at most LOGIN_MAX_FAILURES passwords; the right one then fails too', async () => {
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login('inspector', `Wrong-pass-${i}`, '10.1.0.1')),
    )
    expect(res.filter((r) => r.statusCode === 200)).toHaveLength(0)
    const checked = await t.platform.db.query(
      `select count(*)::int n from core_audit_log where action = 'auth.login_failed'
         and resource_type = 'user' and data->>'checked' = 'true' and data->>'ip' = '10.1.0.1'`,
    )
    expect(checked.rows[0]!.n).toBeLessThanOrEqual(5)
    const right = await login('inspector', DEMO_PASSWORD, '10.1.0.1')
    expect(right.statusCode).not.toBe(200)
  })

  it('a locked account answers exactly like an unknown one and a wrong password', async () => {
    for (let i = 0; i < 6; i++) await login('leader', `Wrong-pass-${i}`, '10.2.0.1')
    const locked = await login('leader', DEMO_PASSWORD, '10.2.0.1')
    const unknown = await login('no-such-user-x', DEMO_PASSWORD, '10.2.0.2')
    const wrong = await login('window', 'Wrong-pass-x', '10.2.0.3')
    for (const r of [locked, unknown, wrong]) {
      expect(r.statusCode).toBe(401)
      expect(r.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' })
    }
  })

  it('five bad logins from one address do not lock the owner out from another', async () => {
    for (let i = 0; i < 6; i++) await login('admin', `Wrong-pass-${i}`, '10.3.0.1')
    expect((await login('admin', DEMO_PASSWORD, '10.3.0.1')).statusCode).toBe(401)
    expect((await login('admin', DEMO_PASSWORD, '10.3.0.2')).statusCode).toBe(200)
  })

  it('the per-address login rate limit is kept in PostgreSQL (shared by every node)', async () => {
    const res = []
    for (let i = 0; i < 22; i++) res.push(await login(`nobody-${i}`, 'Wrong-pass-1', '10.4.0.1'))
    expect(res.at(-1)!.statusCode).toBe(429)
    const row = await t.platform.db.query(`select attempts from core_login_throttle where key = 'ip:10.4.0.1'`)
    expect(row.rows[0]!.attempts).toBe(22)
  })
})

describe('password rule', () => {
  const policy = { minLength: 8 }
  it.each([
    ['aaaaaaa1', 'classes'],
    ['Aaaaaaa1', 'repeated'],
    ['Password1', 'common'],
    ['P@ssw0rd!', 'common'],
    ['Admin@123', 'common'],
    ['Ab1!', 'length'],
    ['Zhangwei#2026', 'username'],
  ])('refuses %s (%s)', (pw, rule) => {
    expect(() => checkPasswordStrength(pw, 'zhangwei', policy)).toThrow(
      expect.objectContaining({ code: 'AUTH_WEAK_PASSWORD', details: { rule } }),
    )
  })
  it('accepts the demo password and a strong one', () => {
    expect(() => checkPasswordStrength(DEMO_PASSWORD, 'admin', policy)).not.toThrow()
    expect(() => checkPasswordStrength('Liu-Gong-he7', 'admin', policy)).not.toThrow()
  })
})

describe('change password, expiry and history', () => {
  it('POST /api/me/password checks the current password, the rule and the history, with CSRF', async () => {
    const c = await t.login('window')
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: c.cookie! },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Qing-he-2027x' },
    })
    expect(noCsrf.statusCode).toBe(403)
    const wrong = await c.post('/api/me/password', { currentPassword: 'nope', newPassword: 'Qing-he-2027x' })
    expect(wrong.json().code).toBe('AUTH_CURRENT_PASSWORD_WRONG')
    const weak = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Password1' })
    expect(weak.json().code).toBe('AUTH_WEAK_PASSWORD')
    const same = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD })
    expect(same.json().code).toBe('AUTH_PASSWORD_REUSED')
    const ok = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Qing-he-2027x' })
    expect(ok.statusCode).toBe(204)
    expect((await login('window', DEMO_PASSWORD, '10.5.0.1')).statusCode).toBe(401)
    expect((await login('window', 'Qing-he-2027x', '10.5.0.2')).statusCode).toBe(200)
    const back = await c.post('/api/me/password', { currentPassword: 'Qing-he-2027x', newPassword: DEMO_PASSWORD })
    expect(back.json().code).toBe('AUTH_PASSWORD_REUSED')
  })

  it('an expired password logs in flagged must-change; only the change is allowed until done', async () => {
    await t.platform.db.query(
      `insert into core_user (username, display_name, kind, password_hash, password_changed_at)
       select 'expired1', '过期', 'staff', password_hash, now() - interval '91 days' from core_user where username = 'admin'`,
    )
    const c = await t.login('expired1')
    const me = (await c.get('/api/me')).json()
    expect(me.user.mustChangePassword).toBe(true)
    expect((await c.get('/api/notifications')).json().code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED')
    const ok = await c.post('/api/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Hai-yang-88x!' })
    expect(ok.statusCode).toBe(204)
    expect((await c.get('/api/me')).json().user.mustChangePassword).toBe(false)
    expect((await c.get('/api/notifications')).statusCode).toBe(200)
  })
})

describe('API keys', () => {
  it('refuses human-only capabilities at creation (422) and ignores them on an existing key row', async () => {
    const admin = await t.login('admin')
    for (const cap of ['staff:manage', 'apikey:manage']) {
      const r = await admin.post('/api/admin/api-keys', {
        name: 'bad',
        capabilities: [cap],
        scopeDivisionCode: '370612',
      })
      expect(r.statusCode).toBe(422)
      expect(r.json().code).toBe('AUTH_CAPABILITY_NOT_GRANTABLE')
    }
    // A key minted with directory:read, then given staff:manage and apikey:manage directly (as if made before).
    const made = (
      await admin.post('/api/admin/api-keys', {
        name: 'legacy',
        capabilities: ['directory:read'],
        scopeDivisionCode: '370612',
      })
    ).json()
    await t.platform.db.query(
      `update core_api_key set capabilities = '{staff:manage,apikey:manage,directory:read}' where id = $1`,
      [made.id],
    )
    const bearer = { authorization: `Bearer ${made.key}` }
    const user = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: bearer,
      payload: {
        username: 'evil-admin',
        displayName: '坏人',
        kind: 'staff',
        password: 'Strong-pass-9x',
        posts: [{ role: 'admin', scopeDivisionCode: '370612' }],
      },
    })
    expect(user.statusCode).toBe(403)
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: bearer,
      payload: { name: 'minted', capabilities: ['directory:read'], scopeDivisionCode: '370612' },
    })
    expect(key.statusCode).toBe(403)
    const n = await t.platform.db.query(`select count(*)::int n from core_user where username = 'evil-admin'`)
    expect(n.rows[0]!.n).toBe(0)
  })

  it('an expired key answers 401', async () => {
    const admin = await t.login('admin')
    const made = (
      await admin.post('/api/admin/api-keys', {
        name: 'short',
        capabilities: ['directory:read'],
        scopeDivisionCode: '370612',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).json()
    const get = () => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${made.key}` } })
    expect((await get()).statusCode).toBe(200)
    await t.platform.db.query(`update core_api_key set expires_at = now() - interval '1 second' where id = $1`, [
      made.id,
    ])
    await t.platform.db.tx((tx) => t.platform.caches.invalidate(tx, 'auth.api_key'))
    const r = await get()
    expect(r.statusCode).toBe(401)
    expect(r.json().code).toBe('AUTH_API_KEY_INVALID')
  })
})

describe('metrics, cookies and CSP behind TLS', () => {
  it('/metrics needs ops:metrics or the METRICS_TOKEN', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    expect((await (await t.login('yulindian')).get('/metrics')).statusCode).toBe(403)
    expect((await (await t.login('admin')).get('/metrics')).statusCode).toBe(200)
    const tok = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    })
    expect(tok.statusCode).toBe(200)
    expect(tok.body).toMatch(/ruyu_http_request_duration_seconds/)
  })

  it('the session cookie is Secure over HTTPS via a trusted proxy, not over plain HTTP', async () => {
    const tls = await login('yulindian', DEMO_PASSWORD, '10.6.0.1', { 'x-forwarded-proto': 'https' })
    expect(String(tls.headers['set-cookie'])).toMatch(/;\s*Secure/i)
    const plain = await login('yulindian', DEMO_PASSWORD, '10.6.0.2')
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i)
  })

  it('upgrade-insecure-requests only over HTTPS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/meta' })
    expect(String(plain.headers['content-security-policy'])).not.toMatch(/upgrade-insecure-requests/)
    const tls = await t.app.inject({ method: 'GET', url: '/api/meta', headers: { 'x-forwarded-proto': 'https' } })
    expect(String(tls.headers['content-security-policy'])).toMatch(/upgrade-insecure-requests/)
  })
})
