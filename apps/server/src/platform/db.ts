import pg from 'pg'

// Dates stay strings ('YYYY-MM-DD'): working-day arithmetic must not shift them through time zones.
pg.types.setTypeParser(1082, (v) => v)
// bigint counts fit in a JS number for our volumes.
pg.types.setTypeParser(20, (v) => Number(v))

export type Queryable = pg.Pool | pg.PoolClient
export type Tx = pg.PoolClient

export interface Db {
  pool: pg.Pool
  /** Runs fn in one transaction; commits or rolls back; after-commit hooks run once it is durable. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>
  /** Registers a callback to run after any transaction commits (the outbox dispatcher uses it). */
  onCommit(fn: () => void): void
  close(): Promise<void>
}

export function createDb(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 20, application_name: 'ruyu' })
  pool.on('error', () => {
    // An idle client lost its connection (e.g. the server restarted); the pool replaces it.
  })
  const commitHooks: Array<() => void> = []
  return {
    pool,
    async tx(fn) {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const out = await fn(client)
        await client.query('commit')
        for (const h of commitHooks) h()
        return out
      } catch (err) {
        await client.query('rollback').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    query(text, params) {
      return pool.query(text, params as unknown[])
    },
    onCommit(fn) {
      commitHooks.push(fn)
    },
    close: () => pool.end(),
  }
}

/** Translates PostgreSQL constraint violations into a recognisable shape for AppError conflict mapping. */
export function pgErrorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined
}
