import { afterTx, beforeCommit, type Queryable, type Tx } from '../../platform/db.ts'
import type { WorkflowSpec } from './domain.ts'
import {
  type DefinitionRow,
  type InstanceRow,
  type NewInstance,
  type NewTask,
  type PostRef,
  postHoldsTask,
  postParams,
  type TaskRow,
  type TransitionInput,
  toDefinition,
  toInstance,
  toTask,
} from './rows.ts'

export type { DefinitionRow, InstanceRow, NewInstance, NewTask, PostRef, TaskRow, TransitionInput } from './rows.ts'
export const workflowRepo = {
  async latestDefinition(q: Queryable, key: string): Promise<DefinitionRow | null> {
    const { rows } = await q.query('select * from workflow_definition where key = $1 order by version desc limit 1', [
      key,
    ])
    return rows[0] ? toDefinition(rows[0]) : null
  },
  async definitionById(q: Queryable, id: string): Promise<DefinitionRow | null> {
    const { rows } = await q.query('select * from workflow_definition where id = $1', [id])
    return rows[0] ? toDefinition(rows[0]) : null
  },
  async listDefinitions(q: Queryable): Promise<DefinitionRow[]> {
    const { rows } = await q.query('select distinct on (key) * from workflow_definition order by key, version desc')
    return rows.map(toDefinition)
  },
  async insertDefinition(tx: Tx, d: { key: string; version: number; name: string; spec: WorkflowSpec }) {
    const { rows } = await tx.query(
      'insert into workflow_definition (key, version, name, spec) values ($1,$2,$3,$4) returning *',
      [d.key, d.version, d.name, JSON.stringify(d.spec)],
    )
    return toDefinition(rows[0])
  },

  /** Inserts instances in one statement (ids made here, so a root can point at itself). */
  async insertInstances(tx: Tx, list: NewInstance[]): Promise<InstanceRow[]> {
    if (!list.length) return []
    const rows = list.map((i) => {
      const id = crypto.randomUUID()
      return {
        id,
        definition_id: i.definitionId,
        parent_id: i.parentId,
        root_id: i.rootId ?? id,
        branch: i.branch,
        subject_type: i.subjectType,
        subject_id: i.subjectId,
        title: i.title,
        division_code: i.divisionCode,
        applicant_id: i.applicantId,
        state: i.state,
        context: i.context,
        started_at: i.startedAt,
        due_at: i.dueAt,
        due_provisional: i.dueProvisional,
      }
    })
    const res = await tx.query({
      name: 'wf_insert_instances',
      text: `insert into workflow_instance (id, definition_id, parent_id, root_id, branch, subject_type, subject_id, title,
         division_code, applicant_id, state, context, started_at, due_at, due_provisional)
       select id, definition_id, parent_id, root_id, branch, subject_type, subject_id, title, division_code, applicant_id,
         state, coalesce(context, '{}'), started_at, due_at, due_provisional
       from jsonb_to_recordset($1::jsonb) as x(id uuid, definition_id uuid, parent_id uuid, root_id uuid, branch jsonb,
         subject_type text, subject_id text, title text, division_code text, applicant_id uuid, state text, context jsonb,
         started_at timestamptz, due_at timestamptz, due_provisional boolean)
       returning *`,
      values: [JSON.stringify(rows)],
    })
    const byId = new Map(res.rows.map((r) => [r.id, toInstance(r)]))
    return rows.map((r) => byId.get(r.id)!)
  },
  async insertInstance(tx: Tx, i: NewInstance): Promise<InstanceRow> {
    return (await workflowRepo.insertInstances(tx, [i]))[0]!
  },
  async findInstance(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<InstanceRow | null> {
    const { rows } = await q.query(`select * from workflow_instance where id = $1${opts.lock ? ' for update' : ''}`, [
      id,
    ])
    return rows[0] ? toInstance(rows[0]) : null
  },
  async instancesBySubject(q: Queryable, subjectType: string, subjectId: string): Promise<InstanceRow[]> {
    const { rows } = await q.query(
      'select * from workflow_instance where subject_type = $1 and subject_id = $2 and parent_id is null order by created_at',
      [subjectType, subjectId],
    )
    return rows.map(toInstance)
  },
  async branches(q: Queryable, subjectType: string, subjectIds?: string[]): Promise<InstanceRow[]> {
    const { rows } = await q.query(
      `select * from workflow_instance where subject_type = $1 and parent_id is not null and branch is not null
         and ($2::text[] is null or subject_id = any($2)) order by started_at`,
      [subjectType, subjectIds ?? null],
    )
    return rows.map(toInstance)
  },
  async children(q: Queryable, parentId: string): Promise<InstanceRow[]> {
    const { rows } = await q.query('select * from workflow_instance where parent_id = $1 order by created_at, id', [
      parentId,
    ])
    return rows.map(toInstance)
  },
  async descendants(q: Queryable, rootId: string): Promise<InstanceRow[]> {
    const { rows } = await q.query('select * from workflow_instance where root_id = $1 order by created_at, id', [
      rootId,
    ])
    return rows.map(toInstance)
  },
  /** Bumps the version if it is still `expected`: the optimistic lock. False when someone else got there first. */
  async bumpVersion(tx: Tx, id: string, expected: number): Promise<boolean> {
    const r = await tx.query(
      'update workflow_instance set version = version + 1, updated_at = now() where id = $1 and version = $2',
      [id, expected],
    )
    return (r.rowCount ?? 0) === 1
  },
  async setDueProvisional(tx: Tx, id: string, provisional: boolean) {
    await tx.query('update workflow_instance set due_provisional = $2 where id = $1', [id, provisional])
  },
  async updateInstance(tx: Tx, i: InstanceRow) {
    await tx.query(
      `update workflow_instance set state = $2, status = $3, outcome = $4, context = $5, due_at = $6, paused_at = $7,
         pause_depth = $8, paused_total_ms = $9, completed_at = $10, updated_at = now() where id = $1`,
      [
        i.id,
        i.state,
        i.status,
        i.outcome,
        JSON.stringify(i.context),
        i.dueAt,
        i.pausedAt,
        i.pauseDepth,
        i.pausedTotalMs,
        i.completedAt,
      ],
    )
  },

  async insertTasks(tx: Tx, list: NewTask[]): Promise<TaskRow[]> {
    if (!list.length) return []
    const { rows } = await tx.query({
      name: 'wf_insert_tasks',
      text: `insert into workflow_task (instance_id, root_id, state, name, assignee_role, assignee_roles,
         assignee_department_id, assignee_applicant, division_code, due_at, warn_at, paused_at)
       select instance_id, root_id, state, name, assignee_roles[1], assignee_roles, assignee_department_id,
         assignee_applicant, division_code, due_at, warn_at, paused_at
       from jsonb_to_recordset($1::jsonb) as x(instance_id uuid, root_id uuid, state text, name text,
         assignee_roles text[], assignee_department_id uuid, assignee_applicant boolean, division_code text,
         due_at timestamptz, warn_at timestamptz, paused_at timestamptz)
       returning *`,
      values: [
        JSON.stringify(
          list.map((t) => ({
            instance_id: t.instanceId,
            root_id: t.rootId,
            state: t.state,
            name: t.name,
            assignee_roles: t.assigneeRoles,
            assignee_department_id: t.assigneeDepartmentId,
            assignee_applicant: t.assigneeApplicant,
            division_code: t.divisionCode,
            due_at: t.dueAt,
            warn_at: t.warnAt,
            paused_at: t.pausedAt,
          })),
        ),
      ],
    })
    return rows.map(toTask)
  },
  async insertTask(tx: Tx, t: NewTask): Promise<TaskRow> {
    return (await workflowRepo.insertTasks(tx, [t]))[0]!
  },
  /** Was a task of this tree ever held by one of these posts (its role, and its department when it had one)? */
  async hasTaskFor(q: Queryable, rootId: string, posts: PostRef[]): Promise<boolean> {
    if (!posts.length) return false
    const { rows } = await q.query(
      `select 1 from workflow_task t where t.root_id = $1 and exists (${postHoldsTask(2)}) limit 1`,
      [rootId, ...postParams(posts)],
    )
    return rows.length > 0
  },
  async openTasks(q: Queryable, instanceId: string): Promise<TaskRow[]> {
    const { rows } = await q.query(`select * from workflow_task where instance_id = $1 and status = 'open'`, [
      instanceId,
    ])
    return rows.map(toTask)
  },
  async tasksOfRoot(q: Queryable, rootId: string): Promise<TaskRow[]> {
    const { rows } = await q.query('select * from workflow_task where root_id = $1 order by created_at, id', [rootId])
    return rows.map(toTask)
  },
  /** Active instances whose own or an open task's clock runs across the CST dates [from, to], in id order. */
  async instancesWithDeadlineIn(q: Queryable, from: string, to: string): Promise<string[]> {
    const { rows } = await q.query(
      `select distinct i.id from workflow_instance i
       left join workflow_task k on k.instance_id = i.id and k.status = 'open' and k.due_at is not null
       where i.status = 'active'
         and ((i.due_at >= ($1 || 'T00:00:00+08:00')::timestamptz and i.started_at < ($2 || 'T24:00:00+08:00')::timestamptz)
           or (k.due_at >= ($1 || 'T00:00:00+08:00')::timestamptz and k.created_at < ($2 || 'T24:00:00+08:00')::timestamptz))
       order by i.id`,
      [from, to],
    )
    return rows.map((r) => r.id)
  },
  async findTasks(q: Queryable, ids: string[]): Promise<TaskRow[]> {
    const { rows } = await q.query('select * from workflow_task where id = any($1::uuid[])', [ids])
    return rows.map(toTask)
  },
  async findInstances(q: Queryable, ids: string[]): Promise<InstanceRow[]> {
    const { rows } = await q.query('select * from workflow_instance where id = any($1::uuid[])', [ids])
    return rows.map(toInstance)
  },
  async openTasksOf(q: Queryable, instanceIds: string[]): Promise<TaskRow[]> {
    const { rows } = await q.query(
      `select * from workflow_task where instance_id = any($1::uuid[]) and status = 'open' order by id`,
      [instanceIds],
    )
    return rows.map(toTask)
  },
  /** Sets many tasks' flags in one statement, in id order (the order concurrent batches lock them in). */
  async setTaskFlags(tx: Tx, flags: { id: string; flag: TaskRow['slaFlag'] }[]) {
    if (!flags.length) return
    const sorted = [...flags].sort((a, b) => (a.id < b.id ? -1 : 1))
    await tx.query(
      `update workflow_task t set sla_flag = x.flag from unnest($1::uuid[], $2::text[]) as x(id, flag) where t.id = x.id`,
      [sorted.map((f) => f.id), sorted.map((f) => f.flag)],
    )
  },
  async findTask(q: Queryable, id: string): Promise<TaskRow | null> {
    const { rows } = await q.query('select * from workflow_task where id = $1', [id])
    return rows[0] ? toTask(rows[0]) : null
  },
  async closeTasks(tx: Tx, instanceId: string, status: 'done' | 'cancelled', by: string | null, action: string | null) {
    await tx.query(
      `update workflow_task set status = $2, completed_at = now(), completed_by = $3, completed_action = $4
       where instance_id = $1 and status = 'open'`,
      [instanceId, status, by, action],
    )
  },
  async updateTaskClock(tx: Tx, t: Pick<TaskRow, 'id' | 'dueAt' | 'warnAt' | 'pausedAt'>) {
    await tx.query('update workflow_task set due_at = $2, warn_at = $3, paused_at = $4 where id = $1', [
      t.id,
      t.dueAt,
      t.warnAt,
      t.pausedAt,
    ])
  },
  async setTaskFlag(tx: Tx, id: string, flag: TaskRow['slaFlag']) {
    await tx.query('update workflow_task set sla_flag = $2 where id = $1', [id, flag])
  },

  /**
   * History rows are only read after commit, so a transaction's transitions are buffered and written in one
   * statement just before it commits (a 14-branch fan-out writes them in one round trip, not several).
   */
  async insertTransitions(tx: Tx, list: TransitionInput[]) {
    if (!list.length) return
    let buffer = pendingTransitions.get(tx)
    if (!buffer) {
      const rows: TransitionInput[] = []
      const flush = () => {
        pendingTransitions.delete(tx)
        return writeTransitions(tx, rows)
      }
      if (!beforeCommit(tx, flush)) return writeTransitions(tx, list)
      buffer = rows
      pendingTransitions.set(tx, buffer)
      afterTx(tx, () => pendingTransitions.delete(tx))
    }
    buffer.push(...list)
  },
  async insertTransition(tx: Tx, t: TransitionInput) {
    await workflowRepo.insertTransitions(tx, [t])
  },

  async history(q: Queryable, rootId: string) {
    // People read names, not logins: the account's display name where the actor was a person.
    const { rows } = await q.query(
      `select t.*, u.display_name as actor_display_name
         from workflow_transition t
         left join core_user u on t.actor_kind = 'user' and u.id::text = t.actor_id
        where t.root_id = $1 order by t.id`,
      [rootId],
    )
    return rows.map((r) => ({
      id: Number(r.id),
      instanceId: r.instance_id as string,
      fromState: r.from_state as string | null,
      toState: r.to_state as string,
      action: r.action as string,
      actorKind: r.actor_kind as string,
      actorName: (r.actor_display_name ?? r.actor_name) as string | null,
      comment: r.comment as string | null,
      attachments: r.attachments as unknown[],
      at: (r.at as Date).toISOString(),
    }))
  },

  /** Open tasks an actor may work on: by role + department + division scope, or the applicant's own. */
  /** Open tasks of the applicant's own cases and of the caller's posts (role, department when bound, scope). */
  async worklist(q: Queryable, userId: string | null, posts: PostRef[], page: { limit: number; offset: number }) {
    const { rows } = await q.query(
      `select t.*, i.title, i.subject_type, i.subject_id, i.branch, r.title as root_title, r.subject_type as root_subject_type,
         r.subject_id as root_subject_id, count(*) over() as total
       from workflow_task t join workflow_instance i on i.id = t.instance_id join workflow_instance r on r.id = t.root_id
       where t.status = 'open' and (
         (t.assignee_applicant and r.applicant_id = $1)
         or (t.assignee_roles && $4::text[] and exists (${postHoldsTask(4)})))
       order by t.due_at nulls last, t.created_at limit $2 offset $3`,
      [userId, page.limit, page.offset, ...postParams(posts)],
    )
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        task: toTask(r),
        instanceTitle: r.title as string,
        branchName: (r.branch?.name ?? null) as string | null,
        root: {
          id: r.root_id as string,
          title: r.root_title as string,
          subjectType: r.root_subject_type as string,
          subjectId: r.root_subject_id as string,
        },
      })),
    }
  },

  /**
   * The active holders of each task assignment (roles, the department if any, a post scope covering the task's
   * division), for many assignments in one statement; identical assignments are asked once.
   */
  async userIdsForMany(
    q: Queryable,
    list: { roles: string[]; departmentId: string | null; divisionCode: string }[],
  ): Promise<string[][]> {
    if (!list.length) return []
    const keys = list.map((a) => JSON.stringify([a.roles, a.departmentId, a.divisionCode]))
    const unique = [...new Set(keys)]
    const { rows } = await q.query(
      `select distinct x.n::int n, p.user_id
         from jsonb_array_elements($1::jsonb) with ordinality as x(a, n)
         join core_post p on p.role in (select jsonb_array_elements_text(x.a->0))
          and (x.a->>1 is null or p.department_id = (x.a->>1)::uuid) and x.a->>2 like p.scope_division_code || '%'
         join core_user u on u.id = p.user_id and u.status = 'active'`,
      [`[${unique.join(',')}]`],
    )
    const byKey = new Map<string, string[]>(unique.map((k) => [k, []]))
    for (const r of rows) byKey.get(unique[r.n - 1]!)!.push(r.user_id)
    return keys.map((k) => byKey.get(k)!)
  },
}

const pendingTransitions = new WeakMap<Tx, TransitionInput[]>()

async function writeTransitions(tx: Tx, list: TransitionInput[]) {
  if (!list.length) return
  await tx.query({
    name: 'wf_insert_transitions',
    text: `insert into workflow_transition (instance_id, root_id, from_state, to_state, action, actor_id, actor_kind, actor_name,
         comment, attachments, data)
       select instance_id, root_id, from_state, to_state, action, actor_id, actor_kind, actor_name, comment,
         coalesce(attachments, '[]'), coalesce(data, '{}')
       from jsonb_to_recordset($1::jsonb) as x(instance_id uuid, root_id uuid, from_state text, to_state text, action text,
         actor_id text, actor_kind text, actor_name text, comment text, attachments jsonb, data jsonb)`,
    values: [
      JSON.stringify(
        list.map((t) => ({
          instance_id: t.instanceId,
          root_id: t.rootId,
          from_state: t.fromState,
          to_state: t.toState,
          action: t.action,
          actor_id: t.actorId,
          actor_kind: t.actorKind,
          actor_name: t.actorName,
          comment: t.comment,
          attachments: t.attachments,
          data: t.data,
        })),
      ),
    ],
  })
}
