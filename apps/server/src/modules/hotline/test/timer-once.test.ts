import { randomUUID } from 'node:crypto'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
})
afterAll(() => t.close())

describe('a timer job re-delivered after its effects committed (worker killed before completing it)', () => {
  it('running the handler twice for the same job id gives one 红牌 and one ack_overdue', async () => {
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101')))
    await act(operator, order.id, 'dispatch', { unitId: await unitId(t, 'MP-T002') })
    const ack = (
      await t.platform.db.query(
        `select k.id, k.due_at from workflow_task k join hotline_order o on o.workflow_instance_id = k.instance_id
         where o.id = $1 and k.state = 'pending_ack' and k.status = 'open'`,
        [order.id],
      )
    ).rows[0]!
    const job = { taskId: ack.id, kind: 'due' as const, at: ack.due_at.toISOString() }
    const jobId = randomUUID()
    const redCards = async () =>
      // Requested notifications (the outbox delivers them to the inbox later).
      (
        await t.platform.db.query(
          `select count(*)::int n from core_outbox o, jsonb_array_elements(o.payload->'items') x(n)
           where o.name = 'platform.notification.requested' and x.n->>'title' like '红牌%' and x.n->>'body' like $1`,
          [`%${(await operator.get(`/api/hotline/orders/${order.id}`)).json().title}%`],
        )
      ).rows[0]!.n
    const before = await redCards()
    await t.services.workflow.handleTimer(job, new Date(), jobId)
    const once = (await redCards()) - before
    expect(once).toBeGreaterThan(0)
    // Again, twice at once, as when pg-boss hands the expired job to a second worker while the first still runs.
    await Promise.all([
      t.services.workflow.handleTimer(job, new Date(), jobId),
      t.services.workflow.handleTimer(job, new Date(), jobId),
    ])
    expect((await redCards()) - before).toBe(once)
    const d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.timeline.filter((e: { action: string }) => e.action === 'ack_overdue')).toHaveLength(1)
    const claims = await t.platform.db.query('select queue from core_job_done where job_id = $1', [jobId])
    expect(claims.rows).toEqual([{ queue: 'workflow.timer' }])
  })

  it('timers are armed with a short expiry (a worker killed mid-job delays its timer by about a minute)', async () => {
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101')))
    await act(operator, order.id, 'dispatch', { unitId: await unitId(t, 'MP-T002') })
    const r = await t.platform.db.query(
      `select extract(epoch from j.expire_in)::int s from pgboss.job j
       join workflow_task k on k.id::text = j.data->>'taskId'
       join hotline_order o on o.workflow_instance_id = k.instance_id where o.id = $1`,
      [order.id],
    )
    expect(r.rows.length).toBeGreaterThan(0)
    for (const row of r.rows) expect(row.s).toBe(60)
  })
})
