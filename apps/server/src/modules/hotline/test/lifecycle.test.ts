import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// The whole 接诉即办 loop over HTTP: intake → dispatch to 文化街道 → 签收 → 延期 → 批准 → 反馈 → 审核 → 回访不满意
// → 重办 → 反馈 → 回访满意 → 办结, with the unit's data scope and the public tracking on the way.
let t: TestContext
let operator: Client
let wenhua: Client
let scj: Client
let heating: string
let t002: string

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  scj = await t.login('unit')
  heating = await categoryId(t, '010101')
  t002 = await unitId(t, 'MP-T002')
})
afterAll(() => t.close())

describe('hotline order lifecycle', () => {
  let id: string
  let number: string
  let phone: string

  it('the operator takes a call in: numbered, 待派单, routing suggestion 文化街道 with 热力公司 as co-handler', async () => {
    const body = intakeBody(heating)
    phone = body.callerPhone
    const r = await takeIn(operator, body)
    id = r.order.id
    number = r.order.number
    expect(number).toMatch(/^牟热〔\d{4}〕\d{6}$/)
    expect(r.order.status).toBe('dispatching')
    expect(r.suggestion.unit.code).toBe('MP-T002')
    expect(r.suggestion.coUnits.map((u: { code: string }) => u.code)).toEqual(['MP-RLG'])
    const list = (await operator.get('/api/hotline/orders?status=dispatching&pageSize=100')).json()
    expect(list.items.some((o: { id: string }) => o.id === id)).toBe(true)
    const d = (await operator.get(`/api/hotline/orders/${id}`)).json()
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual(['intake'])
    expect(d.actions).toEqual(expect.arrayContaining(['dispatch', 'direct_answer', 'merge', 'decline']))
    expect(d.dueAt).not.toBeNull()
  })

  it('a unit sees nothing before dispatch (404)', async () => {
    expect((await wenhua.get(`/api/hotline/orders/${id}`)).statusCode).toBe(404)
  })

  it('dispatch to 文化街道: 待签收 with an acknowledge deadline; the unit sees it, another unit gets 404', async () => {
    const r = await act(operator, id, 'dispatch', { unitId: t002, note: '属地办理' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'pending_ack', publicStatus: 'processing', unit: { code: 'MP-T002' } })
    expect(r.json().ackDueAt).not.toBeNull()
    const mine = await wenhua.get(`/api/hotline/orders/${id}`)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().viewerRole).toBe('main_unit')
    expect(mine.json().actions).toEqual(expect.arrayContaining(['acknowledge', 'return']))
    expect((await scj.get(`/api/hotline/orders/${id}`)).statusCode).toBe(404)
    expect((await act(scj, id, 'acknowledge')).statusCode).toBe(404)
    const list = (await scj.get('/api/hotline/orders?pageSize=200')).json()
    expect(list.items.some((o: { id: string }) => o.id === id)).toBe(false)
  })

  it('签收 once (responded on time); a second 签收 is 409', async () => {
    const r = await act(wenhua, id, 'acknowledge')
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'handling', respondedOnTime: true })
    const again = await act(wenhua, id, 'acknowledge')
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('HOTLINE_ALREADY_ACKNOWLEDGED')
  })

  it('延期 request pauses the clock; the centre approves and the deadline moves by the working days', async () => {
    const before = (await wenhua.get(`/api/hotline/orders/${id}`)).json()
    const tooLong = await act(wenhua, id, 'extension', { days: 11, reason: '需要协调热力公司更换管网' })
    expect(tooLong.statusCode).toBe(422)
    expect(tooLong.json().code).toBe('HOTLINE_EXTENSION_TOO_LONG')
    const r = await act(wenhua, id, 'extension', { days: 3, reason: '需要协调热力公司更换管网' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'extension_review', pendingExtension: { days: 3 } })
    const inst = await t.platform.db.query('select paused_at from workflow_instance where id = $1', [
      before.workflowInstanceId,
    ])
    expect(inst.rows[0]!.paused_at).not.toBeNull()
    // A unit cannot decide its own extension.
    expect((await act(wenhua, id, 'extension/decision', { approve: true })).statusCode).toBe(403)
    const ok = await act(operator, id, 'extension/decision', { approve: true, comment: '同意延期3个工作日' })
    expect(ok.statusCode, ok.body).toBe(200)
    const after = ok.json()
    expect(after).toMatchObject({ status: 'handling', extensionDays: 3, pendingExtension: null })
    const days = t.platform.calendar.workdaysBetween(before.dueAt.slice(0, 10), after.dueAt.slice(0, 10)).days
    expect(days).toBeGreaterThanOrEqual(3)
    const resumed = await t.platform.db.query('select paused_at, due_at from workflow_instance where id = $1', [
      before.workflowInstanceId,
    ])
    expect(resumed.rows[0]!.paused_at).toBeNull()
    expect(new Date(resumed.rows[0]!.due_at).toISOString()).toBe(after.dueAt)
  })

  it('reply → centre accepts → 待回访 (public: 已答复)', async () => {
    const r = await act(wenhua, id, 'reply', {
      text: '已协调热力公司对该楼栋管网进行排气和调压，室温已达到19度，已电话回复来电人。',
      contactMethod: 'phone',
      contactedAt: new Date().toISOString(),
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().status).toBe('reviewing')
    const ok = await act(operator, id, 'review', { accept: true })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'followup', publicStatus: 'replied' })
    expect(ok.json().publicReply).toContain('室温已达到19度')
  })

  it('回访不满意 → 重办 back to the unit (reopen count 1, fresh deadline)', async () => {
    const r = await act(operator, id, 'follow-up', { result: 'unsatisfied', note: '来电人表示晚上仍然不热' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({
      status: 'handling',
      reopenCount: 1,
      followupResult: 'unsatisfied',
      supervised: false,
    })
    expect(new Date(r.json().dueAt).getTime()).toBeGreaterThan(Date.now())
  })

  it('second reply → accepted → 回访满意 → 已办结 on time', async () => {
    expect(
      (await act(wenhua, id, 'reply', { text: '热力公司更换了楼栋单元阀门，夜间室温20度。', contactMethod: 'visit' }))
        .statusCode,
    ).toBe(200)
    expect((await act(operator, id, 'review', { accept: true })).statusCode).toBe(200)
    const r = await act(operator, id, 'follow-up', { result: 'satisfied' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({
      status: 'closed',
      publicStatus: 'closed',
      followupResult: 'satisfied',
      closedOnTime: true,
    })
    const d = r.json()
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual([
      'intake',
      'dispatch',
      'acknowledge',
      'extension_request',
      'extension_approve',
      'reply',
      'review_accept',
      'followup',
      'reopen',
      'reply',
      'review_accept',
      'followup',
      'close',
    ])
    expect(d.timeline.find((e: { action: string }) => e.action === 'acknowledge').unit.code).toBe('MP-T002')
    expect(d.actions).toEqual(['note'])
    // Closed: no more actions.
    expect((await act(wenhua, id, 'reply', { text: 'x', contactMethod: 'phone' })).statusCode).toBe(422)
  })

  it('the caller tracks it by number + last 4 digits: public outcome and milestones only', async () => {
    const anon = t.anonymous()
    const r = await anon.get(
      `/api/public/hotline/track?number=${encodeURIComponent(number)}&phoneLast4=${phone.slice(-4)}`,
    )
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ number, publicStatus: 'closed', publicStatusName: '已办结' })
    expect(r.json().milestones.map((m: { label: string }) => m.label)).toContain('已转交文化街道办事处办理')
    expect(r.body).not.toContain('李秀兰')
    expect(r.body).not.toContain(phone)
    expect(r.body).not.toContain('同意延期') // internal comments never leave
    const wrong = await anon.get(`/api/public/hotline/track?number=${encodeURIComponent(number)}&phoneLast4=0000`)
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().code).toBe('HOTLINE_TRACK_NOT_FOUND')
  })
})
