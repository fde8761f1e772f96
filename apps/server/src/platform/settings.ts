import type { Actor } from './audit.ts'
import { recordAudit } from './audit.ts'
import type { CacheBus } from './cache-bus.ts'
import type { Db, Queryable } from './db.ts'

/**
 * Locality configuration with code defaults: `get('rating.rectifyDays', 5)` returns the district's override from
 * core_setting when one is stored, otherwise the seed's default.
 */
export function createSettings(db: Db, caches: CacheBus) {
  // Read on hot paths (every hotline intake), written by administrators: cached, dropped by set() everywhere.
  const stored = caches.cache<{ found: boolean; value: unknown }>('settings')
  return {
    async get<T>(key: string, fallback: T, q: Queryable = db.pool): Promise<T> {
      const r = await stored.get(key, async () => {
        const row = await q.query('select value from core_setting where key = $1', [key])
        return row.rowCount ? { found: true, value: row.rows[0].value } : { found: false, value: null }
      })
      return r.found ? (structuredClone(r.value) as T) : fallback
    },
    async set(actor: Actor, key: string, value: unknown) {
      await db.tx(async (tx) => {
        await tx.query(
          `insert into core_setting (key, value, updated_by) values ($1, $2, $3)
           on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
          [key, JSON.stringify(value), actor.kind === 'user' ? actor.id : null],
        )
        await caches.invalidate(tx, 'settings')
        await recordAudit(tx, {
          actor,
          action: 'setting.set',
          resourceType: 'setting',
          resourceId: key,
          data: { value },
        })
      })
    },
  }
}

export type Settings = ReturnType<typeof createSettings>
