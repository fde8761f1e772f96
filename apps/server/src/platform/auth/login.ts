import { createHash, randomBytes } from 'node:crypto'
import { recordAudit } from '../audit.ts'
import type { CacheBus } from '../cache-bus.ts'
import type { Config } from '../config.ts'
import type { Db, Queryable } from '../db.ts'
import { rateLimited } from '../errors.ts'
import { DEMO_ACCOUNTS } from '../seed-accounts.ts'
import { accountDisabled, currentPasswordWrong, invalidCredentials, passwordReused } from './errors.ts'
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

interface Slot {
  key: string
  windowSeconds: number
}

/**
 * Reserves one attempt on each key in one atomic upsert and returns the attempt numbers. Every node shares the
 * counters, and an attempt is counted before any password is verified, so parallel requests cannot overtake the
 * limit. Keys are taken in sorted order (one lock order between concurrent logins).
 */
export async function reserveAttempts(q: Queryable, slots: Slot[]): Promise<Map<string, number>> {
  const sorted = [...slots].sort((a, b) => (a.key < b.key ? -1 : 1))
  const { rows } = await q.query(
    `insert into core_login_throttle as t (key, attempts, window_end)
     select k, 1, now() + make_interval(secs => w) from unnest($1::text[], $2::float8[]) as u(k, w)
     on conflict (key) do update set
       attempts = case when t.window_end <= now() then 1 else t.attempts + 1 end,
       window_end = case when t.window_end <= now() then excluded.window_end else t.window_end end
     returning key, attempts`,
    [sorted.map((s) => s.key), sorted.map((s) => s.windowSeconds)],
  )
  return new Map(rows.map((r) => [r.key as string, r.attempts as number]))
}

export interface LoginMeta {
  ip?: string
  userAgent?: string
  requestId?: string
}

/**
 * Login and password change. Lock-out design (documented in docs/security.md):
 * - per (account, client address): LOGIN_MAX_FAILURES attempts per LOGIN_LOCK_MINUTES;
 * - per account from all addresses: LOGIN_ACCOUNT_MAX_FAILURES per window (slower, so a handful of requests from
 *   anyone cannot lock the owner out, while distributed guessing stays bounded);
 * - per client address: LOGIN_RATE_PER_MINUTE attempts (429).
 * Unknown, throttled and wrong all answer the same AUTH_INVALID_CREDENTIALS after one argon2 verify.
 */
