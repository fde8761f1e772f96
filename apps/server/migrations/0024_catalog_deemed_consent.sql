-- Issue #10 (promised features).

-- 默认同意 per catalogue item: a department branch left unhandled past its deadline is approved by the system.
alter table catalog_item_version add column deemed_consent boolean not null default false;
