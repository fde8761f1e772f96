/**
 * Scenario generator (`ruyu seed hotline`): a realistic year of 12345 work orders for one division, written straight
 * into hotline_order and hotline_event with multi-row INSERTs over unnest() arrays, one transaction per batch of
 * 5,000 on two database sessions in parallel. Orders are marked source='scenario', numbered
 * SIM<year>-<division>-<seed>-<seq> (never a live number) and carry no workflow instance: they are history, not live
 * work. The same options and seed give the same rows.
 *
 * What makes it realistic (DOMAIN.md §1, the seed report's street: 10,810 orders, 10,741 closed and called back,
 * 满意率 92.65 %):
 * - volume by day: weekday > weekend > public holiday, seasonal by category (heating Nov–Mar, water and drainage in
 *   the rainy summer, wage arrears before the Spring Festival …);
 * - request types mostly complaint / help / consult; ~3 % urgent; caller repeats;
 * - the handling unit from the routing rules (most specific category × longest division prefix), as intake does;
 * - timings from log-normal distributions around the configured limits: acknowledged within hours, replies inside
 *   the limit with a few % overdue, ~3 % extensions, ~2 % returns (re-dispatched to another unit);
 * - follow-up: 满意 ~85 %, 基本满意 ~8 %, 不满意 ~5 % (reopened, then closed anyway, some supervised),
 *   联系不上 ~2 %; the orders still in flight at the year's end are the last ones received (69 in 10,810).
 */
import type { FollowupResult, HotlineSettings, RequestType, Urgency } from '@ruyu/contracts/hotline'
import type { Tx } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import { ackLimit, handleLimit, mergeSettings, SETTINGS_KEY, titleOf } from './domain.ts'

export interface ScenarioOptions {
  /** District (6 digits), town/street (9) or village/community (12) code; orders spread over its villages. */
  divisionCode: string
  orders: number
  year: number
  seed?: number
  /** Delete this scenario's earlier orders (same division, year and seed) first instead of refusing. */
  replace?: boolean
  /** Orders are received up to this instant only (the current year up to now); default the year's end. */
  until?: Date
  /** Orders per INSERT (default 5,000). */
  batchSize?: number
  /** Database sessions writing batches in parallel (default 2). */
  connections?: number
}

export interface ScenarioReport {
  orders: number
  events: number
  closed: number
  open: number
  urgent: number
  overdue: number
  extended: number
  returned: number
  reopened: number
  followups: Record<FollowupResult, number>
  divisions: number
  units: number
  numberPrefix: string
  seconds: number
}

const DAY = 86_400_000
const HOUR = 3_600_000
const MIN = 60_000
const CST = 8 * HOUR
/** 10,810 orders, 10,741 closed and called back (the seed report's street). */
const OPEN_SHARE = (10_810 - 10_741) / 10_810

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32: small, fast, good enough for simulation; seeded through splitmix32 so nearby seeds diverge. */
export function createRng(seed: number) {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  const next = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  let spare: number | null = null
  const rng = {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** Standard normal (Marsaglia polar). */
    normal(): number {
      if (spare !== null) {
        const v = spare
        spare = null
        return v
      }
      for (;;) {
        const u = next() * 2 - 1
        const v = next() * 2 - 1
        const q = u * u + v * v
        if (q > 0 && q < 1) {
          const f = Math.sqrt((-2 * Math.log(q)) / q)
          spare = v * f
          return u * f
        }
      }
    },
    /** Log-normal with the given median and shape. */
    logNormal: (median: number, sigma: number) => median * Math.exp(sigma * rng.normal()),
    /** A v4-shaped UUID from the stream (deterministic ids, so events can name their order without a round trip). */
    uuid(): string {
      const h = (n: number) => n.toString(16).padStart(8, '0')
      const w = [next(), next(), next(), next()].map((x) => Math.floor(x * 4294967296))
      const s0 = h(w[0]!)
      const s1 = h(w[1]!)
      const s2 = h(w[2]!)
      const s3 = h(w[3]!)
      const variant = ((parseInt(s2[0]!, 16) & 0x3) | 0x8).toString(16)
      return `${s0}-${s1.slice(0, 4)}-4${s1.slice(5, 8)}-${variant}${s2.slice(1, 4)}-${s2.slice(4)}${s3}`
    },
  }
  return rng
}
export type Rng = ReturnType<typeof createRng>

