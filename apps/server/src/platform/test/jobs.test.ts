import { createTestContext, type TestContext } from '@ruyu/testkit'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJobs } from '../jobs.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const log = pino({ level: 'silent' }) as never

describe('durable jobs (pg-boss on the same PostgreSQL)', () => {
  it('a delayed job scheduled before a shutdown fires after the restart', async () => {
    const first = await startJobs(t.url, log)
    await first.send('test.timer', { caseId: 'c-1' }, { startAfter: 2 })
    await first.stop() // the process "dies" before the timer is due

    const rows = await t.platform.db.query(`select count(*)::int n from pgboss.job where name = 'test.timer'`)
    expect(rows.rows[0]!.n).toBe(1) // the timer is a row, not a setTimeout

    const second = await startJobs(t.url, log)
    try {
      const fired = await new Promise<{ caseId: string }>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('timer never fired')), 20_000)
        void second.work<{ caseId: string }>('test.timer', async (data) => {
          clearTimeout(timeout)
          resolve(data)
        })
      })
      expect(fired).toEqual({ caseId: 'c-1' })
    } finally {
      await second.stop()
    }
  })
})
