/**
 * The workflow engine's pure rules: definition shape and validation, who may take which action, guards, SLA
 * deadlines, and parallel joins. No I/O: the service feeds it rows, a clock and the calendar.
 */

import { type InputField, inputSpecProblem, protectedKeys } from './input.ts'

export interface Duration {
  amount: number
  /** Working days on the PRC calendar, or calendar hours (urgent matters). */
  unit: 'workday' | 'hour'
}

export type ActorRef = { role: string } | { applicant: true } | { system: true }

export type Guard =
  | { field: string; eq?: unknown; ne?: unknown; in?: unknown[]; exists?: boolean; lt?: number; gt?: number }
  | { all: Guard[] }
  | { any: Guard[] }
  | { not: Guard }

export type Effect =
  /** In-app notification (and channels) to the applicant or to whoever holds the next state's task. */
  | { type: 'notify'; to: 'applicant' | 'assignees'; title: string; body: string }
  /** A named signal handled in the same transaction by the module that registered it (e.g. issue_certificates). */
  | { type: 'signal'; name: string }
  /**
   * Moves the instance deadline (and its open tasks that work against it) later by an amount read from the
   * instance context, e.g. an approved extension (延期): `{ amountFrom: 'context.extensionDays', unit: 'workday' }`.
   */
  | { type: 'extend_deadline'; amountFrom: string; unit: Duration['unit'] }

export interface ActionSpec {
  key: string
  name: string
  to: string
  actors: ActorRef[]
  requireComment?: boolean
  guard?: Guard
  effects?: Effect[]
  /**
   * The data keys this action takes (merged into the instance context), with their types. A caller may send only
   * these; keys marked `module` only the owning module may set (see input.ts). No declaration: no caller data.
   */
  input?: Record<string, InputField>
}

export interface Assignee {
  /** The role holding the task; `roles` when several do (a unit's handler or a town's clerk). */
  role?: string
  roles?: string[]
  /**
   * 'branch' = the department of the branch this instance runs for; `{ from: 'context.unitId' }` = the department
   * id found at that path of the instance context when the task is created (e.g. the unit an order was dispatched
   * to); otherwise no department restriction.
   */
  department?: 'branch' | { from: string }
  applicant?: boolean
}

export interface ParallelSpec {
  /** Definition key of the sub-workflow each branch runs. */
  definition: string
  /** Path in the instance context holding the branch list: [{ key, name, departmentId, sla?, deemedConsent? }]. */
  branchesFrom: string
  join: 'all' | 'any' | 'reject_on_first' | { quorum: number }
  onApproved: string
  onRejected: string
}

export interface StateSpec {
  name: string
  final?: boolean
  /** Outcome a final state gives the instance (a branch's outcome feeds its parent's join). */
  outcome?: 'approved' | 'rejected' | 'withdrawn' | 'terminated' | 'returned'
  assignee?: Assignee
  sla?: Duration & { warnBefore?: number }
  /** The state's own limit read from the instance context (e.g. 'context.sla.acknowledge'), overriding `sla`. */
  slaFrom?: string
  /** The task of this state has no deadline and no timers (e.g. a centre's review step). */
  untimed?: boolean
  /** 'paused' while the matter is back with the applicant (补正): deadlines of this instance and its parents stop. */
  clock?: 'running' | 'paused'
  /** Pauses the clock like `clock: 'paused'` when this guard holds on { context } (a locality setting). */
  pauseWhen?: Guard
  actions?: ActionSpec[]
  parallel?: ParallelSpec
  /** System action taken when this state's deadline passes (escalation, 默认同意 …); its guard still applies. */
  onOverdue?: { action: string }
  /** Effects run by the durable timers of this state's task: at the warning (yellow card) and at the deadline. */
  warnEffects?: Effect[]
  overdueEffects?: Effect[]
  /**
   * A state with its own limit whose task also runs against the instance's deadline (待签收 counts toward the
   * handling limit): the instance's warning and deadline fire these effects while the task is open.
   */
  instanceDeadline?: { warnEffects?: Effect[]; overdueEffects?: Effect[] }
  effects?: Effect[]
}

