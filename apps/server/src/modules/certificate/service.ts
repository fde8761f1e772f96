import {
  CERTIFICATE_KIND_SPECS,
  type Certificate,
  type CertificateKeySet,
  type CertificateKind,
  type CertificateListQuery,
  type IssueBatch,
  type VerifyResult,
} from '@ruyu/contracts/certificate'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import { missingCapability } from '../../platform/auth/errors.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Config } from '../../platform/config.ts'
import { type Db, pgErrorCode, type Queryable, type Tx } from '../../platform/db.ts'
import { allocateDocNumber, ensureDocSeries } from '../../platform/doc-number.ts'
import { validationFailed } from '../../platform/errors.ts'
import type { Events } from '../../platform/outbox.ts'
import {
  CERTIFICATE_SERIES,
  canonicalData,
  chineseDate,
  ISSUER,
  PREAMBLE,
  parseBatch,
  printedFields,
  sha256Hex,
  signatureToken,
  tokenMatches,
  verificationOutcome,
  verifyPath,
} from './domain.ts'
import { certificateAlreadyRevoked, certificateNotFound, certificateNumberTaken } from './errors.ts'
import { type BatchIssuedPayload, CERTIFICATE_EVENTS, type CertificateRevokedPayload } from './events.ts'
import { signText } from './keys.ts'
import { jwsFromText, signClaims } from './offline.ts'
import { renderCertificatePdf } from './pdf.ts'
import { type CertificateRow, certificateRepo as repo, type Visibility } from './repo.ts'
import { claimsOf, createSigning } from './signing.ts'
import { claimsMatch, publicView, signatureHolds } from './view.ts'

export interface CertificateDeps {
  db: Db
  events: Events
  config: Pick<Config, 'dataDir' | 'port' | 'demo'>
  /**
   * Public origin of the verification page printed in QR codes. Default: env PUBLIC_URL, else
   * http://localhost:<port>. Set PUBLIC_URL in production (e.g. https://zwfw.muping.gov.cn).
   */
  publicUrl?: string
  /** Environment for RUYU_MASTER_KEY and PUBLIC_URL (default process.env). */
  env?: NodeJS.ProcessEnv
}

/** The result of a unified issuance: the batch id and its certificates, in the order they were requested. */
export interface IssuedBatch {
  batchId: string
  issuedAt: string
  certificates: Certificate[]
}

interface Paging {
  page: number
  pageSize: number
}

