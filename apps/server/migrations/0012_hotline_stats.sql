-- 12345 statistics over millions of orders (issue #4, bench/hotline-stats.ts): a daily rollup of the counters
-- GET /api/hotline/stats reports, kept exact by statement-level triggers on hotline_order (every insert, update,
-- delete and truncate), so the figures are still computed from the records, only summed ahead per day.
-- A year of 1,000,000 orders is ~65,000 rollup rows instead of 1,000,000 index entries to scan.
--
-- Key: the CST day the order was received, the area (town/street code, or the division code when the order is not
-- located below the district), the main handling unit and the top category; merged duplicates are left out, as in
-- the statistics. `shard` spreads concurrent writers over different rows (backend pid mod 64), so two intakes on the
-- same day, unit and category never wait for each other's commit; readers sum over shards.

create table hotline_stats_daily (
  shard int not null,
  day date not null,
  area text not null,
  unit_id uuid,
  top_category_id uuid,
  total int not null default 0,
  dispatched int not null default 0,
  closed int not null default 0,
  closed_by_unit int not null default 0,
  closed_on_time int not null default 0,
  responded_on_time int not null default 0,
  followed_up int not null default 0,
  satisfied int not null default 0,
  basically_satisfied int not null default 0,
  unsatisfied int not null default 0,
  unreachable int not null default 0,
  -- solved, split by follow-up result, so the configurable "valid results" apply at query time
  solved_satisfied int not null default 0,
  solved_basically_satisfied int not null default 0,
  solved_unsatisfied int not null default 0,
  solved_unreachable int not null default 0,
  constraint hotline_stats_daily_key unique nulls not distinct (shard, day, area, unit_id, top_category_id)
);
create index hotline_stats_daily_day_idx on hotline_stats_daily (day, area);

-- One signed row of counters per order row (+1 for the new state, -1 for the old); summed by key into the rollup.
create type hotline_stats_delta as (
  sign int,
  received_at timestamptz,
  town_code text,
  division_code text,
  unit_id uuid,
  top_category_id uuid,
  status text,
  closed_at timestamptz,
  closed_on_time boolean,
  responded_on_time boolean,
  followup_result text,
  solved boolean
);

create function hotline_stats_daily_merge(deltas hotline_stats_delta[]) returns void language sql as $$
  insert into hotline_stats_daily as s (shard, day, area, unit_id, top_category_id, total, dispatched, closed,
    closed_by_unit, closed_on_time, responded_on_time, followed_up, satisfied, basically_satisfied, unsatisfied,
    unreachable, solved_satisfied, solved_basically_satisfied, solved_unsatisfied, solved_unreachable)
  select pg_backend_pid() % 64, (d.received_at at time zone 'Asia/Shanghai')::date,
    coalesce(d.town_code, d.division_code), d.unit_id, d.top_category_id,
    sum(d.sign),
    coalesce(sum(d.sign) filter (where d.unit_id is not null), 0),
    coalesce(sum(d.sign) filter (where d.closed_at is not null), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed'), 0),
    coalesce(sum(d.sign) filter (where d.closed_on_time), 0),
    coalesce(sum(d.sign) filter (where d.responded_on_time), 0),
    coalesce(sum(d.sign) filter (where d.followup_result is not null), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'basically_satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'unsatisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'unreachable'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'basically_satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'unsatisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'unreachable'), 0)
  from unnest(deltas) d
  where d.status <> 'merged'
  group by 2, 3, 4, 5
  -- One lock order for every writer (no deadlock between two bulk statements on the same shard).
  order by 2, 3, 4, 5
  on conflict on constraint hotline_stats_daily_key do update set
    total = s.total + excluded.total,
    dispatched = s.dispatched + excluded.dispatched,
    closed = s.closed + excluded.closed,
    closed_by_unit = s.closed_by_unit + excluded.closed_by_unit,
    closed_on_time = s.closed_on_time + excluded.closed_on_time,
    responded_on_time = s.responded_on_time + excluded.responded_on_time,
    followed_up = s.followed_up + excluded.followed_up,
    satisfied = s.satisfied + excluded.satisfied,
    basically_satisfied = s.basically_satisfied + excluded.basically_satisfied,
    unsatisfied = s.unsatisfied + excluded.unsatisfied,
    unreachable = s.unreachable + excluded.unreachable,
    solved_satisfied = s.solved_satisfied + excluded.solved_satisfied,
    solved_basically_satisfied = s.solved_basically_satisfied + excluded.solved_basically_satisfied,
    solved_unsatisfied = s.solved_unsatisfied + excluded.solved_unsatisfied,
    solved_unreachable = s.solved_unreachable + excluded.solved_unreachable
$$;

create function hotline_stats_daily_on_insert() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select row(1, received_at, town_code, division_code, unit_id, top_category_id, status, closed_at, closed_on_time,
      responded_on_time, followup_result, solved)::hotline_stats_delta from new_rows));
  return null;
