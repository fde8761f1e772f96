import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { buildTestPlatform } from '@ruyu/testkit/platform'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { isSeeded, seedIfNeeded } from '../../seed.ts'
import { SEED_FILE } from '../calendar/service.ts'
import { migrate } from '../migrate.ts'
import { DEMO_ACCOUNTS } from '../seed-accounts.ts'

// Issue 9 §10: two nodes started at once on an empty database. Each does what server.ts does at start-up (migrate,
// wire the platform, seed if not seeded); the seed runs under the migration lock, so one node seeds and the other
// finds it done: no AUTH_USERNAME_TAKEN, one calendar import per year, one reference-data load.
const { serverUrl } = inject('testDb')
const name = `ruyu_seedrace_${randomBytes(4).toString('hex')}`
const u = new URL(serverUrl)
u.pathname = `/${name}`
const url = u.toString()

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

afterAll(() => admin((c) => c.query(`drop database if exists "${name}" with (force)`)))

async function startNode() {
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate })
  try {
    return (await isSeeded(platform)) ? null : await seedIfNeeded(platform, services, { demo: true })
  } finally {
    await platform.close()
  }
}

describe('two nodes starting together on an empty database', () => {
  it('seed once, without an error, and import the calendar once', async () => {
    await admin((c) => c.query(`create database "${name}"`))
    const results = await Promise.allSettled([startNode(), startNode()])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])
    const reports = results.map((r) => (r as PromiseFulfilledResult<unknown>).value)
    expect(reports.filter((r) => r !== null)).toHaveLength(1)

    const years = Object.keys(JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')).years).length
    const db = new pg.Client({ connectionString: url })
    await db.connect()
    try {
      const count = async (sql: string) => (await db.query(sql)).rows[0].n as number
      expect(await count(`select count(*)::int n from core_audit_log where action = 'calendar.import'`)).toBe(years)
      expect(await count(`select count(distinct year)::int n from core_calendar_year`)).toBe(years)
      expect(await count(`select count(*)::int n from core_audit_log where action = 'directory.seed'`)).toBe(1)
      expect(await count(`select count(*)::int n from core_user`)).toBe(DEMO_ACCOUNTS.length)
      expect(await count(`select count(*)::int n from core_audit_log where action = 'user.create'`)).toBe(
        DEMO_ACCOUNTS.length,
      )
    } finally {
      await db.end()
    }
  }, 240_000) // two full seeds' worth of work on a shared machine
})
