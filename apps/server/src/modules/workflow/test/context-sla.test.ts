import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import type { Principal } from '../../../platform/auth/service.ts'
import type { WorkflowSpec } from '../domain.ts'

// Engine features added for the hotline (issue #4), tested on their own: an assignee department taken from the
// instance context, limits from the context (slaFrom), untimed tasks, a clock paused by a context guard
// (pauseWhen), deadline extension as a declared effect, and timer effects (yellow / red card signals).
let t: TestContext
const dept: Record<string, string> = {}
const fired: string[] = []

const spec: WorkflowSpec = {
  key: 'test.context-sla',
  name: '按上下文派单（测试）',
  initial: 'assign',
  slaFrom: 'context.sla.main',
  states: {
    assign: {
      name: '分派',
      assignee: { role: 'hotline_operator' },
      untimed: true,
      actions: [
        {
          key: 'send',
          name: '派单',
          to: 'ack',
          actors: [{ role: 'hotline_operator' }],
          input: { unitId: { type: 'uuid', module: true } },
        },
      ],
    },
    ack: {
      name: '签收',
      assignee: { role: 'handling_unit', department: { from: 'context.unitId' } },
      slaFrom: 'context.sla.ack',
      actions: [{ key: 'take', name: '签收', to: 'work', actors: [{ role: 'handling_unit' }] }],
    },
    work: {
      name: '办理',
      assignee: { role: 'handling_unit', department: { from: 'context.unitId' } },
      actions: [
        {
          key: 'ask_more',
          name: '申请延期',
          to: 'extension',
          actors: [{ role: 'handling_unit' }],
          input: { days: { type: 'integer', module: true } },
        },
        { key: 'finish', name: '办结', to: 'done', actors: [{ role: 'handling_unit' }] },
      ],
      warnEffects: [{ type: 'signal', name: 'test.yellow' }],
      overdueEffects: [{ type: 'signal', name: 'test.red' }],
    },
    extension: {
      name: '延期审核',
      assignee: { role: 'hotline_operator' },
      untimed: true,
      pauseWhen: { field: 'context.pause', eq: true },
      actions: [
        {
          key: 'grant',
          name: '批准',
          to: 'work',
          actors: [{ role: 'hotline_operator' }],
          effects: [{ type: 'extend_deadline', amountFrom: 'context.days', unit: 'workday' }],
        },
      ],
    },
    done: { name: '办结', final: true, outcome: 'approved' },
  },
}

async function principal(username: string): Promise<Principal> {
  const c = await t.login(username)
  return (await t.platform.auth.fromSession(c.cookie!.split('=')[1]!))!
}
const as = (p: Principal) => ({ kind: 'user' as const, id: p.userId })
const tasks = async (instanceId: string) =>
  (
    await t.platform.db.query(
      `select id, state, status, due_at, warn_at, paused_at, assignee_department_id from workflow_task
       where instance_id = $1 order by created_at, id`,
      [instanceId],
    )
  ).rows

async function start(context: Record<string, unknown>) {
  return t.platform.db.tx(async (tx) => {
    await t.services.workflow.publish(tx, spec, SYSTEM_ACTOR)
    return t.services.workflow.start(
      tx,
      {
        definitionKey: spec.key,
        subjectType: 'test_order',
        subjectId: crypto.randomUUID(),
        title: '上下文派单测试',
        divisionCode: '370612002',
        applicantId: null,
        context: {
          sla: { main: { amount: 5, unit: 'workday', warnBefore: 1 }, ack: { amount: 2, unit: 'hour' } },
          ...context,
        },
      },
      SYSTEM_ACTOR,
    )
  })
}

beforeAll(async () => {
  t = await createTestContext()
  for (const r of (await t.platform.db.query(`select id, code from core_org_unit`)).rows) dept[r.code] = r.id
  t.services.workflow.onSignal('test.yellow', async (_tx, { root }) => {
    fired.push(`yellow:${root.id}`)
  })
  t.services.workflow.onSignal('test.red', async (_tx, { root }) => {
    fired.push(`red:${root.id}`)
  })
})
afterAll(() => t.close())

