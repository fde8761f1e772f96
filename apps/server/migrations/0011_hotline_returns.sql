-- 退单 history on the order itself: the dispatcher board tells a returned order from a new one without reading
-- every timeline.
alter table hotline_order
  add column return_count int not null default 0,
  add column last_returned_at timestamptz,
  add column last_return_reason text;
