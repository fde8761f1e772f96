/** SQL of order timelines (hotline_event, append-only). */
import type { Queryable, Tx } from '../../platform/db.ts'

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

export const hotlineEventRepo = {
  async insertEvent(tx: Tx, e: EventInput) {
    await hotlineEventRepo.insertEvents(tx, [e])
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
}
