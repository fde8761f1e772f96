-- The one workflow engine: versioned definitions, instances (a parallel branch is a child instance), tasks
-- (the worklist), and the append-only transition history.
create table workflow_definition (
  id uuid primary key default gen_random_uuid(),
  key text not null,
  version int not null,
  name text not null,
  spec jsonb not null,
  created_at timestamptz not null default now(),
  unique (key, version)
);

create table workflow_instance (
  id uuid primary key default gen_random_uuid(),
  definition_id uuid not null references workflow_definition (id),
  parent_id uuid references workflow_instance (id),
  root_id uuid, -- the top instance (itself for a root); set on insert
  branch jsonb, -- for a branch: { key, name, departmentId, sla, deemedConsent, ... }
  subject_type text not null,
  subject_id text not null,
  title text not null,
  division_code text not null,
  applicant_id uuid,
  state text not null,
  status text not null default 'active' check (status in ('active', 'completed', 'cancelled')),
  outcome text,
  context jsonb not null default '{}',
  started_at timestamptz not null,
  due_at timestamptz,
  due_provisional boolean not null default false,
  paused_at timestamptz,
  pause_depth int not null default 0,
  paused_total_ms bigint not null default 0,
  completed_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index workflow_instance_parent_idx on workflow_instance (parent_id);
create index workflow_instance_root_idx on workflow_instance (root_id);
create index workflow_instance_subject_idx on workflow_instance (subject_type, subject_id);
create index workflow_instance_division_idx on workflow_instance (division_code text_pattern_ops);

create table workflow_task (
  id uuid primary key default gen_random_uuid(),
  instance_id uuid not null references workflow_instance (id),
  root_id uuid not null,
  state text not null,
  name text not null,
  assignee_role text,
  assignee_department_id uuid,
  assignee_applicant boolean not null default false,
  division_code text not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  due_at timestamptz,
  warn_at timestamptz,
  sla_flag text not null default 'on_track' check (sla_flag in ('on_track', 'warning', 'overdue')),
  paused_at timestamptz,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  completed_by uuid,
  completed_action text
);
create index workflow_task_open_idx on workflow_task (assignee_role, assignee_department_id) where status = 'open';
create index workflow_task_instance_idx on workflow_task (instance_id);
create index workflow_task_root_idx on workflow_task (root_id);

create table workflow_transition (
  id bigserial primary key,
  instance_id uuid not null references workflow_instance (id),
  root_id uuid not null,
  from_state text,
  to_state text not null,
  action text not null,
  actor_id text,
  actor_kind text not null,
  actor_name text,
  comment text,
  attachments jsonb not null default '[]',
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create index workflow_transition_root_idx on workflow_transition (root_id, id);
create function workflow_transition_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'workflow_transition is append-only';
end $$;
create trigger workflow_transition_no_change before update or delete on workflow_transition
  for each row execute function workflow_transition_immutable();
