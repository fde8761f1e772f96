/**
 * Benchmark (issue 9 §10): durable SLA timers that all fall due at the same instant (working-day deadlines all end at
 * 23:59:59 CST) must all fire within 60 s on one worker. Real parts throughout: workflow instances started by the
 * engine (which arms their timers as pg-boss jobs in the same transaction), the engine's own timer handler
 * (claim the job, mark the task red, notify the assignees, effects) with durable commits, one worker process.
 *
 * Phases, measured in the same run on the same database:
 *   1. baseline: pg-boss's stock `work` (one job per fetch, then it sleeps out its polling interval, here the
 *      0.5 s minimum, its most favourable setting) on BENCH_BASELINE_TIMERS timers;
 *   2. the platform's batch worker (job-worker.ts) on 1,000 timers, first with one transaction per timer
 *      (`handleTimer`), then firing each slice of a fetched batch in one transaction (`handleTimers`);
 *   3. the batch worker with `handleTimers` on BENCH_TIMERS (10,000) timers.
 * For each phase the worker is already polling, the timers are created due at one instant T a little ahead, and a
 * timer's lag is when its handler's transaction ran (core_job_done.done_at) minus T.
 *
 *   npm run bench:timers
 *   BENCH_TIMERS=20000 BENCH_BASELINE_TIMERS=40 npm run bench:timers
 *   BENCH_DATABASE_URL=postgres://… npm run bench:timers       # an external server (synchronous_commit on)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { createServices, type Services } from '../apps/server/src/app.ts'
import type { WorkflowSpec } from '../apps/server/src/modules/workflow/index.ts'
import { SYSTEM_ACTOR } from '../apps/server/src/platform/audit.ts'
import { loadConfig } from '../apps/server/src/platform/config.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { createDb } from '../apps/server/src/platform/db.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { DEFAULT_WORKER, startBatchWorker } from '../apps/server/src/platform/job-worker.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import type { Platform } from '../apps/server/src/platform/platform.ts'
import { createPlatform } from '../apps/server/src/platform/platform.ts'
import { seed } from '../apps/server/src/seed.ts'

const TIMERS = Number(process.env.BENCH_TIMERS ?? 10_000)
const BASELINE_TIMERS = Number(process.env.BENCH_BASELINE_TIMERS ?? 50)
const GOAL_SECONDS = 60
const QUEUE = 'workflow.timer'
// The worker's settings (default: what RUYU_ROLE=worker runs, job-worker.ts DEFAULT_WORKER).
const WORKER = {
  batchSize: Number(process.env.BENCH_WORKER_BATCH ?? DEFAULT_WORKER.batchSize),
  concurrency: Number(process.env.BENCH_WORKER_CONCURRENCY ?? DEFAULT_WORKER.concurrency),
}

const spec: WorkflowSpec = {
  key: 'bench.timers',
  name: '定时器压测',
  initial: 'work',
  states: {
    work: {
      name: '办理',
      assignee: { role: 'hotline_operator' },
      sla: { amount: 1, unit: 'hour' },
      actions: [{ key: 'finish', name: '办结', to: 'done', actors: [{ role: 'hotline_operator' }] }],
    },
    done: { name: '办结', final: true, outcome: 'approved' },
  },
} as WorkflowSpec

const log = { error: (o: unknown, m?: string) => console.error(m ?? '', o) } as never

/** Starts `n` instances whose first task (and so its timer) is due at `due`; answers their task ids. */
async function createTimers(platform: Platform, services: Services, n: number, due: Date): Promise<string[]> {
  // The engine computes due = start + 1 h: start them "an hour before" the instant wanted.
  const startedAt = new Date(due.getTime() - 3_600_000)
  const ids: string[] = []
  for (let done = 0; done < n; done += 500) {
    const batch = Math.min(500, n - done)
    const started = await platform.db.tx((tx) =>
      services.workflow.startMany(
        tx,
        Array.from({ length: batch }, (_, i) => ({
          definitionKey: spec.key,
          subjectType: 'bench_timer',
          subjectId: crypto.randomUUID(),
          title: `定时器 ${done + i + 1}`,
          divisionCode: '370612',
          applicantId: null,
          context: {},
        })),
        SYSTEM_ACTOR,
        startedAt,
      ),
    )
    ids.push(...started.map((s) => s.id))
  }
  const { rows } = await platform.db.query<{ due_at: Date; n: number }>(
    `select due_at, count(*)::int n from workflow_task where instance_id = any($1::uuid[]) group by due_at`,
    [ids],
  )
  if (rows.length !== 1 || rows[0]!.due_at.getTime() !== due.getTime() || rows[0]!.n !== n)
    throw new Error(`timers not all due at ${due.toISOString()}: ${JSON.stringify(rows)}`)
  return ids
}