describe('workflow engine: context-driven assignees and clocks', () => {
  it('limits come from the context; an untimed task has no deadline', async () => {
    const inst = await start({})
    expect(inst.dueAt).not.toBeNull()
    const [assign] = await tasks(inst.id)
    expect(assign).toMatchObject({ state: 'assign', due_at: null, warn_at: null })
  })

  it('the task belongs to the department named in the context: another unit is refused, the named one acts', async () => {
    const inst = await start({})
    const op = await principal('operator')
    await t.services.workflow.act(op, as(op), inst.id, 'send', { data: { unitId: dept['MP-T002'] }, origin: 'module' })
    const ack = (await tasks(inst.id)).find((k) => k.state === 'ack')!
    expect(ack.assignee_department_id).toBe(dept['MP-T002'])
    // The state's own limit (2 calendar hours from the context), not the instance's.
    expect(new Date(ack.due_at).getTime() - Date.now()).toBeLessThanOrEqual(2 * 3_600_000)
    const scj = await principal('unit')
    await expect(t.services.workflow.act(scj, as(scj), inst.id, 'take', {})).rejects.toMatchObject({
      code: 'WORKFLOW_NOT_PERMITTED',
    })
    const wh = await principal('wenhua')
    expect(
      (await t.services.workflow.worklist(wh, { limit: 100, offset: 0 })).items.some((i) => i.instanceId === inst.id),
    ).toBe(true)
    const after = await t.services.workflow.act(wh, as(wh), inst.id, 'take', {})
    expect(after.state).toBe('work')
    const work = (await tasks(inst.id)).find((k) => k.state === 'work')!
    expect(new Date(work.due_at).toISOString()).toBe(after.dueAt!.toISOString()) // inherits the instance limit
    expect(work.warn_at).not.toBeNull() // warnBefore of the context limit
  })

  it('pauseWhen pauses only when the context says so; extend_deadline moves the instance and its task', async () => {
    const op = await principal('operator')
    const wh = await principal('wenhua')
    for (const pause of [true, false]) {
      const inst = await start({ pause })
      await t.services.workflow.act(op, as(op), inst.id, 'send', {
        data: { unitId: dept['MP-T002'] },
        origin: 'module',
      })
      await t.services.workflow.act(wh, as(wh), inst.id, 'take', {})
      const asked = await t.services.workflow.act(wh, as(wh), inst.id, 'ask_more', {
        data: { days: 3 },
        origin: 'module',
      })
      expect(asked.pausedAt !== null).toBe(pause)
      const before = asked.dueAt!
      const granted = await t.services.workflow.act(op, as(op), inst.id, 'grant', {})
      expect(granted.pausedAt).toBeNull()
      const days = t.platform.calendar.workdaysBetween(
        before.toISOString().slice(0, 10),
        granted.dueAt!.toISOString().slice(0, 10),
      ).days
      expect(days).toBe(3)
      const work = (await tasks(inst.id)).filter((k) => k.state === 'work' && k.status === 'open')
      expect(work).toHaveLength(1)
      expect(new Date(work[0]!.due_at).toISOString()).toBe(granted.dueAt!.toISOString())
      // The timer armed for the moved deadline: its warning (which arms the due timer in turn), or the due one.
      const jobs = await t.platform.db.query(
        `select data->>'kind' as kind, data->>'at' as at from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1`,
        [work[0]!.id],
      )
      const warnAt = work[0]!.warn_at ? new Date(work[0]!.warn_at).toISOString() : null
      expect(jobs.rows).toContainEqual(
        warnAt && warnAt < granted.dueAt!.toISOString()
          ? { kind: 'warn', at: warnAt }
          : { kind: 'due', at: granted.dueAt!.toISOString() },
      )
    }
  })

  it('moveDeadline re-arms timers; the warning and due timers run the state’s timer effects', async () => {
    const op = await principal('operator')
    const wh = await principal('wenhua')
    const inst = await start({})
    await t.services.workflow.act(op, as(op), inst.id, 'send', { data: { unitId: dept['MP-T002'] }, origin: 'module' })
    await t.services.workflow.act(wh, as(wh), inst.id, 'take', {})
    const due = new Date(Date.now() + 10 * 24 * 3_600_000)
    await t.platform.db.tx((tx) => t.services.workflow.moveDeadline(tx, inst.id, due))
    const work = (await tasks(inst.id)).find((k) => k.state === 'work' && k.status === 'open')!
    expect(new Date(work.due_at).toISOString()).toBe(due.toISOString())
    await t.services.workflow.handleTimer({ taskId: work.id, kind: 'warn', at: new Date(work.warn_at).toISOString() })
    await t.services.workflow.handleTimer({ taskId: work.id, kind: 'due', at: due.toISOString() })
    expect(fired).toEqual([`yellow:${inst.id}`, `red:${inst.id}`])
    const flag = await t.platform.db.query('select sla_flag from workflow_task where id = $1', [work.id])
    expect(flag.rows[0]!.sla_flag).toBe('overdue')
  })
})
