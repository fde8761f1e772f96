import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit, SYSTEM_ACTOR, verifyAudit } from '../audit.ts'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../../../../..')

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await t.platform.db.tx(async (tx) => {
    for (let i = 0; i < 20; i++)
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'test.event',
        resourceType: 'test',
        resourceId: String(i),
        data: { i },
      })
  })
})
afterAll(() => t.close())

/** Tampering needs the append-only trigger out of the way, as an attacker with superuser rights would do. */
async function tamper(sql: string) {
  const c = await t.platform.db.pool.connect()
  try {
    await c.query('set session_replication_role = replica')
    await c.query(sql)
    await c.query('set session_replication_role = default')
  } finally {
    c.release()
  }
}

async function cliVerify() {
  try {
    const r = await run(path.join(ROOT, 'node_modules/.bin/ruyu'), ['audit', 'verify'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url },
    })
    return { code: 0, out: r.stdout + r.stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: e.stdout + e.stderr }
  }
}

describe('audit log', () => {
  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await expect(t.platform.db.query(`update core_audit_log set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    )
    await expect(t.platform.db.query('delete from core_audit_log where seq = 1')).rejects.toThrow(/append-only/)
    await expect(t.platform.db.query('truncate core_audit_log')).rejects.toThrow(/append-only/)
  })

  it('verifies an intact chain, and `ruyu audit verify` exits 0', async () => {
    const r = await verifyAudit(t.platform.db.pool)
    expect(r.ok).toBe(true)
    expect(r.rows).toBeGreaterThanOrEqual(20)
    const cli = await cliVerify()
    expect(cli.code).toBe(0)
    expect(cli.out).toMatch(/intact/)
  })

  it('detects a modified row', async () => {
    const seq = (
      await t.platform.db.query(`select seq from core_audit_log where action = 'test.event' and resource_id = '5'`)
    ).rows[0]!.seq
    await tamper(`update core_audit_log set data = '{"i": 999}' where seq = ${seq}`)
    const r = await verifyAudit(t.platform.db.pool)
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ seq: Number(seq), problem: 'modified' })
    const cli = await cliVerify()
    expect(cli.code).toBe(1)
    expect(cli.out).toMatch(new RegExp(`seq ${seq}: modified`))
    await tamper(`update core_audit_log set data = '{"i": 5}' where seq = ${seq}`)
    expect((await verifyAudit(t.platform.db.pool)).ok).toBe(true)
  })

  it('detects a deleted row in the middle and deleted rows at the end', async () => {
    const seqs = (await t.platform.db.query(`select seq from core_audit_log order by seq`)).rows.map((r) =>
      Number(r.seq),
    )
    const middle = seqs[10]!
    const last = seqs[seqs.length - 1]!
    await tamper(`delete from core_audit_log where seq = ${middle}`)
    let r = await verifyAudit(t.platform.db.pool)
    expect(r.problems).toContainEqual({ seq: middle, problem: 'missing' })
    await tamper(`delete from core_audit_log where seq = ${last}`)
    r = await verifyAudit(t.platform.db.pool)
    expect(r.problems).toContainEqual({ seq: last, problem: 'missing' })
  })
})
