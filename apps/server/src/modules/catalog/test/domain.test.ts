import { ItemInputSchema, ThemeInputSchema, type ThemeVariant } from '@ruyu/contracts/catalog'
import { describe, expect, it } from 'vitest'
import { items } from '../data/items.ts'
import { constructionTheme } from '../data/themes.ts'
import { parks, zoneAssessmentKinds } from '../data/zone-assessments.ts'
import { checkItem, checkTheme, combinedForm, evaluateRule, planFor, selectVariant } from '../domain.ts'

const theme = constructionTheme
const limits = new Map(items.map((i) => [i.code, i]))
const variant = (key: string) => theme.variants.find((v) => v.key === key)!

describe('selectVariant', () => {
  const industrialWithScheme = { projectType: 'industrial', landGrantWithScheme: true, investmentWan: 30000 }

  it('an industrial project whose land is sold with a scheme takes 拿地即开工', () => {
    expect(selectVariant(theme, industrialWithScheme)?.key).toBe('land-to-build')
  })

  it('a small social-investment project with a scheme merges stages 2 and 3', () => {
    const v = selectVariant(theme, {
      projectType: 'commercial',
      socialInvestment: true,
      investmentWan: 1200,
      landGrantWithScheme: true,
    })
    expect(v?.key).toBe('small-social')
  })

  it('the threshold is the data: at or above it, or without a scheme, the project is standard', () => {
    const small = { projectType: 'commercial', socialInvestment: true, investmentWan: 5000, landGrantWithScheme: true }
    expect(selectVariant(theme, small)?.key).toBe('standard')
    expect(selectVariant(theme, { ...small, investmentWan: 4999.5 })?.key).toBe('small-social')
    expect(selectVariant(theme, { ...small, investmentWan: 1000, landGrantWithScheme: false })?.key).toBe('standard')
    // Raise the threshold in the definition and the same project qualifies; no code changes.
    const raised = {
      ...theme,
      variants: theme.variants.map((v) =>
        v.key === 'small-social'
          ? {
              ...v,
              rule: {
                all: [
                  { field: 'socialInvestment', eq: true },
                  { field: 'investmentWan', lt: 8000 },
                ],
              },
            }
          : v,
      ),
    }
    expect(selectVariant(raised, small)?.key).toBe('small-social')
  })

  it('the fast track is tried first: an industrial small social project with a scheme gets 拿地即开工', () => {
    const both = { ...industrialWithScheme, socialInvestment: true, investmentWan: 800 }
    expect(selectVariant(theme, both)?.key).toBe('land-to-build')
  })

  it('values from a form or a query string compare like typed values', () => {
    expect(selectVariant(theme, { projectType: 'industrial', landGrantWithScheme: 'true' })?.key).toBe('land-to-build')
    const v = selectVariant(theme, {
      projectType: 'public',
      socialInvestment: 'true',
      investmentWan: '1200',
      landGrantWithScheme: true,
    })
    expect(v?.key).toBe('small-social')
  })

  it('missing values satisfy no condition; without a default variant nothing is selected', () => {
    expect(selectVariant(theme, {})?.key).toBe('standard')
    expect(selectVariant({ variants: theme.variants.filter((v) => v.rule) }, {})).toBeNull()
    expect(evaluateRule({ all: [{ field: 'investmentWan', ne: 5 }] }, {})).toBe(false)
  })

  it('any: at least one holds; in: one of the listed values', () => {
    const rule = {
      all: [{ field: 'projectType', in: ['industrial', 'infrastructure'] }],
      any: [
        { field: 'landAreaMu', gte: 100 },
        { field: 'investmentWan', gt: 10000 },
      ],
    }
    expect(evaluateRule(rule, { projectType: 'infrastructure', landAreaMu: 120 })).toBe(true)
    expect(evaluateRule(rule, { projectType: 'infrastructure', landAreaMu: 20, investmentWan: 20000 })).toBe(true)
    expect(evaluateRule(rule, { projectType: 'infrastructure', landAreaMu: 20, investmentWan: 2000 })).toBe(false)
    expect(evaluateRule(rule, { projectType: 'residential', landAreaMu: 500 })).toBe(false)
    expect(evaluateRule(null, {})).toBe(true)
  })
})

