import pg from 'pg'

// Dates stay strings ('YYYY-MM-DD'): working-day arithmetic must not shift them through time zones.
pg.types.setTypeParser(1082, (v) => v)
// bigint counts fit in a JS number for our volumes.
pg.types.setTypeParser(20, (v) => Number(v))

export type Queryable = pg.Pool | pg.PoolClient
export type Tx = pg.PoolClient

export interface Db {
  pool: pg.Pool
  /**
   * Runs fn in one transaction; commits or rolls back; after-commit hooks run once it is durable. On a deadlock or
   * serialisation failure the whole of fn runs once more in a fresh transaction, so fn must not act outside it.
   */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  /** Transactions run a second time after a deadlock or serialisation failure (since start). */
  retries(): number
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>
  close(): Promise<void>
}

const afterCommitHooks = new WeakMap<pg.PoolClient, Array<() => void>>()

/** Runs fn once the given transaction has committed (never if it rolls back). */
export function afterCommit(tx: Tx, fn: () => void): void {
  const hooks = afterCommitHooks.get(tx) ?? []
  if (!hooks.includes(fn)) hooks.push(fn)
  afterCommitHooks.set(tx, hooks)
}

const beforeCommitHooks = new WeakMap<pg.PoolClient, Array<() => Promise<void>>>()
const managed = new WeakSet<pg.PoolClient>()

/**
 * Runs fn inside the transaction just before it commits (to write batched rows in one statement). Answers false,
 * and does nothing, when the client is not in a transaction opened by `db.tx`: the caller must write at once.
 */
export function beforeCommit(tx: Tx, fn: () => Promise<void>): boolean {
  if (!managed.has(tx)) return false
  const hooks = beforeCommitHooks.get(tx) ?? []
  if (!hooks.includes(fn)) hooks.push(fn)
  beforeCommitHooks.set(tx, hooks)
  return true
}

/**
 * Writes what the transaction has buffered for its commit now (before taking a lock held until commit, so the
 * batched statements do not run while others wait). Later buffering starts a new batch.
 */
export async function flushBeforeCommit(tx: Tx): Promise<void> {
  for (let hooks = beforeCommitHooks.get(tx); hooks?.length; hooks = beforeCommitHooks.get(tx)) {
    beforeCommitHooks.delete(tx)
    for (const h of hooks) await h()
  }
}

const lastHooks = new WeakMap<pg.PoolClient, () => Promise<void>>()

/**
 * Runs fn as the very last statement before commit, after every beforeCommit hook (the audit append: the audit-chain
 * head is the last lock a transaction takes, see docs/adr/0006-durable-commits-and-lock-order.md). One per
 * transaction. Answers false when the client is not in a transaction opened by `db.tx`.
 */
export function lastBeforeCommit(tx: Tx, fn: () => Promise<void>): boolean {
  if (!managed.has(tx)) return false
  lastHooks.set(tx, fn)
  return true
}

/** SQLSTATEs worth one more attempt of the whole transaction: deadlock_detected, serialization_failure. */
export const RETRYABLE = new Set(['40P01', '40001'])

const afterTxHooks = new WeakMap<pg.PoolClient, Array<() => void>>()

/** Runs fn when the given transaction ends, committed or rolled back (to forget per-transaction state). */
export function afterTx(tx: Tx, fn: () => void): void {
  const hooks = afterTxHooks.get(tx) ?? []
  if (!hooks.includes(fn)) hooks.push(fn)
  afterTxHooks.set(tx, hooks)
}

function runAfterTx(client: pg.PoolClient) {
  const hooks = afterTxHooks.get(client)
  afterTxHooks.delete(client)
  for (const h of hooks ?? []) h()
}

export function createDb(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 20, application_name: 'ruyu' })
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
  })
  let retries = 0
  async function once<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('begin')
      managed.add(client)
      const out = await fn(client)
      await flushBeforeCommit(client)
      const last = lastHooks.get(client)
      lastHooks.delete(client)
      if (last) await last()
      await client.query('commit')
      const hooks = afterCommitHooks.get(client)
      afterCommitHooks.delete(client)
      runAfterTx(client)
      for (const h of hooks ?? []) h()
      return out
    } catch (err) {
      afterCommitHooks.delete(client)
      beforeCommitHooks.delete(client)
      lastHooks.delete(client)
      await client.query('rollback').catch(() => {})
      runAfterTx(client)
      throw err
    } finally {
      managed.delete(client)
      client.release()
    }
  }
  return {
    pool,
    async tx(fn) {
      // A deadlock or serialisation failure rolls back the whole transaction: run it once more (then give up).
      for (let attempt = 1; ; attempt++) {
        try {
          return await once(fn)
        } catch (err) {
          if (attempt >= 2 || !RETRYABLE.has(pgErrorCode(err) ?? '')) throw err
          retries++
        }
      }
    },
    retries: () => retries,
    query(text, params) {
      return pool.query(text, params as unknown[])
    },
    close: () => pool.end(),
  }
}

/** Translates PostgreSQL constraint violations into a recognisable shape for AppError conflict mapping. */
export function pgErrorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined
}
