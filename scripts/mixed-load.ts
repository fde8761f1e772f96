/**
 * Mixed load (issue #9 §4): C clients for a bounded time, each taking an order through intake → dispatch →
 * acknowledge → note → reply on a real server (embedded PostgreSQL in a temp dir, loopback). Prints the HTTP 500s
 * and the deadlocks PostgreSQL detected meanwhile (pg_stat_database.deadlocks delta). Exit code 1 on any 500.
 *
 *   npm run mixed-load
 *   MIXED_CLIENTS=8 MIXED_SECONDS=90 npm run mixed-load
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort, type Headers, intakeBody, login, postmaster, startServer } from './lib/live-server.ts'

const CLIENTS = Number(process.env.MIXED_CLIENTS ?? 8)
const SECONDS = Number(process.env.MIXED_SECONDS ?? 90)

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-mixed-'))
  console.log(`data dir ${dataDir}; starting the server (first start seeds)…`)
  const server = await startServer(dataDir, await freePort())
  const { port } = postmaster(dataDir)
  const db = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'ruyu' })
  await db.connect()
  const category = (await db.query(`select id from hotline_category where code = '010101'`)).rows[0].id as string
  const unitId = (await db.query(`select id from core_org_unit where code = 'MP-T002'`)).rows[0].id as string
  const deadlocks = async () =>
    Number((await db.query(`select deadlocks from pg_stat_database where datname = 'ruyu'`)).rows[0].deadlocks)
  const deadlocksBefore = await deadlocks()

  const statuses = new Map<number, number>()
  const firstOf500: string[] = []
  let steps = 0
  const call = async (h: Headers, url: string, body: unknown) => {
    const r = await fetch(`${server.base}${url}`, { method: 'POST', headers: h, body: JSON.stringify(body) })
    const text = await r.text()
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
    if (r.status >= 500 && firstOf500.length < 5) firstOf500.push(`${url} ${r.status} ${text.slice(0, 200)}`)
    steps++
    return r.status < 300 ? JSON.parse(text || '{}') : undefined
  }
  const until = Date.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const operator = await login(server.base, 'operator')
      const wenhua = await login(server.base, 'wenhua')
      while (Date.now() < until) {
        const created = await call(operator, '/api/hotline/orders', intakeBody(category))
        const id = created?.order?.id as string | undefined
        if (!id) continue
        const act = (h: Headers, a: string, b: unknown) => call(h, `/api/hotline/orders/${id}/${a}`, b)
        await act(operator, 'dispatch', { unitId, note: '属地办理' })
        await act(wenhua, 'acknowledge', {})
        await act(wenhua, 'notes', { text: '街道网格员已到现场配合检查。' })
        await act(operator, 'notes', { text: '中心已跟进。' })
        await act(wenhua, 'reply', {
          text: '已协调热力公司对该楼栋管网进行排气和调压，室温已达到19度，已电话回复来电人。',
          contactMethod: 'phone',
          contactedAt: new Date().toISOString(),
        })
      }
    }),
  )
  const deadlocksSeen = (await deadlocks()) - deadlocksBefore
  await db.end()
  const fiveHundreds = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0)
  console.log(
    `${CLIENTS} clients, ${SECONDS} s: ${steps} requests (${(steps / SECONDS).toFixed(0)}/s); statuses ${[...statuses]
      .sort()
      .map(([s, c]) => `${s}×${c}`)
      .join(' ')}`,
  )
  console.log(`HTTP 500s: ${fiveHundreds}; deadlocks detected by PostgreSQL: ${deadlocksSeen}`)
  for (const l of firstOf500) console.log(`  ${l}`)
  server.child.kill('SIGTERM')
  await new Promise((r) => server.child.once('exit', r))
  const pointer = path.join(dataDir, 'pg-location.txt')
  if (fs.existsSync(pointer)) fs.rmSync(fs.readFileSync(pointer, 'utf8').trim(), { recursive: true, force: true })
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(fiveHundreds ? 1 : 0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
