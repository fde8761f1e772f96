import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  getDivision,
  listDepartments,
  listDivisions,
  listLocations,
  listStaff,
  type PageQuery,
  unlockStaff,
} from './api'

const root = ['directory'] as const

export const divisionKeys = {
  children: (parentCode: string | null) => [...root, 'divisions', 'children', parentCode ?? ''] as const,
  search: (q: string) => [...root, 'divisions', 'search', q] as const,
  detail: (code: string) => [...root, 'divisions', 'detail', code] as const,
}

/** Roots of the caller's scope. */
export function useRootDivisions() {
  return useQuery({
    queryKey: divisionKeys.children(null),
    queryFn: ({ signal }) => listDivisions({}, signal),
    staleTime: 10 * 60_000,
  })
}

/** Loads (or reuses) the children of a division; the tree calls it when a node opens. */
export function useLoadDivisionChildren() {
  const queryClient = useQueryClient()
  return useCallback(
    (parentCode: string) =>
      queryClient.fetchQuery({
        queryKey: divisionKeys.children(parentCode),
        queryFn: ({ signal }) => listDivisions({ parentCode }, signal),
        staleTime: 10 * 60_000,
      }),
    [queryClient],
  )
}

export function useDivisionSearch(q: string) {
  return useQuery({
    queryKey: divisionKeys.search(q),
    queryFn: ({ signal }) => listDivisions({ q }, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  })
}

export function useDivision(code: string | null) {
  return useQuery({
    queryKey: divisionKeys.detail(code ?? ''),
    queryFn: ({ signal }) => getDivision(code ?? '', signal),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  })
}

export function useDepartments(query: PageQuery & { q?: string; kind?: string }) {
  return useQuery({
    queryKey: [...root, 'departments', query],
    queryFn: ({ signal }) => listDepartments(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useLocations(query: PageQuery & { q?: string; kind?: string; divisionCode?: string }) {
  return useQuery({
    queryKey: [...root, 'locations', query],
    queryFn: ({ signal }) => listLocations(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useStaff(query: PageQuery & { q?: string; divisionCode?: string; departmentId?: string }) {
  return useQuery({
    queryKey: [...root, 'staff', query],
    queryFn: ({ signal }) => listStaff(query, signal),
    placeholderData: keepPreviousData,
  })
}

/** Unlocks an account, then reloads the staff lists. */
export function useUnlockStaff() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: unlockStaff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...root, 'staff'] }),
  })
}
