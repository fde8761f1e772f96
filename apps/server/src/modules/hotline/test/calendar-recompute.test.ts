import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cstDate, endOfCstDay } from '../../workflow/index.ts'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// Deadlines that run into a year with no published schedule are computed on the fallback rules (provisional).
// When that year's schedule is imported, and again when it is revised, open deadlines move onto it.
let t: TestContext
let operator: Client
let admin: Client
const LIMIT = 300 // working days: from any date since 2025 the deadline lands beyond the seeded 2024–2026 data

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  admin = await t.login('admin')
  const s = (await admin.get('/api/hotline/settings')).json()
  s.timeLimits.handleByType = { complaint: { amount: LIMIT, unit: 'workday', warnBefore: 1 } }
  const put = await admin.put('/api/hotline/settings', { timeLimits: s.timeLimits })
  expect(put.statusCode, put.body).toBe(200)
})
afterAll(() => t.close())

const FIXED = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'] // the fallback rules' holidays

async function importYear(year: number, extra: string[]) {
  const r = await admin.post(`/api/calendar/years/${year}`, {
    source: `测试 ${year}`,
    holidays: [...FIXED.map((d) => `${year}-${d}`), ...extra].map((date) => ({ date, name: '测试假日' })),
    workdays: [],
  })
  expect(r.statusCode, r.body).toBe(201)
  await t.platform.events.drain()
}

describe('a holiday schedule imported for a year that open deadlines run into', () => {
  it('moves the order deadline, its timers and its yellow-card time, and says so on the timeline', async () => {
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101'), { requestType: 'complaint' }))
    await act(operator, order.id, 'dispatch', { unitId: await unitId(t, 'MP-T002') })
    const d0 = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    const inst = (
      await t.platform.db.query(
        `select i.id, i.started_at, i.due_at, i.due_provisional from workflow_instance i
         join hotline_order o on o.workflow_instance_id = i.id where o.id = $1`,
        [order.id],
      )
    ).rows[0]!
    expect(inst.due_provisional).toBe(true)
    expect(inst.due_at.toISOString()).toBe(d0.dueAt)
    const provisionalDue = new Date(d0.dueAt)
    const year = Number(cstDate(provisionalDue).slice(0, 4))
    const task = (
      await t.platform.db.query(
        `select id from workflow_task where instance_id = $1 and state = 'pending_ack' and status = 'open'`,
        [inst.id],
      )
    ).rows[0]!

    // The schedule makes the working day before the provisional deadline a holiday (or the deadline's own day, if
    // that is the year's first): the deadline moves to the next working day, and so does its yellow card.
    const dayBefore = t.platform.calendar.addWorkdays(cstDate(provisionalDue), -1).date
    const oldWarnAt = endOfCstDay(dayBefore).toISOString()
    await importYear(year, [dayBefore.startsWith(`${year}-`) ? dayBefore : cstDate(provisionalDue)])
    const expected = endOfCstDay(t.platform.calendar.addWorkdays(cstDate(inst.started_at), LIMIT).date)
    expect(expected.getTime()).toBeGreaterThan(provisionalDue.getTime())
    let d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.dueAt).toBe(expected.toISOString())
    expect(d.ackDueAt).toBe(d0.ackDueAt) // this year's 签收 limit is not on that calendar
    const entry = d.timeline.at(-1)
    expect(entry.action).toBe('deadline_recomputed')
    expect(entry.reason).toContain(`${year}年节假日安排`)
    expect(entry.reason).toContain(`${cstDate(provisionalDue)} 23:59 → ${cstDate(expected)} 23:59`)

    // The engine: the instance deadline, a history row, and the 待签收 task's watch of it re-armed.
    const moved = (
      await t.platform.db.query('select due_at, due_provisional from workflow_instance where id = $1', [inst.id])
    ).rows[0]!
    expect(moved.due_at.toISOString()).toBe(expected.toISOString())
    // Still provisional while another year the clock spans has no published schedule.
    const spans = (to: Date) => t.platform.calendar.workdaysBetween(cstDate(inst.started_at), cstDate(to))
    expect(moved.due_provisional).toBe(spans(expected).provisional)
    const history = await t.platform.db.query(
      `select action, comment from workflow_transition where instance_id = $1 and action = 'recompute_deadline'`,
      [inst.id],
    )
    expect(history.rows).toHaveLength(1)
    expect(history.rows[0]!.comment).toContain(cstDate(expected))
    const timers = await t.platform.db.query(
      `select data from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1 and data->>'clock' = 'instance'
       order by created_on`,
      [task.id],
    )
    const warnAt = endOfCstDay(t.platform.calendar.addWorkdays(cstDate(expected), -1).date).toISOString()
    expect(timers.rows.map((r) => r.data.at)).toContain(warnAt)
    expect(timers.rows.map((r) => r.data.at)).toEqual([oldWarnAt, warnAt])
    // The old warning is stale now: firing it gives no yellow card.
    await t.services.workflow.handleTimer(timers.rows[0]!.data)
    d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.timeline.map((e: { action: string }) => e.action)).not.toContain('yellow_card')

    // A revision that drops the holiday again moves the deadline back: each version moves from the one before.
    await importYear(year, [])
    d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.dueAt).toBe(provisionalDue.toISOString())
    expect(d.timeline.filter((e: { action: string }) => e.action === 'deadline_recomputed')).toHaveLength(2)
    // An import for a year no open clock touches changes nothing.
    await importYear(year + 3, [])
    d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.timeline.filter((e: { action: string }) => e.action === 'deadline_recomputed')).toHaveLength(2)

    // Once every year the clock spans is published, the deadline is no longer provisional.
    for (let y = Number(cstDate(inst.started_at).slice(0, 4)); y < year; y++)
      if (!t.platform.calendar.data().has(y)) await importYear(y, [])
    expect(spans(provisionalDue).provisional).toBe(false)
    const settled = await t.platform.db.query('select due_provisional from workflow_instance where id = $1', [inst.id])
    expect(settled.rows[0]!.due_provisional).toBe(false)
  })
})
