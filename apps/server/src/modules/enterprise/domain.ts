/**
 * Pure rules of the enterprise service cloud: GB/T 4754 industry codes, the 2017 scale classification, age, USCC
 * generation for synthetic data, Chinese search tokens, supply-demand matching and the request workflow definition.
 * No I/O.
 */
import type { EnterpriseScale, ServiceRequestAction, ServiceRequestStatus } from '@ruyu/contracts/enterprise'
import { usccCheckChar } from '@ruyu/contracts/identifiers'
import type { WorkflowSpec } from '../workflow/index.ts'
import { INDUSTRY_SECTIONS } from './data/industries.ts'
import { SCALE_ROWS, type ScaleBounds, type ScaleRow, type ScaleRowKey } from './data/scale-rules.ts'

/**
 * An enterprise as other modules see it (policy matching, pushes). Stable: additions only, noted in
 * docs/enterprise.md under Changes.
 */
export interface EnterpriseProfile {
  uscc: string
  name: string
  /** Registered division (9-digit town/street code, or the district's 370612). */
  divisionCode: string
  /** Catalog park code (MP-PARK-*) or null. */
  parkCode: string | null
  /** GB/T 4754-2017 code: section letter + division (+ group/class), e.g. C27 or C2710. */
  industryCode: string
  employees: number
  /** 营业收入, 万元. */
  revenueWan: number
  /** 研发投入, 万元. */
  rndWan: number
  /** YYYY-MM-DD. */
  foundedOn: string
  tags: string[]
  /** Computed by the 2017 statistical rules from industry, employees, revenue (and assets). */
  scale: EnterpriseScale
  /** Whole years since founding, in Beijing time. */
  ageYears: number
  status: 'active' | 'closed'
}

/** Outbox event written on every change of profile data (staff edit, import, create); payload { uscc, version }. */
export const PROFILE_CHANGED = 'enterprise.profile.changed'
/**
 * Cache-bus topic invalidated in the same transaction: processes that keep profiles loaded (the policy module's
 * matching snapshot) drop them at once on every node, not only where the outbox event is delivered.
 */
export const PROFILES_TOPIC = 'enterprise.profiles'
export interface ProfileChangedPayload {
  uscc: string
  version: number
}

// ---------------------------------------------------------------------------------------------------------------
// Industry (GB/T 4754-2017)

const DIVISIONS = new Map<string, { section: string; name: string; sectionName: string }>()
for (const s of INDUSTRY_SECTIONS)
  for (const [code, name] of s.divisions) DIVISIONS.set(code, { section: s.code, name, sectionName: s.name })

/** The division (大类) of a stored code, or null when the code is malformed or names a division of another section. */
export function industryDivision(code: string): { code: string; name: string; section: string } | null {
  const m = /^([A-T])(\d{2})(\d{1,2})?$/.exec(code)
  if (!m) return null
  const d = DIVISIONS.get(m[2]!)
  if (!d || d.section !== m[1]) return null
  return { code: `${m[1]}${m[2]}`, name: d.name, section: d.section }
}

export const isValidIndustryCode = (code: string) => industryDivision(code) !== null

/** Display name of a stored code: the division's name (groups and classes are shown under their division). */
export const industryName = (code: string) => industryDivision(code)?.name ?? null

/**
 * The row of the 2017 scale table an industry code falls under (the 办法's notes): 工业 = B, C, D; 交通运输业 =
 * G54–G58 and 装卸搬运 (G591), not 铁路运输业 (G53); 仓储业 = the rest of G59; 信息传输业 = I63, I64; 房地产开发经营 =
 * K7010, 物业管理 = K7020; 租赁和商务服务业 = L. Everything not listed (incl. K70 without a class, J, M–T, G53) is
 * 其他未列明行业.
 */
