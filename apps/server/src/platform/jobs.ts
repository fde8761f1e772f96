import type { FastifyBaseLogger } from 'fastify'
import PgBoss from 'pg-boss'
import type { Tx } from './db.ts'
import { type BatchWorker, type ManyHandler, startBatchWorker, type WorkerOptions } from './job-worker.ts'

/**
 * Durable jobs and timers on the same PostgreSQL (pg-boss, schema `pgboss`). Every process can send (also inside a
 * business transaction, so a timer exists exactly when the state change that needs it commits); only processes
 * with workers enabled (RUYU_ROLE worker/all) run handlers. Timers survive restarts because they are rows.
 */
export interface Jobs {
  boss: PgBoss
  /**
   * Creates the queue if needed and attaches a handler (workers only). Jobs are fetched in batches and handled
   * concurrently, each completed or failed on its own; `job.id` keys idempotent effects (see job-once.ts).
   */
  work<T extends object>(
    name: string,
    handler: (data: T, job: { id: string }) => Promise<void>,
    options?: Partial<WorkerOptions>,
  ): Promise<void>
  /** Like `work`, with a handler taking a slice of a fetched batch at once (see `ManyHandler`). */
  workMany(name: string, handler: ManyHandler, options?: Partial<WorkerOptions>): Promise<void>
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>
  /** Sends inside the caller's transaction: the job commits or rolls back with it. */
  sendInTx(tx: Tx, name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>
  /** Inserts many jobs (of possibly several queues) in one statement inside the caller's transaction. */
  insertInTx(tx: Tx, jobs: PgBoss.JobInsert[]): Promise<void>
  schedule(name: string, cron: string): Promise<void>
  /** Whether pg-boss is started and its last query did not fail (readiness). */
  healthy(): boolean
  stop(): Promise<void>
}

export interface JobsOptions {
  workers?: boolean
  /**
   * How long a fetched job may stay active before pg-boss takes it back and retries it (a worker killed mid-job).
   * Short, because timer handlers take milliseconds and a killed worker should not delay a timer by long.
   */
  expireSeconds?: number
  /** Default batch worker settings (fetch size, concurrency, idle poll interval). */
  worker?: Partial<WorkerOptions>
}

export async function startJobs(url: string, log: FastifyBaseLogger, opts: JobsOptions = {}): Promise<Jobs> {
  const workers = opts.workers ?? true
  const expireSeconds = opts.expireSeconds ?? 60
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: 'ruyu-jobs',
    supervise: workers,
    schedule: workers,
    expireInSeconds: expireSeconds,
    // Expired jobs are taken back by maintenance: run it often enough that the expiry is what bounds the delay.
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.ceil(expireSeconds / 2))),
  })
  let lastError: number | null = null
  boss.on('error', (err) => {
    lastError = Date.now()
    log.error({ err }, 'pg-boss error')
  })
  await boss.start()
  let started = true
  const queues = new Set<string>()
  const running: BatchWorker[] = []
  const ensure = async (name: string) => {
    if (queues.has(name)) return
    await boss.createQueue(name)
    queues.add(name)
  }
  return {
    boss,
    async work(name, handler, options) {
      await ensure(name)
      running.push(startBatchWorker(boss, name, handler as never, log, { ...opts.worker, ...options }))
    },
    async workMany(name, many, options) {
      await ensure(name)
      running.push(startBatchWorker(boss, name, { many }, log, { ...opts.worker, ...options }))
    },
    async send(name, data, options) {
      await ensure(name)
      return boss.send(name, data, options ?? {})
    },
    async sendInTx(tx, name, data, options) {
      await ensure(name)
      return boss.send(name, data, {
        ...options,
        db: { executeSql: (text: string, values: unknown[]) => tx.query(text, values) },
      })
    },
    async insertInTx(tx, jobs) {
      if (!jobs.length) return
      for (const name of new Set(jobs.map((j) => j.name))) await ensure(name)
      await boss.insert(jobs, { db: { executeSql: (text: string, values: unknown[]) => tx.query(text, values) } })
    },
    async schedule(name, cron) {
      await ensure(name)
      await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' })
    },
    healthy: () => started && (lastError === null || Date.now() - lastError > 30_000),
    async stop() {
      started = false
      await Promise.all(running.map((w) => w.stop()))
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
