import { createHash } from 'node:crypto'
import { ROLE_CAPABILITIES } from '@ruyu/contracts/access'
import type {
  Category,
  FollowupResult,
  OrderStatus,
  PublicOrderFilter,
  PublicStatus,
  RequestType,
  Urgency,
} from '@ruyu/contracts/hotline'
import type { Queryable, Tx } from '../../platform/db.ts'
import type { StatsCounts } from './stats.ts'
import { rollupServes, type StatsFilter, statsFromRollup } from './stats-rollup.ts'
import { statsFromScan } from './stats-scan.ts'

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

const COLUMNS: Record<string, string> = {
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

const toOrder = (r: Record<string, any>): OrderRow => ({
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

const ORDER_SELECT = `select o.*, c.code as category_code, c.name as category_name, c.path_name as category_path,
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

function visibilitySql(v: Visibility, params: unknown[]): string {
  if (v.kind === 'all') return 'true'
  if (v.kind === 'scope') {
    params.push(v.scopes.map((s) => `${s}%`))
    return `o.division_code like any($${params.length})`
  }
  params.push(v.departmentIds)
  return `(o.unit_id = any($${params.length}::uuid[]) or o.co_unit_ids && $${params.length}::uuid[])`
}

const toCategory = (r: Record<string, any>): Category => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  depth: r.depth,
  pathName: r.path_name,
  guidance: r.guidance,
  active: r.active,
  sort: r.sort,
})

export interface RuleRow {
  id: string
  categoryId: string | null
  categoryName: string | null
  divisionPrefix: string
  unitId: string
  coUnitIds: string[]
  note: string | null
}
const toRule = (r: Record<string, any>): RuleRow => ({
  id: r.id,
  categoryId: r.category_id,
  categoryName: r.category_name ?? null,
  divisionPrefix: r.division_prefix,
  unitId: r.unit_id,
  coUnitIds: r.co_unit_ids ?? [],
  note: r.note,
})

export interface ArticleRow {
  id: string
  title: string
  content: string
  keywords: string[]
  categoryId: string | null
  categoryName: string | null
  active: boolean
  updatedAt: Date
  rank?: number
}
const toArticle = (r: Record<string, any>): ArticleRow => ({
  id: r.id,
  title: r.title,
  content: r.content,
  keywords: r.keywords ?? [],
  categoryId: r.category_id,
  categoryName: r.category_name ?? null,
  active: r.active,
  updatedAt: r.updated_at,
  rank: r.rank === undefined ? undefined : Number(r.rank),
})

const toEvent = (r: Record<string, any>) => ({
  id: Number(r.id),
  at: r.at as Date,
  action: r.action as string,
  actorKind: r.actor_kind as string,
  actorName: r.actor_name as string | null,
  unit: r.unit_id
    ? { id: r.unit_id as string, code: (r.unit_code ?? '') as string, name: (r.unit_name ?? '') as string }
    : null,
  fromStatus: r.from_status as string | null,
  toStatus: r.to_status as string | null,
  reason: r.reason as string | null,
  data: r.data as Record<string, unknown>,
  attachments: (r.attachments ?? []) as string[],
})
export type EventRow = ReturnType<typeof toEvent>

export interface DuplicateProbe {
  phone: string | null
  categoryId: string | null
  divisionCode: string | null
  address: string | null
  lat: number | null
  lng: number | null
  excludeId: string | null
  windowDays: number
  radiusMetres: number
  scopes: string[]
}
export interface DuplicateRow {
  id: string
  number: string
  status: OrderStatus
  receivedAt: string
  address: string
  categoryName: string | null
  title: string
  reasons: ('same_phone' | 'nearby' | 'same_address')[]
  distanceM: number | null
}

export interface EventInput {
  orderId: string
  actorId: string | null
  actorKind: string
  actorName: string | null
  unitId: string | null
  action: string
  fromStatus: string | null
  toStatus: string | null
  reason?: string | null
  data?: Record<string, unknown>
  attachments?: string[]
  at?: Date
}

/** A prepared-statement name for generated SQL: the same text always gets the same name. */
function preparedName(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`
}

const ORDER_READER_ROLES = Object.entries(ROLE_CAPABILITIES)
  .filter(([, caps]) => caps.includes('hotline:read'))
  .map(([role]) => role)

export const hotlineRepo = {
  // --- categories -------------------------------------------------------------------------------------------
  async categories(q: Queryable): Promise<(Category & { path: string })[]> {
    const { rows } = await q.query('select * from hotline_category order by depth, sort, code')
    return rows.map((r) => ({ ...toCategory(r), path: r.path as string }))
  },
  async category(q: Queryable, id: string): Promise<(Category & { path: string }) | null> {
    const { rows } = await q.query('select * from hotline_category where id = $1', [id])
    return rows[0] ? { ...toCategory(rows[0]), path: rows[0].path } : null
  },
  async categoryByCode(q: Queryable, code: string): Promise<(Category & { path: string }) | null> {
    const { rows } = await q.query('select * from hotline_category where code = $1', [code])
    return rows[0] ? { ...toCategory(rows[0]), path: rows[0].path } : null
  },
  async insertCategory(
    tx: Tx,
    c: { parentId: string | null; code: string; name: string; guidance: string | null; sort: number },
  ): Promise<Category> {
    const parent = c.parentId
      ? (await tx.query('select path, path_name, depth from hotline_category where id = $1', [c.parentId])).rows[0]
      : null
    const id = crypto.randomUUID()
    const { rows } = await tx.query(
      `insert into hotline_category (id, parent_id, code, name, path, path_name, depth, guidance, sort)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning *`,
      [
        id,
        c.parentId,
        c.code,
        c.name,
        `${parent?.path ?? '/'}${id}/`,
        parent ? `${parent.path_name} / ${c.name}` : c.name,
        parent ? parent.depth + 1 : 0,
        c.guidance,
        c.sort,
      ],
    )
    return toCategory(rows[0])
  },
  async updateCategory(
    tx: Tx,
    id: string,
    p: { name?: string; guidance?: string | null; sort?: number; active?: boolean },
  ): Promise<Category | null> {
    const { rows } = await tx.query(
      `update hotline_category set name = coalesce($2, name), guidance = case when $3 then $4 else guidance end,
         sort = coalesce($5, sort), active = coalesce($6, active), updated_at = now() where id = $1 returning *`,
      [id, p.name ?? null, p.guidance !== undefined, p.guidance ?? null, p.sort ?? null, p.active ?? null],
    )
    if (!rows[0]) return null
    if (p.name) {
      // Path names of the subtree follow a rename.
      await tx.query(
        `update hotline_category h set path_name = coalesce((select p.path_name || ' / ' from hotline_category p
           where p.id = h.parent_id), '') || h.name where h.id = $1`,
        [id],
      )
      await tx.query(
        `with recursive hotline_subtree as (
           select id, path_name from hotline_category where id = $1
           union all
           select c.id, s.path_name || ' / ' || c.name from hotline_category c join hotline_subtree s on c.parent_id = s.id)
         update hotline_category h set path_name = s.path_name from hotline_subtree s where h.id = s.id and h.id <> $1`,
        [id],
      )
    }
    return toCategory((await tx.query('select * from hotline_category where id = $1', [id])).rows[0])
  },
  // --- routing rules ----------------------------------------------------------------------------------------
  async rules(q: Queryable): Promise<RuleRow[]> {
    const { rows } = await q.query(
      `select r.*, c.path_name as category_name from hotline_routing_rule r
       left join hotline_category c on c.id = r.category_id order by c.path nulls first, r.division_prefix`,
    )
    return rows.map(toRule)
  },
  async rule(q: Queryable, id: string): Promise<RuleRow | null> {
    const { rows } = await q.query(
      `select r.*, c.path_name as category_name from hotline_routing_rule r
       left join hotline_category c on c.id = r.category_id where r.id = $1`,
      [id],
    )
    return rows[0] ? toRule(rows[0]) : null
  },
  async insertRule(
    tx: Tx,
    r: { categoryId: string | null; divisionPrefix: string; unitId: string; coUnitIds: string[]; note: string | null },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into hotline_routing_rule (category_id, division_prefix, unit_id, co_unit_ids, note)
       values ($1,$2,$3,$4,$5) returning id`,
      [r.categoryId, r.divisionPrefix, r.unitId, r.coUnitIds, r.note],
    )
    return rows[0].id
  },
  async deleteRule(tx: Tx, id: string): Promise<boolean> {
    return ((await tx.query('delete from hotline_routing_rule where id = $1', [id])).rowCount ?? 0) > 0
  },
  // --- knowledge base ---------------------------------------------------------------------------------------
  async insertArticle(
    tx: Tx,
    a: {
      title: string
      content: string
      keywords: string[]
      categoryId: string | null
      active: boolean
      createdBy: string | null
    },
    tokens: { title: string; content: string },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into hotline_kb_article (title, content, keywords, category_id, active, created_by, search)
       values ($1,$2,$3,$4,$5,$6, setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'B'))
       returning id`,
      [a.title, a.content, a.keywords, a.categoryId, a.active, a.createdBy, tokens.title, tokens.content],
    )
    return rows[0].id
  },
  async updateArticle(
    tx: Tx,
    id: string,
    a: { title: string; content: string; keywords: string[]; categoryId: string | null; active: boolean },
    tokens: { title: string; content: string },
  ): Promise<boolean> {
    const r = await tx.query(
      `update hotline_kb_article set title = $2, content = $3, keywords = $4, category_id = $5, active = $6,
         search = setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'B'),
         updated_at = now() where id = $1`,
      [id, a.title, a.content, a.keywords, a.categoryId, a.active, tokens.title, tokens.content],
    )
    return (r.rowCount ?? 0) > 0
  },
  async article(q: Queryable, id: string): Promise<ArticleRow | null> {
    const { rows } = await q.query(
      `select a.*, c.path_name as category_name from hotline_kb_article a
       left join hotline_category c on c.id = a.category_id where a.id = $1`,
      [id],
    )
    return rows[0] ? toArticle(rows[0]) : null
  },
  /** Full-text search over the segmented tokens, best first (ts_rank); without a query: newest first. */
  async searchArticles(
    q: Queryable,
    tsquery: string | null,
    page: { limit: number; offset: number; includeInactive: boolean },
  ): Promise<{ items: ArticleRow[]; total: number }> {
    const { rows } = await q.query(
      `select a.*, c.path_name as category_name,
         ${tsquery ? `ts_rank(a.search, to_tsquery('simple', $1))` : '0'} as rank, count(*) over() as total
       from hotline_kb_article a left join hotline_category c on c.id = a.category_id
       where ($2 or a.active) ${tsquery ? `and a.search @@ to_tsquery('simple', $1)` : 'and $1::text is null'}
       order by rank desc, a.updated_at desc, a.id limit $3 offset $4`,
      [tsquery, page.includeInactive, page.limit, page.offset],
    )
    return { items: rows.map(toArticle), total: Number(rows[0]?.total ?? 0) }
  },

  // --- orders -----------------------------------------------------------------------------------------------
  /**
   * Inserts orders in one statement (a batch of intakes), answering the rows in input order. Every row names the
   * same fields; ids are made here; columns not named keep their defaults.
   */
  async insertOrders(tx: Tx, list: (Partial<OrderRow> & { id: string })[]): Promise<OrderRow[]> {
    if (!list.length) return []
    const keys = ['id', ...Object.keys(list[0]!).filter((k) => COLUMNS[k])]
    const cols = keys.map((k) => (k === 'id' ? 'id' : COLUMNS[k]!)).join(', ')
    const rows = list.map((o) => {
      const r: Record<string, unknown> = {}
      for (const k of keys) r[k === 'id' ? 'id' : COLUMNS[k]!] = (o as Record<string, unknown>)[k] ?? null
      return r
    })
    // jsonb_populate_recordset takes the column types from the table's row type.
    const text = `insert into hotline_order (${cols})
       select ${cols} from jsonb_populate_recordset(null::hotline_order, $1::jsonb) returning *`
    const res = await tx.query({
      name: preparedName('hotline_insert_orders', text),
      text,
      values: [JSON.stringify(rows)],
    })
    const byId = new Map(res.rows.map((r) => [r.id as string, toOrder(r)]))
    return list.map((o) => byId.get(o.id)!)
  },
  async ordersByUpstream(q: Queryable, keys: { source: string; number: string }[]): Promise<OrderRow[]> {
    if (!keys.length) return []
    const { rows } = await q.query({
      name: 'hotline_orders_by_upstream',
      text: `select o.* from hotline_order o join unnest($1::text[], $2::text[]) as k(s, n)
         on o.upstream_source = k.s and o.upstream_number = k.n`,
      values: [keys.map((k) => k.source), keys.map((k) => k.number)],
    })
    return rows.map(toOrder)
  },
  async handlingUnits(q: Queryable) {
    const { rows } = await q.query(
      `select id, code, name, kind, division_code from core_org_unit
       where kind in ('department', 'handling_unit', 'town_office', 'utility') order by kind desc, code`,
    )
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, divisionCode: r.division_code }))
  },

  /** Children of a division in the latest data year (towns of a district, villages of a town). */
  async divisionChildren(q: Queryable, parentCode: string) {
    const { rows } = await q.query(
      `select d.code, d.name, d.level,
         not exists (select 1 from core_division c where c.parent_code = d.code and c.data_year = d.data_year) as leaf
       from core_division d
       where d.parent_code = $1 and d.data_year = (select max(data_year) from core_division where code = $1)
       order by d.code`,
      [parentCode],
    )
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, leaf: r.leaf }))
  },

  async updateOrder(tx: Tx, id: string, patch: Partial<OrderRow>) {
    await hotlineRepo.updateOrderReturning(tx, id, patch)
  },
  /** Updates and answers the row as it now is (no second read). */
  async updateOrderReturning(tx: Tx, id: string, patch: Partial<OrderRow>): Promise<OrderRow | null> {
    const keys = Object.keys(patch).filter((k) => COLUMNS[k] && (patch as Record<string, unknown>)[k] !== undefined)
    if (!keys.length) return null
    const values = keys.map((k) => {
      const v = (patch as Record<string, unknown>)[k]
      return k === 'pendingExtension' && v ? JSON.stringify(v) : v
    })
    const { rows } = await tx.query(
      `update hotline_order set ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ')},
         updated_at = now(), version = version + 1 where id = $1 returning *`,
      [id, ...values],
    )
    return rows[0] ? toOrder(rows[0]) : null
  },
  async lockOrder(tx: Tx, id: string): Promise<OrderRow | null> {
    const { rows } = await tx.query('select * from hotline_order where id = $1 for update', [id])
    return rows[0] ? toOrder(rows[0]) : null
  },
  async order(q: Queryable, id: string, v: Visibility = { kind: 'all' }): Promise<OrderRow | null> {
    const params: unknown[] = [id]
    const { rows } = await q.query(`${ORDER_SELECT} where o.id = $1 and ${visibilitySql(v, params)}`, params)
    return rows[0] ? toOrder(rows[0]) : null
  },
  async orderByUpstream(q: Queryable, source: string, number: string): Promise<OrderRow | null> {
    const { rows } = await q.query('select * from hotline_order where upstream_source = $1 and upstream_number = $2', [
      source,
      number,
    ])
    return rows[0] ? toOrder(rows[0]) : null
  },
  async orderForTracking(
    q: Queryable,
    by: { trackingHash: string } | { numbers: string[]; phoneLast4: string },
  ): Promise<OrderRow | null> {
    const { rows } =
      'trackingHash' in by
        ? await q.query(`${ORDER_SELECT} where o.tracking_hash = $1`, [by.trackingHash])
        : await q.query(
            `${ORDER_SELECT} where o.number = any($1::text[])
             and right(regexp_replace(o.caller_phone, '\\D', '', 'g'), 4) = $2 limit 2`,
            [by.numbers, by.phoneLast4],
          )
    // Two orders answering one typed number is ambiguous: the caller must type it in full.
    return rows.length === 1 ? toOrder(rows[0]) : null
  },
  async listOrders(
    q: Queryable,
    v: Visibility,
    f: {
      status?: string
      state?: 'open' | 'closed'
      publicStatus?: string
      requestType?: string
      urgency?: string
      categoryId?: string
      unitId?: string
      townCode?: string
      slaFlag?: string
      supervised?: boolean
      returned?: boolean
      enterpriseUscc?: string
      source?: 'live' | 'scenario' | 'all'
      q?: string
      from?: string
      to?: string
      limit: number
      offset: number
    },
  ): Promise<{ items: OrderRow[]; total: number }> {
    const params: unknown[] = []
    const where = [visibilitySql(v, params)]
    const add = (sql: string, value: unknown) => {
      params.push(value)
      where.push(sql.replaceAll('?', `$${params.length}`))
    }
    if (f.status) add('o.status = ?', f.status)
    if (f.state === 'open') where.push(`o.status not in ('closed', 'closed_direct', 'merged', 'declined')`)
    if (f.state === 'closed') where.push(`o.status in ('closed', 'closed_direct', 'merged', 'declined')`)
    if (f.publicStatus) add('o.public_status = ?', f.publicStatus)
    if (f.requestType) add('o.request_type = ?', f.requestType)
    if (f.urgency) add('o.urgency = ?', f.urgency)
    if (f.categoryId)
      add(
        `o.category_id in (select id from hotline_category where path like (select path from hotline_category
        where id = ?) || '%')`,
        f.categoryId,
      )
    if (f.unitId) add('(o.unit_id = ? or ? = any(o.co_unit_ids))', f.unitId)
    if (f.townCode) add('o.town_code = ?', f.townCode)
    if (f.slaFlag) add('o.sla_flag = ?', f.slaFlag)
    if (f.supervised !== undefined) add('o.supervised = ?', f.supervised)
    if (f.enterpriseUscc) add('o.enterprise_uscc = ?', f.enterpriseUscc)
    if (f.source && f.source !== 'all') add('o.source = ?', f.source)
    if (f.returned !== undefined) where.push(f.returned ? 'o.return_count > 0' : 'o.return_count = 0')
    if (f.q) add(`(o.number = ? or o.address like '%' || ? || '%' or o.description like '%' || ? || '%')`, f.q)
    if (f.from) add(`o.received_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, f.from)
    if (f.to) add(`o.received_at < ((?::date) + 1)::timestamp at time zone 'Asia/Shanghai'`, f.to)
    params.push(f.limit, f.offset)
    const { rows } = await q.query(
      `${ORDER_SELECT.replace('select o.*,', 'select o.*, count(*) over() as total,')}
       where ${where.join(' and ')} order by o.received_at desc, o.id limit $${params.length - 1} offset $${params.length}`,
      params,
    )
    return { items: rows.map(toOrder), total: Number(rows[0]?.total ?? 0) }
  },
  /** Public listing (Open311): no visibility filter, public fields are picked by the service. */
  async publicOrders(q: Queryable, f: PublicOrderFilter): Promise<OrderRow[]> {
    const params: unknown[] = []
    const where: string[] = ['true']
    const add = (sql: string, value: unknown) => {
      params.push(value)
      where.push(sql.replaceAll('?', `$${params.length}`))
    }
    if (f.ids?.length) add('o.id = any(?::uuid[])', f.ids)
    if (f.publicIds?.length) add('o.public_id = any(?::text[])', f.publicIds)
    if (f.publicOnly) add('not o.confidential and o.request_type <> all(?::text[])', f.publicOnly.requestTypes)
    if (f.publicOnly?.categoryCodes.length)
      add(
        `o.category_id not in (select id from hotline_category where code like any(array(select x || '%' from unnest(?::text[]) x)))`,
        f.publicOnly.categoryCodes,
      )
    if (f.state === 'open') where.push(`o.status not in ('closed', 'closed_direct', 'merged', 'declined')`)
    if (f.state === 'closed') where.push(`o.status in ('closed', 'closed_direct', 'merged', 'declined')`)
    if (f.categoryCodes?.length)
      add('o.category_id in (select id from hotline_category where code = any(?::text[]))', f.categoryCodes)
    if (f.from) add('o.received_at >= ?', f.from)
    if (f.to) add('o.received_at < ?', f.to)
    params.push(Math.min(Math.max(f.limit ?? 1000, 1), 1000))
    const { rows } = await q.query(
      `${ORDER_SELECT} where ${where.join(' and ')} order by o.received_at desc, o.id limit $${params.length}`,
      params,
    )
    return rows.map(toOrder)
  },
  /**
   * Earlier orders that look like the same matter, for many probes in one statement (the probes of requests
   * arriving together): same phone, same address, or same category nearby within the window. Three index probes
   * each (phone, address, category + box) instead of one OR over the whole window; answers in probe order.
   */
  async duplicatesMany(q: Queryable, probes: DuplicateProbe[]) {
    if (!probes.length) return []
    const { rows } = await q.query({
      // Prepared once per connection: planning this costs several times its execution.
      name: 'hotline_duplicates_many',
      text: `select k.i, d.* from jsonb_to_recordset($1::jsonb) as k(i int, phone text, category_id uuid,
         division_code text, address text, lat float8, lng float8, window_days int, exclude_id uuid, d_lat float8,
         d_lng float8, radius float8, scopes text[])
       cross join lateral (
         select c.*, (c.in_box and c.distance <= k.radius) as nearby from (
           select o.id, o.number, o.status, o.received_at, o.address, o.title, cat.path_name as category_name,
             (o.caller_phone = k.phone) as same_phone,
             (k.lat is not null and o.lat is not null and o.category_id = k.category_id
               and o.lat between k.lat - k.d_lat and k.lat + k.d_lat
               and o.lng between k.lng - k.d_lng and k.lng + k.d_lng) as in_box,
             (o.division_code = k.division_code
               and regexp_replace(lower(o.address), '\\s', '', 'g') = k.address) as same_address,
             case when k.lat is not null and o.lat is not null then
               6371000 * 2 * asin(sqrt(power(sin(radians(o.lat - k.lat) / 2), 2)
                 + cos(radians(k.lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - k.lng) / 2), 2)))
             end as distance
           from hotline_order o left join hotline_category cat on cat.id = o.category_id
           where o.id in (
               select id from hotline_order where caller_phone = k.phone
                 and received_at >= now() - make_interval(days => k.window_days)
               union
               select id from hotline_order where division_code = k.division_code
                 and regexp_replace(lower(address), '\\s', '', 'g') = k.address
                 and received_at >= now() - make_interval(days => k.window_days)
               union
               select id from hotline_order where k.lat is not null and lat is not null and category_id = k.category_id
                 and received_at >= now() - make_interval(days => k.window_days)
                 and lat between k.lat - k.d_lat and k.lat + k.d_lat and lng between k.lng - k.d_lng and k.lng + k.d_lng)
             and o.status <> 'merged' and (k.exclude_id is null or o.id <> k.exclude_id)
             and o.division_code like any(k.scopes)
         ) c
         where c.same_phone or c.same_address or (c.in_box and c.distance <= k.radius)
         order by c.received_at desc limit 10
       ) d
       order by k.i, d.received_at desc`,
      values: [
        JSON.stringify(
          probes.map((f, i) => ({
            i,
            phone: f.phone,
            category_id: f.categoryId,
            division_code: f.divisionCode,
            address: f.address ? f.address.toLowerCase().replace(/\s/g, '') : null,
            lat: f.lat,
            lng: f.lng,
            window_days: f.windowDays,
            exclude_id: f.excludeId,
            // A bounding box first (cheap, indexable), then the haversine distance.
            d_lat: f.radiusMetres / 111_320,
            d_lng: f.lat !== null ? f.radiusMetres / (111_320 * Math.max(0.01, Math.cos((f.lat * Math.PI) / 180))) : 0,
            radius: f.radiusMetres,
            scopes: f.scopes.map((x) => `${x}%`),
          })),
        ),
      ],
    })
    const out = probes.map(() => [] as DuplicateRow[])
    for (const r of rows)
      out[r.i as number]!.push({
        id: r.id as string,
        number: r.number as string,
        status: r.status as OrderStatus,
        receivedAt: (r.received_at as Date).toISOString(),
        address: r.address as string,
        categoryName: r.category_name as string | null,
        title: r.title as string,
        reasons: [
          ...(r.same_phone ? (['same_phone'] as const) : []),
          ...(r.nearby ? (['nearby'] as const) : []),
          ...(r.same_address ? (['same_address'] as const) : []),
        ],
        distanceM: r.distance === null || r.distance === undefined ? null : Math.round(Number(r.distance)),
      })
    return out
  },

  // --- timeline ---------------------------------------------------------------------------------------------
  async insertEvent(tx: Tx, e: EventInput) {
    await hotlineRepo.insertEvents(tx, [e])
  },
  /** Inserts timeline entries in one statement; answers them in input order, shaped as `events` reads them. */
  async insertEvents(tx: Tx, list: EventInput[]) {
    if (!list.length) return []
    const { rows } = await tx.query({
      name: 'hotline_insert_events',
      text: `insert into hotline_event (order_id, at, actor_id, actor_kind, actor_name, unit_id, action, from_status,
         to_status, reason, data, attachments)
       select order_id, coalesce(at, now()), actor_id, actor_kind, actor_name, unit_id, action, from_status, to_status,
         reason, coalesce(data, '{}'), coalesce(attachments, '{}')
       from jsonb_populate_recordset(null::hotline_event, $1::jsonb) with ordinality as x
       order by ordinality returning *`,
      values: [
        JSON.stringify(
          list.map((e) => ({
            order_id: e.orderId,
            at: e.at ?? null,
            actor_id: e.actorId,
            actor_kind: e.actorKind,
            actor_name: e.actorName,
            unit_id: e.unitId,
            action: e.action,
            from_status: e.fromStatus,
            to_status: e.toStatus,
            reason: e.reason ?? null,
            data: e.data ?? {},
            attachments: e.attachments ?? [],
          })),
        ),
      ],
    })
    // bigserial ids follow the ordinality order within the statement.
    return rows.sort((a, b) => Number(a.id) - Number(b.id)).map(toEvent)
  },
  async events(q: Queryable, orderId: string) {
    const { rows } = await q.query(
      `select e.*, u.code as unit_code, u.name as unit_name from hotline_event e
       left join core_org_unit u on u.id = e.unit_id where e.order_id = $1 order by e.id`,
      [orderId],
    )
    return rows.map(toEvent)
  },

  // --- shared core tables (read-only) -----------------------------------------------------------------------
  async unitIdByCode(q: Queryable, code: string): Promise<string | null> {
    const { rows } = await q.query('select id from core_org_unit where code = $1', [code])
    return rows[0]?.id ?? null
  },
  /** Active staff with a post in one of these departments (notifications to a unit). */
  async unitUserIds(q: Queryable, unitIds: string[]): Promise<string[]> {
    if (!unitIds.length) return []
    // Only posts that may open the order (issue 10 §1: a department's approval reviewers got 12345 notifications
    // whose link was a 403 page for them).
    const { rows } = await q.query(
      `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id and u.status = 'active'
       where p.department_id = any($1::uuid[]) and p.role = any($2::text[])`,
      [unitIds, ORDER_READER_ROLES],
    )
    return rows.map((r) => r.user_id)
  },
  /** Active accounts with a role whose scope covers the division (e.g. district leaders for 督办). */
  async roleUserIds(q: Queryable, role: string, divisionCode: string): Promise<string[]> {
    const { rows } = await q.query(
      `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id and u.status = 'active'
       where p.role = $1 and $2 like p.scope_division_code || '%'`,
      [role, divisionCode],
    )
    return rows.map((r) => r.user_id)
  },
  async userName(q: Queryable, id: string | null): Promise<string | null> {
    if (!id) return null
    const { rows } = await q.query('select display_name from core_user where id = $1', [id])
    return rows[0]?.display_name ?? null
  },

  // --- statistics -------------------------------------------------------------------------------------------
  /**
   * Grouped counts of every statistics convention for a period (CST dates, inclusive) inside the caller's scope:
   * the trigger-kept daily rollup (stats-rollup.ts) for district and town scopes, else the record scan
   * (stats-scan.ts); `raw` forces the scan (the tests compare the two).
   */
  async stats(q: Queryable, f: StatsFilter, opts: { raw?: boolean } = {}): Promise<StatsCounts[]> {
    return !opts.raw && rollupServes(f.scopes) ? statsFromRollup(q, f) : statsFromScan(q, f)
  },
}