export function scaleRowOf(code: string): ScaleRowKey {
  const d = industryDivision(code)
  if (!d) return 'other'
  const div = Number(d.code.slice(1))
  const digits = code.slice(1)
  switch (d.section) {
    case 'A':
      return 'agriculture'
    case 'B':
    case 'C':
    case 'D':
      return 'industry'
    case 'E':
      return 'construction'
    case 'F':
      return div === 51 ? 'wholesale' : 'retail'
    case 'G':
      if (div >= 54 && div <= 58) return 'transport'
      if (div === 59) return digits.startsWith('591') ? 'transport' : 'warehousing'
      if (div === 60) return 'postal'
      return 'other'
    case 'H':
      return div === 61 ? 'accommodation' : 'catering'
    case 'I':
      return div === 65 ? 'software_it' : 'information_transmission'
    case 'K':
      if (digits.startsWith('701')) return 'real_estate_development'
      if (digits.startsWith('702')) return 'property_management'
      return 'other'
    case 'L':
      return 'leasing_business'
    default:
      return 'other'
  }
}

const ROWS = new Map<ScaleRowKey, ScaleRow>(SCALE_ROWS.map((r) => [r.key, r]))
export const scaleRow = (key: ScaleRowKey) => ROWS.get(key)!

export interface ScaleInput {
  industryCode: string
  employees: number
  revenueWan: number
  /** 资产总额; only the construction, real-estate development and leasing rows use it. */
  assetsWan?: number | null
}

/**
 * A class's lower bounds are met when every indicator the row uses is at or above its bound. An indicator the row
 * uses but the enterprise has not reported (assets) is left out rather than failing the class, so a missing figure
 * does not push every such enterprise to micro; documented in docs/enterprise.md.
 */
function meets(bounds: ScaleBounds, x: ScaleInput): boolean {
  if (bounds.employees !== null && !(x.employees >= bounds.employees)) return false
  if (bounds.revenueWan !== null && !(x.revenueWan >= bounds.revenueWan)) return false
  if (
    bounds.assetsWan !== null &&
    x.assetsWan !== null &&
    x.assetsWan !== undefined &&
    !(x.assetsWan >= bounds.assetsWan)
  )
    return false
  return true
}

/**
 * The scale class by the 2017 rules: the highest of large, medium, small whose every listed lower bound is met
 * ("须同时满足所列指标的下限，否则下划一档"); otherwise micro.
 */
