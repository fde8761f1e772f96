import { randomUUID } from 'node:crypto'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let street: string
let category: string

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  street = await unitId(t, 'MP-T002')
  category = await categoryId(t, '010101')
})
afterAll(() => t.close())

type Job = { taskId: string; kind: 'warn' | 'due'; at: string; clock?: 'instance' }

async function pendingAckTask(orderId: string) {
  const r = await t.platform.db.query(
    `select k.id, k.due_at, k.warn_at from workflow_task k join hotline_order o on o.workflow_instance_id = k.instance_id
     where o.id = $1 and k.state = 'pending_ack' and k.status = 'open'`,
    [orderId],
  )
  return r.rows[0]!
}
/** The armed timers of a task, oldest first. */
async function jobsOf(taskId: string): Promise<Job[]> {
  const r = await t.platform.db.query(
    `select data from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1 order by created_on, id`,
    [taskId],
  )
  return r.rows.map((x) => x.data)
}
const detail = async (id: string) => (await operator.get(`/api/hotline/orders/${id}`)).json()
const actions = (d: { timeline: { action: string }[] }) => d.timeline.map((e) => e.action)

describe('yellow and red cards while an order waits for 签收', () => {
  it('the 签收 deadline gives a red card; the handling limit still warns and turns red while unacknowledged', async () => {
    const { order } = await takeIn(operator, intakeBody(category))
    await act(operator, order.id, 'dispatch', { unitId: street })
    const task = await pendingAckTask(order.id)
    const instanceJobs = (await jobsOf(task.id)).filter((j) => j.clock === 'instance')
    // The handling limit (5 working days, yellow 1 day before) is watched from the 待签收 task too.
    expect(instanceJobs).toEqual([expect.objectContaining({ kind: 'warn', clock: 'instance' })])
    const d0 = await detail(order.id)
    expect(new Date(instanceJobs[0]!.at).getTime()).toBeLessThan(new Date(d0.dueAt).getTime())

    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'due', at: task.due_at.toISOString() })
    let d = await detail(order.id)
    expect(d.status).toBe('pending_ack')
    expect(d.slaFlag).toBe('overdue')
    const ackRed = d.timeline.find((e: { action: string }) => e.action === 'ack_overdue')
    expect(ackRed.reason).toMatch(/^红牌：超过签收时限 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 未签收$/)

    // The handling warning: a yellow card on the timeline, the red card stays red; then the due timer is armed.
    await t.services.workflow.handleTimer(instanceJobs[0]!)
    d = await detail(order.id)
    expect(d.slaFlag).toBe('overdue')
    expect(actions(d)).toEqual(['intake', 'dispatch', 'ack_overdue', 'yellow_card'])
    const due = (await jobsOf(task.id)).find((j) => j.clock === 'instance' && j.kind === 'due')!
    expect(due.at).toBe(d.dueAt)

    // Past the handling deadline, still unacknowledged: 红牌 for the handling limit.
    await t.services.workflow.handleTimer(due)
    d = await detail(order.id)
    expect(d.slaFlag).toBe('overdue')
    expect(actions(d)).toEqual(['intake', 'dispatch', 'ack_overdue', 'yellow_card', 'red_card'])
    expect(d.timeline.at(-1).reason).toContain('已超过办理期限')
    const flag = await t.platform.db.query('select sla_flag from workflow_task where id = $1', [task.id])
    expect(flag.rows[0]!.sla_flag).toBe('overdue')

    // A stale instance timer (another deadline) does nothing.
    await t.services.workflow.handleTimer({ ...due, at: new Date(0).toISOString() })
    expect(actions(await detail(order.id))).toHaveLength(5)
    // The timers above fired early; let the clock catch up with them: acknowledged now, the order stays red.
    await t.platform.db.query(`update hotline_order set due_at = now() - interval '1 hour' where id = $1`, [order.id])
    expect((await act(wenhua, order.id, 'acknowledge')).statusCode).toBe(200)
    d = await detail(order.id)
    expect(d.slaFlag).toBe('overdue')
    // The handling task's own timers now carry the cards; the watch of the 待签收 task is over.
    await t.services.workflow.handleTimer(due)
    expect(actions(await detail(order.id))).toHaveLength(6)
  })

  it('an urgent order gets a yellow card before its 签收 limit; 签收 in time turns the card back to the handling one', async () => {
    const { order } = await takeIn(operator, intakeBody(category, { urgency: 'urgent' }))
    await act(operator, order.id, 'dispatch', { unitId: street })
    const task = await pendingAckTask(order.id)
    // 2 hours to acknowledge, the yellow card 1 hour before.
    expect(task.due_at.getTime() - task.warn_at.getTime()).toBe(3_600_000)
    const own = (await jobsOf(task.id)).filter((j) => !j.clock)
    expect(own).toEqual([{ taskId: task.id, kind: 'warn', at: task.warn_at.toISOString() }])
    await t.services.workflow.handleTimer(own[0]!)
    let d = await detail(order.id)
    expect(d.slaFlag).toBe('warning')
    const yellow = d.timeline.at(-1)
    expect(yellow).toMatchObject({ action: 'ack_warning' })
    expect(yellow.reason).toContain('签收时限')
    expect((await act(wenhua, order.id, 'acknowledge')).statusCode).toBe(200)
    d = await detail(order.id)
    // 24 hours to handle from receipt, warned 4 hours before: nowhere near yet.
    expect(d.slaFlag).toBe('on_track')
    expect(d.respondedOnTime).toBe(true)
  })

  it('one yellow card per deadline: the handling task re-arming the warning after 签收 gives no second one', async () => {
    const { order } = await takeIn(operator, intakeBody(category))
    await act(operator, order.id, 'dispatch', { unitId: street })
    const task = await pendingAckTask(order.id)
    const warn = (await jobsOf(task.id)).find((j) => j.clock === 'instance')!
    await t.services.workflow.handleTimer(warn)
    expect((await act(wenhua, order.id, 'acknowledge')).statusCode).toBe(200)
    const handling = (
      await t.platform.db.query(
        `select k.id, k.warn_at from workflow_task k join hotline_order o on o.workflow_instance_id = k.instance_id
         where o.id = $1 and k.state = 'handling' and k.status = 'open'`,
        [order.id],
      )
    ).rows[0]!
    expect(handling.warn_at.toISOString()).toBe(warn.at)
    await t.services.workflow.handleTimer({ taskId: handling.id, kind: 'warn', at: warn.at })
    const d = await detail(order.id)
    expect(actions(d).filter((a: string) => a === 'yellow_card')).toHaveLength(1)
  })

  it('an instance-clock timer delivered twice (worker killed after commit) has its effects once', async () => {
    const { order } = await takeIn(operator, intakeBody(category))
    await act(operator, order.id, 'dispatch', { unitId: street })
    const task = await pendingAckTask(order.id)
    const d = await detail(order.id)
    const job: Job = { taskId: task.id, kind: 'due', at: d.dueAt, clock: 'instance' }
    const jobId = randomUUID()
    await Promise.all([
      t.services.workflow.handleTimer(job, new Date(), jobId),
      t.services.workflow.handleTimer(job, new Date(), jobId),
    ])
    await t.services.workflow.handleTimer(job, new Date(), jobId)
    expect(actions(await detail(order.id)).filter((a: string) => a === 'red_card')).toHaveLength(1)
  })
})
