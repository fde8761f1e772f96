import { type Actor, recordAudit } from '../audit.ts'
import type { CacheBus } from '../cache-bus.ts'
import type { Config } from '../config.ts'
import type { Queryable, Tx } from '../db.ts'
import { checkPasswordStrength, hashPassword } from './passwords.ts'

export interface LockLimits {
  /** Failures per (account, client address) per window: LOGIN_MAX_FAILURES. */
  maxFailures: number
  /** Failures per account from all addresses per window: LOGIN_ACCOUNT_MAX_FAILURES. */
  accountMaxFailures: number
}

export const lockLimitsOf = (config: Config): LockLimits => ({
  maxFailures: config.loginMaxFailures,
  accountMaxFailures: config.loginAccountMaxFailures,
})

/**
 * The accounts (by username) that the login throttle (core_login_throttle) refuses right now, from some client
 * address or from all of them, with the time the last of their locks ends. An attempt is counted before it is
 * checked, so a counter that has reached the limit refuses the next attempt.
 */
export async function lockedAccounts(
  q: Queryable,
  usernames: string[],
  limits: LockLimits,
): Promise<Map<string, Date>> {
  if (!usernames.length) return new Map()
  const { rows } = await q.query<{ username: string; until: Date }>(
    `select u.username, max(t.window_end) as until
     from unnest($1::text[]) as u(username)
     join core_login_throttle t
       on (t.key = 'acct:' || u.username and t.attempts >= $3)
       or (starts_with(t.key, 'acct-ip:' || u.username || '|') and t.attempts >= $2)
     where t.window_end > now()
     group by u.username`,
    [usernames, limits.maxFailures, limits.accountMaxFailures],
  )
  return new Map(rows.map((r) => [r.username, r.until]))
}

/** Ends every login lock of an account (all addresses); answers how many counters were cleared. */
export async function unlockAccount(tx: Tx, actor: Actor, user: { id: string; username: string }): Promise<number> {
  const { rowCount } = await tx.query(
    // Usernames hold no '|', so the prefix names this account's (account, address) counters only.
    `delete from core_login_throttle where key = $1 or starts_with(key, $2)`,
    [`acct:${user.username}`, `acct-ip:${user.username}|`],
  )
  await recordAudit(tx, {
    actor,
    action: 'auth.unlock',
    resourceType: 'user',
    resourceId: user.id,
    data: { username: user.username, cleared: rowCount ?? 0 },
  })
  return rowCount ?? 0
}

/**
 * Sets a new password chosen by an administrator (the owner forgot theirs). The owner's sessions end, and the next
 * login may do nothing but change it (password_reset_required), so the administrator never knows the password in use.
 */
export async function resetPassword(
  tx: Tx,
  caches: CacheBus,
  config: Config,
  actor: Actor,
  user: { id: string; username: string },
  newPassword: string,
): Promise<void> {
  checkPasswordStrength(newPassword, user.username, { minLength: config.passwordMinLength })
  const hash = await hashPassword(newPassword)
  await tx.query(
    `update core_user set password_hash = $2, password_reset_required = true, updated_at = now() where id = $1`,
    [user.id, hash],
  )
  await tx.query('delete from core_session where user_id = $1', [user.id])
  await caches.invalidate(tx, 'auth.session')
  await recordAudit(tx, {
    actor,
    action: 'auth.password_reset',
    resourceType: 'user',
    resourceId: user.id,
    data: { username: user.username },
  })
}