end $$;

create function hotline_stats_daily_on_delete() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select row(-1, received_at, town_code, division_code, unit_id, top_category_id, status, closed_at, closed_on_time,
      responded_on_time, followup_result, solved)::hotline_stats_delta from old_rows));
  return null;
end $$;

-- Most updates (SLA flag, reply text, number, workflow id …) change no counter: only rows whose counted columns
-- changed move, as -old +new.
create function hotline_stats_daily_on_update() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select d from old_rows o join new_rows n on n.id = o.id,
      lateral (values
        (row(-1, o.received_at, o.town_code, o.division_code, o.unit_id, o.top_category_id, o.status, o.closed_at,
          o.closed_on_time, o.responded_on_time, o.followup_result, o.solved)::hotline_stats_delta),
        (row(1, n.received_at, n.town_code, n.division_code, n.unit_id, n.top_category_id, n.status, n.closed_at,
          n.closed_on_time, n.responded_on_time, n.followup_result, n.solved)::hotline_stats_delta)) v(d)
    where (o.received_at, o.town_code, o.division_code, o.unit_id, o.top_category_id, o.status, o.closed_at is null,
           o.closed_on_time, o.responded_on_time, o.followup_result, o.solved)
      is distinct from
          (n.received_at, n.town_code, n.division_code, n.unit_id, n.top_category_id, n.status, n.closed_at is null,
           n.closed_on_time, n.responded_on_time, n.followup_result, n.solved)));
  return null;
end $$;

create trigger hotline_stats_daily_insert after insert on hotline_order
  referencing new table as new_rows for each statement execute function hotline_stats_daily_on_insert();
create trigger hotline_stats_daily_update after update on hotline_order
  referencing old table as old_rows new table as new_rows
  for each statement execute function hotline_stats_daily_on_update();
create trigger hotline_stats_daily_delete after delete on hotline_order
  referencing old table as old_rows for each statement execute function hotline_stats_daily_on_delete();

create function hotline_stats_daily_truncate() returns trigger language plpgsql as $$
begin
  truncate hotline_stats_daily;
  return null;
end $$;
create trigger hotline_stats_daily_truncate after truncate on hotline_order
  for each statement execute function hotline_stats_daily_truncate();

-- The orders already there.
insert into hotline_stats_daily (shard, day, area, unit_id, top_category_id, total, dispatched, closed,
  closed_by_unit, closed_on_time, responded_on_time, followed_up, satisfied, basically_satisfied, unsatisfied,
  unreachable, solved_satisfied, solved_basically_satisfied, solved_unsatisfied, solved_unreachable)
select 0, (received_at at time zone 'Asia/Shanghai')::date, coalesce(town_code, division_code), unit_id,
  top_category_id,
  count(*),
  count(*) filter (where unit_id is not null),
  count(*) filter (where closed_at is not null),
  count(*) filter (where status = 'closed'),
  count(*) filter (where closed_on_time),
  count(*) filter (where responded_on_time),
  count(*) filter (where followup_result is not null),
  count(*) filter (where followup_result = 'satisfied'),
  count(*) filter (where followup_result = 'basically_satisfied'),
  count(*) filter (where followup_result = 'unsatisfied'),
  count(*) filter (where followup_result = 'unreachable'),
  count(*) filter (where solved and followup_result = 'satisfied'),
  count(*) filter (where solved and followup_result = 'basically_satisfied'),
  count(*) filter (where solved and followup_result = 'unsatisfied'),
  count(*) filter (where solved and followup_result = 'unreachable')
from hotline_order where status <> 'merged'
group by 2, 3, 4, 5;

-- Deleting an order checks that no order was merged into it; without an index that is a scan of the whole table
-- per deleted row (withdrawing a 1,000,000-order scenario took hours). Only merged orders carry the column.
create index hotline_order_merged_into_idx on hotline_order (merged_into_id) where merged_into_id is not null;
