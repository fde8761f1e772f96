import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Issue #10 §2: the 申诉 (appeal) path of a 差评 had no tests. The answerable department appeals a rating it holds
// mistaken or malicious; an administrator decides. Everyone else is refused, and a decision is taken once.
let t: TestContext
let raterId: string
let zj: string
let n = 0

async function badRating(): Promise<{ id: string; instanceId: string }> {
  const r = await t.platform.db.tx((tx) =>
    t.services.rating.rate(
      tx,
      { kind: 'user', id: raterId },
      {
        subjectType: 'test_case',
        subjectId: `appeal-${++n}`,
        subjectTitle: `申诉测试办件 ${n}`,
        departmentId: zj,
        divisionCode: '370612106',
        raterId,
        channel: 'online',
        level: 1,
        reasons: ['服务态度差'],
        comment: '窗口人员态度恶劣',
      },
    ),
  )
  return { id: r.id, instanceId: r.rectificationInstanceId! }
}

const act = (c: Client, instanceId: string, action: string, comment?: string) =>
  c.post(`/api/workflow/instances/${instanceId}/actions/${action}`, comment === undefined ? {} : { comment })

async function stateOf(ratingId: string): Promise<string | null> {
  const xsp = await t.login('xsp')
  const items = (await xsp.get('/api/ratings?bad=true&pageSize=200')).json().items as {
    id: string
    rectificationState: string | null
  }[]
  return items.find((i) => i.id === ratingId)?.rectificationState ?? null
}

let reviewer: Client
let admin: Client

beforeAll(async () => {
  t = await createTestContext()
  raterId = (await t.platform.db.query(`select id from core_user where username = 'enterprise2'`)).rows[0]!.id
  zj = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-ZJJ'`)).rows[0]!.id
  reviewer = await t.login('reviewer') // 住建局: the answerable department
  admin = await t.login('admin')
})
afterAll(() => t.close())

