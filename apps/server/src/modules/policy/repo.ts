/** SQL of the policy module: policy_* tables only, plus read-only core_org_unit / core_division names. */
import type { PolicyLevel, PolicyStatus, Rule } from '@ruyu/contracts/policy'
import type { Queryable, Tx } from '../../platform/db.ts'
import { policyQaRepo } from './qa-repo.ts'

export type { QuestionRow } from './qa-repo.ts'

export interface PolicyRow {
  id: string
  title: string
  docNumber: string | null
  departmentId: string
  departmentName: string
  level: PolicyLevel
  divisionCode: string
  validFrom: string
  validTo: string | null
  benefitSummary: string
  fullText: string
  attachments: string[]
  serviceItemCode: string | null
  enterpriseServiceCode: string | null
  rule: Rule | null
  status: PolicyStatus
  publishedAt: Date | null
  matchCount: number
  faqCount: number
  version: number
  createdAt: Date
  updatedAt: Date
}

const POLICY_COLS = `p.id, p.title, p.doc_number, p.department_id, o.name as department_name, p.level, p.division_code,
  p.valid_from, p.valid_to, p.benefit_summary, p.full_text, p.attachments, p.service_item_code,
  p.enterprise_service_code, p.rule, p.status, p.published_at, p.match_count, p.version, p.created_at, p.updated_at,
  (select count(*) from policy_faq f where f.policy_id = p.id)::int as faq_count`

