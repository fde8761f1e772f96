-- 12345 statistics conventions (issue 10 §3, docs/hotline.md "Statistics"): the facts the Shandong/national
-- conventions of DOMAIN.md §1.5 need, which the order row overwrote until now, and a daily rollup that keeps them.
--
-- On the order (kept by a BEFORE row trigger, so every writer fills them: the service, the scenario generator):
--   first_replied_at / first_due_at / first_contact_at: the first reply the centre accepted (待审核 → 待回访), or a
--     direct answer, with the deadline then in force and the caller contact recorded with it. 重办 clears
--     replied_at and moves due_at; these stay, so 按期 can be judged by the first reply.
--   followup_results / followup_solved: every follow-up call in order, so a 不满意 before 重办 still counts.
-- The rollup gains a `basis`: each order is counted once on the CST day it was received ('r') and once on the day
-- of its first deadline ('d'), so 办结率 can count the orders due in a period.

drop trigger hotline_stats_daily_insert on hotline_order;
drop trigger hotline_stats_daily_update on hotline_order;
drop trigger hotline_stats_daily_delete on hotline_order;
drop function hotline_stats_daily_on_insert();
drop function hotline_stats_daily_on_update();
drop function hotline_stats_daily_on_delete();
drop function hotline_stats_daily_merge(hotline_stats_delta[]);
drop type hotline_stats_delta;

alter table hotline_order
  add column first_replied_at timestamptz,
  add column first_due_at timestamptz,
  add column first_contact_at timestamptz,
  add column followup_results text[] not null default '{}',
  add column followup_solved boolean[] not null default '{}';

-- The orders already there: the accepted reply as it stands (an order reopened before this migration takes its
-- current deadline), and the follow-up calls from the timeline where it recorded them, else the latest result.
update hotline_order set first_replied_at = replied_at, first_due_at = due_at,
  first_contact_at = case when contact_method <> 'not_needed' then coalesce(contacted_at, replied_at) end
where replied_at is not null and status in ('followup', 'closed', 'closed_direct');
update hotline_order o set followup_results = h.results, followup_solved = h.solved
from (select order_id, array_agg(data->>'result' order by at, id) as results,
        array_agg(coalesce((data->>'solved')::boolean, false) order by at, id) as solved
      from hotline_event where action = 'followup' and data ? 'result' group by order_id) h
where h.order_id = o.id;
update hotline_order set followup_results = array[followup_result], followup_solved = array[coalesce(solved, false)]
where followup_result is not null and cardinality(followup_results) = 0;

create function hotline_order_stats_facts() returns trigger language plpgsql as $$
begin
  if new.first_replied_at is null and new.replied_at is not null
     and new.status in ('followup', 'closed', 'closed_direct') then
    new.first_replied_at := new.replied_at;
    new.first_due_at := new.due_at;
    new.first_contact_at := case when new.contact_method <> 'not_needed' then coalesce(new.contacted_at, new.replied_at) end;
  end if;
  if new.followup_result is not null and (
       (tg_op = 'INSERT' and cardinality(new.followup_results) = 0)
       or (tg_op = 'UPDATE' and new.followup_at is distinct from old.followup_at)) then
    new.followup_results := new.followup_results || new.followup_result;
    new.followup_solved := new.followup_solved || coalesce(new.solved, false);
  end if;
  return new;
end $$;
-- WHEN keeps the function off the hot path: an intake, a dispatch or an acknowledgement never calls it.
create trigger hotline_order_stats_facts_insert before insert on hotline_order
  for each row when (new.replied_at is not null or new.followup_result is not null)
  execute function hotline_order_stats_facts();
create trigger hotline_order_stats_facts_update before update on hotline_order
  for each row when (
    (old.first_replied_at is null and new.replied_at is not null
      and new.status in ('followup', 'closed', 'closed_direct'))
    or (new.followup_result is not null and new.followup_at is distinct from old.followup_at))
  execute function hotline_order_stats_facts();

