import { type Actor, recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { validationFailed } from '../../platform/errors.ts'
import { claimJob } from '../../platform/job-once.ts'
import type { Platform } from '../../platform/platform.ts'
import { materialsPending } from './errors.ts'

// 容缺受理 enforced: a material accepted without its file carries a due date. The applicant is reminded a few working
// days before it (a locality setting), and when the date passes the case is escalated to the window of its division.
// Both are durable pg-boss jobs written in the transaction that accepted the case; a re-delivered job, or one for a
// material supplied meanwhile, does nothing. Unified issuance (四证齐发) is refused while deferred materials are
// missing unless the window states why it issues anyway; that decision is recorded (who, why, which materials).

export const MATERIAL_DUE_QUEUE = 'approval.material-due'
/** Locality setting: working days before the due date at which the applicant is reminded (seed default 3). */
export const REMIND_SETTING = 'approval.deferredMaterial.remindWorkdays'
export const REMIND_DEFAULT = 3

export interface MaterialTimer {
  caseId: string
  code: string
  kind: 'remind' | 'escalate'
  /** The due date the timer was armed for (YYYY-MM-DD); a changed date makes it stale. */
  dueDate: string
  at: string
}

type Deps = Pick<Platform, 'db' | 'jobs' | 'notifications' | 'calendar' | 'settings'>

/** The reminder (09:00 China time, N working days before) and the escalation (the day after the due date). */
export function materialTimers(
  caseId: string,
  materials: readonly { code: string; dueDate: string | null }[],
  remindWorkdays: number,
  addWorkdays: (from: string, n: number) => string,
  now: Date,
): MaterialTimer[] {
  const out: MaterialTimer[] = []
  for (const m of materials) {
    if (!m.dueDate) continue
    const escalate = new Date(`${m.dueDate}T00:00:00+08:00`).getTime() + 24 * 3_600_000
    const remind = new Date(`${addWorkdays(m.dueDate, -Math.max(0, remindWorkdays))}T09:00:00+08:00`).getTime()
    const base = { caseId, code: m.code, dueDate: m.dueDate }
    // A due date too close for a reminder in the future gets the reminder now (the next worker poll).
    out.push({ ...base, kind: 'remind', at: new Date(Math.max(remind, now.getTime())).toISOString() })
    out.push({ ...base, kind: 'escalate', at: new Date(Math.max(escalate, now.getTime())).toISOString() })
  }
  return out
}

export function createDeferredMaterials(platform: Deps) {
  const { db } = platform

  async function notify(tx: Tx, userIds: (string | null)[], title: string, body: string, caseId: string) {
    const ids = [...new Set(userIds.filter((x): x is string => !!x))]
    if (ids.length)
      await platform.notifications.send(tx, { userIds: ids, title, body, link: `/approval/cases/${caseId}` })
  }

  return {
    /** Arms the reminder and escalation of every deferred material of a new case, in its transaction. */
    async schedule(tx: Tx, caseId: string, materials: readonly { code: string; dueDate: string | null }[]) {
      const pending = materials.filter((m) => m.dueDate)
      if (!pending.length) return
      const days = await platform.settings.get(REMIND_SETTING, REMIND_DEFAULT)
      const timers = materialTimers(
        caseId,
        pending,
        days,
        (from, n) => platform.calendar.addWorkdays(from, n).date,
        new Date(),
      )
      await platform.jobs.insertInTx(
        tx,
        timers.map((data) => ({ name: MATERIAL_DUE_QUEUE, data, startAfter: new Date(data.at), retryLimit: 5 })),
      )
    },

    /** A reminder or escalation fired; effects once per job id, none when the material was supplied meanwhile. */
    async handle(job: MaterialTimer, jobId?: string) {
      await db.tx(async (tx) => {
        if (jobId && !(await claimJob(tx, MATERIAL_DUE_QUEUE, jobId))) return
        const { rows } = await tx.query(
          `select m.name, m.pending, to_char(m.due_date, 'YYYY-MM-DD') as due_date, c.status, c.title, c.number,
             c.applicant_user_id, c.clerk_id, c.division_code
           from approval_case_material m join approval_case c on c.id = m.case_id
           where m.case_id = $1 and m.code = $2 for update`,
          [job.caseId, job.code],
        )
        const m = rows[0]
        if (!m?.pending || m.due_date !== job.dueDate || ['withdrawn', 'refused'].includes(m.status)) return
        const what = `“${m.title}”（${m.number}）的容缺材料“${m.name}”`
        if (job.kind === 'remind') {
          await tx.query('update approval_case_material set reminded_at = now() where case_id = $1 and code = $2', [
            job.caseId,
            job.code,
          ])
          await notify(
            tx,
            [m.applicant_user_id ?? m.clerk_id],
            '容缺材料补齐提醒',
            `${what}应于 ${m.due_date} 前补齐，请尽快提交`,
            job.caseId,
          )
          return
        }
        await tx.query('update approval_case_material set overdue_at = now() where case_id = $1 and code = $2', [
          job.caseId,
          job.code,
        ])
        // The window of the case's division follows up (ARCHITECTURE §5: escalation is the system's step).
        const clerks = await tx.query(
          `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id and u.status = 'active'
           where p.role = 'window_clerk' and $1 like p.scope_division_code || '%'`,
          [m.division_code],
        )
        await notify(
          tx,
          [m.applicant_user_id, m.clerk_id, ...clerks.rows.map((r) => r.user_id as string)],
          '容缺材料逾期未补齐',
          `${what}已超过补齐期限（${m.due_date}），请尽快补齐；窗口将跟进督促`,
          job.caseId,
        )
        await recordAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: 'approval.material.overdue',
          resourceType: 'approval_case',
          resourceId: job.caseId,
          divisionCode: m.division_code,
          data: { code: job.code, dueDate: job.dueDate },
        })
      })
    },

    /**
     * The gate of unified issuance: with deferred materials still missing, issuing needs a stated reason
     * (`data.overrideReason` of the issue action); the decision is recorded and audited. No reason → 422.
     */
    async checkIssuance(tx: Tx, caseId: string, context: Record<string, unknown>, actor: Actor, requestId?: string) {
      const { rows } = await tx.query(
        `select code, name, to_char(due_date, 'YYYY-MM-DD') as due_date, overdue_at is not null as overdue
         from approval_case_material where case_id = $1 and pending order by code`,
        [caseId],
      )
      if (!rows.length) return
      const missing = rows.map((r) => ({ code: r.code, name: r.name, dueDate: r.due_date, overdue: r.overdue }))
      const override = context.overrideReason
      if (override === undefined || override === null)
        throw materialsPending(
          { count: missing.length, names: missing.map((m) => m.name).join('、') },
          { materials: missing },
        )
      const reason = typeof override === 'string' ? override.trim() : ''
      if (reason.length < 4 || reason.length > 200)
        throw validationFailed(undefined, {
          issues: [{ path: ['data', 'overrideReason'], message: '请填写容缺出件的理由（4–200 字）' }],
        })
      await tx.query(
        `insert into approval_issue_override (case_id, decided_by, decided_by_name, reason, materials)
         values ($1, $2, $3, $4, $5)`,
        [caseId, actor.id, actor.username ?? null, reason, JSON.stringify(missing)],
      )
      const c = await tx.query('select division_code from approval_case where id = $1', [caseId])
      await recordAudit(tx, {
        actor,
        action: 'approval.issuance.override',
        resourceType: 'approval_case',
        resourceId: caseId,
        divisionCode: c.rows[0]?.division_code,
        requestId,
        data: { reason, materials: missing.map((m) => m.code) },
      })
    },

    /** The recorded decisions to issue despite missing materials, newest first. */
    async overrides(caseId: string) {
      const { rows } = await db.pool.query(
        `select decided_by_name, reason, materials, decided_at from approval_issue_override where case_id = $1
         order by decided_at desc`,
        [caseId],
      )
      return rows.map((r) => ({
        decidedByName: r.decided_by_name as string | null,
        reason: r.reason as string,
        materials: r.materials as { code: string; name: string; dueDate: string | null }[],
        decidedAt: (r.decided_at as Date).toISOString(),
      }))
    },
  }
}

export type DeferredMaterials = ReturnType<typeof createDeferredMaterials>
