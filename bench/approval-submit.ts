/**
 * Benchmark (issue #3): submitting a theme case that fans out to 14 department branches, over HTTP, against a bare
 * Fastify route doing one INSERT on the same PostgreSQL, measured in the same run.
 *
 *   npm run bench                         # embedded PostgreSQL in a temp dir
 *   BENCH_DATABASE_URL=postgres://… npm run bench
 *   BENCH_SECONDS=15 BENCH_CONCURRENCY=16 npm run bench
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
import { backendCpuSeconds } from './measure.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16)
// One item of each of the 14 construction-approval departments (MP-JS-xxxx from the seeded catalogue).
const BENCH_ITEMS = [
  'MP-JS-0101',
  'MP-JS-0106',
  'MP-JS-0205',
  'MP-JS-0113',
  'MP-JS-0116',
  'MP-JS-0208',
  'MP-JS-0111',
  'MP-JS-0206',
  'MP-JS-0117',
  'MP-JS-0118',
  'MP-JS-0213',
  'MP-JS-0414',
  'MP-JS-0408',
  'MP-JS-0314',
]

interface Result {
  requests: number
  errors: number
  seconds: number
  p50: number
  p99: number
}

// The load generator runs in a worker thread, so the client's HTTP work does not share the server's event loop.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { url, headers, body, seconds, concurrency } = workerData
const latencies = []
let errors = 0
const until = performance.now() + seconds * 1000
const t0 = performance.now()
Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const s = performance.now()
      const res = await fetch(url, { method: 'POST', headers, body })
      await res.arrayBuffer()
      if (res.status >= 300) errors++
      latencies.push(performance.now() - s)
    }
  }),
).then(() => parentPort.postMessage({ latencies, errors, took: (performance.now() - t0) / 1000 }))
`

/** A closed-loop load: CONCURRENCY clients each sending the next request when the previous one answered. */
async function load(url: string, headers: Record<string, string>, body: string, seconds: number): Promise<Result> {
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { url, headers, body, seconds, concurrency: CONCURRENCY },
  })
  const { latencies, errors, took } = await new Promise<{ latencies: number[]; errors: number; took: number }>(
    (resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    },
  )
  await worker.terminate()
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors,
    seconds: took,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  }
}

