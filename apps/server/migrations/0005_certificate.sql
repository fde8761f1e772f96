-- E-certificates (电子证照): numbered, Ed25519-signed over their canonical data, verifiable in public by number.

-- Signing keys. The private key is stored encrypted (AES-256-GCM under the installation's master key, see
-- modules/certificate/keys.ts); verification needs only the public key. One key is active at a time; retired keys
-- stay so that certificates they signed still verify.
create table certificate_signing_key (
  key_id text primary key,
  algorithm text not null default 'ed25519' check (algorithm = 'ed25519'),
  public_key_pem text not null,
  private_key_enc text not null, -- v1.<iv>.<tag>.<ciphertext>, base64, AAD = key_id
  status text not null default 'active' check (status in ('active', 'retired')),
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
create unique index certificate_signing_key_one_active on certificate_signing_key ((true)) where status = 'active';

-- A unified-issuance batch (统一出件): the certificates of one subject released together (四证齐发).
create table certificate_batch (
  id uuid primary key default gen_random_uuid(),
  subject_type text not null, -- e.g. approval_case (opaque: owned by the calling module)
  subject_id text not null,
  division_code text not null,
  holder_uscc text not null,
  issued_at timestamptz not null,
  issued_by_kind text not null,
  issued_by text, -- actor id (user or API key); null for the system actor
  created_at timestamptz not null default now()
);
create index certificate_batch_subject_idx on certificate_batch (subject_type, subject_id);

create table certificate_certificate (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  kind text not null check (kind in ('real_estate', 'land_use_planning', 'construction_planning', 'construction_permit')),
  title text not null,
  holder_name text not null,
  holder_uscc text not null,
  subject_type text not null,
  subject_id text not null,
  division_code text not null,
  issuer text not null, -- issuing authority as printed
  payload jsonb not null, -- the certificate's fields, { key: value }
  canonical text not null, -- canonical JSON that was signed (kept for inspection; verification recomputes it)
  canonical_sha256 text not null,
  signature text not null, -- Ed25519 over `canonical`, base64
  key_id text not null references certificate_signing_key (key_id),
  status text not null default 'issued' check (status in ('issued', 'revoked')),
  issued_at timestamptz not null,
  revoked_at timestamptz,
  revoke_reason text,
  revoked_by text,
  batch_id uuid not null references certificate_batch (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'revoked') = (revoked_at is not null))
);
create index certificate_certificate_subject_idx on certificate_certificate (subject_type, subject_id);
create index certificate_certificate_holder_idx on certificate_certificate (holder_uscc);
create index certificate_certificate_division_idx on certificate_certificate (division_code text_pattern_ops);
create index certificate_certificate_batch_idx on certificate_certificate (batch_id);
