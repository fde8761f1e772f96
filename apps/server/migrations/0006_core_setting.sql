-- Locality rules (time limits, sampling rates, rating weights …) as configuration: code holds the seed's
-- defaults, this table holds a district's overrides.
create table core_setting (
  key text primary key,
  value jsonb not null,
  updated_by uuid references core_user (id),
  updated_at timestamptz not null default now()
);
