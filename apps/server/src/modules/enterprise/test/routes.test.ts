import { isValidUscc } from '@ruyu/contracts/identifiers'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticUscc } from '../domain.ts'
import { act, DEMO_USCC, DEMO_USCC_2, inboxTitles, outbox, registerBody, serviceId, submit } from './factories.ts'

let t: TestContext
let admin: Client
let leader: Client
let window: Client
let ent: Client
let ent2: Client
let bank: Client
let lawfirm: Client
let citizen: Client

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  leader = await t.login('leader')
  window = await t.login('window')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  bank = await t.login('bank')
  lawfirm = await t.login('lawfirm')
  citizen = await t.login('citizen')
})
afterAll(() => t.close())

describe('USCC validation', () => {
  it('a bad check character is a 400 that names the check-character failure', async () => {
    const bad = '91370612MA3C12346K'
    const reg = await t.anonymous().post('/api/public/enterprise/register', registerBody({ uscc: bad }))
    expect(reg.statusCode).toBe(400)
    expect(reg.json().code).toBe('VALIDATION_FAILED')
    const issue = reg.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'uscc')
    expect(issue.message).toBe('统一社会信用代码校验位不正确')
    const en = await admin.request({
      method: 'GET',
      url: `/api/enterprise/enterprises/${bad}`,
      headers: { 'accept-language': 'en' },
    })
    expect(en.statusCode).toBe(400)
    expect(en.json().details.issues[0].message).toMatch(/check character/)
    const create = await admin.post('/api/enterprise/enterprises', { uscc: '91370612MA3C1234' })
    expect(create.statusCode).toBe(400)
    expect(create.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'uscc').message).toContain(
      '18 位',
    )
  })
})

describe('enterprise accounts: registration → pending → verified', () => {
  it('a registered account sees no enterprise data until staff verify it', async () => {
    const wrongName = await t
      .anonymous()
      .post('/api/public/enterprise/register', registerBody({ enterpriseName: '烟台鲁味食品公司' }))
    expect(wrongName.statusCode).toBe(400)
    expect(wrongName.json().code).toBe('ENTERPRISE_UNKNOWN_USCC')

    const body = registerBody()
    const reg = await t.anonymous().post('/api/public/enterprise/register', body)
    expect(reg.statusCode, reg.body).toBe(201)
    expect(reg.json()).toMatchObject({ status: 'pending', uscc: DEMO_USCC_2 })
    const memberId = reg.json().id

    const pending = await t.login(body.username, body.password)
    expect((await pending.get('/api/enterprise/my/membership')).json().status).toBe('pending')
    const mine = await pending.get('/api/enterprise/my/enterprise')
    expect(mine.statusCode).toBe(403)
    expect(mine.json().code).toBe('ENTERPRISE_ACCOUNT_NOT_VERIFIED')
    expect((await pending.get(`/api/enterprise/enterprises/${DEMO_USCC_2}`)).statusCode).toBe(403)
    expect((await pending.get('/api/enterprise/my/requests')).statusCode).toBe(403)
    expect((await pending.get('/api/enterprise/board/listings')).statusCode).toBe(403)
    expect((await pending.get('/api/approval/my/cases')).statusCode).toBe(403)
    expect((await pending.get('/api/me')).json().user.enterpriseUscc).toBeNull()
    // Pending accounts are not pushed to.
    expect(await t.services.enterprise.userIdsOf(DEMO_USCC_2)).not.toContain(reg.json().id)

    // Enterprises cannot verify anyone; the window can.
    expect((await ent.get('/api/enterprise/members')).statusCode).toBe(403)
    const list = await window.get('/api/enterprise/members?status=pending')
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(memberId)
    expect(list.json().items[0].mobileMasked).toMatch(/^137\*{4}\d{4}$/)
    const ok = await window.post(`/api/enterprise/members/${memberId}/verify`)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'verified', decidedByName: '综合窗口 王敏' })
    expect(ok.json().decidedAt).toBeTruthy()
    expect((await window.post(`/api/enterprise/members/${memberId}/verify`)).json().code).toBe(
      'ENTERPRISE_MEMBER_DECIDED',
    )

    // The same session now reaches its enterprise and its inbox says so.
    const now = await pending.get('/api/enterprise/my/enterprise')
    expect(now.statusCode, now.body).toBe(200)
    expect(now.json().name).toBe('烟台鲁味海洋食品有限公司')
    expect((await pending.get('/api/enterprise/my/requests')).statusCode).toBe(200)
    expect((await pending.get('/api/me')).json().user.enterpriseUscc).toBe(DEMO_USCC_2)
    expect(await inboxTitles(t, pending)).toContain('企业账号审核通过')
    const userId = (await pending.get('/api/me')).json().user.id
    expect(await t.services.enterprise.userIdsOf(DEMO_USCC_2)).toContain(userId)
  })

  it('a rejected account keeps no access and learns the reason', async () => {
    const body = registerBody({ uscc: DEMO_USCC, enterpriseName: '烟台如鱼生物科技有限公司' })
    const reg = await t.anonymous().post('/api/public/enterprise/register', body)
    expect(reg.statusCode).toBe(201)
    const r = await window.post(`/api/enterprise/members/${reg.json().id}/reject`, { reason: '非本企业员工' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ status: 'rejected', reason: '非本企业员工' })
    const c = await t.login(body.username, body.password)
    expect((await c.get('/api/enterprise/my/membership')).json()).toMatchObject({
      status: 'rejected',
      reason: '非本企业员工',
    })
    expect((await c.get(`/api/enterprise/enterprises/${DEMO_USCC}`)).statusCode).toBe(403)
    expect(await inboxTitles(t, c)).toContain('企业账号审核未通过')
  })
})

