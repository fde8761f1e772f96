import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { satisfactionRate } from '../domain.ts'

let t: TestContext
let raterId: string
let zj: string

beforeAll(async () => {
  t = await createTestContext()
  raterId = (await t.platform.db.query(`select id from core_user where username = 'enterprise'`)).rows[0]!.id
  zj = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-ZJJ'`)).rows[0]!.id
})
afterAll(() => t.close())

const rate = (subjectId: string, level: 1 | 2 | 3 | 4 | 5, extra: Record<string, unknown> = {}) =>
  t.platform.db.tx((tx) =>
    t.services.rating.rate(
      tx,
      { kind: 'user', id: raterId },
      {
        subjectType: 'test_case',
        subjectId,
        subjectTitle: `测试办件 ${subjectId}`,
        departmentId: zj,
        divisionCode: '370612106',
        raterId,
        channel: 'online',
        level,
        ...extra,
      },
    ),
  )

describe('satisfaction rate', () => {
  it('weights levels; 基本满意 can count 0.8 where a locality says so', () => {
    expect(satisfactionRate({ 5: 6, 4: 2, 3: 1, 1: 1 })).toBeCloseTo(0.9)
    expect(satisfactionRate({ 5: 6, 4: 2, 3: 1, 1: 1 }, { '5': 1, '4': 1, '3': 0.8, '2': 0, '1': 0 })).toBeCloseTo(0.88)
    expect(satisfactionRate({})).toBeNull()
  })
})

describe('好差评', () => {
  it('a good rating is stored once; rating the same matter again is 409', async () => {
    const r = await rate('c-1', 5)
    expect(r).toMatchObject({ level: 5, rectificationInstanceId: null, indicatorVersion: 'GB/T 39734-2020' })
    await expect(rate('c-1', 4)).rejects.toMatchObject({ code: 'RATING_ALREADY_RATED' })
  })

  it('a bad rating needs a reason', async () => {
    await expect(rate('c-2', 1)).rejects.toMatchObject({ code: 'RATING_REASON_REQUIRED' })
  })

  it('a 差评 opens a rectification for the answerable department: callback → rectify → feedback to the rater', async () => {
    const r = await rate('c-3', 2, { reasons: ['办理超时'], comment: '等了很久' })
    expect(r.rectificationInstanceId).toBeTruthy()
    const reviewer = await t.login('reviewer') // 住建局
    const list = (await reviewer.get('/api/workflow/tasks')).json()
    const task = list.items.find((i: { rootId: string }) => i.rootId === r.rectificationInstanceId)
    expect(task).toMatchObject({ taskName: '回访核实', sla: 'on_track' })
    expect(task.dueAt).toBeTruthy()
    const id = r.rectificationInstanceId!
    const verify = `/api/workflow/instances/${id}/actions/verify`
    // The callback takes only its declared data: never another department for the branch (issue #9 §2).
    const other = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-XSP'`)).rows[0]!.id
    for (const data of [{ branch: { departmentId: other } }, { departmentId: other }, { rectifyBy: 'window' }]) {
      const refused = await reviewer.post(verify, { comment: '已电话回访', data })
      expect(refused.statusCode).toBe(422)
      expect(refused.json()).toMatchObject({ code: 'WORKFLOW_INPUT_INVALID', details: { keys: Object.keys(data) } })
    }
    const verified = await reviewer.post(verify, {
      comment: '已电话回访，情况属实',
      data: { calledBackAt: '2026-12-02T10:00:00+08:00' },
    })
    expect(verified.statusCode, verified.body).toBe(200)
    const done = await reviewer.post(`/api/workflow/instances/${id}/actions/feedback`, {
      comment: '已优化流程，缩短办理时间',
    })
    expect(done.json().nodes[0]).toMatchObject({ state: 'rectified', status: 'completed' })
    await t.platform.events.drain()
    const inbox = await t.platform.notifications.list(raterId, { unreadOnly: true, limit: 20, offset: 0 })
    expect(inbox.items.map((n) => n.title)).toContain('差评整改反馈')
  })

  it('another department cannot handle the rectification', async () => {
    const r = await rate('c-4', 1, { reasons: ['服务态度差'] })
    const window = await t.login('window')
    const res = await window.post(`/api/workflow/instances/${r.rectificationInstanceId}/actions/verify`, {
      comment: 'x',
    })
    // It took no part in the rectification, so it does not even see it.
    expect(res.statusCode).toBe(404)
    expect((await window.get(`/api/workflow/instances/${r.rectificationInstanceId}`)).statusCode).toBe(404)
  })

  it('statistics per department inside the scope, with configurable weights', async () => {
    const leader = await t.login('leader')
    const stats = (await leader.get('/api/ratings/stats')).json()
    const row = stats.items.find((i: { departmentId: string }) => i.departmentId === zj)
    expect(row).toMatchObject({ total: 3, bad: 2, rectifications: 2 })
    expect(row.satisfaction).toBeCloseTo(1 / 3)
    await t.platform.settings.set(SYSTEM_ACTOR, 'rating.levelWeights', { '5': 1, '4': 1, '3': 1, '2': 0.5, '1': 0 })
    const weighted = (await leader.get('/api/ratings/stats')).json()
    expect(weighted.items.find((i: { departmentId: string }) => i.departmentId === zj).satisfaction).toBeCloseTo(
      1.5 / 3,
    )
    // The handlers' list shows the 差评 inside the reviewer's scope.
    const handlerList = (await (await t.login('reviewer')).get('/api/ratings?bad=true')).json()
    expect(handlerList.total).toBe(2)
  })
})
