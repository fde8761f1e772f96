-- 企业诉求: an order can name the enterprise it concerns (USCC), so the enterprise profile lists its hotline orders.
alter table hotline_order add column enterprise_uscc text;
create index hotline_order_enterprise_idx on hotline_order (enterprise_uscc, received_at) where enterprise_uscc is not null;
