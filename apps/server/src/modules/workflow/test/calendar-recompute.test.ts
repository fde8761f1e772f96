import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { cstDate, endOfCstDay, type WorkflowSpec } from '../domain.ts'
import type { DeadlineChange } from '../service.ts'

// The engine's side of a holiday-schedule import, for any subject (approval cases, service requests …): a
// working-day instance deadline and a task's own working-day deadline move, an hour deadline does not, and the
// owning module hears of it.
let t: TestContext
const heard: DeadlineChange[] = []
const LIMIT = 300

const spec: WorkflowSpec = {
  key: 'test.calendar-recompute',
  name: '期限重算（测试）',
  initial: 'review',
  sla: { amount: LIMIT, unit: 'workday', warnBefore: 2 },
  states: {
    review: {
      name: '审查',
      assignee: { role: 'hotline_operator' },
      sla: { amount: LIMIT - 10, unit: 'workday' },
      actions: [{ key: 'pass', name: '通过', to: 'done', actors: [{ role: 'hotline_operator' }] }],
    },
    done: { name: '办结', final: true, outcome: 'approved' },
  },
}
const { sla: _own, ...inherits } = spec.states.review!
const hourly: WorkflowSpec = {
  ...spec,
  key: 'test.calendar-recompute-hours',
  sla: { amount: 9000, unit: 'hour' },
  states: { ...spec.states, review: inherits },
}

async function start(s: WorkflowSpec) {
  return t.platform.db.tx(async (tx) => {
    await t.services.workflow.publish(tx, s, SYSTEM_ACTOR)
    return t.services.workflow.start(
      tx,
      {
        definitionKey: s.key,
        subjectType: 'test_case',
        subjectId: crypto.randomUUID(),
        title: '期限重算测试',
        divisionCode: '370612002',
        applicantId: null,
        context: {},
      },
      SYSTEM_ACTOR,
    )
  })
}
const row = async (id: string) =>
  (await t.platform.db.query('select due_at, started_at from workflow_instance where id = $1', [id])).rows[0]!
const task = async (id: string) =>
  (await t.platform.db.query(`select due_at, warn_at, created_at from workflow_task where instance_id = $1`, [id]))
    .rows[0]!

beforeAll(async () => {
  t = await createTestContext()
  t.services.workflow.onDeadlinesRecomputed('test_case', async (_tx, c) => {
    heard.push(c)
  })
})
afterAll(() => t.close())

describe('platform.calendar.imported', () => {
  it('moves working-day deadlines that cross the year onto the new schedule, and tells the subject module', async () => {
    const inst = await start(spec)
    const byHours = await start(hourly)
    await t.platform.events.drain() // the seeded years' own events: nothing started before them
    heard.length = 0
    const before = await row(inst.id)
    const own = await task(inst.id)
    const hoursDue = (await row(byHours.id)).due_at.toISOString()
    const year = Number(cstDate(before.due_at).slice(0, 4))
    // A holiday on a working day inside the year, before both deadlines: each moves one working day on.
    const day = t.platform.calendar.addWorkdays(cstDate(own.due_at), -1).date
    const holiday = day.startsWith(`${year}-`) ? day : cstDate(own.due_at)
    const fixed = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'].map((d) => `${year}-${d}`)
    await t.platform.calendar.importYear(SYSTEM_ACTOR, year, {
      source: '测试',
      holidays: [...fixed, holiday].map((date) => ({ date, name: '测试' })),
      workdays: [],
    })
    await t.platform.events.drain()
    // Now as if computed on the new schedule from the start: one working day later than before.
    const fromStart = (d: Date, n: number) => endOfCstDay(t.platform.calendar.addWorkdays(cstDate(d), n).date)
    const expectInstance = fromStart(before.started_at, LIMIT)
    const expectTask = fromStart(own.created_at, LIMIT - 10)
    expect(cstDate(expectTask)).toBe(t.platform.calendar.addWorkdays(cstDate(own.due_at), 1).date)
    expect(expectInstance.getTime()).toBeGreaterThan(before.due_at.getTime())
    expect((await row(inst.id)).due_at.toISOString()).toBe(expectInstance.toISOString())
    const moved = await task(inst.id)
    expect(moved.due_at.toISOString()).toBe(expectTask.toISOString())
    // Hours are hours, whatever the holidays.
    expect((await row(byHours.id)).due_at.toISOString()).toBe(hoursDue)
    expect(heard).toHaveLength(1)
    expect(heard[0]).toMatchObject({ year, version: 1, instance: { id: inst.id } })
    expect(heard[0]!.tasks).toEqual([
      { taskId: expect.any(String), state: 'review', from: own.due_at, to: moved.due_at },
    ])
    const history = await t.platform.db.query(
      `select actor_kind, comment from workflow_transition where instance_id = $1 and action = 'recompute_deadline'`,
      [inst.id],
    )
    expect(history.rows).toEqual([{ actor_kind: 'system', comment: expect.stringContaining(`${year}年节假日安排`) }])
    const audit = await t.platform.db.query(
      `select count(*)::int n from core_audit_log where action = 'workflow.recompute_deadline' and resource_id = $1`,
      [inst.id],
    )
    expect(audit.rows[0]!.n).toBe(1)
  })
})
