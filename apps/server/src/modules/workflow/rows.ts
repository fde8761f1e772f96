/** Row types of the workflow tables and their mapping from query results. */
import type { BranchData, WorkflowSpec } from './domain.ts'

export interface DefinitionRow {
  id: string
  key: string
  version: number
  name: string
  spec: WorkflowSpec
  createdAt: string
}

export interface InstanceRow {
  id: string
  definitionId: string
  parentId: string | null
  rootId: string
  branch: BranchData | null
  subjectType: string
  subjectId: string
  title: string
  divisionCode: string
  applicantId: string | null
  state: string
  status: 'active' | 'completed' | 'cancelled'
  outcome: string | null
  context: Record<string, unknown>
  startedAt: Date
  dueAt: Date | null
  dueProvisional: boolean
  pausedAt: Date | null
  pauseDepth: number
  pausedTotalMs: number
  completedAt: Date | null
  version: number
}

export interface TaskRow {
  id: string
  instanceId: string
  rootId: string
  state: string
  name: string
  /** The roles holding the task ([] for the applicant's own task). */
  assigneeRoles: string[]
  assigneeDepartmentId: string | null
  assigneeApplicant: boolean
  divisionCode: string
  status: 'open' | 'done' | 'cancelled'
  dueAt: Date | null
  warnAt: Date | null
  slaFlag: 'on_track' | 'warning' | 'overdue'
  pausedAt: Date | null
  createdAt: Date
  completedAt: Date | null
  completedBy: string | null
  completedAction: string | null
}

export type NewInstance = Omit<
  InstanceRow,
  'id' | 'rootId' | 'status' | 'outcome' | 'pausedAt' | 'pauseDepth' | 'pausedTotalMs' | 'completedAt' | 'version'
> & { rootId: string | null }

export type NewTask = Omit<
  TaskRow,
  'id' | 'status' | 'slaFlag' | 'createdAt' | 'completedAt' | 'completedBy' | 'completedAction'
>

export interface TransitionInput {
  instanceId: string
  rootId: string
  fromState: string | null
  toState: string
  action: string
  actorId: string | null
  actorKind: string
  actorName: string | null
  comment: string | null
  attachments: unknown[]
  data: Record<string, unknown>
}

export const toDefinition = (r: Record<string, any>): DefinitionRow => ({
  id: r.id,
  key: r.key,
  version: r.version,
  name: r.name,
  spec: r.spec,
  createdAt: r.created_at.toISOString(),
})

export const toInstance = (r: Record<string, any>): InstanceRow => ({
  id: r.id,
  definitionId: r.definition_id,
  parentId: r.parent_id,
  rootId: r.root_id,
  branch: r.branch,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  title: r.title,
  divisionCode: r.division_code,
  applicantId: r.applicant_id,
  state: r.state,
  status: r.status,
  outcome: r.outcome,
  context: r.context,
  startedAt: r.started_at,
  dueAt: r.due_at,
  dueProvisional: r.due_provisional,
  pausedAt: r.paused_at,
  pauseDepth: r.pause_depth,
  pausedTotalMs: Number(r.paused_total_ms),
  completedAt: r.completed_at,
  version: r.version,
})

export const toTask = (r: Record<string, any>): TaskRow => ({
  id: r.id,
  instanceId: r.instance_id,
  rootId: r.root_id,
  state: r.state,
  name: r.name,
  assigneeRoles: r.assignee_roles ?? (r.assignee_role ? [r.assignee_role] : []),
  assigneeDepartmentId: r.assignee_department_id,
  assigneeApplicant: r.assignee_applicant,
  divisionCode: r.division_code,
  status: r.status,
  dueAt: r.due_at,
  warnAt: r.warn_at,
  slaFlag: r.sla_flag,
  pausedAt: r.paused_at,
  createdAt: r.created_at,
  completedAt: r.completed_at,
  completedBy: r.completed_by,
  completedAction: r.completed_action,
})

export interface PostRef {
  role: string
  departmentId: string | null
  scope: string
}

/**
 * One of the posts given as parameters $n (roles), $n+1 (departments), $n+2 (scopes) holds task `t`: it has one of
 * the task's roles, the task's department when the task is bound to one, and a scope covering the task's division.
 */
export const postHoldsTask = (n: number) => `select 1 from unnest($${n}::text[], $${n + 1}::uuid[], $${n + 2}::text[])
    as p(role, department_id, scope)
  where p.role = any(t.assignee_roles) and (t.assignee_department_id is null or t.assignee_department_id = p.department_id)
    and t.division_code like p.scope || '%'`
export const postParams = (posts: PostRef[]) => [
  posts.map((p) => p.role),
  posts.map((p) => p.departmentId),
  posts.map((p) => p.scope),
]
