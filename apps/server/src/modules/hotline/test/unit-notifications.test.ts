import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// Issue 10 §1: two approval reviewers got 12345 notifications that opened a 403 page: an order dispatched to their
// department notified every account of the department. What must hold: a notification never links a recipient to
// a page they may not open; the unit's handling staff are still told.
let t: TestContext

type Note = { title: string; link: string | null }

async function inbox(username: string): Promise<Note[]> {
  await t.platform.events.drain()
  const id = (await t.platform.db.query('select id from core_user where username = $1', [username])).rows[0]!.id
  return (await t.platform.notifications.list(id, { unreadOnly: false, limit: 200, offset: 0 })).items as Note[]
}

/** Every notification link of the account opens (the API behind a 12345 order page or a workflow page). */
async function everyLinkOpens(c: Client, username: string) {
  for (const n of await inbox(username)) {
    if (!n.link) continue
    const order = n.link.match(/^\/hotline\/orders\/([0-9a-f-]{36})$/)
    const wf = n.link.match(/^\/workflow\/instances\/([0-9a-f-]{36})$/)
    const api = order ? `/api/hotline/orders/${order[1]}` : wf ? `/api/workflow/instances/${wf[1]}` : null
    expect(api, n.link).not.toBeNull()
    expect((await c.get(api!)).statusCode, `${username}: ${n.title} → ${n.link}`).toBe(200)
  }
}

beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('12345 orders dispatched to a department', () => {
  it('reach only the accounts that may open the order, never the department’s approval reviewers', async () => {
    const operator = await t.login('operator')
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101')))
    const res = await act(operator, order.id, 'dispatch', { unitId: await unitId(t, 'MP-ZJJ'), coUnitIds: [] })
    expect(res.statusCode, res.body).toBe(200)
    await act(operator, order.id, 'remind', { reason: '请尽快签收' })
    expect((await inbox('reviewer')).filter((n) => n.link?.startsWith('/hotline/'))).toEqual([])
    await everyLinkOpens(await t.login('reviewer'), 'reviewer')
    // The unit's handling staff still hear of it (a handling-unit account of the same department).
    const zjjId = await unitId(t, 'MP-ZJJ')
    await t.platform.db.tx((tx) =>
      t.platform.auth.createUser(tx, SYSTEM_ACTOR, {
        username: 'zjj.handler',
        displayName: '住建局承办人',
        kind: 'staff',
        password: 'Ruyu@2026',
        posts: [{ role: 'handling_unit', scopeDivisionCode: '370612', departmentId: zjjId }],
      }),
    )
    await act(operator, order.id, 'remind', { reason: '再次催办' })
    const handler = await inbox('zjj.handler')
    expect(handler.map((n) => n.title)).toContain('12345工单催办')
    await everyLinkOpens(await t.login('zjj.handler'), 'zjj.handler')
  })
})
