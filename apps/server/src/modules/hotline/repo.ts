/**
 * SQL of the hotline module: hotline_* tables, plus read-only core_org_unit / core_post / core_user / core_division.
 * One object over the files per aggregate: orders, timeline, duplicate hints, reference data, knowledge base.
 */
import { ROLE_CAPABILITIES } from '@ruyu/contracts/access'
import type { Queryable } from '../../platform/db.ts'
import { hotlineDuplicateRepo } from './duplicate-repo.ts'
import { hotlineEventRepo } from './event-repo.ts'
import { hotlineKbRepo } from './kb-repo.ts'
import { hotlineOrderRepo } from './order-repo.ts'
import { hotlineReferenceRepo } from './reference-repo.ts'
import type { StatsCounts } from './stats.ts'
import { rollupServes, type StatsFilter, statsFromRollup } from './stats-rollup.ts'
import { statsFromScan } from './stats-scan.ts'

export type { DuplicateProbe, DuplicateRow } from './duplicate-repo.ts'
export type { EventInput, EventRow } from './event-repo.ts'
export type { ArticleRow } from './kb-repo.ts'
export type { OrderRow, Visibility } from './order-row.ts'
export type { RuleRow } from './reference-repo.ts'

const ORDER_READER_ROLES = Object.entries(ROLE_CAPABILITIES)
  .filter(([, caps]) => caps.includes('hotline:read'))
  .map(([role]) => role)

export const hotlineRepo = {
  ...hotlineReferenceRepo,
  ...hotlineKbRepo,
  ...hotlineOrderRepo,
  ...hotlineDuplicateRepo,
  ...hotlineEventRepo,

  // --- shared core tables (read-only) -----------------------------------------------------------------------
  async handlingUnits(q: Queryable) {
    const { rows } = await q.query(
      `select id, code, name, kind, division_code from core_org_unit
       where kind in ('department', 'handling_unit', 'town_office', 'utility') order by kind desc, code`,
    )
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, divisionCode: r.division_code }))
  },

  /** Children of a division in the latest data year (towns of a district, villages of a town). */
  async divisionChildren(q: Queryable, parentCode: string) {
    const { rows } = await q.query(
      `select d.code, d.name, d.level,
         not exists (select 1 from core_division c where c.parent_code = d.code and c.data_year = d.data_year) as leaf
       from core_division d
       where d.parent_code = $1 and d.data_year = (select max(data_year) from core_division where code = $1)
       order by d.code`,
      [parentCode],
    )
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, leaf: r.leaf }))
  },

  async unitIdByCode(q: Queryable, code: string): Promise<string | null> {
    const { rows } = await q.query('select id from core_org_unit where code = $1', [code])
    return rows[0]?.id ?? null
  },
  /** Active staff with a post in one of these departments (notifications to a unit). */
  async unitUserIds(q: Queryable, unitIds: string[]): Promise<string[]> {
    if (!unitIds.length) return []
    // Only posts that may open the order (issue 10 §1: a department's approval reviewers got 12345 notifications
    // whose link was a 403 page for them).
    const { rows } = await q.query(
      `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id and u.status = 'active'
       where p.department_id = any($1::uuid[]) and p.role = any($2::text[])`,
      [unitIds, ORDER_READER_ROLES],
    )
    return rows.map((r) => r.user_id)
  },
  /** Active accounts with a role whose scope covers the division (e.g. district leaders for 督办). */
  async roleUserIds(q: Queryable, role: string, divisionCode: string): Promise<string[]> {
    const { rows } = await q.query(
      `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id and u.status = 'active'
       where p.role = $1 and $2 like p.scope_division_code || '%'`,
      [role, divisionCode],
    )
    return rows.map((r) => r.user_id)
  },
  async userName(q: Queryable, id: string | null): Promise<string | null> {
    if (!id) return null
    const { rows } = await q.query('select display_name from core_user where id = $1', [id])
    return rows[0]?.display_name ?? null
  },

  // --- statistics -------------------------------------------------------------------------------------------
  /**
   * Grouped counts of every statistics convention for a period (CST dates, inclusive) inside the caller's scope:
   * the trigger-kept daily rollup (stats-rollup.ts) for district and town scopes, else the record scan
   * (stats-scan.ts); `raw` forces the scan (the tests compare the two).
   */
  async stats(q: Queryable, f: StatsFilter, opts: { raw?: boolean } = {}): Promise<StatsCounts[]> {
    return !opts.raw && rollupServes(f.scopes) ? statsFromRollup(q, f) : statsFromScan(q, f)
  },
}