interface Phase {
  label: string
  timers: number
  /** Seconds from the due instant until the last timer fired. */
  fireSeconds: number
  lag: { min: number; median: number; max: number }
  rate: number
}

/** Creates the timers due a little ahead, lets the running worker fire them, and reads when each fired. */
async function phase(platform: Platform, services: Services, label: string, n: number, lead: number): Promise<Phase> {
  const due = new Date(Math.ceil((Date.now() + lead * 1000) / 1000) * 1000)
  const t0 = Date.now()
  const instances = await createTimers(platform, services, n, due)
  const created = (Date.now() - t0) / 1000
  if (Date.now() >= due.getTime())
    console.warn(`  ! ${label}: creating took ${created.toFixed(1)} s, past the due time`)
  const jobIds = (
    await platform.db.query<{ id: string }>(
      `select j.id from pgboss.job j join workflow_task t on t.id = (j.data->>'taskId')::uuid
       where j.name = $1 and t.instance_id = any($2::uuid[])`,
      [QUEUE, instances],
    )
  ).rows.map((r) => r.id)
  if (jobIds.length !== n) throw new Error(`${label}: ${jobIds.length} timer jobs for ${n} tasks`)
  const deadline = due.getTime() + Math.max(600, n) * 1000
  for (;;) {
    const { rows } = await platform.db.query<{ n: number }>(
      'select count(*)::int n from core_job_done where job_id = any($1::uuid[])',
      [jobIds],
    )
    if (rows[0]!.n >= n) break
    if (Date.now() > deadline) throw new Error(`${label}: only ${rows[0]!.n} of ${n} fired`)
    await new Promise((r) => setTimeout(r, 250))
  }
  const { rows } = await platform.db.query<{ min: number; median: number; max: number }>(
    `select min(s) min, percentile_cont(0.5) within group (order by s) median, max(s) max
     from (select extract(epoch from done_at - $2::timestamptz)::float8 s from core_job_done
           where job_id = any($1::uuid[])) x`,
    [jobIds, due],
  )
  const lag = rows[0]!
  const overdue = await platform.db.query<{ n: number }>(
    `select count(*)::int n from workflow_task where instance_id = any($1::uuid[]) and sla_flag = 'overdue'`,
    [instances],
  )
  if (overdue.rows[0]!.n !== n) throw new Error(`${label}: ${overdue.rows[0]!.n} of ${n} tasks marked overdue`)
  const fireSeconds = Math.max(lag.max, 0)
  const result = { label, timers: n, fireSeconds, lag, rate: n / Math.max(fireSeconds, 0.001) }
  console.log(
    `  ${label.padEnd(34)} ${String(n).padStart(6)} timers (created in ${created.toFixed(1)} s): all fired ` +
      `${fireSeconds.toFixed(2)} s after due; lag min ${lag.min.toFixed(2)} / median ${lag.median.toFixed(2)} / ` +
      `max ${lag.max.toFixed(2)} s; ${result.rate.toFixed(1)} timers/s`,
  )
  return result
}

