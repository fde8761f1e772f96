import { createHash } from 'node:crypto'
import { capabilitiesOf, ROLES } from '@ruyu/contracts/access'
import { isValidUscc } from '@ruyu/contracts/identifiers'
import { type Actor, recordAudit } from '../audit.ts'
import type { CacheBus } from '../cache-bus.ts'
import { coalesce } from '../coalesce.ts'
import type { Config } from '../config.ts'
import { type Db, pgErrorCode, type Queryable, type Tx } from '../db.ts'
import { validationFailed } from '../errors.ts'
import { createApiKeys } from './api-keys.ts'
import { invalidRole, usernameTaken } from './errors.ts'
import { createLogin, type LoginMeta } from './login.ts'
import { checkPasswordStrength, hashPassword } from './passwords.ts'

export { hashPassword } from './passwords.ts'

export interface Post {
  id: string
  role: string
  scopeDivisionCode: string
  scopeDivisionName: string | null
  departmentId: string | null
  departmentName: string | null
}

/** Who is calling, with what capabilities, over which data (division prefixes). */
export interface Principal {
  userId: string | null
  username: string
  displayName: string
  kind: 'staff' | 'enterprise' | 'citizen' | 'integration'
  roles: string[]
  capabilities: Set<string>
  posts: Post[]
  /** Division-code prefixes the caller may see; [] for enterprise and citizen accounts (they see their own). */
  scopes: string[]
  enterpriseUscc: string | null
  via: 'session' | 'api_key'
  sessionId?: string
  csrfToken?: string
  apiKeyId?: string
  /** The password has expired: this session may only change it. */
  mustChangePassword?: boolean
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export function principalActor(p: Principal | null): Actor {
  if (!p) return { kind: 'anonymous', id: null }
  if (p.via === 'api_key') return { kind: 'api_key', id: p.apiKeyId ?? null, username: p.username }
  return { kind: 'user', id: p.userId, accountKind: p.kind, username: p.username }
}

// A user's posts with their division and department names; $1 (or the outer query's user) is the user id.
const POSTS_SQL = (userId: string) =>
  `select p.id, p.role, p.scope_division_code, d.name as division_name, p.department_id, o.name as department_name
   from core_post p
   left join lateral (select name from core_division where code = p.scope_division_code
                      order by data_year desc limit 1) d on true
   left join core_org_unit o on o.id = p.department_id
   where p.user_id = ${userId} order by p.created_at, p.id`

async function loadPosts(q: Queryable, userId: string): Promise<Post[]> {
  const { rows } = await q.query(POSTS_SQL('$1'), [userId])
  return postsOf(rows)
}

function postsOf(rows: Record<string, any>[]): Post[] {
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    scopeDivisionCode: r.scope_division_code,
    scopeDivisionName: r.division_name ?? null,
    departmentId: r.department_id,
    departmentName: r.department_name ?? null,
  }))
}

function toPrincipal(u: Record<string, any>, posts: Post[], via: Principal['via']): Principal {
  const roles = [...new Set(posts.map((p) => p.role))]
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind,
    roles,
    capabilities: new Set(capabilitiesOf(roles)),
    posts,
    scopes: u.kind === 'staff' ? [...new Set(posts.map((p) => p.scopeDivisionCode))] : [],
    enterpriseUscc: u.enterprise_uscc ?? null,
    via,
  }
}

export interface CreateUserInput {
  username: string
  displayName: string
  kind: 'staff' | 'enterprise' | 'citizen'
  password: string
  mobile?: string | null
  email?: string | null
  enterpriseUscc?: string | null
  posts: { role: string; scopeDivisionCode: string; departmentId?: string | null }[]
}

