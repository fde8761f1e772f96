import { randomUUID } from 'node:crypto'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import type { WorkflowSpec } from '../domain.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await t.platform.db.tx((tx) => t.services.workflow.publish(tx, plain, SYSTEM_ACTOR))
  await t.platform.db.tx((tx) => t.services.workflow.publish(tx, automatic, SYSTEM_ACTOR))
})
afterAll(() => t.close())

const state = {
  name: '办理',
  assignee: { role: 'hotline_operator' },
  sla: { amount: 2, unit: 'hour' as const, warnBefore: 1 },
}
// A task whose due timer only marks it red and notifies (the batch path).
const plain: WorkflowSpec = {
  key: 'test.timer_batch',
  name: '批量定时器（测试）',
  initial: 'work',
  states: {
    work: { ...state, actions: [{ key: 'finish', name: '办结', to: 'done', actors: [{ role: 'hotline_operator' }] }] },
    done: { name: '办结', final: true, outcome: 'approved' },
  },
} as WorkflowSpec
// A task whose due timer takes an action as the system (the one-by-one path).
const automatic: WorkflowSpec = {
  ...plain,
  key: 'test.timer_batch_auto',
  states: {
    work: {
      ...state,
      actions: [{ key: 'lapse', name: '逾期办结', to: 'done', actors: [{ system: true }] }],
      onOverdue: { action: 'lapse' },
    },
    done: plain.states.done!,
  },
} as WorkflowSpec

async function tasks(definitionKey: string, n: number) {
  const started = await t.platform.db.tx((tx) =>
    t.services.workflow.startMany(
      tx,
      Array.from({ length: n }, (_, i) => ({
        definitionKey,
        subjectType: 'test_timer',
        subjectId: randomUUID(),
        title: `批量定时器 ${i}`,
        divisionCode: '370612',
        applicantId: null,
        context: {},
      })),
      SYSTEM_ACTOR,
    ),
  )
  const { rows } = await t.platform.db.query(
    `select id, due_at, warn_at, instance_id from workflow_task where instance_id = any($1::uuid[]) order by id`,
    [started.map((s) => s.id)],
  )
  return rows as { id: string; due_at: Date; warn_at: Date; instance_id: string }[]
}

const dueJob = (k: { id: string; due_at: Date }) => ({
  job: { taskId: k.id, kind: 'due' as const, at: k.due_at.toISOString() },
  jobId: randomUUID(),
})
const flags = async (ids: string[]) =>
  (await t.platform.db.query('select sla_flag from workflow_task where id = any($1::uuid[])', [ids])).rows.map(
    (r) => r.sla_flag,
  )
const redCards = async (titles: string[]) =>
  (
    await t.platform.db.query(
      `select count(*)::int n from core_outbox o, jsonb_array_elements(o.payload->'items') x(n)
       where o.name = 'platform.notification.requested' and x.n->>'title' like '红牌%'
       and split_part(x.n->>'body', '（', 1) = any($1)`,
      [titles],
    )
  ).rows[0]!.n

describe('timers fired as a batch (handleTimers)', () => {
  it('each fires once; a malformed timer fails alone and a re-delivered batch has no second effect', async () => {
    const ks = await tasks(plain.key, 5)
    const titles = (
      await t.platform.db.query('select title from workflow_instance where id = any($1::uuid[])', [
        ks.map((k) => k.instance_id),
      ])
    ).rows.map((r) => r.title)
    const stale = {
      job: { taskId: ks[4]!.id, kind: 'due' as const, at: new Date(0).toISOString() },
      jobId: randomUUID(),
    }
    const bad = {
      job: { taskId: 'not-a-task', kind: 'due' as const, at: new Date().toISOString() },
      jobId: randomUUID(),
    }
    const items = [...ks.slice(0, 4).map(dueJob), stale, bad]
    const errors = await t.services.workflow.handleTimers(items)
    // The bad id fails the batch's statements: every timer was retried alone, only the bad one failed.
    expect(errors.map((e) => e !== null)).toEqual([false, false, false, false, false, true])
    expect(await flags(ks.slice(0, 4).map((k) => k.id))).toEqual(['overdue', 'overdue', 'overdue', 'overdue'])
    expect(await flags([ks[4]!.id])).toEqual(['on_track'])
    expect(await redCards(titles)).toBe(4)
    const claims = await t.platform.db.query(
      'select count(*)::int n from core_job_done where job_id = any($1::uuid[])',
      [items.slice(0, 5).map((x) => x.jobId)],
    )
    expect(claims.rows[0]!.n).toBe(5)

    // pg-boss hands the same jobs out again (worker killed before completing them): no second red card.
    expect(await t.services.workflow.handleTimers(items.slice(0, 5))).toEqual([null, null, null, null, null])
    expect(await redCards(titles)).toBe(4)
  })

  it('a warning arms the due timer; a timer with an onOverdue action takes it alone, once', async () => {
    const [w] = await tasks(plain.key, 1)
    const warn = { job: { taskId: w!.id, kind: 'warn' as const, at: w!.warn_at.toISOString() }, jobId: randomUUID() }
    const [a] = await tasks(automatic.key, 1)
    const auto = dueJob(a!)
    expect(await t.services.workflow.handleTimers([warn, auto, auto])).toEqual([null, null, null])
    expect(await flags([w!.id])).toEqual(['warning'])
    const armed = await t.platform.db.query(
      `select data->>'kind' kind from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1`,
      [w!.id],
    )
    expect(armed.rows.map((r) => r.kind).sort()).toEqual(['due', 'warn'])
    const inst = await t.services.workflow.instance(a!.instance_id)
    expect(inst?.state).toBe('done')
    const lapses = await t.platform.db.query(
      `select count(*)::int n from workflow_transition where instance_id = $1 and action = 'lapse'`,
      [a!.instance_id],
    )
    expect(lapses.rows[0]!.n).toBe(1)
  })
})
