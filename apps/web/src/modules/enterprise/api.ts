import type {
  Contact,
  CreateListing,
  CreateServiceRequest,
  Enterprise,
  EnterpriseProfileView,
  EnterpriseScale,
  EnterpriseService,
  EnterpriseServiceModule,
  EnterpriseStats,
  Listing,
  ListingCategory,
  ListingKind,
  Member,
  MemberStatus,
  RegisterEnterpriseUser,
  ServiceRequest,
  ServiceRequestAction,
  ServiceRequestDetail,
  ServiceRequestStatus,
} from '@ruyu/contracts/enterprise'
import type { SubmitRating } from '@ruyu/contracts/rating'
import { http, type Page } from '../../shared/request'

export type {
  Contact,
  CreateListing,
  CreateServiceRequest,
  Enterprise,
  EnterpriseProfileView,
  EnterpriseScale,
  EnterpriseService,
  EnterpriseServiceModule,
  EnterpriseStats,
  Listing,
  ListingCategory,
  ListingKind,
  Member,
  MemberStatus,
  RegisterEnterpriseUser,
  ServiceRequest,
  ServiceRequestAction,
  ServiceRequestDetail,
  ServiceRequestStatus,
}

// Enumerations as plain arrays typed against the contract (the pages, the public registration page above all, do
// not load zod).
export const SCALE_LIST = ['large', 'medium', 'small', 'micro'] as const satisfies readonly EnterpriseScale[]
export const MODULE_LIST = [
  'financing',
  'talent',
  'supply_demand',
  'legal',
  'technology',
] as const satisfies readonly EnterpriseServiceModule[]
export const REQUEST_STATUS_LIST = [
  'submitted',
  'handling',
  'completed',
  'declined',
  'withdrawn',
] as const satisfies readonly ServiceRequestStatus[]
export const MEMBER_STATUS_LIST = ['pending', 'verified', 'rejected'] as const satisfies readonly MemberStatus[]
export const LISTING_KIND_LIST = ['need', 'offer'] as const satisfies readonly ListingKind[]
export const LISTING_CATEGORY_LIST = ['product', 'service'] as const satisfies readonly ListingCategory[]

export interface Reference {
  tags: string[]
  scales: { key: EnterpriseScale; name: string }[]
  modules: { key: EnterpriseServiceModule; name: string }[]
  parks: { code: string; name: string }[]
}

export interface IndustrySection {
  code: string
  name: string
  divisions: { code: string; name: string; scaleRow: string }[]
}

export interface MyMembership {
  status: MemberStatus
  uscc: string
  enterpriseName: string
  reason: string | null
}

export interface ListingMatch extends Listing {
  score: number
  reasons: string[]
}

export interface EnterpriseQuery {
  page: number
  pageSize: number
  q?: string | undefined
  industry?: string | undefined
  scale?: string | undefined
  tag?: string | undefined
  divisionCode?: string | undefined
  parkCode?: string | undefined
}

export interface RequestQuery {
  page: number
  pageSize: number
  status?: ServiceRequestStatus | undefined
  module?: EnterpriseServiceModule | undefined
  uscc?: string | undefined
}

export interface ListingQuery {
  page: number
  pageSize: number
  kind?: ListingKind | undefined
  category?: ListingCategory | undefined
  industry?: string | undefined
  q?: string | undefined
  mine?: 'true' | 'false' | undefined
}

const base = '/api/enterprise'
const enc = encodeURIComponent

// Reference data -------------------------------------------------------------------------------------------------

export function getReference(signal?: AbortSignal): Promise<Reference> {
  return http.get<Reference>(`${base}/reference`, undefined, signal)
}

export function listIndustries(signal?: AbortSignal): Promise<{ items: IndustrySection[] }> {
  return http.get<{ items: IndustrySection[] }>(`${base}/industries`, undefined, signal)
}

// Enterprises and profiles (staff) --------------------------------------------------------------------------------

export function listEnterprises(query: EnterpriseQuery, signal?: AbortSignal): Promise<Page<Enterprise>> {
  return http.get<Page<Enterprise>>(`${base}/enterprises`, query, signal)
}

export function getProfile(uscc: string, signal?: AbortSignal): Promise<EnterpriseProfileView> {
  return http.get<EnterpriseProfileView>(`${base}/enterprises/${enc(uscc)}/profile`, undefined, signal)
}

// Accounts -------------------------------------------------------------------------------------------------------

export interface RegisterResult {
  id: string
  status: 'pending'
  uscc: string
  enterpriseName: string
}

