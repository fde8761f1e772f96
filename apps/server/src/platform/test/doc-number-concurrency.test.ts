import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allocateDocNumber, ensureDocSeries } from '../doc-number.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
  await ensureDocSeries(t.platform.db.pool, {
    key: 'test.decision',
    name: '测试文号',
    pattern: '牟审〔{yyyy}〕{seq:6}',
  })
})
afterAll(() => t.close())

describe('document numbers under concurrency', () => {
  it('200 concurrent allocations, a third of them rolled back: committed numbers are 1..N with no gap or duplicate', async () => {
    const committed: string[] = []
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        try {
          await t.platform.db.tx(async (tx) => {
            const n = await allocateDocNumber(tx, 'test.decision', new Date('2026-06-01T02:00:00Z'))
            await new Promise((r) => setTimeout(r, Math.random() * 5))
            if (i % 3 === 0) throw new Error('rollback on purpose')
            committed.push(n.number)
          })
        } catch (err) {
          if ((err as Error).message !== 'rollback on purpose') throw err
        }
      }),
    )
    expect(committed.length).toBe(133)
    expect(new Set(committed).size).toBe(committed.length)
    const expected = Array.from({ length: 133 }, (_, i) => `牟审〔2026〕${String(i + 1).padStart(6, '0')}`)
    expect([...committed].sort()).toEqual(expected)
  })

  it('a new year starts a new sequence', async () => {
    const n = await t.platform.db.tx((tx) => allocateDocNumber(tx, 'test.decision', new Date('2027-01-02T02:00:00Z')))
    expect(n.number).toBe('牟审〔2027〕000001')
  })

  it('an unknown series is a coded 404 error', async () => {
    await expect(t.platform.db.tx((tx) => allocateDocNumber(tx, 'nope'))).rejects.toMatchObject({
      code: 'DOCNUMBER_SERIES_NOT_FOUND',
    })
  })

  it('admins configure series patterns over the API; bad patterns are refused', async () => {
    const admin = await t.login('admin')
    const ok = await admin.put('/api/admin/doc-series', {
      key: 'fire.filing',
      name: '消防备案号',
      pattern: '牟消备〔{yyyy}〕第{seq:4}号',
    })
    expect(ok.statusCode).toBe(204)
    const n = await t.platform.db.tx((tx) => allocateDocNumber(tx, 'fire.filing', new Date('2026-03-01T00:00:00Z')))
    expect(n.number).toBe('牟消备〔2026〕第0001号')
    const bad = await admin.put('/api/admin/doc-series', { key: 'fire.bad', name: 'x', pattern: '牟消备{year}' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('DOCNUMBER_PATTERN_INVALID')
  })
})