export function classifyScale(x: ScaleInput): EnterpriseScale {
  const row = scaleRow(scaleRowOf(x.industryCode))
  if (meets(row.large, x)) return 'large'
  if (meets(row.medium, x)) return 'medium'
  if (meets(row.small, x)) return 'small'
  return 'micro'
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** Today's civil date in Beijing (UTC+8, no DST). */
export const beijingToday = (now: Date = new Date()) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

/** Whole years since founding (周岁-style: the anniversary must have passed), never negative. */
export function ageYears(foundedOn: string, today: string = beijingToday()): number {
  const [fy, fm, fd] = foundedOn.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  let years = ty - fy
  if (tm < fm || (tm === fm && td < fd)) years--
  return Math.max(0, years)
}

// ---------------------------------------------------------------------------------------------------------------
// Synthetic data (seed and benchmark): a seeded RNG and valid USCCs

/** mulberry32: small, fast, deterministic per seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** The GB 11714 check character of an 8-character 组织机构代码 body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/**
 * A valid USCC for enterprise number `n` (0 ≤ n < 31^6): 9 (工商) 1 (企业) + division + 'MA' + six base-31 symbols +
 * the GB 11714 check, then the GB 32100 check character. Distinct n give distinct codes.
 */
export function syntheticUscc(n: number, division6 = '370612'): string {
  let x = n
  let six = ''
  for (let i = 0; i < 6; i++) {
    six = USCC_CHARSET[x % 31] + six
    x = Math.floor(x / 31)
  }
  const body8 = `MA${six}`
  const first17 = `91${division6}${body8}${orgCodeCheckChar(body8)}`
  return first17 + usccCheckChar(first17)
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese text search (same scheme as the hotline knowledge base)

export { searchTokens } from '../../platform/text-search.ts'

// ---------------------------------------------------------------------------------------------------------------
// Supply-demand matching

export interface MatchSide {
  kind: 'need' | 'offer'
  industryCode: string
  regionCode: string
  tokens: string[]
}

/**
 * How well a candidate listing answers a listing: opposite kind only; same division (C27) +3, same section +1;
 * +1 per shared keyword token (at most 5); same or nested region +1, a district-wide listing +0.5.
 * Score 0 = no suggestion.
 */
export function matchScore(a: MatchSide, b: MatchSide): { score: number; reasons: string[] } {
  if (a.kind === b.kind) return { score: 0, reasons: [] }
  let score = 0
  const reasons: string[] = []
  const da = industryDivision(a.industryCode)
  const db = industryDivision(b.industryCode)
  if (da && db && da.code === db.code) {
    score += 3
    reasons.push(`同行业：${da.name}`)
  } else if (da && db && da.section === db.section) {
    score += 1
    reasons.push('同行业门类')
  }
  const mine = new Set(a.tokens)
  const shared = [...new Set(b.tokens)].filter((t) => mine.has(t))
  // Prefer words over the bigrams they contain when explaining.
  shared.sort((x, y) => [...y].length - [...x].length)
  if (shared.length) {
    score += Math.min(shared.length, 5)
    reasons.push(`关键词：${shared.slice(0, 5).join('、')}`)
  }
  if (a.regionCode.startsWith(b.regionCode) || b.regionCode.startsWith(a.regionCode)) {
    const wide = a.regionCode.length <= 6 || b.regionCode.length <= 6
    score += wide ? 0.5 : 1
    reasons.push(wide ? '区域覆盖' : '同一区域')
  }
  // Region alone is not a match.
  if (score <= 1 && !shared.length && !(da && db && da.section === db.section)) return { score: 0, reasons: [] }
  return { score, reasons }
}

// ---------------------------------------------------------------------------------------------------------------
// Service request workflow

export const REQUEST_DEFINITION = 'enterprise.service_request'
export const REQUEST_SUBJECT = 'enterprise_service_request'
export const SYNC_SIGNAL = 'enterprise.request.sync'
export const RATING_SUBJECT = 'enterprise_service_request'

const PROVIDER = [{ role: 'service_provider' }]
const providerAssignee = { role: 'service_provider', department: { from: 'context.providerUnitId' } } as const
const sync = [{ type: 'signal' as const, name: SYNC_SIGNAL }]

/**
 * 企业服务申请: 待受理 → (受理) 办理中 → (办结) 已办结, or 不予受理 / 已撤回. The provider's staff are the assignees
 * through the department in the start context (the provider's org unit); the applicant may withdraw before
 * acceptance. Every state change signals the module to mirror the state on the request row.
 */
export const requestSpec: WorkflowSpec = {
  key: REQUEST_DEFINITION,
  name: '政企云服务申请',
  initial: 'submitted',
  states: {
    submitted: {
      name: '待受理',
      assignee: providerAssignee,
      untimed: true,
      actions: [
        { key: 'accept', name: '受理', to: 'handling', actors: PROVIDER },
        { key: 'decline', name: '不予受理', to: 'declined', actors: PROVIDER, requireComment: true },
        { key: 'withdraw', name: '撤回', to: 'withdrawn', actors: [{ applicant: true }] },
      ],
    },
    handling: {
      name: '办理中',
      assignee: providerAssignee,
      untimed: true,
      effects: sync,
      actions: [{ key: 'complete', name: '办结', to: 'completed', actors: PROVIDER, requireComment: true }],
    },
    completed: { name: '已办结', final: true, outcome: 'approved', effects: sync },
    declined: { name: '不予受理', final: true, outcome: 'rejected', effects: sync },
    withdrawn: { name: '已撤回', final: true, outcome: 'withdrawn', effects: sync },
  },
}

export const FINAL_STATUSES: readonly ServiceRequestStatus[] = ['completed', 'declined', 'withdrawn']

export type RequestViewer = 'enterprise' | 'provider' | 'staff'

/** Buttons for this viewer in this state (the engine enforces the same rules). */
export function requestActionsFor(
  status: ServiceRequestStatus,
  viewer: RequestViewer,
  opts: { isApplicant: boolean; rated: boolean },
): (ServiceRequestAction | 'rate')[] {
  if (viewer === 'provider') {
    if (status === 'submitted') return ['accept', 'decline']
    if (status === 'handling') return ['complete']
    return []
  }
  if (viewer === 'enterprise') {
    if (status === 'submitted' && opts.isApplicant) return ['withdraw']
    if (status === 'completed' && !opts.rated) return ['rate']
  }
  return []
}
