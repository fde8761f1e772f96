import type { CertificateKeySet, VerifyResult } from '@ruyu/contracts/certificate'
import { http } from '../../shared/request'

export type { CertificateKey, PublicCertificate, VerifyResult, VerifyStatus } from '@ruyu/contracts/certificate'

/** Public verification (no login): VALID / REVOKED / NOT_FOUND / INVALID and, when trustworthy, the data. */
export function verifyCertificate(
  number: string,
  token: string | null,
  claims: string | null,
  signal?: AbortSignal,
): Promise<VerifyResult> {
  return http.get<VerifyResult>(
    '/api/public/certificates/verify',
    { number, s: token ?? undefined, c: claims ?? undefined },
    signal,
  )
}

/** The published signing keys (JWKS): active and retired. */
export function certificateKeys(signal?: AbortSignal): Promise<CertificateKeySet> {
  return http.get<CertificateKeySet>('/api/public/certificates/keys', undefined, signal)
}
