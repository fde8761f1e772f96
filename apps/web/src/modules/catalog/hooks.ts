import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  getCombinedForm,
  getItem,
  getTheme,
  type ItemInput,
  type ItemQuery,
  listCatalogDepartments,
  listItems,
  listItemVersions,
  listParks,
  listThemes,
  listThemeVersions,
  listZoneAssessmentKinds,
  type ThemeInput,
  updateItem,
  updateTheme,
  updateZoneAssessmentKind,
} from './api'

const root = ['catalog'] as const
const REFERENCE = 5 * 60_000

export function useItems(query: ItemQuery) {
  return useQuery({
    queryKey: [...root, 'items', query],
    queryFn: ({ signal }) => listItems(query, signal),
    placeholderData: keepPreviousData,
  })
}

/** Every current item in one list (the theme editor's item picker); the catalogue is small. */
export function useAllItems() {
  return useQuery({
    queryKey: [...root, 'items', 'all'],
    queryFn: ({ signal }) => listItems({ page: 1, pageSize: 200 }, signal),
    staleTime: REFERENCE,
  })
}

export function useItem(code: string | null) {
  return useQuery({
    queryKey: [...root, 'item', code ?? ''],
    queryFn: ({ signal }) => getItem(code ?? '', signal),
    enabled: Boolean(code),
  })
}

export function useItemVersions(code: string | null) {
  return useQuery({
    queryKey: [...root, 'item', code ?? '', 'versions'],
    queryFn: ({ signal }) => listItemVersions(code ?? '', signal),
    enabled: Boolean(code),
  })
}

export function useCatalogDepartments() {
  return useQuery({
    queryKey: [...root, 'departments'],
    queryFn: ({ signal }) => listCatalogDepartments(signal),
    staleTime: REFERENCE,
  })
}

export function useThemes() {
  return useQuery({ queryKey: [...root, 'themes'], queryFn: ({ signal }) => listThemes(signal) })
}

export function useTheme(code: string | null) {
  return useQuery({
    queryKey: [...root, 'theme', code ?? ''],
    queryFn: ({ signal }) => getTheme(code ?? '', signal),
    enabled: Boolean(code),
  })
}

export function useThemeVersions(code: string | null, enabled = true) {
  return useQuery({
    queryKey: [...root, 'theme', code ?? '', 'versions'],
    queryFn: ({ signal }) => listThemeVersions(code ?? '', signal),
    enabled: Boolean(code) && enabled,
  })
}

export function useCombinedForm(code: string | null, variant: string | null, enabled = true) {
  return useQuery({
    queryKey: [...root, 'theme', code ?? '', 'combined-form', variant ?? ''],
    queryFn: ({ signal }) => getCombinedForm(code ?? '', variant, signal),
    enabled: Boolean(code) && enabled,
  })
}

export function useZoneAssessmentKinds() {
  return useQuery({ queryKey: [...root, 'zone-assessments'], queryFn: ({ signal }) => listZoneAssessmentKinds(signal) })
}

export function useParks() {
  return useQuery({ queryKey: [...root, 'parks'], queryFn: ({ signal }) => listParks(signal) })
}

/**
 * Any edit changes lists, details, themes and plans: refresh the whole catalogue cache. Not awaited, on purpose:
 * the refetched definition remounts the edit form (keyed by version), and TanStack Query drops the caller's
 * `mutate(…, { onSuccess })` once its component has unmounted.
 */
function useInvalidateCatalog() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: root })
  }
}

export function useUpdateItem() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: ItemInput }) => updateItem(code, input),
    onSuccess: invalidate,
  })
}

export function useUpdateTheme() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: ThemeInput }) => updateTheme(code, input),
    onSuccess: invalidate,
  })
}

export function useUpdateZoneAssessmentKind() {
  const invalidate = useInvalidateCatalog()
  return useMutation({
    mutationFn: ({
      code,
      input,
    }: {
      code: string
      input: { name: string; description?: string; costPerMuYuan: number }
    }) => updateZoneAssessmentKind(code, input),
    onSuccess: invalidate,
  })
}