const toPolicy = (r: Record<string, any>): PolicyRow => ({
  id: r.id,
  title: r.title,
  docNumber: r.doc_number,
  departmentId: r.department_id,
  departmentName: r.department_name ?? '',
  level: r.level,
  divisionCode: r.division_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  benefitSummary: r.benefit_summary,
  fullText: r.full_text,
  attachments: r.attachments ?? [],
  serviceItemCode: r.service_item_code,
  enterpriseServiceCode: r.enterprise_service_code,
  rule: r.rule,
  status: r.status,
  publishedAt: r.published_at,
  matchCount: r.match_count,
  faqCount: r.faq_count ?? 0,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export interface PolicyWrite {
  title: string
  docNumber: string | null
  departmentId: string
  level: PolicyLevel
  divisionCode: string
  validFrom: string
  validTo: string | null
  benefitSummary: string
  fullText: string
  attachments: string[]
  serviceItemCode: string | null
  enterpriseServiceCode: string | null
  rule: Rule | null
}

export interface PolicyFilter {
  q?: string
  status?: PolicyStatus
  level?: PolicyLevel
  departmentId?: string
  /** Public lists: published and expired only. */
  publicOnly?: boolean
  limit: number
  offset: number
}

// The status a reader sees: a published policy past its validity is expired (the daily sweep then marks it).
const SHOWN_STATUS = `(case when p.status = 'published' and p.valid_to < $1::date then 'expired' else p.status end)`

export const policyRepo = {
  ...policyQaRepo,
  async insertPolicy(tx: Tx, w: PolicyWrite, createdBy: string | null): Promise<string> {
    const { rows } = await tx.query(
      `insert into policy_policy (title, doc_number, department_id, level, division_code, valid_from, valid_to,
         benefit_summary, full_text, attachments, service_item_code, enterprise_service_code, rule, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) returning id`,
      [
        w.title,
        w.docNumber,
        w.departmentId,
        w.level,
        w.divisionCode,
        w.validFrom,
        w.validTo,
        w.benefitSummary,
        w.fullText,
        w.attachments,
        w.serviceItemCode,
        w.enterpriseServiceCode,
        w.rule === null ? null : JSON.stringify(w.rule),
        createdBy,
      ],
    )
    return rows[0].id
  },

  async updatePolicy(tx: Tx, id: string, w: PolicyWrite) {
    await tx.query(
      `update policy_policy set title = $2, doc_number = $3, department_id = $4, level = $5, division_code = $6,
         valid_from = $7, valid_to = $8, benefit_summary = $9, full_text = $10, attachments = $11,
         service_item_code = $12, enterprise_service_code = $13, rule = $14, version = version + 1, updated_at = now()
       where id = $1`,
      [
        id,
        w.title,
        w.docNumber,
        w.departmentId,
        w.level,
        w.divisionCode,
        w.validFrom,
        w.validTo,
        w.benefitSummary,
        w.fullText,
        w.attachments,
        w.serviceItemCode,
        w.enterpriseServiceCode,
        w.rule === null ? null : JSON.stringify(w.rule),
      ],
    )
  },

  async setStatus(tx: Tx, id: string, status: PolicyStatus, by: string | null) {
    await tx.query(
      `update policy_policy set status = $2, version = version + 1, updated_at = now(),
         published_at = case when $2 = 'published' then coalesce(published_at, now()) else published_at end,
         published_by = case when $2 = 'published' then coalesce(published_by, $3) else published_by end,
         expired_at = case when $2 = 'expired' then now() else expired_at end
       where id = $1`,
      [id, status, by],
    )
  },

  async findPolicy(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<PolicyRow | null> {
    if (opts.lock) await q.query('select 1 from policy_policy where id = $1 for update', [id])
    const { rows } = await q.query(
      `select ${POLICY_COLS} from policy_policy p join core_org_unit o on o.id = p.department_id where p.id = $1`,
      [id],
    )
    return rows[0] ? toPolicy(rows[0]) : null
  },

  async listPolicies(q: Queryable, f: PolicyFilter, today: string) {
    // $1 (today) is always referenced, so the count query and the page query share their parameters.
    const where: string[] = ['$1::date is not null']
    const params: unknown[] = [today]
    const add = (v: unknown) => {
      params.push(v)
      return `$${params.length}`
    }
    if (f.publicOnly) where.push(`p.status <> 'draft'`)
    if (f.status) where.push(`${SHOWN_STATUS} = ${add(f.status)}`)
    if (f.level) where.push(`p.level = ${add(f.level)}`)
    if (f.departmentId) where.push(`p.department_id = ${add(f.departmentId)}`)
    if (f.q) {
      const like = add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      where.push(`(p.title ilike ${like} or p.benefit_summary ilike ${like} or p.doc_number ilike ${like})`)
    }
    const w = `where ${where.join(' and ')}`
    const total = (await q.query(`select count(*)::int n from policy_policy p ${w}`, params)).rows[0].n as number
    const { rows } = await q.query(
      `select ${POLICY_COLS}, ${SHOWN_STATUS} as shown_status
       from policy_policy p join core_org_unit o on o.id = p.department_id ${w}
       order by (${SHOWN_STATUS} = 'published') desc, p.published_at desc nulls first, p.created_at desc, p.id
       limit ${add(f.limit)} offset ${add(f.offset)}`,
      params,
    )
    return { total, items: rows.map((r) => ({ ...toPolicy(r), status: r.shown_status as PolicyStatus })) }
  },

  /** Published, currently valid policies that carry a rule (what matching runs over). */
  async matchablePolicies(
    q: Queryable,
    today: string,
  ): Promise<{ id: string; title: string; version: number; rule: Rule }[]> {
    const { rows } = await q.query(
      `select id, title, version, rule from policy_policy
       where status = 'published' and rule is not null and (valid_to is null or valid_to >= $1::date)
         and valid_from <= $1::date
       order by id`,
      [today],
    )
    return rows
  },

  /** Changes whenever the set of matchable policies or any of their rules may have changed. */
  async matchableStamp(q: Queryable): Promise<string> {
    const { rows } = await q.query(
      `select count(*)::int n, coalesce(sum(version), 0)::bigint v, max(updated_at) u
       from policy_policy where status = 'published'`,
    )
    return `${rows[0].n}:${rows[0].v}:${rows[0].u?.toISOString() ?? ''}`
  },

  /**
   * Inserts matches that do not exist yet, and reinstates withdrawn ones; returns the USCCs that were new or
   * reinstated (pushed now; never again while the match stands).
   */
  async insertMatches(
    tx: Tx,
    policyId: string,
    matches: { uscc: string; name: string; reasons: string[] }[],
  ): Promise<string[]> {
    if (!matches.length) return []
    const { rows } = await tx.query(
      `insert into policy_match (policy_id, uscc, enterprise_name, reasons)
       select $1, m.uscc, m.name, m.reasons
       from jsonb_to_recordset($2::jsonb) as m(uscc text, name text, reasons jsonb)
       on conflict (policy_id, uscc) do update set enterprise_name = excluded.enterprise_name,
         reasons = excluded.reasons, matched_at = now(), read_at = null, withdrawn_at = null, withdrawn_reasons = '[]'
       where policy_match.withdrawn_at is not null
       returning uscc`,
      [policyId, JSON.stringify(matches)],
    )
    return rows.map((r) => r.uscc)
  },

  async refreshMatchCount(tx: Tx, policyIds: string[]) {
    if (!policyIds.length) return
    await tx.query(
      `update policy_policy p set match_count = (select count(*) from policy_match m
                                                 where m.policy_id = p.id and m.withdrawn_at is null),
         matched_at = now()
       where p.id = any($1::uuid[])`,
      [policyIds],
    )
  },

  /** Policies whose match with this enterprise stands (not withdrawn). */
  async matchedPolicyIds(q: Queryable, uscc: string): Promise<Set<string>> {
    const { rows } = await q.query('select policy_id from policy_match where uscc = $1 and withdrawn_at is null', [
      uscc,
    ])
    return new Set(rows.map((r) => r.policy_id))
  },

  /** Enterprises whose match with this policy stands (not withdrawn). */
  async existingMatches(q: Queryable, policyId: string): Promise<Set<string>> {
    const { rows } = await q.query('select uscc from policy_match where policy_id = $1 and withdrawn_at is null', [
      policyId,
    ])
    return new Set(rows.map((r) => r.uscc))
  },

  /** Withdraws standing matches with the conditions that now fail; returns the USCCs withdrawn now (told once). */
  async withdrawMatches(tx: Tx, policyId: string, lost: { uscc: string; reasons: string[] }[]): Promise<string[]> {
    if (!lost.length) return []
    const { rows } = await tx.query(
      `update policy_match m set withdrawn_at = now(), withdrawn_reasons = l.reasons
       from jsonb_to_recordset($2::jsonb) as l(uscc text, reasons jsonb)
       where m.policy_id = $1 and m.uscc = l.uscc and m.withdrawn_at is null returning m.uscc`,
      [policyId, JSON.stringify(lost)],
    )
    return rows.map((r) => r.uscc)
  },

  /** The enterprise's inbox: standing and withdrawn matches; unread counts standing ones only. */
  async myPolicies(q: Queryable, uscc: string, f: { unreadOnly: boolean; limit: number; offset: number }) {
    const unread = f.unreadOnly ? 'and m.read_at is null and m.withdrawn_at is null' : ''
    const counts = await q.query(
      `select count(*) filter (where ${f.unreadOnly ? 'read_at is null and withdrawn_at is null' : 'true'})::int total,
         count(*) filter (where read_at is null and withdrawn_at is null)::int unread
       from policy_match where uscc = $1`,
      [uscc],
    )
    const { rows } = await q.query(
      `select ${POLICY_COLS}, m.reasons as match_reasons, m.matched_at as match_at, m.read_at as match_read_at,
         m.withdrawn_at as match_withdrawn_at, m.withdrawn_reasons as match_withdrawn_reasons
       from policy_match m join policy_policy p on p.id = m.policy_id join core_org_unit o on o.id = p.department_id
       where m.uscc = $1 ${unread}
       order by m.matched_at desc, p.id limit $2 offset $3`,
      [uscc, f.limit, f.offset],
    )
    return {
      total: counts.rows[0].total as number,
      unread: counts.rows[0].unread as number,
      items: rows.map((r) => ({
        policy: toPolicy(r),
        reasons: r.match_reasons as string[],
        matchedAt: r.match_at as Date,
        readAt: r.match_read_at as Date | null,
        withdrawnAt: r.match_withdrawn_at as Date | null,
        withdrawnReasons: r.match_withdrawn_reasons as string[],
      })),
    }
  },

  async myMatch(q: Queryable, policyId: string, uscc: string) {
    const { rows } = await q.query(
      `select reasons, matched_at, read_at, withdrawn_at, withdrawn_reasons from policy_match
       where policy_id = $1 and uscc = $2`,
      [policyId, uscc],
    )
    const r = rows[0]
    return r
      ? {
          reasons: r.reasons as string[],
          matchedAt: r.matched_at as Date,
          readAt: r.read_at as Date | null,
          withdrawnAt: r.withdrawn_at as Date | null,
          withdrawnReasons: r.withdrawn_reasons as string[],
        }
      : null
  },

  async markRead(q: Queryable, policyId: string, uscc: string): Promise<boolean> {
    const r = await q.query(
      'update policy_match set read_at = coalesce(read_at, now()) where policy_id = $1 and uscc = $2',
      [policyId, uscc],
    )
    return (r.rowCount ?? 0) > 0
  },

  async policyMatches(q: Queryable, policyId: string, limit: number, offset: number) {
    const counts = await q.query(
      `select count(*)::int total, count(read_at)::int read from policy_match
       where policy_id = $1 and withdrawn_at is null`,
      [policyId],
    )
    const { rows } = await q.query(
      `select uscc, enterprise_name, reasons, matched_at, read_at from policy_match
       where policy_id = $1 and withdrawn_at is null
       order by matched_at desc, uscc limit $2 offset $3`,
      [policyId, limit, offset],
    )
    return {
      total: counts.rows[0].total as number,
      read: counts.rows[0].read as number,
      items: rows.map((r) => ({
        uscc: r.uscc as string,
        name: r.enterprise_name as string,
        reasons: r.reasons as string[],
        matchedAt: r.matched_at as Date,
        readAt: r.read_at as Date | null,
      })),
    }
  },

  async departmentExists(q: Queryable, id: string): Promise<boolean> {
    return ((await q.query('select 1 from core_org_unit where id = $1', [id])).rowCount ?? 0) > 0
  },

  /** Names of divisions (latest data year), for explanations. */
  async divisionNames(q: Queryable): Promise<Map<string, string>> {
    const { rows } = await q.query(
      `select distinct on (code) code, name from core_division order by code, data_year desc`,
    )
    return new Map(rows.map((r) => [r.code as string, r.name as string]))
  },

  /** Marks published policies past their validity as expired; returns their ids. */
  async expireDue(tx: Tx, today: string): Promise<string[]> {
    const { rows } = await tx.query(
      `update policy_policy set status = 'expired', expired_at = now(), version = version + 1, updated_at = now()
       where status = 'published' and valid_to < $1::date returning id`,
      [today],
    )
    return rows.map((r) => r.id)
  },
}
