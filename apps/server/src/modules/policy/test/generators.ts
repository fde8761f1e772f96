/** Seeded generators of profiles and rules for the property test and the benchmark (deterministic per seed). */
import type { NumericField, Rule, Scale } from '@ruyu/contracts/policy'
import type { MatchProfile } from '../rules.ts'

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    some: <T>(xs: readonly T[], max: number): T[] => {
      const n = 1 + Math.floor(next() * max)
      const out = new Set<T>()
      for (let i = 0; i < n; i++) out.add(xs[Math.floor(next() * xs.length)]!)
      return [...out]
    },
  }
}
export type Rng = ReturnType<typeof rng>

export const TAGS = [
  '高新技术企业',
  '科技型中小企业',
  '专精特新中小企业',
  '专精特新“小巨人”企业',
  '规上企业',
  '瞪羚企业',
  '外贸企业',
  '创新型中小企业',
  '省级企业技术中心',
  '失信被执行人',
  '重点排污单位',
  '农业产业化龙头企业',
]
export const INDUSTRIES = [
  'C2710',
  'C2720',
  'C2761',
  'C3670',
  'C3841',
  'C3971',
  'C1391',
  'C3511',
  'I6513',
  'M7320',
  'F5191',
  'E4790',
  'A0111',
  'H6210',
  'C2929',
]
export const DIVISIONS = [
  '370612001',
  '370612002',
  '370612004',
  '370612101',
  '370612105',
  '370612106',
  '370612106201',
  '370612107',
  '370612109',
  '370612110',
]
export const PARKS = ['MP-PARK-LSC', 'MP-PARK-QS', 'MP-PARK-TW', 'MP-PARK-SME']
export const SCALE_LIST: Scale[] = ['large', 'medium', 'small', 'micro']

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export function randomProfile(r: Rng, i: number): MatchProfile {
  const scale = r.pick(SCALE_LIST)
  const employees =
    scale === 'large'
      ? r.int(1000, 5000)
      : scale === 'medium'
        ? r.int(300, 999)
        : scale === 'small'
          ? r.int(20, 299)
          : r.int(1, 19)
  const revenueWan = r.chance(0.05) ? 0 : Math.round(employees * r.int(5, 120) * 10) / 10
  const rndWan = r.chance(0.3) ? 0 : Math.round(revenueWan * r.next() * 0.12 * 10) / 10
  let uscc = '913706'
  for (let k = 0; k < 12; k++) uscc += USCC_CHARS[(i * 7919 + k * 104729 + r.int(0, 30)) % USCC_CHARS.length]
  return {
    uscc: `${uscc}${i}`,
    name: `测试企业${i}`,
    divisionCode: r.pick(DIVISIONS),
    parkCode: r.chance(0.4) ? r.pick(PARKS) : null,
    industryCode: r.pick(INDUSTRIES),
    employees,
    revenueWan,
    rndWan,
    ageYears: r.int(0, 30),
    tags: r.chance(0.3) ? [] : r.some(TAGS, 4),
    scale,
  }
}

const FIELDS: NumericField[] = ['employees', 'revenueWan', 'rndWan', 'rndRatio', 'ageYears']
const thresholds: Record<NumericField, number[]> = {
  employees: [0, 10, 20, 50, 100, 300, 1000],
  revenueWan: [0, 100, 500, 2000, 10000, 40000],
  rndWan: [0, 50, 100, 300, 1000],
  rndRatio: [0, 0.01, 0.03, 0.05, 0.1],
  ageYears: [0, 1, 3, 5, 10, 20],
}

/** A random rule of bounded depth over every node kind. */
export function randomRule(r: Rng, depth = 0): Rule {
  const leafOnly = depth >= 3
  const k = leafOnly ? r.int(3, 16) : r.int(0, 16)
  const f = r.pick(FIELDS)
  const v = r.pick(thresholds[f])
  switch (k) {
    case 0:
      return { all: Array.from({ length: r.int(1, 4) }, () => randomRule(r, depth + 1)) }
    case 1:
      return { any: Array.from({ length: r.int(1, 4) }, () => randomRule(r, depth + 1)) }
    case 2:
      return { not: randomRule(r, depth + 1) }
    case 3:
      return { [r.pick(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])]: { field: f, value: v } } as Rule
    case 4: {
      const w = r.pick(thresholds[f])
      return { between: { field: f, min: Math.min(v, w), max: Math.max(v, w) } }
    }
    case 5:
      return { in: { field: 'scale', values: r.some(SCALE_LIST, 3) } }
    case 6:
      return { in: { field: 'industryCode', values: r.some([...INDUSTRIES, 'C9999'], 3) } }
    case 7:
      return {
        in: { field: r.pick(['divisionCode', 'parkCode'] as const), values: r.some([...DIVISIONS, ...PARKS], 3) },
      }
    case 8:
      return { hasTag: r.pick([...TAGS, '不存在的标签']) }
    case 9:
      return { hasAnyTag: r.some([...TAGS, '不存在的标签'], 3) }
    case 10:
      return { hasAllTags: r.some([...TAGS, '不存在的标签'], 2) }
    case 11:
      return { divisionWithin: r.pick(['37', '370612', '370612106', '370612001', '370613']) }
    case 12:
      return { parkIn: r.some(PARKS, 2) }
    case 13:
      return { industryPrefix: r.pick(['C', 'C27', 'C2710', 'I65', 'M']) }
    case 14:
      return { industryPrefix: r.some(['C26', 'C27', 'C36', 'C38', 'C39', 'I', 'F51'], 3) }
    case 15:
      return { scaleIn: r.some(SCALE_LIST, 2) }
    default:
      return { [r.pick(['gte', 'lt'])]: { field: f, value: v } } as Rule
  }
}
