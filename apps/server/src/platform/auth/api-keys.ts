import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { HUMAN_ONLY_CAPABILITIES } from '@ruyu/contracts/access'
import { type Actor, recordAudit } from '../audit.ts'
import type { CacheBus } from '../cache-bus.ts'
import type { Db, Tx } from '../db.ts'
import { validationFailed } from '../errors.ts'
import { apiKeyInvalid, capabilityNotGrantable } from './errors.ts'
import type { Principal } from './service.ts'

interface ApiKeyRow {
  id: string
  name: string
  key_hash: string
  capabilities: string[]
  scope_division_code: string
  expires_at: Date | string | null
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const HUMAN_ONLY = new Set<string>(HUMAN_ONLY_CAPABILITIES)

/** Integration keys: `ruyu_<prefix>_<secret>`, stored as a SHA-256 hash; they may expire and never administer. */
export function createApiKeys(db: Db, caches: CacheBus) {
  // Integration keys are checked on every upstream call; they change only by create and revoke below.
  const apiKeys = caches.cache<ApiKeyRow | null>('auth.api_key')
  const keyUsedAt = new Map<string, number>()

  return {
    /** Resolves a key; throws AUTH_API_KEY_INVALID when wrong, revoked or expired. */
    async fromApiKey(key: string): Promise<Principal> {
      const m = /^ruyu_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,})$/.exec(key)
      if (!m) throw apiKeyInvalid()
      const r = await apiKeys.get(m[1]!, async () => {
        const { rows } = await db.query(
          `select id, name, key_hash, capabilities, scope_division_code, expires_at
           from core_api_key where prefix = $1 and revoked_at is null`,
          [m[1]],
        )
        return (rows[0] as ApiKeyRow | undefined) ?? null
      })
      const given = Buffer.from(sha256(m[2]!))
      if (!r || !timingSafeEqual(given, Buffer.from(r.key_hash))) throw apiKeyInvalid()
      // Expiry is checked on every use: the cached row may outlive it.
      if (r.expires_at && new Date(r.expires_at).getTime() <= Date.now()) throw apiKeyInvalid()
      // Last use, written at most once a minute per key (as a session's last_seen_at).
      if (Date.now() - (keyUsedAt.get(r.id) ?? 0) > 60_000) {
        keyUsedAt.set(r.id, Date.now())
        await db.query('update core_api_key set last_used_at = now() where id = $1', [r.id])
      }
      return {
        userId: null,
        username: `apikey:${r.name}`,
        displayName: r.name,
        kind: 'integration',
        roles: [],
        // A key created before human-only capabilities were refused keeps its row, not their power.
        capabilities: new Set(r.capabilities.filter((c) => !HUMAN_ONLY.has(c))),
        posts: [],
        scopes: [r.scope_division_code],
        enterpriseUscc: null,
        via: 'api_key',
        apiKeyId: r.id,
      }
    },

    async createApiKey(
      tx: Tx,
      actor: Actor,
      input: { name: string; capabilities: string[]; scopeDivisionCode: string; expiresAt?: string },
    ): Promise<{ id: string; key: string; prefix: string }> {
      const human = input.capabilities.find((c) => HUMAN_ONLY.has(c))
      if (human) throw capabilityNotGrantable({ capability: human }, { capability: human })
      if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now())
        throw validationFailed(undefined, { issues: [{ path: ['expiresAt'], message: '过期时间须晚于当前时间' }] })
      const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)
      // Hex, so the key has no '_' or '-' beyond its separators: one double-click selects it whole.
      const secret = randomBytes(32).toString('hex')
      const { rows } = await tx.query(
        `insert into core_api_key (name, prefix, key_hash, capabilities, scope_division_code, created_by, expires_at)
         values ($1,$2,$3,$4,$5,$6,$7) returning id`,
        [
          input.name,
          prefix,
          sha256(secret),
          input.capabilities,
          input.scopeDivisionCode,
          actor.kind === 'user' ? actor.id : null,
          input.expiresAt ?? null,
        ],
      )
      await caches.invalidate(tx, 'auth.api_key')
      await recordAudit(tx, {
        actor,
        action: 'apikey.create',
        resourceType: 'api_key',
        resourceId: rows[0].id,
        divisionCode: input.scopeDivisionCode,
        data: { name: input.name, capabilities: input.capabilities, prefix, expiresAt: input.expiresAt ?? null },
      })
      return { id: rows[0].id, key: `ruyu_${prefix}_${secret}`, prefix }
    },

    async revokeApiKey(tx: Tx, actor: Actor, id: string): Promise<boolean> {
      const r = await tx.query('update core_api_key set revoked_at = now() where id = $1 and revoked_at is null', [id])
      await caches.invalidate(tx, 'auth.api_key')
      if (r.rowCount) await recordAudit(tx, { actor, action: 'apikey.revoke', resourceType: 'api_key', resourceId: id })
      return (r.rowCount ?? 0) > 0
    },
  }
}
