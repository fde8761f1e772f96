import type { Tx } from '../../platform/db.ts'
import { specOf } from './definitions.ts'
import { type Duration, durationAt, shiftForPause, type WorkflowSpec } from './domain.ts'
import { type Engine, TIMER_QUEUE, type TimerJob } from './engine.ts'
import { type InstanceRow, workflowRepo as repo, type TaskRow } from './repo.ts'

/** Arms the warning and due timers of tasks: durable pg-boss jobs written in the same transaction. */
export async function scheduleTimers(eng: Engine, tx: Tx, tasks: TaskRow[]) {
  const jobs: TimerJob[] = []
  // One timer per task at a time: the warning, whose handler then arms the due timer (half the job rows).
  for (const t of tasks) {
    if (t.pausedAt) continue
    if (t.warnAt && (!t.dueAt || t.warnAt < t.dueAt))
      jobs.push({ taskId: t.id, kind: 'warn', at: t.warnAt.toISOString() })
    else if (t.dueAt) jobs.push({ taskId: t.id, kind: 'due', at: t.dueAt.toISOString() })
  }
  await armTimers(eng, tx, jobs)
}
export async function armTimers(eng: Engine, tx: Tx, jobs: TimerJob[]) {
  await eng.platform.jobs.insertInTx(
    tx,
    jobs.map((data) => ({ name: TIMER_QUEUE, data, startAfter: new Date(data.at), retryLimit: 5 })),
  )
}
export const scheduleTaskTimers = (eng: Engine, tx: Tx, task: TaskRow) => scheduleTimers(eng, tx, [task])

/** The next timer on the instance deadline for an open task of a state that watches it (warning, then due). */
export function instanceClockJob(
  eng: Engine,
  task: TaskRow,
  inst: InstanceRow,
  spec: WorkflowSpec,
  after?: 'warn',
): TimerJob | null {
  if (!spec.states[task.state]?.instanceDeadline || task.pausedAt || !inst.dueAt) return null
  if (task.dueAt?.getTime() === inst.dueAt.getTime()) return null // the task's own timers are these
  const warnAt = after ? null : warnOf(eng, inst, spec)
  if (warnAt && warnAt < inst.dueAt)
    return { taskId: task.id, kind: 'warn', at: warnAt.toISOString(), clock: 'instance' }
  return { taskId: task.id, kind: 'due', at: inst.dueAt.toISOString(), clock: 'instance' }
}
export async function armInstanceClocks(
  eng: Engine,
  tx: Tx,
  pairs: { task: TaskRow; inst: InstanceRow; spec: WorkflowSpec }[],
) {
  const jobs = pairs.flatMap(({ task, inst, spec }) => instanceClockJob(eng, task, inst, spec) ?? [])
  if (jobs.length) await armTimers(eng, tx, jobs)
}
/** A task's timers after its clock moved or restarted: its own deadline and, where watched, the instance's. */
export async function rearmTask(eng: Engine, tx: Tx, task: TaskRow, inst: InstanceRow) {
  await scheduleTaskTimers(eng, tx, task)
  await armInstanceClocks(eng, tx, [{ task, inst, spec: await specOf(eng, tx, inst.definitionId) }])
}

/** Stops the clocks of an instance and its ancestors (补正: the matter is with the applicant). */
export async function pause(_eng: Engine, tx: Tx, inst: InstanceRow, now: Date) {
  for (
    let cur: InstanceRow | null = inst;
    cur;
    cur = cur.parentId ? await repo.findInstance(tx, cur.parentId, { lock: true }) : null
  ) {
    cur.pauseDepth += 1
    if (cur.pauseDepth === 1) {
      cur.pausedAt = now
      for (const t of await repo.openTasks(tx, cur.id)) await repo.updateTaskClock(tx, { ...t, pausedAt: now })
    }
    await repo.updateInstance(tx, cur)
  }
}

/** Restarts the clocks; deadlines move by the working days (or hours) the pause lasted, timers are re-armed. */
export async function resume(eng: Engine, tx: Tx, inst: InstanceRow, now: Date) {
  for (
    let cur: InstanceRow | null = inst;
    cur;
    cur = cur.parentId ? await repo.findInstance(tx, cur.parentId, { lock: true }) : null
  ) {
    if (cur.pauseDepth === 0) continue
    cur.pauseDepth -= 1
    if (cur.pauseDepth === 0 && cur.pausedAt) {
      const pausedAt = cur.pausedAt
      const unit = (await instanceSla(eng, tx, cur))?.unit ?? 'workday'
      if (cur.dueAt) cur.dueAt = shiftForPause(cur.dueAt, pausedAt, now, unit, eng.calendar)
      cur.pausedTotalMs += now.getTime() - pausedAt.getTime()
      cur.pausedAt = null
      for (const t of await repo.openTasks(tx, cur.id)) {
        if (!t.pausedAt) continue
        const moved = {
          id: t.id,
          dueAt: t.dueAt ? shiftForPause(t.dueAt, t.pausedAt, now, unit, eng.calendar) : null,
          warnAt: t.warnAt ? shiftForPause(t.warnAt, t.pausedAt, now, unit, eng.calendar) : null,
          pausedAt: null,
        }
        await repo.updateTaskClock(tx, moved)
        await rearmTask(eng, tx, { ...t, ...moved }, cur)
      }
    }
    await repo.updateInstance(tx, cur)
  }
}

/** The limit the whole instance runs against: its branch's, the one named by slaFrom, or the definition's. */
export function slaOf(inst: InstanceRow, spec: WorkflowSpec): (Duration & { warnBefore?: number }) | null {
  return inst.branch?.sla ?? durationAt(spec.slaFrom, inst.context) ?? spec.sla ?? null
}
export async function instanceSla(eng: Engine, q: Tx, inst: InstanceRow) {
  return slaOf(inst, await specOf(eng, q, inst.definitionId))
}

/**
 * Moves the instance deadline to `dueAt` (an approved extension): open tasks working against the instance
 * deadline move with it, get a fresh warning time and flag, and their timers are re-armed (old ones go stale).
 */
export async function moveDeadline(eng: Engine, tx: Tx, inst: InstanceRow, dueAt: Date, now: Date) {
  const spec = await specOf(eng, tx, inst.definitionId)
  const old = inst.dueAt
  inst.dueAt = dueAt
  await repo.updateInstance(tx, inst)
  for (const t of await repo.openTasks(tx, inst.id)) {
    if (!old || t.dueAt?.getTime() !== old.getTime()) {
      await armInstanceClocks(eng, tx, [{ task: t, inst, spec }]) // a task watching the instance deadline
      continue
    }
    const moved = { id: t.id, dueAt, warnAt: warnOf(eng, inst, spec), pausedAt: t.pausedAt }
    await repo.updateTaskClock(tx, moved)
    const flag = now > dueAt ? 'overdue' : moved.warnAt && now > moved.warnAt ? 'warning' : 'on_track'
    await repo.setTaskFlag(tx, t.id, flag)
    await scheduleTaskTimers(eng, tx, { ...t, ...moved })
  }
}

export function warnOf(eng: Engine, inst: InstanceRow, spec: WorkflowSpec): Date | null {
  const sla = slaOf(inst, spec)
  if (!inst.dueAt || !sla?.warnBefore) return null
  if (sla.unit === 'hour') return new Date(inst.dueAt.getTime() - sla.warnBefore * 3_600_000)
  const d = eng.calendar.addWorkdays(
    new Date(inst.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    -sla.warnBefore,
  )
  return new Date(`${d.date}T23:59:59.999+08:00`)
}
