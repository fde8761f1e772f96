/**
 * A real Ruyu server for the crash and load scripts: `npm start`'s entry (apps/server/src/server.ts) in its own
 * process group, embedded PostgreSQL in a given data dir, on a loopback port; demo accounts; helpers to log in.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

export interface LiveServer {
  base: string
  child: ChildProcess
  log: string[]
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address()
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0))
    })
  })
}

/** Starts the server and resolves once /healthz answers (the first start seeds, which takes a while). */
export async function startServer(dataDir: string, port: number, timeoutMs = 600_000): Promise<LiveServer> {
  const log: string[] = []
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/server/src/server.ts')], {
    cwd: root,
    env: { ...process.env, RUYU_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', RUYU_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: `kill -9 -pgid` takes the whole server down at once
  })
  for (const s of [child.stdout!, child.stderr!])
    s.on('data', (d) => log.push(...String(d).split('\n').filter(Boolean)))
  const base = `http://127.0.0.1:${port}`
  const until = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log.slice(-30).join('\n')}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child, log }
    } catch {}
    if (Date.now() > until) throw new Error('server did not come up in time')
    await new Promise((r) => setTimeout(r, 500))
  }
}

/** Pid and port of the embedded PostgreSQL serving a data dir (its postmaster.pid; the cluster may sit elsewhere as root). */
export function postmaster(dataDir: string): { pid: number; port: number } {
  const pointer = path.join(dataDir, 'pg-location.txt')
  const cluster = fs.existsSync(pointer) ? fs.readFileSync(pointer, 'utf8').trim() : path.join(dataDir, 'pg')
  const lines = fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')
  return { pid: Number(lines[0]), port: Number(lines[3]) }
}

export function killGroup(pid: number) {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {}
}

export type Headers = Record<string, string>

export async function login(base: string, username: string, password = 'Ruyu@2026'): Promise<Headers> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`)
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await r.json()) as { csrfToken: string }
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
}

let serial = 0
/** An operator intake body, distinct per call (phone and address), as in the route tests. */
export function intakeBody(categoryId: string): Record<string, unknown> {
  const n = String(++serial + Math.floor(Math.random() * 1e4) * 1e4).padStart(8, '0')
  return {
    callerName: '李秀兰',
    callerPhone: `139${n.slice(-8)}`,
    requestType: 'help',
    urgency: 'normal',
    categoryId,
    divisionCode: '370612002',
    address: `牟平区文化街道正阳路${n}号`,
    description: '家里暖气不热，室温只有15度，物业说是热力公司的问题，请帮忙协调。',
  }
}

/** Trailing counter digits of a document number (牟热〔2026〕004078 → 4078). */
export const seqOf = (number: string) => Number(/(\d+)\D*$/.exec(number)?.[1] ?? Number.NaN)
