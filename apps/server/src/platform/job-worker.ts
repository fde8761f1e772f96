import type { FastifyBaseLogger } from 'fastify'
import type PgBoss from 'pg-boss'

export interface WorkerOptions {
  /** Jobs fetched per query. */
  batchSize: number
  /** Jobs of a batch handled at once (each in its own transaction: group commit shares their flushes). */
  concurrency: number
  /** Sleep between fetches when the queue had nothing due (a full batch fetches again at once). */
  pollMs: number
}

export const DEFAULT_WORKER: WorkerOptions = { batchSize: 100, concurrency: 8, pollMs: 1000 }

/**
 * Handles several jobs at once (e.g. in one transaction) and answers, per job in order, null when it is done or
 * the error it failed with; it falls back to one job at a time itself, so one bad job fails alone.
 */
export type ManyHandler = (jobs: { id: string; data: object }[]) => Promise<unknown[]>

export interface BatchWorker {
  stop(): Promise<void>
}

/**
 * A fetch loop over one pg-boss queue. pg-boss's own `work` sleeps out its polling interval after every fetch and
 * fails a whole batch when one job throws; this loop fetches again at once while batches come back full (every
 * timer due at 23:59:59 fires in one burst), handles jobs concurrently, and completes or fails each job alone.
 */
export function startBatchWorker(
  boss: PgBoss,
  name: string,
  handler: ((data: object, job: { id: string }) => Promise<void>) | { many: ManyHandler },
  log: FastifyBaseLogger,
  options: Partial<WorkerOptions> = {},
): BatchWorker {
  const o = { ...DEFAULT_WORKER, ...options }
  let stopping = false
  let wake: (() => void) | null = null

  async function handleBatch(jobs: PgBoss.Job<object>[]) {
    const done: string[] = []
    const failed = async (job: PgBoss.Job<object>, err: unknown) => {
      log.error({ err, queue: name, jobId: job.id }, 'job failed; pg-boss retries it')
      await boss.fail(name, job.id, { message: String((err as Error).message).slice(0, 2000) }).catch(() => {})
    }
    if (typeof handler !== 'function') {
      // A many-handler gets the batch in `concurrency` slices handled at once (one transaction each, say).
      const size = Math.ceil(jobs.length / Math.min(o.concurrency, jobs.length))
      const slices = Array.from({ length: Math.ceil(jobs.length / size) }, (_, k) =>
        jobs.slice(k * size, (k + 1) * size),
      )
      await Promise.all(
        slices.map(async (slice) => {
          const errors = await handler
            .many(slice.map((j) => ({ id: j.id, data: j.data })))
            .catch((err) => slice.map(() => err))
          for (const [i, job] of slice.entries()) {
            if (errors[i] == null) done.push(job.id)
            else await failed(job, errors[i])
          }
        }),
      )
      if (done.length) await boss.complete(name, done)
      return
    }
    let next = 0
    const lane = async () => {
      for (let i = next++; i < jobs.length; i = next++) {
        const job = jobs[i]!
        try {
          await handler(job.data, { id: job.id })
          done.push(job.id)
        } catch (err) {
          await failed(job, err)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(o.concurrency, jobs.length) }, lane))
    if (done.length) await boss.complete(name, done)
  }

  const loop = (async () => {
    while (!stopping) {
      let fetched = 0
      try {
        const jobs = await boss.fetch<object>(name, { batchSize: o.batchSize })
        fetched = jobs.length
        if (fetched) await handleBatch(jobs)
      } catch (err) {
        log.error({ err, queue: name }, 'job fetch failed')
      }
      if (stopping || fetched >= o.batchSize) continue
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, o.pollMs)
        wake = () => {
          clearTimeout(t)
          resolve()
        }
      })
      wake = null
    }
  })()

  return {
    async stop() {
      stopping = true
      wake?.()
      await loop
    },
  }
}
