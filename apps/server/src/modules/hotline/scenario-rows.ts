/** A generated order and its timeline, and how a batch of them is written (multi-row INSERTs over unnest()). */
import type { FollowupResult, RequestType, Urgency } from '@ruyu/contracts/hotline'
import { RETURN_REASON } from './scenario-mix.ts'

export interface ScenarioEvent {
  at: number
  actorKind: 'user' | 'system'
  actorName: string | null
  unitId: string | null
  action: string
  from: string | null
  to: string | null
  reason: string | null
}

export interface ScenarioOrder {
  id: string
  number: string
  callerName: string
  callerPhone: string
  confidential: boolean
  requestType: RequestType
  urgency: Urgency
  categoryId: string
  topCategoryId: string
  divisionCode: string
  townCode: string | null
  address: string
  lat: number
  lng: number
  title: string
  description: string
  status: string
  publicStatus: string
  publicReply: string | null
  unitId: string
  coUnitIds: string[]
  receivedAt: number
  dispatchedAt: number
  ackDueAt: number
  acknowledgedAt: number | null
  dueAt: number
  repliedAt: number | null
  closedAt: number | null
  closedOnTime: boolean | null
  respondedOnTime: boolean | null
  replyText: string | null
  contactMethod: string | null
  contactedAt: number | null
  followupResult: FollowupResult | null
  followupAt: number | null
  solved: boolean | null
  reopenCount: number
  supervised: boolean
  slaFlag: 'on_track' | 'warning' | 'overdue'
  extensionDays: number
  updatedAt: number
  events: ScenarioEvent[]
  // for the report
  extended: boolean
  returned: boolean
  /** 退单 (0011_hotline_returns.sql columns). */
  returnedAt: number | null
}

const ORDER_COLUMNS: readonly [string, string, (o: ScenarioOrder) => unknown][] = [
  ['id', 'uuid', (o) => o.id],
  ['number', 'text', (o) => o.number],
  ['caller_name', 'text', (o) => o.callerName],
  ['caller_phone', 'text', (o) => o.callerPhone],
  ['confidential', 'boolean', (o) => o.confidential],
  ['request_type', 'text', (o) => o.requestType],
  ['urgency', 'text', (o) => o.urgency],
  ['category_id', 'uuid', (o) => o.categoryId],
  ['top_category_id', 'uuid', (o) => o.topCategoryId],
  ['division_code', 'text', (o) => o.divisionCode],
  ['town_code', 'text', (o) => o.townCode],
  ['address', 'text', (o) => o.address],
  ['lat', 'float8', (o) => o.lat],
  ['lng', 'float8', (o) => o.lng],
  ['title', 'text', (o) => o.title],
  ['description', 'text', (o) => o.description],
  ['status', 'text', (o) => o.status],
  ['public_status', 'text', (o) => o.publicStatus],
  ['public_reply', 'text', (o) => o.publicReply],
  ['unit_id', 'uuid', (o) => o.unitId],
  ['co_unit_ids', 'text', (o) => `{${o.coUnitIds.join(',')}}`],
  ['received_at', 'timestamptz', (o) => iso(o.receivedAt)],
  ['dispatched_at', 'timestamptz', (o) => iso(o.dispatchedAt)],
  ['ack_due_at', 'timestamptz', (o) => iso(o.ackDueAt)],
  ['acknowledged_at', 'timestamptz', (o) => iso(o.acknowledgedAt)],
  ['due_at', 'timestamptz', (o) => iso(o.dueAt)],
  ['replied_at', 'timestamptz', (o) => iso(o.repliedAt)],
  ['closed_at', 'timestamptz', (o) => iso(o.closedAt)],
  ['closed_on_time', 'boolean', (o) => o.closedOnTime],
  ['responded_on_time', 'boolean', (o) => o.respondedOnTime],
  ['reply_text', 'text', (o) => o.replyText],
  ['contact_method', 'text', (o) => o.contactMethod],
  ['contacted_at', 'timestamptz', (o) => iso(o.contactedAt)],
  ['followup_result', 'text', (o) => o.followupResult],
  ['followup_at', 'timestamptz', (o) => iso(o.followupAt)],
  ['solved', 'boolean', (o) => o.solved],
  ['reopen_count', 'int4', (o) => o.reopenCount],
  ['supervised', 'boolean', (o) => o.supervised],
  ['sla_flag', 'text', (o) => o.slaFlag],
  ['extension_days', 'int4', (o) => o.extensionDays],
  ['return_count', 'int4', (o) => (o.returned ? 1 : 0)],
  ['last_returned_at', 'timestamptz', (o) => iso(o.returnedAt)],
  ['last_return_reason', 'text', (o) => (o.returned ? RETURN_REASON : null)],
  ['created_at', 'timestamptz', (o) => iso(o.receivedAt)],
  ['updated_at', 'timestamptz', (o) => iso(o.updatedAt)],
]

const iso = (t: number | null) => (t === null ? null : new Date(Math.round(t)).toISOString())

export const ORDER_SQL = `insert into hotline_order (${ORDER_COLUMNS.map((c) => c[0]).join(', ')},
    source, channel)
  select ${ORDER_COLUMNS.map((c) => (c[0] === 'co_unit_ids' ? 'u.co_unit_ids::uuid[]' : `u.${c[0]}`)).join(', ')},
    'scenario', 'transfer'
  from unnest(${ORDER_COLUMNS.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')})
    as u(${ORDER_COLUMNS.map((c) => c[0]).join(', ')})`

export const EVENT_SQL = `insert into hotline_event (order_id, at, actor_kind, actor_name, unit_id, action, from_status, to_status, reason, data)
  select u.order_id, u.at, u.actor_kind, u.actor_name, u.unit_id, u.action, u.from_status, u.to_status, u.reason,
    '{"scenario":true}'::jsonb
  from unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[],
    $9::text[]) as u(order_id, at, actor_kind, actor_name, unit_id, action, from_status, to_status, reason)`

export function orderParams(rows: ScenarioOrder[]): unknown[][] {
  return ORDER_COLUMNS.map(([, , get]) => rows.map(get))
}

export function eventParams(rows: ScenarioOrder[]): unknown[][] {
  const cols: unknown[][] = [[], [], [], [], [], [], [], [], []]
  for (const o of rows)
    for (const e of o.events) {
      cols[0]!.push(o.id)
      cols[1]!.push(iso(e.at))
      cols[2]!.push(e.actorKind)
      cols[3]!.push(e.actorName)
      cols[4]!.push(e.unitId)
      cols[5]!.push(e.action)
      cols[6]!.push(e.from)
      cols[7]!.push(e.to)
      cols[8]!.push(e.reason)
    }
  return cols
}
