import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { drain, inbox, policyInput, unitId } from './factories.ts'

// Security regressions for issue #5: one department may not answer another's questions (403); an enterprise never
// sees another's questions (404).
let t: TestContext
let gxj: Client
let kjj: Client
let ent: Client
let ent2: Client
let admin: Client
let gxjDept: string

beforeAll(async () => {
  t = await createTestContext()
  gxj = await t.login('gxj')
  kjj = await t.login('kjj')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  admin = await t.login('admin')
  gxjDept = await unitId(t, 'MP-GXJ')
  await drain(t) // seed-time notifications
})
afterAll(() => t.close())

describe('policy Q&A', () => {
  let policyId: string
  let questionId: string

  beforeAll(async () => {
    const created = await gxj.post('/api/policy/policies', policyInput(gxjDept, '测试：咨询用政策', null))
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
    await drain(t)
    const titles = (await inbox(t, 'gxj')).map((n) => n.title)
    expect(titles).toEqual(
      expect.arrayContaining(['新的政策咨询（24小时内答复）', '黄牌预警：办理时限将至', '红牌督办：已超过办理时限']),
    )
    expect((await inbox(t, 'kjj')).filter((n) => n.body.includes('测试：咨询用政策'))).toHaveLength(0)
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
    await drain(t)
    expect((await inbox(t, 'enterprise')).map((n) => n.title)).toContain('您的政策咨询已答复')

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

  it("a 差评 on an answer opens a rectification task for the answering department's policy staff", async () => {
    const asked = await ent2.post(`/api/policy/policies/${policyId}/questions`, { question: '补助何时拨付到账？' })
    expect(asked.statusCode, asked.body).toBe(201)
    const id = asked.json().id
    expect((await gxj.post(`/api/policy/questions/${id}/answer`, { answer: '审核通过后拨付。' })).statusCode).toBe(200)
    const rated = await ent2.post(`/api/policy/questions/${id}/rating`, { level: 1, comment: '答复没有给出时间' })
    expect(rated.statusCode, rated.body).toBe(200)
    const tasks = (await gxj.get('/api/workflow/tasks')).json().items as { title: string; taskName: string }[]
    const mine = tasks.filter((k) => k.title.startsWith('差评整改'))
    expect(mine.map((k) => k.taskName)).toContain('回访核实')
    // Another department's policy staff get no such task.
    const other = (await kjj.get('/api/workflow/tasks')).json().items as { title: string }[]
    expect(other.filter((k) => k.title.startsWith('差评整改'))).toEqual([])
  })
})
