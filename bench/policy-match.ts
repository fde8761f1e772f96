/**
 * Benchmark (issue #5): policy matching. Loads 100,000 synthetic enterprises into a fresh database through the
 * enterprise module (`insertSyntheticEnterprises`), reads them back like production (the policy service's snapshot
 * over `profilesPage`), generates 2,000 policies with realistic rule shapes and measures
 *  1. a FULL REMATCH: compile all 2,000 rules against the columnar snapshot and compute every match set
 *     (target < 5 s);
 *  2. re-evaluating ONE changed profile against all 2,000 published policies (update the snapshot row, test every
 *     compiled rule, explain the hits), p50 / p95 over many profiles (target < 10 ms);
 *  3. the same full rematch with json-rules-engine (our rules translated to its format), in the same run. It is far
 *     too slow to run over all 100,000 profiles, so it runs over a sample of profiles against all 2,000 rules and is
 *     extrapolated linearly (reported as such); its matches on the sample are checked against ours.
 *     Target ratio ≥ 20×.
 *
 *   npm run bench:policy                                   # embedded PostgreSQL in a temp dir
 *   BENCH_DATABASE_URL=postgres://… npm run bench:policy
 *   BENCH_ENTERPRISES=20000 BENCH_POLICIES=500 BENCH_JRE_SAMPLE=200 npm run bench:policy
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { NumericField, Rule, Scale } from '@ruyu/contracts/policy'
import { validateRule } from '@ruyu/contracts/policy'
import { Engine } from 'json-rules-engine'
import {
  compile,
  explain,
  type MatchProfile,
  type ProfileSnapshot,
  popcount,
} from '../apps/server/src/modules/policy/index.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import { seed } from '../apps/server/src/seed.ts'
import { buildTestPlatform } from '../packages/testkit/src/platform.ts'

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 100_000)
const POLICIES = Number(process.env.BENCH_POLICIES ?? 2_000)
const SINGLE_RUNS = Number(process.env.BENCH_SINGLE ?? 1_000)
const JRE_SAMPLE = Number(process.env.BENCH_JRE_SAMPLE ?? 300)

/** mulberry32. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!
  return { next, pick, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) }
}

/**
 * Rules shaped like the district's real policies (see modules/policy/data/policies.ts): a qualifying tag or an
 * industry, a scale band, money thresholds, an area, the 失信 exclusion; sometimes alternatives (any) of those.
 */
function realisticRules(s: ProfileSnapshot, n: number, seed: number): Rule[] {
  const r = rng(seed)
  const tags = s.tagDict.values.filter((t) => t !== '失信被执行人')
  const industries = [...new Set(s.industries.values.map((c) => c.slice(0, 3)))]
  const sections = [...new Set(s.industries.values.map((c) => c[0]!))]
  const towns = [...new Set(s.divisions.values.map((c) => c.slice(0, 9)))]
  const parks = s.parks.values
  const scales: Scale[][] = [['small', 'micro'], ['medium', 'small', 'micro'], ['large', 'medium'], ['micro']]
  const money: Record<NumericField, number[]> = {
    employees: [10, 20, 50, 100, 300, 1000],
    revenueWan: [500, 1000, 2000, 5000, 10000, 40000],
    rndWan: [50, 100, 200, 300, 500, 1000],
    rndRatio: [0.02, 0.03, 0.05, 0.08],
    ageYears: [1, 2, 3, 5, 10, 20],
  }
  const numeric = (): Rule => {
    const f = r.pick(Object.keys(money) as NumericField[])
    const v = r.pick(money[f])
    if (r.next() < 0.15) {
      const w = r.pick(money[f])
      return { between: { field: f, min: Math.min(v, w), max: Math.max(v, w) } }
    }
    return { [f === 'ageYears' && r.next() < 0.5 ? 'lte' : 'gte']: { field: f, value: v } } as Rule
  }
  const qualifier = (): Rule => {
    const k = r.int(0, 5)
    if (k === 0) return { hasTag: r.pick(tags) }
    if (k === 1) return { hasAnyTag: [r.pick(tags), r.pick(tags)] }
    if (k === 2) return { industryPrefix: r.next() < 0.3 ? r.pick(sections) : [r.pick(industries), r.pick(industries)] }
    if (k === 3) return { scaleIn: r.pick(scales) }
    if (k === 4 && parks.length) return { parkIn: [r.pick(parks)] }
    return { divisionWithin: r.next() < 0.5 ? '370612' : r.pick(towns) }
  }
  const out: Rule[] = []
  for (let i = 0; i < n; i++) {
    const parts: Rule[] = [qualifier()]
    const extra = r.int(0, 3)
    for (let j = 0; j < extra; j++) parts.push(r.next() < 0.6 ? numeric() : qualifier())
    if (r.next() < 0.2) parts.push({ any: [qualifier(), { all: [qualifier(), numeric()] }] })
    if (r.next() < 0.6) parts.push({ not: { hasTag: '失信被执行人' } })
    const rule: Rule = parts.length === 1 ? parts[0]! : { all: parts }
    const v = validateRule(rule)
    if (!v.ok) throw new Error(`generated an invalid rule: ${JSON.stringify(v.issues)}`)
    out.push(rule)
  }
  return out
}

