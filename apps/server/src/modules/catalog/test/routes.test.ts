import type { Item, ItemInput, ThemeDetail, ThemeInput } from '@ruyu/contracts/catalog'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'

// The catalogue is read by every staff member and enterprise user and changed only by administrators; an edit
// never overwrites a definition: it stores version n+1 and version n stays readable for the cases pinned to it.
let t: TestContext
let admin: Client
let window: Client
let enterprise: Client

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  window = await t.login('window')
  enterprise = await t.login('enterprise')
})
afterAll(() => t.close())

/** The editable part of an item, as the edit form sends it back. */
function inputOf(item: Item): ItemInput {
  const {
    code: _c,
    version,
    current: _cur,
    departmentName: _d,
    changeNote: _n,
    createdAt: _a,
    createdBy: _b,
    ...rest
  } = item
  return { ...rest, baseVersion: version }
}

function themeInputOf(theme: ThemeDetail): ThemeInput {
  return {
    baseVersion: theme.version,
    name: theme.name,
    description: theme.description ?? undefined,
    formFields: theme.formFields,
    stages: theme.stages,
    variants: theme.variants,
  }
}

describe('the seeded construction catalogue', () => {
  it('has 68 items over the 14 construction-approval departments and the 4 stages', async () => {
    const r = await admin.get('/api/catalog/items?pageSize=200')
    expect(r.statusCode).toBe(200)
    const { items, total } = r.json() as { items: Item[]; total: number }
    expect(total).toBe(68)
    expect(items).toHaveLength(68)
    expect(new Set(items.map((i) => i.departmentCode))).toEqual(
      new Set([
        'MP-FGJ',
        'MP-ZRJ',
        'MP-ZJJ',
        'MP-HBJ',
        'MP-SWJ',
        'MP-JTJ',
        'MP-YJJ',
        'MP-RFB',
        'MP-WLJ',
        'MP-QXJ',
        'MP-CGJ',
        'MP-XFD',
        'MP-DAG',
        'MP-GDG',
      ]),
    )
    const perStage = [1, 2, 3, 4].map((s) => items.filter((i) => i.stage === s).length)
    expect(perStage).toEqual([18, 16, 17, 17])
    for (const i of items) expect(i.committedLimitDays, i.code).toBeLessThanOrEqual(i.legalLimitDays)
    const deps = (await admin.get('/api/catalog/departments')).json()
    expect(deps.total).toBe(14)
    expect(deps.items.reduce((n: number, d: { itemCount: number }) => n + d.itemCount, 0)).toBe(68)
  })

  it('the construction permit: legal 7, committed 3 working days, yields 建筑工程施工许可证', async () => {
    const item = (await admin.get('/api/catalog/items/MP-JS-0305')).json() as Item
    expect(item).toMatchObject({
      name: '建筑工程施工许可证核发',
      departmentCode: 'MP-ZJJ',
      departmentName: '牟平区住房和城乡建设局',
      stage: 3,
      legalLimitDays: 7,
      committedLimitDays: 3,
      version: 1,
      current: true,
      certificate: { kind: 'construction-permit', name: '建筑工程施工许可证' },
    })
    expect(item.materials.map((m) => m.code)).toEqual(expect.arrayContaining(['M-LAND-TITLE', 'M-PLANNING-PERMIT']))
    expect(item.formFields.map((f) => f.key)).toEqual(expect.arrayContaining(['projectName', 'projectCode']))
  })

  it('filters by department, stage, level and text', async () => {
    const zrj = (await admin.get('/api/catalog/items?department=MP-ZRJ&stage=1&pageSize=50')).json()
    expect(zrj.total).toBeGreaterThan(0)
    expect(zrj.items.every((i: Item) => i.departmentCode === 'MP-ZRJ' && i.stage === 1)).toBe(true)
    const village = (await admin.get('/api/catalog/items?level=village')).json()
    expect(village.items.map((i: Item) => i.name)).toEqual(['低压用电新装报装'])
    const q = (await admin.get(`/api/catalog/items?q=${encodeURIComponent('施工许可')}`)).json()
    expect(q.items.map((i: Item) => i.code)).toContain('MP-JS-0305')
    const byCode = (await admin.get('/api/catalog/items?q=mp-js-04')).json()
    expect(byCode.total).toBe(17)
    const literal = (await admin.get(`/api/catalog/items?q=${encodeURIComponent('%')}`)).json()
    expect(literal.total).toBe(0)
  })

  it('zone assessments: 11 kinds, each mapped to the items it satisfies, with a cost per mu', async () => {
    const kinds = (await admin.get('/api/catalog/zone-assessments')).json().items
    expect(kinds.map((k: { name: string }) => k.name)).toEqual([
      '环境影响评价',
      '节能评价',
      '地震安全性评价',
      '地质灾害危险性评估',
      '压覆重要矿产资源评估',
      '水土保持评价',
      '防洪影响评价',
      '水资源论证',
      '文物影响评估',
      '交通影响评价',
      '雷电灾害风险评估',
    ])
    for (const k of kinds) expect(k.items.length, k.code).toBeGreaterThan(0)
    const env = kinds.find((k: { code: string }) => k.code === 'ZA-ENV')
    expect(env.items.map((i: { name: string }) => i.name)).toContain('建设项目环境影响评价报告表审批')
    expect(env.costPerMuYuan).toBe(1500)
  })

  it('parks: four parks in real towns with their completed assessments; the surveyed three total 8,463 mu', async () => {
    const parks = (await enterprise.get('/api/catalog/parks')).json().items
    expect(parks.map((p: { name: string }) => p.name).sort()).toEqual(
      ['中小企业园', '台湾工业园', '沁水工业园', '牟平新城·国际生命科学城'].sort(),
    )
    for (const p of parks) {
      expect(p.divisionCode).toMatch(/^370612\d{3}$/)
      expect(p.divisionName).toBeTruthy()
      expect(p.assessments.length).toBeGreaterThan(0)
    }
    const surveyed = parks.filter((p: { code: string }) => p.code !== 'MP-PARK-LSC')
    expect(surveyed.reduce((n: number, p: { areaMu: number }) => n + p.areaMu, 0)).toBe(8463)
    const saving = surveyed.reduce((n: number, p: { estimatedSavingYuan: number }) => n + p.estimatedSavingYuan, 0)
    expect(Math.round(saving / 1e6)).toBe(31) // the seed report: 约 3,000 万元
    const lsc = parks.find((p: { code: string }) => p.code === 'MP-PARK-LSC')
    expect(lsc.assessments).toHaveLength(11)
    expect(lsc.assessments[0]).toMatchObject({ kindCode: 'ZA-ENV', reportNo: expect.any(String) })
    expect(lsc.assessments[0].completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('editing an item', () => {
  it('creates version 2; version 1 stays readable; the edit is audited', async () => {
    const v1 = (await admin.get('/api/catalog/items/MP-JS-0202')).json() as Item
    const r = await admin.put('/api/catalog/items/MP-JS-0202', {
      ...inputOf(v1),
      committedLimitDays: 3,
      changeNote: '承诺时限由5个工作日压缩至3个工作日',
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ version: 2, current: true, committedLimitDays: 3, createdBy: '系统管理员' })

    const current = (await window.get('/api/catalog/items/MP-JS-0202')).json()
    expect(current).toMatchObject({ version: 2, committedLimitDays: 3 })
    const versions = (await window.get('/api/catalog/items/MP-JS-0202/versions')).json()
    expect(versions.items.map((v: Item) => [v.version, v.current, v.committedLimitDays])).toEqual([
      [2, true, 3],
      [1, false, 5],
    ])
    expect(versions.items[1]).toMatchObject({ name: v1.name, materials: v1.materials, formFields: v1.formFields })

    const audit = await t.platform.db.query(
      `select action, data from core_audit_log where resource_type = 'catalog_item' and resource_id = 'MP-JS-0202'`,
    )
    expect(audit.rows).toEqual([
      {
        action: 'catalog.item.update',
        data: { version: 2, changeNote: '承诺时限由5个工作日压缩至3个工作日', changed: ['committedLimitDays'] },
      },
    ])
  })

  it('an edit based on an old version is refused with 409 and stores nothing', async () => {
    const current = (await admin.get('/api/catalog/items/MP-JS-0107')).json() as Item
    expect(
      (await admin.put('/api/catalog/items/MP-JS-0107', { ...inputOf(current), name: '建设用地规划许可证核发（新）' }))
        .statusCode,
    ).toBe(200)
    const stale = await admin.put('/api/catalog/items/MP-JS-0107', { ...inputOf(current), name: '并发修改' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('CATALOG_VERSION_CONFLICT')
    const versions = (await admin.get('/api/catalog/items/MP-JS-0107/versions')).json()
    expect(versions.total).toBe(2)
  })

  it('a new item is created with baseVersion 0', async () => {
    const template = (await admin.get('/api/catalog/items/MP-JS-0310')).json() as Item
    const r = await admin.put('/api/catalog/items/MP-JS-0318', {
      ...inputOf(template),
      baseVersion: 0,
      name: '城市桥梁上架设各类市政管线审批',
    })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ code: 'MP-JS-0318', version: 1, departmentCode: 'MP-CGJ' })
    const again = await admin.put('/api/catalog/items/MP-JS-0318', { ...inputOf(template), baseVersion: 0 })
    expect(again.statusCode).toBe(409)
  })

  it('bad input → 400 with a coded body naming the fields', async () => {
    const item = (await admin.get('/api/catalog/items/MP-JS-0305')).json() as Item
    const schema = await admin.put('/api/catalog/items/MP-JS-0305', {
      ...inputOf(item),
      levels: ['province'],
      stage: 5,
    })
    expect(schema.statusCode).toBe(400)
    expect(schema.json().code).toBe('VALIDATION_FAILED')
    expect(schema.json().details.issues.map((i: { path: string[] }) => i.path[0])).toEqual(
      expect.arrayContaining(['levels', 'stage']),
    )
    const rules = await admin.put('/api/catalog/items/MP-JS-0305', {
      ...inputOf(item),
      committedLimitDays: 10,
      departmentCode: 'MP-NOPE',
      zoneAssessmentKind: 'ZA-NOPE',
    })
    expect(rules.statusCode).toBe(400)
    expect(rules.json()).toMatchObject({ code: 'CATALOG_INVALID_ITEM', requestId: expect.any(String) })
    expect(rules.json().details.issues.map((i: { path: string[] }) => i.path[0])).toEqual([
      'committedLimitDays',
      'departmentCode',
      'zoneAssessmentKind',
    ])
    expect((await admin.get('/api/catalog/items/MP-JS-0305')).json().version).toBe(1)
  })

  it('an unknown code → 404 coded', async () => {
    for (const url of ['/api/catalog/items/MP-JS-9999', '/api/catalog/items/MP-JS-9999/versions']) {
      const r = await admin.get(url)
      expect(r.statusCode).toBe(404)
      expect(r.json().code).toBe('CATALOG_ITEM_NOT_FOUND')
    }
    const item = (await admin.get('/api/catalog/items/MP-JS-0305')).json() as Item
    const put = await admin.put('/api/catalog/items/MP-JS-9999', inputOf(item))
    expect(put.statusCode).toBe(404)
    expect((await admin.get('/api/catalog/themes/MP-THEME-NOPE')).json().code).toBe('CATALOG_THEME_NOT_FOUND')
  })

  it('a staff account without catalog:manage gets 403; enterprise users and staff read', async () => {
    const item = (await admin.get('/api/catalog/items/MP-JS-0305')).json() as Item
    for (const who of [window, enterprise, await t.login('reviewer')]) {
      const r = await who.put('/api/catalog/items/MP-JS-0305', inputOf(item))
      expect(r.statusCode).toBe(403)
      expect(r.json().code).toBe('AUTH_FORBIDDEN')
      expect((await who.get('/api/catalog/items/MP-JS-0305')).statusCode).toBe(200)
      expect((await who.get('/api/catalog/themes/MP-THEME-CONSTRUCTION')).statusCode).toBe(200)
    }
    const citizen = await t.login('citizen')
    expect((await citizen.get('/api/catalog/items')).statusCode).toBe(403)
    expect((await t.anonymous().get('/api/catalog/items')).statusCode).toBe(401)
  })
})

describe('the construction theme', () => {
  it('has four stages naming all 68 items and three variants with readable rules', async () => {
    const theme = (await enterprise.get('/api/catalog/themes/MP-THEME-CONSTRUCTION')).json() as ThemeDetail
    expect(theme.name).toBe('工程建设项目主题审批（立项+规划+施工+竣工）')
    expect(theme.stages.map((s) => s.name)).toEqual(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'])
    expect(theme.stages.flatMap((s) => s.itemCodes)).toHaveLength(68)
    expect(theme.items).toHaveLength(68)
    expect(theme.variants.map((v) => v.key)).toEqual(['land-to-build', 'small-social', 'standard'])
    expect(theme.variants[0]!.rule).toEqual({
      all: [
        { field: 'projectType', eq: 'industrial' },
        { field: 'landGrantWithScheme', eq: true },
      ],
    })
    expect(theme.plans.map((p) => [p.key, p.stages.length])).toEqual([
      [null, 4],
      ['land-to-build', 2],
      ['small-social', 3],
      ['standard', 4],
    ])
    const list = (await enterprise.get('/api/catalog/themes')).json()
    expect(list.items).toEqual([
      expect.objectContaining({ code: 'MP-THEME-CONSTRUCTION', stageCount: 4, itemCount: 68, variantCount: 3 }),
    ])
  })

  it('the combined form asks shared fields once and lists each material once with the items needing it', async () => {
    const r = await window.get('/api/catalog/themes/MP-THEME-CONSTRUCTION/combined-form?variant=small-social')
    expect(r.statusCode, r.body).toBe(200)
    const form = r.json()
    expect(form.plan.key).toBe('small-social')
    expect(form.items.map((i: { code: string }) => i.code)).not.toContain('MP-JS-0201')
    const keys = form.fields.map((f: { key: string }) => f.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys[0]).toBe('projectName')
    const projectName = form.fields.find((f: { key: string }) => f.key === 'projectName')
    expect(projectName.itemCodes.length).toBe(form.items.length)
    const contract = form.materials.find((m: { code: string }) => m.code === 'M-LAND-CONTRACT')
    expect(contract.itemCodes).toEqual(expect.arrayContaining(['MP-JS-0107', 'MP-JS-0108', 'MP-JS-0202']))
    const whole = (await window.get('/api/catalog/themes/MP-THEME-CONSTRUCTION/combined-form')).json()
    expect(whole.items).toHaveLength(68)
    const unknown = await window.get('/api/catalog/themes/MP-THEME-CONSTRUCTION/combined-form?variant=nope')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('CATALOG_VARIANT_NOT_FOUND')
  })

  it('raising the small-project threshold is an edit: version 2, version 1 kept, bad rules refused', async () => {
    const v1 = (await admin.get('/api/catalog/themes/MP-THEME-CONSTRUCTION')).json() as ThemeDetail
    const input = themeInputOf(v1)
    const small = input.variants.find((v) => v.key === 'small-social')!
    small.rule = {
      all: [
        { field: 'socialInvestment', eq: true },
        { field: 'investmentWan', lt: 8000 },
        { field: 'landGrantWithScheme', eq: true },
      ],
    }
    const r = await admin.put('/api/catalog/themes/MP-THEME-CONSTRUCTION', { ...input, changeNote: '小型项目标准调整' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().version).toBe(2)
    const versions = (await admin.get('/api/catalog/themes/MP-THEME-CONSTRUCTION/versions')).json().items
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1])
    expect(JSON.stringify(versions[1].variants)).toContain('"lt":5000')

    const bad = themeInputOf((await admin.get('/api/catalog/themes/MP-THEME-CONSTRUCTION')).json())
    bad.variants[0]!.rule = { all: [{ field: 'builder', gt: 1 }] }
    bad.stages[0]!.itemCodes.push('MP-JS-9999')
    const refused = await admin.put('/api/catalog/themes/MP-THEME-CONSTRUCTION', bad)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().code).toBe('CATALOG_INVALID_THEME')
    expect(refused.json().details.issues.map((i: { path: unknown[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['stages.0.itemCodes.18', 'variants.0.rule.all.0']),
    )
    expect(await window.put('/api/catalog/themes/MP-THEME-CONSTRUCTION', bad).then((x) => x.statusCode)).toBe(403)
  })
})

describe('zone-assessment cost per mu', () => {
  it('an administrator changes it (audited); parks report the new saving', async () => {
    const before = (await admin.get('/api/catalog/parks'))
      .json()
      .items.find((p: { code: string }) => p.code === 'MP-PARK-TW')
    const r = await admin.put('/api/catalog/zone-assessments/ZA-ENV', { name: '环境影响评价', costPerMuYuan: 2000 })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ code: 'ZA-ENV', costPerMuYuan: 2000 })
    const after = (await admin.get('/api/catalog/parks'))
      .json()
      .items.find((p: { code: string }) => p.code === 'MP-PARK-TW')
    expect(after.estimatedSavingYuan - before.estimatedSavingYuan).toBe(500 * 2856)
    const audit = await t.platform.db.query(
      `select data from core_audit_log where action = 'catalog.zone_assessment_kind.update' and resource_id = 'ZA-ENV'`,
    )
    expect(audit.rows[0]!.data).toMatchObject({ before: { costPerMuYuan: 1500 }, after: { costPerMuYuan: 2000 } })
    expect((await admin.put('/api/catalog/zone-assessments/ZA-NOPE', { name: 'x', costPerMuYuan: 1 })).statusCode).toBe(
      404,
    )
    expect((await window.put('/api/catalog/zone-assessments/ZA-ENV', { name: 'x', costPerMuYuan: 1 })).statusCode).toBe(
      403,
    )
  })
})

describe('seeding', () => {
  it('is idempotent and never overwrites an administrator’s edits', async () => {
    const count = async () =>
      (
        await t.platform.db.query(
          `select (select count(*) from catalog_item_version)::int items, (select count(*) from catalog_theme_version)::int themes,
             (select count(*) from catalog_park_assessment)::int assessments,
             (select cost_per_mu_yuan::float8 from catalog_zone_assessment_kind where code = 'ZA-ENV') env`,
        )
      ).rows[0]
    const before = await count()
    const report = await t.platform.db.tx((tx) => t.services.catalog.seedCatalog(tx, SYSTEM_ACTOR))
    expect(report).toEqual({ items: 68, themes: 1, zoneAssessmentKinds: 11, parks: 4 })
    expect(await count()).toEqual(before)
  })
})
