import { createTestContext, DEMO_PASSWORD, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress })

async function staffRow(admin: Awaited<ReturnType<TestContext['login']>>, username: string) {
  const res = await admin.get(`/api/directory/staff?q=${username}&pageSize=50`)
  expect(res.statusCode).toBe(200)
  return (res.json().items as { id: string; username: string; status: string; lockedUntil: string | null }[]).find(
    (s) => s.username === username,
  )!
}

describe('staff lock state', () => {
  it('the staff list shows the login throttle lock, and an administrator can end it', async () => {
    const admin = await t.login('admin')
    expect(await staffRow(admin, 'inspector')).toMatchObject({ status: 'active', lockedUntil: null })
    for (let i = 0; i < 5; i++) await login('inspector', `Wrong-pass-${i}`, '10.9.0.1')
    const locked = await staffRow(admin, 'inspector')
    expect(locked.status).toBe('locked')
    expect(new Date(locked.lockedUntil!).getTime()).toBeGreaterThan(Date.now())
    // The detail route tells the same; the lock really refuses the right password.
    expect((await admin.get(`/api/directory/staff/${locked.id}`)).json().status).toBe('locked')
    expect((await login('inspector', DEMO_PASSWORD, '10.9.0.1')).statusCode).toBe(401)

    const unlock = await admin.post(`/api/admin/users/${locked.id}/unlock`)
    expect(unlock.statusCode).toBe(204)
    expect(await staffRow(admin, 'inspector')).toMatchObject({ status: 'active', lockedUntil: null })
    expect((await login('inspector', DEMO_PASSWORD, '10.9.0.1')).statusCode).toBe(200)
    const audit = await t.platform.db.query(
      `select count(*)::int n from core_audit_log where action = 'auth.unlock' and resource_id = $1`,
      [locked.id],
    )
    expect(audit.rows[0]!.n).toBe(1)
  })

  it('unlocking is for staff:manage only, and an unknown account is a 404', async () => {
    const admin = await t.login('admin')
    const id = (await staffRow(admin, 'leader')).id
    const window = await t.login('window')
    expect((await window.post(`/api/admin/users/${id}/unlock`)).json().code).toBe('AUTH_FORBIDDEN')
    const unknown = await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/unlock')
    expect(unknown.statusCode).toBe(404)
  })
})

describe('password reset by an administrator', () => {
  it('ends the sessions, and the next login may only change the password', async () => {
    const admin = await t.login('admin')
    const created = await admin.post('/api/admin/users', {
      username: 'reset.me',
      displayName: '测试重置',
      kind: 'staff',
      password: 'Harbour-Kite-41',
      posts: [{ role: 'window_clerk', scopeDivisionCode: '370612' }],
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id } = created.json()
    const before = await t.login('reset.me', 'Harbour-Kite-41')
    expect((await before.get('/api/me')).json().user.mustChangePassword).toBe(false)

    const weak = await admin.post(`/api/admin/users/${id}/password`, { newPassword: 'reset.me1A' })
    expect(weak.statusCode).toBe(400)
    expect(weak.json().code).toBe('AUTH_WEAK_PASSWORD')
    const reset = await admin.post(`/api/admin/users/${id}/password`, { newPassword: 'Temp-Lantern-72' })
    expect(reset.statusCode).toBe(204)
    expect((await before.get('/api/me')).statusCode).toBe(401)

    const after = await t.login('reset.me', 'Temp-Lantern-72')
    expect((await after.get('/api/me')).json().user.mustChangePassword).toBe(true)
    expect((await after.get('/api/workflow/tasks')).json().code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED')
    const change = await after.post('/api/me/password', {
      currentPassword: 'Temp-Lantern-72',
      newPassword: 'Quiet-Orchard-93',
    })
    expect(change.statusCode, change.body).toBe(204)
    expect((await after.get('/api/me')).json().user.mustChangePassword).toBe(false)
    const again = await t.login('reset.me', 'Quiet-Orchard-93')
    expect((await again.get('/api/me')).json().user.mustChangePassword).toBe(false)
  })
})
