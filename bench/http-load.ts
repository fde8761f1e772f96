/**
 * The closed-loop HTTP load of bench/hotline-intake.ts: a worker-thread load generator, and per phase the requests,
 * latencies, SQL statements sent and the CPU of this process and of the PostgreSQL backends.
 */
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { backendCpuBetween, backendTicks, mainThreadCpuSeconds } from './measure.ts'

export interface Result {
  requests: number
  errors: number
  seconds: number
  p50: number
  p99: number
  firstError?: string
  /** SQL statements this process sent during the phase. */
  statements: number
  /** CPU seconds of the PostgreSQL backends serving the bench database during the phase. */
  pgCpu: number
  /** Busy seconds of this process's event loop (the servers') during the phase. */
  loopBusy: number
  /** CPU seconds of this whole process (servers, load generator thread, GC and I/O threads). */
  processCpu: number
  /** CPU seconds of the main thread, where the servers run. */
  serverCpu: number
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

// Statements sent to PostgreSQL by this process (the server's and the baseline's), per load phase.
let statementsSent = 0
const clientQuery = pg.Client.prototype.query
pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
  statementsSent++
  return (clientQuery as unknown as (...x: unknown[]) => unknown).apply(this, a)
} as typeof clientQuery

let counter = 1
export const rate = (r: Result) => (r.requests - r.errors) / r.seconds
/**
 * A closed-loop load: `concurrency` clients each sending the next request when the previous one answered.
 * `dbName` is the bench database, whose PostgreSQL backends' CPU the result reports.
 */
export async function load(
  dbName: string,
  url: string,
  headers: Record<string, string>,
  body: string,
  seconds: number,
  concurrency: number,
): Promise<Result> {
  const sentBefore = statementsSent
  const cpuBefore = backendTicks(dbName)
  const elu = performance.eventLoopUtilization()
  const cpu = process.cpuUsage()
  const mainCpu = mainThreadCpuSeconds()
  const worker = new Worker(LOAD_WORKER, {
    eval: true,
    workerData: { url, headers, body, seconds, concurrency, offset: counter },
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
    statements: statementsSent - sentBefore,
    pgCpu: backendCpuBetween(cpuBefore, backendTicks(dbName)),
    loopBusy: performance.eventLoopUtilization(elu).active / 1000,
    processCpu: ((c) => (c.user + c.system) / 1e6)(process.cpuUsage(cpu)),
    serverCpu: mainThreadCpuSeconds() - mainCpu,
  }
}
