import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Regression guard: a town's clerk must never see another town's staff, divisions or offices, in lists or by id.
let t: TestContext
let yulindian: Client
let admin: Client
let ninghaiStaffId: string

beforeAll(async () => {
  t = await createTestContext()
  yulindian = await t.login('yulindian')
  admin = await t.login('admin')
  ninghaiStaffId = (await t.platform.db.query(`select id from core_user where username = 'ninghai'`)).rows[0]!.id
})
afterAll(() => t.close())

describe('division tree', () => {
  it('the district admin sees 牟平区 with its 13 towns and streets, 584 villages in all', async () => {
    const roots = (await admin.get('/api/directory/divisions')).json()
    expect(roots.items).toEqual([
      expect.objectContaining({ code: '370612', name: '牟平区', level: 'district', childCount: 13 }),
    ])
    const towns = (await admin.get('/api/directory/divisions?parentCode=370612')).json().items
    expect(towns.map((d: { code: string }) => d.code)).toEqual([
      '370612001',
      '370612002',
      '370612004',
      '370612005',
      '370612006',
      '370612101',
      '370612105',
      '370612106',
      '370612107',
      '370612109',
      '370612110',
      '370612111',
      '370612112',
    ])
    expect(towns.find((d: { code: string }) => d.code === '370612106')).toMatchObject({
      name: '玉林店镇',
      kind: 'town',
      childCount: 23,
    })
    expect(towns.find((d: { code: string }) => d.code === '370612001')).toMatchObject({
      name: '宁海街道',
      kind: 'street',
    })
    const villages = await t.platform.db.query(
      `select count(*)::int n from core_division where level = 'village' and code like '370612%'`,
    )
    expect(villages.rows[0]!.n).toBe(584)
  })

  it('searches by Chinese name and by code, and returns the ancestor path of a division', async () => {
    const byName = (await admin.get(`/api/directory/divisions?q=${encodeURIComponent('玉林店')}`)).json().items
    expect(byName[0]).toMatchObject({ code: '370612106', name: '玉林店镇' })
    const byCode = (await admin.get('/api/directory/divisions?q=370612106201')).json().items
    expect(byCode).toEqual([expect.objectContaining({ name: '山后村委会', level: 'village', kind: 'village' })])
    const detail = (await admin.get('/api/directory/divisions/370612106201')).json()
    expect(detail.path.map((p: { name: string }) => p.name)).toEqual([
      '山东省',
      '烟台市',
      '牟平区',
      '玉林店镇',
      '山后村委会',
    ])
    expect(detail.dataYear).toBe(2023)
  })

  it('a search for a percent sign matches literally, not everything', async () => {
    const r = (await admin.get(`/api/directory/divisions?q=${encodeURIComponent('%')}`)).json()
    expect(r.items).toEqual([])
  })
})