describe('profiles: isolation, staff view, list filters', () => {
  it('an enterprise reads only itself: another enterprise is a 404', async () => {
    expect((await ent.get(`/api/enterprise/enterprises/${DEMO_USCC}`)).statusCode).toBe(200)
    const other = await ent.get(`/api/enterprise/enterprises/${DEMO_USCC_2}`)
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('ENTERPRISE_NOT_FOUND')
    expect((await ent2.get(`/api/enterprise/enterprises/${DEMO_USCC}`)).statusCode).toBe(404)
    expect((await citizen.get(`/api/enterprise/enterprises/${DEMO_USCC}`)).statusCode).toBe(404)
    expect((await ent.get(`/api/enterprise/enterprises/${DEMO_USCC}/profile`)).statusCode).toBe(403)
    expect((await ent.get('/api/enterprise/enterprises')).statusCode).toBe(403)
  })

  it('staff see the profile (画像) with key figures, computed scale, age, requests and approval cases', async () => {
    const r = await leader.get(`/api/enterprise/enterprises/${DEMO_USCC}/profile`)
    expect(r.statusCode, r.body).toBe(200)
    const p = r.json()
    expect(p.enterprise).toMatchObject({
      uscc: DEMO_USCC,
      name: '烟台如鱼生物科技有限公司',
      industryCode: 'C2710',
      industryName: '医药制造业',
      scale: 'medium',
      scaleRow: 'industry',
      parkName: '牟平新城·国际生命科学城',
      divisionName: '大窑街道',
    })
    expect(p.enterprise.ageYears).toBeGreaterThanOrEqual(7)
    expect(p.keyFigures.rndIntensity).toBeCloseTo(960 / 12800, 3)
    expect(p.keyFigures.verifiedUsers).toBeGreaterThanOrEqual(1)
    expect(p.requests.total).toBeGreaterThan(0)
    expect(p.approvalCases).toHaveProperty('total')
  })

  it('lists with industry prefix, scale, tag, division and park filters and paging', async () => {
    const all = await leader.get('/api/enterprise/enterprises?pageSize=5')
    expect(all.statusCode, all.body).toBe(200)
    expect(all.json().total).toBeGreaterThanOrEqual(300)
    expect(all.json().items).toHaveLength(5)
    const q = new URLSearchParams({ industry: 'C', scale: 'small', tag: '规上企业', pageSize: '200' })
    const f = (await leader.get(`/api/enterprise/enterprises?${q}`)).json()
    expect(f.total).toBeGreaterThan(0)
    for (const e of f.items) {
      expect(e.industryCode.startsWith('C')).toBe(true)
      expect(e.scale).toBe('small')
      expect(e.tags).toContain('规上企业')
    }
    const park = (await leader.get('/api/enterprise/enterprises?parkCode=MP-PARK-LSC&divisionCode=370612005')).json()
    expect(park.total).toBeGreaterThan(0)
    for (const e of park.items) expect(e).toMatchObject({ parkCode: 'MP-PARK-LSC', divisionCode: '370612005' })
    const wrong = await leader.get('/api/enterprise/enterprises?industry=C2')
    expect(wrong.statusCode).toBe(400)
  })
})

