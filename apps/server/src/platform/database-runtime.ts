import pg from 'pg'
import type { Config } from './config.ts'
import { startEmbeddedPg } from './embedded-pg.ts'

export interface DatabaseRuntime {
  url: string
  embedded: boolean
  stop(): Promise<void>
}

/** Creates a database on a server if it does not exist yet. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name])
    if (!exists.rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  return u.toString()
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL under the data dir, database `ruyu`. */
export async function startDatabase(
  config: Config,
  opts: { adopt?: boolean; log?: (line: string) => void } = {},
): Promise<DatabaseRuntime> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} }
  const pgServer = await startEmbeddedPg({ dataDir: config.dataDir, adopt: opts.adopt ?? true, log: opts.log })
  try {
    const url = await ensureDatabase(pgServer.url, 'ruyu')
    return { url, embedded: true, stop: () => pgServer.stop() }
  } catch (err) {
    await pgServer.stop()
    throw err
  }
}
