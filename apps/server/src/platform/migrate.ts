import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')

/**
 * Applies forward-only SQL migrations (apps/server/migrations/NNNN_*.sql) in order, each in its own
 * transaction, under an advisory lock so two starting processes cannot race. Returns the names applied.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
  const client = await db.pool.connect()
  const applied: string[] = []
  try {
    await client.query('select pg_advisory_lock(727001)')
    await client.query(`create table if not exists core_migration (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`)
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from core_migration')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    )
    for (const file of files) {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8')
      const checksum = createHash('sha256').update(sql).digest('hex')
      const prior = done.get(file)
      if (prior) {
        if (prior !== checksum)
          throw new Error(`Migration ${file} was changed after it was applied; add a new one instead`)
        continue
      }
      await client.query('begin')
      try {
        await client.query(sql)
        await client.query('insert into core_migration (name, checksum) values ($1, $2)', [file, checksum])
        await client.query('commit')
      } catch (err) {
        await client.query('rollback')
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`)
      }
      applied.push(file)
    }
  } finally {
    await client.query('select pg_advisory_unlock(727001)').catch(() => {})
    client.release()
  }
  return applied
}
