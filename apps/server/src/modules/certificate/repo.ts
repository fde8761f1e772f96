import type { CertificateKind, CertificateStatus } from '@ruyu/contracts/certificate'
import type { Queryable, Tx } from '../../platform/db.ts'
import type { SigningKeyRow } from './keys.ts'

// certificate_* tables only, plus core_division (read-only, for the division's name) and core_doc_series (whether a
// number series exists). snake_case ↔ camelCase mapping lives here.

export interface PublishedKeyRow {
  keyId: string
  publicKeyPem: string
  status: 'active' | 'retired'
  createdAt: Date
  retiredAt: Date | null
}

export interface CertificateRow {
  id: string
  number: string
  kind: CertificateKind
  title: string
  holderName: string
  holderUscc: string
  subjectType: string
  subjectId: string
  divisionCode: string
  divisionName: string | null
  issuer: string
  payload: Record<string, string>
  canonical: string
  signature: string
  keyId: string
  publicKeyPem: string
  status: CertificateStatus
  issuedAt: Date
  revokedAt: Date | null
  revokeReason: string | null
  batchId: string
  claimsJws: string | null
}

const COLS = `c.id, c.number, c.kind, c.title, c.holder_name, c.holder_uscc, c.subject_type, c.subject_id,
  c.division_code, c.issuer, c.payload, c.canonical, c.signature, c.key_id, c.status, c.issued_at, c.revoked_at,
  c.revoke_reason, c.batch_id, c.claims_jws, k.public_key_pem,
  (select d.name from core_division d where d.code = c.division_code order by d.data_year desc limit 1) as division_name`

const FROM = 'certificate_certificate c join certificate_signing_key k on k.key_id = c.key_id'

const toRow = (r: Record<string, any>): CertificateRow => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  title: r.title,
  holderName: r.holder_name,
  holderUscc: r.holder_uscc,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  divisionCode: r.division_code,
  divisionName: r.division_name ?? null,
  issuer: r.issuer,
  payload: r.payload,
  canonical: r.canonical,
  signature: r.signature,
  keyId: r.key_id,
  publicKeyPem: r.public_key_pem,
  status: r.status,
  issuedAt: r.issued_at,
  revokedAt: r.revoked_at ?? null,
  revokeReason: r.revoke_reason ?? null,
  batchId: r.batch_id,
  claimsJws: r.claims_jws ?? null,
})

/**
 * Who may see which rows: a holder enterprise sees its own USCC's certificates, staff those inside their division
 * scopes. Exactly one of the two is set (the service decides); both null would be a bug, so it matches nothing.
 */
export interface Visibility {
  holderUscc: string | null
  scopePatterns: string[] | null
}

const visibleSql = (usccParam: string, scopesParam: string) =>
  `((${usccParam}::text is not null and c.holder_uscc = ${usccParam})
    or (${scopesParam}::text[] is not null and c.division_code like any(${scopesParam}::text[])))`

