import { isValidOrganizationCode, isValidUscc } from '@ruyu/contracts/identifiers'
import { describe, expect, it } from 'vitest'
import { INDUSTRY_SECTIONS } from '../data/industries.ts'
import { SCALE_ROWS } from '../data/scale-rules.ts'
import {
  ageYears,
  classifyScale,
  industryDivision,
  matchScore,
  scaleRowOf,
  searchTokens,
  syntheticUscc,
} from '../domain.ts'
import { syntheticEnterprise } from '../synthetic.ts'

const scale = (industryCode: string, employees: number, revenueWan: number, assetsWan: number | null = null) =>
  classifyScale({ industryCode, employees, revenueWan, assetsWan })

describe('GB/T 4754-2017 data', () => {
  it('ships the 20 sections A–T and their 97 divisions 01–97 in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST')
    const divisions = INDUSTRY_SECTIONS.flatMap((s) => s.divisions.map(([c]) => c))
    expect(divisions).toHaveLength(97)
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')))
    expect(INDUSTRY_SECTIONS.find((s) => s.code === 'C')!.divisions).toHaveLength(31)
  })

  it('accepts section + division (+ group/class) only when the division belongs to the section', () => {
    expect(industryDivision('C27')).toEqual({ code: 'C27', name: '医药制造业', section: 'C' })
    expect(industryDivision('C2710')?.name).toBe('医药制造业')
    expect(industryDivision('C271')?.code).toBe('C27')
    expect(industryDivision('A27')).toBeNull()
    expect(industryDivision('C')).toBeNull()
    expect(industryDivision('C27101')).toBeNull()
    expect(industryDivision('U98')).toBeNull()
  })

  it('maps industry codes to the rows of the 2017 table', () => {
    const cases: [string, string][] = [
      ['A0151', 'agriculture'],
      ['B06', 'industry'],
      ['C2710', 'industry'],
      ['D4411', 'industry'],
      ['E48', 'construction'],
      ['F5121', 'wholesale'],
      ['F52', 'retail'],
      ['G53', 'other'], // railway transport is not 交通运输业 in the 2017 rules
      ['G5430', 'transport'],
      ['G5910', 'transport'], // 装卸搬运
      ['G5920', 'warehousing'],
      ['G59', 'warehousing'],
      ['G60', 'postal'],
      ['H61', 'accommodation'],
      ['H6210', 'catering'],
      ['I63', 'information_transmission'],
      ['I6420', 'information_transmission'],
      ['I6510', 'software_it'],
      ['J66', 'other'],
      ['K7010', 'real_estate_development'],
      ['K7020', 'property_management'],
      ['K70', 'other'],
      ['L7212', 'leasing_business'],
      ['M7340', 'other'],
    ]
    for (const [code, row] of cases) expect(scaleRowOf(code), code).toBe(row)
    expect(SCALE_ROWS).toHaveLength(16)
  })
})

describe('scale classification (统计上大中小微型企业划分办法 2017)', () => {
  it('工业: ≥1000 people and ≥40000 万元 large; each bound is inclusive; both must hold, else one class down', () => {
    expect(scale('C2710', 1000, 40000)).toBe('large')
    expect(scale('C2710', 999, 40000)).toBe('medium')
    expect(scale('C2710', 1000, 39999.99)).toBe('medium')
    expect(scale('C2710', 300, 2000)).toBe('medium')
    expect(scale('C2710', 299, 2000)).toBe('small')
    expect(scale('C2710', 300, 1999.99)).toBe('small')
    expect(scale('C2710', 20, 300)).toBe('small')
    expect(scale('C2710', 19, 300)).toBe('micro')
    expect(scale('C2710', 20, 299.99)).toBe('micro')
    // A huge head count with tiny revenue is still micro: micro needs only one indicator below small.
    expect(scale('B06', 5000, 100)).toBe('micro')
  })

  it('批发业 and 零售业', () => {
    expect(scale('F5121', 200, 40000)).toBe('large')
    expect(scale('F5121', 199, 40000)).toBe('medium')
    expect(scale('F5121', 20, 5000)).toBe('medium')
    expect(scale('F5121', 19, 5000)).toBe('small')
    expect(scale('F5121', 5, 1000)).toBe('small')
    expect(scale('F5121', 4, 100000)).toBe('micro')
    expect(scale('F52', 300, 20000)).toBe('large')
    expect(scale('F52', 50, 500)).toBe('medium')
    expect(scale('F52', 49, 500)).toBe('small')
    expect(scale('F52', 10, 100)).toBe('small')
    expect(scale('F52', 9, 100)).toBe('micro')
  })

  it('交通运输业, 仓储业, 邮政业', () => {
    expect(scale('G5430', 1000, 30000)).toBe('large')
    expect(scale('G5430', 300, 3000)).toBe('medium')
    expect(scale('G5430', 300, 2999)).toBe('small')
    expect(scale('G5430', 20, 200)).toBe('small')
    expect(scale('G5430', 20, 199)).toBe('micro')
    expect(scale('G5920', 200, 30000)).toBe('large')
    expect(scale('G5920', 100, 1000)).toBe('medium')
    expect(scale('G5920', 20, 100)).toBe('small')
    expect(scale('G5920', 19, 100)).toBe('micro')
    // The same figures under 装卸搬运 (transport row) are small, not large.
    expect(scale('G5910', 200, 30000)).toBe('small')
    expect(scale('G60', 1000, 30000)).toBe('large')
    expect(scale('G60', 300, 2000)).toBe('medium')
    expect(scale('G60', 20, 100)).toBe('small')
  })

  it('住宿业, 餐饮业, 信息传输业, 软件和信息技术服务业', () => {
    expect(scale('H61', 300, 10000)).toBe('large')
    expect(scale('H6210', 100, 2000)).toBe('medium')
    expect(scale('H6210', 100, 1999)).toBe('small')
    expect(scale('H6210', 10, 100)).toBe('small')
    expect(scale('H6210', 9, 100)).toBe('micro')
    expect(scale('I64', 2000, 100000)).toBe('large')
    expect(scale('I64', 1999, 100000)).toBe('medium')
    expect(scale('I64', 10, 100)).toBe('small')
    expect(scale('I6510', 300, 10000)).toBe('large')
    expect(scale('I6510', 100, 1000)).toBe('medium')
    expect(scale('I6510', 10, 50)).toBe('small')
    expect(scale('I6510', 10, 49)).toBe('micro')
  })

  it('rows by revenue and assets: 农林牧渔, 建筑业, 房地产开发经营, 物业管理, 租赁和商务服务业, 其他', () => {
    expect(scale('A01', 3, 20000)).toBe('large')
    expect(scale('A01', 3, 19999.99)).toBe('medium')
    expect(scale('A01', 3, 50)).toBe('small')
    expect(scale('A01', 300, 49)).toBe('micro')
    expect(scale('E48', 10, 80000, 80000)).toBe('large')
    expect(scale('E48', 10, 80000, 79999)).toBe('medium')
    expect(scale('E48', 10, 300, 300)).toBe('small')
    expect(scale('E48', 10, 300, 299)).toBe('micro')
    expect(scale('K7010', 5, 200000, 10000)).toBe('large')
    expect(scale('K7010', 5, 1000, 5000)).toBe('medium')
    expect(scale('K7010', 5, 999, 5000)).toBe('small')
    expect(scale('K7010', 5, 100, 1999)).toBe('micro')
    expect(scale('K7020', 1000, 5000)).toBe('large')
    expect(scale('K7020', 100, 500)).toBe('small')
    expect(scale('K7020', 99, 500)).toBe('micro')
    expect(scale('L7212', 300, 1, 120000)).toBe('large')
    expect(scale('L7212', 300, 1, 119999)).toBe('medium')
    expect(scale('L7212', 10, 1, 100)).toBe('small')
    expect(scale('L7212', 9, 1, 100)).toBe('micro')
    // Assets not reported: classified by the indicators given.
    expect(scale('L7212', 300, 1, null)).toBe('large')
    expect(scale('M7340', 300, 0)).toBe('large')
    expect(scale('M7340', 100, 0)).toBe('medium')
    expect(scale('M7340', 10, 0)).toBe('small')
    expect(scale('M7340', 9, 1e6)).toBe('micro')
  })
})

