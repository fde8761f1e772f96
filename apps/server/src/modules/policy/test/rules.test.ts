import { type Rule, validateRule } from '@ruyu/contracts/policy'
import { describe, expect, it } from 'vitest'
import { compile, ProfileSnapshot, popcount, rowsOf } from '../matcher.ts'
import { evaluate, explain, failures, type MatchProfile, ruleText } from '../rules.ts'
import { randomProfile, randomRule, rng } from './generators.ts'

const base: MatchProfile = {
  uscc: '91370612MA3C12346J',
  name: '烟台如鱼生物科技有限公司',
  divisionCode: '370612106201',
  parkCode: 'MP-PARK-LSC',
  industryCode: 'C2710',
  employees: 85,
  revenueWan: 6400,
  rndWan: 320,
  ageYears: 6,
  tags: ['高新技术企业', '规上企业'],
  scale: 'small',
}

describe('rule validation', () => {
  it('accepts a realistic rule', () => {
    const rule = {
      all: [
        { hasTag: '高新技术企业' },
        { gte: { field: 'rndWan', value: 100 } },
        { industryPrefix: ['C27', 'C35'] },
        { not: { hasTag: '失信被执行人' } },
        { any: [{ divisionWithin: '370612' }, { parkIn: ['MP-PARK-LSC'] }] },
        { between: { field: 'employees', min: 10, max: 300 } },
        { scaleIn: ['small', 'micro'] },
      ],
    }
    expect(validateRule(rule)).toEqual({ ok: true, rule })
  })

  it('names the bad node by its path', () => {
    const r = validateRule({
      all: [{ hasTag: '高新技术企业' }, { scaleIn: ['small'] }, { gte: { field: 'rndWan', value: '100' } }],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues).toEqual([{ path: 'rule.all[2].gte.value', message: '应为数字' }])
  })

  it('reports unknown kinds, several keys, empty lists, bad fields and semantic errors', () => {
    const r = validateRule({
      any: [
        { hasTagz: 'x' },
        { hasTag: 'a', scaleIn: ['small'] },
        { all: [] },
        { lt: { field: 'profit', value: 1 } },
        { between: { field: 'employees', min: 300, max: 10 } },
        { gte: { field: 'rndRatio', value: 3 } },
        { industryPrefix: 'c27' },
        { divisionWithin: '3706x' },
        { scaleIn: ['huge'] },
        { not: { not: null } },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.issues.map((i) => i.path)
    expect(paths).toEqual([
      'rule.any[0].hasTagz',
      'rule.any[1]',
      'rule.any[2].all',
      'rule.any[3].lt.field',
      'rule.any[4].between.min',
      'rule.any[5].gte.value',
      'rule.any[6].industryPrefix',
      'rule.any[7].divisionWithin',
      'rule.any[8].scaleIn[0]',
      'rule.any[9].not.not',
    ])
    expect(r.issues[4]!.message).toBe('下限不能大于上限')
  })

  it('limits depth', () => {
    let deep: unknown = { hasTag: 'x' }
    for (let i = 0; i < 10; i++) deep = { not: deep }
    const r = validateRule(deep)
    expect(r.ok).toBe(false)
  })
})

describe('explanations', () => {
  it('lists the conditions that held, in words, with the profile values', () => {
    const rule: Rule = {
      all: [
        { hasTag: '规上企业' },
        { gte: { field: 'rndWan', value: 100 } },
        { industryPrefix: ['C26', 'C27'] },
        { gte: { field: 'rndRatio', value: 0.03 } },
        { not: { hasTag: '失信被执行人' } },
        { any: [{ parkIn: ['MP-PARK-QS'] }, { divisionWithin: '370612106' }] },
        { scaleIn: ['small', 'micro'] },
        { not: { lt: { field: 'ageYears', value: 3 } } },
      ],
    }
    const names = { division: (c: string) => ({ '370612106': '玉林店镇', '370612106201': '山后村' })[c] }
    expect(explain(rule, base, names)).toEqual({
      matched: true,
      reasons: [
        '规上企业：是',
        '研发投入 320 万元 ≥ 100 万元',
        '所属行业 C27 医药制造业（C2710）',
        '研发投入占营业收入比例 5% ≥ 3%',
        '失信被执行人：否',
        '注册地 山后村（370612106201） 属于玉林店镇（370612106）',
        '企业规模：小型',
        '成立年限 6 年 ≥ 3 年',
      ],
    })
    expect(explain(rule, { ...base, tags: [] }).matched).toBe(false)
    expect(ruleText({ all: [{ hasTag: '高新技术企业' }, { gte: { field: 'rndWan', value: 100 } }] })).toBe(
      '同时满足：高新技术企业；研发投入 ≥ 100 万元',
    )
  })
})

describe('why a rule no longer holds (withdrawn pushes)', () => {
  it('names each failing condition with the profile value; none when the rule holds', () => {
    const rule: Rule = {
      all: [
        { hasTag: '高新技术企业' },
        { gte: { field: 'rndWan', value: 500 } },
        { between: { field: 'employees', min: 10, max: 50 } },
        { not: { hasTag: '规上企业' } },
        { divisionWithin: '370612106' },
      ],
    }
    expect(failures(rule, base, { division: (c) => (c === '370612106' ? '玉林店镇' : undefined) })).toEqual([
      '研发投入 ≥ 500 万元：不满足（研发投入 320 万元）',
      '从业人数在 10 人 至 50 人 之间：不满足（从业人数 85 人）',
      '不应满足“规上企业”：规上企业：是',
    ])
    expect(failures({ any: [{ hasTag: '专精特新' }, { scaleIn: ['micro'] }] }, base)).toEqual([
      '专精特新：不满足（无「专精特新」）',
      '企业规模为微型：不满足（企业规模 小型）',
    ])
    expect(failures({ hasTag: '高新技术企业' }, base)).toEqual([])
  })

  it('is empty exactly when the rule holds, on random rules and profiles (seeded)', () => {
    const r = rng(20261203)
    const profiles = Array.from({ length: 200 }, (_, i) => randomProfile(r, i))
    for (let k = 0; k < 200; k++) {
      const rule = randomRule(r)
      for (const p of profiles) expect(failures(rule, p).length === 0, JSON.stringify(rule)).toBe(evaluate(rule, p))
    }
  })
})

describe('compiled matcher agrees with the reference evaluator', () => {
  it('on 400 random rules × 600 random profiles (seeded)', () => {
    const r = rng(20260514)
    const profiles = Array.from({ length: 600 }, (_, i) => randomProfile(r, i))
    const snap = ProfileSnapshot.of(profiles, 64)
    for (let k = 0; k < 400; k++) {
      const rule = randomRule(r)
      expect(validateRule(rule).ok, JSON.stringify(rule)).toBe(true)
      const c = compile(rule, snap)
      const bits = c.matchAll()
      const expected = profiles.map((p) => evaluate(rule, p))
      const rows = rowsOf(bits)
      expect(rows, JSON.stringify(rule)).toEqual(expected.flatMap((m, i) => (m ? [i] : [])))
      expect(popcount(bits)).toBe(rows.length)
      for (let i = 0; i < profiles.length; i++) {
        expect(c.test(i), `${JSON.stringify(rule)} @${i}`).toBe(expected[i])
        expect(explain(rule, profiles[i]!).matched).toBe(expected[i])
      }
    }
  })

  it('after profiles change in place, gain new tags and industries, and rows are deactivated', () => {
    const r = rng(7)
    const profiles = Array.from({ length: 300 }, (_, i) => randomProfile(r, i))
    const snap = ProfileSnapshot.of(profiles, 16)
    const rules = Array.from({ length: 150 }, () => randomRule(r))
    const compiled = rules.map((x) => compile(x, snap))
    const inactive = new Set<number>()
    for (const c of compiled) c.matchAll() // warm the leaf cache and lookup tables
    // 40 new tags force the tag bitset to widen; a new industry extends the lookup tables lazily.
    for (let i = 0; i < 60; i++) {
      const j = r.int(0, profiles.length - 1)
      const p = {
        ...randomProfile(r, j),
        uscc: profiles[j]!.uscc,
        tags: [...randomProfile(r, j).tags, `新标签${i}`],
        industryCode: i % 2 ? 'C2762' : profiles[j]!.industryCode,
      }
      profiles[j] = p
      snap.upsert(p, i % 10 !== 0)
      if (i % 10 === 0) inactive.add(j)
      else inactive.delete(j)
    }
    const extra = randomProfile(r, 999)
    profiles.push(extra)
    snap.upsert(extra)
    rules.forEach((rule, k) => {
      const expected = profiles.map((p, i) => !inactive.has(i) && evaluate(rule, { ...p }))
      expect(rowsOf(compiled[k]!.matchAll())).toEqual(expected.flatMap((m, i) => (m ? [i] : [])))
      for (let i = 0; i < profiles.length; i++) if (!inactive.has(i)) expect(compiled[k]!.test(i)).toBe(expected[i])
    })
    expect(snap.W).toBeGreaterThan(1)
  })
})
