// Ad-hoc: where does a case submission spend its time? (not part of the suite)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../apps/server/src/app.ts'
import { application } from '../apps/server/src/modules/approval/test/factories.ts'
import { ensureDatabase } from '../apps/server/src/platform/database-runtime.ts'
import { startEmbeddedPg } from '../apps/server/src/platform/embedded-pg.ts'
import { migrate } from '../apps/server/src/platform/migrate.ts'
import { seed } from '../apps/server/src/seed.ts'
import { buildTestPlatform } from '../packages/testkit/src/platform.ts'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-prof-'))
const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
const url = await ensureDatabase(server.url, 'prof')
const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate, env: { RUYU_DATA_DIR: tmp } })
await seed(platform, services, { demo: true })
const app = await buildApp(platform, services, { logger: false })
const pg = platform.db.pool as any
let n = 0
let qt = 0
const counts = new Map<string, number>()
const times = new Map<string, number>()
// pool.query goes through Client#query, so patching the client alone counts each query once.
for (const target of [Object.getPrototypeOf(await pg.connect().then((c: any) => (c.release(), c)))]) {
  const orig = target.query
  target.query = function (...a: any[]) {
    n++
    const k = String(typeof a[0] === 'string' ? a[0] : a[0]?.text)
      .replace(/\s+/g, ' ')
      .slice(0, 70)
    counts.set(k, (counts.get(k) ?? 0) + 1)
    const s = performance.now()
    const r = orig.apply(this, a)
    if (r?.then)
      r.then(
        () => {
          const d = performance.now() - s
          qt += d
          times.set(k, (times.get(k) ?? 0) + d)
        },
        () => {},
      )
    return r
  }
}
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'enterprise', password: 'Ruyu@2026' },
})
const cookie = String(login.headers['set-cookie']).split(';')[0]!
const csrf = login.json().csrfToken
const client: any = {
  post: (u: string, b: unknown) =>
    app.inject({ method: 'POST', url: u, payload: b as any, headers: { cookie, 'x-csrf-token': csrf } }),
  request: (o: any) => app.inject({ ...o, headers: { ...o.headers, cookie, 'x-csrf-token': csrf } }),
}
const body = await application(client, { form: { landGrantWithScheme: false, projectType: 'commercial' } })
for (let i = 0; i < 3; i++) await client.post('/api/approval/cases', body)
n = 0
qt = 0
counts.clear()
times.clear()
const t0 = performance.now()
const N = Number(process.env.PROFILE_N ?? 20)
const order: string[] = []
for (let i = 0; i < N; i++) {
  const r = await client.post('/api/approval/cases', body)
  if (r.statusCode !== 201) throw new Error(r.body)
}
const took = performance.now() - t0
console.log(
  `per case: ${(took / N).toFixed(1)} ms, ${(n / N).toFixed(0)} queries, ${(qt / N).toFixed(1)} ms in queries (await time)`,
)
console.log(
  [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, v]) => `${(v / N).toFixed(1).padStart(6)} ms ${k}`)
    .join('\n'),
)
await app.close()
await platform.close()
await server.stop()
console.log('--- counts')
console.log(
  [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${(v / N).toFixed(1).padStart(5)}x ${(times.get(k)! / v).toFixed(2)}ms ${k}`)
    .join('\n'),
)
process.exit(0)
