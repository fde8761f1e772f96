/** The hotline_order row as the module reads it, its column names, and who sees which orders. */
import type { FollowupResult, OrderStatus, PublicStatus, RequestType, Urgency } from '@ruyu/contracts/hotline'

export interface OrderRow {
  id: string
  publicId: string
  number: string
  source: 'live' | 'scenario'
  channel: string
  upstreamSource: string | null
  upstreamNumber: string | null
  callerName: string
  callerPhone: string
  confidential: boolean
  requestType: RequestType
  urgency: Urgency
  categoryId: string | null
  topCategoryId: string | null
  divisionCode: string
  townCode: string | null
  address: string
  lat: number | null
  lng: number | null
  title: string
  description: string
  attachments: string[]
  status: OrderStatus
  publicStatus: PublicStatus
  publicReply: string | null
  unitId: string | null
  coUnitIds: string[]
  receivedAt: Date
  dispatchedAt: Date | null
  ackDueAt: Date | null
  acknowledgedAt: Date | null
  dueAt: Date | null
  repliedAt: Date | null
  closedAt: Date | null
  closedOnTime: boolean | null
  respondedOnTime: boolean | null
  replyText: string | null
  contactMethod: string | null
  contactedAt: Date | null
  followupResult: FollowupResult | null
  followupAt: Date | null
  solved: boolean | null
  reopenCount: number
  enterpriseUscc: string | null
  returnCount: number
  lastReturnedAt: Date | null
  lastReturnReason: string | null
  supervised: boolean
  slaFlag: 'on_track' | 'warning' | 'overdue'
  extensionDays: number
  pendingExtension: { days: number; reason: string; requestedAt: string } | null
  kbArticleId: string | null
  mergedIntoId: string | null
  trackingHash: string | null
  workflowInstanceId: string | null
  createdBy: string | null
  updatedAt: Date
  version: number
  // Joined names (reads only).
  categoryCode?: string | null
  categoryName?: string | null
  categoryPath?: string | null
  unitCode?: string | null
  unitName?: string | null
  divisionName?: string | null
  mergedIntoNumber?: string | null
  kbTitle?: string | null
}

export const COLUMNS: Record<string, string> = {
  number: 'number',
  source: 'source',
  channel: 'channel',
  upstreamSource: 'upstream_source',
  upstreamNumber: 'upstream_number',
  callerName: 'caller_name',
  callerPhone: 'caller_phone',
  confidential: 'confidential',
  requestType: 'request_type',
  urgency: 'urgency',
  categoryId: 'category_id',
  topCategoryId: 'top_category_id',
  divisionCode: 'division_code',
  townCode: 'town_code',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  title: 'title',
  description: 'description',
  attachments: 'attachments',
  status: 'status',
  publicStatus: 'public_status',
  publicReply: 'public_reply',
  unitId: 'unit_id',
  coUnitIds: 'co_unit_ids',
  receivedAt: 'received_at',
  dispatchedAt: 'dispatched_at',
  ackDueAt: 'ack_due_at',
  acknowledgedAt: 'acknowledged_at',
  dueAt: 'due_at',
  repliedAt: 'replied_at',
  closedAt: 'closed_at',
  closedOnTime: 'closed_on_time',
  respondedOnTime: 'responded_on_time',
  replyText: 'reply_text',
  contactMethod: 'contact_method',
  contactedAt: 'contacted_at',
  followupResult: 'followup_result',
  followupAt: 'followup_at',
  solved: 'solved',
  reopenCount: 'reopen_count',
  enterpriseUscc: 'enterprise_uscc',
  returnCount: 'return_count',
  lastReturnedAt: 'last_returned_at',
  lastReturnReason: 'last_return_reason',
  supervised: 'supervised',
  slaFlag: 'sla_flag',
  extensionDays: 'extension_days',
  pendingExtension: 'pending_extension',
  kbArticleId: 'kb_article_id',
  mergedIntoId: 'merged_into_id',
  trackingHash: 'tracking_hash',
  workflowInstanceId: 'workflow_instance_id',
  createdBy: 'created_by',
}

export const toOrder = (r: Record<string, any>): OrderRow => ({
  id: r.id,
  publicId: r.public_id,
  number: r.number,
  source: r.source,
  channel: r.channel,
  upstreamSource: r.upstream_source,
  upstreamNumber: r.upstream_number,
  callerName: r.caller_name,
  callerPhone: r.caller_phone,
  confidential: r.confidential,
  requestType: r.request_type,
  urgency: r.urgency,
  categoryId: r.category_id,
  topCategoryId: r.top_category_id,
  divisionCode: r.division_code,
  townCode: r.town_code,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  title: r.title,
  description: r.description,
  attachments: r.attachments ?? [],
  status: r.status,
  publicStatus: r.public_status,
  publicReply: r.public_reply,
  unitId: r.unit_id,
  coUnitIds: r.co_unit_ids ?? [],
  receivedAt: r.received_at,
  dispatchedAt: r.dispatched_at,
  ackDueAt: r.ack_due_at,
  acknowledgedAt: r.acknowledged_at,
  dueAt: r.due_at,
  repliedAt: r.replied_at,
  closedAt: r.closed_at,
  closedOnTime: r.closed_on_time,
  respondedOnTime: r.responded_on_time,
  replyText: r.reply_text,
  contactMethod: r.contact_method,
  contactedAt: r.contacted_at,
  followupResult: r.followup_result,
  followupAt: r.followup_at,
  solved: r.solved,
  reopenCount: r.reopen_count,
  enterpriseUscc: r.enterprise_uscc ?? null,
  returnCount: r.return_count ?? 0,
  lastReturnedAt: r.last_returned_at ?? null,
  lastReturnReason: r.last_return_reason ?? null,
  supervised: r.supervised,
  slaFlag: r.sla_flag,
  extensionDays: r.extension_days,
  pendingExtension: r.pending_extension,
  kbArticleId: r.kb_article_id,
  mergedIntoId: r.merged_into_id,
  trackingHash: r.tracking_hash,
  workflowInstanceId: r.workflow_instance_id,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  version: r.version,
  categoryCode: r.category_code,
  categoryName: r.category_name,
  categoryPath: r.category_path,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  divisionName: r.division_name,
  mergedIntoNumber: r.merged_into_number,
  kbTitle: r.kb_title,
})

export const ORDER_SELECT = `select o.*, c.code as category_code, c.name as category_name, c.path_name as category_path,
    u.code as unit_code, u.name as unit_name, m.number as merged_into_number, k.title as kb_title,
    (select d.name from core_division d where d.code = o.division_code order by d.data_year desc limit 1) as division_name
  from hotline_order o
  left join hotline_category c on c.id = o.category_id
  left join core_org_unit u on u.id = o.unit_id
  left join hotline_order m on m.id = o.merged_into_id
  left join hotline_kb_article k on k.id = o.kb_article_id`

/** Who sees which orders: the centre and readers by division scope, handling units by their departments. */
export type Visibility =
  | { kind: 'scope'; scopes: string[] }
  | { kind: 'units'; departmentIds: string[] }
  | { kind: 'all' }

export function visibilitySql(v: Visibility, params: unknown[]): string {
  if (v.kind === 'all') return 'true'
  if (v.kind === 'scope') {
    params.push(v.scopes.map((s) => `${s}%`))
    return `o.division_code like any($${params.length})`
  }
  params.push(v.departmentIds)
  return `(o.unit_id = any($${params.length}::uuid[]) or o.co_unit_ids && $${params.length}::uuid[])`
}
