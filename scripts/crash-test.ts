/**
 * Crash test (issue #9 §1): N operator clients take in 12345 orders on a real server with embedded PostgreSQL; the
 * server and its PostgreSQL are killed with -9 (both process groups) mid-run; after a restart every acknowledged
 * order must be there with the number it was given, no number may be issued twice, and new numbers continue above
 * the highest acknowledged one. Loopback only; bounded in time and count. Exit code 1 on any loss.
 *
 *   npm run crash-test
 *   CRASH_CLIENTS=16 CRASH_SECONDS=8 CRASH_ROUNDS=2 npm run crash-test
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort, intakeBody, killGroup, login, postmaster, seqOf, startServer } from './lib/live-server.ts'

const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 16)
const SECONDS = Number(process.env.CRASH_SECONDS ?? 6)
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1)
const MAX_ORDERS = Number(process.env.CRASH_MAX_ORDERS ?? 20_000)

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-crash-'))
  const port = await freePort()
  console.log(`data dir ${dataDir}; starting the server (first start seeds)…`)
  let server = await startServer(dataDir, port)
  let failed = false
  const acked = new Map<string, string>() // id → number
  for (let round = 1; round <= ROUNDS; round++) {
    const operator = await login(server.base, 'operator')
    const pgInfo = postmaster(dataDir)
    const db = new pg.Client({ host: '127.0.0.1', port: pgInfo.port, user: 'postgres', database: 'ruyu' })
    await db.connect()
    const category = (await db.query(`select id from hotline_category where code = '010101'`)).rows[0].id as string
    await db.end()

    let sent = 0
    let refused = 0
    const before = acked.size
    const stopAt = Date.now() + SECONDS * 1000
    let killed = false
    const clients = Array.from({ length: CLIENTS }, async () => {
      while (!killed && sent < MAX_ORDERS) {
        sent++
        try {
          const r = await fetch(`${server.base}/api/hotline/orders`, {
            method: 'POST',
            headers: operator,
            body: JSON.stringify(intakeBody(category)),
          })
          if (r.status === 201) {
            const { order } = (await r.json()) as { order: { id: string; number: string } }
            acked.set(order.id, order.number) // acknowledged: the client holds this receipt
          } else refused++
        } catch {
          // the connection died with the server: not acknowledged
        }
      }
    })
    while (Date.now() < stopAt && sent < MAX_ORDERS) await new Promise((r) => setTimeout(r, 50))
    // Mid-run, requests in flight: the server's group and PostgreSQL's own group, both with -9.
    killGroup(server.child.pid!)
    killGroup(pgInfo.pid)
    killed = true
    await Promise.all(clients)
    console.log(
      `round ${round}: ${CLIENTS} clients, killed after ${SECONDS} s; ${acked.size - before} orders acknowledged (${refused} refused)`,
    )
    await new Promise((r) => setTimeout(r, 500))
    server = await startServer(dataDir, port)
    const adopted = server.log.some((l) => l.includes('already running'))
    if (adopted) console.log('  the restart adopted a running PostgreSQL (it was logged)')
  }

  // Every acknowledged order is there with its number; no number twice; the counter continues above them all.
  const pgInfo = postmaster(dataDir)
  const db = new pg.Client({ host: '127.0.0.1', port: pgInfo.port, user: 'postgres', database: 'ruyu' })
  await db.connect()
  const ids = [...acked.keys()]
  const found = new Map<string, string>(
    (await db.query('select id::text, number from hotline_order where id = any($1::uuid[])', [ids])).rows.map((r) => [
      r.id,
      r.number,
    ]),
  )
  const lost = ids.filter((id) => !found.has(id))
  const renumbered = ids.filter((id) => found.has(id) && found.get(id) !== acked.get(id))
  const dupes = (
    await db.query(`select number, count(*)::int n from hotline_order group by number having count(*) > 1 limit 10`)
  ).rows
  const operator = await login(server.base, 'operator')
  const category = (await db.query(`select id from hotline_category where code = '010101'`)).rows[0].id as string
  const highest = Math.max(0, ...[...acked.values()].map(seqOf))
  const after: string[] = []
  for (let i = 0; i < 5; i++) {
    const r = await fetch(`${server.base}/api/hotline/orders`, {
      method: 'POST',
      headers: operator,
      body: JSON.stringify(intakeBody(category)),
    })
    if (r.status !== 201) throw new Error(`intake after restart: ${r.status} ${await r.text()}`)
    after.push(((await r.json()) as { order: { number: string } }).order.number)
  }
  const reused = after.filter((n) => seqOf(n) <= highest || [...acked.values()].includes(n))
  await db.end()

  console.log(`acknowledged ${acked.size}, lost ${lost.length}, renumbered ${renumbered.length}`)
  console.log(
    `numbers issued twice: ${dupes.length}${dupes.length ? ` (${dupes.map((d) => d.number).join(', ')})` : ''}`,
  )
  console.log(
    `highest acknowledged number …${highest}; next after restart: ${after.join(', ')}; reused ${reused.length}`,
  )
  if (lost.length || renumbered.length || dupes.length || reused.length || acked.size === 0) failed = true

  server.child.kill('SIGTERM')
  await new Promise((r) => server.child.once('exit', r))
  const pointer = path.join(dataDir, 'pg-location.txt') // as root the cluster lives outside the data dir
  if (fs.existsSync(pointer)) fs.rmSync(fs.readFileSync(pointer, 'utf8').trim(), { recursive: true, force: true })
  fs.rmSync(dataDir, { recursive: true, force: true })
  console.log(failed ? 'CRASH TEST FAILED' : 'crash test passed: every acknowledged order survived')
  process.exit(failed ? 1 : 0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
