import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let scj: Client

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  scj = await t.login('unit')
})
afterAll(() => t.close())

const status = async (id: string) =>
  (await t.platform.db.query('select status from hotline_order where id = $1', [id])).rows[0]?.status

describe('hotline orders through the generic workflow endpoint', () => {
  it('refuses any action there, so caller data cannot re-route an order nor skip the module side effects', async () => {
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101')))
    const d = await act(operator, order.id, 'dispatch', { unitId: await unitId(t, 'MP-SCJ') })
    expect(d.statusCode, d.body).toBe(200)
    const row = await t.platform.db.query('select workflow_instance_id from hotline_order where id = $1', [order.id])
    const url = `/api/workflow/instances/${row.rows[0]?.workflow_instance_id}/actions/acknowledge`

    const hijack = await scj.post(url, { data: { unitId: await unitId(t, 'MP-T002') } })
    expect(hijack.statusCode, hijack.body).toBe(403)
    expect(hijack.json().code).toBe('WORKFLOW_MODULE_ROUTE_REQUIRED')
    expect((await wenhua.get(`/api/hotline/orders/${order.id}`)).statusCode).toBe(404)

    const plain = await scj.post(url, {})
    expect(plain.statusCode).toBe(403)
    expect(await status(order.id)).toBe('pending_ack')

    const ack = await act(scj, order.id, 'acknowledge')
    expect(ack.statusCode, ack.body).toBe(200)
    expect(await status(order.id)).not.toBe('pending_ack')
  })
})
