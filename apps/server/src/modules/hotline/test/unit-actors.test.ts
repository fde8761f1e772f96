import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// Who holds the unit's steps of a work order (issue #9 §8, issue #10 §3): the town's clerk for an order dispatched
// to the town, in 我的待办 too, and only that town's clerk; the centre's 合并 on those steps is not bound to the
// unit; a village agent of the town is not a participant of the town's orders.
let t: TestContext
let operator: Client
let yulindian: Client
let ninghai: Client
let category: string

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  yulindian = await t.login('yulindian')
  ninghai = await t.login('ninghai')
  category = await categoryId(t, '010101')
})
afterAll(() => t.close())

/** An order located in the town, dispatched to the town's own office. */
async function dispatchedTo(
  town: 'MP-T106' | 'MP-T001',
  divisionCode = town === 'MP-T106' ? '370612106' : '370612001',
) {
  const { order } = await takeIn(operator, intakeBody(category, { divisionCode }))
  const d = await act(operator, order.id, 'dispatch', { unitId: await unitId(t, town) })
  expect(d.statusCode, d.body).toBe(200)
  const row = await t.platform.db.query('select workflow_instance_id from hotline_order where id = $1', [order.id])
  return { id: order.id, instanceId: row.rows[0]!.workflow_instance_id as string }
}

const taskIds = async (c: Client) =>
  (await c.get('/api/workflow/tasks?pageSize=200')).json().items.map((i: { subjectId: string }) => i.subjectId)

describe('a town clerk holds the unit steps of orders dispatched to the town', () => {
  it('sees them in 我的待办 and acts on them; the other town’s clerk neither sees nor acts', async () => {
    const mine = await dispatchedTo('MP-T106')
    const theirs = await dispatchedTo('MP-T001')
    expect(await taskIds(yulindian)).toContain(mine.id)
    expect(await taskIds(yulindian)).not.toContain(theirs.id)
    expect(await taskIds(ninghai)).toContain(theirs.id)
    expect(await taskIds(ninghai)).not.toContain(mine.id)

    expect((await act(ninghai, mine.id, 'acknowledge')).statusCode).not.toBe(200)
    const ack = await act(yulindian, mine.id, 'acknowledge')
    expect(ack.statusCode, ack.body).toBe(200)
    expect(ack.json().status).toBe('handling')
    // The handling step is the clerk's task too, and the reply goes through.
    expect(await taskIds(yulindian)).toContain(mine.id)
    const reply = await act(yulindian, mine.id, 'reply', {
      text: '已联系供热公司上门检修，室温恢复到20度。',
      contactMethod: 'visit',
    })
    expect(reply.statusCode, reply.body).toBe(200)
    expect(reply.json().status).toBe('reviewing')
    expect(await taskIds(yulindian)).not.toContain(mine.id)

    const ackNinghai = await act(ninghai, theirs.id, 'acknowledge')
    expect(ackNinghai.statusCode, ackNinghai.body).toBe(200)
  })

  it('the process tree is readable by the clerk who held the task, not by the town’s village agent', async () => {
    const o = await dispatchedTo('MP-T106', '370612106201') // a call from 山后村, the agent's own village
    expect((await yulindian.get(`/api/workflow/instances/${o.instanceId}`)).statusCode).toBe(200)
    const agent = await t.login('agent') // a post in 玉林店镇's department, but not a unit's role
    const r = await agent.get(`/api/workflow/instances/${o.instanceId}`)
    expect(r.statusCode).toBe(404)
    expect((await agent.get('/api/workflow/tasks')).json().total).toBe(0)
  })
})

describe('the centre merges a dispatched order', () => {
  it('on 待签收 and on 办理中, as the operator (the unit’s department binds only the unit’s roles)', async () => {
    const main = await dispatchedTo('MP-T106')
    const pending = await dispatchedTo('MP-T106')
    const m1 = await act(operator, pending.id, 'merge', { intoId: main.id, reason: '同一来电人重复反映' })
    expect(m1.statusCode, m1.body).toBe(200)
    expect(m1.json().status).toBe('merged')

    const handling = await dispatchedTo('MP-T106')
    expect((await act(yulindian, handling.id, 'acknowledge')).statusCode).toBe(200)
    const m2 = await act(operator, handling.id, 'merge', { intoId: main.id, reason: '同一事项重复工单' })
    expect(m2.statusCode, m2.body).toBe(200)
    expect(m2.json().status).toBe('merged')
    // The unit itself still cannot merge (not a unit action), nor act on the merged order.
    expect((await act(yulindian, main.id, 'merge', { intoId: handling.id, reason: 'x' })).statusCode).toBe(403)
  })
})
