import type { FastifyBaseLogger } from 'fastify'
import PgBoss from 'pg-boss'
import type { Tx } from './db.ts'

/**
 * Durable jobs and timers on the same PostgreSQL (pg-boss, schema `pgboss`). Every process can send (also inside a
 * business transaction, so a timer exists exactly when the state change that needs it commits); only processes
 * with workers enabled (RUYU_ROLE worker/all) run handlers. Timers survive restarts because they are rows.
 */
export interface Jobs {
  boss: PgBoss
  /** Creates the queue if needed and attaches a handler (workers only). */
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>
  /** Sends inside the caller's transaction: the job commits or rolls back with it. */
  sendInTx(tx: Tx, name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>
  /** Inserts many jobs (of possibly several queues) in one statement inside the caller's transaction. */
  insertInTx(tx: Tx, jobs: PgBoss.JobInsert[]): Promise<void>
  schedule(name: string, cron: string): Promise<void>
  stop(): Promise<void>
}

export async function startJobs(url: string, log: FastifyBaseLogger, opts: { workers?: boolean } = {}): Promise<Jobs> {
  const workers = opts.workers ?? true
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    application_name: 'ruyu-jobs',
    supervise: workers,
    schedule: workers,
  })
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'))
  await boss.start()
  const queues = new Set<string>()
  const ensure = async (name: string) => {
    if (queues.has(name)) return
    await boss.createQueue(name)
    queues.add(name)
  }
  return {
    boss,
    async work(name, handler) {
      await ensure(name)
      await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never)
      })
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
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