export interface WorkflowSpec {
  key: string
  name: string
  initial: string
  /** Whole-instance limit, e.g. the theme's statutory total. */
  sla?: Duration & { warnBefore?: number }
  /** Whole-instance limit read from the start context (e.g. 'context.sla.handle'), overriding `sla`. */
  slaFrom?: string
  states: Record<string, StateSpec>
}

export interface BranchData {
  key: string
  name: string
  departmentId: string
  sla?: Duration & { warnBefore?: number }
  deemedConsent?: boolean
  [extra: string]: unknown
}

export class SpecError extends Error {}

/** The roles holding a task of this assignee. */
export const assigneeRoles = (a: Assignee | undefined): string[] => a?.roles ?? (a?.role ? [a.role] : [])

/** Structural checks done when a definition is published, so a broken spec never reaches a running case. */
export function validateSpec(spec: WorkflowSpec): void {
  const states = spec.states
  if (!states[spec.initial]) throw new SpecError(`initial state ${spec.initial} is not defined`)
  for (const [key, s] of Object.entries(states)) {
    if (s.final && (s.actions?.length || s.parallel)) throw new SpecError(`final state ${key} has actions`)
    if (!s.final && !s.parallel && !s.actions?.length) throw new SpecError(`state ${key} has no way out`)
    const keys = new Set<string>()
    if (s.assignee?.role && s.assignee.roles) throw new SpecError(`state ${key}: assignee has both role and roles`)
    for (const a of s.actions ?? []) {
      const problem = inputSpecProblem(a, protectedKeys(spec))
      if (problem) throw new SpecError(`state ${key}: ${problem}`)
      if (keys.has(a.key)) throw new SpecError(`state ${key}: duplicate action ${a.key}`)
      keys.add(a.key)
      if (!states[a.to]) throw new SpecError(`state ${key}: action ${a.key} goes to unknown state ${a.to}`)
      if (!a.actors.length) throw new SpecError(`state ${key}: action ${a.key} names no actor`)
    }
    if (s.parallel) {
      for (const t of [s.parallel.onApproved, s.parallel.onRejected])
        if (!states[t]) throw new SpecError(`state ${key}: join goes to unknown state ${t}`)
      if (typeof s.parallel.join === 'object' && !(s.parallel.join.quorum >= 1))
        throw new SpecError(`state ${key}: quorum must be ≥ 1`)
    }
    if (s.pauseWhen && s.clock === 'paused') throw new SpecError(`state ${key}: clock 'paused' and pauseWhen together`)
    if (s.onOverdue && !keys.has(s.onOverdue.action))
      throw new SpecError(`state ${key}: onOverdue action ${s.onOverdue.action} is not an action of the state`)
  }
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}

/** Evaluates a guard against { context, branch, input }. */
export function evaluateGuard(guard: Guard | undefined, scope: Record<string, unknown>): boolean {
  if (!guard) return true
  if ('all' in guard) return guard.all.every((g) => evaluateGuard(g, scope))
  if ('any' in guard) return guard.any.some((g) => evaluateGuard(g, scope))
  if ('not' in guard) return !evaluateGuard(guard.not, scope)
  const v = getPath(scope, guard.field)
  if (guard.exists !== undefined && (v !== undefined && v !== null) !== guard.exists) return false
  if ('eq' in guard && v !== guard.eq) return false
  if ('ne' in guard && v === guard.ne) return false
  if (guard.in && !guard.in.includes(v)) return false
  if (guard.lt !== undefined && !(typeof v === 'number' && v < guard.lt)) return false
  if (guard.gt !== undefined && !(typeof v === 'number' && v > guard.gt)) return false
  return true
}

