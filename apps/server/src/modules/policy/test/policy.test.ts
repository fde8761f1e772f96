import { ENTERPRISE_TAGS } from '@ruyu/contracts/enterprise'
import type { Rule } from '@ruyu/contracts/policy'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluate, type MatchProfile } from '../rules.ts'

// Security regressions for issue #5: a policy reaches only the enterprises its rule matches, never twice; one
// department may not answer another's questions (403); an enterprise never sees another's questions (404).
let t: TestContext
let gxj: Client
let kjj: Client
let ent: Client
let ent2: Client
let admin: Client
let p1: MatchProfile
let p2: MatchProfile
let gxjDept: string

const USCC_1 = '91370612MA3C12346J'
const USCC_2 = '91370612MA3D8K5W6A'

async function userId(username: string): Promise<string> {
  return (await t.platform.db.query('select id from core_user where username = $1', [username])).rows[0]!.id
}
async function inbox(username: string) {
  return (await t.platform.notifications.list(await userId(username), { unreadOnly: false, limit: 200, offset: 0 }))
    .items
}
/** Delivers the outbox until it is empty (matching enqueues notifications, which are delivered next). */
async function drain() {
  for (let i = 0; i < 5; i++) if ((await t.platform.events.drain()) === 0) return
}

/** A rule the first profile satisfies and the second does not (built from the profiles, so seeds may change). */
function discriminating(a: MatchProfile, b: MatchProfile): Rule {
  const tag = a.tags.find((x) => !b.tags.includes(x))
  const candidates: Rule[] = [
    ...(tag ? [{ hasTag: tag }] : []),
    { in: { field: 'industryCode', values: [a.industryCode] } },
    { divisionWithin: a.divisionCode },
    { between: { field: 'employees', min: a.employees, max: a.employees } },
    { between: { field: 'revenueWan', min: a.revenueWan, max: a.revenueWan } },
  ]
  const rule = candidates.find((r) => evaluate(r, a) && !evaluate(r, b))
  if (!rule) throw new Error('demo enterprises are indistinguishable')
  return { all: [rule, { not: { hasTag: '失信被执行人' } }] }
}

const policyInput = (title: string, rule: unknown) => ({
  title,
  departmentId: gxjDept,
  level: 'district',
  validFrom: '2026-01-01',
  validTo: '2099-12-31',
  benefitSummary: '测试用政策：符合条件的企业给予奖励。',
  rule,
})

