-- Service locations (区政务服务中心, 镇街便民服务中心, 村居党群服务站, 园区工作站).
create table directory_location (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('district_hall', 'town_centre', 'village_station', 'park_station')),
  division_code text not null,
  address text not null,
  phone text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index directory_location_division_idx on directory_location (division_code text_pattern_ops);

-- Which departments are stationed at a location (e.g. 8 district departments at the park workstation).
create table directory_location_department (
  location_id uuid not null references directory_location (id) on delete cascade,
  department_id uuid not null references core_org_unit (id),
  primary key (location_id, department_id)
);
