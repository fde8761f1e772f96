import { useQuery } from '@tanstack/react-query'
import { certificateKeys, verifyCertificate } from './api'

/**
 * Verifies a certificate number (and the QR token or signed claims); never cached, a verification is always live.
 */
export function useCertificateVerification(number: string, token: string | null, claims: string | null = null) {
  return useQuery({
    queryKey: ['certificate', 'verify', number, token ?? '', claims ?? ''],
    queryFn: ({ signal }) => verifyCertificate(number, token, claims, signal),
    enabled: number.length > 0,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  })
}

/** The published signing keys. */
export function useCertificateKeys() {
  return useQuery({ queryKey: ['certificate', 'keys'], queryFn: ({ signal }) => certificateKeys(signal) })
}
