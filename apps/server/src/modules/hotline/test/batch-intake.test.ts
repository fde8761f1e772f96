import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../platform/audit.ts'
import { categoryId, freshPhone, intakeBody } from './factories.ts'

let t: TestContext
let heating: string
let key: string
beforeAll(async () => {
  t = await createTestContext()
  heating = await categoryId(t, '010101')
  const admin = await t.login('admin')
  const r = await admin.post('/api/admin/api-keys', {
    name: '烟台市12345平台',
    capabilities: ['hotline:transfer'],
    scopeDivisionCode: '370612',
  })
  key = r.json().key
})
afterAll(() => t.close())

const transfer = (n: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/hotline/transfer',
    headers: { authorization: `Bearer ${key}` },
    payload: {
      source: 'yantai-12345',
      upstreamNumber: n,
      callerName: '周先生',
      callerPhone: freshPhone(),
      requestType: 'complaint',
      categoryId: heating,
      divisionCode: '370612002',
      address: '牟平区文化街道正阳路1号',
      description: '市平台转办：暖气不热。',
    },
  })

describe('intakes arriving together (group commit)', () => {
  it('share transactions: each order is whole, numbered gap-free, on the timeline, audited; a bad one fails alone', async () => {
    const operator = await t.login('operator')
    const before = t.services.hotline.intakeStats()
    const calls = Array.from({ length: 40 }, (_, i) =>
      i === 17
        ? operator.post('/api/hotline/orders', intakeBody(heating, { divisionCode: '370612999' })) // no such division
        : operator.post('/api/hotline/orders', intakeBody(heating, { address: `牟平区文化街道正阳路${i}号` })),
    )
    const res = await Promise.all(calls)
    expect(res[17]!.statusCode).toBe(400)
    expect(res[17]!.json().details.issues[0].path).toEqual(['divisionCode'])
    const ok = res.filter((_, i) => i !== 17)
    for (const r of ok) expect(r.statusCode, r.body).toBe(201)
    const orders = ok.map((r) => r.json().order)
    // The answer is the order as written, with its first timeline entry.
    for (const o of orders) {
      expect(o).toMatchObject({ status: 'dispatching', publicStatus: 'received', divisionName: '文化街道' })
      expect(o.timeline.map((e: { action: string }) => e.action)).toEqual(['intake'])
      expect(o.workflowInstanceId).toBeTruthy()
    }
    const after = t.services.hotline.intakeStats()
    expect(after.items - before.items).toBe(39)
    expect(after.batches - before.batches).toBeLessThan(39)

    // Consecutive numbers, no gap and no duplicate.
    const seqs = orders.map((o: { number: string }) => Number(o.number.match(/(\d+)$/)![1])).sort((a, b) => a - b)
    expect(new Set(seqs).size).toBe(39)
    expect(seqs.at(-1)! - seqs[0]!).toBe(38)

    // Every order has its workflow instance, open dispatch task, timeline row and audit row.
    const ids = orders.map((o: { id: string }) => o.id)
    const q = (sql: string) => t.platform.db.query(sql, [ids]).then((r) => r.rows[0]!.n)
    expect(
      await q(
        `select count(*)::int n from workflow_instance where subject_type = 'hotline_order' and subject_id = any($1::text[])`,
      ),
    ).toBe(39)
    expect(
      await q(`select count(*)::int n from workflow_task k join workflow_instance i on i.id = k.instance_id
        where i.subject_id = any($1::text[]) and k.state = 'dispatching' and k.status = 'open'`),
    ).toBe(39)
    expect(await q(`select count(*)::int n from hotline_event where order_id = any($1::uuid[])`)).toBe(39)
    expect(
      await q(
        `select count(*)::int n from core_audit_log where action = 'hotline.order.intake' and resource_id = any($1::text[])`,
      ),
    ).toBe(39)
    expect((await verifyAudit(t.platform.db.pool)).ok).toBe(true)
  })

  it('intakes of several operators share a batch; each start is recorded as its own operator', async () => {
    const [operator, admin] = [await t.login('operator'), await t.login('admin')]
    const before = t.services.hotline.intakeStats()
    const res = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? admin : operator).post(
          '/api/hotline/orders',
          intakeBody(heating, { address: `牟平区宁海街道${i}号` }),
        ),
      ),
    )
    for (const r of res) expect(r.statusCode, r.body).toBe(201)
    const after = t.services.hotline.intakeStats()
    expect(after.batches - before.batches).toBeLessThan(12)
    const { rows } = await t.platform.db.query(
      `select i.subject_id, x.actor_name from workflow_transition x join workflow_instance i on i.id = x.instance_id
       where x.action = 'start' and i.subject_id = any($1::text[])`,
      [res.map((r) => r.json().order.id)],
    )
    const by = new Map(rows.map((r) => [r.subject_id as string, r.actor_name as string]))
    for (const [i, r] of res.entries()) expect(by.get(r.json().order.id)).toBe(i % 2 ? 'admin' : 'operator')
  })

  it('repeats of one upstream order in one batch make one order; the others answer it as a repeat', async () => {
    const numbers = ['YT-B-1', 'YT-B-2', 'YT-B-1', 'YT-B-3', 'YT-B-1', 'YT-B-2']
    const res = await Promise.all(numbers.map(transfer))
    const byNumber = new Map<string, { id: string; statuses: number[] }>()
    for (const [i, r] of res.entries()) {
      expect([200, 201]).toContain(r.statusCode)
      const e = byNumber.get(numbers[i]!) ?? { id: r.json().id as string, statuses: [] as number[] }
      expect(r.json().id).toBe(e.id)
      e.statuses.push(r.statusCode)
      byNumber.set(numbers[i]!, e)
    }
    for (const e of byNumber.values()) expect(e.statuses.filter((s) => s === 201)).toHaveLength(1)
    const n = await t.platform.db.query(
      `select upstream_number, count(*)::int n from hotline_order where upstream_number like 'YT-B-%' group by 1`,
    )
    expect(Object.fromEntries(n.rows.map((r) => [r.upstream_number, r.n]))).toEqual({
      'YT-B-1': 1,
      'YT-B-2': 1,
      'YT-B-3': 1,
    })
    // A later repeat finds the order already taken in.
    const again = await transfer('YT-B-3')
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ id: byNumber.get('YT-B-3')!.id, duplicate: true })
  })
})
