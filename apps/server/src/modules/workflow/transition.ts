import { type Actor, recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { armInstanceClocks, moveDeadline, pause, resume, scheduleTaskTimers } from './clock.ts'
import { refusal } from './conflict.ts'
import { specOf } from './definitions.ts'
import {
  actorMay,
  type BranchData,
  type Effect,
  type EngineActor,
  evaluateGuard,
  evaluateJoin,
  extendDeadline,
  getPath,
  pausesClock,
} from './domain.ts'
import { type ActInput, type Engine, fill, view } from './engine.ts'
import {
  commentRequired,
  concurrentUpdate,
  guardFailed,
  inputInvalid,
  instanceNotFound,
  notPermitted,
  signalUnhandled,
} from './errors.ts'
import { inputIssues } from './input.ts'
import { type InstanceRow, workflowRepo as repo, type TaskRow } from './repo.ts'
import { startChildren, taskFor } from './start.ts'

type NotifyEffect = Extract<Effect, { type: 'notify' }>

/** A notify effect of one instance; `openTasks` when the caller already holds them (a batch, new tasks). */
export interface Notice {
  effect: NotifyEffect
  inst: InstanceRow
  root: InstanceRow
  openTasks?: TaskRow[]
}

/**
 * Notify effects of several instances at once (a 14-branch fan-out, a slice of timers): one read of their open
 * tasks, one query for the holders of those tasks, one outbox event for the transaction.
 */
export async function notifyMany(eng: Engine, tx: Tx, notices: Notice[]) {
  const unread = notices.filter((n) => n.effect.to === 'assignees' && !n.openTasks).map((n) => n.inst.id)
  const open = new Map<string, TaskRow[]>()
  if (unread.length)
    for (const t of await repo.openTasksOf(tx, [...new Set(unread)]))
      open.set(t.instanceId, [...(open.get(t.instanceId) ?? []), t])
  const tasksOf = (n: Notice) => (n.effect.to === 'assignees' ? (n.openTasks ?? open.get(n.inst.id) ?? []) : [])
  const holders = await repo.userIdsForMany(
    tx,
    notices.flatMap((n) =>
      tasksOf(n)
        .filter((t) => t.assigneeRoles.length)
        .map((t) => ({ roles: t.assigneeRoles, departmentId: t.assigneeDepartmentId, divisionCode: t.divisionCode })),
    ),
  )
  let k = 0
  for (const n of notices) {
    const { effect, inst, root } = n
    const userIds = effect.to === 'applicant' && root.applicantId ? [root.applicantId] : []
    for (const t of tasksOf(n))
      if (t.assigneeRoles.length) userIds.push(...holders[k++]!)
      else if (t.assigneeApplicant && root.applicantId) userIds.push(root.applicantId)
    const scope = { context: root.context, branch: inst.branch ?? {}, title: root.title }
    await eng.platform.notifications.send(tx, {
      userIds: [...new Set(userIds)],
      title: fill(effect.title, scope),
      body: fill(effect.body, scope),
      link: `/workflow/instances/${root.id}`,
    })
  }
}

export function notify(eng: Engine, tx: Tx, effect: NotifyEffect, inst: InstanceRow, root: InstanceRow) {
  return notifyMany(eng, tx, [{ effect, inst, root }])
}

export async function runEffects(
  eng: Engine,
  tx: Tx,
  effects: Effect[] | undefined,
  inst: InstanceRow,
  actor: Actor,
  requestId?: string,
) {
  if (!effects?.length) return
  const root = inst.rootId === inst.id ? inst : ((await repo.findInstance(tx, inst.rootId)) as InstanceRow)
  for (const e of effects) {
    if (e.type === 'notify') await notify(eng, tx, e, inst, root)
    else if (e.type === 'extend_deadline') {
      const amount = Number(getPath({ context: inst.context, branch: inst.branch ?? {} }, e.amountFrom))
      const fresh = (await repo.findInstance(tx, inst.id))!
      if (amount > 0 && fresh.dueAt)
        await moveDeadline(eng, tx, fresh, extendDeadline(fresh.dueAt, amount, e.unit, eng.calendar), new Date())
      inst.dueAt = fresh.dueAt
    } else {
      const handler = eng.signals.get(e.name)
      if (!handler) throw signalUnhandled({ name: e.name })
      await handler(tx, { instance: inst, root, actor, requestId })
    }
  }
}

export async function enterState(
  eng: Engine,
  tx: Tx,
  inst: InstanceRow,
  stateKey: string,
  now: Date,
  actor: Actor,
  requestId?: string,
) {
  const spec = await specOf(eng, tx, inst.definitionId)
  const s = spec.states[stateKey]!
  if (inst.state !== stateKey) {
    inst.state = stateKey
    await repo.updateInstance(tx, inst)
  }
  if (pausesClock(s, inst.context)) await pause(eng, tx, inst, now)

  if (s.final) {
    inst.status = 'completed'
    inst.outcome = s.outcome ?? null
    inst.completedAt = now
    await repo.updateInstance(tx, inst)
    await repo.closeTasks(tx, inst.id, 'cancelled', null, null)
    await runEffects(eng, tx, s.effects, inst, actor, requestId)
    await eng.platform.events.enqueue(tx, 'workflow.instance.completed', {
      instanceId: inst.id,
      rootId: inst.rootId,
      subjectType: inst.subjectType,
      subjectId: inst.subjectId,
      outcome: inst.outcome,
    })
    if (inst.parentId) await onChildCompleted(eng, tx, inst.parentId, now, requestId)
    return
  }

  if (s.parallel) {
    const branches = (getPath(inst.context, s.parallel.branchesFrom) ?? []) as BranchData[]
    await startChildren(eng, tx, inst, s.parallel.definition, branches, now, actor, requestId)
    await runEffects(eng, tx, s.effects, inst, actor, requestId)
    if (branches.length === 0) await onChildCompleted(eng, tx, inst.id, now, requestId) // nothing to wait for
    return
  }

  if (s.assignee) {
    const task = await repo.insertTask(tx, taskFor(eng, inst, stateKey, s, now, spec))
    await scheduleTaskTimers(eng, tx, task)
    await armInstanceClocks(eng, tx, [{ task, inst, spec }])
  }
  await runEffects(eng, tx, s.effects, inst, actor, requestId)
}

export async function cancelActiveChildren(eng: Engine, tx: Tx, parentId: string, now: Date) {
  for (const k of (await repo.children(tx, parentId)).filter((x) => x.status === 'active')) {
    await cancelActiveChildren(eng, tx, k.id, now)
    k.status = 'cancelled'
    k.completedAt = now
    await repo.updateInstance(tx, k)
    await repo.closeTasks(tx, k.id, 'cancelled', null, null)
  }
}

/** A branch finished: evaluate the parent's declared join; when decided, cancel the rest and move the parent on. */
export async function onChildCompleted(eng: Engine, tx: Tx, parentId: string, now: Date, requestId?: string) {
  // The parent row lock serialises branches finishing at the same time, so exactly one of them sees the join.
  const parent = await repo.findInstance(tx, parentId, { lock: true })
  if (parent?.status !== 'active') return
  const spec = await specOf(eng, tx, parent.definitionId)
  const par = spec.states[parent.state]?.parallel
  if (!par) return
  const kids = (await repo.children(tx, parent.id)).filter((k) => k.status !== 'cancelled' || k.outcome)
  const result = evaluateJoin(
    par.join,
    kids.map((k) => (k.status === 'completed' ? (k.outcome === 'approved' ? 'approved' : 'rejected') : null)),
  )
  if (result === 'pending') return
  await cancelActiveChildren(eng, tx, parent.id, now)
  const to = result === 'approved' ? par.onApproved : par.onRejected
  await repo.bumpVersion(tx, parent.id, parent.version)
  parent.version += 1
  await repo.insertTransition(tx, {
    instanceId: parent.id,
    rootId: parent.rootId,
    fromState: parent.state,
    toState: to,
    action: `join:${result}`,
    actorId: null,
    actorKind: 'system',
    actorName: 'system',
    comment: null,
    attachments: [],
    data: { outcomes: kids.map((k) => ({ branch: k.branch?.key, outcome: k.outcome })) },
  })
  await enterState(eng, tx, parent, to, now, SYSTEM_ACTOR, requestId)
}

/**
 * One lock order for instance rows: ancestors before descendants, root first. A branch's action reaches its
 * parent (join, clock pause) and a parent's join cancels sibling branches, so locking the child first deadlocks.
 */
export async function lockAncestors(_eng: Engine, tx: Tx, inst: InstanceRow) {
  const chain: string[] = []
  for (let id = inst.parentId; id; ) {
    chain.unshift(id)
    id = (await repo.findInstance(tx, id))?.parentId ?? null
  }
  for (const id of chain) await repo.findInstance(tx, id, { lock: true })
}

export async function actInTx(
  eng: Engine,
  tx: Tx,
  actor: EngineActor,
  auditActor: Actor,
  instanceId: string,
  actionKey: string,
  input: ActInput,
  now: Date,
  requestId?: string,
): Promise<InstanceRow> {
  const inst = await repo.findInstance(tx, instanceId)
  if (!inst) throw instanceNotFound()
  const spec = await specOf(eng, tx, inst.definitionId)
  const state = spec.states[inst.state]!
  if (input.expectedVersion !== undefined && input.expectedVersion !== inst.version) throw concurrentUpdate()
  const action = inst.status === 'active' ? state.actions?.find((a) => a.key === actionKey) : undefined
  if (!action) throw await refusal(tx, spec, inst, actionKey)
  if (!actorMay(action, actor, view(inst), state.assignee)) throw notPermitted({ action: action.name })
  const issues = inputIssues(spec, action, input.data, input.origin ?? 'caller')
  if (issues.length) {
    const keys = [...new Set(issues.map((i) => i.key))]
    throw inputInvalid({ action: action.name, keys: keys.join('、') }, { keys, issues })
  }
  if (!evaluateGuard(action.guard, { context: inst.context, branch: inst.branch ?? {}, input: input.data ?? {} }))
    throw guardFailed({ action: action.name })
  if (action.requireComment && !input.comment?.trim()) throw commentRequired({ action: action.name })
  await lockAncestors(eng, tx, inst)
  // Optimistic lock first: a concurrent second actor waits on this row, then finds the version moved → 409.
  if (!(await repo.bumpVersion(tx, inst.id, inst.version))) throw concurrentUpdate()
  inst.version += 1

  await repo.closeTasks(tx, inst.id, 'done', auditActor.kind === 'user' ? auditActor.id : null, action.key)
  // Leaving a parallel state by an action (withdrawal, termination) ends the branches still running.
  if (state.parallel) await cancelActiveChildren(eng, tx, inst.id, now)
  const nextContext = input.data ? { ...inst.context, ...input.data } : inst.context
  if (pausesClock(state, inst.context) && !pausesClock(spec.states[action.to], nextContext))
    await resume(eng, tx, inst, now)
  if (input.data) {
    inst.context = nextContext
    await repo.updateInstance(tx, inst)
  }
  await repo.insertTransition(tx, {
    instanceId: inst.id,
    rootId: inst.rootId,
    fromState: inst.state,
    toState: action.to,
    action: action.key,
    actorId: auditActor.id,
    actorKind: auditActor.kind,
    actorName: auditActor.username ?? null,
    comment: input.comment?.trim() || null,
    attachments: input.attachments ?? [],
    data: input.data ?? {},
  })
  await recordAudit(tx, {
    actor: auditActor,
    action: `workflow.${action.key}`,
    resourceType: 'workflow_instance',
    resourceId: inst.id,
    divisionCode: inst.divisionCode,
    requestId,
    data: { from: inst.state, to: action.to, subjectType: inst.subjectType, subjectId: inst.subjectId },
  })
  await eng.platform.events.enqueue(tx, 'workflow.instance.transitioned', {
    instanceId: inst.id,
    rootId: inst.rootId,
    subjectType: inst.subjectType,
    subjectId: inst.subjectId,
    from: inst.state,
    to: action.to,
    action: action.key,
  })
  await enterState(eng, tx, inst, action.to, now, auditActor, requestId)
  await runEffects(eng, tx, action.effects, inst, auditActor, requestId)
  return inst
}