describe('planFor', () => {
  it('the standard variant keeps four stages; each lasts as long as its slowest item', () => {
    const plan = planFor(theme, variant('standard'), limits)
    expect(plan.stages.map((s) => s.name)).toEqual(['立项用地规划许可', '工程建设许可', '施工许可', '竣工验收'])
    expect(plan.stages.map((s) => s.itemCodes.length)).toEqual([18, 16, 17, 17])
    const stage3 = plan.stages[2]!
    expect(stage3.committedDays).toBe(Math.max(...stage3.itemCodes.map((c) => limits.get(c)!.committedLimitDays)))
    expect(plan.committedDays).toBe(plan.stages.reduce((n, s) => n + s.committedDays, 0))
  })

  it('small social investment: stages 2 and 3 merge and the design-scheme review is dropped', () => {
    const plan = planFor(theme, variant('small-social'), limits)
    expect(plan.stages.map((s) => s.mergedFrom)).toEqual([[1], [2, 3], [4]])
    expect(plan.stages[1]!.name).toBe('工程建设许可和施工许可（合并）')
    expect(plan.stages.flatMap((s) => s.itemCodes)).not.toContain('MP-JS-0201')
    expect(plan.stages[1]!.itemCodes).toEqual(expect.arrayContaining(['MP-JS-0202', 'MP-JS-0305']))
  })

  it('拿地即开工: the four certificates come out of one stage', () => {
    const plan = planFor(theme, variant('land-to-build'), limits)
    expect(plan.stages).toHaveLength(2)
    const first = plan.stages[0]!
    expect(first.name).toBe('拿地即开工（四证齐发）')
    const certificates = first.itemCodes.map((c) => limits.get(c)!.certificate?.kind)
    for (const kind of [
      'real-estate-title',
      'land-use-planning-permit',
      'construction-planning-permit',
      'construction-permit',
    ])
      expect(certificates).toContain(kind)
  })

  it('without a variant, a stage marked mergedWith folds into the earlier one and stages renumber', () => {
    const merged = { stages: theme.stages.map((s) => (s.no === 3 ? { ...s, mergedWith: 2 } : s)) }
    const plan = planFor(merged, null, limits)
    expect(plan.stages.map((s) => [s.no, s.mergedFrom])).toEqual([
      [1, [1]],
      [2, [2, 3]],
      [3, [4]],
    ])
    expect(plan.stages[1]!.name).toBe('工程建设许可、施工许可')
  })
})

describe('combinedForm', () => {
  const byCode = (...codes: string[]) => codes.map((c) => items.find((i) => i.code === c)!)

  it('asks a field shared by several items once, theme fields first, then shared, then item-specific', () => {
    const chosen = byCode('MP-JS-0107', 'MP-JS-0202', 'MP-JS-0305')
    const form = combinedForm(chosen, theme.formFields)
    const keys = form.fields.map((f) => f.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.slice(0, theme.formFields.length)).toEqual(theme.formFields.map((f) => f.key))
    const projectName = form.fields.find((f) => f.key === 'projectName')!
    expect(projectName.itemCodes).toEqual(['MP-JS-0107', 'MP-JS-0202', 'MP-JS-0305'])
    // floorAreaM2 is a theme field; designUnit is shared by two items; contractPriceWan by one.
    const rank = (k: string) => keys.indexOf(k)
    expect(rank('designUnit')).toBeLessThan(rank('contractPriceWan'))
    expect(form.fields.find((f) => f.key === 'designUnit')!.itemCodes).toEqual(['MP-JS-0202', 'MP-JS-0305'])
  })

  it('without theme fields, the fields common to all items are still asked once', () => {
    const chosen = byCode('MP-JS-0113', 'MP-JS-0114', 'MP-JS-0116')
    const form = combinedForm(chosen)
    expect(form.fields.filter((f) => f.key === 'address')).toHaveLength(1)
    expect(form.fields[0]!.itemCodes).toHaveLength(3)
    const shared = form.fields.filter((f) => f.itemCodes.length > 1).map((f) => f.key)
    expect(shared).toEqual(expect.arrayContaining(['projectName', 'projectCode', 'divisionCode', 'address']))
  })

  it('lists a material once with every item needing it; required when any item requires it', () => {
    const chosen = byCode('MP-JS-0107', 'MP-JS-0108', 'MP-JS-0202', 'MP-JS-0305')
    const form = combinedForm(chosen)
    const contract = form.materials.find((m) => m.code === 'M-LAND-CONTRACT')!
    expect(contract.itemCodes).toEqual(['MP-JS-0107', 'MP-JS-0108', 'MP-JS-0202'])
    const codes = form.materials.map((m) => m.code)
    expect(new Set(codes).size).toBe(codes.length)
    const requiredSomewhere = combinedForm([
      { code: 'A', formFields: [], materials: [{ code: 'M-X1', name: '甲', required: false }] },
      { code: 'B', formFields: [], materials: [{ code: 'M-X1', name: '甲', required: true }] },
    ])
    expect(requiredSomewhere.materials).toEqual([{ code: 'M-X1', name: '甲', required: true, itemCodes: ['A', 'B'] }])
  })

  it('a field required by one item and optional in another is required', () => {
    const form = combinedForm(byCode('MP-JS-0101', 'MP-JS-0102'))
    expect(form.fields.find((f) => f.key === 'projectCode')!.required).toBe(true)
  })
})