export function createLogin(db: Db, config: Config, caches: CacheBus) {
  const lockSeconds = config.loginLockMinutes * 60
  const demoUsers = new Set(DEMO_ACCOUNTS.map((a) => a.username))
  let sweptAt = 0

  async function sweep() {
    // Expired counters are dead weight (unknown usernames create them too); drop them now and then.
    if (Date.now() - sweptAt < 600_000) return
    sweptAt = Date.now()
    await db.query(`delete from core_login_throttle where window_end < now() - interval '1 hour'`)
  }

  return {
    async login(username: string, password: string, meta: LoginMeta) {
      const ip = meta.ip ?? 'unknown'
      const pairKey = `acct-ip:${username}|${ip}`
      const acctKey = `acct:${username}`
      const ipKey = `ip:${ip}`
      const n = await reserveAttempts(db.pool, [
        { key: ipKey, windowSeconds: 60 },
        { key: pairKey, windowSeconds: lockSeconds },
        { key: acctKey, windowSeconds: lockSeconds },
      ])
      if (n.get(ipKey)! > config.loginRatePerMinute) throw rateLimited()
      const throttled = n.get(pairKey)! > config.loginMaxFailures || n.get(acctKey)! > config.loginAccountMaxFailures
      const u = (
        await db.query(
          `select id, username, display_name, kind, password_hash, status, enterprise_uscc, password_reset_required,
             ($2 > 0 and password_changed_at < now() - make_interval(days => $2)) as expired
           from core_user where username = $1`,
          [username, config.passwordMaxAgeDays],
        )
      ).rows[0]
      // A throttled or unknown account costs the same verify as a real one and answers the same.
      const ok = await verifyPassword(u && !throttled ? u.password_hash : null, password)
      if (!ok || !u) {
        if (u)
          await db.tx((tx) =>
            recordAudit(tx, {
              actor: { kind: 'anonymous', id: null, username },
              action: 'auth.login_failed',
              resourceType: 'user',
              resourceId: u.id,
              requestId: meta.requestId,
              data: { ip: meta.ip, checked: !throttled, throttled, attempt: n.get(pairKey) },
            }),
          )
        void sweep().catch(() => {})
        throw invalidCredentials()
      }
      if (u.status !== 'active') throw accountDisabled()
      // Demo accounts keep their published password in demo mode; a password an administrator set is always changed.
      const mustChange = (!!u.expired && !(config.demo && demoUsers.has(u.username))) || !!u.password_reset_required
      const token = randomBytes(32).toString('base64url')
      const csrf = randomBytes(24).toString('base64url')
      await db.tx(async (tx) => {
        await tx.query(
          `insert into core_session (id, user_id, csrf_token, ip, user_agent, expires_at, must_change_password)
           values ($1, $2, $3, $4, $5, now() + make_interval(hours => $6), $7)`,
          [
            sha256(token),
            u.id,
            csrf,
            meta.ip ?? null,
            meta.userAgent?.slice(0, 300) ?? null,
            config.sessionTtlHours,
            mustChange,
          ],
        )
        // This client starts afresh; the account-wide counter gives back the successful attempt.
        await tx.query('delete from core_login_throttle where key = $1', [pairKey])
        await tx.query('update core_login_throttle set attempts = greatest(attempts - 1, 0) where key = $1', [acctKey])
        await tx.query(
          'update core_user set failed_logins = 0, locked_until = null, last_login_at = now() where id = $1',
          [u.id],
        )
        await recordAudit(tx, {
          actor: { kind: 'user', id: u.id, username: u.username },
          action: 'auth.login',
          resourceType: 'user',
          resourceId: u.id,
          requestId: meta.requestId,
          data: { ip: meta.ip, mustChangePassword: mustChange },
        })
      })
      return { token, csrf, user: u as Record<string, any>, mustChange }
    },

    /**
     * Changes the caller's password: checks the current one (throttled like a login), the rule and the history; ends
     * the account's other sessions and clears this session's must-change flag.
     */
    async changePassword(
      who: { userId: string; sessionId?: string },
      currentPassword: string,
      newPassword: string,
      meta: LoginMeta,
    ) {
      const key = `pwchange:${who.userId}`
      const n = await reserveAttempts(db.pool, [{ key, windowSeconds: lockSeconds }])
      if (n.get(key)! > config.loginMaxFailures) throw rateLimited()
      const u = (await db.query('select id, username, password_hash from core_user where id = $1', [who.userId]))
        .rows[0]
      if (!(await verifyPassword(u?.password_hash ?? null, currentPassword)) || !u) throw currentPasswordWrong()
      checkPasswordStrength(newPassword, u.username, { minLength: config.passwordMinLength })
      if (config.passwordHistory > 0) {
        const { rows } = await db.query(
          'select password_hash from core_password_history where user_id = $1 order by created_at desc, id desc limit $2',
          [u.id, Math.max(config.passwordHistory - 1, 0)],
        )
        for (const h of [u.password_hash, ...rows.map((r) => r.password_hash)])
          if (await verifyPassword(h, newPassword)) throw passwordReused({ count: config.passwordHistory })
      }
      const hash = await hashPassword(newPassword)
      await db.tx(async (tx) => {
        await tx.query('insert into core_password_history (user_id, password_hash) values ($1, $2)', [
          u.id,
          u.password_hash,
        ])
        await tx.query(
          `delete from core_password_history where user_id = $1 and id not in (
             select id from core_password_history where user_id = $1 order by created_at desc, id desc limit $2)`,
          [u.id, Math.max(config.passwordHistory, 1)],
        )
        await tx.query(
          `update core_user set password_hash = $2, password_changed_at = now(), password_reset_required = false,
             updated_at = now() where id = $1`,
          [u.id, hash],
        )
        await tx.query('delete from core_session where user_id = $1 and id is distinct from $2', [
          u.id,
          who.sessionId ?? null,
        ])
        await tx.query('update core_session set must_change_password = false where id = $1', [who.sessionId ?? null])
        await tx.query('delete from core_login_throttle where key = $1', [key])
        await caches.invalidate(tx, 'auth.session')
        await recordAudit(tx, {
          actor: { kind: 'user', id: u.id, username: u.username },
          action: 'auth.password_change',
          resourceType: 'user',
          resourceId: u.id,
          requestId: meta.requestId,
          data: { ip: meta.ip },
        })
      })
    },
  }
}
