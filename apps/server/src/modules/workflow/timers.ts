import { SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { claimJob, claimJobs } from '../../platform/job-once.ts'
import { armTimers, instanceClockJob, warnOf } from './clock.ts'
import { specOf } from './definitions.ts'
import { evaluateGuard } from './domain.ts'
import { type Engine, SYSTEM_ENGINE_ACTOR, TIMER_QUEUE, type TimerJob } from './engine.ts'
import { type InstanceRow, workflowRepo as repo, type TaskRow } from './repo.ts'
import { actInTx, type Notice, notifyMany, runEffects } from './transition.ts'

/**
 * The instance deadline watched by an open task fired (待签收 past the handling limit's warning or deadline):
 * a stale job (deadline moved, state left) does nothing; the task turns red at the deadline, never back.
 */
export async function instanceClockFired(eng: Engine, tx: Tx, task: TaskRow, job: TimerJob) {
  const inst = (await repo.findInstance(tx, task.instanceId))!
  const spec = await specOf(eng, tx, inst.definitionId)
  const watch = task.state === inst.state ? spec.states[inst.state]?.instanceDeadline : undefined
  if (!watch) return
  if ((job.kind === 'warn' ? warnOf(eng, inst, spec) : inst.dueAt)?.toISOString() !== job.at) return
  if (job.kind === 'due') await repo.setTaskFlag(tx, task.id, 'overdue')
  else if (task.slaFlag === 'on_track') await repo.setTaskFlag(tx, task.id, 'warning')
  if (job.kind === 'warn') {
    const next = instanceClockJob(eng, task, inst, spec, 'warn')
    if (next) await armTimers(eng, tx, [next])
  }
  const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
  await notifyMany(eng, tx, [cardNotice(job, task, inst, root)])
  await runEffects(eng, tx, job.kind === 'warn' ? watch.warnEffects : watch.overdueEffects, inst, SYSTEM_ACTOR)
}

/** A durable timer fired (pg-boss; effects once per job id). Stale timers (task closed, clock paused or moved)
 * do nothing; a due timer marks the task red and takes the state's onOverdue action as the system (默认同意). */
export async function handleTimer(eng: Engine, job: TimerJob, now = new Date(), jobId?: string) {
  await eng.platform.db.tx(async (tx) => {
    if (jobId && !(await claimJob(tx, TIMER_QUEUE, jobId))) return // this job's effects already committed
    const task = await repo.findTask(tx, job.taskId)
    if (task?.status !== 'open' || task.pausedAt) return
    if (job.clock === 'instance') return instanceClockFired(eng, tx, task, job)
    if ((job.kind === 'warn' ? task.warnAt : task.dueAt)?.toISOString() !== job.at) return
    await repo.setTaskFlag(tx, task.id, job.kind === 'warn' ? 'warning' : 'overdue')
    if (job.kind === 'warn' && task.dueAt)
      await armTimers(eng, tx, [{ taskId: task.id, kind: 'due', at: task.dueAt.toISOString() }])
    const inst = (await repo.findInstance(tx, task.instanceId))!
    const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
    await notifyMany(eng, tx, [cardNotice(job, task, inst, root)])
    const spec = await specOf(eng, tx, inst.definitionId)
    const timerEffects =
      task.state === inst.state
        ? spec.states[inst.state]?.[job.kind === 'warn' ? 'warnEffects' : 'overdueEffects']
        : undefined
    await runEffects(eng, tx, timerEffects, inst, SYSTEM_ACTOR)
    if (job.kind !== 'due') return
    const overdue = spec.states[inst.state]?.onOverdue
    if (!overdue) return
    const action = spec.states[inst.state]?.actions?.find((a) => a.key === overdue.action)
    if (!action || !evaluateGuard(action.guard, { context: inst.context, branch: inst.branch ?? {}, input: {} })) return
    await tx.query('savepoint overdue_action')
    try {
      await actInTx(
        eng,
        tx,
        SYSTEM_ENGINE_ACTOR,
        SYSTEM_ACTOR,
        inst.id,
        overdue.action,
        { comment: `逾期未办理，系统按规则自动处理：${action.name}` },
        now,
      )
      await tx.query('release savepoint overdue_action')
    } catch (err) {
      await tx.query('rollback to savepoint overdue_action')
      throw err
    }
  })
}

/**
 * Fires a slice of a fetched batch of timers in one transaction (timers due at one instant come by the thousand):
 * one claim, one read of the tasks and instances, one flag update, one insert of the due timers armed, the
 * notifications written together at commit. A timer that may act or run effects (onOverdue, timer effects, an
 * instance clock) takes the one-by-one path in its own transaction, so a batch never locks several instance trees.
 * When the batch fails, every timer of it is retried alone: one bad timer fails alone, the others fire once.
 * Answers per timer null (done) or its error.
 */
export async function handleTimers(
  eng: Engine,
  items: { job: TimerJob; jobId: string }[],
  now = new Date(),
): Promise<unknown[]> {
  const errors: unknown[] = items.map(() => null)
  let alone: number[]
  try {
    alone = await eng.platform.db.tx((tx) => fireBatch(eng, tx, items))
  } catch {
    alone = items.map((_, i) => i)
  }
  for (const i of alone)
    try {
      await handleTimer(eng, items[i]!.job, now, items[i]!.jobId)
    } catch (err) {
      errors[i] = err
    }
  return errors
}

/** The yellow card (warning) or red card (overdue) sent to a task's holders. */
function cardNotice(job: TimerJob, task: TaskRow, inst: InstanceRow, root: InstanceRow): Notice {
  const title = job.kind === 'warn' ? '黄牌预警：办理时限将至' : '红牌督办：已超过办理时限'
  const body = `${root.title}${inst.branch ? ` · ${inst.branch.name}` : ''}（${task.name}）`
  return { effect: { type: 'notify', to: 'assignees', title, body }, inst, root }
}

/** The batch transaction; answers the indexes of the timers left for the one-by-one path. */
async function fireBatch(eng: Engine, tx: Tx, items: { job: TimerJob; jobId: string }[]): Promise<number[]> {
  const tasks = new Map((await repo.findTasks(tx, [...new Set(items.map((x) => x.job.taskId))])).map((t) => [t.id, t]))
  const open = [...tasks.values()].filter((t) => t.status === 'open' && !t.pausedAt)
  const insts = new Map(
    (await repo.findInstances(tx, [...new Set(open.map((t) => t.instanceId))])).map((i) => [i.id, i]),
  )
  const alone: number[] = []
  const claim: number[] = []
  const fire: number[] = []
  const firing = new Set<string>()
  for (const [i, { job }] of items.entries()) {
    const task = tasks.get(job.taskId)
    if (task?.status !== 'open' || task.pausedAt) {
      claim.push(i) // stale: claimed, no effect
      continue
    }
    if (job.clock === 'instance' || firing.has(task.id)) {
      alone.push(i)
      continue
    }
    if ((job.kind === 'warn' ? task.warnAt : task.dueAt)?.toISOString() !== job.at) {
      claim.push(i)
      continue
    }
    const inst = insts.get(task.instanceId)!
    const state = (await specOf(eng, tx, inst.definitionId)).states[inst.state]
    const effects =
      task.state === inst.state ? state?.[job.kind === 'warn' ? 'warnEffects' : 'overdueEffects'] : undefined
    if (effects?.length || (job.kind === 'due' && state?.onOverdue)) {
      alone.push(i)
      continue
    }
    firing.add(task.id)
    claim.push(i)
    fire.push(i)
  }
  const claimed = await claimJobs(
    tx,
    TIMER_QUEUE,
    claim.map((i) => items[i]!.jobId),
  )
  const mine = fire.filter((i) => claimed.has(items[i]!.jobId)) // the others' effects already committed
  if (!mine.length) return alone
  const fired = mine.map((i) => ({ job: items[i]!.job, task: tasks.get(items[i]!.job.taskId)! }))
  await repo.setTaskFlags(
    tx,
    fired.map(({ job, task }) => ({ id: task.id, flag: job.kind === 'warn' ? 'warning' : 'overdue' })),
  )
  const next = fired.flatMap(({ job, task }) =>
    job.kind === 'warn' && task.dueAt ? [{ taskId: task.id, kind: 'due' as const, at: task.dueAt.toISOString() }] : [],
  )
  if (next.length) await armTimers(eng, tx, next)
  const rootIds = [...new Set(fired.map(({ task }) => task.rootId))].filter((id) => !insts.has(id))
  for (const r of await repo.findInstances(tx, rootIds)) insts.set(r.id, r)
  await notifyMany(
    eng,
    tx,
    fired.map(({ job, task }) => {
      const inst = insts.get(task.instanceId)!
      return cardNotice(job, task, inst, insts.get(inst.rootId)!)
    }),
  )
  return alone
}
