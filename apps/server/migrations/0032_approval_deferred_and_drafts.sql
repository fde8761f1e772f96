-- 容缺 enforcement: when the applicant was reminded of a deferred material and when its due date passed.
alter table approval_case_material add column reminded_at timestamptz, add column overdue_at timestamptz;

-- Unified issuance (统一出件) while deferred materials were still missing: who decided to issue anyway, and why.
create table approval_issue_override (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references approval_case (id) on delete cascade,
  decided_by text, -- actor id (user or API key)
  decided_by_name text,
  reason text not null,
  materials jsonb not null, -- [{ code, name, dueDate }] missing at the time
  decided_at timestamptz not null default now()
);
create index approval_issue_override_case_idx on approval_issue_override (case_id);

-- Application drafts (草稿): what an applicant or a window clerk has filled in so far, resumed later. Not validated
-- beyond shape and size; submitting a case from a draft deletes it in the same transaction.
create table approval_draft (
  id uuid primary key default gen_random_uuid(),
  owner_user_id uuid not null references core_user (id) on delete cascade,
  channel text not null check (channel in ('online', 'window')),
  theme_code text not null,
  title text, -- the project name at the last save, for the list
  data jsonb not null, -- { form, materials, parkCode?, principal?, locationId?, step }
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index approval_draft_owner_idx on approval_draft (owner_user_id, updated_at desc);
