import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { moveDeadline } from './clock.ts'
import { publish, specOf } from './definitions.ts'
import { availableActions, cstDate, type EngineActor, slaStatus, type WorkflowSpec } from './domain.ts'
import {
  type ActInput,
  createEngine,
  type DeadlineHook,
  type EnginePlatform,
  engineActorOf,
  type SignalHandler,
  type StartInput,
  type TimerJob,
  view,
} from './engine.ts'
import { definitionNotFound, instanceNotFound } from './errors.ts'
import { recomputeForCalendar } from './recompute.ts'
import { type InstanceRow, workflowRepo as repo } from './repo.ts'
import { startMany } from './start.ts'
import { handleTimer, handleTimers } from './timers.ts'
import { actInTx } from './transition.ts'

export {
  type ActInput,
  type DeadlineChange,
  type DeadlineHook,
  engineActorOf,
  type SignalContext,
  type SignalHandler,
  type StartInput,
  SYSTEM_ENGINE_ACTOR,
  TIMER_QUEUE,
} from './engine.ts'

/** The workflow engine: definitions as versioned data, instances, parallel branches, SLA clocks and timers. */
export function createWorkflowService(platform: EnginePlatform) {
  const { db, calendar } = platform
  const eng = createEngine(platform)
  const { signals, deadlineHooks } = eng
  const subjectReaders = new Map<string, string>()
  const subjectOwners = new Map<string, string>()

  platform.events.subscribe('platform.calendar.imported', (e, tx) =>
    recomputeForCalendar(eng, tx, Number(e.payload.year), Number(e.payload.version), new Date(e.createdAt)),
  )

  return {
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

    /** Registers the in-transaction handler of a declared `signal` effect (e.g. issue_certificates). */
    onSignal(name: string, handler: SignalHandler) {
      signals.set(name, handler)
    },
    /** The module owning `subjectType` hears, in the same transaction, when its deadlines move to a new calendar. */
    onDeadlinesRecomputed(subjectType: string, hook: DeadlineHook) {
      deadlineHooks.set(subjectType, hook)
    },

    /** Publishes a definition; a changed spec becomes a new version, an identical one returns the current. */
    publish(tx: Tx, spec: WorkflowSpec, actor: Actor) {
      return publish(eng, tx, spec, actor)
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
      return (await startMany(eng, tx, [input], actor, now, requestId))[0]!
    },

    /**
     * Starts many instances in one go, in input order (a batch of hotline intakes): instances, start transitions,
     * first tasks and their timers in a handful of statements whatever the count.
     */
    startMany: (tx: Tx, inputs: StartInput[], actor: Actor, now = new Date(), requestId?: string) =>
      startMany(eng, tx, inputs, actor, now, requestId),

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
        actInTx(eng, tx, engineActorOf(principal), auditActor, instanceId, actionKey, input, now, requestId),
      )
    },

    /** Same as act, inside a caller's transaction (modules composing a use case). */
    actInTx: (
      tx: Tx,
      actor: EngineActor,
      auditActor: Actor,
      instanceId: string,
      actionKey: string,
      input: ActInput,
      now: Date,
      requestId?: string,
    ) => actInTx(eng, tx, actor, auditActor, instanceId, actionKey, input, now, requestId),

    /** Moves a running instance's deadline (and the open tasks working against it); timers are re-armed. */
    async moveDeadline(tx: Tx, instanceId: string, dueAt: Date, now = new Date()) {
      const inst = await repo.findInstance(tx, instanceId, { lock: true })
      if (!inst) throw instanceNotFound()
      await moveDeadline(eng, tx, inst, dueAt, now)
      return inst
    },

    /** Actions the caller may take now on this instance (the UI renders its buttons from this). */
    async actionsFor(principal: Principal | null, inst: InstanceRow) {
      if (inst.status !== 'active' || !principal) return []
      const spec = await specOf(eng, db.pool, inst.definitionId)
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
        const spec = await specOf(eng, db.pool, i.definitionId)
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

    handleTimer(job: TimerJob, now = new Date(), jobId?: string) {
      return handleTimer(eng, job, now, jobId)
    },
    /** Fires a slice of a fetched batch of timers together (per timer: null, or the error it failed with). */
    handleTimers(items: { job: TimerJob; jobId: string }[], now = new Date()) {
      return handleTimers(eng, items, now)
    },
  }
}

export type WorkflowService = ReturnType<typeof createWorkflowService>
