/**
 * Benchmark (issue #4): 12345 statistics over a year of 1,000,000 orders. Generates the orders with the scenario
 * generator (`ruyu seed hotline`) into a fresh database, then measures the latency of GET /api/hotline/stats for
 * each grouping (unit, town, category, month) over the whole year, over HTTP as a district leader, against a bare
 * Fastify route running `select 1` on the same database, measured in the same run. Target: p95 < 200 ms.
 *
 *   npm run bench:hotline-stats                          # embedded PostgreSQL in a temp dir
 *   BENCH_DATABASE_URL=postgres://… npm run bench:hotline-stats
 *   BENCH_ORDERS=200000 BENCH_REQUESTS=60 npm run bench:hotline-stats
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '../apps/server/src/app.ts'
import { progressBar } from '../apps/server/src/cli/progress.ts'
import { generateHotlineScenario } from '../apps/server/src/modules/hotline/index.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import { seed } from '../apps/server/src/seed.ts'
import { buildTestPlatform } from '../packages/testkit/src/platform.ts'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40)
const YEAR = 2026
const TARGET_P95_MS = 200

interface Latency {
  p50: number
  p95: number
  max: number
  errors: number
  firstError?: string
}

/** Sequential requests (one at a time: latency, not throughput), after a short warm-up. */
async function measure(url: string, headers: Record<string, string>): Promise<Latency> {
  const times: number[] = []
  let errors = 0
  let firstError: string | undefined
  for (let i = 0; i < REQUESTS + 3; i++) {
    const s = performance.now()
    const res = await fetch(url, { headers })
    const body = await res.text()
    const ms = performance.now() - s
    if (res.status !== 200) {
      errors++
      firstError ??= `${res.status} ${body.slice(0, 200)}`
    }
    if (i >= 3) times.push(ms)
  }
  times.sort((a, b) => a - b)
  return {
    p50: times[Math.floor(times.length * 0.5)]!,
    p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
    max: times.at(-1)!,
    errors,
    firstError,
  }
}

async function main() {
  let serverUrl = process.env.BENCH_DATABASE_URL
  let stopPg: (() => Promise<void>) | undefined
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-bench-'))
  if (!serverUrl) {
    const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    serverUrl = server.url
    stopPg = server.stop
  }
  const dbName = `ruyu_bench_stats_${process.pid}`
  const url = await ensureDatabase(serverUrl, dbName)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
  await seed(platform, services, { demo: true })

  const bar = progressBar(`generating ${ORDERS.toLocaleString('en')} scenario orders`)
  const g0 = performance.now()
  const report = await generateHotlineScenario(
    platform,
    { divisionCode: '370612', orders: ORDERS, year: YEAR, seed: 1 },
    (d, t) => bar.update(d, t),
  )
  bar.done()
  const genSeconds = (performance.now() - g0) / 1000

  const app = await buildApp(platform, services, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const bare = Fastify({ logger: false })
  bare.get('/select1', async () => (await pool.query('select 1 as one')).rows[0])
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/select1`

  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'Ruyu@2026' }),
  })
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`)
  const headers = { cookie: String(login.headers.get('set-cookie')).split(';')[0]! }

  const rows: [string, Latency][] = [['baseline  bare Fastify + select 1', await measure(bareUrl, {})]]
  const year = `from=${YEAR}-01-01&to=${YEAR}-12-31`
  for (const groupBy of ['unit', 'town', 'category', 'month'])
    rows.push([
      `stats by ${groupBy.padEnd(8)} over ${YEAR}`,
      await measure(`${base}/api/hotline/stats?groupBy=${groupBy}&${year}`, headers),
    ])
  rows.push([
    `stats by unit     one month `,
    await measure(`${base}/api/hotline/stats?groupBy=unit&from=${YEAR}-03-01&to=${YEAR}-03-31`, headers),
  ])
  const check = (await (await fetch(`${base}/api/hotline/stats?groupBy=month&${year}`, { headers })).json()) as {
    overall: { total: number; satisfactionRate: number; closeRate: number }
  }

  const fmt = (n: number) => n.toFixed(1).padStart(7)
  const worst = Math.max(...rows.slice(1).map(([, l]) => l.p95))
  console.log(
    [
      '',
      `12345 statistics over ${ORDERS.toLocaleString('en')} orders (${report.events.toLocaleString('en')} timeline events), ${REQUESTS} sequential requests each, ${os.cpus().length} cores`,
      `  generated in ${genSeconds.toFixed(1)} s (${Math.round(ORDERS / genSeconds).toLocaleString('en')} orders/s, incl. VACUUM ANALYZE); year ${YEAR}: ${check.overall.total.toLocaleString('en')} orders, 办结率 ${(check.overall.closeRate * 100).toFixed(2)} %, 满意率 ${(check.overall.satisfactionRate * 100).toFixed(2)} %`,
      `  ${'endpoint'.padEnd(34)}    p50 ms   p95 ms   max ms`,
      ...rows.map(
        ([label, l]) =>
          `  ${label.padEnd(34)} ${fmt(l.p50)}  ${fmt(l.p95)}  ${fmt(l.max)}${l.errors ? `   errors ${l.errors} (${l.firstError})` : ''}`,
      ),
      `  worst p95 ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS} ms: ${worst < TARGET_P95_MS ? 'met' : 'NOT met'}); ratio worst p95 ÷ baseline p95: ${(worst / rows[0]![1].p95).toFixed(1)}`,
      '',
    ].join('\n'),
  )

  await bare.close()
  await pool.end()
  await app.close()
  await platform.close()
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
  await stopPg?.()
  fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
