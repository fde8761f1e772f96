-- 12345 hotline (接诉即办): categories, routing rules, knowledge base, work orders and their timeline.
-- hotline_order is denormalised for statistics over millions of rows (unit, town, top category, on-time flags,
-- follow-up result live on the order), see docs/hotline.md.

create table hotline_category (
  id uuid primary key default gen_random_uuid(),
  parent_id uuid references hotline_category (id),
  code text not null unique, -- 01 → 0101 → 010101 (also the Open311 service_code)
  name text not null,
  -- '/<root id>/<child id>/…/<own id>/': a rule on a category applies to its whole subtree (prefix match).
  path text not null,
  path_name text not null,
  depth int not null,
  guidance text, -- 非受理范围指引
  sort int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hotline_category_parent_idx on hotline_category (parent_id);
create index hotline_category_path_idx on hotline_category (path text_pattern_ops);

create table hotline_routing_rule (
  id uuid primary key default gen_random_uuid(),
  category_id uuid references hotline_category (id), -- null: any category
  division_prefix text not null,
  unit_id uuid not null references core_org_unit (id),
  co_unit_ids uuid[] not null default '{}',
  note text,
  created_at timestamptz not null default now(),
  unique (category_id, division_prefix)
);

-- Knowledge base. `search` holds words from Intl.Segmenter plus character bigrams (PostgreSQL has no Chinese
-- parser), built by the service and indexed with the 'simple' configuration.
create table hotline_kb_article (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  content text not null,
  keywords text[] not null default '{}',
  category_id uuid references hotline_category (id),
  search tsvector not null,
  active boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index hotline_kb_article_search_idx on hotline_kb_article using gin (search);

create table hotline_order (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  source text not null default 'live' check (source in ('live', 'scenario')),
  channel text not null,
  upstream_source text,
  upstream_number text,
  caller_name text not null,
  caller_phone text not null,
  confidential boolean not null default false,
  request_type text not null check (request_type in ('consult', 'help', 'complaint', 'report', 'suggestion', 'praise')),
  urgency text not null check (urgency in ('urgent', 'normal')),
  category_id uuid references hotline_category (id),
  top_category_id uuid references hotline_category (id),
  division_code text not null,
  town_code text, -- 9-digit town/street prefix of division_code (null when only the district is known)
  address text not null,
  lat double precision,
  lng double precision,
  title text not null,
  description text not null,
  attachments uuid[] not null default '{}',
  status text not null,
  public_status text not null default 'received'
    check (public_status in ('received', 'processing', 'replied', 'closed')),
  public_reply text,
  unit_id uuid references core_org_unit (id),
  co_unit_ids uuid[] not null default '{}',
  received_at timestamptz not null,
  dispatched_at timestamptz,
  ack_due_at timestamptz,
  acknowledged_at timestamptz,
  due_at timestamptz,
  replied_at timestamptz,
  closed_at timestamptz,
  closed_on_time boolean,
  responded_on_time boolean,
  reply_text text,
  contact_method text,
  contacted_at timestamptz,
  followup_result text check (followup_result in ('satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable')),
  followup_at timestamptz,
  solved boolean,
  reopen_count int not null default 0,
  supervised boolean not null default false,
  sla_flag text not null default 'on_track' check (sla_flag in ('on_track', 'warning', 'overdue')),
  extension_days int not null default 0,
  pending_extension jsonb, -- { days, reason, requestedAt } while 延期审核
  kb_article_id uuid references hotline_kb_article (id),
  merged_into_id uuid references hotline_order (id),
  tracking_hash text,
  workflow_instance_id uuid, -- null for scenario (generated) orders
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
-- Same upstream order twice → one order (transfer idempotency).
create unique index hotline_order_upstream_idx on hotline_order (upstream_source, upstream_number)
  where upstream_source is not null;
create unique index hotline_order_tracking_idx on hotline_order (tracking_hash) where tracking_hash is not null;
-- Period scans for statistics: BRIN for huge append-ordered tables, and a covering b-tree so the grouped counts
-- run as index-only scans.
create index hotline_order_received_brin on hotline_order using brin (received_at);
create index hotline_order_stats_idx on hotline_order (received_at)
  include (unit_id, town_code, top_category_id, status, closed_at, closed_on_time, responded_on_time,
    followup_result, solved, division_code);
create index hotline_order_unit_idx on hotline_order (unit_id, received_at);
create index hotline_order_status_idx on hotline_order (status, received_at);
create index hotline_order_division_idx on hotline_order (division_code text_pattern_ops);
create index hotline_order_phone_idx on hotline_order (caller_phone, received_at);
create index hotline_order_category_idx on hotline_order (category_id, received_at);
create index hotline_order_co_units_idx on hotline_order using gin (co_unit_ids);
create index hotline_order_workflow_idx on hotline_order (workflow_instance_id);

-- The full timeline of an order: who (and for which unit) did what, when, why, with which files. Append-only.
create table hotline_event (
  id bigserial primary key,
  order_id uuid not null references hotline_order (id),
  at timestamptz not null default now(),
  actor_id text,
  actor_kind text not null,
  actor_name text,
  unit_id uuid references core_org_unit (id),
  action text not null,
  from_status text,
  to_status text,
  reason text,
  data jsonb not null default '{}',
  attachments uuid[] not null default '{}'
);
create index hotline_event_order_idx on hotline_event (order_id, id);
create function hotline_event_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'hotline_event is append-only';
end $$;
create trigger hotline_event_no_change before update or delete on hotline_event
  for each row execute function hotline_event_immutable();
