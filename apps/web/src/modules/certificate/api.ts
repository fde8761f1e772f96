import type { VerifyResult } from '@ruyu/contracts/certificate'
import { http } from '../../shared/request'

export type { PublicCertificate, VerifyResult, VerifyStatus } from '@ruyu/contracts/certificate'

/** Public verification (no login): VALID / REVOKED / NOT_FOUND / INVALID and, when trustworthy, the data. */
export function verifyCertificate(number: string, token: string | null, signal?: AbortSignal): Promise<VerifyResult> {
  return http.get<VerifyResult>('/api/public/certificates/verify', { number, s: token ?? undefined }, signal)
}
