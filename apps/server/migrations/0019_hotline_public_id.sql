-- Open311 publishes orders under a random public id instead of the sequential number (牟热〔2026〕004078), so
-- request ids cannot be guessed. 'R' + 20 hex digits = 80 random bits taken from gen_random_uuid() (core since
-- PostgreSQL 13; the version and variant nibbles at positions 13 and 17 are skipped).
create function hotline_new_public_id() returns text language sql volatile as $$
  select 'R' || upper(substr(u, 1, 12) || substr(u, 14, 3) || substr(u, 18, 5))
  from (select replace(gen_random_uuid()::text, '-', '') as u) s
$$;

-- A volatile default rewrites the table and evaluates per row: existing orders are backfilled here.
alter table hotline_order add column public_id text not null default hotline_new_public_id();
create unique index hotline_order_public_id_idx on hotline_order (public_id);