describe('申诉 of a 差评', () => {
  it('only the answerable department may appeal, with a reason', async () => {
    const r = await badRating()
    expect(await stateOf(r.id)).toBe('callback')
    // The rater took no part in handling: it may not appeal its own rating.
    const rater = await t.login('enterprise2')
    const own = await act(rater, r.instanceId, 'appeal', '误评')
    expect(own.statusCode).toBe(403)
    expect(own.json().code).toBe('WORKFLOW_NOT_PERMITTED')
    // Another department's reviewer does not even see it; the approval bureau's reviewer may not act for 住建局.
    expect((await act(await t.login('fgj'), r.instanceId, 'appeal', '误评')).statusCode).toBe(404)
    const xsp = await act(await t.login('xsp'), r.instanceId, 'appeal', '误评')
    expect(xsp.statusCode).toBe(404)
    expect(xsp.json().code).toBe('WORKFLOW_INSTANCE_NOT_FOUND')
    // The department must say why.
    const bare = await act(reviewer, r.instanceId, 'appeal')
    expect(bare.statusCode).toBe(400)
    expect(bare.json().code).toBe('WORKFLOW_COMMENT_REQUIRED')
    expect(await stateOf(r.id)).toBe('callback')

    const ok = await act(reviewer, r.instanceId, 'appeal', '经核查监控录像，窗口人员并无不当言行，申请复核')
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().nodes[0]).toMatchObject({ state: 'appeal_review', status: 'active' })
    expect(await stateOf(r.id)).toBe('appeal_review')
    // Appealing again is a 409: someone (here: the same department) was first.
    const again = await act(reviewer, r.instanceId, 'appeal', '再次申诉')
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('WORKFLOW_CONFLICT')
  })

  it('only an administrator decides; the department cannot decide its own appeal nor act meanwhile', async () => {
    const r = await badRating()
    await act(reviewer, r.instanceId, 'appeal', '评价与事实不符')
    const tasks = (await admin.get('/api/workflow/tasks?pageSize=200')).json().items
    expect(tasks.find((x: { rootId: string }) => x.rootId === r.instanceId)).toMatchObject({ taskName: '申诉复核' })

    const own = await act(reviewer, r.instanceId, 'accept_appeal', '我们认为申诉成立')
    expect(own.statusCode).toBe(403)
    expect(own.json().code).toBe('WORKFLOW_NOT_PERMITTED')
    // While under review the department's rectification actions are not available (422).
    const feedback = await act(reviewer, r.instanceId, 'feedback', '已整改')
    expect(feedback.statusCode).toBe(422)
    expect(feedback.json().code).toBe('WORKFLOW_ACTION_NOT_AVAILABLE')
    // A leader reads ratings but does not decide appeals.
    const leader = await act(await t.login('leader'), r.instanceId, 'uphold', '维持')
    expect(leader.statusCode).toBe(403)
    expect(leader.json().code).toBe('WORKFLOW_NOT_PERMITTED')
    expect((await act(admin, r.instanceId, 'accept_appeal')).json().code).toBe('WORKFLOW_COMMENT_REQUIRED')

    const ok = await act(admin, r.instanceId, 'accept_appeal', '经复核，差评与事实不符，申诉成立')
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().nodes[0]).toMatchObject({ state: 'appeal_accepted', status: 'completed' })
    expect(await stateOf(r.id)).toBe('appeal_accepted')
    // The decision is taken once: the same decision again is 409, another decision on a closed case 422.
    const twice = await act(admin, r.instanceId, 'accept_appeal', '再次确认')
    expect(twice.statusCode).toBe(409)
    const other = await act(admin, r.instanceId, 'uphold', '改为维持')
    expect(other.statusCode).toBe(409)
    // An action of no state the instance passed through is 422 on the closed instance.
    const closed = await act(admin, r.instanceId, 'feedback', '已整改')
    expect(closed.statusCode).toBe(422)
    expect(closed.json().code).toBe('WORKFLOW_INSTANCE_CLOSED')
    expect(await stateOf(r.id)).toBe('appeal_accepted')

    const stats = (await admin.get('/api/ratings/stats')).json()
    expect(stats.overall.rectification.appeal_accepted).toBeGreaterThanOrEqual(1)
  })

  it('an upheld 差评 goes back to the department to rectify, and the rater hears of the feedback', async () => {
    const r = await badRating()
    await act(reviewer, r.instanceId, 'appeal', '申请复核')
    const upheld = await act(admin, r.instanceId, 'uphold', '证据不足，维持差评，请继续整改')
    expect(upheld.statusCode, upheld.body).toBe(200)
    expect(upheld.json().nodes[0]).toMatchObject({ state: 'rectifying', status: 'active' })
    expect(await stateOf(r.id)).toBe('rectifying')
    // An upheld appeal cannot be appealed again from 整改中.
    expect((await act(reviewer, r.instanceId, 'appeal', '再申诉')).statusCode).toBe(422)
    const done = await act(reviewer, r.instanceId, 'feedback', '已对窗口人员开展服务规范培训')
    expect(done.statusCode).toBe(200)
    expect(await stateOf(r.id)).toBe('rectified')
    await t.platform.events.drain()
    const inbox = await t.platform.notifications.list(raterId, { unreadOnly: false, limit: 50, offset: 0 })
    expect(inbox.items.map((x) => x.title)).toContain('差评整改反馈')

    const stats = (await (await t.login('xsp')).get('/api/ratings/stats')).json()
    const row = stats.items.find((i: { departmentId: string }) => i.departmentId === zj)
    expect(row.rectification.rectified).toBeGreaterThanOrEqual(1)
    expect(row.rectifications).toBe(row.bad)
  })

  it('two administrators deciding at once: exactly one wins, the other gets 409', async () => {
    const r = await badRating()
    await act(reviewer, r.instanceId, 'appeal', '申请复核')
    const [a, b] = await Promise.all([
      act(admin, r.instanceId, 'accept_appeal', '申诉成立'),
      act(admin, r.instanceId, 'uphold', '维持差评'),
    ])
    const codes = [a.statusCode, b.statusCode].sort()
    expect(codes).toEqual([200, 409])
  })
})