export const certificateRepo = {
  async activeKey(q: Queryable): Promise<SigningKeyRow | null> {
    const { rows } = await q.query(
      `select key_id, public_key_pem, private_key_enc from certificate_signing_key where status = 'active'`,
    )
    const r = rows[0]
    return r ? { keyId: r.key_id, publicKeyPem: r.public_key_pem, privateKeyEnc: r.private_key_enc } : null
  },

  /** Every signing key, oldest first (retired ones stay: the certificates they signed must still verify). */
  async allKeys(q: Queryable): Promise<PublishedKeyRow[]> {
    const { rows } = await q.query(
      `select key_id, public_key_pem, status, created_at, retired_at from certificate_signing_key
       order by created_at, key_id`,
    )
    return rows.map((r) => ({
      keyId: r.key_id,
      publicKeyPem: r.public_key_pem,
      status: r.status,
      createdAt: r.created_at,
      retiredAt: r.retired_at ?? null,
    }))
  },

  /** One key with its encrypted private half (to recompute the signed claims of an older certificate). */
  async keyById(q: Queryable, keyId: string): Promise<SigningKeyRow | null> {
    const { rows } = await q.query(
      'select key_id, public_key_pem, private_key_enc from certificate_signing_key where key_id = $1',
      [keyId],
    )
    const r = rows[0]
    return r ? { keyId: r.key_id, publicKeyPem: r.public_key_pem, privateKeyEnc: r.private_key_enc } : null
  },

  /** Retires the active key (kept, and still published); returns its id, null when there was none. */
  async retireActiveKey(tx: Tx, at: Date): Promise<string | null> {
    const { rows } = await tx.query(
      `update certificate_signing_key set status = 'retired', retired_at = $1 where status = 'active' returning key_id`,
      [at],
    )
    return rows[0]?.key_id ?? null
  },

  /** Inserts a key as the active one; false when another process already made one active (unique index). */
  async insertActiveKey(tx: Tx, k: SigningKeyRow): Promise<boolean> {
    const { rowCount } = await tx.query(
      `insert into certificate_signing_key (key_id, public_key_pem, private_key_enc) values ($1, $2, $3)
       on conflict do nothing`,
      [k.keyId, k.publicKeyPem, k.privateKeyEnc],
    )
    return (rowCount ?? 0) > 0
  },

  async seriesExists(q: Queryable, key: string): Promise<boolean> {
    return ((await q.query('select 1 from core_doc_series where key = $1', [key])).rowCount ?? 0) > 0
  },

  async insertBatch(
    tx: Tx,
    b: {
      subjectType: string
      subjectId: string
      divisionCode: string
      holderUscc: string
      issuedAt: Date
      issuedByKind: string
      issuedBy: string | null
    },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into certificate_batch (subject_type, subject_id, division_code, holder_uscc, issued_at, issued_by_kind,
         issued_by) values ($1,$2,$3,$4,$5,$6,$7) returning id`,
      [b.subjectType, b.subjectId, b.divisionCode, b.holderUscc, b.issuedAt, b.issuedByKind, b.issuedBy],
    )
    return rows[0].id
  },

  async insertCertificate(
    tx: Tx,
    c: {
      number: string
      kind: CertificateKind
      title: string
      holderName: string
      holderUscc: string
      subjectType: string
      subjectId: string
      divisionCode: string
      issuer: string
      payload: Record<string, string>
      canonical: string
      canonicalSha256: string
      signature: string
      keyId: string
      issuedAt: Date
      batchId: string
      claimsJws: string
    },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into certificate_certificate (number, kind, title, holder_name, holder_uscc, subject_type, subject_id,
         division_code, issuer, payload, canonical, canonical_sha256, signature, key_id, issued_at, batch_id, claims_jws)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17) returning id`,
      [
        c.number,
        c.kind,
        c.title,
        c.holderName,
        c.holderUscc,
        c.subjectType,
        c.subjectId,
        c.divisionCode,
        c.issuer,
        JSON.stringify(c.payload),
        c.canonical,
        c.canonicalSha256,
        c.signature,
        c.keyId,
        c.issuedAt,
        c.batchId,
        c.claimsJws,
      ],
    )
    return rows[0].id
  },

  async findByNumber(q: Queryable, number: string): Promise<CertificateRow | null> {
    const { rows } = await q.query(`select ${COLS} from ${FROM} where c.number = $1`, [number])
    return rows[0] ? toRow(rows[0]) : null
  },

  async findById(q: Queryable, id: string): Promise<CertificateRow | null> {
    const { rows } = await q.query(`select ${COLS} from ${FROM} where c.id = $1`, [id])
    return rows[0] ? toRow(rows[0]) : null
  },

  async findVisible(q: Queryable, id: string, v: Visibility): Promise<CertificateRow | null> {
    const { rows } = await q.query(`select ${COLS} from ${FROM} where c.id = $1 and ${visibleSql('$2', '$3')}`, [
      id,
      v.holderUscc,
      v.scopePatterns,
    ])
    return rows[0] ? toRow(rows[0]) : null
  },

  async findByBatch(q: Queryable, batchId: string): Promise<CertificateRow[]> {
    const { rows } = await q.query(`select ${COLS} from ${FROM} where c.batch_id = $1 order by c.issued_at, c.number`, [
      batchId,
    ])
    return rows.map(toRow)
  },

  async list(
    q: Queryable,
    f: {
      subjectType?: string
      subjectId?: string
      kind?: string
      status?: string
      limit: number
      offset: number
    } & Visibility,
  ): Promise<{ items: CertificateRow[]; total: number }> {
    const { rows } = await q.query(
      `select ${COLS}, count(*) over() as total from ${FROM}
       where ${visibleSql('$1', '$2')}
         and ($3::text is null or c.subject_type = $3)
         and ($4::text is null or c.subject_id = $4)
         and ($5::text is null or c.kind = $5)
         and ($6::text is null or c.status = $6)
       order by c.issued_at desc, c.number limit $7 offset $8`,
      [
        f.holderUscc,
        f.scopePatterns,
        f.subjectType ?? null,
        f.subjectId ?? null,
        f.kind ?? null,
        f.status ?? null,
        f.limit,
        f.offset,
      ],
    )
    return { items: rows.map(toRow), total: rows[0]?.total ?? 0 }
  },

  /** Marks an issued certificate revoked; null when it was not in the issued state (already revoked). */
  async markRevoked(tx: Tx, id: string, reason: string, by: string | null, at: Date): Promise<boolean> {
    const { rowCount } = await tx.query(
      `update certificate_certificate set status = 'revoked', revoked_at = $2, revoke_reason = $3, revoked_by = $4,
         updated_at = now() where id = $1 and status = 'issued'`,
      [id, at, reason, by],
    )
    return (rowCount ?? 0) > 0
  },
}