export function createCertificateService(deps: CertificateDeps) {
  const { db, events, config } = deps
  const env = deps.env ?? process.env
  const publicUrl = (deps.publicUrl ?? env.PUBLIC_URL ?? `http://localhost:${config.port}`).replace(/\/+$/, '')
  const signing = createSigning(db, config.dataDir, env)

  const verifyUrl = (row: Pick<CertificateRow, 'number' | 'signature'>) =>
    `${publicUrl}${verifyPath(row.number, row.signature)}`

  function toDto(row: CertificateRow): Certificate {
    return {
      ...publicView(row),
      id: row.id,
      status: row.status,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      batchId: row.batchId,
      verifyUrl: verifyUrl(row),
    }
  }

  /** Who sees which certificates: the holder enterprise its own, staff with certificate:print their scope. */
  function visibility(p: Principal): Visibility {
    if (p.kind === 'enterprise' && p.enterpriseUscc) return { holderUscc: p.enterpriseUscc, scopePatterns: null }
    if (p.kind !== 'enterprise' && p.kind !== 'citizen' && p.capabilities.has('certificate:print'))
      return { holderUscc: null, scopePatterns: p.scopes.map((s) => `${s}%`) }
    throw missingCapability({ capability: 'certificate:print' })
  }

  async function ensureSeries(q: Queryable, kinds: Iterable<CertificateKind>) {
    for (const kind of new Set(kinds)) {
      const s = CERTIFICATE_SERIES[kind]
      // Only when missing: an admin may have changed the pattern through PUT /api/admin/doc-series.
      if (!(await repo.seriesExists(q, s.key))) await ensureDocSeries(q, s)
    }
  }

  return {
    /**
     * Issues every certificate of a unified-issuance batch (四证齐发) in the CALLER's transaction, all or nothing:
     * numbers from each kind's series, canonical data signed with Ed25519, one audit row per certificate and the
     * outbox event `certificate.batch.issued`. On failure the batch is rolled back to a savepoint (numbers included)
     * and the error is rethrown, so the caller's transaction stays usable; it should normally roll back too.
     */
    async issueBatch(
      tx: Tx,
      actor: Actor,
      input: IssueBatch,
      opts: { requestId?: string; at?: Date } = {},
    ): Promise<IssuedBatch> {
      const batch = parseBatch(input)
      const key = await signing.signer()
      const issuedAt = new Date(Math.floor((opts.at ?? new Date()).getTime()))
      await tx.query('savepoint certificate_issue_batch')
      try {
        await ensureSeries(
          tx,
          batch.certificates.map((c) => c.kind),
        )
        const batchId = await repo.insertBatch(tx, {
          subjectType: batch.subjectType,
          subjectId: batch.subjectId,
          divisionCode: batch.divisionCode,
          holderUscc: batch.holder.uscc,
          issuedAt,
          issuedByKind: actor.kind,
          issuedBy: actor.id,
        })
        if (key.created)
          await recordAudit(tx, {
            actor,
            action: 'certificate.key.create',
            resourceType: 'certificate_signing_key',
            resourceId: key.keyId,
            requestId: opts.requestId,
            data: { algorithm: 'ed25519' },
          })
        const issued: { id: string; number: string; kind: CertificateKind }[] = []
        for (const c of batch.certificates) {
          const series = CERTIFICATE_SERIES[c.kind]
          const { number } = await allocateDocNumber(tx, series.key, issuedAt)
          const title = c.title ?? CERTIFICATE_KIND_SPECS[c.kind].title
          const canonical = canonicalData({
            number,
            kind: c.kind,
            title,
            holder: batch.holder.name,
            holderUscc: batch.holder.uscc,
            payload: c.payload,
            issuedAt: issuedAt.toISOString(),
            divisionCode: batch.divisionCode,
            issuer: ISSUER,
          })
          const claimsJws = signClaims(
            key.privateKey,
            key.keyId,
            claimsOf({
              number,
              kind: c.kind,
              holderName: batch.holder.name,
              holderUscc: batch.holder.uscc,
              issuedAt,
              divisionCode: batch.divisionCode,
              issuer: ISSUER,
              canonical,
            }),
          )
          let id: string
          try {
            await tx.query('savepoint certificate_insert')
            id = await repo.insertCertificate(tx, {
              number,
              kind: c.kind,
              title,
              holderName: batch.holder.name,
              holderUscc: batch.holder.uscc,
              subjectType: batch.subjectType,
              subjectId: batch.subjectId,
              divisionCode: batch.divisionCode,
              issuer: ISSUER,
              payload: c.payload,
              canonical,
              canonicalSha256: sha256Hex(canonical),
              signature: signText(key.privateKey, canonical),
              keyId: key.keyId,
              issuedAt,
              batchId,
              claimsJws,
            })
            await tx.query('release savepoint certificate_insert')
          } catch (err) {
            await tx.query('rollback to savepoint certificate_insert')
            if (pgErrorCode(err) === '23505') throw certificateNumberTaken({ number, series: series.key })
            throw err
          }
          await recordAudit(tx, {
            actor,
            action: 'certificate.issue',
            resourceType: 'certificate',
            resourceId: id,
            divisionCode: batch.divisionCode,
            requestId: opts.requestId,
            data: {
              number,
              kind: c.kind,
              batchId,
              subjectType: batch.subjectType,
              subjectId: batch.subjectId,
              holderUscc: batch.holder.uscc,
            },
          })
          issued.push({ id, number, kind: c.kind })
        }
        const payload: BatchIssuedPayload = {
          batchId,
          subjectType: batch.subjectType,
          subjectId: batch.subjectId,
          divisionCode: batch.divisionCode,
          holderUscc: batch.holder.uscc,
          issuedAt: issuedAt.toISOString(),
          certificates: issued,
        }
        await events.enqueue(tx, CERTIFICATE_EVENTS.batchIssued, payload)
        const rows = await repo.findByBatch(tx, batchId)
        await tx.query('release savepoint certificate_issue_batch')
        const byId = new Map(rows.map((r) => [r.id, r]))
        return {
          batchId,
          issuedAt: issuedAt.toISOString(),
          certificates: issued.map((c) => toDto(byId.get(c.id)!)),
        }
      } catch (err) {
        await tx.query('rollback to savepoint certificate_issue_batch').catch(() => {})
        throw err
      }
    },

    /**
     * Revokes a certificate with a reason; audited, emits `certificate.certificate.revoked`. With a principal the
     * certificate must lie inside its division scope (404 otherwise); without one (a module acting) it is not checked.
     */
    async revoke(
      actor: Actor,
      id: string,
      reason: string,
      opts: { principal?: Principal; requestId?: string } = {},
    ): Promise<Certificate> {
      const why = reason.trim()
      if (why.length < 2 || why.length > 200)
        throw validationFailed(undefined, { issues: [{ path: ['reason'], message: '注销原因应为 2–200 个字' }] })
      return db.tx(async (tx) => {
        const scope = opts.principal
          ? { holderUscc: null, scopePatterns: opts.principal.scopes.map((s) => `${s}%`) }
          : null
        const row = scope ? await repo.findVisible(tx, id, scope) : await repo.findById(tx, id)
        if (!row) throw certificateNotFound()
        const at = new Date()
        if (!(await repo.markRevoked(tx, id, why, actor.id, at))) {
          const current = await repo.findById(tx, id)
          throw certificateAlreadyRevoked({
            number: row.number,
            at: current?.revokedAt ? chineseDate(current.revokedAt) : '',
          })
        }
        await recordAudit(tx, {
          actor,
          action: 'certificate.revoke',
          resourceType: 'certificate',
          resourceId: id,
          divisionCode: row.divisionCode,
          requestId: opts.requestId,
          data: { number: row.number, reason: why },
        })
        const payload: CertificateRevokedPayload = {
          id,
          number: row.number,
          kind: row.kind,
          subjectType: row.subjectType,
          subjectId: row.subjectId,
          reason: why,
          revokedAt: at.toISOString(),
        }
        await events.enqueue(tx, CERTIFICATE_EVENTS.revoked, payload)
        return toDto((await repo.findById(tx, id))!)
      })
    },

    /**
     * Public verification by number and, from the QR code, the signature token (`s`) or the signed payload (`c`, the
     * compact JWS after the URL's '#'). NOT_FOUND when no certificate has the number; INVALID when the stored data no
     * longer matches its signature, or the token or payload presented is not this certificate's; else REVOKED or
     * VALID with the public fields (never internal ids). `checked` says whether a signature was presented and
     * checked ('signature') or only the registry record was found ('registry': no token, no payload).
     */
    async verify(number: string, token?: string, compact?: string): Promise<VerifyResult> {
      const row = await repo.findByNumber(db.pool, number.trim())
      if (!row) return { status: 'NOT_FOUND' }
      const presentedToken = token !== undefined && token !== ''
      const presentedClaims = compact !== undefined && compact !== ''
      let presentedOk = true
      if (presentedToken) presentedOk = tokenMatches(row.signature, token)
      if (presentedOk && presentedClaims)
        presentedOk = claimsMatch(row, jwsFromText(compact), await signing.publicKeys())
      const status = verificationOutcome({ signatureOk: signatureHolds(row), tokenOk: presentedOk, status: row.status })
      if (status === 'INVALID') return { status }
      const checked = presentedToken || presentedClaims ? 'signature' : 'registry'
      return { status, checked, certificate: publicView(row) }
    },

    /** The published signing keys (JWKS, active and retired): what offline verification needs. */
    publicKeys: (): Promise<CertificateKeySet> => signing.publicKeys(),

    /** Retires the active signing key (still published) and makes a new one active; audited. */
    rotateSigningKey: (actor: Actor, opts: { requestId?: string } = {}) => signing.rotate(actor, opts),

    /** The text of a certificate's QR code: the verification URL and, after '#', the signed claims (JWS). */
    async qrText(id: string): Promise<string> {
      const row = await repo.findById(db.pool, id)
      if (!row) throw certificateNotFound()
      return `${verifyUrl(row)}#${await signing.claimsJwsOf(row)}`
    },

    /** Renders a certificate's A4 PDF (no access check: for the caller that already checked). */
    async renderPdf(id: string): Promise<Buffer> {
      const row = await repo.findById(db.pool, id)
      if (!row) throw certificateNotFound()
      return renderRow(row)
    },

    /** The PDF for a caller who may see the certificate (holder enterprise, or staff in scope); 404 otherwise. */
    async pdfFor(p: Principal, id: string): Promise<{ number: string; pdf: Buffer }> {
      const row = await repo.findVisible(db.pool, id, visibility(p))
      if (!row) throw certificateNotFound()
      return { number: row.number, pdf: await renderRow(row) }
    },

    /** Certificates the caller may see, filtered by subject, kind or status (newest first). */
    async list(p: Principal, q: Omit<CertificateListQuery, 'page' | 'pageSize'> & Paging) {
      const { items, total } = await repo.list(db.pool, {
        ...visibility(p),
        subjectType: q.subjectType,
        subjectId: q.subjectId,
        kind: q.kind,
        status: q.status,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      })
      return { items: items.map(toDto), total }
    },

    /** One certificate by id, without access check (for modules). */
    async get(id: string): Promise<Certificate | null> {
      const row = await repo.findById(db.pool, id)
      return row ? toDto(row) : null
    },

    /** The verification URL printed in a certificate's QR code. */
    verifyUrl,

    /** Creates the number series of the four certificates when missing (idempotent; keeps an admin's changes). */
    async seedNumberSeries(q: Queryable = db.pool): Promise<number> {
      await ensureSeries(q, Object.keys(CERTIFICATE_SERIES) as CertificateKind[])
      return Object.keys(CERTIFICATE_SERIES).length
    },

    /** The token a verification URL carries for a signature (exposed for tests and the approval module). */
    signatureToken,
  }

  async function renderRow(row: CertificateRow): Promise<Buffer> {
    const jws = await signing.claimsJwsOf(row)
    return renderCertificatePdf({
      number: row.number,
      title: row.title,
      preamble: PREAMBLE[row.kind],
      holderLabel: CERTIFICATE_KIND_SPECS[row.kind].holderLabel,
      holderName: row.holderName,
      holderUscc: row.holderUscc,
      fields: printedFields(row.kind, row.payload),
      issuer: row.issuer,
      issuedDate: chineseDate(row.issuedAt),
      verifyUrl: verifyUrl(row),
      qrText: `${verifyUrl(row)}#${jws}`,
      seal: { jws, canonical: row.canonical, signature: row.signature, keyId: row.keyId },
      signature: row.signature,
      keyId: row.keyId,
      revoked: row.status === 'revoked',
      demo: config.demo,
    })
  }
}

export type CertificateService = ReturnType<typeof createCertificateService>
