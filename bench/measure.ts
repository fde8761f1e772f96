import fs from 'node:fs'

/** CPU ticks used so far by each PostgreSQL backend serving one database (Linux /proc; empty elsewhere). */
export function backendTicks(dbName: string): Map<string, number> {
  const out = new Map<string, number>()
  try {
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dbName)) continue
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        out.set(pid, Number(f[11]) + Number(f[12])) // utime + stime
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out
}

/**
 * CPU seconds the backends of a database used between two snapshots. Backends that ended in between are left
 * out (a pool closing idle connections must not make the figure negative).
 */
export function backendCpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let ticks = 0
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0)
  return ticks / 100
}

/** CPU seconds used so far by the PostgreSQL backends serving one database (Linux /proc; 0 elsewhere). */
export function backendCpuSeconds(dbName: string): number {
  return backendCpuBetween(new Map(), backendTicks(dbName))
}

/** CPU seconds used so far by this process's main thread (Linux /proc; 0 elsewhere). */
export function mainThreadCpuSeconds(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(f[11]) + Number(f[12])) / 100
  } catch {
    return 0
  }
}

/** Median (the mean of the middle two for an even count), min and max: what a bench prints for its rounds. */
export function spread(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
  return { median, min: s[0]!, max: s[s.length - 1]! }
}
