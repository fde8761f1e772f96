-- Enterprise service cloud (政企云, issue #5): enterprise profiles, enterprise accounts (membership and its
-- verification), providers and the service catalogue by module, service requests (run on the workflow engine), the
-- supply-demand board and its contacts. See docs/enterprise.md.

-- One row per enterprise, keyed by its 统一社会信用代码 (check character validated on write). `scale` is derived from
-- industry, employees, revenue and assets by the 2017 statistical rules and stored only so lists can filter on it.
create table enterprise_company (
  uscc text primary key,
  name text not null,
  legal_representative text not null,
  division_code text not null,
  park_code text,
  industry_code text not null, -- GB/T 4754-2017: C27, C271 or C2710
  founded_on date not null,
  employees int not null check (employees >= 0),
  revenue_wan numeric(16, 2) not null check (revenue_wan >= 0), -- 营业收入, 万元
  rnd_wan numeric(16, 2) not null default 0 check (rnd_wan >= 0), -- 研发投入, 万元
  assets_wan numeric(16, 2) check (assets_wan >= 0), -- 资产总额, 万元 (construction, real estate, leasing rows)
  tags text[] not null default '{}',
  scale text not null check (scale in ('large', 'medium', 'small', 'micro')),
  address text,
  status text not null default 'active' check (status in ('active', 'closed')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_company_division_idx on enterprise_company (division_code text_pattern_ops);
create index enterprise_company_industry_idx on enterprise_company (industry_code text_pattern_ops);
create index enterprise_company_scale_idx on enterprise_company (scale);
create index enterprise_company_park_idx on enterprise_company (park_code) where park_code is not null;
create index enterprise_company_tags_idx on enterprise_company using gin (tags);
create index enterprise_company_active_idx on enterprise_company (uscc) where status = 'active';

-- Enterprise accounts: a self-registered user stays `pending` (no role, no USCC on the account) until staff verify
-- it; several users per enterprise. Decisions keep who and when.
create table enterprise_member (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references core_user (id) on delete cascade,
  uscc text not null references enterprise_company (uscc),
  contact_name text not null,
  mobile text,
  status text not null default 'pending' check (status in ('pending', 'verified', 'rejected')),
  reason text,
  decided_by uuid references core_user (id),
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_member_uscc_idx on enterprise_member (uscc, status);
create index enterprise_member_status_idx on enterprise_member (status, created_at);

-- Who offers services (department, bank, law firm, university, agency). Its staff act through posts on org_unit_id.
create table enterprise_provider (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('department', 'bank', 'law_firm', 'university', 'agency')),
  description text,
  org_unit_id uuid references core_org_unit (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The catalogue: a service of one module offered by one provider, with what it needs from the applicant.
create table enterprise_service (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  module text not null check (module in ('financing', 'talent', 'supply_demand', 'legal', 'technology')),
  name text not null,
  description text not null,
  requirements text not null default '',
  materials jsonb not null default '[]', -- [{ name, required }]
  provider_id uuid not null references enterprise_provider (id),
  active boolean not null default true,
  sort int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_service_module_idx on enterprise_service (module, sort);
create index enterprise_service_provider_idx on enterprise_service (provider_id);

-- A request of an enterprise for a service; its lifecycle runs on the workflow engine ('enterprise.service_request')
-- and `status` mirrors the workflow state. module and provider are copied for statistics.
create table enterprise_service_request (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  service_id uuid not null references enterprise_service (id),
  module text not null,
  provider_id uuid not null references enterprise_provider (id),
  uscc text not null references enterprise_company (uscc),
  division_code text not null,
  applicant_user_id uuid references core_user (id),
  contact_name text not null,
  contact_mobile text not null,
  description text not null,
  attachments uuid[] not null default '{}',
  status text not null default 'submitted'
    check (status in ('submitted', 'handling', 'completed', 'declined', 'withdrawn')),
  result text,
  workflow_instance_id uuid,
  -- Copy of the enterprise's 好差评 (the rating module keeps the rating itself) for statistics.
  rating_level int,
  rated_at timestamptz,
  submitted_at timestamptz not null default now(),
  accepted_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_service_request_uscc_idx on enterprise_service_request (uscc, submitted_at desc);
create index enterprise_service_request_provider_idx on enterprise_service_request (provider_id, status);
create index enterprise_service_request_module_idx on enterprise_service_request (module, status);
create index enterprise_service_request_instance_idx on enterprise_service_request (workflow_instance_id);

-- Supply-demand board. `search` holds Intl.Segmenter words plus character bigrams (PostgreSQL has no Chinese
-- parser), as in the hotline knowledge base.
create table enterprise_listing (
  id uuid primary key default gen_random_uuid(),
  uscc text not null references enterprise_company (uscc),
  kind text not null check (kind in ('need', 'offer')),
  category text not null check (category in ('product', 'service')),
  title text not null,
  description text not null,
  industry_code text not null,
  quantity text,
  region_code text not null,
  valid_until date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  tokens text[] not null default '{}',
  created_by uuid references core_user (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprise_listing_open_idx on enterprise_listing (kind, status, valid_until);
create index enterprise_listing_tokens_idx on enterprise_listing using gin (tokens);
create index enterprise_listing_uscc_idx on enterprise_listing (uscc);

-- A contact from one enterprise to the publisher of a listing; delivered to the other side's verified users'
-- inboxes, so neither side's phone or e-mail is exposed.
create table enterprise_board_contact (
  id uuid primary key default gen_random_uuid(),
  listing_id uuid not null references enterprise_listing (id),
  from_uscc text not null references enterprise_company (uscc),
  to_uscc text not null references enterprise_company (uscc),
  from_user_id uuid references core_user (id),
  message text not null,
  created_at timestamptz not null default now()
);
create index enterprise_board_contact_from_idx on enterprise_board_contact (from_uscc, created_at desc);
create index enterprise_board_contact_to_idx on enterprise_board_contact (to_uscc, created_at desc);

create table enterprise_board_reply (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references enterprise_board_contact (id),
  from_uscc text not null,
  from_user_id uuid references core_user (id),
  message text not null,
  created_at timestamptz not null default now()
);
create index enterprise_board_reply_contact_idx on enterprise_board_reply (contact_id, created_at);
