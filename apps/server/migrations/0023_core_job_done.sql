-- Jobs whose effects have committed, keyed by the pg-boss job id. A handler inserts its job's row in the same
-- transaction as its effects and skips when the row is already there: a worker killed after that commit but before
-- pg-boss marked the job complete re-runs it without a second effect (a second 红牌, a second ack_overdue).
create table core_job_done (
  job_id uuid primary key,
  queue text not null,
  done_at timestamptz not null default now()
);
create index core_job_done_done_at on core_job_done (done_at);
