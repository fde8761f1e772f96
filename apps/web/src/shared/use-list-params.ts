import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'

const DEFAULT_PAGE_SIZE = 20

/**
 * Page, page size and filters of a list page, kept in the URL (`?q=…&page=2`) so a list can be bookmarked,
 * shared and restored with the back button. Changing a filter goes back to page 1.
 */
export function useListParams<F extends string>(filterNames: readonly F[]) {
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page')) || 1)
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE))
  const filterKey = filterNames.map((name) => params.get(name) ?? '').join('\u0000')
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey captures exactly the params read here
  const filters = useMemo(() => {
    const out = {} as Record<F, string | undefined>
    for (const name of filterNames) out[name] = params.get(name) || undefined
    return out
  }, [filterKey])

  const setFilters = useCallback(
    (patch: Partial<Record<F, string | undefined>>) => {
      setParams(
        (prev) => {
          const nextParams = new URLSearchParams(prev)
          for (const [key, value] of Object.entries(patch) as [string, string | undefined][]) {
            if (value) nextParams.set(key, value)
            else nextParams.delete(key)
          }
          nextParams.delete('page')
          return nextParams
        },
        { replace: true },
      )
    },
    [setParams],
  )

  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setParams((prev) => {
        const nextParams = new URLSearchParams(prev)
        const sizeChanged = nextPageSize !== pageSize
        if (sizeChanged) nextParams.set('pageSize', String(nextPageSize))
        const target = sizeChanged ? 1 : nextPage
        if (target > 1) nextParams.set('page', String(target))
        else nextParams.delete('page')
        return nextParams
      })
    },
    [setParams, pageSize],
  )

  return { page, pageSize, filters, setFilters, setPage }
}
