import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// What a handling unit may do and see: 退单 and 延期 limits, a co-handler's rights, 催办 / 督办 reaching the unit,
// confidential callers masked, and the order's progress tree under the same scope as the order.
let t: TestContext
let operator: Client
let wenhua: Client
let scj: Client
let leader: Client
const cat: Record<string, string> = {}
const unit: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  scj = await t.login('unit')
  leader = await t.login('leader')
  for (const code of ['010101', '020101', '030101']) cat[code] = await categoryId(t, code)
  for (const code of ['MP-T002', 'MP-SCJ']) unit[code] = await unitId(t, code)
})
afterAll(() => t.close())

async function dispatched(to: string, over: Record<string, unknown> = {}, co: string[] = []) {
  const { order } = await takeIn(operator, intakeBody(cat['010101']!, over))
  const r = await act(operator, order.id, 'dispatch', { unitId: unit[to], coUnitIds: co.map((c) => unit[c]) })
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}

describe('the workflow route keeps the same scope', () => {
  it('another unit, a bank and a town clerk get 404 on an order’s progress tree; the unit and the centre see it', async () => {
    const o = await dispatched('MP-T002')
    const { rows } = await t.platform.db.query('select workflow_instance_id from hotline_order where id = $1', [o.id])
    const url = `/api/workflow/instances/${rows[0]!.workflow_instance_id}`
    expect((await wenhua.get(url)).statusCode).toBe(200)
    expect((await operator.get(url)).statusCode).toBe(200)
    expect((await leader.get(url)).statusCode).toBe(200) // audit:read oversees everything in scope
    for (const other of [scj, await t.login('bank'), await t.login('ninghai')])
      expect((await other.get(url)).statusCode, other.username).toBe(404)
  })
})