describe('data scope: 玉林店镇 clerk vs 宁海街道', () => {
  it('the division tree starts at 玉林店镇 and 宁海街道 is not found', async () => {
    const roots = (await yulindian.get('/api/directory/divisions')).json().items
    expect(roots.map((d: { code: string }) => d.code)).toEqual(['370612106'])
    expect(
      (await yulindian.get('/api/directory/divisions?parentCode=370612'))
        .json()
        .items.map((d: { code: string }) => d.code),
    ).toEqual(['370612106'])
    const other = await yulindian.get('/api/directory/divisions/370612001')
    expect(other.statusCode).toBe(404)
    expect(other.json().code).toBe('DIRECTORY_DIVISION_NOT_FOUND')
    expect((await yulindian.get(`/api/directory/divisions?q=${encodeURIComponent('宁海')}`)).json().items).toEqual([])
  })

  it('cannot read 宁海街道 staff by id (404), and lists exclude them', async () => {
    const r = await yulindian.get(`/api/directory/staff/${ninghaiStaffId}`)
    expect(r.statusCode).toBe(404)
    expect(r.json().code).toBe('DIRECTORY_STAFF_NOT_FOUND')
    const list = (await yulindian.get('/api/directory/staff?pageSize=200')).json()
    const names = list.items.map((s: { username: string }) => s.username)
    expect(names).toContain('yulindian')
    expect(names).toContain('agent') // a village agent inside 玉林店镇
    expect(names).not.toContain('ninghai')
    expect(names).not.toContain('admin')
    expect(list.total).toBe(names.length)
    // Filtering by a division outside the scope does not widen it.
    expect((await yulindian.get('/api/directory/staff?divisionCode=370612001')).json().items).toEqual([])
  })

  it('the 宁海街道 clerk sees its own staff; the district admin sees both', async () => {
    const ninghai = await t.login('ninghai')
    expect((await ninghai.get(`/api/directory/staff/${ninghaiStaffId}`)).statusCode).toBe(200)
    const all = (await admin.get('/api/directory/staff?pageSize=200'))
      .json()
      .items.map((s: { username: string }) => s.username)
    expect(all).toEqual(expect.arrayContaining(['ninghai', 'yulindian', 'admin', 'unit']))
    expect(all).not.toContain('enterprise')
  })

  it('sees district departments and the own town office, not another town office', async () => {
    const deps = (await yulindian.get('/api/directory/departments?pageSize=200'))
      .json()
      .items.map((d: { name: string }) => d.name)
    expect(deps).toContain('牟平区行政审批服务局')
    expect(deps).toContain('玉林店镇人民政府')
    expect(deps).not.toContain('宁海街道办事处')
    const ningaiOffice = (await admin.get(`/api/directory/departments?q=${encodeURIComponent('宁海街道')}`)).json()
      .items[0]
    expect((await yulindian.get(`/api/directory/departments/${ningaiOffice.id}`)).statusCode).toBe(404)
  })

  it('service locations: own town centre and the district hall, not 宁海街道 centre', async () => {
    const locs = (await yulindian.get('/api/directory/locations?pageSize=200')).json().items
    const kinds = new Set(locs.map((l: { kind: string }) => l.kind))
    expect(kinds.has('district_hall')).toBe(true)
    expect(
      locs.every(
        (l: { divisionCode: string }) => l.divisionCode === '370612' || l.divisionCode.startsWith('370612106'),
      ),
    ).toBe(true)
  })
})

describe('departments and locations', () => {
  it('seeds the approval bureau and the 14 construction-approval departments', async () => {
    const all = (await admin.get('/api/directory/departments?pageSize=200')).json()
    expect(all.items.filter((d: { constructionApproval: boolean }) => d.constructionApproval)).toHaveLength(14)
    expect(all.items.find((d: { kind: string }) => d.kind === 'approval_bureau').name).toBe('牟平区行政审批服务局')
    expect(all.items.filter((d: { kind: string }) => d.kind === 'town_office')).toHaveLength(13)
  })

  it('the park workstation hosts 8 district departments', async () => {
    const park = (await admin.get('/api/directory/locations?kind=park_station')).json().items
    expect(park).toEqual([expect.objectContaining({ kind: 'park_station', departmentCount: 8 })])
  })

  it('an admin creates a department (audited); a duplicate code is 409; another district is out of scope', async () => {
    const body = {
      code: 'MP-SJJ',
      name: '牟平区审计局',
      shortName: '审计局',
      kind: 'department',
      divisionCode: '370612',
    }
    const r = await admin.post('/api/directory/departments', body)
    expect(r.statusCode).toBe(201)
    const audit = await t.platform.db.query(`select action from core_audit_log where resource_id = $1`, [r.json().id])
    expect(audit.rows).toEqual([{ action: 'directory.department.create' }])
    const dup = await admin.post('/api/directory/departments', body)
    expect(dup.statusCode).toBe(409)
    expect(dup.json().code).toBe('DIRECTORY_DEPARTMENT_CODE_TAKEN')
    const unknownDivision = await admin.post('/api/directory/departments', {
      ...body,
      code: 'MP-X1',
      divisionCode: '370612199',
    })
    expect(unknownDivision.statusCode).toBe(400)
    expect(unknownDivision.json().details.issues[0].path).toEqual(['divisionCode'])
    const otherDistrict = await admin.post('/api/directory/departments', {
      ...body,
      code: 'MP-X2',
      divisionCode: '370613',
    })
    expect(otherDistrict.statusCode).toBe(403)
    expect(otherDistrict.json().code).toBe('DIRECTORY_OUT_OF_SCOPE')
  })
})