-- The rollup: a basis in the key and the counters of every convention (chosen at query time).
truncate hotline_stats_daily;
alter table hotline_stats_daily
  drop constraint hotline_stats_daily_key,
  add column basis "char" not null default 'r',
  add column declined int not null default 0,
  add column closed_on_time_first int not null default 0,
  add column replied_on_time_first int not null default 0,
  add column replied_on_time_last int not null default 0,
  add column contacted_on_time int not null default 0,
  add column followup_due int not null default 0,
  add column calls_satisfied int not null default 0,
  add column calls_basically_satisfied int not null default 0,
  add column calls_unsatisfied int not null default 0,
  add column calls_unreachable int not null default 0,
  add column calls_solved_satisfied int not null default 0,
  add column calls_solved_basically_satisfied int not null default 0,
  add column calls_solved_unsatisfied int not null default 0,
  add column calls_solved_unreachable int not null default 0,
  add constraint hotline_stats_daily_key unique nulls not distinct (shard, basis, day, area, unit_id, top_category_id);
drop index hotline_stats_daily_day_idx;
create index hotline_stats_daily_day_idx on hotline_stats_daily (basis, day, area);

create type hotline_stats_delta as (
  sign int,
  received_at timestamptz,
  due_at timestamptz,
  town_code text,
  division_code text,
  unit_id uuid,
  top_category_id uuid,
  status text,
  closed_at timestamptz,
  closed_on_time boolean,
  responded_on_time boolean,
  followup_result text,
  solved boolean,
  replied_at timestamptz,
  first_replied_at timestamptz,
  first_due_at timestamptz,
  first_contact_at timestamptz,
  followup_results text[],
  followup_solved boolean[]
);