/** The caller as the engine sees it. */
export interface EngineActor {
  kind: 'user' | 'system'
  userId: string | null
  roles: string[]
  departmentIds: string[]
  /** Division-code prefixes of the caller's posts. */
  scopes: string[]
  /** The posts themselves: a task bound to a department needs one post with both its role and that department. */
  posts?: { role: string; departmentId: string | null; scope: string }[]
}

export interface InstanceView {
  applicantId: string | null
  divisionCode: string
  branch: BranchData | null
  context: Record<string, unknown>
}

/**
 * May this actor take this action on this instance (ignoring the guard)? A state's assignee department (a branch's
 * department, the unit an order was dispatched to) binds only the roles the assignee names: the centre's own
 * action on a unit's step (合并) is not the unit's.
 */
export function actorMay(action: ActionSpec, actor: EngineActor, inst: InstanceView, assignee?: Assignee): boolean {
  const bound = assigneeRoles(assignee)
  const department = assigneeDepartment(assignee, inst)
  for (const ref of action.actors) {
    if ('system' in ref) {
      if (actor.kind === 'system') return true
      continue
    }
    if (actor.kind === 'system') continue
    if ('applicant' in ref) {
      if (inst.applicantId && actor.userId === inst.applicantId) return true
      continue
    }
    if (!actor.roles.includes(ref.role)) continue
    if (!actor.scopes.some((s) => inst.divisionCode.startsWith(s))) continue
    if (department && bound.includes(ref.role) && !holdsPost(actor, ref.role, department, inst.divisionCode)) continue
    return true
  }
  return false
}

/** Does the actor hold this role in this department (on one post, when the posts are known)? */
function holdsPost(actor: EngineActor, role: string, departmentId: string, divisionCode: string): boolean {
  if (!actor.posts) return actor.departmentIds.includes(departmentId)
  return actor.posts.some((p) => p.role === role && p.departmentId === departmentId && divisionCode.startsWith(p.scope))
}

/** The department a task of this assignee belongs to, or null for no department restriction. */
export function assigneeDepartment(assignee: Assignee | undefined, inst: InstanceView): string | null {
  const d = assignee?.department
  if (!d) return null
  if (d === 'branch') return inst.branch?.departmentId ?? null
  const v = getPath({ context: inst.context, branch: inst.branch ?? {} }, d.from)
  return typeof v === 'string' && v ? v : null
}

/** Does this state stop the clock for this instance (补正, or an extension pending when the locality says so)? */
export function pausesClock(s: StateSpec | undefined, context: Record<string, unknown>): boolean {
  if (!s) return false
  if (s.clock === 'paused') return true
  return !!s.pauseWhen && evaluateGuard(s.pauseWhen, { context })
}

/** A duration found at a path of { context } (slaFrom), if it is a well-formed one. */
export function durationAt(
  path: string | undefined,
  context: Record<string, unknown>,
): (Duration & { warnBefore?: number }) | null {
  if (!path) return null
  const v = getPath({ context }, path) as Partial<Duration> | undefined
  if (!v || typeof v !== 'object' || typeof v.amount !== 'number' || (v.unit !== 'workday' && v.unit !== 'hour'))
    return null
  return v as Duration & { warnBefore?: number }
}

/**
 * Moves a deadline later by an amount: working days from the current due date (end of that working day), or
 * plain hours.
 */
export function extendDeadline(due: Date, amount: number, unit: Duration['unit'], cal: Calendarish): Date {
  if (unit === 'hour') return new Date(due.getTime() + amount * 3_600_000)
  return endOfCstDay(cal.addWorkdays(cstDate(due), amount).date)
}

/** Actions the actor may take now in the given state (guards included). */
export function availableActions(
  spec: WorkflowSpec,
  state: string,
  actor: EngineActor,
  inst: InstanceView,
): ActionSpec[] {
  const s = spec.states[state]
  if (!s || s.final) return []
  const scope = { context: inst.context, branch: inst.branch ?? {} }
  return (s.actions ?? []).filter((a) => actorMay(a, actor, inst, s.assignee) && evaluateGuard(a.guard, scope))
}

export type JoinResult = 'approved' | 'rejected' | 'pending'