beforeAll(async () => {
  t = await createTestContext()
  gxj = await t.login('gxj')
  kjj = await t.login('kjj')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  admin = await t.login('admin')
  p1 = (await t.services.enterprise.profile(USCC_1))!
  p2 = (await t.services.enterprise.profile(USCC_2))!
  gxjDept = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-GXJ'`)).rows[0]!.id
  await drain() // seed-time notifications
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
    const create = await gxj.post('/api/policy/policies', policyInput('坏规则', { scaleIn: ['huge'] }))
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
    const created = await gxj.post('/api/policy/policies', policyInput('测试：专项扶持资金', discriminating(p1, p2)))
    expect(created.statusCode).toBe(201)
    policyId = created.json().id
    expect(created.json().status).toBe('draft')
    // Another department's staff may not publish it.
    expect((await kjj.post(`/api/policy/policies/${policyId}/publish`)).statusCode).toBe(403)
    const pub = await gxj.post(`/api/policy/policies/${policyId}/publish`)
    expect(pub.statusCode).toBe(200)
    expect(pub.json().status).toBe('published')
    expect(pub.json().matchCount).toBe(0) // not matched yet: that happens after commit, in the dispatcher
    await drain()

    const title = '政策推送：测试：专项扶持资金'
    expect((await inbox('enterprise')).filter((n) => n.title === title)).toHaveLength(1)
    expect((await inbox('enterprise2')).filter((n) => n.title === title)).toHaveLength(0)

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
    await drain()
    expect((await inbox('enterprise')).filter((n) => n.title === title)).toHaveLength(1)
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
    const created = await gxj.post('/api/policy/policies', policyInput('测试：标签企业奖励', rule))
    const id = created.json().id
    await gxj.post(`/api/policy/policies/${id}/publish`)
    await drain()
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
    await drain()
    const title = '政策推送：测试：标签企业奖励'
    expect((await inbox('enterprise2')).filter((n) => n.title === title)).toHaveLength(1)
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
    await drain()
    expect((await inbox('enterprise2')).filter((n) => n.title === title)).toHaveLength(1)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBe(before + 1)
    expect((await matched()).filter((u: string) => u === USCC_2)).toHaveLength(1)

    // Issue #10 §2: a change that breaks a condition withdraws the push, says which condition fails, and tells the
    // enterprise once (this test used to assert that the match stayed).
    await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { employees: p2.employees + 1 },
    })
    await drain()
    expect(await matched()).not.toContain(USCC_2)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBe(before)
    const gone = (await ent2.get('/api/policy/mine/policies')).json()
    const item = gone.items.find((x: { policy: { id: string } }) => x.policy.id === id)
    expect(item.withdrawnAt).toBeTruthy()
    expect(item.withdrawnReasons).toEqual([
      `从业人数在 ${p2.employees} 人 至 ${p2.employees} 人 之间：不满足（从业人数 ${p2.employees + 1} 人）`,
    ])
    const withdrawnTitle = '政策推送已撤回：测试：标签企业奖励'
    const told = (await inbox('enterprise2')).filter((n) => n.title === withdrawnTitle)
    expect(told).toHaveLength(1)
    expect(told[0]!.body).toContain(`从业人数 ${p2.employees + 1} 人`)
    const detail = (await ent2.get(`/api/policy/mine/policies/${id}`)).json()
    expect(detail.myMatch.withdrawnReasons).toEqual(item.withdrawnReasons)
    await t.platform.db.tx((tx) =>
      t.platform.events.enqueue(tx, 'enterprise.profile.changed', { uscc: USCC_2, version: 100 }),
    )
    await drain()
    expect((await inbox('enterprise2')).filter((n) => n.title === withdrawnTitle)).toHaveLength(1)

    // Satisfying it again reinstates the match and pushes once more.
    await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${USCC_2}`,
      payload: { employees: p2.employees },
    })
    await drain()
    expect((await matched()).filter((u: string) => u === USCC_2)).toHaveLength(1)
    expect((await inbox('enterprise2')).filter((n) => n.title === title)).toHaveLength(2)
    const back = (await ent2.get('/api/policy/mine/policies')).json()
    expect(back.items.find((x: { policy: { id: string } }) => x.policy.id === id)).toMatchObject({
      withdrawnAt: null,
      withdrawnReasons: [],
    })
  })

  it("a policy's rule change withdraws the pushes it no longer admits, naming the failing condition", async () => {
    const industry = { in: { field: 'industryCode', values: [p1.industryCode] } }
    const headcount = (x: number) => ({ between: { field: 'employees', min: x, max: x } })
    const input = (rule: unknown) => policyInput('测试：规则调整', rule)
    const id = (await gxj.post('/api/policy/policies', input({ all: [industry, headcount(p1.employees)] }))).json().id
    await gxj.post(`/api/policy/policies/${id}/publish`)
    await drain()
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
    await drain()
    const item = await mine()
    expect(item.withdrawnAt).toBeTruthy()
    expect(item.withdrawnReasons).toEqual([
      `从业人数在 ${p1.employees + 1} 人 至 ${p1.employees + 1} 人 之间：不满足（从业人数 ${p1.employees} 人）`,
    ])
    expect((await inbox('enterprise')).filter((n) => n.title === '政策推送已撤回：测试：规则调整')).toHaveLength(1)
    expect((await gxj.get(`/api/policy/policies/${id}`)).json().matchCount).toBeLessThan(count)
    // The unread badge counts standing pushes only; staff see standing matches only.
    expect((await ent.get('/api/policy/mine/policies?unreadOnly=true&pageSize=200')).json().items).not.toContainEqual(
      expect.objectContaining({ policy: expect.objectContaining({ id }) }),
    )
    const staff = (await gxj.get(`/api/policy/policies/${id}/matches?pageSize=200`)).json()
    expect(staff.items.map((m: { uscc: string }) => m.uscc)).not.toContain(USCC_1)
  })
})

describe('policy Q&A', () => {
  let policyId: string
  let questionId: string

  beforeAll(async () => {
    const created = await gxj.post('/api/policy/policies', policyInput('测试：咨询用政策', null))
    policyId = created.json().id
    await gxj.post(`/api/policy/policies/${policyId}/publish`)
  })

  it('a question goes to the issuing department with a 24-hour SLA; timers give yellow and red cards', async () => {
    const asked = await ent.post(`/api/policy/policies/${policyId}/questions`, {
      question: '请问该政策的申报截止时间是什么时候？',
    })
    expect(asked.statusCode).toBe(201)
    const q = asked.json()
    questionId = q.id
    expect(q.status).toBe('open')
    expect(q.departmentId).toBe(gxjDept)
    const hours = (new Date(q.dueAt).getTime() - new Date(q.askedAt).getTime()) / 3_600_000
    expect(Math.round(hours)).toBe(24)
    expect((await gxj.get('/api/policy/questions')).json().items.map((x: { id: string }) => x.id)).toContain(q.id)
    expect((await kjj.get('/api/policy/questions')).json().items.map((x: { id: string }) => x.id)).not.toContain(q.id)

    const task = (
      await t.platform.db.query(
        `select id, warn_at, due_at from workflow_task where instance_id = $1 and status = 'open'`,
        [q.workflowInstanceId],
      )
    ).rows[0]!
    expect(task.due_at.toISOString()).toBe(q.dueAt)
    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'warn', at: task.warn_at.toISOString() })
    expect((await gxj.get(`/api/policy/questions/${q.id}`)).json().slaFlag).toBe('warning')
    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'due', at: task.due_at.toISOString() })
    expect((await gxj.get(`/api/policy/questions/${q.id}`)).json().slaFlag).toBe('overdue')
    await drain()
    const titles = (await inbox('gxj')).map((n) => n.title)
    expect(titles).toEqual(
      expect.arrayContaining(['新的政策咨询（24小时内答复）', '黄牌预警：办理时限将至', '红牌督办：已超过办理时限']),
    )
    expect((await inbox('kjj')).filter((n) => n.body.includes('测试：咨询用政策'))).toHaveLength(0)
  })

  it('another department may not answer (403); another enterprise may not read it (404)', async () => {
    const res = await kjj.post(`/api/policy/questions/${questionId}/answer`, { answer: '越权答复' })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('POLICY_NOT_YOUR_DEPARTMENT')
    expect((await kjj.get(`/api/policy/questions/${questionId}`)).statusCode).toBe(404)
    const other = await ent2.get(`/api/policy/questions/${questionId}`)
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('POLICY_QUESTION_NOT_FOUND')
    expect((await ent2.post(`/api/policy/questions/${questionId}/rating`, { level: 1, comment: 'x' })).statusCode).toBe(
      404,
    )
    expect((await ent2.get('/api/policy/mine/questions')).json().items.map((x: { id: string }) => x.id)).not.toContain(
      questionId,
    )
  })

  it('the process tree is read by the asker, the department and audit readers; answering it goes through policy', async () => {
    const { workflowInstanceId } = (await gxj.get(`/api/policy/questions/${questionId}`)).json()
    const url = `/api/workflow/instances/${workflowInstanceId}`
    // 科技局's policy staff hold policy:manage too, but the question went to 工信局 (issue #9 §8).
    expect((await kjj.get(url)).statusCode).toBe(404)
    for (const c of [gxj, ent, admin]) expect((await c.get(url)).statusCode).toBe(200)
    const tree = (await gxj.get(url)).json()
    expect(tree.subject).toMatchObject({ type: 'policy_question', id: questionId, module: 'policy' })
    expect(tree.nodes[0].actions).toEqual([]) // answered on the policy page, which records the answer
    const generic = await gxj.post(`${url}/actions/answer`, { comment: '绕过政策模块答复' })
    expect(generic.statusCode).toBe(403)
    expect(generic.json().code).toBe('WORKFLOW_MODULE_ROUTE_REQUIRED')
    expect((await gxj.get(`/api/policy/questions/${questionId}`)).json().status).toBe('open')
  })

  it('the department answers, the enterprise rates, the answer becomes a public FAQ', async () => {
    expect((await gxj.post(`/api/policy/questions/${questionId}/faq`, {})).statusCode).toBe(422)
    const answered = await gxj.post(`/api/policy/questions/${questionId}/answer`, {
      answer: '本年度申报截止时间为 12 月 31 日，请通过政企云在线提交。',
    })
    expect(answered.statusCode).toBe(200)
    expect(answered.json().status).toBe('answered')
    expect((await gxj.post(`/api/policy/questions/${questionId}/answer`, { answer: '再次答复' })).statusCode).toBe(409)
    await drain()
    expect((await inbox('enterprise')).map((n) => n.title)).toContain('您的政策咨询已答复')

    const rated = await ent.post(`/api/policy/questions/${questionId}/rating`, { level: 5, comment: '很及时' })
    expect(rated.statusCode).toBe(200)
    expect(rated.json().ratingLevel).toBe(5)
    expect((await ent.post(`/api/policy/questions/${questionId}/rating`, { level: 4 })).statusCode).toBe(409)

    expect((await kjj.post(`/api/policy/questions/${questionId}/faq`, {})).statusCode).toBe(403)
    const faq = await gxj.post(`/api/policy/questions/${questionId}/faq`, { question: '政策申报截止时间？' })
    expect(faq.statusCode).toBe(200)
    expect(faq.json().faqId).toBeTruthy()
    expect((await gxj.post(`/api/policy/questions/${questionId}/faq`, {})).statusCode).toBe(409)
    const pub = await t.anonymous().get(`/api/public/policies/${policyId}`)
    expect(pub.statusCode).toBe(200)
    expect(pub.json().faqs.map((f: { question: string }) => f.question)).toContain('政策申报截止时间？')
    expect(pub.json().rule).toBeNull()
  })
})

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
