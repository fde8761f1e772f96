import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { TopicCache } from '../../platform/cache-bus.ts'
import type { Tx } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import { type BranchData, type EngineActor, getPath, type InstanceView, type WorkflowSpec } from './domain.ts'
import type { InputOrigin } from './input.ts'
import type { DefinitionRow, InstanceRow } from './repo.ts'

/** What the engine's parts share: the platform services it runs on, registered handlers and definition caches. */
export interface Engine {
  platform: EnginePlatform
  calendar: EnginePlatform['calendar']
  signals: Map<string, SignalHandler>
  deadlineHooks: Map<string, DeadlineHook>
  /** Definitions are immutable per id. */
  specCache: Map<string, WorkflowSpec>
  /**
   * Which version is the latest of a key is cached across requests and dropped (in every process) when a new
   * version is published. A version published by a transaction that has not committed yet is visible to that
   * transaction only.
   */
  latestByKey: TopicCache<DefinitionRow | null>
  publishedInTx: WeakMap<Tx, Map<string, DefinitionRow>>
  canonicalById: Map<string, string>
}
export type EnginePlatform = Pick<Platform, 'db' | 'calendar' | 'jobs' | 'notifications' | 'events' | 'caches'>

export function createEngine(platform: EnginePlatform): Engine {
  return {
    platform,
    calendar: platform.calendar,
    signals: new Map(),
    deadlineHooks: new Map(),
    specCache: new Map(),
    latestByKey: platform.caches.cache<DefinitionRow | null>('workflow.definition'),
    publishedInTx: new WeakMap(),
    canonicalById: new Map(),
  }
}

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

export interface TimerJob {
  taskId: string
  kind: 'warn' | 'due'
  at: string
  /** 'instance': the instance's deadline watched by a task with its own (`instanceDeadline`); else the task's. */
  clock?: 'instance'
}

export const fill = (tpl: string, scope: Record<string, unknown>) =>
  tpl.replace(/\{([\w.]+)\}/g, (_, p: string) => String(getPath(scope, p) ?? ''))

export const view = (i: InstanceRow): InstanceView => ({
  applicantId: i.applicantId,
  divisionCode: i.divisionCode,
  branch: i.branch,
  context: i.context,
})
