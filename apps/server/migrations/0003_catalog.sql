-- Catalogue (issue #3): service items (事项), themes (一件事), zone-assessment kinds (区域评估) and parks.
-- Items and themes are versioned: an edit inserts a version row and moves the head's current_version; versions are
-- never updated or deleted, so a case pinned to a version can always read it.

-- The 11 kinds of zone assessment (区域评估). Configurable: cost_per_mu_yuan is what a project would pay for its own
-- study, per mu (元/亩), used to report what a completed zone assessment saves.
create table catalog_zone_assessment_kind (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  description text,
  cost_per_mu_yuan numeric(12, 2) not null check (cost_per_mu_yuan >= 0),
  sort_order int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table catalog_item (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  current_version int not null check (current_version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table catalog_item_version (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references catalog_item (id),
  version int not null check (version >= 1),
  name text not null,
  department_id uuid not null references core_org_unit (id),
  stage smallint not null check (stage between 1 and 4),
  -- Working days (行政许可法 art. 82); committed 0 = handled on the spot (即办件).
  legal_limit_days int not null check (legal_limit_days >= 1),
  committed_limit_days int not null check (committed_limit_days >= 0 and committed_limit_days <= legal_limit_days),
  materials jsonb not null default '[]',
  form_fields jsonb not null default '[]',
  levels text[] not null check (cardinality(levels) >= 1 and levels <@ array['district', 'town', 'village']),
  online_capable boolean not null,
  certificate jsonb,
  zone_assessment_kind text references catalog_zone_assessment_kind (code),
  change_note text,
  created_by uuid references core_user (id),
  created_at timestamptz not null default now(),
  unique (item_id, version)
);
create index catalog_item_version_department_idx on catalog_item_version (department_id);

create table catalog_theme (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  current_version int not null check (current_version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table catalog_theme_version (
  id uuid primary key default gen_random_uuid(),
  theme_id uuid not null references catalog_theme (id),
  version int not null check (version >= 1),
  name text not null,
  description text,
  form_fields jsonb not null default '[]',
  stages jsonb not null,
  variants jsonb not null default '[]',
  change_note text,
  created_by uuid references core_user (id),
  created_at timestamptz not null default now(),
  unique (theme_id, version)
);

-- Parks (园区) whose zone assessments are done; projects inside reuse the results.
create table catalog_park (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  division_code text not null,
  area_mu numeric(12, 2) not null check (area_mu > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index catalog_park_division_idx on catalog_park (division_code text_pattern_ops);

create table catalog_park_assessment (
  id uuid primary key default gen_random_uuid(),
  park_id uuid not null references catalog_park (id) on delete cascade,
  kind_code text not null references catalog_zone_assessment_kind (code),
  report_no text not null,
  completed_on date not null,
  created_at timestamptz not null default now(),
  unique (park_id, kind_code)
);
