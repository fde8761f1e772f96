-- An administrator reset the password: the next session must change it before doing anything else.
alter table core_user add column password_reset_required boolean not null default false;
