-- A transaction's notifications travel in one outbox event (a 14-department case tells 14 reviewer groups at
-- once); the item's position in that event keeps two notices to the same person in one event apart.
alter table core_notification add column event_item int not null default 0;
drop index core_notification_event_user_idx;
create unique index core_notification_event_user_idx on core_notification (event_id, event_item, user_id)
  where event_id is not null;
