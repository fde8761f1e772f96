import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit, SYSTEM_ACTOR, verifyAudit } from '../audit.ts'
import { pgErrorCode } from '../db.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await t.platform.db.query('create table lock_probe (id int primary key, n int not null default 0)')
  await t.platform.db.query('insert into lock_probe (id) values (1), (2)')
})
afterAll(() => t.close())

const deadlocks = async () =>
  Number(
    (await t.platform.db.query('select deadlocks from pg_stat_database where datname = current_database()')).rows[0]!
      .deadlocks,
  )
/** Resolves once `n` backends of this database wait on a lock (the other transaction is really blocked). */
async function waiters(n: number) {
  for (let i = 0; i < 200; i++) {
    const r = await t.platform.db.query(
      `select count(*)::int n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )
    if (r.rows[0]!.n >= n) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error('no transaction is waiting on a lock')
}
const gate = () => {
  let open!: () => void
  const p = new Promise<void>((r) => {
    open = r
  })
  return { p, open }
}

describe('lock order: the audit-chain head is taken last', () => {
  it('audit-then-row and row-then-audit transactions do not deadlock (the head lock waits for commit)', async () => {
    const before = await deadlocks()
    const retriesBefore = t.platform.db.retries()
    const aAudited = gate()
    const bLocked = gate()
    const a = t.platform.db.tx(async (tx) => {
      // Written first in code, as a service that audits before its update does.
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'probe.a', resourceType: 'probe' })
      aAudited.open()
      await bLocked.p
      await tx.query('update lock_probe set n = n + 1 where id = 1') // waits for b
    })
    const b = t.platform.db.tx(async (tx) => {
      await aAudited.p
      await tx.query('update lock_probe set n = n + 1 where id = 1') // a rollup row, say
      bLocked.open()
      await waiters(1) // a is blocked on our row
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'probe.b', resourceType: 'probe' })
    })
    await Promise.all([a, b])
    expect(await deadlocks()).toBe(before)
    expect(t.platform.db.retries()).toBe(retriesBefore)
    expect((await t.platform.db.query('select n from lock_probe where id = 1')).rows[0]!.n).toBe(2)
    expect((await verifyAudit(t.platform.db.pool)).ok).toBe(true)
  })

  it('a rolled-back transaction leaves no audit row and does not leak its buffer into the next one', async () => {
    const count = async () => (await t.platform.db.query('select count(*)::int n from core_audit_log')).rows[0]!.n
    const n0 = await count()
    await expect(
      t.platform.db.tx(async (tx) => {
        await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'probe.rollback', resourceType: 'probe' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    await t.platform.db.tx((tx) =>
      recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'probe.after', resourceType: 'probe' }),
    )
    expect(await count()).toBe(n0 + 1)
    const last = await t.platform.db.query('select action from core_audit_log order by seq desc limit 1')
    expect(last.rows[0]!.action).toBe('probe.after')
  })
})

describe('db.tx retries a deadlock once', () => {
  it('a real deadlock between two transactions: the victim runs again and both commit', async () => {
    const before = await deadlocks()
    const retriesBefore = t.platform.db.retries()
    const attempts = { a: 0, b: 0 }
    const aLocked = gate()
    const bLocked = gate()
    const a = t.platform.db.tx(async (tx) => {
      attempts.a++
      await tx.query('update lock_probe set n = n + 10 where id = 1')
      if (attempts.a === 1) {
        aLocked.open()
        await bLocked.p
      }
      await tx.query('update lock_probe set n = n + 10 where id = 2')
    })
    const b = t.platform.db.tx(async (tx) => {
      attempts.b++
      await tx.query('update lock_probe set n = n + 100 where id = 2')
      if (attempts.b === 1) {
        bLocked.open()
        await aLocked.p
      }
      await tx.query('update lock_probe set n = n + 100 where id = 1')
    })
    const settled = await Promise.allSettled([a, b])
    const why = settled.map((s) => (s.status === 'rejected' ? String(s.reason) : 'committed')).join('; ')
    expect(
      settled.map((s) => s.status),
      why,
    ).toEqual(['fulfilled', 'fulfilled'])
    expect(await deadlocks()).toBe(before + 1)
    expect(attempts.a + attempts.b).toBe(3) // one of them ran twice
    expect(t.platform.db.retries()).toBe(retriesBefore + 1)
    const rows = (await t.platform.db.query('select n from lock_probe order by id')).rows.map((r) => r.n)
    expect(rows).toEqual([2 + 110, 110])
  })

  it('a second failure is not retried again, and other errors are not retried at all', async () => {
    let runs = 0
    const err = await t.platform.db
      .tx(async (tx) => {
        runs++
        await tx.query(`do $$ begin raise exception using errcode = '40001', message = 'forced'; end $$`)
      })
      .catch((e) => e)
    expect(pgErrorCode(err)).toBe('40001')
    expect(runs).toBe(2)
    runs = 0
    await t.platform.db
      .tx(async (tx) => {
        runs++
        await tx.query('select 1/0')
      })
      .catch(() => {})
    expect(runs).toBe(1)
  })
})
