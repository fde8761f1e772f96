import type { SubmitRating } from '@ruyu/contracts/rating'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type CreateListing,
  type CreateServiceRequest,
  closeListing,
  contactListing,
  createListing,
  createRequest,
  type EnterpriseQuery,
  getCatalogue,
  getMyEnterprise,
  getMyMembership,
  getProfile,
  getReference,
  getRequest,
  getStats,
  type ListingQuery,
  listContacts,
  listEnterprises,
  listIndustries,
  listListingMatches,
  listListings,
  listMembers,
  listRequests,
  listServices,
  type MemberStatus,
  type RegisterEnterpriseUser,
  type RequestQuery,
  rateRequest,
  register,
  rejectMember,
  replyContact,
  requestAction,
  type ServiceRequestAction,
  type ServiceRequestDetail,
  verifyMember,
} from './api'

const root = ['enterprise'] as const
const REFERENCE = 10 * 60_000

export const enterpriseKeys = {
  root,
  requests: () => [...root, 'requests'] as const,
  request: (id: string) => [...root, 'request', id] as const,
  members: () => [...root, 'members'] as const,
  board: () => [...root, 'board'] as const,
}

// Reference data -------------------------------------------------------------------------------------------------

export function useEnterpriseReference() {
  return useQuery({
    queryKey: [...root, 'reference'],
    queryFn: ({ signal }) => getReference(signal),
    staleTime: REFERENCE,
  })
}

export function useIndustries() {
  return useQuery({
    queryKey: [...root, 'industries'],
    queryFn: ({ signal }) => listIndustries(signal),
    staleTime: REFERENCE,
  })
}

export function useServices() {
  return useQuery({
    queryKey: [...root, 'services'],
    queryFn: ({ signal }) => listServices(signal),
    staleTime: REFERENCE,
  })
}

export function useCatalogue() {
  return useQuery({
    queryKey: [...root, 'catalogue'],
    queryFn: ({ signal }) => getCatalogue(signal),
    staleTime: REFERENCE,
  })
}

// Enterprises ----------------------------------------------------------------------------------------------------

export function useEnterprises(query: EnterpriseQuery) {
  return useQuery({
    queryKey: [...root, 'enterprises', query],
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useProfile(uscc: string | undefined) {
  return useQuery({
    queryKey: [...root, 'profile', uscc],
    queryFn: ({ signal }) => getProfile(uscc ?? '', signal),
    enabled: Boolean(uscc),
  })
}

export function useMyMembership(enabled = true) {
  return useQuery({
    queryKey: [...root, 'my', 'membership'],
    queryFn: ({ signal }) => getMyMembership(signal),
    enabled,
    retry: false,
    retryOnMount: false,
  })
}

export function useMyEnterprise(enabled = true) {
  return useQuery({
    queryKey: [...root, 'my', 'enterprise'],
    queryFn: ({ signal }) => getMyEnterprise(signal),
    enabled,
    retry: false,
    retryOnMount: false,
  })
}

// Accounts -------------------------------------------------------------------------------------------------------

export function useRegister() {
  return useMutation({ mutationFn: (input: RegisterEnterpriseUser) => register(input) })
}

export function useMembers(query: { page: number; pageSize: number; status?: MemberStatus | undefined }) {
  return useQuery({
    queryKey: [...enterpriseKeys.members(), query],
    queryFn: ({ signal }) => listMembers(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useDecideMember() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id: string; approve: true } | { id: string; approve: false; reason: string }) =>
      vars.approve ? verifyMember(vars.id) : rejectMember(vars.id, vars.reason),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: enterpriseKeys.members() }),
  })
}

// Service requests -----------------------------------------------------------------------------------------------

export function useRequests(scope: 'mine' | 'provider' | 'all', query: RequestQuery, enabled = true) {
  return useQuery({
    queryKey: [...enterpriseKeys.requests(), scope, query],
    queryFn: ({ signal }) => listRequests(scope, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useRequest(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.request(id ?? ''),
    queryFn: ({ signal }) => getRequest(id ?? '', signal),
    enabled: Boolean(id),
  })
}

function useRequestMutation<V>(fn: (vars: V) => Promise<ServiceRequestDetail>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      queryClient.setQueryData(enterpriseKeys.request(detail.id), detail)
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.requests() })
    },
  })
}

export function useCreateRequest() {
  return useRequestMutation((input: CreateServiceRequest) => createRequest(input))
}

export function useRequestAction() {
  return useRequestMutation((vars: { id: string; action: ServiceRequestAction; comment?: string }) =>
    requestAction(vars.id, vars.action, vars.comment ? { comment: vars.comment } : {}),
  )
}

export function useRateRequest() {
  return useRequestMutation((vars: { id: string; input: SubmitRating }) => rateRequest(vars.id, vars.input))
}

// Supply-demand board ---------------------------------------------------------------------------------------------

export function useListings(query: ListingQuery) {
  return useQuery({
    queryKey: [...enterpriseKeys.board(), 'listings', query],
    queryFn: ({ signal }) => listListings(query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useListingMatches(id: string | undefined) {
  return useQuery({
    queryKey: [...enterpriseKeys.board(), 'matches', id],
    queryFn: ({ signal }) => listListingMatches(id ?? '', signal),
    enabled: Boolean(id),
  })
}

export function useContacts(query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...enterpriseKeys.board(), 'contacts', query],
    queryFn: ({ signal }) => listContacts(query, signal),
    placeholderData: keepPreviousData,
  })
}

function useBoardMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: enterpriseKeys.board() }),
  })
}

export function useCreateListing() {
  return useBoardMutation((input: CreateListing) => createListing(input))
}

export function useCloseListing() {
  return useBoardMutation((id: string) => closeListing(id))
}

export function useContactListing() {
  return useBoardMutation((vars: { id: string; message: string }) => contactListing(vars.id, vars.message))
}

export function useReplyContact() {
  return useBoardMutation((vars: { id: string; message: string }) => replyContact(vars.id, vars.message))
}

// Statistics -----------------------------------------------------------------------------------------------------

export function useEnterpriseStats(enabled = true) {
  return useQuery({ queryKey: [...root, 'stats'], queryFn: ({ signal }) => getStats(signal), enabled })
}