async function main() {
  let serverUrl = process.env.BENCH_DATABASE_URL
  let stopPg: (() => Promise<void>) | undefined
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-bench-'))
  if (!serverUrl) {
    const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    serverUrl = process.env.BENCH_SOCKET ? `${server.url}?host=/tmp` : server.url
    stopPg = server.stop
  }
  const dbName = `ruyu_bench_${process.pid}`
  const url = await ensureDatabase(serverUrl, dbName)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
  await seed(platform, services, { demo: true })
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

  // Log in as admin (define the benchmark theme) and as the enterprise (submit cases).
  async function login(username: string) {
    const r = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'Ruyu@2026' }),
    })
    const cookie = String(r.headers.get('set-cookie')).split(';')[0]!
    const { csrfToken } = (await r.json()) as { csrfToken: string }
    return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
  }
  const admin = await login('admin')
  const construction = (await (
    await fetch(`${base}/api/catalog/themes/MP-THEME-CONSTRUCTION`, { headers: admin })
  ).json()) as {
    formFields: unknown[]
  }
  const put = await fetch(`${base}/api/catalog/themes/MP-THEME-BENCH`, {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({
      baseVersion: 0,
      name: '基准测试主题：14个部门并联审批',
      formFields: construction.formFields,
      stages: [{ no: 1, name: '并联审批', itemCodes: BENCH_ITEMS }],
      variants: [],
    }),
  })
  if (!put.ok) throw new Error(`bench theme: ${put.status} ${await put.text()}`)

  const ent = await login('enterprise')
  const form: Record<string, unknown> = {
    projectName: '基准测试项目',
    projectType: 'industrial',
    socialInvestment: true,
    landGrantWithScheme: false,
    divisionCode: '370612106',
    address: '烟台市牟平区玉林店镇工业园路8号',
    landAreaMu: 50,
    floorAreaM2: 20000,
    investmentWan: 12000,
    builder: '烟台如鱼生物科技有限公司',
    builderUscc: '91370612MA3C12346J',
    contactName: '王磊',
    contactPhone: '13905350011',
  }
  const plan = (await (
    await fetch(`${base}/api/approval/plan`, {
      method: 'POST',
      headers: ent,
      body: JSON.stringify({ themeCode: 'MP-THEME-BENCH', form }),
    })
  ).json()) as {
    form: {
      fields: { key: string; type: string; required: boolean; options?: { value: string }[] }[]
      materials: { code: string; required: boolean }[]
    }
  }
  for (const f of plan.form.fields)
    if (form[f.key] === undefined && f.required)
      form[f.key] =
        f.type === 'number'
          ? 10
          : f.type === 'boolean'
            ? false
            : f.type === 'date'
              ? '2026-12-15'
              : f.type === 'select'
                ? f.options![0]!.value
                : `${f.key}-值`
  const boundary = '----bench'
  const upload = await fetch(`${base}/api/files`, {
    method: 'POST',
    headers: {
      cookie: ent.cookie,
      'x-csrf-token': ent['x-csrf-token'],
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  })
  const fileId = ((await upload.json()) as { id: string }).id
  const body = JSON.stringify({
    themeCode: 'MP-THEME-BENCH',
    form,
    materials: plan.form.materials.filter((m) => m.required).map((m) => ({ code: m.code, fileId })),
  })
  const probe = await fetch(`${base}/api/approval/cases`, { method: 'POST', headers: ent, body })
  const probeJson = (await probe.json()) as { id: string; message?: string }
  if (probe.status !== 201) throw new Error(`probe submit failed: ${probe.status} ${JSON.stringify(probeJson)}`)
  const probed = (await (await fetch(`${base}/api/approval/cases/${probeJson.id}`, { headers: ent })).json()) as {
    workflow: { nodes: { parentId: string | null; branch: unknown }[] }
  }
  const branches = probed.workflow.nodes.filter((n) => n.parentId && n.branch).length

  console.log(`warming up (${CONCURRENCY} concurrent clients)…`)
  const json = { 'content-type': 'application/json' }
  // BENCH_PROFILE=1 skips the baseline, so a --cpu-prof of this process shows only the case submissions.
  const profiling = process.env.BENCH_PROFILE === '1'
  if (!profiling) await load(bareUrl, json, body, 2)
  await load(`${base}/api/approval/cases`, ent, body, 2)

  const baseline = profiling
    ? { requests: 1, errors: 0, seconds: 1, p50: 0, p99: 0 }
    : await load(bareUrl, json, body, SECONDS)
  const pgBefore = backendCpuSeconds(dbName)
  const elu = performance.eventLoopUtilization()
  const cases = await load(`${base}/api/approval/cases`, ent, body, SECONDS)
  const serverBusy = performance.eventLoopUtilization(elu).utilization
  const pgCpu = backendCpuSeconds(dbName) - pgBefore

  const rate = (r: Result) => (r.requests - r.errors) / r.seconds
  const lines = [
    '',
    `Theme case submission over HTTP (${branches} department branches per case), ${CONCURRENCY} concurrent clients, ${SECONDS} s each, ${os.cpus().length} cores`,
    `  baseline  bare Fastify + one INSERT : ${rate(baseline).toFixed(0).padStart(6)} req/s   p50 ${baseline.p50.toFixed(1)} ms  p99 ${baseline.p99.toFixed(1)} ms  errors ${baseline.errors}`,
    `  ruyu      POST /api/approval/cases  : ${rate(cases).toFixed(0).padStart(6)} cases/s p50 ${cases.p50.toFixed(1)} ms  p99 ${cases.p99.toFixed(1)} ms  errors ${cases.errors}`,
    `  where     server event loop busy ${(serverBusy * 100).toFixed(0)} %; PostgreSQL backends ${((pgCpu / Math.max(1, cases.requests)) * 1000).toFixed(1)} ms CPU per case`,
    `  ratio     cases/s ÷ baseline req/s  : ${(rate(cases) / rate(baseline)).toFixed(3)}   (target ≥ 200 cases/s: ${rate(cases) >= 200 ? 'met' : 'NOT met'})`,
    '',
  ]
  console.log(lines.join('\n'))

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
