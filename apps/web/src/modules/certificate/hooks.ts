import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query'
import { certificateKeys, verifyCertificate } from './api'

const verification = (number: string, token: string | null, claims: string | null) =>
  queryOptions({
    queryKey: ['certificate', 'verify', number, token ?? '', claims ?? ''],
    queryFn: ({ signal }) => verifyCertificate(number, token, claims, signal),
    // Live: an answer older than a few seconds is asked for again; only the page's own prefetch is reused.
    staleTime: 5_000,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  })

const keys = queryOptions({ queryKey: ['certificate', 'keys'], queryFn: ({ signal }) => certificateKeys(signal) })

/**
 * Verifies a certificate number (and the QR token or signed claims); not cached beyond the visit, a verification
 * is always live.
 */
export function useCertificateVerification(number: string, token: string | null, claims: string | null = null) {
  return useQuery({ ...verification(number, token, claims), enabled: number.length > 0 })
}

/** Starts the verification of the page being opened before the page has rendered (kept until it has mounted). */
export function prefetchCertificateVerification(
  queryClient: QueryClient,
  number: string,
  token: string | null,
  claims: string | null,
): Promise<void> {
  if (!number) return Promise.resolve()
  return queryClient.prefetchQuery({ ...verification(number, token, claims), gcTime: 10_000 })
}

/** The published signing keys. */
export function useCertificateKeys() {
  return useQuery(keys)
}

/** Starts loading the signing keys before the keys page has rendered. */
export function prefetchCertificateKeys(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery(keys)
}
