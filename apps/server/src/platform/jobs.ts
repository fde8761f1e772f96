import type { FastifyBaseLogger } from 'fastify'
import PgBoss from 'pg-boss'

/**
 * Durable jobs and timers on the same PostgreSQL (pg-boss, schema `pgboss`). Modules register handlers with
 * `work` and schedule with `send`/`sendAfter`; timers survive restarts because they are rows, not setTimeouts.
 */
export interface Jobs {
  boss: PgBoss
  /** Creates the queue if needed and attaches a handler. */
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>
  send(name: string, data: object, options?: PgBoss.SendOptions): Promise<string | null>
  schedule(name: string, cron: string): Promise<void>
  stop(): Promise<void>
}

export async function startJobs(url: string, log: FastifyBaseLogger): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, application_name: 'ruyu-jobs' })
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
    async schedule(name, cron) {
      await ensure(name)
      await boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' })
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
