/**
 * Statistics from the daily rollup (migration 0012_hotline_stats.sql): the same grouped counts as the raw query in
 * repo.ts (`hotlineRepo.stats`), read from hotline_stats_daily, which triggers keep equal to the records. A year of
 * 1,000,000 orders is ~65,000 rollup rows. Serves callers whose scopes are all the district or a town (the rollup's
 * area is the town code); a village-level scope is answered by the raw query.
 */
import type { Queryable } from '../../platform/db.ts'
import type { StatsCounts } from './domain.ts'

export interface StatsFilter {
  groupBy: 'unit' | 'town' | 'category' | 'month'
  /** CST dates, inclusive. */
  from: string
  to: string
  scopes: string[]
  /** Follow-up results counted as valid (denominator of 满意率 / 解决率). */
  valid: string[]
}

/** True when the rollup can answer for these scopes (every scope a district or town prefix). */
export const rollupServes = (scopes: string[]) => scopes.length > 0 && scopes.every((s) => s.length <= 9)

const RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const

/** Grouped counts of orders received in [from, to] inside the scopes, from the daily rollup. */
export async function statsFromRollup(q: Queryable, f: StatsFilter): Promise<StatsCounts[]> {
  const key = {
    unit: `coalesce(s.unit_id::text, 'none')`,
    town: `coalesce(case when length(s.area) = 9 then s.area end, 'none')`,
    category: `coalesce(s.top_category_id::text, 'none')`,
    month: `to_char(s.day, 'YYYY-MM')`,
  }[f.groupBy]
  const name = {
    unit: `coalesce((select u.name from core_org_unit u where u.id::text = g.key), '未派单')`,
    town: `coalesce((select d.name from core_division d where d.code = g.key order by d.data_year desc limit 1), '区级/未定位')`,
    category: `coalesce((select c.name from hotline_category c where c.id::text = g.key), '未分类')`,
    month: 'g.key',
  }[f.groupBy]
  // Which results count as valid is a setting: sum only those columns (names from a fixed list, never from input).
  const valid = RESULTS.filter((r) => f.valid.includes(r))
  const sumOf = (cols: string[]) => (cols.length ? cols.map((c) => `s.${c}`).join(' + ') : '0')
  const { rows } = await q.query(
    `with hotline_groups as (
       select ${key} as key,
         sum(s.total)::int as total,
         sum(s.dispatched)::int as dispatched,
         sum(s.closed)::int as closed,
         sum(s.closed_by_unit)::int as closed_by_unit,
         sum(s.closed_on_time)::int as closed_on_time,
         sum(s.responded_on_time)::int as responded_on_time,
         sum(s.followed_up)::int as followed_up,
         sum(${sumOf(valid)})::int as valid_followups,
         sum(s.satisfied)::int as satisfied,
         sum(s.basically_satisfied)::int as basically_satisfied,
         sum(s.unsatisfied)::int as unsatisfied,
         sum(s.unreachable)::int as unreachable,
         sum(${sumOf(valid.map((r) => `solved_${r}`))})::int as solved
       from hotline_stats_daily s
       where s.day between $1::date and $2::date and s.area like any($3)
       group by 1
       having sum(s.total) > 0)
     select g.*, ${name} as name from hotline_groups g order by g.key`,
    [f.from, f.to, f.scopes.map((s) => `${s}%`)],
  )
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    total: r.total,
    dispatched: r.dispatched,
    closed: r.closed,
    closedByUnit: r.closed_by_unit,
    closedOnTime: r.closed_on_time,
    respondedOnTime: r.responded_on_time,
    followedUp: r.followed_up,
    validFollowups: r.valid_followups,
    satisfied: r.satisfied,
    basicallySatisfied: r.basically_satisfied,
    unsatisfied: r.unsatisfied,
    unreachable: r.unreachable,
    solved: r.solved,
  }))
}