export function register(input: RegisterEnterpriseUser): Promise<RegisterResult> {
  return http.post<RegisterResult>('/api/public/enterprise/register', input)
}

export function getMyMembership(signal?: AbortSignal): Promise<MyMembership> {
  return http.get<MyMembership>(`${base}/my/membership`, undefined, signal)
}

export function getMyEnterprise(signal?: AbortSignal): Promise<Enterprise> {
  return http.get<Enterprise>(`${base}/my/enterprise`, undefined, signal)
}

export function listMembers(
  query: { page: number; pageSize: number; status?: MemberStatus | undefined },
  signal?: AbortSignal,
): Promise<Page<Member>> {
  return http.get<Page<Member>>(`${base}/members`, query, signal)
}

export function verifyMember(id: string): Promise<Member> {
  return http.post<Member>(`${base}/members/${enc(id)}/verify`, {})
}

export function rejectMember(id: string, reason: string): Promise<Member> {
  return http.post<Member>(`${base}/members/${enc(id)}/reject`, { reason })
}

// Services and requests ------------------------------------------------------------------------------------------

export function getCatalogue(
  signal?: AbortSignal,
): Promise<{ modules: { key: EnterpriseServiceModule; name: string; services: EnterpriseService[] }[] }> {
  return http.get(`${base}/services/catalogue`, undefined, signal)
}

export function listServices(signal?: AbortSignal): Promise<Page<EnterpriseService>> {
  return http.get<Page<EnterpriseService>>(`${base}/services`, { page: 1, pageSize: 200 }, signal)
}

export function createRequest(input: CreateServiceRequest): Promise<ServiceRequestDetail> {
  return http.post<ServiceRequestDetail>(`${base}/requests`, input)
}

/** The caller's requests: `mine` (enterprise), `provider` (the provider's worklist) or `all` (staff). */
export function listRequests(
  scope: 'mine' | 'provider' | 'all',
  query: RequestQuery,
  signal?: AbortSignal,
): Promise<Page<ServiceRequest>> {
  const path = scope === 'mine' ? '/my/requests' : scope === 'provider' ? '/provider/requests' : '/requests'
  return http.get<Page<ServiceRequest>>(`${base}${path}`, query, signal)
}

export function getRequest(id: string, signal?: AbortSignal): Promise<ServiceRequestDetail> {
  return http.get<ServiceRequestDetail>(`${base}/requests/${enc(id)}`, undefined, signal)
}

export function requestAction(
  id: string,
  action: ServiceRequestAction,
  body: { comment?: string },
): Promise<ServiceRequestDetail> {
  return http.post<ServiceRequestDetail>(`${base}/requests/${enc(id)}/actions/${action}`, body)
}

export function rateRequest(id: string, input: SubmitRating): Promise<ServiceRequestDetail> {
  return http.post<ServiceRequestDetail>(`${base}/requests/${enc(id)}/rating`, input)
}

// Supply-demand board ---------------------------------------------------------------------------------------------

export function listListings(query: ListingQuery, signal?: AbortSignal): Promise<Page<Listing>> {
  return http.get<Page<Listing>>(`${base}/board/listings`, query, signal)
}

export function createListing(input: CreateListing): Promise<Listing> {
  return http.post<Listing>(`${base}/board/listings`, input)
}

export function closeListing(id: string): Promise<Listing> {
  return http.post<Listing>(`${base}/board/listings/${enc(id)}/close`, {})
}

export function listListingMatches(id: string, signal?: AbortSignal): Promise<{ items: ListingMatch[] }> {
  return http.get<{ items: ListingMatch[] }>(`${base}/board/listings/${enc(id)}/matches`, undefined, signal)
}

export function contactListing(id: string, message: string): Promise<Contact> {
  return http.post<Contact>(`${base}/board/listings/${enc(id)}/contact`, { message })
}

export function listContacts(query: { page: number; pageSize: number }, signal?: AbortSignal): Promise<Page<Contact>> {
  return http.get<Page<Contact>>(`${base}/board/contacts`, query, signal)
}

export function replyContact(id: string, message: string): Promise<Contact> {
  return http.post<Contact>(`${base}/board/contacts/${enc(id)}/reply`, { message })
}

// Statistics -----------------------------------------------------------------------------------------------------

export function getStats(signal?: AbortSignal): Promise<EnterpriseStats> {
  return http.get<EnterpriseStats>(`${base}/stats`, undefined, signal)
}