-- Per-order facts (the raw scan in stats-scan.ts states the same ones independently; tests compare the two):
--   closed_on_time_first: closed by a unit with the first accepted reply by the deadline then, or a direct answer;
--   replied_on_time_first / _last: the first accepted reply by its deadline / the current accepted reply by the
--     current deadline (a reopened order has none until the unit replies again), or a direct answer;
--   contacted_on_time: dispatched, and the caller contacted or the first accepted reply made by the deadline;
--   followup_due: the centre accepted a reply (待回访 reached, even if reopened since); 回访率's denominator.
create function hotline_stats_daily_merge(deltas hotline_stats_delta[]) returns void language sql as $$
  insert into hotline_stats_daily as s (shard, basis, day, area, unit_id, top_category_id, total, dispatched, declined,
    closed, closed_by_unit, closed_on_time, closed_on_time_first, replied_on_time_first, replied_on_time_last,
    responded_on_time, contacted_on_time, followup_due, followed_up, satisfied, basically_satisfied, unsatisfied,
    unreachable, solved_satisfied, solved_basically_satisfied, solved_unsatisfied, solved_unreachable,
    calls_satisfied, calls_basically_satisfied, calls_unsatisfied, calls_unreachable, calls_solved_satisfied,
    calls_solved_basically_satisfied, calls_solved_unsatisfied, calls_solved_unreachable)
  select pg_backend_pid() % 64, b.basis, (b.at at time zone 'Asia/Shanghai')::date,
    coalesce(d.town_code, d.division_code), d.unit_id, d.top_category_id,
    sum(d.sign),
    coalesce(sum(d.sign) filter (where d.unit_id is not null), 0),
    coalesce(sum(d.sign) filter (where d.status = 'declined'), 0),
    coalesce(sum(d.sign) filter (where d.closed_at is not null), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed'), 0),
    coalesce(sum(d.sign) filter (where d.closed_on_time), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed_direct' or (d.status = 'closed'
      and d.first_replied_at <= coalesce(d.first_due_at, d.first_replied_at))), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed_direct'
      or d.first_replied_at <= coalesce(d.first_due_at, d.first_replied_at)), 0),
    coalesce(sum(d.sign) filter (where d.status = 'closed_direct' or (d.status in ('followup', 'closed')
      and d.replied_at <= coalesce(d.due_at, d.replied_at))), 0),
    coalesce(sum(d.sign) filter (where d.responded_on_time), 0),
    coalesce(sum(d.sign) filter (where d.unit_id is not null
      and least(d.first_contact_at, d.first_replied_at) <= coalesce(d.first_due_at, d.first_replied_at)), 0),
    coalesce(sum(d.sign) filter (where d.status in ('followup', 'closed') or d.followup_result is not null), 0),
    coalesce(sum(d.sign) filter (where d.followup_result is not null), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'basically_satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'unsatisfied'), 0),
    coalesce(sum(d.sign) filter (where d.followup_result = 'unreachable'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'basically_satisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'unsatisfied'), 0),
    coalesce(sum(d.sign) filter (where d.solved and d.followup_result = 'unreachable'), 0),
    coalesce(sum(d.sign * c.satisfied), 0), coalesce(sum(d.sign * c.basically_satisfied), 0),
    coalesce(sum(d.sign * c.unsatisfied), 0), coalesce(sum(d.sign * c.unreachable), 0),
    coalesce(sum(d.sign * c.solved_satisfied), 0), coalesce(sum(d.sign * c.solved_basically_satisfied), 0),
    coalesce(sum(d.sign * c.solved_unsatisfied), 0), coalesce(sum(d.sign * c.solved_unreachable), 0)
  from unnest(deltas) d
  cross join lateral (values ('r'::"char", d.received_at), ('d'::"char", coalesce(d.first_due_at, d.due_at))) b(basis, at)
  cross join lateral (
    select count(*) filter (where u.r = 'satisfied')::int as satisfied,
      count(*) filter (where u.r = 'basically_satisfied')::int as basically_satisfied,
      count(*) filter (where u.r = 'unsatisfied')::int as unsatisfied,
      count(*) filter (where u.r = 'unreachable')::int as unreachable,
      count(*) filter (where u.r = 'satisfied' and u.ok)::int as solved_satisfied,
      count(*) filter (where u.r = 'basically_satisfied' and u.ok)::int as solved_basically_satisfied,
      count(*) filter (where u.r = 'unsatisfied' and u.ok)::int as solved_unsatisfied,
      count(*) filter (where u.r = 'unreachable' and u.ok)::int as solved_unreachable
    from unnest(d.followup_results, d.followup_solved) u(r, ok)) c
  where d.status <> 'merged' and b.at is not null
  group by 2, 3, 4, 5, 6
  -- One lock order for every writer (no deadlock between two bulk statements on the same shard).
  order by 2, 3, 4, 5, 6
  on conflict on constraint hotline_stats_daily_key do update set
    total = s.total + excluded.total,
    dispatched = s.dispatched + excluded.dispatched,
    declined = s.declined + excluded.declined,
    closed = s.closed + excluded.closed,
    closed_by_unit = s.closed_by_unit + excluded.closed_by_unit,
    closed_on_time = s.closed_on_time + excluded.closed_on_time,
    closed_on_time_first = s.closed_on_time_first + excluded.closed_on_time_first,
    replied_on_time_first = s.replied_on_time_first + excluded.replied_on_time_first,
    replied_on_time_last = s.replied_on_time_last + excluded.replied_on_time_last,
    responded_on_time = s.responded_on_time + excluded.responded_on_time,
    contacted_on_time = s.contacted_on_time + excluded.contacted_on_time,
    followup_due = s.followup_due + excluded.followup_due,
    followed_up = s.followed_up + excluded.followed_up,
    satisfied = s.satisfied + excluded.satisfied,
    basically_satisfied = s.basically_satisfied + excluded.basically_satisfied,
    unsatisfied = s.unsatisfied + excluded.unsatisfied,
    unreachable = s.unreachable + excluded.unreachable,
    solved_satisfied = s.solved_satisfied + excluded.solved_satisfied,
    solved_basically_satisfied = s.solved_basically_satisfied + excluded.solved_basically_satisfied,
    solved_unsatisfied = s.solved_unsatisfied + excluded.solved_unsatisfied,
    solved_unreachable = s.solved_unreachable + excluded.solved_unreachable,
    calls_satisfied = s.calls_satisfied + excluded.calls_satisfied,
    calls_basically_satisfied = s.calls_basically_satisfied + excluded.calls_basically_satisfied,
    calls_unsatisfied = s.calls_unsatisfied + excluded.calls_unsatisfied,
    calls_unreachable = s.calls_unreachable + excluded.calls_unreachable,
    calls_solved_satisfied = s.calls_solved_satisfied + excluded.calls_solved_satisfied,
    calls_solved_basically_satisfied = s.calls_solved_basically_satisfied + excluded.calls_solved_basically_satisfied,
    calls_solved_unsatisfied = s.calls_solved_unsatisfied + excluded.calls_solved_unsatisfied,
    calls_solved_unreachable = s.calls_solved_unreachable + excluded.calls_solved_unreachable
$$;

create function hotline_stats_daily_on_insert() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select row(1, received_at, due_at, town_code, division_code, unit_id, top_category_id, status, closed_at,
      closed_on_time, responded_on_time, followup_result, solved, replied_at, first_replied_at, first_due_at,
      first_contact_at, followup_results, followup_solved)::hotline_stats_delta from new_rows));
  return null;
end $$;

create function hotline_stats_daily_on_delete() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select row(-1, received_at, due_at, town_code, division_code, unit_id, top_category_id, status, closed_at,
      closed_on_time, responded_on_time, followup_result, solved, replied_at, first_replied_at, first_due_at,
      first_contact_at, followup_results, followup_solved)::hotline_stats_delta from old_rows));
  return null;
