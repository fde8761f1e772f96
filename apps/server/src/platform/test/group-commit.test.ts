import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAuditMany, SYSTEM_ACTOR, verifyAudit } from '../audit.ts'
import { allocateDocNumbers, ensureDocSeries } from '../doc-number.ts'
import { groupCommit } from '../group-commit.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await ensureDocSeries(t.platform.db.pool, { key: 'test.batch', name: '批量文号', pattern: 'B{yyyy}-{seq:5}' })
  await t.platform.db.query('create table gc_probe (id serial primary key, v text not null check (v <> $$bad$$))')
})
afterAll(() => t.close())

describe('group commit', () => {
  it('300 concurrent submissions share transactions; each gets its own gap-free number once committed', async () => {
    const batches: number[] = []
    const gc = groupCommit<string, { v: string; number: string }>(t.platform.db, async (tx, items) => {
      batches.push(items.length)
      const numbers = await allocateDocNumbers(tx, 'test.batch', new Date('2026-06-01T02:00:00Z'), items.length)
      await tx.query('insert into gc_probe (v) select unnest($1::text[])', [items])
      return items.map((v, i) => ({ v, number: numbers[i]!.number }))
    })
    const outs = await Promise.all(Array.from({ length: 300 }, (_, i) => gc.submit(`v${i}`)))
    expect(outs.map((o) => o.v)).toEqual(Array.from({ length: 300 }, (_, i) => `v${i}`))
    expect(new Set(outs.map((o) => o.number)).size).toBe(300)
    expect(outs.map((o) => o.number).sort()).toEqual(
      Array.from({ length: 300 }, (_, i) => `B2026-${String(i + 1).padStart(5, '0')}`),
    )
    // Far fewer transactions than items: the queue formed batches while earlier ones were being written.
    expect(batches.length).toBeLessThan(300)
    expect(Math.max(...batches)).toBeGreaterThan(1)
    expect((await t.platform.db.query('select count(*)::int n from gc_probe')).rows[0]?.n).toBe(300)
  })

  it('a bad item fails alone: the rest of its batch is written one by one and nothing is lost', async () => {
    await t.platform.db.query('truncate gc_probe')
    const gc = groupCommit<string, string>(t.platform.db, async (tx, items) => {
      await tx.query('insert into gc_probe (v) select unnest($1::text[])', [items])
      return items
    })
    const results = await Promise.allSettled(['a', 'b', 'c', 'bad', 'd', 'e', 'f', 'g'].map((v) => gc.submit(v)))
    await gc.drain()
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ])
    const rows = (await t.platform.db.query('select v from gc_probe order by v')).rows.map((r) => r.v)
    expect(rows).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
  })

  it('audit rows appended in a batch keep the chain linear and verifiable', async () => {
    const before = Number((await t.platform.db.query('select seq from core_audit_head')).rows[0]?.seq)
    await t.platform.db.tx((tx) =>
      recordAuditMany(
        tx,
        Array.from({ length: 25 }, (_, i) => ({
          actor: SYSTEM_ACTOR,
          action: 'test.batch',
          resourceType: 'probe',
          resourceId: String(i),
          data: { i, 名称: '批量' },
        })),
      ),
    )
    // Written at commit (the head lock last): the 25 rows follow the previous head in order.
    const rows = await t.platform.db.query(
      `select seq, resource_id from core_audit_log where seq > $1 and action = 'test.batch' order by seq`,
      [before],
    )
    expect(rows.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 25 }, (_, i) => before + i + 1))
    expect(rows.rows.map((r) => r.resource_id)).toEqual(Array.from({ length: 25 }, (_, i) => String(i)))
    const v = await verifyAudit(t.platform.db.pool)
    expect(v.problems).toEqual([])
    expect(v.ok).toBe(true)
  })
})
