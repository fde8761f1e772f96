-- The printed wording of select answers (e.g. landUseType industrial → 工业用地), captured at intake so
-- certificates print what the applicant chose even if the catalogue's labels change later.
alter table approval_case add column form_labels jsonb not null default '{}';