end $$;

-- Most updates (SLA flag, reply text, number, workflow id …) change no counter: only rows whose counted columns
-- changed move, as -old +new.
create function hotline_stats_daily_on_update() returns trigger language plpgsql as $$
begin
  perform hotline_stats_daily_merge(array(
    select d from old_rows o join new_rows n on n.id = o.id,
      lateral (values
        (row(-1, o.received_at, o.due_at, o.town_code, o.division_code, o.unit_id, o.top_category_id, o.status,
          o.closed_at, o.closed_on_time, o.responded_on_time, o.followup_result, o.solved, o.replied_at,
          o.first_replied_at, o.first_due_at, o.first_contact_at, o.followup_results,
          o.followup_solved)::hotline_stats_delta),
        (row(1, n.received_at, n.due_at, n.town_code, n.division_code, n.unit_id, n.top_category_id, n.status,
          n.closed_at, n.closed_on_time, n.responded_on_time, n.followup_result, n.solved, n.replied_at,
          n.first_replied_at, n.first_due_at, n.first_contact_at, n.followup_results,
          n.followup_solved)::hotline_stats_delta)) v(d)
    where (o.received_at, o.due_at, o.town_code, o.division_code, o.unit_id, o.top_category_id, o.status,
           o.closed_at is null, o.closed_on_time, o.responded_on_time, o.followup_result, o.solved, o.replied_at,
           o.first_replied_at, o.first_due_at, o.first_contact_at, o.followup_results, o.followup_solved)
      is distinct from
          (n.received_at, n.due_at, n.town_code, n.division_code, n.unit_id, n.top_category_id, n.status,
           n.closed_at is null, n.closed_on_time, n.responded_on_time, n.followup_result, n.solved, n.replied_at,
           n.first_replied_at, n.first_due_at, n.first_contact_at, n.followup_results, n.followup_solved)));
  return null;
end $$;

create trigger hotline_stats_daily_insert after insert on hotline_order
  referencing new table as new_rows for each statement execute function hotline_stats_daily_on_insert();
create trigger hotline_stats_daily_update after update on hotline_order
  referencing old table as old_rows new table as new_rows
  for each statement execute function hotline_stats_daily_on_update();
create trigger hotline_stats_daily_delete after delete on hotline_order
  referencing old table as old_rows for each statement execute function hotline_stats_daily_on_delete();

-- The orders already there, a month of receipt at a time (bounded memory over millions of rows).
do $$
declare m date;
begin
  for m in select distinct date_trunc('month', received_at at time zone 'Asia/Shanghai')::date from hotline_order
  loop
    perform hotline_stats_daily_merge(array(
      select row(1, received_at, due_at, town_code, division_code, unit_id, top_category_id, status, closed_at,
        closed_on_time, responded_on_time, followup_result, solved, replied_at, first_replied_at, first_due_at,
        first_contact_at, followup_results, followup_solved)::hotline_stats_delta
      from hotline_order
      where received_at >= m::timestamp at time zone 'Asia/Shanghai'
        and received_at < (m + interval '1 month')::timestamp at time zone 'Asia/Shanghai'));
  end loop;
end $$;