/** Samples an index proportionally to weights (cumulative table + binary search). */
export function weightedSampler(weights: readonly number[]) {
  const cum = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i]!)
    cum[i] = total
  }
  return (u: number) => {
    const x = u * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seasonality and mix (by category keywords; the category tree itself is configurable data)

interface Season {
  re: RegExp
  /** Relative frequency of a leaf of this kind. */
  base: number
  /** Multiplier by month, January first. */
  months: readonly number[]
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const
const SEASONS: readonly Season[] = [
  // Heating season in Yantai: mid-November to early April; the first cold weeks and January peak.
  { re: /供暖|暖气|供热|采暖/, base: 3, months: [3.2, 2.4, 1.4, 0.5, 0.1, 0.05, 0.05, 0.05, 0.1, 0.6, 3.0, 3.6] },
  { re: /供水|停水|自来水|水压|水质/, base: 1.6, months: [0.8, 0.8, 0.8, 0.9, 1.1, 1.3, 1.5, 1.5, 1.1, 0.9, 0.8, 0.9] },
  {
    re: /排水|积水|下水|污水|管网|井盖/,
    base: 1.3,
    months: [0.5, 0.5, 0.6, 0.8, 1.0, 1.4, 2.4, 2.3, 1.1, 0.7, 0.5, 0.5],
  },
  { re: /噪音|噪声|扰民/, base: 1.4, months: [0.7, 0.7, 0.8, 1.0, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.8, 0.7] },
  { re: /供电|停电|电力/, base: 1.0, months: [1.1, 1.0, 0.8, 0.8, 0.9, 1.2, 1.6, 1.6, 1.0, 0.8, 0.8, 1.0] },
  { re: /燃气|天然气|煤气/, base: 0.9, months: [1.4, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.5] },
  { re: /工资|欠薪|拖欠/, base: 1.2, months: [2.4, 1.6, 0.8, 0.7, 0.8, 0.9, 0.8, 0.8, 0.9, 0.9, 1.2, 2.0] },
  { re: /物业/, base: 2.2, months: FLAT },
  { re: /环境|卫生|垃圾|绿化/, base: 1.6, months: [0.8, 0.8, 1.0, 1.1, 1.1, 1.1, 1.2, 1.2, 1.0, 1.0, 0.9, 0.8] },
  { re: /道路|路灯|交通|公交|停车/, base: 1.4, months: FLAT },
  { re: /社保|医保|养老|低保|救助/, base: 1.2, months: [1.3, 0.9, 1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0, 1.0, 1.2] },
  { re: /教育|学校|入学|招生/, base: 0.9, months: [0.8, 0.6, 1.0, 1.0, 1.2, 1.4, 1.6, 1.9, 1.4, 0.7, 0.6, 0.6] },
  { re: /市场|消费|价格|食品|商品/, base: 1.1, months: [1.3, 1.4, 1.0, 0.9, 1.0, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3] },
  { re: /房|建设|施工|违建|违章/, base: 1.1, months: [0.7, 0.5, 1.0, 1.2, 1.2, 1.1, 1.1, 1.1, 1.1, 1.1, 1.0, 0.8] },
  { re: /农|村|土地/, base: 0.8, months: [0.7, 0.6, 1.0, 1.3, 1.3, 1.2, 1.1, 1.1, 1.2, 1.2, 0.8, 0.6] },
]

/** Whole-volume seasonality (Spring Festival dip in February, summer and heating-season peaks). */
const MONTH_VOLUME = [1.02, 0.82, 0.95, 0.94, 0.97, 1.0, 1.07, 1.08, 0.97, 0.93, 1.05, 1.12] as const
/** Monday first. Calls pile up after the weekend. */
const WEEKDAY_VOLUME = [1.14, 1.06, 1.0, 0.98, 0.95, 0.72, 0.66] as const
const HOLIDAY_VOLUME = 0.62
/** Share of calls by hour of day (CST): 7×24 service, busiest mid-morning and mid-afternoon. */
const HOUR_VOLUME = [
  0.4, 0.25, 0.2, 0.15, 0.2, 0.4, 1.0, 2.2, 4.8, 7.2, 7.6, 6.8, 4.6, 4.4, 6.2, 6.8, 6.4, 5.4, 4.0, 3.6, 3.2, 2.4, 1.6,
  0.9,
] as const

const REQUEST_TYPE_MIX: readonly [RequestType, number][] = [
  ['complaint', 36],
  ['help', 30],
  ['consult', 22],
  ['report', 5],
  ['suggestion', 5],
  ['praise', 2],
]
const RETURN_REASON = '该事项不属于我单位职责范围，请改派。'
const URGENT_SHARE = 0.03
const EXTENSION_SHARE = 0.03
const RETURN_SHARE = 0.02
const FOLLOWUP_MIX: readonly [FollowupResult, number][] = [
  ['satisfied', 85],
  ['basically_satisfied', 8],
  ['unsatisfied', 5],
  ['unreachable', 2],
]
/** Among finally satisfied callers, those who were unsatisfied first and got their matter redone (重办). */
const REOPENED_THEN_SATISFIED = 0.02

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段曲衣鞠',
]
const ROADS = [
  '北关大街',
  '政府大街',
  '文化街',
  '通海路',
  '大窑路',
  '宁海大街',
  '金埠大街',
  '府前路',
  '正阳路',
  '永安街',
  '新城大街',
  '育英路',
]
const OPERATORS = ['话务员 孙丽', '话务员 于佳', '话务员 曲婷', '话务员 姜楠', '话务员 林晓', '话务员 王蕾']
const CENTRE_STAFF = ['热线中心 刘敏', '热线中心 张波', '热线中心 隋静']

const PROBLEMS: readonly [RegExp, readonly string[]][] = [
  [
    /供暖|暖气|供热|采暖/,
    ['家中暖气不热，室温只有十四五度', '暖气片漏水，已影响楼下住户', '小区供暖管道故障，整栋楼不热'],
  ],
  [/供水|停水|自来水|水压|水质/, ['小区突然停水，未见停水通知', '高峰时段水压过低，楼上无法用水', '自来水发黄有异味']],
  [
    /排水|积水|下水|污水|管网|井盖/,
    ['雨后路口积水严重，行人无法通行', '下水道堵塞外溢，气味很大', '井盖破损存在安全隐患'],
  ],
  [/噪音|噪声|扰民/, ['夜间施工噪音扰民，影响休息', '楼下商户音响声音过大', '广场舞音响声音过大']],
  [/供电|停电|电力/, ['小区频繁停电，影响正常生活', '电线老化垂落，存在安全隐患']],
  [/燃气|天然气|煤气/, ['燃气表故障无法充值', '楼道内闻到燃气味，请尽快排查']],
  [/工资|欠薪|拖欠/, ['在工地务工，工资被拖欠三个月未发', '公司拖欠工资，多次索要无果']],
  [/物业/, ['物业不作为，楼道卫生长期无人打扫', '电梯故障多日物业未维修', '物业费收费标准不透明']],
  [/环境|卫生|垃圾|绿化/, ['路边垃圾堆放多日无人清运', '绿化带树木枯死无人补植', '垃圾桶满溢气味难闻']],
  [/道路|路灯|交通|公交|停车/, ['路灯不亮，夜间出行不便', '道路坑洼不平，车辆通行困难', '占道停车严重，影响通行']],
  [/社保|医保|养老|低保|救助/, ['咨询养老保险缴费年限如何计算', '医保报销迟迟未到账', '申请低保进度无人答复']],
  [/教育|学校|入学|招生/, ['咨询孩子入学需要准备哪些材料', '学校周边交通秩序混乱']],
  [/市场|消费|价格|食品|商品/, ['商户销售过期食品', '预付卡商家跑路无法退款', '商品明码标价与实际收费不符']],
  [/房|建设|施工|违建|违章/, ['邻居私搭乱建，侵占公共空间', '工地施工未采取降尘措施', '购房后迟迟办不下不动产证']],
]
const GENERIC_PROBLEMS = ['相关问题长期未解决，影响日常生活', '多次反映未得到处理', '希望有关部门尽快核实处理']
const REPLIES = [
  '经核实，已安排工作人员现场处理，问题已解决，并已电话告知来电人。',
  '接件后我单位立即联系来电人并到现场查看，已协调相关责任方整改完毕。',
  '已向来电人详细解释相关政策规定，来电人表示理解。',
  '经现场核查，情况属实，已责令责任单位限期整改，目前已整改到位。',
  '已联系来电人说明情况，相关问题已纳入近期工作计划，将持续跟进。',
]

function problemsOf(pathName: string): readonly string[] {
  for (const [re, texts] of PROBLEMS) if (re.test(pathName)) return texts
  return GENERIC_PROBLEMS
}

// ---------------------------------------------------------------------------------------------------------------
// Reference data

interface Leaf {
  id: string
  topId: string
  code: string
  name: string
  pathName: string
  /** Category ids from the root down to this leaf. */
  pathIds: string[]
  base: number
  months: readonly number[]
  problems: readonly string[]
}
interface Village {
  code: string
  townCode: string | null
  label: string
  lat: number
  lng: number
}
interface Rule {
  categoryId: string | null
  divisionPrefix: string
  unitId: string
  coUnitIds: string[]
}
interface Unit {
  id: string
  name: string
}

async function loadReference(tx: Tx, divisionCode: string) {
  const cats = (
    await tx.query(
      `select c.id, c.code, c.name, c.path, c.path_name,
              exists (select 1 from hotline_category k where k.parent_id = c.id and k.active) as has_children
       from hotline_category c where c.active order by c.code`,
    )
  ).rows
  const leaves: Leaf[] = cats
    .filter((c) => !c.has_children)
    .map((c) => {
      const pathIds = String(c.path).split('/').filter(Boolean)
      const season = SEASONS.find((s) => s.re.test(c.path_name))
      return {
        id: c.id,
        topId: pathIds[0] ?? c.id,
        code: c.code,
        name: c.name,
        pathName: c.path_name,
        pathIds,
        base: season?.base ?? 1,
        months: season?.months ?? FLAT,
        problems: problemsOf(c.path_name),
      }
    })
  if (!leaves.length) throw new Error('no active hotline categories: run `ruyu seed` first')

  const year = (await tx.query('select max(data_year) as y from core_division')).rows[0]?.y
  const divs = (
    await tx.query(
      'select code, name, level from core_division where data_year = $1 and (code = $2 or code like $3) order by code',
      [year, divisionCode, `${divisionCode}%`],
    )
  ).rows as { code: string; name: string; level: string }[]
  if (!divs.length) throw new Error(`unknown division ${divisionCode}`)
  const names = new Map(divs.map((d) => [d.code, d.name]))
  const parentNames = (
    await tx.query('select code, name from core_division where data_year = $1 and code = any($2)', [
      year,
      [divisionCode.slice(0, 6), divisionCode.slice(0, 9)],
    ])
  ).rows
  for (const p of parentNames) names.set(p.code, p.name)
  let targets = divs.filter((d) => d.level === 'village')
  if (!targets.length) targets = divs.filter((d) => d.code === divisionCode)
  const villages: Village[] = targets.map((d) => {
    const h = hashCode(d.code)
    const town = d.code.length >= 9 ? d.code.slice(0, 9) : null
    const townName = town && town !== d.code ? (names.get(town) ?? '') : ''
    return {
      code: d.code,
      townCode: town,
      label: `${names.get(d.code.slice(0, 6)) ?? ''}${townName}${d.name}`,
      // Muping district lies around 37.39 N, 121.60 E; each village gets a fixed spot within ~15 km.
      lat: 37.3866 + ((h % 1000) / 1000 - 0.5) * 0.26,
      lng: 121.6031 + ((Math.floor(h / 1000) % 1000) / 1000 - 0.5) * 0.34,
    }
  })

  const rules = (
    await tx.query(
      'select category_id, division_prefix, unit_id, co_unit_ids from hotline_routing_rule order by division_prefix',
    )
  ).rows.map(
    (r): Rule => ({
      categoryId: r.category_id,
      divisionPrefix: r.division_prefix,
      unitId: r.unit_id,
      coUnitIds: r.co_unit_ids ?? [],
    }),
  )
  const unitRows = (
    await tx.query(
      `select id, name, division_code from core_org_unit
       where id = any($1) or division_code = $2 or division_code = $3 order by code`,
      [rules.flatMap((r) => [r.unitId, ...r.coUnitIds]), divisionCode.slice(0, 9), divisionCode.slice(0, 6)],
    )
  ).rows
  const units = new Map<string, Unit>(unitRows.map((u) => [u.id, { id: u.id, name: u.name }]))
  if (!units.size) throw new Error('no handling units: run `ruyu seed` first')
  const fallback = unitRows.find((u) => u.division_code === divisionCode.slice(0, 9)) ?? unitRows[0]!
  return { leaves, villages, rules, units, fallbackUnitId: fallback.id as string }
}

function hashCode(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** The rule intake would suggest: deepest category on the leaf's path, then the longest division prefix. */
function routeOf(rules: readonly Rule[], leaf: Leaf, divisionCode: string): Rule | null {
  let best: Rule | null = null
  let bestDepth = -2
  for (const r of rules) {
    if (!divisionCode.startsWith(r.divisionPrefix)) continue
    const depth = r.categoryId === null ? -1 : leaf.pathIds.indexOf(r.categoryId)
    if (r.categoryId !== null && depth < 0) continue
    if (depth > bestDepth || (depth === bestDepth && r.divisionPrefix.length > (best?.divisionPrefix.length ?? 0))) {
      best = r
      bestDepth = depth
    }
  }
  return best
}

// ---------------------------------------------------------------------------------------------------------------
// Time

type Limit = ReturnType<typeof handleLimit>
const cstDate = (t: number) => new Date(t + CST).toISOString().slice(0, 10)
const endOfCstDay = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`)

function makeClock(platform: Platform) {
  const cache = new Map<string, string>()
  const addWorkdays = (date: string, n: number) => {
    const k = `${date}|${n}`
    let v = cache.get(k)
    if (v === undefined) {
      v = platform.calendar.addWorkdays(date, n).date
      cache.set(k, v)
    }
    return v
  }
  return {
    addWorkdays,
    /** Deadline of a limit started at t (the engine's rule: end of the n-th working day, or plain hours). */
    deadline(t: number, d: Limit): { due: number; warn: number | null } {
      if (d.unit === 'hour')
        return { due: t + d.amount * HOUR, warn: d.warnBefore ? t + (d.amount - d.warnBefore) * HOUR : null }
      const due = addWorkdays(cstDate(t), d.amount)
      const warn = d.warnBefore && d.warnBefore < d.amount ? endOfCstDay(addWorkdays(due, -d.warnBefore)) : null
      return { due: endOfCstDay(due), warn }
    },
    extend: (due: number, days: number) => endOfCstDay(addWorkdays(cstDate(due), days)),
    isWorkday: (date: string) => platform.calendar.isWorkday(date).workday,
  }
}

/** Staff act in office hours: an instant at night or on a day off moves to the next working morning. */
function officeHours(t: number, rng: Rng, clock: ReturnType<typeof makeClock>): number {
  const local = t + CST
  const hour = Math.floor((local % DAY) / HOUR)
  const date = cstDate(t)
  if (hour >= 8 && hour < 18 && clock.isWorkday(date)) return t
  const next = hour >= 18 || !clock.isWorkday(date) ? clock.addWorkdays(date, 1) : date
  return Date.parse(`${next}T08:00:00+08:00`) + rng.int(150) * MIN
}

// ---------------------------------------------------------------------------------------------------------------
// One order

interface EventRow {
  at: number
  actorKind: 'user' | 'system'
  actorName: string | null
  unitId: string | null
  action: string
  from: string | null
  to: string | null
  reason: string | null
}

interface OrderRow {
  id: string
  number: string
  callerName: string
  callerPhone: string
  confidential: boolean
  requestType: RequestType
  urgency: Urgency
  categoryId: string
  topCategoryId: string
  divisionCode: string
  townCode: string | null
  address: string
  lat: number
  lng: number
  title: string
  description: string
  status: string
  publicStatus: string
  publicReply: string | null
  unitId: string
  coUnitIds: string[]
  receivedAt: number
  dispatchedAt: number
  ackDueAt: number
  acknowledgedAt: number | null
  dueAt: number
  repliedAt: number | null
  closedAt: number | null
  closedOnTime: boolean | null
  respondedOnTime: boolean | null
  replyText: string | null
  contactMethod: string | null
  contactedAt: number | null
  followupResult: FollowupResult | null
  followupAt: number | null
  solved: boolean | null
  reopenCount: number
  supervised: boolean
  slaFlag: 'on_track' | 'warning' | 'overdue'
  extensionDays: number
  updatedAt: number
  events: EventRow[]
  // for the report
  extended: boolean
  returned: boolean
  /** 退单 (0011_hotline_returns.sql columns). */
  returnedAt: number | null
}

interface Ctx {
  rng: Rng
  clock: ReturnType<typeof makeClock>
  settings: HotlineSettings
  leaves: Leaf[]
  leafByMonth: ((u: number) => number)[]
  villages: Village[]
  rules: Rule[]
  units: Map<string, Unit>
  unitIds: string[]
  fallbackUnitId: string
  routeCache: Map<string, Rule | null>
  callers: { name: string; phone: string }[]
  pickType: (u: number) => number
  pickResult: (u: number) => number
  asOf: number
  prefix: string
}

function person(rng: Rng) {
  const name = rng.pick(SURNAMES) + (rng.chance(0.5) ? '先生' : '女士')
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`
  return { name, phone }
}

function makeOrder(ctx: Ctx, seq: number, receivedAt: number, stayOpen: boolean): OrderRow {
  const { rng, clock, settings } = ctx
  const month = new Date(receivedAt + CST).getUTCMonth()
  const leaf = ctx.leaves[ctx.leafByMonth[month]!(rng.next())]!
  const village = ctx.villages[rng.int(ctx.villages.length)]!
  const requestType = REQUEST_TYPE_MIX[ctx.pickType(rng.next())]![0]
  const urgency: Urgency = rng.chance(URGENT_SHARE) ? 'urgent' : 'normal'
  const caller = rng.chance(0.08) ? ctx.callers[rng.int(ctx.callers.length)]! : person(rng)
  const problem = rng.pick(leaf.problems)
  const place = `${rng.pick(ROADS)}${1 + rng.int(180)}号${rng.chance(0.6) ? `${1 + rng.int(30)}号楼${1 + rng.int(6)}单元` : ''}`
  const description =
    requestType === 'consult'
      ? `来电人咨询${leaf.name}相关问题：${problem}。请相关部门予以答复。`
      : requestType === 'praise'
        ? `来电人表扬：${leaf.name}工作人员处理及时、态度热情，特致谢意。`
        : requestType === 'suggestion'
          ? `来电人建议：关于${leaf.name}，${problem}，建议有关部门统筹解决。`
          : `来电人反映：${village.label}${place}，${problem}。诉求：请相关部门尽快核实处理。`

  const key = `${leaf.id}|${village.code}`
  let rule = ctx.routeCache.get(key)
  if (rule === undefined) {
    rule = routeOf(ctx.rules, leaf, village.code)
    ctx.routeCache.set(key, rule)
  }
  const unitId = rule?.unitId ?? ctx.fallbackUnitId
  const coUnitIds = rule?.coUnitIds ?? []
  const unitName = ctx.units.get(unitId)?.name ?? null

  const ev: EventRow[] = []
  const add = (e: Omit<EventRow, 'reason'> & { reason?: string | null }) => ev.push({ reason: null, ...e })
  const operator = rng.pick(OPERATORS)
  const centre = rng.pick(CENTRE_STAFF)
  add({
    at: receivedAt,
    actorKind: 'user',
    actorName: operator,
    unitId: null,
    action: 'transfer_in',
    from: null,
    to: 'dispatching',
  })

  const handle = handleLimit(settings, requestType, urgency)
  const ack = ackLimit(settings, urgency)
  const { due: due0, warn } = clock.deadline(receivedAt, handle)
  let due = due0
  const urgent = urgency === 'urgent'

  // Dispatch (minutes), possibly to a wrong unit first that returns it (退单) within the return limit.
  let t = receivedAt + Math.max(MIN, rng.logNormal(urgent ? 8 * MIN : 18 * MIN, 0.8))
  const returned = rng.chance(RETURN_SHARE) && ctx.unitIds.length > 1
  let returnedAt: number | null = null
  if (returned) {
    let wrong = ctx.unitIds[rng.int(ctx.unitIds.length)]!
    if (wrong === unitId) wrong = ctx.unitIds[(ctx.unitIds.indexOf(wrong) + 1) % ctx.unitIds.length]!
    add({
      at: t,
      actorKind: 'user',
      actorName: centre,
      unitId: wrong,
      action: 'dispatch',
      from: 'dispatching',
      to: 'pending_ack',
    })
    t = officeHours(t + rng.logNormal(3 * HOUR, 0.9), rng, clock)
    returnedAt = t
    add({
      at: t,
      actorKind: 'user',
      actorName: ctx.units.get(wrong)?.name ?? null,
      unitId: wrong,
      action: 'return',
      from: 'pending_ack',
      to: 'dispatching',
      reason: RETURN_REASON,
    })
    t += Math.max(5 * MIN, rng.logNormal(40 * MIN, 0.7))
  }
  const dispatchedAt = t
  add({
    at: t,
    actorKind: 'user',
    actorName: centre,
    unitId,
    action: 'dispatch',
    from: 'dispatching',
    to: 'pending_ack',
  })
  const ackDueAt = clock.deadline(dispatchedAt, ack).due
  const acknowledgedAt = urgent
    ? dispatchedAt + Math.max(2 * MIN, rng.logNormal(25 * MIN, 0.9))
    : officeHours(dispatchedAt + Math.max(3 * MIN, rng.logNormal(80 * MIN, 1.1)), rng, clock)

  const o: OrderRow = {
    id: rng.uuid(),
    number: `${ctx.prefix}${String(seq).padStart(7, '0')}`,
    callerName: caller.name,
    callerPhone: caller.phone,
    confidential: rng.chance(0.05),
    requestType,
    urgency,
    categoryId: leaf.id,
    topCategoryId: leaf.topId,
    divisionCode: village.code,
    townCode: village.townCode,
    address: `${village.label}${place}`,
    lat: Math.round((village.lat + (rng.next() - 0.5) * 0.01) * 1e6) / 1e6,
    lng: Math.round((village.lng + (rng.next() - 0.5) * 0.01) * 1e6) / 1e6,
    title: titleOf(description),
    description,
    status: 'pending_ack',
    publicStatus: 'processing',
    publicReply: null,
    unitId,
    coUnitIds,
    receivedAt,
    dispatchedAt,
    ackDueAt,
    acknowledgedAt: null,
    dueAt: due,
    repliedAt: null,
    closedAt: null,
    closedOnTime: null,
    respondedOnTime: null,
    replyText: null,
    contactMethod: null,
    contactedAt: null,
    followupResult: null,
    followupAt: null,
    solved: null,
    reopenCount: 0,
    supervised: false,
    slaFlag: 'on_track',
    extensionDays: 0,
    updatedAt: dispatchedAt,
    events: ev,
    extended: false,
    returned,
    returnedAt,
  }

  // Everything from here on may lie beyond the end of the year for the orders still in flight: stop there.
  const cut = (at: number) => stayOpen && at > ctx.asOf
  if (cut(acknowledgedAt)) return o
  add({
    at: acknowledgedAt,
    actorKind: 'user',
    actorName: unitName,
    unitId,
    action: 'acknowledge',
    from: 'pending_ack',
    to: 'handling',
  })
  o.acknowledgedAt = acknowledgedAt
  o.respondedOnTime = acknowledgedAt <= ackDueAt
  o.status = 'handling'
  o.updatedAt = acknowledgedAt

  // Extension (延期): requested before the deadline, approved by the centre; the deadline moves by whole working days.
  let start = acknowledgedAt
  if (!urgent && rng.chance(EXTENSION_SHARE)) {
    const asked = Math.min(due - HOUR, start + (due - start) * (0.4 + rng.next() * 0.4))
    const days = Math.min(settings.timeLimits.extensionMaxWorkdays, 3 + rng.int(8))
    const approved = officeHours(asked + rng.logNormal(3 * HOUR, 0.8), rng, clock)
    if (cut(approved)) return o
    add({
      at: asked,
      actorKind: 'user',
      actorName: unitName,
      unitId,
      action: 'extension_request',
      from: 'handling',
      to: 'extension_review',
      reason: '需协调多个部门现场处理，申请延期办理。',
    })
    add({
      at: approved,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'extension_approve',
      from: 'extension_review',
      to: 'handling',
    })
    due = clock.extend(due, days)
    o.extensionDays = days
    o.dueAt = due
    o.extended = true
    start = approved
  }

  // Reply inside the window for most; the log-normal's tail runs over (red card).
  const window = Math.max(HOUR, due - start)
  let replied = start + window * rng.logNormal(0.33, 0.55)
  if (!urgent) replied = officeHours(replied, rng, clock)
  if (warn && replied > warn && !o.extended && !cut(warn))
    add({
      at: warn,
      actorKind: 'system',
      actorName: null,
      unitId,
      action: 'yellow_card',
      from: 'handling',
      to: 'handling',
    })
  if (replied > due && !cut(due))
    add({ at: due, actorKind: 'system', actorName: null, unitId, action: 'red_card', from: 'handling', to: 'handling' })
  o.slaFlag = replied > due ? 'overdue' : warn && replied > warn && !o.extended ? 'warning' : 'on_track'
  if (cut(replied)) return o

  const final = FOLLOWUP_MIX[ctx.pickResult(rng.next())]![0]
  const cycles = final === 'unsatisfied' || (final !== 'unreachable' && rng.chance(REOPENED_THEN_SATISFIED)) ? 2 : 1
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const text = rng.pick(REPLIES)
    const contactMethod =
      requestType === 'praise'
        ? 'not_needed'
        : rng.pick(['phone', 'phone', 'phone', 'phone', 'visit', 'sms', 'meeting'])
    add({
      at: replied,
      actorKind: 'user',
      actorName: unitName,
      unitId,
      action: 'reply',
      from: 'handling',
      to: 'reviewing',
      reason: text,
    })
    o.repliedAt = replied
    o.replyText = text
    o.contactMethod = contactMethod
    o.contactedAt = contactMethod === 'not_needed' ? null : replied - Math.max(10 * MIN, rng.logNormal(5 * HOUR, 0.8))
    o.status = 'reviewing'
    o.updatedAt = replied
    const reviewed = officeHours(replied + rng.logNormal(2 * HOUR, 0.8), rng, clock)
    if (cut(reviewed)) return o
    add({
      at: reviewed,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'review_accept',
      from: 'reviewing',
      to: 'followup',
    })
    o.status = 'followup'
    o.publicStatus = 'replied'
    o.publicReply = text
    o.updatedAt = reviewed
    const called = officeHours(reviewed + rng.logNormal(20 * HOUR, 0.5), rng, clock)
    // The year's last orders wait for their follow-up call: 10,741 of 10,810 closed and called back.
    if (stayOpen && (cut(called) || cycle === cycles)) return o
    const result: FollowupResult = cycle < cycles ? 'unsatisfied' : final
    add({
      at: called,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'followup',
      from: 'followup',
      to: result === 'unsatisfied' && cycle < cycles ? 'handling' : 'closed',
      reason: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unreachable: '联系不上' }[
        result
      ],
    })
    o.followupResult = result
    o.followupAt = called
    o.updatedAt = called
    if (cycle < cycles) {
      add({
        at: called,
        actorKind: 'user',
        actorName: centre,
        unitId,
        action: 'reopen',
        from: 'followup',
        to: 'handling',
        reason: '来电人对处理结果不满意，重办。',
      })
      o.reopenCount++
      o.status = 'handling'
      o.publicStatus = 'processing'
      // 重办 runs on a fresh limit from the follow-up call, as the service does.
      due = clock.deadline(called, handle).due
      o.dueAt = due
      replied = officeHours(called + rng.logNormal(2 * DAY, 0.6), rng, clock)
      continue
    }
    if (result === 'unsatisfied' && rng.chance(0.4)) {
      add({
        at: called,
        actorKind: 'user',
        actorName: centre,
        unitId,
        action: 'supervise',
        from: 'followup',
        to: 'followup',
        reason: '重办后仍不满意，督办。',
      })
      o.supervised = true
    }
    add({
      at: called,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'close',
      from: 'followup',
      to: 'closed',
    })
    o.status = 'closed'
    o.publicStatus = 'closed'
    o.closedAt = called
    o.solved = result === 'satisfied' || (result === 'basically_satisfied' && rng.chance(0.9))
  }
  o.closedOnTime = o.repliedAt !== null && o.repliedAt <= o.dueAt
  return o
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const ORDER_COLUMNS: readonly [string, string, (o: OrderRow) => unknown][] = [
  ['id', 'uuid', (o) => o.id],
  ['number', 'text', (o) => o.number],
  ['caller_name', 'text', (o) => o.callerName],
  ['caller_phone', 'text', (o) => o.callerPhone],
  ['confidential', 'boolean', (o) => o.confidential],
  ['request_type', 'text', (o) => o.requestType],
  ['urgency', 'text', (o) => o.urgency],
  ['category_id', 'uuid', (o) => o.categoryId],
  ['top_category_id', 'uuid', (o) => o.topCategoryId],
  ['division_code', 'text', (o) => o.divisionCode],
  ['town_code', 'text', (o) => o.townCode],
  ['address', 'text', (o) => o.address],
  ['lat', 'float8', (o) => o.lat],
  ['lng', 'float8', (o) => o.lng],
  ['title', 'text', (o) => o.title],
  ['description', 'text', (o) => o.description],
  ['status', 'text', (o) => o.status],
  ['public_status', 'text', (o) => o.publicStatus],
  ['public_reply', 'text', (o) => o.publicReply],
  ['unit_id', 'uuid', (o) => o.unitId],
  ['co_unit_ids', 'text', (o) => `{${o.coUnitIds.join(',')}}`],
  ['received_at', 'timestamptz', (o) => iso(o.receivedAt)],
  ['dispatched_at', 'timestamptz', (o) => iso(o.dispatchedAt)],
  ['ack_due_at', 'timestamptz', (o) => iso(o.ackDueAt)],
  ['acknowledged_at', 'timestamptz', (o) => iso(o.acknowledgedAt)],
  ['due_at', 'timestamptz', (o) => iso(o.dueAt)],
  ['replied_at', 'timestamptz', (o) => iso(o.repliedAt)],
  ['closed_at', 'timestamptz', (o) => iso(o.closedAt)],
  ['closed_on_time', 'boolean', (o) => o.closedOnTime],
  ['responded_on_time', 'boolean', (o) => o.respondedOnTime],
  ['reply_text', 'text', (o) => o.replyText],
  ['contact_method', 'text', (o) => o.contactMethod],
  ['contacted_at', 'timestamptz', (o) => iso(o.contactedAt)],
  ['followup_result', 'text', (o) => o.followupResult],
  ['followup_at', 'timestamptz', (o) => iso(o.followupAt)],
  ['solved', 'boolean', (o) => o.solved],
  ['reopen_count', 'int4', (o) => o.reopenCount],
  ['supervised', 'boolean', (o) => o.supervised],
  ['sla_flag', 'text', (o) => o.slaFlag],
  ['extension_days', 'int4', (o) => o.extensionDays],
  ['return_count', 'int4', (o) => (o.returned ? 1 : 0)],
  ['last_returned_at', 'timestamptz', (o) => iso(o.returnedAt)],
  ['last_return_reason', 'text', (o) => (o.returned ? RETURN_REASON : null)],
  ['created_at', 'timestamptz', (o) => iso(o.receivedAt)],
  ['updated_at', 'timestamptz', (o) => iso(o.updatedAt)],
]

