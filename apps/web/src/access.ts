import { type Capability, usableByKind } from '@ruyu/contracts/access'
import { useCallback, useMemo } from 'react'
import { useMe } from './modules/auth/hooks'

/**
 * The single access hook: what the logged-in account may do, from the `capabilities` GET /api/me returns.
 * The server enforces every capability again; this only decides what the UI shows. A capability that needs an
 * account of another kind (an admin holds `policy:ask` but has no enterprise) counts as missing here.
 */
export function useAccess() {
  const { data: user } = useMe()
  const capabilities = useMemo(
    () => new Set<string>((user?.capabilities ?? []).filter((c) => usableByKind(c, user?.kind ?? 'staff'))),
    [user],
  )
  const can = useCallback(
    (capability: Capability | undefined) => !capability || capabilities.has(capability),
    [capabilities],
  )
  return { user: user ?? null, can }
}
