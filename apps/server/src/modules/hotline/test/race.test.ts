import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// A burst of the same use case on one order: the row lock lets one through; every loser is told 409
// HOTLINE_CONFLICT ("someone else was first"), never the 422 of an order in the wrong status.
let t: TestContext
let operator: Client
let wenhua: Client
let heating: string
let t002: string

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const burst = (c: Client, id: string, action: string, body: unknown, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => sleep(i * 4).then(() => act(c, id, action, body))))

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  heating = await categoryId(t, '010101')
  t002 = await unitId(t, 'MP-T002')
})
afterAll(() => t.close())

describe('racing work-order actions', () => {
  it('bursts of 派单 on one order: one 200 each, the others 409, one dispatch on the timeline', async () => {
    for (let round = 0; round < 8; round++) {
      const { order } = await takeIn(operator, intakeBody(heating))
      const replies = await burst(operator, order.id, 'dispatch', { unitId: t002 }, 6)
      expect(replies.map((r) => r.statusCode).sort(), replies.map((r) => r.body).join('\n')).toEqual([
        200, 409, 409, 409, 409, 409,
      ])
      for (const r of replies.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('HOTLINE_CONFLICT')
      const n = await t.platform.db.query(
        `select count(*)::int n from hotline_event where order_id = $1 and action = 'dispatch'`,
        [order.id],
      )
      expect(n.rows[0]!.n).toBe(1)
    }
  })

  it('派单 racing 不予受理 on one order: the loser is a 409 too', async () => {
    for (let round = 0; round < 4; round++) {
      const { order } = await takeIn(operator, intakeBody(heating))
      const replies = await Promise.all([
        act(operator, order.id, 'decline', { reason: '不属于 12345 受理范围' }),
        sleep(15).then(() => act(operator, order.id, 'dispatch', { unitId: t002 })),
      ])
      expect(replies.map((r) => r.statusCode).sort(), replies.map((r) => r.body).join('\n')).toEqual([200, 409])
    }
  })

  it('an action the order never allowed in its last status is still 422', async () => {
    const { order } = await takeIn(operator, intakeBody(heating))
    const r = await act(wenhua, order.id, 'reply', { text: '已处理', contactMethod: 'phone' })
    expect([403, 404, 422]).toContain(r.statusCode)
    const dispatched = await act(operator, order.id, 'dispatch', { unitId: t002 })
    expect(dispatched.statusCode).toBe(200)
    const early = await act(wenhua, order.id, 'reply', { text: '已处理', contactMethod: 'phone' })
    expect(early.statusCode).toBe(422)
    expect(early.json().code).toBe('HOTLINE_INVALID_STATE')
  })
})
