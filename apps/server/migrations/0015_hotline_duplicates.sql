-- Duplicate hints at intake look orders up three ways (same phone, same address, same category nearby); each gets
-- an index, so the lookup stays a few index probes however many orders the window holds.
create index hotline_order_address_idx
  on hotline_order (division_code, (regexp_replace(lower(address), '\s', '', 'g')), received_at);
create index hotline_order_category_geo_idx on hotline_order (category_id, received_at) where lat is not null;
