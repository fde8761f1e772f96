-- Platform tables (core_*): identity, sessions, audit, outbox, document numbers, files, notifications, calendar.
create extension if not exists pgcrypto;

-- Divisions (GB/T 2260 + NBS statistical codes), versioned by data year. Every business row carries a code.
create table core_division (
  code text not null,
  data_year int not null,
  name text not null,
  level text not null check (level in ('province', 'city', 'district', 'town', 'village')),
  kind text not null,
  parent_code text,
  primary key (code, data_year)
);
create index core_division_parent_idx on core_division (data_year, parent_code);
create index core_division_name_idx on core_division (name text_pattern_ops);

-- Departments and units (部门/承办单位/镇街办事处).
create table core_org_unit (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  short_name text,
  kind text not null,
  division_code text not null,
  parent_id uuid references core_org_unit (id),
  construction_approval boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index core_org_unit_division_idx on core_org_unit (division_code text_pattern_ops);

create table core_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  kind text not null check (kind in ('staff', 'enterprise', 'citizen')),
  password_hash text not null,
  mobile text,
  email text,
  -- The enterprise a company account acts for (USCC, check-digit validated on write).
  enterprise_uscc text,
  status text not null default 'active' check (status in ('active', 'disabled')),
  failed_logins int not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- A post = role + scope. Scope is a division code matched by prefix, optionally narrowed to one department.
create table core_post (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references core_user (id) on delete cascade,
  role text not null,
  scope_division_code text not null,
  department_id uuid references core_org_unit (id),
  created_at timestamptz not null default now()
);
create index core_post_user_idx on core_post (user_id);
create index core_post_scope_idx on core_post (scope_division_code text_pattern_ops);

create table core_session (
  id text primary key, -- sha256 of the cookie token; the token itself is never stored
  user_id uuid not null references core_user (id) on delete cascade,
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index core_session_user_idx on core_session (user_id);

create table core_api_key (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  prefix text not null unique, -- first characters, shown to admins to tell keys apart
  key_hash text not null,
  capabilities text[] not null,
  scope_division_code text not null,
  created_by uuid references core_user (id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Audit: append-only, hash-chained. seq is gap-free (assigned under a lock), head keeps the last link so that
-- deleting the newest rows is detected too.
create table core_audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id text,
  actor_kind text not null,
  action text not null,
  resource_type text not null,
  resource_id text,
  division_code text,
  request_id text,
  data jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);
create index core_audit_log_resource_idx on core_audit_log (resource_type, resource_id);
create table core_audit_head (
  id int primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into core_audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
create function core_audit_log_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'core_audit_log is append-only';
end $$;
create trigger core_audit_log_no_update before update or delete on core_audit_log
  for each row execute function core_audit_log_immutable();
create trigger core_audit_log_no_truncate before truncate on core_audit_log
  for each statement execute function core_audit_log_immutable();

-- Transactional outbox: module events written with the state change, delivered after commit.
create table core_outbox (
  id bigserial primary key,
  name text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz,
  attempts int not null default 0,
  last_error text
);
create index core_outbox_pending_idx on core_outbox (id) where dispatched_at is null;

-- Formatted document numbers, gap-free per series and period.
create table core_doc_series (
  key text primary key,
  name text not null,
  pattern text not null, -- e.g. 牟审〔{yyyy}〕{seq:6}
  reset text not null default 'yearly' check (reset in ('yearly', 'never')),
  created_at timestamptz not null default now()
);
create table core_doc_counter (
  series_key text not null references core_doc_series (key),
  period text not null,
  last_value bigint not null,
  primary key (series_key, period)
);

create table core_file (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid references core_user (id),
  name text not null,
  mime text not null,
  size bigint not null,
  sha256 text not null,
  storage_key text not null,
  division_code text,
  created_at timestamptz not null default now()
);

-- In-app inbox and the record of every outbound message.
create table core_notification (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references core_user (id) on delete cascade,
  title text not null,
  body text not null,
  link text,
  event_id bigint,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index core_notification_user_idx on core_notification (user_id, created_at desc);
create unique index core_notification_event_user_idx on core_notification (event_id, user_id) where event_id is not null;
create table core_message (
  id uuid primary key default gen_random_uuid(),
  channel text not null, -- email | sms
  recipient text not null,
  subject text,
  body text not null,
  status text not null check (status in ('sent', 'failed', 'skipped')),
  error text,
  event_id bigint,
  created_at timestamptz not null default now()
);

-- Working-day calendar: one row per published (or imported) year schedule version.
create table core_calendar_year (
  year int not null,
  version int not null,
  source text not null,
  active boolean not null default true,
  imported_by uuid references core_user (id),
  imported_at timestamptz not null default now(),
  primary key (year, version)
);
create unique index core_calendar_year_active_idx on core_calendar_year (year) where active;
create table core_calendar_day (
  year int not null,
  version int not null,
  day date not null,
  type text not null check (type in ('holiday', 'workday')),
  name text not null,
  primary key (year, version, day),
  foreign key (year, version) references core_calendar_year (year, version)
);
