/**
 * SQL of enterprise accounts (政企云 memberships): enterprise_member, with reads of enterprise_company names and of
 * core_user (usernames, deciders, the verified accounts of a USCC).
 */
import type { MemberStatus } from '@ruyu/contracts/enterprise'
import type { Queryable, Tx } from '../../platform/db.ts'

export const memberRepo = {
  async insertMember(
    tx: Tx,
    m: { userId: string; uscc: string; contactName: string; mobile: string | null; status: MemberStatus },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_member (user_id, uscc, contact_name, mobile, status, decided_at)
       values ($1,$2,$3,$4,$5, case when $5 = 'pending' then null else now() end) returning id`,
      [m.userId, m.uscc, m.contactName, m.mobile, m.status],
    )
    return rows[0].id
  },

  async memberOfUser(q: Queryable, userId: string) {
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name from enterprise_member m join enterprise_company c on c.uscc = m.uscc
       where m.user_id = $1`,
      [userId],
    )
    return rows[0] ? toMember(rows[0]) : null
  },

  async findMember(q: Queryable, id: string, opts: { lock?: boolean } = {}) {
    if (opts.lock) await q.query('select 1 from enterprise_member where id = $1 for update', [id])
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name, u.username, d.display_name as decided_by_name
       from enterprise_member m join enterprise_company c on c.uscc = m.uscc join core_user u on u.id = m.user_id
       left join core_user d on d.id = m.decided_by where m.id = $1`,
      [id],
    )
    return rows[0] ? toMember(rows[0]) : null
  },

  async listMembers(
    q: Queryable,
    f: { scopes: string[]; status?: string; uscc?: string },
    page: { limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name, u.username, d.display_name as decided_by_name, count(*) over() as total
       from enterprise_member m join enterprise_company c on c.uscc = m.uscc join core_user u on u.id = m.user_id
       left join core_user d on d.id = m.decided_by
       where c.division_code like any($1) and ($2::text is null or m.status = $2) and ($3::text is null or m.uscc = $3)
       order by m.created_at desc, m.id limit $4 offset $5`,
      [f.scopes.map((s) => `${s}%`), f.status ?? null, f.uscc ?? null, page.limit, page.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toMember) }
  },

  async decideMember(tx: Tx, id: string, status: MemberStatus, by: string | null, reason: string | null) {
    await tx.query(
      `update enterprise_member set status = $2, decided_by = $3, decided_at = now(), reason = $4, updated_at = now()
       where id = $1`,
      [id, status, by, reason],
    )
  },

  /** Active enterprise accounts of a USCC that are not held back by a pending or rejected membership. */
  async userIdsOf(q: Queryable, uscc: string): Promise<string[]> {
    const { rows } = await q.query(
      `select u.id from core_user u
       where u.kind = 'enterprise' and u.enterprise_uscc = $1 and u.status = 'active'
         and not exists (select 1 from enterprise_member m where m.user_id = u.id and m.status <> 'verified')
       order by u.created_at, u.id`,
      [uscc],
    )
    return rows.map((r) => r.id as string)
  },

  /** userIdsOf for many enterprises in one query. */
  async userIdsOfMany(q: Queryable, usccs: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(usccs.map((u) => [u, []]))
    if (!usccs.length) return out
    const { rows } = await q.query(
      `select u.id, u.enterprise_uscc from core_user u
       where u.kind = 'enterprise' and u.enterprise_uscc = any($1) and u.status = 'active'
         and not exists (select 1 from enterprise_member m where m.user_id = u.id and m.status <> 'verified')
       order by u.created_at, u.id`,
      [usccs],
    )
    for (const r of rows) out.get(r.enterprise_uscc)?.push(r.id)
    return out
  },

  async memberCounts(q: Queryable, scopes: string[]) {
    const { rows } = await q.query(
      `select m.status, count(*)::int as n from enterprise_member m join enterprise_company c on c.uscc = m.uscc
       where c.division_code like any($1) group by m.status`,
      [scopes.map((s) => `${s}%`)],
    )
    return new Map(rows.map((r) => [r.status as string, r.n as number]))
  },
}

function toMember(r: Record<string, any>) {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    username: (r.username as string | undefined) ?? '',
    uscc: r.uscc as string,
    enterpriseName: r.enterprise_name as string,
    contactName: r.contact_name as string,
    mobile: r.mobile as string | null,
    status: r.status as MemberStatus,
    reason: r.reason as string | null,
    decidedBy: r.decided_by as string | null,
    decidedByName: (r.decided_by_name as string | undefined) ?? null,
    decidedAt: r.decided_at as Date | null,
    createdAt: r.created_at as Date,
  }
}
export type MemberRow = ReturnType<typeof toMember>
