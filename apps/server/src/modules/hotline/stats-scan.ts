/**
 * Statistics from the records: one pass over the orders received or due in a period inside the caller's scopes,
 * merged duplicates left out. The per-order facts are stated here independently of the rollup's trigger function
 * (0028_hotline_stats_conventions.sql), so the tests that compare the two paths check both.
 */
import type { Queryable } from '../../platform/db.ts'
import { countsFromRow, type StatsCounts } from './stats.ts'
import { groupName, RESULTS, type StatsFilter } from './stats-rollup.ts'

const START = `($1::date)::timestamp at time zone 'Asia/Shanghai'`
const END = `(($2::date) + 1)::timestamp at time zone 'Asia/Shanghai'`
const inPeriod = (col: string) => `(${col} >= ${START} and ${col} < ${END})`

export async function statsFromScan(q: Queryable, f: StatsFilter): Promise<StatsCounts[]> {
  const key = {
    unit: `coalesce(o.unit_id::text, 'none')`,
    town: `coalesce(o.town_code, 'none')`,
    category: `coalesce(o.top_category_id::text, 'none')`,
    month: `to_char(o.at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
  }[f.groupBy]
  const rec = (cond: string, as: string) => `count(*) filter (where o.basis = 'r' and (${cond}))::int as ${as}`
  const cohort = (b: 'r' | 'd') =>
    Object.entries({
      total: 'true',
      declined: `o.status = 'declined'`,
      closed: 'o.closed_at is not null',
      closed_on_time_first: `o.status = 'closed_direct' or (o.status = 'closed' and o.first_on_time)`,
      closed_on_time_last: 'o.closed_on_time',
      replied_on_time_first: `o.status = 'closed_direct' or o.first_on_time`,
      replied_on_time_last: `o.status = 'closed_direct' or (o.status in ('followup', 'closed')
        and o.replied_at is not null and (o.due_at is null or o.replied_at <= o.due_at))`,
    })
      .map(([as, cond]) => `count(*) filter (where o.basis = '${b}' and (${cond}))::int as ${b}_${as}`)
      .join(',\n')
  const calls = (cond: string) =>
    `coalesce(sum((select count(*) from unnest(o.followup_results, o.followup_solved) u(r, ok) where ${cond})) filter (where o.basis = 'r'), 0)::int`
  const { rows } = await q.query(
    `with hotline_facts as (
       select o.*,
         (o.first_replied_at is not null and (o.first_due_at is null or o.first_replied_at <= o.first_due_at))
           as first_on_time,
         coalesce(o.first_due_at, o.due_at) as first_deadline
       from hotline_order o
       where o.status <> 'merged' and o.division_code like any($3)
         and (${inPeriod('o.received_at')} or ${inPeriod('coalesce(o.first_due_at, o.due_at)')})),
     hotline_cohorts as (
       select 'r' as basis, f.received_at as at, f.* from hotline_facts f where ${inPeriod('f.received_at')}
       union all
       select 'd', f.first_deadline, f.* from hotline_facts f where ${inPeriod('f.first_deadline')}),
     hotline_groups as (
       select ${key} as key,
         ${rec('o.unit_id is not null', 'dispatched')},
         ${rec(`o.status = 'closed'`, 'closed_by_unit')},
         ${rec('o.responded_on_time', 'acked_on_time')},
         ${rec(
           `o.unit_id is not null and o.first_replied_at is not null and (o.first_due_at is null
             or o.first_replied_at <= o.first_due_at or o.first_contact_at <= o.first_due_at)`,
           'contacted_on_time',
         )},
         ${rec(`o.status in ('followup', 'closed') or o.followup_result is not null`, 'followup_due')},
         ${rec('o.followup_result is not null', 'followed_up')},
         ${RESULTS.map((x) => rec(`o.followup_result = '${x}'`, `l_${x}`)).join(',\n')},
         ${rec('o.followup_result = any($4)', 'l_valid')},
         ${rec('o.solved and o.followup_result = any($4)', 'l_solved')},
         ${RESULTS.map((x) => `${calls(`u.r = '${x}'`)} as c_${x}`).join(',\n')},
         ${calls('u.r = any($4)')} as c_valid,
         ${calls('u.ok and u.r = any($4)')} as c_solved,
         ${cohort('r')},
         ${cohort('d')}
       from hotline_cohorts o
       group by 1)
     select g.*, ${groupName(f.groupBy)} as name from hotline_groups g order by g.key`,
    [f.from, f.to, f.scopes.map((s) => `${s}%`), f.valid],
  )
  return rows.map(countsFromRow)
}
