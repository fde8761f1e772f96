import type {
  Category,
  CategoryNode,
  CreateCategory,
  CreateRoutingRule,
  DuplicateCandidate,
  FollowUp,
  FollowupResult,
  HotlineSettings,
  Intake,
  IntakeResult,
  KbArticle,
  Order,
  OrderAction,
  OrderDetail,
  OrderListQuery,
  OrderStatus,
  PublicStatus,
  PublicSubmit,
  PublicTrack,
  Reply,
  RequestType,
  RoutingRule,
  RoutingSuggestion,
  SaveKbArticle,
  StatsQuery,
  StatsResult,
  StatsRow,
  TimelineEvent,
  UnitRef,
  UpdateCategory,
  Urgency,
} from '@ruyu/contracts/hotline'
import { isCnPhone as isContractPhone } from '@ruyu/contracts/identifiers'
import { download, http, type Page } from '../../shared/request'

export type {
  Category,
  CategoryNode,
  CreateCategory,
  CreateRoutingRule,
  DuplicateCandidate,
  FollowUp,
  FollowupResult,
  HotlineSettings,
  Intake,
  IntakeResult,
  KbArticle,
  Order,
  OrderAction,
  OrderDetail,
  OrderStatus,
  PublicStatus,
  PublicSubmit,
  PublicTrack,
  Reply,
  RequestType,
  RoutingRule,
  RoutingSuggestion,
  SaveKbArticle,
  StatsQuery,
  StatsResult,
  StatsRow,
  TimelineEvent,
  UnitRef,
  UpdateCategory,
  Urgency,
}

// The enumerations again, as plain arrays typed against the contract, so the pages do not load zod and the
// schemas (the public pages are opened on phones).
export const REQUEST_TYPE_LIST = [
  'consult',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
] as const satisfies readonly RequestType[]
export const URGENCY_LIST = ['normal', 'urgent'] as const satisfies readonly Urgency[]
export const FOLLOWUP_RESULT_LIST = [
  'satisfied',
  'basically_satisfied',
  'unsatisfied',
  'unreachable',
] as const satisfies readonly FollowupResult[]
export type ContactMethod = NonNullable<OrderDetail['reply']>['contactMethod']
export const CONTACT_METHOD_LIST = [
  'phone',
  'sms',
  'visit',
  'meeting',
  'other',
  'not_needed',
] as const satisfies readonly ContactMethod[]
export const ORDER_STATUS_LIST = [
  'dispatching',
  'pending_ack',
  'handling',
  'extension_review',
  'reviewing',
  'followup',
  'closed',
  'closed_direct',
  'merged',
  'declined',
] as const satisfies readonly OrderStatus[]
export const CLOSED_STATUS_SET: ReadonlySet<OrderStatus> = new Set(['closed', 'closed_direct', 'merged', 'declined'])
export type StatsGroup = StatsQuery['groupBy']
export const STATS_GROUP_LIST = ['unit', 'town', 'category', 'month'] as const satisfies readonly StatsGroup[]
export type SlaFlag = Order['slaFlag']

/** Mainland mobile or landline with area code: the server's own check (PhoneSchema trims first). */
export const isCnPhone = (phone: string): boolean => isContractPhone(phone.trim())

export type OrderQuery = Partial<Omit<OrderListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number }

export interface UnitOption {
  id: string
  code: string
  name: string
  kind: string
  divisionCode: string
}

export interface DepartmentOption {
  id: string
  code: string
  name: string
  shortName: string | null
  kind: string
  divisionCode: string
}

export interface DivisionOption {
  code: string
  name: string
  level: string
  childCount: number
}

const base = '/api/hotline'
const enc = encodeURIComponent

// Orders -------------------------------------------------------------------------------------------------------

export function intake(input: Intake): Promise<IntakeResult> {
  return http.post<IntakeResult>(`${base}/orders`, input)
}

export function listOrders(query: OrderQuery, signal?: AbortSignal): Promise<Page<Order>> {
  return http.get<Page<Order>>(`${base}/orders`, query, signal)
}

/** The order list under the same filters as .xlsx (every page; the server applies the list's visibility). */
export function exportOrders(query: Omit<OrderQuery, 'page' | 'pageSize'>): Promise<void> {
  return download(`${base}/orders/export`, query, 'hotline-orders.xlsx')
}

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return http.get<OrderDetail>(`${base}/orders/${enc(id)}`, undefined, signal)
}

export function getSuggestion(
  query: { categoryId: string; divisionCode: string },
  signal?: AbortSignal,
): Promise<RoutingSuggestion> {
  return http.get<RoutingSuggestion>(`${base}/suggestion`, query, signal)
}

export interface DuplicateQuery {
  callerPhone?: string
  categoryId?: string
  divisionCode?: string
  address?: string
  excludeId?: string
}

export function findDuplicates(query: DuplicateQuery, signal?: AbortSignal): Promise<Page<DuplicateCandidate>> {
  return http.get<Page<DuplicateCandidate>>(`${base}/duplicates`, query, signal)
}

