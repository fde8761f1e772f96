/**
 * Statistics from the daily rollup (migrations 0012 and 0028): the same grouped counts as the record scan
 * (stats-scan.ts), read from hotline_stats_daily, which triggers keep equal to the records. A year of 1,000,000
 * orders is ~130,000 rollup rows (each order counted on its day of receipt, basis 'r', and on the day of its first
 * deadline, basis 'd'). Serves callers whose scopes are all the district or a town (the rollup's area is the town
 * code); a village-level scope is answered by the scan.
 */
import type { Queryable } from '../../platform/db.ts'
import { countsFromRow, type StatsCounts } from './stats.ts'

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

export const RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const

/** The group's display name from its key (`g.key`), shared by both code paths. */
export const groupName = (groupBy: StatsFilter['groupBy']) =>
  ({
    unit: `coalesce((select u.name from core_org_unit u where u.id::text = g.key), '未派单')`,
    town: `coalesce((select d.name from core_division d where d.code = g.key order by d.data_year desc limit 1), '区级/未定位')`,
    category: `coalesce((select c.name from hotline_category c where c.id::text = g.key), '未分类')`,
    month: 'g.key',
  })[groupBy]

const COHORT_COLUMNS = [
  ['total', 'total'],
  ['declined', 'declined'],
  ['closed', 'closed'],
  ['closed_on_time_first', 'closed_on_time_first'],
  ['closed_on_time', 'closed_on_time_last'],
  ['replied_on_time_first', 'replied_on_time_first'],
  ['replied_on_time_last', 'replied_on_time_last'],
] as const

/** Grouped counts of every convention, from the daily rollup. */
export async function statsFromRollup(q: Queryable, f: StatsFilter): Promise<StatsCounts[]> {
  const key = {
    unit: `coalesce(s.unit_id::text, 'none')`,
    town: `coalesce(case when length(s.area) = 9 then s.area end, 'none')`,
    category: `coalesce(s.top_category_id::text, 'none')`,
    month: `to_char(s.day, 'YYYY-MM')`,
  }[f.groupBy]
  // Which results count as valid is a setting: sum only those columns (names from a fixed list, never from input).
  const valid = RESULTS.filter((r) => f.valid.includes(r))
  const sumOf = (cols: string[]) => (cols.length ? cols.map((c) => `s.${c}`).join(' + ') : '0')
  const sum = (b: 'r' | 'd', expr: string, as: string) =>
    `coalesce(sum(${expr}) filter (where s.basis = '${b}'), 0)::int as ${as}`
  const r = (col: string, as: string) => sum('r', `s.${col}`, as)
  const results = (p: 'l' | 'c', col: (x: string) => string, solved: (x: string) => string) =>
    [
      ...RESULTS.map((x) => r(col(x), `${p}_${x}`)),
      sum('r', sumOf(valid.map(col)), `${p}_valid`),
      sum('r', sumOf(valid.map(solved)), `${p}_solved`),
    ].join(',\n')
  const cohort = (b: 'r' | 'd') => COHORT_COLUMNS.map(([col, as]) => sum(b, `s.${col}`, `${b}_${as}`)).join(',\n')
  const { rows } = await q.query(
    `with hotline_groups as (
       select ${key} as key,
         ${r('dispatched', 'dispatched')},
         ${r('closed_by_unit', 'closed_by_unit')},
         ${r('responded_on_time', 'acked_on_time')},
         ${r('contacted_on_time', 'contacted_on_time')},
         ${r('followup_due', 'followup_due')},
         ${r('followed_up', 'followed_up')},
         ${results(
           'l',
           (x) => x,
           (x) => `solved_${x}`,
         )},
         ${results(
           'c',
           (x) => `calls_${x}`,
           (x) => `calls_solved_${x}`,
         )},
         ${cohort('r')},
         ${cohort('d')}
       from hotline_stats_daily s
       where s.day between $1::date and $2::date and s.area like any($3)
       group by 1
       having sum(s.total) > 0)
     select g.*, ${groupName(f.groupBy)} as name from hotline_groups g order by g.key`,
    [f.from, f.to, f.scopes.map((s) => `${s}%`)],
  )
  return rows.map(countsFromRow)
}
