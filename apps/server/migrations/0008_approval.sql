-- Theme approval cases (办件): one window, one combined form, materials uploaded once, 容缺受理, zone-assessment
-- reuse, parallel department review on the workflow engine, unified issuance.
create table approval_case (
  id uuid primary key default gen_random_uuid(),
  number text not null unique, -- 受理编号 from the approval.receipt series
  theme_code text not null,
  theme_version int not null,
  variant_key text,
  variant_name text not null,
  title text not null,
  project_code text,
  division_code text not null,
  park_code text,
  channel text not null check (channel in ('online', 'window')),
  applicant_user_id uuid references core_user (id),
  enterprise_uscc text not null,
  enterprise_name text not null,
  contact_name text,
  contact_mobile text,
  clerk_id uuid references core_user (id),
  location_id uuid,
  form jsonb not null,
  plan jsonb not null,
  status text not null check (status in ('in_review', 'awaiting_issuance', 'issued', 'completed', 'refused', 'withdrawn')),
  workflow_instance_id uuid,
  committed_days int not null,
  submitted_at timestamptz not null default now(),
  issued_at timestamptz,
  closed_at timestamptz,
  version int not null default 1
);
create index approval_case_division_idx on approval_case (division_code text_pattern_ops);
create index approval_case_applicant_idx on approval_case (applicant_user_id);
create index approval_case_uscc_idx on approval_case (enterprise_uscc);

-- Materials: one row per material code, shared by every item that needs it; pending ones carry a due date.
create table approval_case_material (
  case_id uuid not null references approval_case (id) on delete cascade,
  code text not null,
  name text not null,
  item_codes text[] not null,
  required boolean not null,
  file_id uuid references core_file (id),
  pending boolean not null default false,
  due_date date,
  supplied_at timestamptz,
  primary key (case_id, code)
);

-- Items of the case: reviewed by their department, or satisfied by a park's zone assessment.
create table approval_case_item (
  case_id uuid not null references approval_case (id) on delete cascade,
  item_code text not null,
  item_version int not null,
  item_name text not null,
  department_id uuid not null references core_org_unit (id),
  stage_no int not null,
  committed_days int not null,
  legal_days int not null,
  certificate_kind text,
  certificate_name text,
  certificate_id uuid,
  zone_kind text,
  zone_report_no text,
  status text not null check (status in ('in_review', 'approved', 'rejected', 'zone_satisfied', 'cancelled')),
  primary key (case_id, item_code)
);
create index approval_case_item_department_idx on approval_case_item (department_id);

-- What zone-assessment reuse saved the enterprise on this case.
create table approval_zone_reuse (
  case_id uuid not null references approval_case (id) on delete cascade,
  kind_code text not null,
  kind_name text not null,
  report_no text not null,
  item_codes text[] not null,
  land_area_mu numeric not null,
  cost_per_mu_yuan numeric not null,
  saving_yuan numeric not null,
  primary key (case_id, kind_code)
);
