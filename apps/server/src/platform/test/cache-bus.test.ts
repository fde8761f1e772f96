import { buildApp } from '@ruyu/server'
import { createCacheBus } from '@ruyu/server/platform/cache-bus'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { buildTestPlatform } from '@ruyu/testkit/platform'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const log = pino({ level: 'silent' })
const until = async (ok: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 20))
}

describe('cache bus (LISTEN/NOTIFY)', () => {
  it('an invalidation committed by one process drops the entry in another; a rolled-back one does not', async () => {
    const other = createCacheBus(t.url, log)
    await other.start()
    try {
      const cache = other.cache<number>('test.topic')
      let loads = 0
      const load = async () => ++loads
      expect(await cache.get('k', load)).toBe(1)
      expect(await cache.get('k', load)).toBe(1) // cached

      await t.platform.db
        .tx(async (tx) => {
          await t.platform.caches.invalidate(tx, 'test.topic')
          throw new Error('roll back')
        })
        .catch(() => {})
      await new Promise((r) => setTimeout(r, 150))
      expect(await cache.get('k', load)).toBe(1) // nothing was delivered

      await t.platform.db.tx((tx) => t.platform.caches.invalidate(tx, 'test.topic'))
      await until(async () => (await cache.get('k', load)) > 1)
      expect(await cache.get('k', load)).toBe(2)
    } finally {
      await other.stop()
    }
  })

  it('serves nothing from cache while its listener is down', async () => {
    const bus = createCacheBus(t.url, log)
    await bus.start()
    const cache = bus.cache<number>('t2')
    let loads = 0
    await cache.get('k', async () => ++loads)
    await bus.stop()
    expect(await cache.get('k', async () => ++loads)).toBe(2)
    expect(await cache.get('k', async () => ++loads)).toBe(3)
  })

  it('a theme published through one server is what a second server plans with, at once', async () => {
    const second = await buildTestPlatform(t.url, {})
    const app2 = await buildApp(second.platform, second.services, { logger: false })
    try {
      const admin = await t.login('admin')
      const theme = async (app: typeof app2) => {
        const res = await app.inject({
          method: 'GET',
          url: '/api/catalog/themes/MP-THEME-CONSTRUCTION',
          headers: { cookie: admin.cookie! },
        })
        return res.json() as { version: number; name: string }
      }
      // Warm the second server's caches through a plan.
      const before = await theme(app2)
      const current = (await admin.get('/api/catalog/themes/MP-THEME-CONSTRUCTION')).json()
      const put = await admin.put('/api/catalog/themes/MP-THEME-CONSTRUCTION', {
        baseVersion: current.version,
        name: `${current.name}（修订）`,
        description: current.description ?? undefined,
        formFields: current.formFields,
        stages: current.stages,
        variants: current.variants,
      })
      expect(put.statusCode, put.body).toBe(200)
      await until(async () => (await theme(app2)).version > before.version)
      expect(await theme(app2)).toMatchObject({ version: before.version + 1, name: `${current.name}（修订）` })
    } finally {
      await app2.close()
      await second.platform.close()
    }
  })

  it('12345 categories, routing rules, new departments, logouts and revoked keys changed on one server apply at once on a second', async () => {
    const second = await buildTestPlatform(t.url, {})
    const app2 = await buildApp(second.platform, second.services, { logger: false })
    try {
      const admin = await t.login('admin')
      const key = (
        await admin.post('/api/admin/api-keys', {
          name: '缓存测试平台',
          capabilities: ['hotline:transfer'],
          scopeDivisionCode: '370612',
        })
      ).json()
      const heating = (await t.platform.db.query(`select id from hotline_category where code = '010101'`)).rows[0]!.id
      const transfer = (categoryId: string, n: string) =>
        app2.inject({
          method: 'POST',
          url: '/api/hotline/transfer',
          headers: { authorization: `Bearer ${key.key}` },
          payload: {
            source: 'cache-test',
            upstreamNumber: n,
            callerName: '周先生',
            callerPhone: '13953512345',
            requestType: 'help',
            categoryId,
            divisionCode: '370612002',
            address: '牟平区文化街道',
            description: '缓存一致性测试。',
          },
        })
      const suggestion = async (categoryId: string) =>
        (
          await app2.inject({
            method: 'GET',
            url: `/api/hotline/suggestion?categoryId=${categoryId}&divisionCode=370612002`,
            headers: { cookie: admin.cookie! },
          })
        ).json()
      // Warm the second server's caches: key, categories and rules, unit names.
      expect((await transfer(heating, 'C-1')).statusCode).toBe(201)
      await suggestion(heating)

      // A new category is usable on the second server.
      const created = await admin.post('/api/hotline/categories', {
        parentId: heating,
        code: '01010199',
        name: '缓存测试',
      })
      expect(created.statusCode, created.body).toBe(201)
      await until(async () => (await transfer(created.json().id, 'C-2')).statusCode === 201)
      expect((await transfer(created.json().id, 'C-3')).statusCode).toBe(201)

      // A new department, and a rule routing the new category to it: the second server suggests it by name.
      const dep = await admin.post('/api/directory/departments', {
        code: 'MP-CACHE-TEST',
        name: '缓存测试办公室',
        kind: 'handling_unit',
        divisionCode: '370612',
      })
      expect(dep.statusCode, dep.body).toBe(201)
      const rule = await admin.post('/api/hotline/routing-rules', {
        categoryId: created.json().id,
        divisionPrefix: '370612002',
        unitId: dep.json().id,
      })
      expect(rule.statusCode, rule.body).toBe(201)
      await until(async () => (await suggestion(created.json().id)).unit?.name === '缓存测试办公室')
      expect((await suggestion(created.json().id)).unit).toMatchObject({
        code: 'MP-CACHE-TEST',
        name: '缓存测试办公室',
      })

      // A session logged out through the first server is refused by the second at once.
      const inspector = await t.login('inspector')
      const me = () => app2.inject({ method: 'GET', url: '/api/me', headers: { cookie: inspector.cookie! } })
      expect((await me()).statusCode).toBe(200)
      expect((await inspector.post('/api/auth/logout', {})).statusCode).toBeLessThan(300)
      await until(async () => (await me()).statusCode === 401)
      expect((await me()).statusCode).toBe(401)

      // A revoked key stops working on the second server.
      expect((await admin.delete(`/api/admin/api-keys/${key.id}`)).statusCode).toBe(204)
      await until(async () => (await transfer(heating, 'C-4')).statusCode === 401)
      expect((await transfer(heating, 'C-5')).statusCode).toBe(401)
    } finally {
      await app2.close()
      await second.platform.close()
    }
  })
})