/** The body each order action posts (see docs/hotline.md). */
export interface ActionBodies {
  dispatch: { unitId: string; coUnitIds: string[]; categoryId?: string; note?: string }
  'direct-answer': { answer: string; kbArticleId?: string | null }
  merge: { intoId: string; reason: string }
  decline: { reason: string }
  acknowledge: Record<string, never>
  return: { reason: string }
  extension: { days: number; reason: string }
  'extension/decision': { approve: boolean; days?: number; comment?: string }
  reply: Reply
  review: { accept: boolean; reason?: string; publicReply?: string }
  'follow-up': FollowUp
  remind: { reason: string }
  supervise: { reason: string }
  notes: { text: string; attachments?: string[] }
}
export type ActionPath = keyof ActionBodies

export function postAction<P extends ActionPath>(id: string, path: P, body: ActionBodies[P]): Promise<OrderDetail> {
  return http.post<OrderDetail>(`${base}/orders/${enc(id)}/${path}`, body)
}

// Reference data ------------------------------------------------------------------------------------------------

export function listCategories(signal?: AbortSignal): Promise<Page<CategoryNode>> {
  return http.get<Page<CategoryNode>>(`${base}/categories`, undefined, signal)
}

export function createCategory(input: CreateCategory): Promise<Category> {
  return http.post<Category>(`${base}/categories`, input)
}

export function updateCategory(id: string, input: UpdateCategory): Promise<Category> {
  return http.put<Category>(`${base}/categories/${enc(id)}`, input)
}

export function listRoutingRules(signal?: AbortSignal): Promise<Page<RoutingRule>> {
  return http.get<Page<RoutingRule>>(`${base}/routing-rules`, undefined, signal)
}

export function createRoutingRule(input: CreateRoutingRule): Promise<RoutingRule> {
  return http.post<RoutingRule>(`${base}/routing-rules`, input)
}

export function deleteRoutingRule(id: string): Promise<void> {
  return http.delete<void>(`${base}/routing-rules/${enc(id)}`)
}

export function searchKb(
  query: { q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<KbArticle & { rank: number }>> {
  return http.get<Page<KbArticle & { rank: number }>>(`${base}/kb`, query, signal)
}

export function createKbArticle(input: SaveKbArticle): Promise<KbArticle> {
  return http.post<KbArticle>(`${base}/kb`, input)
}

export function updateKbArticle(id: string, input: SaveKbArticle): Promise<KbArticle> {
  return http.put<KbArticle>(`${base}/kb/${enc(id)}`, input)
}

export function getSettings(signal?: AbortSignal): Promise<HotlineSettings> {
  return http.get<HotlineSettings>(`${base}/settings`, undefined, signal)
}

/** Units an order can go to: departments, utilities and town/street offices (not the centre itself). */
export function listUnits(signal?: AbortSignal): Promise<{ items: UnitOption[] }> {
  return http.get<{ items: UnitOption[] }>(`${base}/units`, undefined, signal)
}

/** The public form's location picker (no login): towns of the district, villages of a town. */
export function listPublicDivisions(parentCode: string | undefined, signal?: AbortSignal) {
  return http.get<{ items: { code: string; name: string; level: string; leaf: boolean }[] }>(
    '/api/public/hotline/divisions',
    parentCode ? { parentCode } : undefined,
    signal,
  )
}

export function listDivisionChildren(parentCode: string, signal?: AbortSignal): Promise<Page<DivisionOption>> {
  return http.get<Page<DivisionOption>>('/api/directory/divisions', { parentCode }, signal)
}

// Statistics ----------------------------------------------------------------------------------------------------

export function getStats(query: StatsQuery, signal?: AbortSignal): Promise<StatsResult> {
  return http.get<StatsResult>(`${base}/stats`, query, signal)
}

/** The same figures as an .xlsx download (a plain link: the session cookie goes with it). */
export function statsExportUrl(query: StatsQuery): string {
  const params = new URLSearchParams({ groupBy: query.groupBy, from: query.from, to: query.to })
  return `${base}/stats/export?${params.toString()}`
}

// Public (no login) ---------------------------------------------------------------------------------------------

export interface PublicSubmitResult {
  number: string
  trackingToken: string
  publicStatus: PublicStatus
  receivedAt: string
}

export function publicSubmit(input: PublicSubmit): Promise<PublicSubmitResult> {
  return http.post<PublicSubmitResult>('/api/public/hotline/requests', input)
}

export function publicTrack(
  query: { token?: string; number?: string; phoneLast4?: string },
  signal?: AbortSignal,
): Promise<PublicTrack> {
  return http.get<PublicTrack>('/api/public/hotline/track', query, signal)
}

export function publicCategories(signal?: AbortSignal): Promise<Page<CategoryNode>> {
  return http.get<Page<CategoryNode>>('/api/public/hotline/categories', undefined, signal)
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier), from the holiday calendar. */
export function workdaysBetween(
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<{ days: number; provisional: boolean }> {
  return http.get<{ days: number; provisional: boolean }>('/api/calendar/workdays-between', { from, to }, signal)
}