describe('derived figures and synthetic data', () => {
  it('age counts whole years since founding', () => {
    expect(ageYears('2018-06-18', '2026-06-17')).toBe(7)
    expect(ageYears('2018-06-18', '2026-06-18')).toBe(8)
    expect(ageYears('2026-01-01', '2025-12-31')).toBe(0)
  })

  it('synthetic USCCs pass GB 32100 and GB 11714 checks and are distinct', () => {
    const codes = Array.from({ length: 2000 }, (_, i) => syntheticUscc(i * 104729))
    for (const c of codes) {
      expect(isValidUscc(c), c).toBe(true)
      expect(isValidOrganizationCode(c.slice(8, 17)), c).toBe(true)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('synthetic enterprises are realistic and deterministic per seed', () => {
    const a = Array.from({ length: 500 }, (_, i) => syntheticEnterprise(7, i, '2026-06-01'))
    expect(Array.from({ length: 500 }, (_, i) => syntheticEnterprise(7, i, '2026-06-01'))).toEqual(a)
    for (const e of a) {
      expect(isValidUscc(e.uscc)).toBe(true)
      expect(industryDivision(e.industryCode)).not.toBeNull()
      expect(e.scale).toBe(classifyScale(e))
      expect(e.name).toMatch(/有限公司$/)
      expect(e.divisionCode).toMatch(/^370612\d{3}$/)
    }
    const scales = new Set(a.map((e) => e.scale))
    expect(scales.has('micro') && scales.has('small') && scales.has('medium')).toBe(true)
    expect(a.some((e) => e.tags.includes('高新技术企业'))).toBe(true)
    expect(a.some((e) => e.parkCode)).toBe(true)
  })
})

describe('supply-demand matching with Chinese keywords', () => {
  it('tokens hold segmenter words and bigrams', () => {
    const t = searchTokens('冷链物流仓储服务')
    expect(t).toEqual(expect.arrayContaining(['冷链', '物流', '仓储']))
  })

  it('scores industry, shared keywords and region; same kind or region alone never match', () => {
    const need = {
      kind: 'need' as const,
      industryCode: 'G5920',
      regionCode: '370612004',
      tokens: searchTokens('需要冷链运输服务，冷冻海产品运到青岛港'),
    }
    const offer = {
      kind: 'offer' as const,
      industryCode: 'G5920',
      regionCode: '370612',
      tokens: searchTokens('冷链物流仓储服务：零下18度冷库和冷链运输配送'),
    }
    const m = matchScore(need, offer)
    expect(m.score).toBeGreaterThan(4)
    expect(m.reasons.join(' ')).toContain('冷链')
    expect(m.reasons[0]).toContain('同行业')
    expect(matchScore(need, { ...offer, kind: 'need' }).score).toBe(0)
    const unrelated = {
      kind: 'offer' as const,
      industryCode: 'I6510',
      regionCode: '370612004',
      tokens: searchTokens('软件开发'),
    }
    expect(matchScore(need, unrelated).score).toBe(0)
  })
})
