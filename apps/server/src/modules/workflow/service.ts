import { type Actor, canonicalJson, recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { afterCommit, afterTx, type Tx } from '../../platform/db.ts'
import { claimJob } from '../../platform/job-once.ts'
import type { Platform } from '../../platform/platform.ts'
import { calendarWith, shiftDeadline, touchesYear, warnBeforeDue } from './calendar-shift.ts'
import { refusal } from './conflict.ts'
import {
  type ActionSpec,
  actorMay,
  assigneeDepartment,
  assigneeRoles,
  availableActions,
  type BranchData,
  computeDeadline,
  cstDate,
  type Duration,
  durationAt,
  type Effect,
  type EngineActor,
  evaluateGuard,
  evaluateJoin,
  extendDeadline,
  getPath,
  type InstanceView,
  pausesClock,
  SpecError,
  type StateSpec,
  shiftForPause,
  slaStatus,
  validateSpec,
  type WorkflowSpec,
} from './domain.ts'
import {
  commentRequired,
  concurrentUpdate,
  definitionInvalid,
  definitionNotFound,
  guardFailed,
  inputInvalid,
  instanceNotFound,
  notPermitted,
  signalUnhandled,
} from './errors.ts'
import { type InputOrigin, inputIssues } from './input.ts'
import { type DefinitionRow, type InstanceRow, workflowRepo as repo, type TaskRow } from './repo.ts'

export const TIMER_QUEUE = 'workflow.timer'
export const SYSTEM_ENGINE_ACTOR: EngineActor = {
  kind: 'system',
  userId: null,
  roles: [],
  departmentIds: [],
  scopes: [],
}

/** The engine's view of a logged-in principal. */
export function engineActorOf(p: Principal): EngineActor {
  return {
    kind: 'user',
    userId: p.userId,
    roles: p.roles,
    departmentIds: p.posts.map((x) => x.departmentId).filter((x): x is string => !!x),
    scopes: p.scopes,
    posts: p.posts.map((x) => ({ role: x.role, departmentId: x.departmentId, scope: x.scopeDivisionCode })),
  }
}

export interface SignalContext {
  instance: InstanceRow
  root: InstanceRow
  actor: Actor
  requestId?: string
}
export type SignalHandler = (tx: Tx, ctx: SignalContext) => Promise<void>

/** Deadlines of one instance moved onto a newly imported holiday schedule (`onDeadlinesRecomputed`). */
export interface DeadlineChange {
  instance: InstanceRow
  root: InstanceRow
  year: number
  version: number
  /** The instance's own deadline, when it moved. */
  instanceDue: { from: Date; to: Date } | null
  tasks: { taskId: string; state: string; from: Date; to: Date }[]
}
export type DeadlineHook = (tx: Tx, change: DeadlineChange) => Promise<void>

export interface StartInput {
  definitionKey: string
  subjectType: string
  subjectId: string
  title: string
  divisionCode: string
  applicantId: string | null
  context: Record<string, unknown>
  /** A root instance handled by one department (e.g. a 差评 rectification) carries that department as its branch. */
  branch?: BranchData | null
  /** Who starts this one, when a batch (`startMany`) starts instances for several actors; else the call's actor. */
  actor?: Actor
}

export interface ActInput {
  comment?: string | null
  attachments?: string[]
  data?: Record<string, unknown>
  /** The instance version the caller saw; a different current version is a 409. */
  expectedVersion?: number
  /**
   * Who vouches for `data`: a caller (the default) may send only the keys the action declares and never routing
   * keys; the module owning the subject (`'module'`) may also set the keys declared as module data.
   */
  origin?: InputOrigin
}

interface TimerJob {
  taskId: string
  kind: 'warn' | 'due'
  at: string
  /** 'instance': the instance's deadline watched by a task with its own (`instanceDeadline`); else the task's. */
  clock?: 'instance'
}

const fill = (tpl: string, scope: Record<string, unknown>) =>
  tpl.replace(/\{([\w.]+)\}/g, (_, p: string) => String(getPath(scope, p) ?? ''))

/** The workflow engine: definitions as versioned data, instances, parallel branches, SLA clocks and timers. */
export function createWorkflowService(
  platform: Pick<Platform, 'db' | 'calendar' | 'jobs' | 'notifications' | 'events' | 'caches'>,
) {
  const { db, calendar } = platform
  const signals = new Map<string, SignalHandler>()
  const deadlineHooks = new Map<string, DeadlineHook>()
  const subjectReaders = new Map<string, string>()
  const subjectOwners = new Map<string, string>()
  const specCache = new Map<string, WorkflowSpec>()
  // What this process last published per key: re-publishing an identical spec costs no query.
  const published = new Map<string, { canonical: string; def: Awaited<ReturnType<typeof repo.latestDefinition>> }>()

  async function specOf(q: Tx | typeof db.pool, definitionId: string): Promise<WorkflowSpec> {
    const cached = specCache.get(definitionId)
    if (cached) return cached
    const d = await repo.definitionById(q, definitionId)
    if (!d) throw definitionNotFound({ key: definitionId })
    specCache.set(definitionId, d.spec) // definitions are immutable per id
    return d.spec
  }

  const view = (i: InstanceRow): InstanceView => ({
    applicantId: i.applicantId,
    divisionCode: i.divisionCode,
    branch: i.branch,
    context: i.context,
  })

  /** Arms the warning and due timers of tasks: durable pg-boss jobs written in the same transaction. */
  async function scheduleTimers(tx: Tx, tasks: TaskRow[]) {
    const jobs: TimerJob[] = []
    // One timer per task at a time: the warning, whose handler then arms the due timer (half the job rows).
    for (const t of tasks) {
      if (t.pausedAt) continue
      if (t.warnAt && (!t.dueAt || t.warnAt < t.dueAt))
        jobs.push({ taskId: t.id, kind: 'warn', at: t.warnAt.toISOString() })
      else if (t.dueAt) jobs.push({ taskId: t.id, kind: 'due', at: t.dueAt.toISOString() })
    }
    await armTimers(tx, jobs)
  }
  async function armTimers(tx: Tx, jobs: TimerJob[]) {
    await platform.jobs.insertInTx(
      tx,
      jobs.map((data) => ({ name: TIMER_QUEUE, data, startAfter: new Date(data.at), retryLimit: 5 })),
    )
  }
  const scheduleTaskTimers = (tx: Tx, task: TaskRow) => scheduleTimers(tx, [task])

  /** The next timer on the instance deadline for an open task of a state that watches it (warning, then due). */
  function instanceClockJob(task: TaskRow, inst: InstanceRow, spec: WorkflowSpec, after?: 'warn'): TimerJob | null {
    if (!spec.states[task.state]?.instanceDeadline || task.pausedAt || !inst.dueAt) return null
    if (task.dueAt?.getTime() === inst.dueAt.getTime()) return null // the task's own timers are these
    const warnAt = after ? null : warnOf(inst, spec)
    if (warnAt && warnAt < inst.dueAt)
      return { taskId: task.id, kind: 'warn', at: warnAt.toISOString(), clock: 'instance' }
    return { taskId: task.id, kind: 'due', at: inst.dueAt.toISOString(), clock: 'instance' }
  }
  async function armInstanceClocks(tx: Tx, pairs: { task: TaskRow; inst: InstanceRow; spec: WorkflowSpec }[]) {
    const jobs = pairs.flatMap(({ task, inst, spec }) => instanceClockJob(task, inst, spec) ?? [])
    if (jobs.length) await armTimers(tx, jobs)
  }
  /** A task's timers after its clock moved or restarted: its own deadline and, where watched, the instance's. */
  async function rearmTask(tx: Tx, task: TaskRow, inst: InstanceRow) {
    await scheduleTaskTimers(tx, task)
    await armInstanceClocks(tx, [{ task, inst, spec: await specOf(tx, inst.definitionId) }])
  }

  async function notify(tx: Tx, effect: Extract<Effect, { type: 'notify' }>, inst: InstanceRow, root: InstanceRow) {
    const scope = { context: root.context, branch: inst.branch ?? {}, title: root.title }
    const title = fill(effect.title, scope)
    const body = fill(effect.body, scope)
    let userIds: string[] = []
    if (effect.to === 'applicant') userIds = root.applicantId ? [root.applicantId] : []
    else
      for (const t of await repo.openTasks(tx, inst.id))
        if (t.assigneeRoles.length)
          userIds.push(
            ...(await repo.userIdsFor(tx, {
              roles: t.assigneeRoles,
              departmentId: t.assigneeDepartmentId,
              divisionCode: t.divisionCode,
            })),
          )
        else if (t.assigneeApplicant && root.applicantId) userIds.push(root.applicantId)
    await platform.notifications.send(tx, {
      userIds: [...new Set(userIds)],
      title,
      body,
      link: `/workflow/instances/${root.id}`,
    })
  }

  async function runEffects(
    tx: Tx,
    effects: Effect[] | undefined,
    inst: InstanceRow,
    actor: Actor,
    requestId?: string,
  ) {
    if (!effects?.length) return
    const root = inst.rootId === inst.id ? inst : ((await repo.findInstance(tx, inst.rootId)) as InstanceRow)
    for (const e of effects) {
      if (e.type === 'notify') await notify(tx, e, inst, root)
      else if (e.type === 'extend_deadline') {
        const amount = Number(getPath({ context: inst.context, branch: inst.branch ?? {} }, e.amountFrom))
        const fresh = (await repo.findInstance(tx, inst.id))!
        if (amount > 0 && fresh.dueAt)
          await moveDeadline(tx, fresh, extendDeadline(fresh.dueAt, amount, e.unit, calendar), new Date())
        inst.dueAt = fresh.dueAt
      } else {
        const handler = signals.get(e.name)
        if (!handler) throw signalUnhandled({ name: e.name })
        await handler(tx, { instance: inst, root, actor, requestId })
      }
    }
  }

  /** Stops the clocks of an instance and its ancestors (补正: the matter is with the applicant). */
  async function pause(tx: Tx, inst: InstanceRow, now: Date) {
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
  async function resume(tx: Tx, inst: InstanceRow, now: Date) {
    for (
      let cur: InstanceRow | null = inst;
      cur;
      cur = cur.parentId ? await repo.findInstance(tx, cur.parentId, { lock: true }) : null
    ) {
      if (cur.pauseDepth === 0) continue
      cur.pauseDepth -= 1
      if (cur.pauseDepth === 0 && cur.pausedAt) {
        const pausedAt = cur.pausedAt
        const unit = (await instanceSla(tx, cur))?.unit ?? 'workday'
        if (cur.dueAt) cur.dueAt = shiftForPause(cur.dueAt, pausedAt, now, unit, calendar)
        cur.pausedTotalMs += now.getTime() - pausedAt.getTime()
        cur.pausedAt = null
        for (const t of await repo.openTasks(tx, cur.id)) {
          if (!t.pausedAt) continue
          const moved = {
            id: t.id,
            dueAt: t.dueAt ? shiftForPause(t.dueAt, t.pausedAt, now, unit, calendar) : null,
            warnAt: t.warnAt ? shiftForPause(t.warnAt, t.pausedAt, now, unit, calendar) : null,
            pausedAt: null,
          }
          await repo.updateTaskClock(tx, moved)
          await rearmTask(tx, { ...t, ...moved }, cur)
        }
      }
      await repo.updateInstance(tx, cur)
    }
  }

  async function enterState(tx: Tx, inst: InstanceRow, stateKey: string, now: Date, actor: Actor, requestId?: string) {
    const spec = await specOf(tx, inst.definitionId)
    const s = spec.states[stateKey]!
    if (inst.state !== stateKey) {
      inst.state = stateKey
      await repo.updateInstance(tx, inst)
    }
    if (pausesClock(s, inst.context)) await pause(tx, inst, now)

    if (s.final) {
      inst.status = 'completed'
      inst.outcome = s.outcome ?? null
      inst.completedAt = now
      await repo.updateInstance(tx, inst)
      await repo.closeTasks(tx, inst.id, 'cancelled', null, null)
      await runEffects(tx, s.effects, inst, actor, requestId)
      await platform.events.enqueue(tx, 'workflow.instance.completed', {
        instanceId: inst.id,
        rootId: inst.rootId,
        subjectType: inst.subjectType,
        subjectId: inst.subjectId,
        outcome: inst.outcome,
      })
      if (inst.parentId) await onChildCompleted(tx, inst.parentId, now, requestId)
      return
    }

    if (s.parallel) {
      const branches = (getPath(inst.context, s.parallel.branchesFrom) ?? []) as BranchData[]
      await startChildren(tx, inst, s.parallel.definition, branches, now, actor, requestId)
      await runEffects(tx, s.effects, inst, actor, requestId)
      if (branches.length === 0) await onChildCompleted(tx, inst.id, now, requestId) // nothing to wait for
      return
    }

    if (s.assignee) {
      const task = await repo.insertTask(tx, taskFor(inst, stateKey, s, now, spec))
      await scheduleTaskTimers(tx, task)
      await armInstanceClocks(tx, [{ task, inst, spec }])
    }
    await runEffects(tx, s.effects, inst, actor, requestId)
  }

  /**
   * The task of an assignee state; a state without its own limit works against the instance's (the branch's),
   * an `untimed` state has none.
   */
  function taskFor(inst: InstanceRow, stateKey: string, s: StateSpec, now: Date, spec: WorkflowSpec) {
    const own = durationAt(s.slaFrom, inst.context) ?? s.sla
    const deadline = own && !s.untimed ? computeDeadline(now, own, calendar) : null
    const inherit = !s.untimed && !own
    return {
      instanceId: inst.id,
      rootId: inst.rootId,
      state: stateKey,
      name: s.name,
      assigneeRoles: assigneeRoles(s.assignee),
      assigneeDepartmentId: assigneeDepartment(s.assignee, inst),
      assigneeApplicant: !!s.assignee?.applicant,
      divisionCode: inst.divisionCode,
      dueAt: deadline?.dueAt ?? (inherit ? inst.dueAt : null),
      warnAt: deadline?.warnAt ?? (inherit && inst.dueAt ? warnOf(inst, spec) : null),
      pausedAt: inst.pausedAt,
    }
  }

  /** The limit the whole instance runs against: its branch's, the one named by slaFrom, or the definition's. */
  function slaOf(inst: InstanceRow, spec: WorkflowSpec): (Duration & { warnBefore?: number }) | null {
    return inst.branch?.sla ?? durationAt(spec.slaFrom, inst.context) ?? spec.sla ?? null
  }
  async function instanceSla(q: Tx, inst: InstanceRow) {
    return slaOf(inst, await specOf(q, inst.definitionId))
  }

  /**
   * Moves the instance deadline to `dueAt` (an approved extension): open tasks working against the instance
   * deadline move with it, get a fresh warning time and flag, and their timers are re-armed (old ones go stale).
   */
  async function moveDeadline(tx: Tx, inst: InstanceRow, dueAt: Date, now: Date) {
    const spec = await specOf(tx, inst.definitionId)
    const old = inst.dueAt
    inst.dueAt = dueAt
    await repo.updateInstance(tx, inst)
    for (const t of await repo.openTasks(tx, inst.id)) {
      if (!old || t.dueAt?.getTime() !== old.getTime()) {
        await armInstanceClocks(tx, [{ task: t, inst, spec }]) // a task watching the instance deadline
        continue
      }
      const moved = { id: t.id, dueAt, warnAt: warnOf(inst, spec), pausedAt: t.pausedAt }
      await repo.updateTaskClock(tx, moved)
      const flag = now > dueAt ? 'overdue' : moved.warnAt && now > moved.warnAt ? 'warning' : 'on_track'
      await repo.setTaskFlag(tx, t.id, flag)
      await scheduleTaskTimers(tx, { ...t, ...moved })
    }
  }

  function warnOf(inst: InstanceRow, spec: WorkflowSpec): Date | null {
    const sla = slaOf(inst, spec)
    if (!inst.dueAt || !sla?.warnBefore) return null
    if (sla.unit === 'hour') return new Date(inst.dueAt.getTime() - sla.warnBefore * 3_600_000)
    const d = calendar.addWorkdays(
      new Date(inst.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
      -sla.warnBefore,
    )
    return new Date(`${d.date}T23:59:59.999+08:00`)
  }

  /**
   * Fans a parallel state out: all branch instances, their start transitions, tasks and timers in a handful of
   * statements (a theme stage starts 14 department branches per case).
   */
  async function startChildren(
    tx: Tx,
    parent: InstanceRow,
    key: string,
    branches: BranchData[],
    now: Date,
    actor: Actor,
    requestId?: string,
  ) {
    if (!branches.length) return
    const def = await latestDefinition(tx, key)
    const children = await repo.insertInstances(
      tx,
      branches.map((branch) => {
        const sla = branch.sla ?? def.spec.sla
        const deadline = sla ? computeDeadline(now, sla, calendar) : null
        return {
          definitionId: def.id,
          parentId: parent.id,
          rootId: parent.rootId,
          branch,
          subjectType: parent.subjectType,
          subjectId: parent.subjectId,
          title: `${parent.title} · ${branch.name}`,
          divisionCode: parent.divisionCode,
          applicantId: parent.applicantId,
          state: def.spec.initial,
          context: {},
          startedAt: now,
          dueAt: deadline?.dueAt ?? null,
          dueProvisional: deadline?.provisional ?? false,
        }
      }),
    )
    await repo.insertTransitions(
      tx,
      children.map((child) => ({
        instanceId: child.id,
        rootId: child.rootId,
        fromState: null,
        toState: def.spec.initial,
        action: 'start',
        actorId: actor.id,
        actorKind: actor.kind,
        actorName: actor.username ?? null,
        comment: null,
        attachments: [],
        data: { branch: child.branch?.key },
      })),
    )
    await enterInitial(tx, def, children, now, actor, requestId)
  }

  /** Enters the initial state of new instances: a plain task state (the usual first step) for all at once. */
  async function enterInitial(
    tx: Tx,
    def: DefinitionRow,
    instances: InstanceRow[],
    now: Date,
    actor: Actor | Actor[],
    requestId?: string,
  ) {
    const initial = def.spec.states[def.spec.initial]!
    if (
      initial.assignee &&
      !initial.parallel &&
      !initial.final &&
      !initial.effects?.length &&
      instances.every((i) => !pausesClock(initial, i.context))
    ) {
      const tasks = await repo.insertTasks(
        tx,
        instances.map((i) => taskFor(i, def.spec.initial, initial, now, def.spec)),
      )
      await scheduleTimers(tx, tasks)
      await armInstanceClocks(
        tx,
        tasks.map((task) => ({ task, inst: instances.find((i) => i.id === task.instanceId)!, spec: def.spec })),
      )
      return
    }
    for (const [k, inst] of instances.entries())
      await enterState(tx, inst, def.spec.initial, now, Array.isArray(actor) ? actor[k]! : actor, requestId)
  }

  async function startMany(
    tx: Tx,
    inputs: StartInput[],
    actor: Actor,
    now = new Date(),
    requestId?: string,
  ): Promise<Pick<InstanceRow, 'id' | 'rootId' | 'dueAt'>[]> {
    const out: Pick<InstanceRow, 'id' | 'rootId' | 'dueAt'>[] = new Array(inputs.length)
    for (const key of new Set(inputs.map((i) => i.definitionKey))) {
      const def = await latestDefinition(tx, key)
      const at = inputs.flatMap((input, i) => (input.definitionKey === key ? [i] : []))
      const instances = await repo.insertInstances(
        tx,
        at.map((i) => {
          const input = inputs[i]!
          const sla = input.branch?.sla ?? durationAt(def.spec.slaFrom, input.context) ?? def.spec.sla
          const deadline = sla ? computeDeadline(now, sla, calendar) : null
          return {
            definitionId: def.id,
            parentId: null,
            rootId: null,
            branch: input.branch ?? null,
            subjectType: input.subjectType,
            subjectId: input.subjectId,
            title: input.title,
            divisionCode: input.divisionCode,
            applicantId: input.applicantId,
            state: def.spec.initial,
            context: input.context,
            startedAt: now,
            dueAt: deadline?.dueAt ?? null,
            dueProvisional: deadline?.provisional ?? false,
          }
        }),
      )
      const actors = at.map((i) => inputs[i]!.actor ?? actor)
      await repo.insertTransitions(
        tx,
        instances.map((inst, k) => ({
          instanceId: inst.id,
          rootId: inst.rootId,
          fromState: null,
          toState: def.spec.initial,
          action: 'start',
          actorId: actors[k]!.id,
          actorKind: actors[k]!.kind,
          actorName: actors[k]!.username ?? null,
          comment: null,
          attachments: [],
          data: {},
        })),
      )
      await enterInitial(tx, def, instances, now, actors, requestId)
      instances.forEach((inst, j) => {
        out[at[j]!] = { id: inst.id, rootId: inst.rootId, dueAt: inst.dueAt }
      })
    }
    return out
  }

  // Definitions are immutable per version; which version is the latest of a key is cached across requests and
  // dropped (in every process) when a new version is published. A version published by a transaction that has not
  // committed yet is visible to that transaction only.
  const latestByKey = platform.caches.cache<DefinitionRow | null>('workflow.definition')
  const publishedInTx = new WeakMap<Tx, Map<string, DefinitionRow>>()
  const canonicalById = new Map<string, string>()

  async function latestOrNull(tx: Tx, key: string): Promise<DefinitionRow | null> {
    const own = publishedInTx.get(tx)?.get(key)
    if (own) return own
    return latestByKey.get(key, () => repo.latestDefinition(tx, key))
  }

  async function latestDefinition(tx: Tx, key: string): Promise<DefinitionRow> {
    const def = await latestOrNull(tx, key)
    if (!def) throw definitionNotFound({ key })
    specCache.set(def.id, def.spec)
    return def
  }

  function canonicalOf(def: DefinitionRow) {
    let c = canonicalById.get(def.id)
    if (c === undefined) {
      c = canonicalJson(def.spec)
      canonicalById.set(def.id, c)
    }
    return c
  }

  async function cancelActiveChildren(tx: Tx, parentId: string, now: Date) {
    for (const k of (await repo.children(tx, parentId)).filter((x) => x.status === 'active')) {
      await cancelActiveChildren(tx, k.id, now)
      k.status = 'cancelled'
      k.completedAt = now
      await repo.updateInstance(tx, k)
      await repo.closeTasks(tx, k.id, 'cancelled', null, null)
    }
  }

  /** A branch finished: evaluate the parent's declared join; when decided, cancel the rest and move the parent on. */
  async function onChildCompleted(tx: Tx, parentId: string, now: Date, requestId?: string) {
    // The parent row lock serialises branches finishing at the same time, so exactly one of them sees the join.
    const parent = await repo.findInstance(tx, parentId, { lock: true })
    if (parent?.status !== 'active') return
    const spec = await specOf(tx, parent.definitionId)
    const par = spec.states[parent.state]?.parallel
    if (!par) return
    const kids = (await repo.children(tx, parent.id)).filter((k) => k.status !== 'cancelled' || k.outcome)
    const result = evaluateJoin(
      par.join,
      kids.map((k) => (k.status === 'completed' ? (k.outcome === 'approved' ? 'approved' : 'rejected') : null)),
    )
    if (result === 'pending') return
    await cancelActiveChildren(tx, parent.id, now)
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
    await enterState(tx, parent, to, now, SYSTEM_ACTOR, requestId)
  }

  /**
   * One lock order for instance rows: ancestors before descendants, root first. A branch's action reaches its
   * parent (join, clock pause) and a parent's join cancels sibling branches, so locking the child first deadlocks.
   */
  async function lockAncestors(tx: Tx, inst: InstanceRow) {
    const chain: string[] = []
    for (let id = inst.parentId; id; ) {
      chain.unshift(id)
      id = (await repo.findInstance(tx, id))?.parentId ?? null
    }
    for (const id of chain) await repo.findInstance(tx, id, { lock: true })
  }

  async function actInTx(
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
    const spec = await specOf(tx, inst.definitionId)
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
    await lockAncestors(tx, inst)
    // Optimistic lock first: a concurrent second actor waits on this row, then finds the version moved → 409.
    if (!(await repo.bumpVersion(tx, inst.id, inst.version))) throw concurrentUpdate()
    inst.version += 1

    await repo.closeTasks(tx, inst.id, 'done', auditActor.kind === 'user' ? auditActor.id : null, action.key)
    // Leaving a parallel state by an action (withdrawal, termination) ends the branches still running.
    if (state.parallel) await cancelActiveChildren(tx, inst.id, now)
    const nextContext = input.data ? { ...inst.context, ...input.data } : inst.context
    if (pausesClock(state, inst.context) && !pausesClock(spec.states[action.to], nextContext))
      await resume(tx, inst, now)
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
    await platform.events.enqueue(tx, 'workflow.instance.transitioned', {
      instanceId: inst.id,
      rootId: inst.rootId,
      subjectType: inst.subjectType,
      subjectId: inst.subjectId,
      from: inst.state,
      to: action.to,
      action: action.key,
    })
    await enterState(tx, inst, action.to, now, auditActor, requestId)
    await runEffects(tx, action.effects, inst, auditActor, requestId)
    return inst
  }

  /**
   * The instance deadline watched by an open task fired (待签收 past the handling limit's warning or deadline):
   * a stale job (deadline moved, state left) does nothing; the task turns red at the deadline, never back.
   */
  async function instanceClockFired(tx: Tx, task: TaskRow, job: TimerJob) {
    const inst = (await repo.findInstance(tx, task.instanceId))!
    const spec = await specOf(tx, inst.definitionId)
    const watch = task.state === inst.state ? spec.states[inst.state]?.instanceDeadline : undefined
    if (!watch) return
    if ((job.kind === 'warn' ? warnOf(inst, spec) : inst.dueAt)?.toISOString() !== job.at) return
    if (job.kind === 'due') await repo.setTaskFlag(tx, task.id, 'overdue')
    else if (task.slaFlag === 'on_track') await repo.setTaskFlag(tx, task.id, 'warning')
    if (job.kind === 'warn') {
      const next = instanceClockJob(task, inst, spec, 'warn')
      if (next) await armTimers(tx, [next])
    }
    const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
    await notify(
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
    await runEffects(tx, job.kind === 'warn' ? watch.warnEffects : watch.overdueEffects, inst, SYSTEM_ACTOR)
  }

  /**
   * A holiday schedule was imported (or revised): working-day deadlines of active instances and open tasks whose
   * clocks cross that year move onto it, keeping their working-day counts from the start; flags and timers follow
   * (old timers go stale), the history and the audit trail record it, and the subject's module hears of it.
   * Versions are taken from the database in event order, so each import moves deadlines from the one before;
   * clocks started after the import (its event delivered late) already ran on it and stay as they are.
   */
  async function recomputeForCalendar(tx: Tx, year: number, version: number, importedAt: Date) {
    const [old, fresh] = await Promise.all([
      version > 1 ? calendar.scheduleOf(year, version - 1) : null,
      calendar.scheduleOf(year, version),
    ])
    const before = calendarWith(calendar.data(), year, old)
    const after = calendarWith(calendar.data(), year, fresh)
    const now = new Date()
    for (const id of await repo.instancesWithDeadlineIn(tx, `${year}-01-01`, `${year}-12-31`)) {
      const inst = (await repo.findInstance(tx, id, { lock: true }))!
      if (inst.status !== 'active') continue
      const spec = await specOf(tx, inst.definitionId)
      const sla = slaOf(inst, spec)
      const oldDue = inst.dueAt
      const earlier = (d: Date) => d < importedAt
      if (oldDue && sla?.unit === 'workday' && earlier(inst.startedAt) && touchesYear(inst.startedAt, oldDue, year))
        inst.dueAt = shiftDeadline(inst.startedAt, oldDue, before, after)
      const instanceDue = oldDue && inst.dueAt && oldDue.getTime() !== inst.dueAt.getTime()
      if (instanceDue) await repo.updateInstance(tx, inst)
      const tasks: DeadlineChange['tasks'] = []
      for (const t of await repo.openTasks(tx, inst.id)) {
        const s = spec.states[t.state]
        if (!t.dueAt || !s || s.untimed) continue
        const own = durationAt(s.slaFrom, inst.context) ?? s.sla
        let moved: Pick<TaskRow, 'id' | 'dueAt' | 'warnAt' | 'pausedAt'> | null = null
        if (!own && instanceDue && t.dueAt.getTime() === oldDue.getTime()) {
          const warnAt = sla?.warnBefore ? warnBeforeDue(inst.dueAt!, sla.warnBefore, after) : null
          moved = { id: t.id, dueAt: inst.dueAt, warnAt, pausedAt: t.pausedAt }
        } else if (own?.unit === 'workday' && earlier(t.createdAt) && touchesYear(t.createdAt, t.dueAt, year)) {
          const dueAt = shiftDeadline(t.createdAt, t.dueAt, before, after)
          const warnAt = t.warnAt && own.warnBefore ? warnBeforeDue(dueAt, own.warnBefore, after) : t.warnAt
          if (dueAt.getTime() !== t.dueAt.getTime()) moved = { id: t.id, dueAt, warnAt, pausedAt: t.pausedAt }
        }
        if (!moved) {
          if (instanceDue) await armInstanceClocks(tx, [{ task: t, inst, spec }]) // it watches the moved one
          continue
        }
        await repo.updateTaskClock(tx, moved)
        const due = moved.dueAt!
        await repo.setTaskFlag(
          tx,
          t.id,
          now > due ? 'overdue' : moved.warnAt && now > moved.warnAt ? 'warning' : 'on_track',
        )
        await rearmTask(tx, { ...t, ...moved }, inst)
        tasks.push({ taskId: t.id, state: t.state, from: t.dueAt, to: due })
      }
      if (!instanceDue && !tasks.length) continue
      const change = { year, version, instanceDue: instanceDue ? { from: oldDue, to: inst.dueAt! } : null, tasks }
      const data = JSON.parse(JSON.stringify({ ...change, subjectType: inst.subjectType, subjectId: inst.subjectId }))
      const to = change.instanceDue?.to ?? tasks[0]!.to
      await repo.insertTransition(tx, {
        instanceId: inst.id,
        rootId: inst.rootId,
        fromState: inst.state,
        toState: inst.state,
        action: 'recompute_deadline',
        actorId: null,
        actorKind: 'system',
        actorName: null,
        comment: `${year}年节假日安排（第${version}版）导入后重算期限：截止日期改为 ${cstDate(to)}`,
        attachments: [],
        data,
      })
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'workflow.recompute_deadline',
        resourceType: 'workflow_instance',
        resourceId: inst.id,
        divisionCode: inst.divisionCode,
        data,
      })
      const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
      await deadlineHooks.get(inst.subjectType)?.(tx, { ...change, instance: inst, root })
    }
  }
  platform.events.subscribe('platform.calendar.imported', (e, tx) =>
    recomputeForCalendar(tx, Number(e.payload.year), Number(e.payload.version), new Date(e.createdAt)),
  )

  return {
    /** Registers the in-transaction handler of a declared `signal` effect (e.g. issue_certificates). */
    /** Staff holding `capability` (in scope) may read the instance trees of this subject type. */
    readableBy(subjectType: string, capability: string) {
      subjectReaders.set(subjectType, capability)
    },
    readCapabilityOf(subjectType: string): string | undefined {
      return subjectReaders.get(subjectType)
    },
    /** A module whose actions have side effects owns its subject: the generic act endpoint refuses it. */
    ownedBy(subjectType: string, module: string) {
      subjectOwners.set(subjectType, module)
    },
    ownerOf(subjectType: string): string | undefined {
      return subjectOwners.get(subjectType)
    },
    /**
     * True when a task of the tree was ever assigned to one of the caller's posts: its role, and its department when
     * the task had one (a village agent of a town never reads the town's 12345 orders, nor a fire inspector the
     * fire brigade's approval branches).
     */
    async participates(p: Principal, rootId: string): Promise<boolean> {
      return repo.hasTaskFor(db.pool, rootId, engineActorOf(p).posts ?? [])
    },

    onSignal(name: string, handler: SignalHandler) {
      signals.set(name, handler)
    },
    /** The module owning `subjectType` hears, in the same transaction, when its deadlines move to a new calendar. */
    onDeadlinesRecomputed(subjectType: string, hook: DeadlineHook) {
      deadlineHooks.set(subjectType, hook)
    },

    /** Publishes a definition; a changed spec becomes a new version, an identical one returns the current. */
    async publish(tx: Tx, spec: WorkflowSpec, actor: Actor) {
      try {
        validateSpec(spec)
      } catch (err) {
        if (err instanceof SpecError) throw definitionInvalid({ reason: err.message })
        throw err
      }
      const latest = await latestOrNull(tx, spec.key)
      if (latest && canonicalOf(latest) === canonicalJson(spec)) return latest
      const def = await repo.insertDefinition(tx, {
        key: spec.key,
        version: (latest?.version ?? 0) + 1,
        name: spec.name,
        spec,
      })
      await recordAudit(tx, {
        actor,
        action: 'workflow.definition.publish',
        resourceType: 'workflow_definition',
        resourceId: def.id,
        data: { key: def.key, version: def.version },
      })
      const mine = publishedInTx.get(tx) ?? new Map<string, DefinitionRow>()
      publishedInTx.set(tx, mine.set(def.key, def))
      // The pooled client outlives this transaction: forget its own versions once it ends either way.
      afterTx(tx, () => publishedInTx.delete(tx))
      await platform.caches.invalidate(tx, 'workflow.definition')
      return def
    },

    async definitions() {
      return repo.listDefinitions(db.pool)
    },
    async definition(key: string) {
      const d = await repo.latestDefinition(db.pool, key)
      if (!d) throw definitionNotFound({ key })
      return d
    },

    /**
     * Starts an instance of the latest version of a definition, pinned to that version; answers its id and root
     * (read the instance again for its state: the start may already have moved it, e.g. a parallel state with no
     * branches). The instance deadline is the one it started with.
     */
    async start(
      tx: Tx,
      input: StartInput,
      actor: Actor,
      now = new Date(),
      requestId?: string,
    ): Promise<Pick<InstanceRow, 'id' | 'rootId' | 'dueAt'>> {
      return (await startMany(tx, [input], actor, now, requestId))[0]!
    },

    /**
     * Starts many instances in one go, in input order (a batch of hotline intakes): instances, start transitions,
     * first tasks and their timers in a handful of statements whatever the count.
     */
    startMany,

    /** Takes an action as a user in its own transaction (409 when someone else acted first). */
    async act(
      principal: Principal,
      auditActor: Actor,
      instanceId: string,
      actionKey: string,
      input: ActInput,
      requestId?: string,
    ) {
      const now = new Date()
      return db.tx((tx) =>
        actInTx(tx, engineActorOf(principal), auditActor, instanceId, actionKey, input, now, requestId),
      )
    },

    /** Same as act, inside a caller's transaction (modules composing a use case). */
    actInTx,

    /** Moves a running instance's deadline (and the open tasks working against it); timers are re-armed. */
    async moveDeadline(tx: Tx, instanceId: string, dueAt: Date, now = new Date()) {
      const inst = await repo.findInstance(tx, instanceId, { lock: true })
      if (!inst) throw instanceNotFound()
      await moveDeadline(tx, inst, dueAt, now)
      return inst
    },

    /** Actions the caller may take now on this instance (the UI renders its buttons from this). */
    async actionsFor(principal: Principal | null, inst: InstanceRow) {
      if (inst.status !== 'active' || !principal) return []
      const spec = await specOf(db.pool, inst.definitionId)
      return availableActions(spec, inst.state, engineActorOf(principal), view(inst)).map((a) => ({
        key: a.key,
        name: a.name,
        requireComment: !!a.requireComment,
      }))
    },

    /** Branch instances of a subject type (for on-time statistics by the owning module). */
    async branches(subjectType: string, subjectIds?: string[]) {
      return repo.branches(db.pool, subjectType, subjectIds)
    },

    async instance(id: string) {
      return repo.findInstance(db.pool, id)
    },
    async instancesBySubject(subjectType: string, subjectId: string) {
      return repo.instancesBySubject(db.pool, subjectType, subjectId)
    },

    /** The instance with its branches, tasks, history and the caller's available actions, for detail pages. */
    async tree(principal: Principal | null, rootId: string) {
      const all = await repo.descendants(db.pool, rootId)
      const tasks = await repo.tasksOfRoot(db.pool, rootId)
      const history = await repo.history(db.pool, rootId)
      const now = new Date()
      const nodes = []
      const specs = new Map<string, WorkflowSpec>()
      for (const i of all) {
        const spec = await specOf(db.pool, i.definitionId)
        specs.set(i.id, spec)
        const open = tasks.filter((t) => t.instanceId === i.id && t.status === 'open')
        nodes.push({
          id: i.id,
          parentId: i.parentId,
          title: i.title,
          branch: i.branch,
          state: i.state,
          stateName: spec.states[i.state]?.name ?? i.state,
          status: i.status,
          outcome: i.outcome,
          version: i.version,
          startedAt: i.startedAt.toISOString(),
          dueAt: i.dueAt?.toISOString() ?? null,
          dueProvisional: i.dueProvisional,
          completedAt: i.completedAt?.toISOString() ?? null,
          pausedAt: i.pausedAt?.toISOString() ?? null,
          sla: slaStatus(now, { dueAt: i.dueAt, warnAt: null, pausedAt: i.pausedAt, done: i.status !== 'active' }),
          usedWorkdays: calendar.workdaysBetween(cstDate(i.startedAt), cstDate(i.completedAt ?? now)).days,
          openTasks: open.map((t) => ({ id: t.id, name: t.name, dueAt: t.dueAt?.toISOString() ?? null })),
          actions: await this.actionsFor(principal, i),
        })
      }
      const root = all.find((i) => i.id === rootId)
      const subject = root
        ? { type: root.subjectType, id: root.subjectId, module: subjectOwners.get(root.subjectType) ?? null }
        : null
      // The definition's names of each step taken, so no page has to show an action or state key.
      const named = history.map((h) => {
        const spec = specs.get(h.instanceId)
        const from = h.fromState ? spec?.states[h.fromState] : undefined
        return {
          ...h,
          actionName: from?.actions?.find((a) => a.key === h.action)?.name ?? null,
          toStateName: spec?.states[h.toState]?.name ?? null,
        }
      })
      return { rootId, subject, nodes, history: named }
    },

    /** The caller's open tasks sorted by deadline, with yellow/red/paused SLA marks. */
    async worklist(principal: Principal, page: { limit: number; offset: number }) {
      const a = engineActorOf(principal)
      const r = await repo.worklist(db.pool, a.userId, a.posts ?? [], page)
      const now = new Date()
      return {
        total: r.total,
        items: r.items.map((x) => ({
          taskId: x.task.id,
          instanceId: x.task.instanceId,
          rootId: x.root.id,
          subjectType: x.root.subjectType,
          subjectId: x.root.subjectId,
          title: x.root.title,
          branchName: x.branchName,
          taskName: x.task.name,
          createdAt: x.task.createdAt.toISOString(),
          dueAt: x.task.dueAt?.toISOString() ?? null,
          sla: slaStatus(now, { dueAt: x.task.dueAt, warnAt: x.task.warnAt, pausedAt: x.task.pausedAt, done: false }),
        })),
      }
    },

    /** A durable timer fired (pg-boss; effects once per job id). Stale timers (task closed, clock paused or moved)
     * do nothing; a due timer marks the task red and takes the state's onOverdue action as the system (默认同意). */
    async handleTimer(job: TimerJob, now = new Date(), jobId?: string) {
      await db.tx(async (tx) => {
        if (jobId && !(await claimJob(tx, TIMER_QUEUE, jobId))) return // this job's effects already committed
        const task = await repo.findTask(tx, job.taskId)
        if (task?.status !== 'open' || task.pausedAt) return
        if (job.clock === 'instance') return instanceClockFired(tx, task, job)
        if ((job.kind === 'warn' ? task.warnAt : task.dueAt)?.toISOString() !== job.at) return
        await repo.setTaskFlag(tx, task.id, job.kind === 'warn' ? 'warning' : 'overdue')
        if (job.kind === 'warn' && task.dueAt)
          await armTimers(tx, [{ taskId: task.id, kind: 'due', at: task.dueAt.toISOString() }])
        const inst = (await repo.findInstance(tx, task.instanceId))!
        const root = inst.rootId === inst.id ? inst : (await repo.findInstance(tx, inst.rootId))!
        await notify(
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
        const spec = await specOf(tx, inst.definitionId)
        const timerEffects =
          task.state === inst.state
            ? spec.states[inst.state]?.[job.kind === 'warn' ? 'warnEffects' : 'overdueEffects']
            : undefined
        await runEffects(tx, timerEffects, inst, SYSTEM_ACTOR)
        if (job.kind !== 'due') return
        const overdue = spec.states[inst.state]?.onOverdue
        if (!overdue) return
        const action = spec.states[inst.state]?.actions?.find((a) => a.key === overdue.action)
        if (!action || !evaluateGuard(action.guard, { context: inst.context, branch: inst.branch ?? {}, input: {} }))
          return
        await tx.query('savepoint overdue_action')
        try {
          await actInTx(
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
    },
  }
}

export type WorkflowService = ReturnType<typeof createWorkflowService>