const iso = (t: number | null) => (t === null ? null : new Date(Math.round(t)).toISOString())

const ORDER_SQL = `insert into hotline_order (${ORDER_COLUMNS.map((c) => c[0]).join(', ')},
    source, channel)
  select ${ORDER_COLUMNS.map((c) => (c[0] === 'co_unit_ids' ? 'u.co_unit_ids::uuid[]' : `u.${c[0]}`)).join(', ')},
    'scenario', 'transfer'
  from unnest(${ORDER_COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})
    as u(${ORDER_COLUMNS.map((c) => c[0]).join(', ')})`

const EVENT_SQL = `insert into hotline_event (order_id, at, actor_kind, actor_name, unit_id, action, from_status, to_status, reason, data)
  select u.order_id, u.at, u.actor_kind, u.actor_name, u.unit_id, u.action, u.from_status, u.to_status, u.reason,
    '{"scenario":true}'::jsonb
  from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
    $9::text[]) as u(order_id, at, actor_kind, actor_name, unit_id, action, from_status, to_status, reason)`

function orderParams(rows: OrderRow[]): unknown[][] {
  return ORDER_COLUMNS.map(([, , get]) => rows.map(get))
}

function eventParams(rows: OrderRow[]): unknown[][] {
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], []]
  for (const o of rows)
    for (const e of o.events) {
      cols[0]!.push(o.id)
      cols[1]!.push(iso(e.at))
      cols[2]!.push(e.actorKind)
      cols[3]!.push(e.actorName)
      cols[4]!.push(e.unitId)
      cols[5]!.push(e.action)
      cols[6]!.push(e.from)
      cols[7]!.push(e.to)
      cols[8]!.push(e.reason)
    }
  return cols
}

