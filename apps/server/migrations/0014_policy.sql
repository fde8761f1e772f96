-- Policy push (惠企政策, issue #5): policies with a structured eligibility rule, interpretations, matches with their
-- reasons (one row per policy × enterprise: a policy is pushed to an enterprise at most once), policy Q&A on the
-- workflow engine (24-hour SLA), and FAQs. Enterprises are referred to by USCC (the enterprise module owns them).

create table policy_policy (
  id uuid primary key default gen_random_uuid(),
  title text not null,
  doc_number text,
  department_id uuid not null references core_org_unit (id),
  level text not null check (level in ('national', 'provincial', 'city', 'district')),
  division_code text not null,
  valid_from date not null,
  valid_to date,
  benefit_summary text not null,
  full_text text not null default '',
  attachments uuid[] not null default '{}',
  service_item_code text,
  enterprise_service_code text,
  rule jsonb,
  status text not null default 'draft' check (status in ('draft', 'published', 'expired')),
  published_at timestamptz,
  published_by uuid,
  expired_at timestamptz,
  -- Enterprises matched so far (maintained by the matcher) and when the last matching run finished.
  match_count int not null default 0,
  matched_at timestamptz,
  created_by uuid,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index policy_policy_status_idx on policy_policy (status, published_at desc);
create index policy_policy_department_idx on policy_policy (department_id);

create table policy_interpretation (
  id uuid primary key default gen_random_uuid(),
  policy_id uuid not null references policy_policy (id) on delete cascade,
  kind text not null check (kind in ('leader', 'onsite', 'video', 'graphic')),
  title text not null,
  body text not null,
  media uuid[] not null default '{}',
  speaker text,
  created_by uuid,
  -- clock_timestamp: several added in one transaction keep their order.
  created_at timestamptz not null default clock_timestamp()
);
create index policy_interpretation_policy_idx on policy_interpretation (policy_id);

-- One row per (policy, enterprise): inserted when the enterprise first matches and is pushed; never pushed twice.
create table policy_match (
  policy_id uuid not null references policy_policy (id) on delete cascade,
  uscc text not null,
  enterprise_name text not null,
  reasons jsonb not null default '[]',
  matched_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (policy_id, uscc)
);
create index policy_match_uscc_idx on policy_match (uscc, matched_at desc);

create table policy_question (
  id uuid primary key default gen_random_uuid(),
  policy_id uuid not null references policy_policy (id),
  uscc text not null,
  enterprise_name text not null,
  asker_id uuid not null references core_user (id),
  department_id uuid not null references core_org_unit (id),
  question text not null,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text,
  answered_by uuid references core_user (id),
  answered_by_name text,
  answered_at timestamptz,
  due_at timestamptz,
  sla_flag text check (sla_flag in ('warning', 'overdue')),
  workflow_instance_id uuid,
  rating_id uuid,
  rating_level int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index policy_question_department_idx on policy_question (department_id, status, created_at desc);
create index policy_question_uscc_idx on policy_question (uscc, created_at desc);
create index policy_question_policy_idx on policy_question (policy_id);

create table policy_faq (
  id uuid primary key default gen_random_uuid(),
  policy_id uuid not null references policy_policy (id) on delete cascade,
  question_id uuid unique references policy_question (id),
  question text not null,
  answer text not null,
  published_by uuid,
  published_at timestamptz not null default clock_timestamp()
);
create index policy_faq_policy_idx on policy_faq (policy_id, published_at);
