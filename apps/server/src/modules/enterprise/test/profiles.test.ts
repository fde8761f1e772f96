import { isValidUscc } from '@ruyu/contracts/identifiers'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticUscc } from '../domain.ts'
import { DEMO_USCC, DEMO_USCC_2, outbox } from './factories.ts'

let t: TestContext
let admin: Client
let leader: Client
let ent: Client
let ent2: Client
let citizen: Client

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  leader = await t.login('leader')
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
  citizen = await t.login('citizen')
})
afterAll(() => t.close())

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