describe('definition checks', () => {
  it('the seed items and theme are valid definitions', () => {
    for (const { code, ...def } of items) {
      const parsed = ItemInputSchema.parse({ ...def, baseVersion: 0 })
      expect(checkItem(parsed), code).toEqual([])
    }
    const { code: _, ...themeDef } = theme
    const parsed = ThemeInputSchema.parse({ ...themeDef, baseVersion: 0 })
    expect(checkTheme(parsed, new Set(items.map((i) => i.code)))).toEqual([])
  })

  it('the seed covers 68 items, 14 departments, 4 stages, the 11 zone kinds and 8,463 surveyed mu', () => {
    expect(items).toHaveLength(68)
    expect(new Set(items.map((i) => i.code)).size).toBe(68)
    expect(new Set(items.map((i) => i.departmentCode)).size).toBe(14)
    expect(new Set(items.map((i) => i.stage))).toEqual(new Set([1, 2, 3, 4]))
    expect(zoneAssessmentKinds).toHaveLength(11)
    for (const k of zoneAssessmentKinds)
      expect(
        items.some((i) => i.zoneAssessmentKind === k.code),
        k.code,
      ).toBe(true)
    const surveyed = parks.filter((p) => p.code !== 'MP-PARK-LSC').reduce((n, p) => n + p.areaMu, 0)
    expect(surveyed).toBe(8463)
    // 798 mu with all 11 kinds ≈ 500 万元 (the seed report).
    expect(Math.round((798 * zoneAssessmentKinds.reduce((n, k) => n + k.costPerMuYuan, 0)) / 1e4)).toBe(500)
  })

  it('committed longer than legal, duplicate codes and a select without options are refused', () => {
    const base = ItemInputSchema.parse({ ...items[0]!, baseVersion: 1 })
    const issues = checkItem({
      ...base,
      committedLimitDays: 30,
      legalLimitDays: 20,
      materials: [base.materials[0]!, base.materials[0]!],
      formFields: [{ key: 'kind', label: '类别', type: 'select', required: true }],
    })
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'committedLimitDays',
      'materials.1.code',
      'formFields.0.options',
    ])
  })

  it('theme: unknown items, an item in two stages, bad stage maps, rules on unknown or non-numeric fields', () => {
    const { code: _, ...def } = theme
    const base = ThemeInputSchema.parse({ ...def, baseVersion: 1 })
    const broken: ThemeVariant = {
      key: 'broken',
      name: '有误的情形',
      rule: {
        all: [
          { field: 'nope', eq: 1 },
          { field: 'builder', lt: 3 },
          { field: 'projectType', eq: 'farm' },
        ],
      },
      stageMap: { '1': 1, '2': 3, '3': 3, '4': 3 },
      omitItems: ['MP-JS-9999'],
    }
    const issues = checkTheme(
      {
        ...base,
        stages: [
          { ...base.stages[0]!, itemCodes: [...base.stages[0]!.itemCodes, 'MP-JS-0201', 'MP-JS-9998'] },
          ...base.stages.slice(1),
        ],
        variants: [base.variants[2]!, broken],
      },
      new Set(items.map((i) => i.code)),
    )
    const messages = issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining('stages.0.itemCodes.19: 事项 MP-JS-9998 不存在'),
        expect.stringContaining('事项 MP-JS-0201 出现在多个环节'),
        expect.stringContaining('variants.0.rule: 没有条件的默认情形须排在最后'),
        expect.stringContaining('variants.1.rule.all.0.field'),
        expect.stringContaining('variants.1.rule.all.1: 字段 建设单位 不是数值'),
        expect.stringContaining('variants.1.rule.all.2: 取值不在字段 项目类型 的选项中'),
        expect.stringContaining('variants.1.stageMap: 合并后的环节须从 1 起连续编号'),
        expect.stringContaining('variants.1.omitItems.0'),
      ]),
    )
  })
})