describe('profile changes emit enterprise.profile.changed', () => {
  it('create, edit and import write the event with the new version; the scale is recomputed', async () => {
    const newUscc = syntheticUscc(123456789)
    expect(isValidUscc(newUscc)).toBe(true)
    const created = await admin.post('/api/enterprise/enterprises', {
      uscc: newUscc,
      name: '烟台海岳仓储物流有限公司',
      legalRepresentative: '鞠伟',
      divisionCode: '370612002',
      industryCode: 'G5920',
      foundedOn: '2019-04-01',
      employees: 150,
      revenueWan: 3000,
      tags: ['规上企业'],
    })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ scale: 'medium', scaleRow: 'warehousing', version: 1 })
    expect(await outbox(t, 'enterprise.profile.changed', newUscc)).toEqual([{ uscc: newUscc, version: 1 }])

    const edit = await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${newUscc}`,
      payload: { employees: 250, revenueWan: 36000, expectedVersion: 1 },
    })
    expect(edit.statusCode, edit.body).toBe(200)
    expect(edit.json()).toMatchObject({ scale: 'large', version: 2, tags: ['规上企业'] })
    expect((await outbox(t, 'enterprise.profile.changed', newUscc)).at(-1)).toEqual({ uscc: newUscc, version: 2 })

    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${newUscc}`,
      payload: { employees: 10, expectedVersion: 1 },
    })
    expect(stale.statusCode).toBe(409)
    const badIndustry = await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${newUscc}`,
      payload: { industryCode: 'A27' },
    })
    expect(badIndustry.statusCode).toBe(400)
    expect(badIndustry.json().code).toBe('ENTERPRISE_INVALID_INDUSTRY')
    const badPark = await admin.request({
      method: 'PATCH',
      url: `/api/enterprise/enterprises/${newUscc}`,
      payload: { parkCode: 'MP-PARK-NOPE' },
    })
    expect(badPark.json().code).toBe('ENTERPRISE_INVALID_PARK')

    const imp = await admin.post('/api/enterprise/enterprises/import', {
      items: [
        {
          uscc: newUscc,
          name: '烟台海岳仓储物流有限公司',
          legalRepresentative: '鞠伟',
          divisionCode: '370612002',
          industryCode: 'G5920',
          foundedOn: '2019-04-01',
          employees: 15,
          revenueWan: 90,
        },
      ],
    })
    expect(imp.json()).toEqual({ created: 0, updated: 1 })
    expect((await outbox(t, 'enterprise.profile.changed', newUscc)).at(-1)).toEqual({ uscc: newUscc, version: 3 })
    expect((await t.services.enterprise.profile(newUscc))?.scale).toBe('micro')
    expect((await admin.post('/api/enterprise/enterprises', created.json())).json().code).toBe('ENTERPRISE_EXISTS')
  })
})

describe('public API for other modules', () => {
  it('profile, keyset pages over active enterprises, verified user ids, bulk synthetic load', async () => {
    const p = await t.services.enterprise.profile(DEMO_USCC)
    expect(p).toMatchObject({ uscc: DEMO_USCC, scale: 'medium', status: 'active', parkCode: 'MP-PARK-LSC' })
    expect(Object.keys(p!).sort()).toEqual(
      [
        'uscc',
        'name',
        'divisionCode',
        'parkCode',
        'industryCode',
        'employees',
        'revenueWan',
        'rndWan',
        'foundedOn',
        'tags',
        'scale',
        'ageYears',
        'status',
      ].sort(),
    )
    expect(await t.services.enterprise.profile('91370612MA3C12346K')).toBeNull()
    const first = await t.services.enterprise.profilesPage({ afterUscc: null, limit: 100 })
    const second = await t.services.enterprise.profilesPage({ afterUscc: first.nextAfterUscc, limit: 100 })
    expect(first.items).toHaveLength(100)
    expect(second.items[0]!.uscc > first.items[99]!.uscc).toBe(true)
    const ids = await t.services.enterprise.userIdsOf(DEMO_USCC)
    expect(ids).toContain((await ent.get('/api/me')).json().user.id)
    const many = await t.services.enterprise.userIdsOfMany([DEMO_USCC, DEMO_USCC_2, '91370612MA3C12346K'])
    expect(many.get(DEMO_USCC)).toEqual(ids)
    expect(many.get(DEMO_USCC_2)).toContain((await ent2.get('/api/me')).json().user.id)
    expect(many.get('91370612MA3C12346K')).toEqual([])

    const before = Number((await t.platform.db.query('select count(*) from enterprise_company')).rows[0]!.count)
    const started = Date.now()
    expect(await t.services.enterprise.insertSyntheticEnterprises(3000, 99)).toBe(3000)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(await t.services.enterprise.insertSyntheticEnterprises(3000, 99)).toBe(0)
    const after = Number((await t.platform.db.query('select count(*) from enterprise_company')).rows[0]!.count)
    expect(after - before).toBe(3000)
  })
})

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

describe('supply-demand board', () => {
  it('matches a need with offers by Chinese keywords and industry; contact goes through the inbox', async () => {
    const need = await ent2.post('/api/enterprise/board/listings', {
      kind: 'need',
      category: 'service',
      title: '寻找冷链运输合作伙伴',
      description: '冷冻海产品需要零下18度冷链运输，从牟平运到青岛港，每周两车。',
      industryCode: 'G5920',
      quantity: '每周2车',
      regionCode: '370612004',
      validUntil: '2099-12-31',
    })
    expect(need.statusCode, need.body).toBe(201)
    expect(need.json()).toMatchObject({ mine: true, enterpriseName: '烟台鲁味海洋食品有限公司' })
    const m = await ent2.get(`/api/enterprise/board/listings/${need.json().id}/matches`)
    expect(m.statusCode, m.body).toBe(200)
    const top = m.json().items[0]
    expect(top.title).toBe('冷链物流仓储服务')
    expect(top.kind).toBe('offer')
    expect(top.reasons.join(' ')).toContain('冷链')
    // Only the publisher gets suggestions for its listing.
    expect((await ent.get(`/api/enterprise/board/listings/${need.json().id}/matches`)).statusCode).toBe(404)

    const search = (await ent.get(`/api/enterprise/board/listings?q=${encodeURIComponent('冷链运输')}`)).json()
    expect(search.items.map((l: { title: string }) => l.title)).toEqual(
      expect.arrayContaining(['寻找冷链运输合作伙伴', '冷链物流仓储服务']),
    )
    expect(JSON.stringify(search)).not.toMatch(/1390535|mobile|phone/i)

    // The demo enterprise contacts enterprise2 through the platform.
    expect(
      (
        await ent2.post(`/api/enterprise/board/listings/${need.json().id}/contact`, { message: '自己联系自己试试' })
      ).json().code,
    ).toBe('ENTERPRISE_LISTING_OWN')
    const c = await ent.post(`/api/enterprise/board/listings/${need.json().id}/contact`, {
      message: '我公司有冷藏车队，可以承接每周两车的运输。',
    })
    expect(c.statusCode, c.body).toBe(201)
    expect(c.json()).toMatchObject({ direction: 'sent', toEnterpriseName: '烟台鲁味海洋食品有限公司' })
    expect(await inboxTitles(t, ent2)).toContain('供需对接：烟台如鱼生物科技有限公司 联系了您')
    const received = (await ent2.get('/api/enterprise/board/contacts')).json()
    expect(received.items.find((x: { id: string }) => x.id === c.json().id).direction).toBe('received')
    const reply = await ent2.post(`/api/enterprise/board/contacts/${c.json().id}/reply`, { message: '请发报价。' })
    expect(reply.json().replies).toEqual([expect.objectContaining({ message: '请发报价。' })])
    expect(await inboxTitles(t, ent)).toContain('供需对接：烟台鲁味海洋食品有限公司 回复了您')

    // A contact between enterprise and a third company is invisible to enterprise2.
    const offer = search.items.find((l: { title: string }) => l.title === '冷链物流仓储服务')
    const third = await ent.post(`/api/enterprise/board/listings/${offer.id}/contact`, {
      message: '请问冷库还有空位吗？',
    })
    expect(third.statusCode).toBe(201)
    expect((await ent2.get(`/api/enterprise/board/contacts/${third.json().id}`)).statusCode).toBe(404)
    expect(
      (await ent2.post(`/api/enterprise/board/contacts/${third.json().id}/reply`, { message: '看看' })).statusCode,
    ).toBe(404)
    expect((await ent.get(`/api/enterprise/board/contacts/${third.json().id}`)).statusCode).toBe(200)

    // Closing takes the listing off the board.
    expect((await ent2.post(`/api/enterprise/board/listings/${need.json().id}/close`)).json().status).toBe('closed')
    expect((await ent.get(`/api/enterprise/board/listings/${need.json().id}`)).statusCode).toBe(404)
  })
})
