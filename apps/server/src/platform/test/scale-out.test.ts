import { buildApp } from '@ruyu/server'
import { createDb } from '@ruyu/server/platform/db'
import { startJobs } from '@ruyu/server/platform/jobs'
import { createEvents, type OutboxEvent } from '@ruyu/server/platform/outbox'
import { startWorkerHealth } from '@ruyu/server/platform/worker-health'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { buildTestPlatform } from '@ruyu/testkit/platform'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const log = pino({ level: 'silent' }) as never
const until = async (ok: () => boolean | Promise<boolean>, ms = 5000) => {
  for (const end = Date.now() + ms; Date.now() < end && !(await ok()); ) await new Promise((r) => setTimeout(r, 20))
}

describe('several nodes on one PostgreSQL', () => {
  it('a calendar import on one node changes working days on another at once', async () => {
    const second = await buildTestPlatform(t.url, {})
    try {
      expect(second.platform.calendar.isWorkday('2026-12-04').workday).toBe(true) // a Friday
      const cur = (await t.platform.db.query(`select 1 from core_calendar_year where year = 2026 and active`)).rowCount
      expect(cur).toBe(1)
      const days = await t.platform.db.query(
        `select to_char(day, 'YYYY-MM-DD') d, type, name from core_calendar_day d
         join core_calendar_year y using (year, version) where y.active and y.year = 2026`,
      )
      const holidays = days.rows.filter((r) => r.type === 'holiday').map((r) => ({ date: r.d, name: r.name }))
      const workdays = days.rows.filter((r) => r.type === 'workday').map((r) => ({ date: r.d, name: r.name }))
      await t.platform.calendar.importYear({ kind: 'system' } as never, 2026, {
        source: 'test revision',
        holidays: [...holidays, { date: '2026-12-04', name: '测试假日' }],
        workdays,
      })
      await until(() => !second.platform.calendar.isWorkday('2026-12-04').workday)
      expect(second.platform.calendar.isWorkday('2026-12-04').workday).toBe(false)
    } finally {
      await second.platform.close()
    }
  })

  it('a profile changed through one node is in the policy preview of another at once', async () => {
    const second = await buildTestPlatform(t.url, {})
    const app2 = await buildApp(second.platform, second.services, { logger: false })
    try {
      const gxj = await t.login('gxj')
      const row = (
        await t.platform.db.query(`select uscc, industry_code from enterprise_company where status = 'active' limit 1`)
      ).rows[0]!
      const uscc = row.uscc as string
      const rule = { in: { field: 'industryCode', values: [row.industry_code] } }
      const preview = async () =>
        (
          await app2.inject({
            method: 'POST',
            url: '/api/policy/rules/preview',
            headers: { cookie: gxj.cookie!, 'x-csrf-token': gxj.csrfToken! },
            payload: { rule },
          })
        ).json()
      const before = (await preview()).count
      expect(before).toBeGreaterThan(0)
      // Close the company on the first node (the profile leaves the active set).
      await t.platform.db.tx(async (tx) => {
        await tx.query(`update enterprise_company set status = 'closed' where uscc = $1`, [uscc])
        await t.platform.caches.invalidate(tx, 'enterprise.profiles')
      })
      await until(async () => (await preview()).count === before - 1)
      expect((await preview()).count).toBe(before - 1)
    } finally {
      await app2.close()
      await second.platform.close()
    }
  })

  it('an event written on an API node is delivered by a worker in another process without waiting for its poll', async () => {
    const workerDb = createDb(t.url, { max: 2 })
    // The poll would deliver after an hour: only the notification can deliver it in time.
    const worker = createEvents(workerDb, log, { databaseUrl: t.url, pollMs: 3_600_000 })
    const got: OutboxEvent[] = []
    worker.subscribe('test.scaleout.ping', async (e) => {
      got.push(e)
    })
    worker.start()
    try {
      await until(async () => {
        const r = await t.platform.db.query(
          `select 1 from pg_stat_activity where application_name = 'ruyu-listen-ruyu_outbox' and query ilike 'listen%'`,
        )
        return (r.rowCount ?? 0) > 0
      })
      await worker.drain()
      await t.platform.db.tx((tx) => t.platform.events.enqueue(tx, 'test.scaleout.ping', { n: 1 }))
      await until(() => got.length > 0, 10_000)
      expect(got.map((e) => e.payload)).toEqual([{ n: 1 }])
    } finally {
      await worker.stop()
      await workerDb.close()
    }
  })

  it('a worker node answers /healthz and /readyz with the database and pg-boss status', async () => {
    const jobs = await startJobs(t.url, log, { workers: false })
    const health = await startWorkerHealth({ db: t.platform.db, jobs }, 0, '127.0.0.1')
    try {
      const h = await fetch(`http://127.0.0.1:${health.port}/healthz`)
      expect(h.status).toBe(200)
      expect(await h.json()).toMatchObject({ status: 'ok', role: 'worker' })
      const r = await fetch(`http://127.0.0.1:${health.port}/readyz`)
      expect(r.status).toBe(200)
      expect(await r.json()).toEqual({ status: 'ok', role: 'worker', database: 'ok', jobs: 'ok' })
      await jobs.stop()
      const down = await fetch(`http://127.0.0.1:${health.port}/readyz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({ status: 'unavailable', jobs: 'down' })
      expect((await fetch(`http://127.0.0.1:${health.port}/nope`)).status).toBe(404)
    } finally {
      await health.close()
    }
  })

  it('a full batch of due jobs is fetched again at once, not after the polling interval', async () => {
    const jobs = await startJobs(t.url, log)
    try {
      const n = 250
      await jobs.boss.createQueue('test.burst')
      await jobs.boss.insert(Array.from({ length: n }, (_, i) => ({ name: 'test.burst', data: { i } })))
      let done = 0
      // With a 10-minute idle poll, 250 jobs in batches of 50 can only finish by fetching again while batches are full.
      await jobs.work('test.burst', async () => void done++, { batchSize: 50, pollMs: 600_000 })
      await until(() => done >= n, 20_000)
      expect(done).toBe(n)
    } finally {
      await jobs.stop()
    }
  })
})
