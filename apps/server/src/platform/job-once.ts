import type { Tx } from './db.ts'

/**
 * Claims a job's effects inside the handler's transaction: true the first time, false when a committed run of
 * the same job already holds the claim (the job is re-delivered after its worker died before completing it).
 * A concurrent run of the same job waits on the key and then sees the claim, so effects happen once.
 */
export async function claimJob(tx: Tx, queue: string, jobId: string): Promise<boolean> {
  const r = await tx.query('insert into core_job_done (job_id, queue) values ($1, $2) on conflict do nothing', [
    jobId,
    queue,
  ])
  return r.rowCount === 1
}

/** `claimJob` for many jobs in one statement: answers the ids claimed now (not already held by a committed run). */
export async function claimJobs(tx: Tx, queue: string, jobIds: string[]): Promise<Set<string>> {
  if (!jobIds.length) return new Set()
  const r = await tx.query<{ job_id: string }>(
    `insert into core_job_done (job_id, queue) select unnest($1::uuid[]), $2 on conflict do nothing returning job_id`,
    [[...jobIds].sort(), queue], // sorted: overlapping claims (re-deliveries) lock keys in one order
  )
  return new Set(r.rows.map((x) => x.job_id))
}

/** Forgets claims older than pg-boss could ever re-deliver a job (retries take minutes, not weeks). */
export async function pruneJobClaims(db: { query(text: string): Promise<unknown> }): Promise<void> {
  await db.query(`delete from core_job_done where done_at < now() - interval '14 days'`)
}