async function main() {
  let url = process.env.BENCH_DATABASE_URL
  let stop: (() => Promise<void>) | undefined
  let tmp: string | undefined
  if (!url) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-bench-timers-'))
    const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    stop = server.stop
    url = await ensureDatabase(server.url, 'ruyu_bench_timers')
  }
  console.log(`Timers due at one instant, one worker, durable commits (synchronous_commit=on)`)
  // Wired as server.ts wires a node (same pool size), with demo accounts and quiet logs.
  const config = loadConfig({ ...process.env, RUYU_DEMO: 'true', LOG_LEVEL: 'silent', NODE_ENV: 'test' })
  config.jobs = true
  const db = createDb(url)
  await migrate(db)
  const platform = await createPlatform(config, url, pino({ level: 'silent' }) as never, db)
  const services = createServices(platform)
  try {
    await seed(platform, services, { demo: true })
    await platform.db.tx((tx) => services.workflow.publish(tx, spec, SYSTEM_ACTOR))
    const sc = await platform.db.query('show synchronous_commit')
    console.log(
      `  synchronous_commit=${sc.rows[0]!.synchronous_commit}; node ${process.version}; ${os.cpus().length} CPUs`,
    )
    await platform.jobs.boss.createQueue(QUEUE)
    const handler = (data: object, job: { id: string }) =>
      services.workflow.handleTimer(data as never, new Date(), job.id)

    // 1. pg-boss's stock worker: one job per fetch, then a sleep of its polling interval.
    await platform.jobs.boss.work(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
      await handler(job!.data as object, job!)
    })
    const stock = await phase(platform, services, 'pg-boss stock work (batch 1)', BASELINE_TIMERS, 3)
    await platform.jobs.boss.offWork(QUEUE)

    // 2 and 3. The platform's batch worker, as RUYU_ROLE=worker runs it.
    console.log(`  batch worker: ${WORKER.batchSize} jobs per fetch, ${WORKER.concurrency} at once`)
    // 2a. The same worker with one transaction per timer (the per-job handler): the batching's own baseline.
    const single = startBatchWorker(platform.jobs.boss, QUEUE, handler, log, WORKER)
    const perJob = await phase(platform, services, 'batch worker, 1 tx per timer', 1_000, 8)
    await single.stop()
    // 2b and 3. Timers of a slice fired together in one transaction (handleTimers), as RUYU_ROLE=worker runs it.
    const many = (list: { id: string; data: object }[]) =>
      services.workflow.handleTimers(list.map((j) => ({ job: j.data as never, jobId: j.id })))
    const worker = startBatchWorker(platform.jobs.boss, QUEUE, { many }, log, WORKER)
    const thousand = await phase(platform, services, 'batch worker, slices in 1 tx', 1_000, 8)
    const full = await phase(platform, services, 'batch worker, slices in 1 tx', TIMERS, Math.ceil(TIMERS / 250) + 10)
    await worker.stop()

    console.log('')
    console.log(`  throughput ratio, batch worker / stock pg-boss: ${(full.rate / stock.rate).toFixed(1)}×`)
    console.log(
      `  throughput ratio on 1,000, slices in one transaction / one transaction per timer: ` +
        `${(thousand.rate / perJob.rate).toFixed(1)}×`,
    )
    console.log(
      `  scaling, ${TIMERS} vs 1,000 timers: ${(full.fireSeconds / thousand.fireSeconds).toFixed(1)}× the time for ` +
        `${(TIMERS / 1000).toFixed(0)}× the timers`,
    )
    console.log(
      `  stock pg-boss would need ~${(TIMERS / stock.rate).toFixed(0)} s for ${TIMERS} timers; the batch worker took ` +
        `${full.fireSeconds.toFixed(1)} s (goal ≤ ${GOAL_SECONDS} s: ${full.fireSeconds <= GOAL_SECONDS ? 'met' : 'MISSED'})`,
    )
    if (full.fireSeconds > GOAL_SECONDS) process.exitCode = 1
  } finally {
    await platform.close()
    await stop?.()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  }
}

void main()