export function createAuth(db: Db, config: Config, caches: CacheBus) {
  const keys = createApiKeys(db, caches)
  const logins = createLogin(db, config, caches)
  // Session, user and posts in one round trip, shared by the requests arriving together: this runs on every
  // authenticated request.
  const sessionRow = coalesce<string, Record<string, any> | undefined>(async (ids) => {
    const { rows } = await db.pool.query({
      name: 'core_session_principals',
      text: `select s.id as session_id, s.csrf_token, s.must_change_password, s.last_seen_at, s.expires_at, u.id, u.username, u.display_name, u.kind, u.status,
         u.enterprise_uscc, coalesce((select json_agg(x) from (${POSTS_SQL('u.id')}) x), '[]') as posts
       from core_session s join core_user u on u.id = s.user_id
       where s.id = any($1::text[]) and s.expires_at > now()`,
      values: [ids],
    })
    const byId = new Map(rows.map((r) => [r.session_id as string, r]))
    return ids.map((id) => byId.get(id))
  })
  // Sessions change by logout and account links (both here, both invalidate in every process) and by time (the
  // expiry is checked on every use); a cached session is read again after 30 s in any case.
  const sessions = caches.cache<Record<string, any> | undefined>('auth.session', {
    maxAgeMs: 30_000,
    maxEntries: 50_000,
  })

  return {
    async login(username: string, password: string, meta: LoginMeta): Promise<{ token: string; principal: Principal }> {
      const { token, csrf, user, mustChange } = await logins.login(username, password, meta)
      const principal = toPrincipal(user, await loadPosts(db.pool, user.id), 'session')
      principal.sessionId = sha256(token)
      principal.csrfToken = csrf
      principal.mustChangePassword = mustChange
      return { token, principal }
    },

    changePassword: (p: Principal, currentPassword: string, newPassword: string, meta: LoginMeta) =>
      logins.changePassword({ userId: p.userId!, sessionId: p.sessionId }, currentPassword, newPassword, meta),

    async logout(p: Principal, requestId?: string) {
      if (!p.sessionId) return
      await db.tx(async (tx) => {
        await tx.query('delete from core_session where id = $1', [p.sessionId])
        await caches.invalidate(tx, 'auth.session')
        await recordAudit(tx, {
          actor: principalActor(p),
          action: 'auth.logout',
          resourceType: 'user',
          resourceId: p.userId,
          requestId,
        })
      })
    },

    /** Resolves a session cookie to its principal; null when unknown or expired. */
    async fromSession(token: string): Promise<Principal | null> {
      const id = sha256(token)
      const r = await sessions.get(id, () => sessionRow(id))
      if (r?.status !== 'active' || new Date(r.expires_at).getTime() <= Date.now()) return null
      // Sliding expiry, written at most once a minute per session (and per process).
      if (Date.now() - new Date(r.last_seen_at).getTime() > 60_000) {
        r.last_seen_at = new Date()
        r.expires_at = new Date(Date.now() + config.sessionTtlHours * 3_600_000)
        await db.query(
          `update core_session set last_seen_at = now(), expires_at = now() + make_interval(hours => $2) where id = $1`,
          [id, config.sessionTtlHours],
        )
      }
      const p = toPrincipal(r, postsOf(r.posts), 'session')
      p.sessionId = id
      p.csrfToken = r.csrf_token
      p.mustChangePassword = !!r.must_change_password
      return p
    },

    fromApiKey: keys.fromApiKey,
    createApiKey: keys.createApiKey,
    revokeApiKey: keys.revokeApiKey,

    /**
     * Lets a verified enterprise account act for its enterprise: sets its USCC and gives it the enterprise_user post
     * (once). Self-registered accounts start with neither, so nothing of the enterprise is visible before.
     */
    async linkEnterprise(tx: Tx, userId: string, uscc: string, scopeDivisionCode: string) {
      await caches.invalidate(tx, 'auth.session')
      await tx.query(
        `update core_user set enterprise_uscc = $2, updated_at = now() where id = $1 and kind = 'enterprise'`,
        [userId, uscc],
      )
      await tx.query(
        `insert into core_post (user_id, role, scope_division_code)
         select $1, 'enterprise_user', $2
         where not exists (select 1 from core_post where user_id = $1 and role = 'enterprise_user')`,
        [userId, scopeDivisionCode],
      )
    },

    /** Creates an account with its posts (CLI, seed and admin pages); validates roles, USCC and password. */
    async createUser(tx: Tx, actor: Actor, input: CreateUserInput): Promise<string> {
      checkPasswordStrength(input.password, input.username, { minLength: config.passwordMinLength })
      for (const p of input.posts)
        if (!(ROLES as readonly string[]).includes(p.role)) throw invalidRole({ role: p.role })
      if (input.enterpriseUscc && !isValidUscc(input.enterpriseUscc))
        throw validationFailed(undefined, {
          issues: [{ path: ['enterpriseUscc'], message: '统一社会信用代码校验失败' }],
        })
      const passwordHash = await hashPassword(input.password)
      let id: string
      try {
        await tx.query('savepoint create_user')
        id = (
          await tx.query(
            `insert into core_user (username, display_name, kind, password_hash, mobile, email, enterprise_uscc)
             values ($1,$2,$3,$4,$5,$6,$7) returning id`,
            [
              input.username,
              input.displayName,
              input.kind,
              passwordHash,
              input.mobile ?? null,
              input.email ?? null,
              input.enterpriseUscc ?? null,
            ],
          )
        ).rows[0].id
        await tx.query('release savepoint create_user')
      } catch (err) {
        await tx.query('rollback to savepoint create_user')
        if (pgErrorCode(err) === '23505') throw usernameTaken({ username: input.username })
        throw err
      }
      for (const p of input.posts) {
        await tx.query(
          'insert into core_post (user_id, role, scope_division_code, department_id) values ($1,$2,$3,$4)',
          [id, p.role, p.scopeDivisionCode, p.departmentId ?? null],
        )
      }
      await recordAudit(tx, {
        actor,
        action: 'user.create',
        resourceType: 'user',
        resourceId: id,
        divisionCode: input.posts[0]?.scopeDivisionCode ?? null,
        data: { username: input.username, kind: input.kind, roles: input.posts.map((p) => p.role) },
      })
      return id
    },
  }
}

export type Auth = ReturnType<typeof createAuth>

/** Every account's Me shape (GET /api/me, login reply). */
export function toMe(p: Principal) {
  return {
    id: p.userId ?? p.apiKeyId ?? '',
    username: p.username,
    displayName: p.displayName,
    kind: p.kind,
    roles: p.roles,
    capabilities: [...p.capabilities].sort(),
    posts: p.posts,
    enterpriseUscc: p.enterpriseUscc,
    mustChangePassword: !!p.mustChangePassword,
  }
}
