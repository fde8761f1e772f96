import { ENTERPRISE_TAGS } from '@ruyu/contracts/enterprise'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MatchProfile } from '../rules.ts'
import { discriminating, drain, inbox, policyInput, USCC_1, USCC_2, unitId } from './factories.ts'

// Security regressions for issue #5: a policy reaches only the enterprises its rule matches, never twice.
let t: TestContext
let gxj: Client
let kjj: Client
let ent: Client
let ent2: Client
let admin: Client
let p1: MatchProfile
let p2: MatchProfile
let gxjDept: string

beforeAll(async () => {
  t = await createTestContext()
  gxj = await t.login('gxj')
  kjj = await t.login('kjj')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  admin = await t.login('admin')
  p1 = (await t.services.enterprise.profile(USCC_1))!
  p2 = (await t.services.enterprise.profile(USCC_2))!
  gxjDept = await unitId(t, 'MP-GXJ')
  await drain(t) // seed-time notifications
})
afterAll(() => t.close())

describe('rules through the API', () => {
  it('an invalid rule is a 400 naming the bad node by path', async () => {
    const res = await gxj.post('/api/policy/rules/preview', {
      rule: { all: [{ hasTag: '高新技术企业' }, { gte: { field: 'rndWan', value: 'many' } }] },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('POLICY_RULE_INVALID')
    expect(res.json().message).toContain('rule.all[1].gte.value: 应为数字')
    const create = await gxj.post('/api/policy/policies', policyInput(gxjDept, '坏规则', { scaleIn: ['huge'] }))
    expect(create.statusCode).toBe(400)
    expect(create.json().message).toContain('rule.scaleIn[0]')
  })

  it('preview counts the enterprises that match now, with examples and reasons', async () => {
    const res = await gxj.post('/api/policy/rules/preview', { rule: discriminating(p1, p2) })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.count).toBeGreaterThanOrEqual(1)
    expect(body.total).toBeGreaterThan(100)
    expect(body.examples.length).toBeGreaterThan(0)
    expect(body.examples[0].reasons.length).toBeGreaterThan(0)
  })
})

describe('publish and push', () => {
  let policyId: string

  it('publishing returns at once; the background match pushes only to eligible enterprises', async () => {
    const created = await gxj.post(
      '/api/policy/policies',
      policyInput(gxjDept, '测试：专项扶持资金', discriminating(p1, p2)),
    )
    expect(created.statusCode).toBe(201)
    policyId = created.json().id
    expect(created.json().status).toBe('draft')
    // Another department's staff may not publish it.
    expect((await kjj.post(`/api/policy/policies/${policyId}/publish`)).statusCode).toBe(403)
    const pub = await gxj.post(`/api/policy/policies/${policyId}/publish`)
    expect(pub.statusCode).toBe(200)
    expect(pub.json().status).toBe('published')
    expect(pub.json().matchCount).toBe(0) // not matched yet: that happens after commit, in the dispatcher
    await drain(t)

    const title = '政策推送：测试：专项扶持资金'
    expect((await inbox(t, 'enterprise')).filter((n) => n.title === title)).toHaveLength(1)
    expect((await inbox(t, 'enterprise2')).filter((n) => n.title === title)).toHaveLength(0)

    const mine = (await ent.get('/api/policy/mine/policies')).json()
    const item = mine.items.find((x: { policy: { id: string } }) => x.policy.id === policyId)
    expect(item.reasons.length).toBeGreaterThan(0)
    expect(item.readAt).toBeNull()
    expect(
      (await ent2.get('/api/policy/mine/policies'))
        .json()
        .items.some((x: { policy: { id: string } }) => x.policy.id === policyId),
    ).toBe(false)

    const staff = (await gxj.get(`/api/policy/policies/${policyId}`)).json()
    expect(staff.matchCount).toBeGreaterThanOrEqual(1)
    const matches = (await gxj.get(`/api/policy/policies/${policyId}/matches?pageSize=200`)).json()
    expect(matches.items.map((m: { uscc: string }) => m.uscc)).toContain(USCC_1)
    expect(matches.items.map((m: { uscc: string }) => m.uscc)).not.toContain(USCC_2)

    // The profile page (staff) lists one enterprise's matches with the reasons; enterprises may not use it.
    const ofEnt = (await gxj.get(`/api/policy/enterprises/${USCC_1}/policies?pageSize=200`)).json()
    const hit = ofEnt.items.find((m: { policy: { id: string } }) => m.policy.id === policyId)
    expect(hit.reasons.length).toBeGreaterThan(0)
    const ofEnt2 = (await gxj.get(`/api/policy/enterprises/${USCC_2}/policies?pageSize=200`)).json()
    expect(ofEnt2.items.map((m: { policy: { id: string } }) => m.policy.id)).not.toContain(policyId)
    expect((await gxj.get('/api/policy/enterprises/91370612MA3C12345X/policies')).statusCode).toBe(400)
    expect((await ent.get(`/api/policy/enterprises/${USCC_2}/policies`)).statusCode).toBe(403)

    // Read tracking per enterprise.
    expect((await ent.post(`/api/policy/mine/policies/${policyId}/read`)).statusCode).toBe(204)
    expect((await ent2.post(`/api/policy/mine/policies/${policyId}/read`)).statusCode).toBe(404)
    const detail = (await ent.get(`/api/policy/mine/policies/${policyId}`)).json()
    expect(detail.myMatch.readAt).not.toBeNull()
    expect(detail.rule).toBeNull()
    expect(detail.ruleText).toBeTruthy()
    // Publishing twice is refused; a second dispatch of the event pushes nothing new.
    expect((await gxj.post(`/api/policy/policies/${policyId}/publish`)).statusCode).toBe(409)
    await t.platform.db.tx((tx) => t.services.policy.matchPolicy(tx, policyId))
    await drain(t)
    expect((await inbox(t, 'enterprise')).filter((n) => n.title === title)).toHaveLength(1)
  })

  it('a profile change pushes the policies the enterprise now matches, once, never twice', async () => {
    const tag = ENTERPRISE_TAGS.find((x) => !p2.tags.includes(x) && x !== '失信被执行人')!
    const rule = {
      all: [
        { hasTag: tag },
        { in: { field: 'divisionCode', values: [p2.divisionCode] } },
        { between: { field: 'employees', min: p2.employees, max: p2.employees } },
      ],
    }
    const created = await gxj.post('/api/policy/policies', policyInput(gxjDept, '测试：标签企业奖励', rule))
    const id = created.json().id
    await gxj.post(`/api/policy/policies/${id}/publish`)
    await drain(t)
    const before = (await gxj.get(`/api/policy/policies/${id}`)).json().matchCount
    const matched = async () =>
      (await gxj.get(`/api/policy/policies/${id}/matches?pageSize=200`))
        .json()
        .items.map((m: { uscc: string }) => m.uscc)
    expect(await matched()).not.toContain(USCC_2)

    const edit = await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { tags: [...p2.tags, tag] },
    })
    expect(edit.statusCode, edit.body).toBe(200)
    await drain(t)
    const title = '政策推送：测试：标签企业奖励'
    expect((await inbox(t, 'enterprise2')).filter((n) => n.title === title)).toHaveLength(1)
    const mine = (await ent2.get('/api/policy/mine/policies')).json()
    const hit = mine.items.find((x: { policy: { id: string } }) => x.policy.id === id)
    expect(hit.reasons[0]).toBe(`${tag}：是`)
    expect(hit.reasons).toHaveLength(3)

    // A change that keeps the match (and a replayed event) does not push again.
    await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { revenueWan: p2.revenueWan + 1 },
    })
    await t.platform.db.tx((tx) =>
      t.platform.events.enqueue(tx, 'enterprise.profile.changed', { uscc: USCC_2, version: 99 }),
    )
    await drain(t)
    expect((await inbox(t, 'enterprise2')).filter((n) => n.title === title)).toHaveLength(1)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBe(before + 1)
    expect((await matched()).filter((u: string) => u === USCC_2)).toHaveLength(1)

    // Issue #10 §2: a change that breaks a condition withdraws the push, says which condition fails, and tells the
    // enterprise once (this test used to assert that the match stayed).
    await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { employees: p2.employees + 1 },
    })
    await drain(t)
    expect(await matched()).not.toContain(USCC_2)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBe(before)
    const gone = (await ent2.get('/api/policy/mine/policies')).json()
    const item = gone.items.find((x: { policy: { id: string } }) => x.policy.id === id)
    expect(item.withdrawnAt).toBeTruthy()
    expect(item.withdrawnReasons).toEqual([
      `从业人数在 ${p2.employees} 人 至 ${p2.employees} 人 之间：不满足（从业人数 ${p2.employees + 1} 人）`,
    ])
    const withdrawnTitle = '政策推送已撤回：测试：标签企业奖励'
    const told = (await inbox(t, 'enterprise2')).filter((n) => n.title === withdrawnTitle)
    expect(told).toHaveLength(1)
    expect(told[0]!.body).toContain(`从业人数 ${p2.employees + 1} 人`)
    const detail = (await ent2.get(`/api/policy/mine/policies/${id}`)).json()
    expect(detail.myMatch.withdrawnReasons).toEqual(item.withdrawnReasons)
    await t.platform.db.tx((tx) =>
      t.platform.events.enqueue(tx, 'enterprise.profile.changed', { uscc: USCC_2, version: 100 }),
    )
    await drain(t)
    expect((await inbox(t, 'enterprise2')).filter((n) => n.title === withdrawnTitle)).toHaveLength(1)

    // Satisfying it again reinstates the match and pushes once more.
    await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { employees: p2.employees },
    })
    await drain(t)
    expect((await matched()).filter((u: string) => u === USCC_2)).toHaveLength(1)
    expect((await inbox(t, 'enterprise2')).filter((n) => n.title === title)).toHaveLength(2)
    const back = (await ent2.get('/api/policy/mine/policies')).json()
    expect(back.items.find((x: { policy: { id: string } }) => x.policy.id === id)).toMatchObject({
      withdrawnAt: null,
      withdrawnReasons: [],
    })
  })

  it("a policy's rule change withdraws the pushes it no longer admits, naming the failing condition", async () => {
    const industry = { in: { field: 'industryCode', values: [p1.industryCode] } }
    const headcount = (x: number) => ({ between: { field: 'employees', min: x, max: x } })
    const input = (rule: unknown) => policyInput(gxjDept, '测试：规则调整', rule)
    const id = (await gxj.post('/api/policy/policies', input({ all: [industry, headcount(p1.employees)] }))).json().id
    await gxj.post(`/api/policy/policies/${id}/publish`)
    await drain(t)
    const mine = async () =>
      (await ent.get('/api/policy/mine/policies?pageSize=200'))
        .json()
        .items.find((x: { policy: { id: string } }) => x.policy.id === id)
    expect(await mine()).toMatchObject({ withdrawnAt: null })
    const count = (await gxj.get(`/api/policy/policies/${id}`)).json().matchCount
    expect(count).toBeGreaterThanOrEqual(1)

    const edit = await gxj.request({
      method: 'PUT',
      url: `/api/policy/policies/${id}`,
      payload: input({ all: [industry, headcount(p1.employees + 1)] }),
    })
    expect(edit.statusCode, edit.body).toBe(200)
    await drain(t)
    const item = await mine()
    expect(item.withdrawnAt).toBeTruthy()
    expect(item.withdrawnReasons).toEqual([
      `从业人数在 ${p1.employees + 1} 人 至 ${p1.employees + 1} 人 之间：不满足（从业人数 ${p1.employees} 人）`,
    ])
    expect((await inbox(t, 'enterprise')).filter((n) => n.title === '政策推送已撤回：测试：规则调整')).toHaveLength(1)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBeLessThan(count)
    // The unread badge counts standing pushes only; staff see standing matches only.
    expect((await ent.get('/api/policy/mine/policies?unreadOnly=true&pageSize=200')).json().items).not.toContainEqual(
      expect.objectContaining({ policy: expect.objectContaining({ id }) }),
    )
    const staff = (await gxj.get(`/api/policy/policies/${id}/matches?pageSize=200`)).json()
    expect(staff.items.map((m: { uscc: string }) => m.uscc)).not.toContain(USCC_1)
  })
})