/**
 * Join of parallel branches. `all`: approved when every branch approved, rejected once any branch rejected and the
 * rest are done; `reject_on_first`: rejected at the first rejection; `any`: approved at the first approval,
 * rejected when all rejected; `quorum(n)`: approved at n approvals, rejected once n can no longer be reached.
 */
export function evaluateJoin(join: ParallelSpec['join'], outcomes: (string | null)[]): JoinResult {
  const total = outcomes.length
  const approved = outcomes.filter((o) => o === 'approved').length
  const done = outcomes.filter((o) => o !== null).length
  const rejected = done - approved
  if (join === 'all') {
    if (approved === total) return 'approved'
    return done === total ? 'rejected' : 'pending'
  }
  if (join === 'reject_on_first') {
    if (rejected > 0) return 'rejected'
    return approved === total ? 'approved' : 'pending'
  }
  if (join === 'any') {
    if (approved > 0) return 'approved'
    return done === total ? 'rejected' : 'pending'
  }
  const need = Math.min(join.quorum, total)
  if (approved >= need) return 'approved'
  return total - rejected < need ? 'rejected' : 'pending'
}

export interface Calendarish {
  addWorkdays(from: string, n: number): { date: string; provisional: boolean }
  workdaysBetween(from: string, to: string): { days: number; provisional: boolean }
}

const CST_OFFSET = 8 * 3_600_000
/** The China Standard Time calendar date of an instant. */
export const cstDate = (t: Date) => new Date(t.getTime() + CST_OFFSET).toISOString().slice(0, 10)
/** End of a CST calendar day (23:59:59.999 +08:00). */
export const endOfCstDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`)

export interface Deadline {
  dueAt: Date
  warnAt: Date | null
  provisional: boolean
}

/**
 * Deadline of a duration started at `from`. Working days: the end of the n-th working day after the start date
 * (行政许可法 art. 82); the warning (yellow card) falls `warnBefore` working days earlier. Hours: plain clock time.
 */
export function computeDeadline(from: Date, d: Duration & { warnBefore?: number }, cal: Calendarish): Deadline {
  if (d.unit === 'hour') {
    const dueAt = new Date(from.getTime() + d.amount * 3_600_000)
    const warnAt = d.warnBefore ? new Date(dueAt.getTime() - d.warnBefore * 3_600_000) : null
    return { dueAt, warnAt, provisional: false }
  }
  const due = cal.addWorkdays(cstDate(from), d.amount)
  let warnAt: Date | null = null
  if (d.warnBefore && d.warnBefore < d.amount) warnAt = endOfCstDay(cal.addWorkdays(due.date, -d.warnBefore).date)
  return { dueAt: endOfCstDay(due.date), warnAt, provisional: due.provisional }
}

/**
 * Moves a deadline by the time a clock was paused: working-day deadlines by the working days the pause covered
 * (补正 time does not count), hour deadlines by the elapsed time.
 */
export function shiftForPause(
  due: Date,
  pausedAt: Date,
  resumedAt: Date,
  unit: Duration['unit'],
  cal: Calendarish,
): Date {
  if (unit === 'hour') return new Date(due.getTime() + (resumedAt.getTime() - pausedAt.getTime()))
  const days = cal.workdaysBetween(cstDate(pausedAt), cstDate(resumedAt)).days
  if (days <= 0) return due
  return endOfCstDay(cal.addWorkdays(cstDate(due), days).date)
}

export type SlaStatus = 'on_track' | 'warning' | 'overdue' | 'paused' | 'done'

export function slaStatus(
  now: Date,
  t: { dueAt: Date | null; warnAt: Date | null; pausedAt: Date | null; done: boolean },
): SlaStatus {
  if (t.done) return 'done'
  if (t.pausedAt) return 'paused'
  if (!t.dueAt) return 'on_track'
  if (now > t.dueAt) return 'overdue'
  if (t.warnAt && now > t.warnAt) return 'warning'
  return 'on_track'
}
