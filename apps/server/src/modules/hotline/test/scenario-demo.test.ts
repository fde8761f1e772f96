import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemoScenario } from '../scenario.ts'

// A demo server generates this year's orders up to now once, so its statistics page shows real figures; the
// generated history stays out of the work lists (it cannot be acted on).
let t: TestContext
let operator: Client
beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
})
afterAll(() => t.close())

describe('demo scenario', () => {
  it('generates the year up to “now” once; nothing is received after it; lists show live orders unless asked', async () => {
    const now = new Date('2026-01-09T10:00:00+08:00')
    const n = await seedDemoScenario(t.platform, now)
    expect(n).toBeGreaterThanOrEqual(200)
    expect(await seedDemoScenario(t.platform, now)).toBe(0)
    const { rows } = await t.platform.db.query(
      `select count(*)::int n, max(received_at) last, min(received_at) first from hotline_order where source = 'scenario'`,
    )
    expect(rows[0]).toMatchObject({ n })
    expect(new Date(rows[0]!.last).getTime()).toBeLessThanOrEqual(now.getTime())
    expect(new Date(rows[0]!.first).getTime()).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:00+08:00'))

    const live = (await operator.get('/api/hotline/orders?pageSize=200')).json()
    expect(live.items.every((o: { source: string }) => o.source === 'live')).toBe(true)
    const generated = (await operator.get('/api/hotline/orders?source=scenario&pageSize=5')).json()
    expect(generated.total).toBe(n)
    const stats = (await operator.get('/api/hotline/stats?groupBy=town&from=2026-01-01&to=2026-01-09')).json()
    expect(JSON.stringify(stats)).toContain('文化街道')
  })
})
