import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
let gxj: Client

beforeAll(async () => {
  t = await createTestContext()
  gxj = await t.login('gxj')
})
afterAll(() => t.close())

describe('public pages and seed', () => {
  it('lists published demo policies publicly, hides drafts, and shows interpretations', async () => {
    const list = (await t.anonymous().get('/api/public/policies?pageSize=100')).json()
    expect(list.total).toBeGreaterThanOrEqual(30)
    expect(list.items.every((p: { status: string }) => p.status !== 'draft')).toBe(true)
    expect(list.items.every((p: { matchCount: number | null }) => p.matchCount === null)).toBe(true)
    const hi = list.items.find((p: { title: string }) => p.title === '牟平区高新技术企业认定奖励办法')
    const d = (await t.anonymous().get(`/api/public/policies/${hi.id}`)).json()
    expect(d.interpretations.map((i: { kind: string }) => i.kind)).toEqual(['leader', 'graphic'])
    const drafts = (await gxj.get('/api/policy/policies?status=draft')).json()
    expect(drafts.total).toBeGreaterThanOrEqual(1)
    expect((await t.anonymous().get(`/api/public/policies/${drafts.items[0].id}`)).statusCode).toBe(404)
  })
})
