import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import { type Auth, createAuth } from './auth/service.ts'
import { type CacheBus, createCacheBus } from './cache-bus.ts'
import { type Calendar, createCalendar } from './calendar/service.ts'
import type { Config } from './config.ts'
import { createDb, type Db } from './db.ts'
import { createFiles, type Files } from './files.ts'
import { blobStoreFor } from './files-store.ts'
import { pruneJobClaims } from './job-once.ts'
import { type Jobs, startJobs } from './jobs.ts'
import { createNotifications, httpSmsAdapter, type Notifications, smtpAdapter } from './notifications.ts'
import { createEvents, type Events } from './outbox.ts'
import { createSettings, type Settings } from './settings.ts'

/** Everything infrastructure that modules receive as arguments (no container, no decorators). */
export interface Platform {
  config: Config
  databaseUrl: string
  db: Db
  events: Events
  calendar: Calendar
  auth: Auth
  files: Files
  notifications: Notifications
  /** Locality rules with code defaults (core_setting). */
  settings: Settings
  /** Process caches of reference data, invalidated across processes by LISTEN/NOTIFY. */
  caches: CacheBus
  /** pg-boss: every process can send jobs and timers; workers run only with config.jobs. */
  jobs: Jobs
  log: FastifyBaseLogger
  /** Registers a job handler that modules need; started by startBackground (workers only). */
  addWorker(start: (jobs: Jobs) => Promise<void>): void
  /** Starts background work (outbox dispatch, pg-boss workers) when config.jobs is on. */
  startBackground(): Promise<void>
  close(): Promise<void>
}

/** Wires the infrastructure over a migrated database (pass `db` to reuse a pool already opened for migrations). */
export async function createPlatform(
  config: Config,
  databaseUrl: string,
  log: FastifyBaseLogger,
  existingDb?: Db,
): Promise<Platform> {
  const db = existingDb ?? createDb(databaseUrl)
  const events = createEvents(db, log, { databaseUrl })
  const caches = createCacheBus(databaseUrl, log)
  await caches.start()
  const calendar = createCalendar(db, events, caches)
  await calendar.reload()
  const jobs = await startJobs(databaseUrl, log, { workers: config.jobs, expireSeconds: config.jobExpireSeconds })
  const workerStarters: Array<(jobs: Jobs) => Promise<void>> = []
  const platform: Platform = {
    config,
    databaseUrl,
    db,
    events,
    calendar,
    auth: createAuth(db, config, caches),
    files: createFiles(db, {
      store: blobStoreFor(config.filesUrl),
      localDir: path.join(config.dataDir, 'files'),
      maxBytes: config.uploadMaxBytes,
      log,
    }),
    notifications: createNotifications(db, events, [smtpAdapter(config), httpSmsAdapter(config)], log),
    jobs,
    settings: createSettings(db, caches),
    caches,
    log,
    addWorker(start) {
      workerStarters.push(start)
    },
    async startBackground() {
      if (!config.jobs) return
      events.start()
      for (const start of workerStarters) await start(jobs)
      // Housekeeping on pg-boss's cron: expired sessions go hourly.
      await jobs.work('platform.session-cleanup', async () => {
        await db.query('delete from core_session where expires_at < now()')
        await pruneJobClaims(db)
      })
      await jobs.schedule('platform.session-cleanup', '17 * * * *')
    },
    async close() {
      await events.stop()
      await jobs.stop()
      await caches.stop()
      await db.close()
    },
  }
  return platform
}
