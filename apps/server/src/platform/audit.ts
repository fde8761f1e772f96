import { createHash } from 'node:crypto'
import { afterTx, lastBeforeCommit, type Queryable, type Tx } from './db.ts'

export interface Actor {
  kind: 'user' | 'api_key' | 'system' | 'anonymous'
  id: string | null
  /** Account kind for users: staff, enterprise, citizen. */
  accountKind?: string
  username?: string
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, username: 'system' }

export interface AuditEntry {
  actor: Actor
  action: string
  resourceType: string
  resourceId?: string | null
  divisionCode?: string | null
  requestId?: string | null
  data?: Record<string, unknown>
}

/** Canonical JSON: keys sorted at every level, so the hash does not depend on insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`
}

export interface AuditRow {
  seq: number
  at: string
  actorId: string | null
  actorKind: string
  action: string
  resourceType: string
  resourceId: string | null
  divisionCode: string | null
  requestId: string | null
  data: Record<string, unknown>
  prevHash: string
}

/** hash(n) = sha256(prevHash ‖ canonical row): changing or removing any row breaks every later link. */
export function auditHash(row: AuditRow): string {
  const { prevHash, ...rest } = row
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...rest, at: new Date(rest.at).toISOString() }))
    .digest('hex')
}

/** Appends one audit row in the caller's transaction (so it commits or rolls back with the change). */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await recordAuditMany(tx, [entry])
}

const pendingAudit = new WeakMap<Tx, AuditEntry[]>()

/**
 * Appends audit rows in order, chained, in the caller's transaction. Inside `db.tx` the rows are buffered and written
 * as the transaction's last statement: the head lock is then always the last lock taken, whatever the caller wrote
 * before or after, so it cannot deadlock with a row lock (e.g. a hotline_stats_daily rollup row) taken in the other
 * order by another transaction. Outside `db.tx` they are written at once.
 */
export async function recordAuditMany(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return
  const pending = pendingAudit.get(tx)
  if (pending) {
    pending.push(...entries)
    return
  }
  const buffer = [...entries]
  const deferred = lastBeforeCommit(tx, async () => {
    pendingAudit.delete(tx)
    await appendAudit(tx, buffer)
  })
  if (deferred) {
    pendingAudit.set(tx, buffer)
    afterTx(tx, () => pendingAudit.delete(tx)) // pooled clients are reused: forget a rolled-back buffer
  } else await appendAudit(tx, buffer)
}

async function appendAudit(tx: Tx, entries: AuditEntry[]): Promise<void> {
  // The head row lock serialises appends, which makes seq gap-free and the chain linear.
  const head = (
    await tx.query<{ seq: number; hash: string }>({
      name: 'core_audit_head_lock',
      text: 'select seq, hash from core_audit_head where id = 1 for update',
    })
  ).rows[0]!
  let seq = Number(head.seq)
  let prevHash = head.hash
  const at = new Date().toISOString()
  const rows = entries.map((entry) => {
    const row: AuditRow = {
      seq: ++seq,
      at,
      actorId: entry.actor.id,
      actorKind: entry.actor.kind,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      divisionCode: entry.divisionCode ?? null,
      requestId: entry.requestId ?? null,
      data: entry.data ?? {},
      prevHash,
    }
    prevHash = auditHash(row)
    return { ...row, hash: prevHash }
  })
  // The rows and the new head in one round trip: the head lock is held until commit, so every statement counts.
  await tx.query({
    name: 'core_audit_append',
    text: `with l as (
       insert into core_audit_log (seq, at, actor_id, actor_kind, action, resource_type, resource_id, division_code,
         request_id, data, prev_hash, hash)
       select seq, at, "actorId", "actorKind", action, "resourceType", "resourceId", "divisionCode", "requestId", data,
         "prevHash", hash
       from jsonb_to_recordset($1::jsonb) as x(seq bigint, at timestamptz, "actorId" text, "actorKind" text, action text,
         "resourceType" text, "resourceId" text, "divisionCode" text, "requestId" text, data jsonb, "prevHash" text,
         hash text)
       returning seq, hash)
     update core_audit_head h set seq = $2, hash = $3 where h.id = 1 and exists (select 1 from l)`,
    values: [JSON.stringify(rows), seq, prevHash],
  })
}

export interface AuditVerifyResult {
  ok: boolean
  rows: number
  problems: { seq: number; problem: 'modified' | 'missing' | 'broken_link' | 'head_mismatch' }[]
}

/** Walks the whole chain; reports modified rows, gaps (deleted rows) and a truncated tail. */
export async function verifyAudit(
  db: Queryable,
  onProgress?: (done: number, total: number) => void,
): Promise<AuditVerifyResult> {
  const total = Number((await db.query('select count(*) n from core_audit_log')).rows[0].n)
  const head = (await db.query<{ seq: number; hash: string }>('select seq, hash from core_audit_head where id = 1'))
    .rows[0]
  const problems: AuditVerifyResult['problems'] = []
  let expectedSeq = 1
  let prevHash = '0'.repeat(64)
  let last = 0
  const batch = 5000
  let rows = 0
  for (;;) {
    const res = await db.query(
      `select seq, at, actor_id, actor_kind, action, resource_type, resource_id, division_code, request_id, data,
         prev_hash, hash from core_audit_log where seq > $1 order by seq limit $2`,
      [last, batch],
    )
    for (const r of res.rows) {
      const seq = Number(r.seq)
      if (seq !== expectedSeq) {
        for (let s = expectedSeq; s < seq; s++) problems.push({ seq: s, problem: 'missing' })
      }
      const row: AuditRow = {
        seq,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorKind: r.actor_kind,
        action: r.action,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        divisionCode: r.division_code,
        requestId: r.request_id,
        data: r.data,
        prevHash: r.prev_hash,
      }
      if (auditHash(row) !== r.hash) problems.push({ seq, problem: 'modified' })
      else if (r.prev_hash !== prevHash && seq === expectedSeq) problems.push({ seq, problem: 'broken_link' })
      prevHash = r.hash
      expectedSeq = seq + 1
      last = seq
      rows++
    }
    onProgress?.(rows, total)
    if (res.rows.length < batch) break
  }
  if (!head || Number(head.seq) !== last || head.hash !== prevHash) {
    for (let s = last + 1; s <= Number(head?.seq ?? 0); s++) problems.push({ seq: s, problem: 'missing' })
    if (problems.length === 0) problems.push({ seq: last, problem: 'head_mismatch' })
  }
  return { ok: problems.length === 0, rows, problems }
}
