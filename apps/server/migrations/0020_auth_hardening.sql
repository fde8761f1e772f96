-- Login throttling shared by every node: one row per key ('acct-ip:<user>|<ip>', 'acct:<user>', 'ip:<ip>').
-- A login reserves an attempt here (one atomic upsert) before any password is verified.
create table core_login_throttle (
  key text primary key,
  attempts int not null,
  window_end timestamptz not null
);
create index core_login_throttle_end_idx on core_login_throttle (window_end);

-- Password age and history (等保 2.0: periodic change, no reuse of recent passwords).
alter table core_user add column password_changed_at timestamptz not null default now();
create table core_password_history (
  id bigserial primary key,
  user_id uuid not null references core_user (id) on delete cascade,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create index core_password_history_user_idx on core_password_history (user_id, created_at desc);

-- A session opened with an expired password may only change it.
alter table core_session add column must_change_password boolean not null default false;

-- Integration keys can expire.
alter table core_api_key add column expires_at timestamptz;
