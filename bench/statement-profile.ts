/** Where a request spends its SQL time: every statement sent while a piece of code runs, counted and timed. */
import pg from 'pg'

/**
 * Runs `run` and counts and times every statement this process sends meanwhile, keyed by its first 90 characters
 * (whitespace collapsed). Every statement reaches the server through Client.query (Pool.query too, with a
 * callback), pg-boss's included.
 */
export async function profileStatements(run: () => Promise<void>): Promise<Map<string, { n: number; ms: number }>> {
  const counts = new Map<string, { n: number; ms: number }>()
  const orig = pg.Client.prototype.query
  const callQuery = orig as unknown as (this: unknown, ...a: unknown[]) => Promise<unknown> | undefined
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    const k = String(typeof a[0] === 'string' ? a[0] : (a[0] as { text?: string } | undefined)?.text)
      .replace(/\s+/g, ' ')
      .slice(0, 90)
    const s = performance.now()
    const done = () => {
      const c = counts.get(k) ?? { n: 0, ms: 0 }
      c.n++
      c.ms += performance.now() - s
      counts.set(k, c)
    }
    const cb = a.at(-1)
    if (typeof cb === 'function')
      a[a.length - 1] = (...r: unknown[]) => {
        done()
        return cb(...r)
      }
    const r = callQuery.apply(this, a)
    if (r?.then) r.then(done, done)
    return r
  } as typeof orig
  try {
    await run()
  } finally {
    pg.Client.prototype.query = orig
  }
  return counts
}
