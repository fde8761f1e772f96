/**
 * Benchmark (issue #10): how fast the public pages (12345 form and tracking, certificate check and keys, login,
 * registration) load on a phone, in Chromium with Lighthouse's mobile throttling: 1.6 Mbps down, 750 kbps up, 150 ms RTT, 4× CPU slowdown
 * (Chrome DevTools Protocol). Two builds are served by the real server on the same database in the same run:
 *   - baseline: the web app of BENCH_BASELINE_REF (default 4a1910b: one console bundle for every page), served
 *     uncompressed as it was;
 *   - now: apps/web/dist (the public pages' own bundle), with the precompressed brotli files.
 * Each page load starts from an empty cache. Printed per page: JS files, JS bytes raw and on the wire, the time to
 * the first contentful paint, to DOMContentLoaded, to the load event and until the page's content is shown (ready,
 * see PAGES), medians of BENCH_ROUNDS, and the ratios. The machine's load average is printed with the results (a
 * shared machine inflates every time).
 *
 *   npm run build -w apps/web && npm run bench:public-load
 *   BENCH_ROUNDS=5 BENCH_BASELINE_REF=<commit> BENCH_CPU=4 BENCH_PAGES=/12345,/verify npm run bench:public-load
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { buildApp } from '../apps/server/src/app.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import { seed } from '../apps/server/src/seed.ts'
import { buildTestPlatform } from '../packages/testkit/src/platform.ts'
import { spread } from './measure.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))
const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? '4a1910b'
const CPU = Number(process.env.BENCH_CPU ?? 4)
/** Lighthouse's mobile profile ("slow 4G", DevTools' "fast 3G" class): bytes per second and ms of latency. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: 750e3 / 8 }
const TARGET_KB = 300
const TARGET_MS = 3000
/**
 * Each public page with what "ready" waits for, the same element in both builds: the page heading, on /verify the
 * result (a NOT_FOUND banner here), on /certificates/keys the key list. `baseline: false`: the page did not exist.
 */
const ALL_PAGES = [
  { name: '12345 form', url: '/12345', ready: 'h1' },
  { name: '12345 track', url: '/12345/track', ready: 'h1' },
  { name: 'verify', url: '/verify/BENCH-0000', ready: '.ruyu-verify-banner h2' },
  { name: 'keys', url: '/certificates/keys', ready: '[data-testid="certificate-keys"], .ruyu-empty', baseline: false },
  { name: 'login', url: '/login', ready: 'h1, h2' },
  { name: 'register', url: '/register', ready: 'main h1, main h3' },
]
/** BENCH_PAGES=/12345,/verify: only the pages whose address starts with one of these. */
const PAGES = process.env.BENCH_PAGES
  ? ALL_PAGES.filter((p) => process.env.BENCH_PAGES?.split(',').some((prefix) => p.url.startsWith(prefix)))
  : ALL_PAGES

interface Load {
  files: number
  rawBytes: number
  wireBytes: number
  fcp: number
  dcl: number
  load: number
  ready: number
}

/** The baseline's web app, built once per ref into bench/.baseline/<ref>/ (inside the repo, for node_modules). */
function baselineDist(ref: string): string {
  const dir = path.join(ROOT, 'bench', '.baseline', ref.replace(/[^\w.-]/g, '_'))
  const dist = path.join(dir, 'apps/web/dist')
  if (fs.existsSync(path.join(dist, 'index.html'))) return dist
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  const tar = execFileSync('git', ['archive', '--format=tar', ref, 'apps/web', 'tsconfig.base.json'], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  console.log(`building the baseline web app of ${ref} …`)
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: path.join(dir, 'apps/web'),
    stdio: 'inherit',
  })
  return dist
}

