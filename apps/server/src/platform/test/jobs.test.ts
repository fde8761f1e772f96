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

  it('a many-handler gets fetched jobs in slices; its per-job error fails that job alone', async () => {
    const jobs = await startJobs(t.url, log)
    try {
      const ids: string[] = []
      for (let i = 0; i < 6; i++) ids.push((await jobs.send('test.many', { i, bad: i === 3 }))!)
      const seen: number[] = []
      const slices: number[] = []
      await jobs.workMany(
        'test.many',
        async (list) => {
          slices.push(list.length)
          return list.map((j) => {
            const d = j.data as { i: number; bad: boolean }
            seen.push(d.i)
            return d.bad ? new Error('bad job') : null
          })
        },
        { concurrency: 3, pollMs: 100 },
      )
      const states = async () =>
        (
          await t.platform.db.query<{ id: string; state: string }>(
            'select id, state from pgboss.job where id = any($1::uuid[])',
            [ids],
          )
        ).rows
      for (let k = 0; k < 200 && (await states()).some((r) => r.state === 'created' || r.state === 'active'); k++)
        await new Promise((r) => setTimeout(r, 100))
      const byId = new Map((await states()).map((r) => [r.id, r.state]))
      expect(ids.map((id) => byId.get(id) === 'completed')).toEqual([true, true, true, false, true, true])
      expect(seen.filter((i) => i !== 3).sort()).toEqual([0, 1, 2, 4, 5])
      expect(slices.length).toBeGreaterThan(1) // handled as concurrent slices, not one job at a time
    } finally {
      await jobs.stop()
    }
  })
})
