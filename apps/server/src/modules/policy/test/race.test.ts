import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// A burst of 发布 or 失效 on one policy: one request wins, every loser is told 409 (someone else was first).
let t: TestContext
let gxj: Client
let gxjDept: string

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const burst = (url: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => sleep(i * 4).then(() => gxj.post(url))))

beforeAll(async () => {
  t = await createTestContext()
  gxj = await t.login('gxj')
  gxjDept = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-GXJ'`)).rows[0]!.id
})
afterAll(() => t.close())

describe('racing policy actions', () => {
  it('bursts of publish, then of expire: one 200 each, the others 409 POLICY_ALREADY_DONE', async () => {
    for (let round = 0; round < 4; round++) {
      const created = await gxj.post('/api/policy/policies', {
        title: `并发发布测试 ${round}`,
        departmentId: gxjDept,
        level: 'district',
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
        benefitSummary: '测试用政策。',
        rule: { divisionWithin: '370612' },
      })
      expect(created.statusCode, created.body).toBe(201)
      const id = created.json().id
      for (const action of ['publish', 'expire']) {
        const replies = await burst(`/api/policy/policies/${id}/${action}`, 5)
        expect(replies.map((r) => r.statusCode).sort(), replies.map((r) => r.body).join('\n')).toEqual([
          200, 409, 409, 409, 409,
        ])
        for (const r of replies.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('POLICY_ALREADY_DONE')
      }
      // Publishing an expired policy was never possible from where it is: still 422.
      expect((await gxj.post(`/api/policy/policies/${id}/publish`)).statusCode).toBe(422)
    }
  })
})
