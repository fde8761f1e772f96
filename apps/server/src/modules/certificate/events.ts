import type { CertificateKind } from '@ruyu/contracts/certificate'

/** Outbox events of the certificate module (delivered after commit; subscribers must be idempotent). */
export const CERTIFICATE_EVENTS = {
  batchIssued: 'certificate.batch.issued',
  revoked: 'certificate.certificate.revoked',
} as const

/** A unified-issuance batch was committed (四证齐发). */
export interface BatchIssuedPayload {
  [key: string]: unknown
  batchId: string
  subjectType: string
  subjectId: string
  divisionCode: string
  holderUscc: string
  issuedAt: string
  certificates: { id: string; number: string; kind: CertificateKind }[]
}

/** A certificate was revoked. */
export interface CertificateRevokedPayload {
  [key: string]: unknown
  id: string
  number: string
  kind: CertificateKind
  subjectType: string
  subjectId: string
  reason: string
  revokedAt: string
}
