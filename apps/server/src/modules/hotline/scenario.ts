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
import type { FollowupResult, HotlineSettings } from '@ruyu/contracts/hotline'
import type { Platform } from '../../platform/platform.ts'
import { mergeSettings, SETTINGS_KEY } from './domain.ts'
import { CST, cstDate, DAY, HOUR, makeClock } from './scenario-clock.ts'
import {
  FOLLOWUP_MIX,
  HOLIDAY_VOLUME,
  HOUR_VOLUME,
  MONTH_VOLUME,
  REQUEST_TYPE_MIX,
  WEEKDAY_VOLUME,
} from './scenario-mix.ts'
import { type Ctx, makeOrder, person } from './scenario-order.ts'
import { hashCode, loadReference } from './scenario-reference.ts'
import { createRng, weightedSampler } from './scenario-rng.ts'
import { EVENT_SQL, eventParams, ORDER_SQL, orderParams, type ScenarioOrder } from './scenario-rows.ts'

export { createRng, type Rng, weightedSampler } from './scenario-rng.ts'

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

/** 10,810 orders, 10,741 closed and called back (the seed report's street). */
const OPEN_SHARE = (10_810 - 10_741) / 10_810

/** The number prefix of one scenario (division, year, seed): SIM2026-370612002-1-. */
export const scenarioPrefix = (o: { divisionCode: string; year: number; seed?: number }) =>
  `SIM${o.year}-${o.divisionCode}-${o.seed ?? 1}-`

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

/**
 * Generates a year of scenario orders (see the file comment) in batches and returns what it wrote.
 * Refuses when the same scenario (division, year, seed) was generated before, unless `replace`.
 */
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
      const rows: ScenarioOrder[] = []
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
