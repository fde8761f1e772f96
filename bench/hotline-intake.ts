/**
 * Benchmark (issue #4): 12345 work-order intake over HTTP — validate, route (suggestion), duplicate check, insert,
 * start the workflow (SLA timers in pg-boss), number, audit, outbox — against a bare Fastify route doing one INSERT
 * on the same PostgreSQL, measured in the same run. Two real routes: the operator console (session + CSRF,
 * POST /api/hotline/orders, answers with the full order, suggestion and duplicates) and the upstream transfer API
 * (API key, POST /api/hotline/transfer). Then a short sequential phase counts the SQL statements per intake.
 *
 *   npm run bench:hotline-intake                         # embedded PostgreSQL in a temp dir
 *   BENCH_DATABASE_URL=postgres://… npm run bench:hotline-intake
 *   BENCH_SECONDS=15 BENCH_CONCURRENCY=16 npm run bench:hotline-intake
 *   BENCH_ROLLUP=off npm run bench:hotline-intake         # without the statistics rollup triggers (0012)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import Fastify from 'fastify'
import pg from 'pg'
import { buildApp } from '../apps/server/src/app.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import { seed } from '../apps/server/src/seed.ts'
import { buildTestPlatform } from '../packages/testkit/src/platform.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
const TARGET_RATIO = 0.5

interface Result {
  requests: number
  errors: number
  seconds: number
  p50: number
  p99: number
  firstError?: string
}

// The load generator runs in a worker thread, so the client's HTTP work does not share the server's event loop.
// `__N__` in the body becomes a number unique to each request (phones, addresses and upstream numbers differ, as
// they do in real traffic: duplicate detection and transfer idempotency see distinct orders).
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { url, headers, body, seconds, concurrency, offset } = workerData
const latencies = []
let errors = 0
let firstError
let n = offset
const until = performance.now() + seconds * 1000
const t0 = performance.now()
Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const s = performance.now()
      const res = await fetch(url, { method: 'POST', headers, body: body.replaceAll('__N__', String(n++).padStart(8, '0')) })
      const text = await res.text()
      if (res.status >= 300) { errors++; firstError ??= res.status + ' ' + text.slice(0, 300) }
      latencies.push(performance.now() - s)
    }
  }),
).then(() => parentPort.postMessage({ latencies, errors, firstError, took: (performance.now() - t0) / 1000, next: n }))
`

let counter = 1
/** A closed-loop load: CONCURRENCY clients each sending the next request when the previous one answered. */
async function load(url: string, headers: Record<string, string>, body: string, seconds: number): Promise<Result> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { url, headers, body, seconds, concurrency: CONCURRENCY, offset: counter },
  })
  const out = await new Promise<{
    latencies: number[]
    errors: number
    firstError?: string
    took: number
    next: number
  }>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  counter = out.next
  const latencies = out.latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors: out.errors,
    seconds: out.took,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    firstError: out.firstError,
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
  const dbName = `ruyu_bench_intake_${process.pid}`
  const url = await ensureDatabase(serverUrl, dbName)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
  await seed(platform, services, { demo: true })
  // BENCH_ROLLUP=off: without the statistics rollup triggers of 0012 (to measure what they cost an intake).
  if (process.env.BENCH_ROLLUP === 'off')
    for (const t of ['insert', 'update', 'delete', 'truncate'])
      await platform.db.query(`drop trigger if exists hotline_stats_daily_${t} on hotline_order`)
  const app = await buildApp(platform, services, { logger: false })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`

  // Baseline: a bare Fastify route doing one INSERT on the same database.
  const pool = new pg.Pool({ connectionString: url, max: 20 })
  await pool.query(
    'create table if not exists bench_baseline (id bigserial primary key, payload jsonb not null, at timestamptz default now())',
  )
  const bare = Fastify({ logger: false })
  bare.post('/insert', async (req) => {
    const r = await pool.query('insert into bench_baseline (payload) values ($1) returning id', [
      JSON.stringify(req.body),
    ])
    return { id: r.rows[0].id }
  })
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/insert`

  async function login(username: string) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Ruyu@2026' }),
    })
    if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`)
    const cookie = String(r.headers.get('set-cookie')).split(';')[0]!
    const { csrfToken } = (await r.json()) as { csrfToken: string }
    return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
  }
  const operator = await login('operator')
  const admin = await login('admin')
  const keyRes = await fetch(`${base}/api/admin/api-keys`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      name: 'bench city platform',
      capabilities: ['hotline:transfer'],
      scopeDivisionCode: '370612',
    }),
  })
  const key = ((await keyRes.json()) as { key: string }).key
  const heating = (await platform.db.query(`select id from hotline_category where code = '010101'`)).rows[0]
    ?.id as string

  const call = {
    callerName: '李秀兰',
    callerPhone: '139__N__',
    requestType: 'help',
    urgency: 'normal',
    categoryId: heating,
    divisionCode: '370612002',
    address: '牟平区文化街道正阳路__N__号',
    description: '家里暖气不热，室温只有15度，物业说是热力公司的问题，请帮忙协调。',
  }
  const operatorBody = JSON.stringify(call)
  const transferBody = JSON.stringify({ ...call, source: 'yantai12345', upstreamNumber: 'YT2026-__N__' })
  const transferHeaders = { authorization: `Bearer ${key}`, 'content-type': 'application/json' }
  for (const [u, h, b] of [
    [`${base}/api/hotline/orders`, operator, operatorBody],
    [`${base}/api/hotline/transfer`, transferHeaders, transferBody],
  ] as const) {
    const probe = await fetch(u, { method: 'POST', headers: h, body: b.replaceAll('__N__', '00000000') })
    if (probe.status !== 201) throw new Error(`probe ${u}: ${probe.status} ${await probe.text()}`)
  }

  const json = { 'content-type': 'application/json' }
  console.log(`warming up (${CONCURRENCY} concurrent clients)…`)
  await load(bareUrl, json, operatorBody, 2)
  await load(`${base}/api/hotline/orders`, operator, operatorBody, 2)
  await load(`${base}/api/hotline/transfer`, transferHeaders, transferBody, 2)

  const baseline = await load(bareUrl, json, operatorBody, SECONDS)
  const byOperator = await load(`${base}/api/hotline/orders`, operator, operatorBody, SECONDS)
  const byTransfer = await load(`${base}/api/hotline/transfer`, transferHeaders, transferBody, SECONDS)

  // Where an intake spends its time: every statement of 20 sequential operator intakes, counted and timed.
  const counts = new Map<string, { n: number; ms: number }>()
  let counting = false
  // Every statement reaches the server through Client.query (Pool.query too, with a callback), pg-boss's included.
  const orig = pg.Client.prototype.query
  const callQuery = orig as unknown as (this: unknown, ...a: unknown[]) => Promise<unknown> | undefined
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    if (!counting) return callQuery.apply(this, a)
    const k = String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string } | undefined)?.text)
      .replace(/\s+/g, ' ')
      .slice(0, 90)
    const s = performance.now()
    const done = () => {
      const c = counts.get(k) ?? { n: 0, ms: 0 }
      c.n++
      c.ms += performance.now() - s
      counts.set(k, c)
    }
    const cb = a.at(-1)
    if (typeof cb === 'function')
      a[a.length - 1] = (...r: unknown[]) => {
        done()
        return cb(...r)
      }
    const r = callQuery.apply(this, a)
    if (r?.then) r.then(done, done)
    return r
  } as typeof orig
  const SEQ = 20
  counting = true
  const t0 = performance.now()
  for (let i = 0; i < SEQ; i++) {
    const r = await fetch(`${base}/api/hotline/orders`, {
      method: 'POST',
      headers: operator,
      body: operatorBody.replaceAll('__N__', String(90_000_000 + i)),
    })
    if (r.status !== 201) throw new Error(await r.text())
  }
  const seqMs = (performance.now() - t0) / SEQ
  counting = false
  pg.Client.prototype.query = orig
  const statements = [...counts.entries()]
  const perIntake = statements.reduce((s, [, v]) => s + v.n, 0) / SEQ
  const top = statements
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 14)
    .map(([k, v]) => `    ${(v.n / SEQ).toFixed(1).padStart(4)}×  ${(v.ms / v.n).toFixed(2).padStart(6)} ms  ${k}`)

  const rate = (r: Result) => (r.requests - r.errors) / r.seconds
  const line = (label: string, r: Result) =>
    `  ${label} : ${rate(r).toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}`
  const ratio = (r: Result) => rate(r) / rate(baseline)
  console.log(
    [
      '',
      `12345 work-order intake over HTTP, ${CONCURRENCY} concurrent clients, ${SECONDS} s each, ${os.cpus().length} cores${process.env.BENCH_ROLLUP === 'off' ? ', rollup triggers off' : ''}`,
      line('baseline  bare Fastify + one INSERT     ', baseline),
      line('operator  POST /api/hotline/orders      ', byOperator),
      line('transfer  POST /api/hotline/transfer    ', byTransfer),
      `  ratio     operator ÷ baseline            : ${ratio(byOperator).toFixed(3)}   (target ≥ ${TARGET_RATIO}: ${ratio(byOperator) >= TARGET_RATIO ? 'met' : 'NOT met'})`,
      `  ratio     transfer ÷ baseline            : ${ratio(byTransfer).toFixed(3)}   (target ≥ ${TARGET_RATIO}: ${ratio(byTransfer) >= TARGET_RATIO ? 'met' : 'NOT met'})`,
      '',
      `One operator intake alone: ${seqMs.toFixed(1)} ms, about ${perIntake.toFixed(0)} SQL statements (session, intake transaction, workflow start + timers, detail, suggestion, duplicates). Slowest by total time:`,
      ...top,
      '',
    ].join('\n'),
  )

  await bare.close()
  await pool.end()
  await app.close()
  await platform.close()
  const admin2 = new pg.Client({ connectionString: serverUrl })
  await admin2.connect()
  await admin2.query(`drop database if exists "${dbName}" with (force)`)
  await admin2.end()
  await stopPg?.()
  fs.rmSync(tmp, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
