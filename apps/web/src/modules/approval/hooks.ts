import type { SubmitRating } from '@ruyu/contracts/rating'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError } from '../../shared/request'
import {
  type CaseDetail,
  type CaseQuery,
  deleteDraft,
  getCase,
  getDraft,
  getOnTimeStats,
  getTheme,
  getZoneSavings,
  listCaseCertificates,
  listCases,
  listDrafts,
  listLocations,
  listMyCases,
  listParks,
  listTowns,
  listZoneAssessmentKinds,
  plan,
  rateCase,
  type SaveDraft,
  saveDraft,
  submitAtWindow,
  submitOnline,
  supplyMaterial,
} from './api'
import { MUPING_TOWNS } from './towns'

const root = ['approval'] as const
const REFERENCE = 10 * 60_000

export const approvalKeys = {
  root,
  case: (id: string) => [...root, 'case', id] as const,
  lists: () => [...root, 'list'] as const,
}

export function useTheme(code: string) {
  return useQuery({
    queryKey: [...root, 'theme', code],
    queryFn: ({ signal }) => getTheme(code, signal),
    staleTime: REFERENCE,
  })
}

/**
 * The variant, plan and combined form for the variant-deciding values; asked again whenever they change (the
 * previous answer stays on screen meanwhile).
 */
export function usePlan(themeCode: string, deciding: Record<string, unknown>, parkCode?: string) {
  return useQuery({
    queryKey: [...root, 'plan', themeCode, deciding, parkCode ?? null],
    queryFn: ({ signal }) => plan(themeCode, deciding, parkCode, signal),
    placeholderData: keepPreviousData,
    staleTime: REFERENCE,
  })
}

export function useParks() {
  return useQuery({ queryKey: [...root, 'parks'], queryFn: ({ signal }) => listParks(signal), staleTime: REFERENCE })
}

export function useZoneKinds() {
  return useQuery({
    queryKey: [...root, 'zone-kinds'],
    queryFn: ({ signal }) => listZoneAssessmentKinds(signal),
    staleTime: REFERENCE,
  })
}

/**
 * The district's towns and streets for the division field. Enterprise accounts lack directory:read, so a 403
 * falls back to the built-in list of the 13 towns (same codes as the directory's seed).
 */
export function useTowns() {
  return useQuery({
    queryKey: [...root, 'towns'],
    queryFn: async ({ signal }) => {
      try {
        const page = await listTowns(signal)
        return page.items.length ? page.items.map((d) => ({ code: d.code, name: d.name })) : MUPING_TOWNS
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) return MUPING_TOWNS
        throw err
      }
    },
    staleTime: REFERENCE,
  })
}

export function useLocations(enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'locations'],
    queryFn: ({ signal }) => listLocations(signal),
    staleTime: REFERENCE,
    enabled,
  })
}

export function useMyCases(query: CaseQuery) {
  return useQuery({
    queryKey: [...root, 'list', 'mine', query],
    queryFn: ({ signal }) => listMyCases(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: [...root, 'list', 'scope', query],
    queryFn: ({ signal }) => listCases(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: approvalKeys.case(id ?? ''),
    queryFn: ({ signal }) => getCase(id ?? '', signal),
    enabled: Boolean(id),
  })
}

export function useCaseCertificates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...approvalKeys.case(id), 'certificates'],
    queryFn: ({ signal }) => listCaseCertificates(id, signal),
    enabled,
  })
}

export function useOnTimeStats() {
  return useQuery({ queryKey: [...root, 'stats', 'on-time'], queryFn: ({ signal }) => getOnTimeStats(signal) })
}

export function useZoneSavings() {
  return useQuery({ queryKey: [...root, 'stats', 'zone-savings'], queryFn: ({ signal }) => getZoneSavings(signal) })
}

function useCaseUpdate() {
  const queryClient = useQueryClient()
  return (detail: CaseDetail) => {
    queryClient.setQueryData(approvalKeys.case(detail.id), detail)
    void queryClient.invalidateQueries({ queryKey: approvalKeys.lists() })
  }
}

// A submission answers with the receipt (no progress tree): the lists refresh, the detail page fetches its own.
function useSubmitted() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: approvalKeys.lists() })
}

export function useSubmitOnline() {
  return useMutation({ mutationFn: submitOnline, onSuccess: useSubmitted() })
}

export function useSubmitAtWindow() {
  return useMutation({ mutationFn: submitAtWindow, onSuccess: useSubmitted() })
}

export function useSupplyMaterial(caseId: string) {
  const update = useCaseUpdate()
  return useMutation({
    mutationFn: (v: { code: string; fileId: string }) => supplyMaterial(caseId, v.code, v.fileId),
    onSuccess: update,
  })
}

export function useRateCase(caseId: string) {
  const update = useCaseUpdate()
  return useMutation({ mutationFn: (input: SubmitRating) => rateCase(caseId, input), onSuccess: update })
}

/** The caller's drafts. */
export function useDrafts() {
  return useQuery({ queryKey: [...approvalKeys.lists(), 'drafts'], queryFn: ({ signal }) => listDrafts(signal) })
}

/** One draft to resume (never refetched while the wizard is open). */
export function useDraft(id: string | null) {
  return useQuery({
    queryKey: ['approval', 'draft', id],
    queryFn: ({ signal }) => getDraft(id!, signal),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  })
}

export function useSaveDraft() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string | null; input: SaveDraft }) => saveDraft(v.id, v.input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.lists() }),
  })
}

export function useDeleteDraft() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteDraft,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: approvalKeys.lists() }),
  })
}
