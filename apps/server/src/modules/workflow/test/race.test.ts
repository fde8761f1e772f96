import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { reviewSpec, themeSpec } from './fixtures.ts'

// A burst of the same action on one step: exactly one request wins, every loser is told 409 WORKFLOW_CONFLICT
// ("someone else was first"), whether it read the instance before or after the winner committed.
let t: TestContext
let zj: Client
let zjId: string
let applicantId: string

async function branch(): Promise<string> {
  const spec = themeSpec('all')
  const root = await t.platform.db.tx(async (tx) => {
    await t.services.workflow.publish(tx, reviewSpec, SYSTEM_ACTOR)
    await t.services.workflow.publish(tx, spec, SYSTEM_ACTOR)
    return t.services.workflow.start(
      tx,
      {
        definitionKey: spec.key,
        subjectType: 'test_case',
        subjectId: crypto.randomUUID(),
        title: '并发办理测试',
        divisionCode: '370612106',
        applicantId,
        context: { branches: [{ key: 'zj', name: '住建局', departmentId: zjId }] },
      },
      SYSTEM_ACTOR,
    )
  })
  return (await t.services.workflow.tree(null, root.id)).nodes.find((n) => n.parentId === root.id)!.id
}

// Requests of a burst arrive a few milliseconds apart, as over a network: the later ones read the instance after
// the winner committed, the earlier ones before.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const post = (id: string, action: string, body: Record<string, unknown>, delayMs: number) =>
  sleep(delayMs).then(() => zj.post(`/api/workflow/instances/${id}/actions/${action}`, body))
const burst = (id: string, action: string, n: number, body: Record<string, unknown> = {}) =>
  Promise.all(Array.from({ length: n }, (_, i) => post(id, action, body, i * 4)))

beforeAll(async () => {
  t = await createTestContext()
  zjId = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-ZJJ'`)).rows[0]!.id
  applicantId = (await t.platform.db.query(`select id from core_user where username = 'enterprise'`)).rows[0]!.id
  zj = await t.login('reviewer')
})
afterAll(() => t.close())

describe('racing workflow actions', () => {
  it('13 bursts of 6 identical actions: one 200 each, all the others 409, one transition recorded', async () => {
    for (let round = 0; round < 13; round++) {
      const id = await branch()
      const replies = await burst(id, 'accept', 6)
      const codes = replies.map((r) => r.statusCode).sort()
      expect(codes, replies.map((r) => r.body).join('\n')).toEqual([200, 409, 409, 409, 409, 409])
      for (const r of replies.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('WORKFLOW_CONFLICT')
      const n = await t.platform.db.query(
        `select count(*)::int n from workflow_transition where instance_id = $1 and action = 'accept'`,
        [id],
      )
      expect(n.rows[0]!.n).toBe(1)
    }
  })

  it('competing actions of one step (approve against reject, closing the branch): the loser gets 409', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await branch()
      expect((await zj.post(`/api/workflow/instances/${id}/actions/accept`, {})).statusCode).toBe(200)
      const replies = await Promise.all([
        post(id, 'approve', { comment: '同意' }, 0),
        post(id, 'reject', { comment: '不同意' }, 5),
        post(id, 'approve', { comment: '同意' }, 30),
      ])
      expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 409, 409])
    }
  })

  it('an action the current step never offered is still 422', async () => {
    const id = await branch()
    const r = await zj.post(`/api/workflow/instances/${id}/actions/approve`, { comment: '同意' })
    expect(r.statusCode).toBe(422)
    expect(r.json().code).toBe('WORKFLOW_ACTION_NOT_AVAILABLE')
  })
})
