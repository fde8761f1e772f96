-- 好差评: one rating per rated matter per rater; 差评 (1–2) opens a rectification on the workflow engine.
create table rating_rating (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null,
  subject_id text not null,
  subject_title text not null,
  service_item_code text,
  department_id uuid references core_org_unit (id),
  division_code text not null,
  rater_id uuid not null references core_user (id),
  channel text not null check (channel in ('online', 'window', 'app', 'sms', 'hotline', 'kiosk', 'qr')),
  level int not null check (level between 1 and 5),
  reasons text[] not null default '{}',
  comment text,
  real_name boolean not null default true,
  indicator_version text not null,
  rectification_instance_id uuid,
  created_at timestamptz not null default now(),
  unique (subject_type, subject_id, rater_id)
);
create index rating_rating_department_idx on rating_rating (department_id, created_at);
create index rating_rating_division_idx on rating_rating (division_code text_pattern_ops);
