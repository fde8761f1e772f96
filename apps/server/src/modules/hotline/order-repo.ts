/** SQL of work orders (hotline_order): batch insert, patch, locked and visible reads, staff and public lists. */
import { createHash } from 'node:crypto'
import type { PublicOrderFilter } from '@ruyu/contracts/hotline'
import type { Queryable, Tx } from '../../platform/db.ts'
import { COLUMNS, ORDER_SELECT, type OrderRow, toOrder, type Visibility, visibilitySql } from './order-row.ts'

/** A prepared-statement name for generated SQL: the same text always gets the same name. */
function preparedName(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`
}

export const hotlineOrderRepo = {
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
  async updateOrder(tx: Tx, id: string, patch: Partial<OrderRow>) {
    await hotlineOrderRepo.updateOrderReturning(tx, id, patch)
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
}