async function loadOnce(browser: Browser, url: string, readySelector: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Network.emulateNetworkConditions', NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU })
  // Bytes on the wire per script response, from the network layer (compressed size plus headers).
  const wire = new Map<string, number>()
  const scripts = new Set<string>()
  cdp.on('Network.responseReceived', (e) => {
    if (e.response.url.endsWith('.js')) scripts.add(e.requestId)
  })
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId)) wire.set(e.requestId, e.encodedDataLength)
  })
  // Ready is taken in the page, on its own clock: the frame after the element first has a box (when it is painted).
  // Waiting for it from here would add Playwright's polling of a throttled page to every figure.
  await page.addInitScript(`(() => {
    const check = () => {
      const el = document.querySelector(${JSON.stringify(readySelector)})
      if (!el || !el.getClientRects().length) return
      observer.disconnect()
      requestAnimationFrame(() => { window.__ruyuReady = performance.now() })
    }
    const observer = new MutationObserver(check)
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  })()`)
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
  await page.locator(readySelector).first().waitFor({ state: 'visible', timeout: 120_000 })
  await page.waitForFunction('window.__ruyuReady !== undefined', undefined, { timeout: 120_000 })
  // Late lazy chunks (the page's own) may still be arriving after the load event: wait for the network to settle.
  await page.waitForLoadState('networkidle', { timeout: 120_000 })
  // A string, as this file is type-checked without the DOM library.
  const timing = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
    return {
      ready: window.__ruyuReady,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      files: js.length,
      rawBytes: js.reduce((s, r) => s + r.decodedBodySize, 0),
    }
  })()`)) as { ready: number; fcp: number; dcl: number; load: number; files: number; rawBytes: number }
  await context.close()
  return {
    files: timing.files,
    rawBytes: timing.rawBytes,
    wireBytes: [...wire.values()].reduce((s, n) => s + n, 0),
    fcp: timing.fcp,
    dcl: timing.dcl,
    load: timing.load,
    ready: timing.ready,
  }
}

function median(loads: Load[]): Load {
  const m = (f: (l: Load) => number) => spread(loads.map(f)).median
  return {
    files: m((l) => l.files),
    rawBytes: m((l) => l.rawBytes),
    wireBytes: m((l) => l.wireBytes),
    fcp: m((l) => l.fcp),
    dcl: m((l) => l.dcl),
    load: m((l) => l.load),
    ready: m((l) => l.ready),
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main() {
  const currentDist = path.join(ROOT, 'apps/web/dist')
  if (!fs.existsSync(path.join(currentDist, 'public.html'))) throw new Error('run `npm run build -w apps/web` first')
  const oldDist = baselineDist(BASELINE_REF)

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-bench-load-'))
  const pg = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
  const dbName = `ruyu_bench_load_${process.pid}`
  const url = await ensureDatabase(pg.url, dbName)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
  await seed(platform, services, { demo: true })
  const baseline = await buildApp(platform, services, { serveWeb: true, webRoot: oldDist, webPrecompressed: false })
  const now = await buildApp(platform, services, { serveWeb: true })
  const origin = async (app: typeof now) => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  }
  const baseUrl = await origin(baseline)
  const nowUrl = await origin(now)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync'],
  })

  console.log(
    `Load average (1, 5, 15 min) at the start: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  )
  console.log(
    `Public page loads, ${ROUNDS} round(s) each from an empty cache; ${NETWORK.latency} ms RTT, 1.6 Mbps down (×0.9 as Lighthouse), ${CPU}× CPU.`,
  )
  console.log(`baseline = ${BASELINE_REF} uncompressed (one bundle); now = this build, brotli, public bundle\n`)
  const rows: string[][] = [
    [
      'page',
      'build',
      'JS files',
      'JS raw',
      'JS on the wire',
      'first paint',
      'DOMContentLoaded',
      'load',
      'ready (content shown)',
    ],
  ]
  const summary: string[] = []
  let worstWire = 0
  let worstReady = 0
  for (const p of PAGES) {
    const before: Load[] = []
    const after: Load[] = []
    // Alternate the two builds so drift on a shared machine hits both alike.
    for (let i = 0; i < ROUNDS; i++) {
      if (p.baseline !== false) before.push(await loadOnce(browser, baseUrl + p.url, p.ready))
      after.push(await loadOnce(browser, nowUrl + p.url, p.ready))
    }
    const b = before.length ? median(before) : null
    const a = median(after)
    worstWire = Math.max(worstWire, a.wireBytes)
    worstReady = Math.max(worstReady, a.ready)
    for (const [label, l] of [
      ['baseline', b],
      ['now', a],
    ] as const)
      if (l)
        rows.push([
          p.name,
          label,
          String(l.files),
          kb(l.rawBytes),
          kb(l.wireBytes),
          s(l.fcp),
          s(l.dcl),
          s(l.load),
          s(l.ready),
        ])
    // The rounds' range of the current build's ready time: on a shared machine one slow round is common.
    const range = spread(after.map((l) => l.ready))
    const rounds = ROUNDS > 1 ? ` (rounds ${s(range.min)}–${s(range.max)})` : ''
    summary.push(
      b
        ? `${p.name}: JS on the wire ${kb(b.wireBytes)} → ${kb(a.wireBytes)} (×${(a.wireBytes / b.wireBytes).toFixed(2)}), raw ${kb(b.rawBytes)} → ${kb(a.rawBytes)}; ready ${s(b.ready)} → ${s(a.ready)}${rounds} (${(b.ready / a.ready).toFixed(2)}× faster)`
        : `${p.name}: JS on the wire ${kb(a.wireBytes)}, raw ${kb(a.rawBytes)}; ready ${s(a.ready)}${rounds} (not in the baseline)`,
    )
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '))
  console.log(`\n${summary.join('\n')}`)
  console.log(
    `\nTargets: JS on the wire < ${TARGET_KB} KB (worst page ${kb(worstWire)}: ${worstWire < TARGET_KB * 1024 ? 'met' : 'missed'}), ready < ${s(TARGET_MS)} (worst ${s(worstReady)}: ${worstReady < TARGET_MS ? 'met' : 'missed'})`,
  )

  console.log(
    `Load average (1, 5, 15 min) at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')} on ${os.cpus().length} CPUs`,
  )
  await browser.close()
  await baseline.close()
  await now.close()
  await platform.close()
  await pg.stop()
  fs.rmSync(tmp, { recursive: true, force: true })
}

await main()