/** The number prefix of one scenario (division, year, seed): SIM2026-370612002-1-. */
export const scenarioPrefix = (o: { divisionCode: string; year: number; seed?: number }) =>
  `SIM${o.year}-${o.divisionCode}-${o.seed ?? 1}-`

/**
 * Generates a year of scenario orders (see the file comment) in one transaction and returns what it wrote.
 * Refuses when the same scenario (division, year, seed) was generated before, unless `replace`.
 */
/**
 * Demo installations: this year's orders up to now across the district, once, at the seed report's pace (文化街道
 * alone took 10,810 in a year), so the statistics page has something true to show from the first start.
 */
export async function seedDemoScenario(platform: Platform, now = new Date()): Promise<number> {
  const exists = await platform.db.query(`select 1 from hotline_order where source = 'scenario' limit 1`)
  if (exists.rowCount) return 0
  const cst = new Date(now.getTime() + 8 * 3_600_000)
  const year = cst.getUTCFullYear()
  const elapsed = (now.getTime() - Date.parse(`${year}-01-01T00:00:00+08:00`)) / (365 * 86_400_000)
  const report = await generateHotlineScenario(platform, {
    divisionCode: platform.config.district.code,
    orders: Math.max(200, Math.round(10_810 * Math.min(1, elapsed))),
    year,
    seed: 1,
    until: now,
  })
  return report.orders
}

