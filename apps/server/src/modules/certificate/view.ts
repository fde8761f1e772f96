import { CERTIFICATE_KIND_SPECS, type CertificateKeySet, type PublicCertificate } from '@ruyu/contracts/certificate'
import { canonicalData, printedFields } from './domain.ts'
import { verifyText } from './keys.ts'
import { verifyClaims } from './offline.ts'
import type { CertificateRow } from './repo.ts'
import { claimsOf } from './signing.ts'

/** What anyone may see of a certificate (the verification page): no internal ids. */
export function publicView(row: CertificateRow): PublicCertificate {
  return {
    number: row.number,
    kind: row.kind,
    title: row.title,
    holderLabel: CERTIFICATE_KIND_SPECS[row.kind].holderLabel,
    holderName: row.holderName,
    holderUscc: row.holderUscc,
    fields: printedFields(row.kind, row.payload),
    issuer: row.issuer,
    divisionCode: row.divisionCode,
    divisionName: row.divisionName,
    issuedAt: row.issuedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokeReason: row.revokeReason,
  }
}

/** Recomputes the canonical data from the row as stored now: any change to a signed column breaks the signature. */
export const signatureHolds = (row: CertificateRow) =>
  verifyText(
    row.publicKeyPem,
    canonicalData({
      number: row.number,
      kind: row.kind,
      title: row.title,
      holder: row.holderName,
      holderUscc: row.holderUscc,
      payload: row.payload,
      issuedAt: row.issuedAt.toISOString(),
      divisionCode: row.divisionCode,
      issuer: row.issuer,
    }),
    row.signature,
  )

/** The presented JWS verifies under a published key, and names exactly this certificate as stored. */
export function claimsMatch(row: CertificateRow, jws: string, keys: CertificateKeySet): boolean {
  const r = verifyClaims(jws, keys)
  if (!r.ok || r.keyId !== row.keyId) return false
  const want = claimsOf(row)
  return (Object.keys(want) as (keyof typeof want)[]).every((k) => r.claims[k] === want[k])
}
