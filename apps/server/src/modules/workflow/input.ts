/**
 * What data an action takes. The engine merges an action's `data` into the instance context, and the context
 * routes the work (the unit an order goes to, a branch's department), sets clocks and feeds guards. So a caller's
 * data is limited to the keys the action declares, each with a type, and never a key the engine routes or times
 * by: those only the owning module may set. Declarations are plain JSON, stored with the definition version.
 */
import { z } from 'zod'
import type { ActionSpec, Guard, WorkflowSpec } from './domain.ts'

export type InputType = 'string' | 'number' | 'integer' | 'boolean' | 'uuid' | 'date' | 'datetime' | 'string[]'

export interface InputField {
  type: InputType
  required?: boolean
  nullable?: boolean
  /** Strings: length; numbers: value; lists: item count. */
  min?: number
  max?: number
  /** Strings (and list items): the allowed values. */
  enum?: string[]
  /** Routing, actor or clock data that only the module owning the subject sets (never a generic caller). */
  module?: boolean
}

/** Where the data of an action comes from: a caller (the generic endpoint, by default) or the owning module. */
export type InputOrigin = 'caller' | 'module'

/**
 * Context keys that route work or name people, whatever a definition says: a caller never sets them. Keys a
 * definition reads for assignees, clocks, branches and guards are added per definition (`protectedKeys`).
 */
export const PROTECTED_KEYS: readonly string[] = [
  'unitId',
  'coUnitIds',
  'departmentId',
  'providerUnitId',
  'assignee',
  'assigneeId',
  'assignees',
  'assigneeRole',
  'role',
  'roles',
  'applicantId',
  'actorId',
  'userId',
  'divisionCode',
  'scope',
  'branch',
  'branches',
  'stages',
  'sla',
  'parentId',
  'rootId',
]

const contextKey = (path: string | undefined, relative = false): string | null => {
  if (!path) return null
  const parts = path.split('.')
  if (relative) return parts[0] || null
  return parts[0] === 'context' && parts[1] ? parts[1] : null
}

function guardKeys(g: Guard | undefined, out: Set<string>) {
  if (!g) return
  if ('all' in g) for (const x of g.all) guardKeys(x, out)
  else if ('any' in g) for (const x of g.any) guardKeys(x, out)
  else if ('not' in g) guardKeys(g.not, out)
  else {
    const k = contextKey(g.field)
    if (k) out.add(k)
  }
}

const protectedCache = new WeakMap<WorkflowSpec, Set<string>>()

/** The context keys this definition routes, times or guards by, plus the platform-wide PROTECTED_KEYS. */
export function protectedKeys(spec: WorkflowSpec): Set<string> {
  const cached = protectedCache.get(spec)
  if (cached) return cached
  const out = new Set(PROTECTED_KEYS)
  const add = (k: string | null) => k && out.add(k)
  add(contextKey(spec.slaFrom))
  for (const s of Object.values(spec.states)) {
    add(contextKey(s.slaFrom))
    const d = s.assignee?.department
    if (d && d !== 'branch') add(contextKey(d.from))
    if (s.parallel) add(contextKey(s.parallel.branchesFrom, true))
    guardKeys(s.pauseWhen, out)
    const effects = [...(s.effects ?? []), ...(s.warnEffects ?? []), ...(s.overdueEffects ?? [])]
    for (const a of s.actions ?? []) {
      guardKeys(a.guard, out)
      effects.push(...(a.effects ?? []))
    }
    for (const e of effects) if (e.type === 'extend_deadline') add(contextKey(e.amountFrom))
  }
  protectedCache.set(spec, out)
  return out
}

/** Definition check: a key the engine routes by may be declared only as module data (the problem, or null). */
export function inputSpecProblem(action: ActionSpec, guarded: Set<string>): string | null {
  for (const [key, f] of Object.entries(action.input ?? {}))
    if (guarded.has(key) && !f.module) return `action ${action.key} declares routing key ${key} as caller input`
  return null
}

function fieldSchema(f: InputField): z.ZodType {
  let s: z.ZodType
  const text = () => {
    if (f.enum) return z.enum(f.enum as [string, ...string[]])
    return z
      .string()
      .min(f.min ?? 0)
      .max(f.max ?? 2000)
  }
  switch (f.type) {
    case 'string':
      s = text()
      break
    case 'number':
    case 'integer': {
      let n = f.type === 'integer' ? z.number().int() : z.number()
      if (f.min !== undefined) n = n.min(f.min)
      if (f.max !== undefined) n = n.max(f.max)
      s = n
      break
    }
    case 'boolean':
      s = z.boolean()
      break
    case 'uuid':
      s = z.uuid()
      break
    case 'date':
      s = z.iso.date()
      break
    case 'datetime':
      s = z.iso.datetime({ offset: true })
      break
    case 'string[]':
      s = z
        .array(f.enum ? z.enum(f.enum as [string, ...string[]]) : z.string().max(200))
        .min(f.min ?? 0)
        .max(f.max ?? 100)
      break
  }
  if (f.nullable) s = s.nullable()
  return f.required ? s : s.optional()
}

const schemaCache = new WeakMap<ActionSpec, Map<string, z.ZodType>>()
function schemasOf(action: ActionSpec) {
  let m = schemaCache.get(action)
  if (!m) {
    m = new Map(Object.entries(action.input ?? {}).map(([k, f]) => [k, fieldSchema(f)]))
    schemaCache.set(action, m)
  }
  return m
}

export interface InputIssue {
  key: string
  reason: 'undeclared' | 'protected' | 'invalid' | 'required'
  message?: string
}

/**
 * The problems of an action's data (empty when it may be merged). A caller may send only declared, non-module
 * keys. The module owning the subject may also set module keys; an action declaring nothing (a definition version
 * older than declarations) takes its module's data unchecked.
 */
export function inputIssues(
  spec: WorkflowSpec,
  action: ActionSpec,
  data: Record<string, unknown> | undefined,
  origin: InputOrigin,
): InputIssue[] {
  if (origin === 'module' && !action.input) return []
  const declared = action.input ?? {}
  const guarded = protectedKeys(spec)
  const issues: InputIssue[] = []
  const given = data ?? {}
  for (const key of Object.keys(given)) {
    const f = Object.hasOwn(declared, key) ? declared[key] : undefined
    if (origin === 'caller' && (guarded.has(key) || f?.module)) issues.push({ key, reason: 'protected' })
    else if (!f) issues.push({ key, reason: 'undeclared' })
  }
  for (const [key, schema] of schemasOf(action)) {
    if (issues.some((i) => i.key === key)) continue
    if (origin === 'caller' && declared[key]?.module) continue
    const present = Object.hasOwn(given, key)
    const r = schema.safeParse(present ? given[key] : undefined)
    if (!r.success)
      issues.push(
        present ? { key, reason: 'invalid', message: r.error.issues[0]?.message } : { key, reason: 'required' },
      )
  }
  return issues
}
