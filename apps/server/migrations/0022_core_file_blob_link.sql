-- File content in PostgreSQL so every API node reads what any node stored (default FILES_URL=postgres):
-- content-addressed by sha256, in 256 KB chunks, written in the upload's transaction.
create table core_file_blob (
  sha256 text not null,
  seq integer not null,
  data bytea not null,
  primary key (sha256, seq)
);

-- Which object a file is attached to. A file is readable by whoever may read one of its objects
-- (each module registers the check for its subject types), and by its uploader while it has none.
create table core_file_link (
  file_id uuid not null references core_file (id),
  subject_type text not null,
  subject_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (file_id, subject_type, subject_id)
);
create index core_file_link_subject_idx on core_file_link (subject_type, subject_id);

-- Attachments made before links existed (one-time backfill of the attachment columns of each module).
insert into core_file_link (file_id, subject_type, subject_id)
select distinct l.file_id, l.subject_type, l.subject_id
from (
  select file_id, 'approval_case' as subject_type, case_id as subject_id
  from approval_case_material where file_id is not null
  union all
  select unnest(attachments), 'hotline_order', id from hotline_order
  union all
  select unnest(attachments), 'hotline_order', order_id from hotline_event
  union all
  select unnest(attachments), 'enterprise_service_request', id from enterprise_service_request
  union all
  select unnest(attachments), 'policy_policy', id from policy_policy
) l
join core_file f on f.id = l.file_id
on conflict do nothing;