// --- json-rules-engine translation -----------------------------------------------------------------------------
type Jre = Record<string, unknown>
const JRE_OP: Record<string, string> = {
  eq: 'equal',
  ne: 'notEqual',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
}
function toJre(rule: Rule): Jre {
  const k = Object.keys(rule)[0]!
  const b = (rule as Record<string, any>)[k]
  switch (k) {
    case 'all':
      return { all: (b as Rule[]).map(toJre) }
    case 'any':
      return { any: (b as Rule[]).map(toJre) }
    case 'not':
      return { not: toJre(b) }
    case 'between':
      return {
        all: [
          { fact: b.field, operator: 'greaterThanInclusive', value: b.min },
          { fact: b.field, operator: 'lessThanInclusive', value: b.max },
        ],
      }
    case 'in':
      return { fact: b.field, operator: 'in', value: b.values }
    case 'hasTag':
      return { fact: 'tags', operator: 'contains', value: b }
    case 'hasAnyTag':
      return { any: (b as string[]).map((t) => ({ fact: 'tags', operator: 'contains', value: t })) }
    case 'hasAllTags':
      return { all: (b as string[]).map((t) => ({ fact: 'tags', operator: 'contains', value: t })) }
    case 'divisionWithin':
      return { fact: 'divisionCode', operator: 'startsWithAny', value: [b] }
    case 'industryPrefix':
      return { fact: 'industryCode', operator: 'startsWithAny', value: Array.isArray(b) ? b : [b] }
    case 'parkIn':
      return { fact: 'parkCode', operator: 'in', value: b }
    case 'scaleIn':
      return { fact: 'scale', operator: 'in', value: b }
    default:
      return { fact: b.field, operator: JRE_OP[k]!, value: b.value }
  }
}
const wrap = (c: Jre): Jre => ('all' in c || 'any' in c || 'not' in c ? c : { all: [c] })

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 3 : 1)} ms`
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!

async function main() {
  let serverUrl = process.env.BENCH_DATABASE_URL
  let stopPg: (() => Promise<void>) | undefined
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-bench-'))
  if (!serverUrl) {
    const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    serverUrl = server.url
    stopPg = server.stop
  }
  const url = await ensureDatabase(serverUrl, `ruyu_bench_policy_${process.pid}`)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
  try {
    await seed(platform, services, { demo: true })
    let t0 = performance.now()
    const inserted = await services.enterprise.insertSyntheticEnterprises(ENTERPRISES, 42)
    console.log(`inserted ${inserted.toLocaleString('en')} synthetic enterprises in ${fmt(performance.now() - t0)}`)

    services.policy.invalidateSnapshot()
    t0 = performance.now()
    const snap = await services.policy.snapshot()
    const loadMs = performance.now() - t0
    console.log(`snapshot of ${snap.n.toLocaleString('en')} profiles loaded through profilesPage in ${fmt(loadMs)}`)

    const rules = realisticRules(snap, POLICIES, 7)

    // 1. Full rematch: compile + every match set, from a cold leaf cache; best of 3 and the first run reported.
    const runs: number[] = []
    let totalMatches = 0
    for (let run = 0; run < 3; run++) {
      snap.leafCache.clear()
      const s = performance.now()
      let m = 0
      for (const rule of rules) m += popcount(compile(rule, snap).matchAll())
      runs.push(performance.now() - s)
      totalMatches = m
    }
    const full = Math.min(...runs)
    console.log(
      `FULL REMATCH ${POLICIES} policies × ${snap.n.toLocaleString('en')} enterprises: ${fmt(full)} (runs: ${runs.map(fmt).join(', ')}), ${totalMatches.toLocaleString('en')} matches — target < 5000 ms: ${full < 5000 ? 'MET' : 'MISSED'}`,
    )
    // Explanations are produced only for new matches; their cost per match:
    const compiled = rules.map((rule) => compile(rule, snap))
    {
      let n = 0
      const s = performance.now()
      for (let k = 0; k < 200; k++) {
        const row = (k * 7919) % snap.n
        const p = snap.profileAt(row)
        for (let j = 0; j < rules.length && n < 20_000; j++)
          if (compiled[j]!.test(row)) {
            n++
            explain(rules[j]!, p)
          }
      }
      const ms = performance.now() - s
      console.log(
        `explanations: ${n.toLocaleString('en')} in ${fmt(ms)} (${((ms * 1000) / Math.max(1, n)).toFixed(1)} µs each)`,
      )
    }

    // 2. One changed profile against all published policies.
    const r = rng(99)
    const times: number[] = []
    let hits = 0
    for (let k = 0; k < SINGLE_RUNS + 50; k++) {
      const row = r.int(0, snap.n - 1)
      const before = snap.profileAt(row)
      const changed: MatchProfile = {
        ...before,
        employees: before.employees + r.int(-5, 20),
        rndWan: before.rndWan + r.int(0, 200),
        tags: r.next() < 0.3 ? [...before.tags, r.pick(snap.tagDict.values)] : before.tags,
      }
      const s = performance.now()
      const i = snap.upsert(changed)
      for (let j = 0; j < compiled.length; j++)
        if (compiled[j]!.test(i)) {
          hits++
          explain(rules[j]!, changed)
        }
      const ms = performance.now() - s
      if (k >= 50) times.push(ms)
    }
    times.sort((a, b) => a - b)
    const p50 = pct(times, 0.5)
    const p95 = pct(times, 0.95)
    console.log(
      `ONE PROFILE vs ${POLICIES} policies (${SINGLE_RUNS} profiles, ${(hits / (SINGLE_RUNS + 50)).toFixed(1)} matches each, explained): p50 ${fmt(p50)}, p95 ${fmt(p95)}, max ${fmt(times.at(-1)!)} — target < 10 ms: ${p95 < 10 ? 'MET' : 'MISSED'}`,
    )

    // 3. json-rules-engine over a sample of profiles, all rules; checked against our matcher on the sample.
    const engine = new Engine([], { allowUndefinedFacts: true })
    engine.addOperator(
      'startsWithAny',
      (fact: unknown, value: unknown) =>
        typeof fact === 'string' && (value as string[]).some((x) => fact.startsWith(x)),
    )
    rules.forEach((rule, j) => {
      engine.addRule({ conditions: wrap(toJre(rule)) as never, event: { type: String(j) } })
    })
    const sample = Array.from({ length: Math.min(JRE_SAMPLE, snap.n) }, (_, k) => Math.floor((k * snap.n) / JRE_SAMPLE))
    let jreMatches = 0
    let ourMatches = 0
    let disagreements = 0
    const s = performance.now()
    for (const row of sample) {
      const p = snap.profileAt(row)
      const facts = { ...p, parkCode: p.parkCode ?? '', rndRatio: p.revenueWan > 0 ? p.rndWan / p.revenueWan : 0 }
      const { events } = await engine.run(facts)
      jreMatches += events.length
      const theirs = new Set(events.map((e) => Number(e.type)))
      for (let j = 0; j < compiled.length; j++) {
        const ours = compiled[j]!.test(row)
        if (ours) ourMatches++
        if (ours !== theirs.has(j)) disagreements++
      }
    }
    const jreMs = performance.now() - s
    const jreFull = (jreMs * snap.n) / sample.length
    const ours = (full * sample.length) / snap.n
    console.log(
      `json-rules-engine: ${sample.length} profiles × ${POLICIES} rules in ${fmt(jreMs)} (${jreMatches} matches; ours ${ourMatches}; ${disagreements} disagreements) → extrapolated full rematch ${(jreFull / 1000).toFixed(1)} s`,
    )
    console.log(
      `RATIO json-rules-engine / ours (full rematch): ${(jreFull / full).toFixed(0)}× (ours ${fmt(full)}, same sample ≈ ${fmt(ours)}) — target ≥ 20×: ${jreFull / full >= 20 ? 'MET' : 'MISSED'}`,
    )
  } finally {
    await platform.close()
    await stopPg?.()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