export async function generateHotlineScenario(
  platform: Platform,
  opts: ScenarioOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<ScenarioReport> {
  const t0 = performance.now()
  const seed = opts.seed ?? 1
  const n = opts.orders
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error('--orders must be between 1 and 10,000,000')
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(opts.divisionCode)) throw new Error('--division must be a 6, 9 or 12 digit code')
  if (!Number.isInteger(opts.year) || opts.year < 2000 || opts.year > 2100) throw new Error('--year out of range')
  const batch = opts.batchSize ?? 5000
  const prefix = scenarioPrefix({ ...opts, seed })
  const settings = mergeSettings(await platform.settings.get<Partial<HotlineSettings> | null>(SETTINGS_KEY, null))
  const clock = makeClock(platform)

  const ref = await platform.db.tx(async (tx) => {
    // Two runs of one scenario must not interleave (the existence check below would race).
    await tx.query('select pg_advisory_xact_lock(727404, $1)', [hashCode(prefix) | 0])
    const existing = Number(
      (
        await tx.query(`select count(*) as n from hotline_order where source = 'scenario' and number like $1`, [
          `${prefix}%`,
        ])
      ).rows[0].n,
    )
    if (existing) {
      if (!opts.replace)
        throw new Error(`scenario ${prefix}* already has ${existing} orders; pass --replace or another --seed`)
      // Timelines are append-only for live orders; a scenario's generated history may be withdrawn as a whole.
      await tx.query('alter table hotline_event disable trigger hotline_event_no_change')
      await tx.query(
        `delete from hotline_event where order_id in
           (select id from hotline_order where source = 'scenario' and number like $1)`,
        [`${prefix}%`],
      )
      await tx.query('alter table hotline_event enable trigger hotline_event_no_change')
      await tx.query(`delete from hotline_order where source = 'scenario' and number like $1`, [`${prefix}%`])
    }
    return loadReference(tx, opts.divisionCode)
  })
  const rng = createRng(hashCode(`${prefix}`) ^ seed)

  // Received instants: day by volume weights, then the hour and minute; sorted so numbers follow time.
  const jan1 = Date.parse(`${opts.year}-01-01T00:00:00+08:00`)
  const yearDays = Math.round((Date.parse(`${opts.year + 1}-01-01T00:00:00+08:00`) - jan1) / DAY)
  const untilDays = opts.until ? Math.ceil((opts.until.getTime() - jan1) / DAY) : yearDays
  const days = Math.max(1, Math.min(yearDays, untilDays))
  // The last instant of the scenario: the year's end, or `until` (no order is received after it).
  const end = Math.min(jan1 + days * DAY - 1, opts.until?.getTime() ?? Number.POSITIVE_INFINITY)
  const monthMix = Array.from({ length: 12 }, (_, m) => ref.leaves.reduce((s, l) => s + l.base * l.months[m]!, 0))
  const meanMix = monthMix.reduce((a, b) => a + b, 0) / 12
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const t = jan1 + d * DAY
    const date = cstDate(t)
    const dow = (new Date(t + CST).getUTCDay() + 6) % 7
    const month = new Date(t + CST).getUTCMonth()
    const workday = clock.isWorkday(date)
    const factor = !workday && dow < 5 ? HOLIDAY_VOLUME : workday && dow >= 5 ? 1.0 : WEEKDAY_VOLUME[dow]!
    return factor * MONTH_VOLUME[month]! * (0.6 + (0.4 * monthMix[month]!) / meanMix)
  })
  const pickDay = weightedSampler(dayWeights)
  const pickHour = weightedSampler(HOUR_VOLUME)
  const times = new Float64Array(n)
  for (let i = 0; i < n; i++)
    times[i] = Math.min(end, jan1 + pickDay(rng.next()) * DAY + pickHour(rng.next()) * HOUR + rng.int(3600) * 1000)
  times.sort()

  const unitIds = [...new Set(ref.rules.map((r) => r.unitId))]
  const ctx: Ctx = {
    rng,
    clock,
    settings,
    leaves: ref.leaves,
    leafByMonth: Array.from({ length: 12 }, (_, m) => weightedSampler(ref.leaves.map((l) => l.base * l.months[m]!))),
    villages: ref.villages,
    rules: ref.rules,
    units: ref.units,
    unitIds: unitIds.length ? unitIds : [ref.fallbackUnitId],
    fallbackUnitId: ref.fallbackUnitId,
    routeCache: new Map(),
    callers: Array.from({ length: Math.max(20, Math.ceil(n / 200)) }, () => person(rng)),
    pickType: weightedSampler(REQUEST_TYPE_MIX.map((x) => x[1])),
    pickResult: weightedSampler(FOLLOWUP_MIX.map((x) => x[1])),
    asOf: end,
    prefix,
  }
  const openFrom = n - Math.round(n * OPEN_SHARE)

  const report: ScenarioReport = {
    orders: 0,
    events: 0,
    closed: 0,
    open: 0,
    urgent: 0,
    overdue: 0,
    extended: 0,
    returned: 0,
    reopened: 0,
    followups: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0, unreachable: 0 },
    divisions: ref.villages.length,
    units: 0,
    numberPrefix: prefix,
    seconds: 0,
  }
  const usedUnits = new Set<string>()
  // Each batch is its own transaction on one of `connections` sessions, so PostgreSQL inserts on several cores
  // while the next batch is generated; at most one batch in flight per session. A failure leaves the batches
  // already committed: run again with --replace.
  const sessions = await Promise.all(
    Array.from({ length: Math.max(1, opts.connections ?? 2) }, () => platform.db.pool.connect()),
  )
  const inFlight: Promise<unknown>[] = sessions.map(() => Promise.resolve())
  let written = 0
  try {
    for (let i = 0, b = 0; i < n; i += batch, b++) {
      const rows: OrderRow[] = []
      for (let j = i; j < Math.min(n, i + batch); j++) {
        const o = makeOrder(ctx, j + 1, times[j]!, j >= openFrom)
        rows.push(o)
        report.events += o.events.length
        if (o.status === 'closed') report.closed++
        else report.open++
        usedUnits.add(o.unitId)
        if (o.urgency === 'urgent') report.urgent++
        if (o.slaFlag === 'overdue') report.overdue++
        if (o.extended) report.extended++
        if (o.returned) report.returned++
        if (o.reopenCount) report.reopened++
        if (o.followupResult && o.status === 'closed') report.followups[o.followupResult]++
      }
      const k = b % sessions.length
      await inFlight[k]
      const client = sessions[k]!
      const p = (async () => {
        await client.query('begin')
        try {
          await client.query(ORDER_SQL, orderParams(rows))
          await client.query(EVENT_SQL, eventParams(rows))
          await client.query('commit')
        } catch (err) {
          await client.query('rollback').catch(() => {})
          throw err
        }
        written += rows.length
        report.orders = written
        onProgress?.(written, n)
      })()
      // Awaited before this session's next batch; this only keeps Node from calling a failure 'unhandled' meanwhile.
      p.catch(() => {})
      inFlight[k] = p
    }
    await Promise.all(inFlight)
  } catch (err) {
    await Promise.allSettled(inFlight)
    throw new Error(
      `scenario ${prefix}* stopped after ${written} orders (${(err as Error).message}); run again with --replace`,
    )
  } finally {
    for (const c of sessions) c.release()
  }
  report.units = usedUnits.size
  // A bulk load leaves the visibility map unset: without a vacuum the statistics' covering index is no index-only
  // scan, and the planner still thinks the tables are small.
  await platform.db.query('vacuum (analyze) hotline_order')
  await platform.db.query('analyze hotline_event')
  report.seconds = Math.round((performance.now() - t0) / 100) / 10
  return report
}
