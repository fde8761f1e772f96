import { useQuery } from '@tanstack/react-query'
import { verifyCertificate } from './api'

/** Verifies a certificate number (and the QR token); never cached, a verification is always live. */
export function useCertificateVerification(number: string, token: string | null) {
  return useQuery({
    queryKey: ['certificate', 'verify', number, token ?? ''],
    queryFn: ({ signal }) => verifyCertificate(number, token, signal),
    enabled: number.length > 0,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  })
}
