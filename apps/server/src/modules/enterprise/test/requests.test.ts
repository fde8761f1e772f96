import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, inboxTitles, serviceId, submit } from './factories.ts'

let t: TestContext
let leader: Client
let ent: Client
let ent2: Client
let bank: Client
let lawfirm: Client

beforeAll(async () => {
  t = await createTestContext()
  leader = await t.login('leader')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  bank = await t.login('bank')
  lawfirm = await t.login('lawfirm')
})
afterAll(() => t.close())

describe('service requests on the workflow engine', () => {
  it('enterprise applies → provider accepts → completes → the enterprise rates; others see 404', async () => {
    const cat = await ent.get('/api/enterprise/services/catalogue')
    expect(cat.statusCode).toBe(200)
    expect(cat.json().modules.map((m: { key: string }) => m.key)).toEqual([
      'financing',
      'talent',
      'supply_demand',
      'legal',
      'technology',
    ])
    const statsBefore = (await leader.get('/api/enterprise/stats')).json()
    const fin = await serviceId(t, 'FIN-001')
    const req = await submit(ent, fin)
    expect(req.status).toBe('submitted')
    expect(req.number).toMatch(/^牟企服〔\d{4}〕\d{6}$/)
    expect(req.actions).toEqual(['withdraw'])
    expect(await inboxTitles(t, bank)).toContain('新的服务申请：小微企业信用贷款')

    // Another enterprise and another provider do not see it; the provider's list has it.
    expect((await ent2.get(`/api/enterprise/requests/${req.id}`)).statusCode).toBe(404)
    expect((await lawfirm.get(`/api/enterprise/requests/${req.id}`)).statusCode).toBe(404)
    expect((await act(lawfirm, req.id, 'accept')).statusCode).toBe(404)
    expect((await act(ent2, req.id, 'withdraw')).statusCode).toBe(404)
    const mine = (await bank.get('/api/enterprise/provider/requests?status=submitted')).json()
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(req.id)
    expect(
      (await lawfirm.get('/api/enterprise/provider/requests')).json().items.map((x: { id: string }) => x.id),
    ).not.toContain(req.id)
    expect((await ent.get(`/api/enterprise/requests/${req.id}`)).json().contactMobile).toBe('13905358888')

    // The enterprise cannot take the provider's actions.
    const selfAccept = await act(ent, req.id, 'accept')
    expect(selfAccept.statusCode).toBe(403)
    expect(selfAccept.json().code).toBe('WORKFLOW_NOT_PERMITTED')

    const accepted = await act(bank, req.id, 'accept', { comment: '已受理，客户经理将上门调查。' })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'handling', actions: ['complete'] })
    expect(accepted.json().acceptedAt).toBeTruthy()
    expect((await act(bank, req.id, 'complete')).json().code).toBe('WORKFLOW_COMMENT_REQUIRED')
    expect((await ent.post(`/api/enterprise/requests/${req.id}/rating`, { level: 5 })).json().code).toBe(
      'ENTERPRISE_REQUEST_NOT_RATEABLE',
    )
    const done = await act(bank, req.id, 'complete', { comment: '已发放贷款300万元。' })
    expect(done.json()).toMatchObject({ status: 'completed', result: '已发放贷款300万元。', actions: [] })
    expect(await inboxTitles(t, ent)).toContain('服务申请已办结：小微企业信用贷款')

    const view = (await ent.get(`/api/enterprise/requests/${req.id}`)).json()
    expect(view.actions).toEqual(['rate'])
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['start', 'accept', 'complete'])
    expect((await ent2.post(`/api/enterprise/requests/${req.id}/rating`, { level: 1 })).statusCode).toBe(404)
    const rated = await ent.post(`/api/enterprise/requests/${req.id}/rating`, { level: 5, comment: '放款快' })
    expect(rated.statusCode, rated.body).toBe(200)
    expect(rated.json().rating.level).toBe(5)
    expect(rated.json().actions).toEqual([])
    expect((await ent.post(`/api/enterprise/requests/${req.id}/rating`, { level: 4 })).statusCode).toBe(409)
    const ratings = await t.services.rating.forSubject('enterprise_service_request', req.id)
    expect(ratings).toHaveLength(1)

    // Statistics count the delivered request for the module and the provider.
    const stats = (await leader.get('/api/enterprise/stats')).json()
    expect(stats.delivered).toBe(statsBefore.delivered + 1)
    const fm = (s: typeof stats) => s.byModule.find((m: { module: string }) => m.module === 'financing')
    expect(fm(stats).completed).toBe(fm(statsBefore).completed + 1)
    expect(fm(stats).rated).toBe(fm(statsBefore).rated + 1)
    const bp = (s: typeof stats) =>
      s.byProvider.find((m: { providerName: string }) => m.providerName === '烟台农商银行牟平支行')
    expect(bp(stats).completed).toBe(bp(statsBefore).completed + 1)
  })

  it('the generic workflow route refuses requests (module route only); the applicant may withdraw before acceptance', async () => {
    const legal = await serviceId(t, 'LEG-001')
    const a = await submit(ent2, legal, { description: '请审查一份冷链设备采购合同。' })
    const w = await lawfirm.post(`/api/workflow/instances/${a.workflowInstanceId}/actions/accept`, {})
    expect(w.statusCode, w.body).toBe(403)
    expect(w.json().code).toBe('WORKFLOW_MODULE_ROUTE_REQUIRED')
    expect((await ent2.get(`/api/enterprise/requests/${a.id}`)).json().status).not.toBe('handling')

    const b = await submit(ent2, legal, { description: '请审查一份劳动合同范本。' })
    const wd = await act(ent2, b.id, 'withdraw')
    expect(wd.statusCode, wd.body).toBe(200)
    expect(wd.json().status).toBe('withdrawn')
    expect(wd.json().closedAt).toBeTruthy()
    // Withdrawn while the provider could still accept: someone else was first.
    expect((await act(lawfirm, b.id, 'accept')).statusCode).toBe(409)
    const declined = await act(lawfirm, (await submit(ent2, legal)).id, 'decline', { comment: '不属于服务范围' })
    expect(declined.json().status).toBe('declined')
  })

  it('stats are computed from the request rows', async () => {
    const s = (await leader.get('/api/enterprise/stats')).json()
    const db = await t.platform.db.query(
      `select count(*) filter (where status = 'completed')::int as completed, count(*)::int as total
       from enterprise_service_request`,
    )
    const counts = db.rows[0]!
    expect(s.delivered).toBe(counts.completed)
    expect(s.totals.total).toBe(counts.total)
    expect(s.byModule.reduce((a: number, m: { total: number }) => a + m.total, 0)).toBe(counts.total)
    expect(s.byProvider.reduce((a: number, m: { total: number }) => a + m.total, 0)).toBe(counts.total)
    expect(s.enterprises.total).toBeGreaterThanOrEqual(300)
    expect((await ent.get('/api/enterprise/stats')).statusCode).toBe(403)
  })
})