describe('unit side rules', () => {
  it('退单 within 2 working days goes back to 待派单; after the limit it is 422', async () => {
    const o = await dispatched('MP-T002')
    const r = await act(wenhua, o.id, 'return', { reason: '该小区供暖由热力公司直供，不属于街道职责' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'dispatching', unit: null, publicStatus: 'received' })
    expect(r.json().timeline.at(-1)).toMatchObject({ action: 'return', unit: { code: 'MP-T002' } })
    expect(r.json()).toMatchObject({
      returnCount: 1,
      lastReturn: { reason: '该小区供暖由热力公司直供，不属于街道职责' },
    })
    // The board's 退回待改派 column: returned orders waiting for re-routing, and only those.
    const returned = (await operator.get('/api/hotline/orders?status=dispatching&returned=true&pageSize=200')).json()
    expect(returned.items.map((i: { id: string }) => i.id)).toContain(o.id)
    expect(returned.items.every((i: { returnCount: number }) => i.returnCount > 0)).toBe(true)
    const fresh = (await operator.get('/api/hotline/orders?status=dispatching&returned=false&pageSize=200')).json()
    expect(fresh.items.map((i: { id: string }) => i.id)).not.toContain(o.id)
    // Re-dispatched, then the unit waits too long.
    await act(operator, o.id, 'dispatch', { unitId: unit['MP-T002'] })
    await t.platform.db.query(`update hotline_order set dispatched_at = now() - interval '20 days' where id = $1`, [
      o.id,
    ])
    const late = await act(wenhua, o.id, 'return', { reason: '不属于职责' })
    expect(late.statusCode).toBe(422)
    expect(late.json().code).toBe('HOTLINE_RETURN_TOO_LATE')
  })

  it('延期 after the deadline is a coded 422', async () => {
    const o = await dispatched('MP-T002')
    await act(wenhua, o.id, 'acknowledge')
    await t.platform.db.query(`update hotline_order set due_at = now() - interval '1 hour' where id = $1`, [o.id])
    const r = await act(wenhua, o.id, 'extension', { days: 2, reason: '需协调多部门' })
    expect(r.statusCode).toBe(422)
    expect(r.json().code).toBe('HOTLINE_EXTENSION_TOO_LATE')
  })

  it('a co-handler sees the order and adds opinions, but cannot act as the main unit (403)', async () => {
    const o = await dispatched('MP-SCJ', { categoryId: cat['020101'] }, ['MP-T002'])
    const view = await wenhua.get(`/api/hotline/orders/${o.id}`)
    expect(view.statusCode).toBe(200)
    expect(view.json().viewerRole).toBe('co_unit')
    expect(view.json().actions).toEqual(['note'])
    const ack = await act(wenhua, o.id, 'acknowledge')
    expect(ack.statusCode).toBe(403)
    expect(ack.json().code).toBe('HOTLINE_NOT_MAIN_UNIT')
    expect((await act(scj, o.id, 'acknowledge')).statusCode).toBe(200)
    const reply = await act(wenhua, o.id, 'reply', { text: '街道已配合检查', contactMethod: 'phone' })
    expect(reply.statusCode).toBe(403)
    expect(reply.json().code).toBe('HOTLINE_NOT_MAIN_UNIT')
    const note = await act(wenhua, o.id, 'notes', { text: '街道网格员已到现场配合检查。' })
    expect(note.statusCode, note.body).toBe(200)
    expect(note.json().timeline.at(-1)).toMatchObject({ action: 'note', unit: { code: 'MP-T002' } })
    // A leader reads but does not write.
    expect((await leader.get(`/api/hotline/orders/${o.id}`)).statusCode).toBe(200)
    expect((await act(leader, o.id, 'notes', { text: '阅' })).statusCode).toBe(403)
  })

  it('催办 and 督办 are recorded and reach the unit', async () => {
    const o = await dispatched('MP-T002')
    expect((await act(operator, o.id, 'remind', { reason: '请尽快签收' })).statusCode).toBe(200)
    const s = await act(operator, o.id, 'supervise', { reason: '群众多次来电，列入督办' })
    expect(s.statusCode, s.body).toBe(200)
    expect(s.json().supervised).toBe(true)
    expect(s.json().timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['remind', 'supervise']),
    )
    await t.platform.events.drain()
    const wenhuaId = (await t.platform.db.query(`select id from core_user where username = 'wenhua'`)).rows[0]!.id
    const inbox = await t.platform.notifications.list(wenhuaId, { unreadOnly: true, limit: 50, offset: 0 })
    expect(inbox.items.map((n) => n.title)).toEqual(expect.arrayContaining(['12345工单催办', '12345工单督办单']))
  })

  it('unsatisfied again after a reopen issues a 督办 automatically', async () => {
    const o = await dispatched('MP-T002')
    await act(wenhua, o.id, 'acknowledge')
    for (let round = 0; round < 2; round++) {
      expect(
        (await act(wenhua, o.id, 'reply', { text: `第${round + 1}次答复`, contactMethod: 'phone' })).statusCode,
      ).toBe(200)
      expect((await act(operator, o.id, 'review', { accept: true })).statusCode).toBe(200)
      const f = await act(operator, o.id, 'follow-up', { result: 'unsatisfied' })
      expect(f.statusCode, f.body).toBe(200)
      expect(f.json()).toMatchObject({ status: 'handling', reopenCount: round + 1, supervised: round === 1 })
    }
  })
})

describe('confidential callers', () => {
  it('name and phone are masked for units in the order and the timeline, not for the centre', async () => {
    const phone = '15054521876'
    const { order } = await takeIn(
      operator,
      intakeBody(cat['030101']!, {
        callerName: '张立新',
        callerPhone: phone,
        confidential: true,
        requestType: 'report',
        description: '举报工地拖欠工资，联系人张立新，电话15054521876。',
      }),
    )
    await act(operator, order.id, 'dispatch', { unitId: unit['MP-T002'], note: '来电人张立新要求保密' })
    const r = await wenhua.get(`/api/hotline/orders/${order.id}`)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ callerName: '张**', callerPhone: '150****1876', callerMasked: true })
    expect(r.body).not.toContain('张立新')
    expect(r.body).not.toContain(phone)
    const list = await wenhua.get('/api/hotline/orders?pageSize=200')
    expect(list.body).not.toContain(phone)
    const centre = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(centre).toMatchObject({ callerName: '张立新', callerPhone: phone, callerMasked: false })
  })
})
