import { SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { claimJob } from '../../platform/job-once.ts'
import { armTimers, instanceClockJob, warnOf } from './clock.ts'
import { specOf } from './definitions.ts'
import { evaluateGuard } from './domain.ts'
import { type Engine, SYSTEM_ENGINE_ACTOR, TIMER_QUEUE, type TimerJob } from './engine.ts'
import { workflowRepo as repo, type TaskRow } from './repo.ts'
import { actInTx, notify, runEffects } from './transition.ts'

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
  await notify(
    eng,
    tx,
    {
      type: 'notify',
      to: 'assignees',
      title: job.kind === 'warn' ? '黄牌预警：办理时限将至' : '红牌督办：已超过办理时限',
      body: `${root.title}${inst.branch ? ` · ${inst.branch.name}` : ''}（${task.name}）`,
    },
    inst,
    root,
  )
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
    await notify(
      eng,
      tx,
      {
        type: 'notify',
        to: 'assignees',
        title: job.kind === 'warn' ? '黄牌预警：办理时限将至' : '红牌督办：已超过办理时限',
        body: `${root.title}${inst.branch ? ` · ${inst.branch.name}` : ''}（${task.name}）`,
      },
      inst,
      root,
    )
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
