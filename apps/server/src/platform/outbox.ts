import type { FastifyBaseLogger } from 'fastify'
import { afterCommit, afterTx, beforeCommit, type Db, type Tx } from './db.ts'
import { listenChannel } from './listen.ts'

/** Notified by every transaction that writes events, so a dispatcher in another process delivers at once. */
export const OUTBOX_CHANNEL = 'ruyu_outbox'

export interface OutboxEvent<P = Record<string, unknown>> {
  id: number
  name: string
  payload: P
  createdAt: string
}

export type Subscriber = (event: OutboxEvent, tx: Tx) => Promise<void>

/**
 * Transactional outbox. `enqueue` writes the event in the caller's transaction; after commit the dispatcher
 * delivers it to in-process subscribers, each delivery in its own transaction (so a subscriber's writes and the
 * "dispatched" mark commit together: at-least-once, idempotent subscribers).
 */
export interface Events {
  enqueue(tx: Tx, name: string, payload: Record<string, unknown>): Promise<void>
  subscribe(name: string, fn: Subscriber): void
  /** Delivers everything pending now; returns how many events were delivered. */
  drain(): Promise<number>
  start(): void
  stop(): Promise<void>
}

export function createEvents(
  db: Db,
  log: FastifyBaseLogger,
  /** `databaseUrl`: LISTEN for other processes' events while started (else they wait for the poll). */
  opts: { pollMs?: number; maxAttempts?: number; databaseUrl?: string } = {},
): Events {
  const subscribers = new Map<string, Subscriber[]>()
  let timer: NodeJS.Timeout | undefined
  let listener: ReturnType<typeof listenChannel> | undefined
  let started = false
  let stopped = false
  const maxAttempts = opts.maxAttempts ?? 10

  async function deliverBatch(): Promise<number> {
    let delivered = 0
    for (;;) {
      const n = await db.tx(async (tx) => {
        const { rows } = await tx.query(
          `select id, name, payload, created_at from core_outbox
           where dispatched_at is null and attempts < $1 order by id limit 50 for update skip locked`,
          [maxAttempts],
        )
        for (const r of rows) {
          const event: OutboxEvent = { id: Number(r.id), name: r.name, payload: r.payload, createdAt: r.created_at }
          const subs = [...(subscribers.get(r.name) ?? []), ...(subscribers.get('*') ?? [])]
          try {
            await tx.query('savepoint deliver')
            for (const s of subs) await s(event, tx)
            await tx.query('release savepoint deliver')
            await tx.query('update core_outbox set dispatched_at = now(), attempts = attempts + 1 where id = $1', [
              r.id,
            ])
          } catch (err) {
            await tx.query('rollback to savepoint deliver')
            log.error({ err, event: r.name, id: r.id }, 'outbox subscriber failed')
            await tx.query('update core_outbox set attempts = attempts + 1, last_error = $2 where id = $1', [
              r.id,
              String((err as Error).message).slice(0, 2000),
            ])
          }
        }
        return rows.length
      })
      delivered += n
      if (n < 50 || stopped) return delivered
    }
  }

  // One delivery loop at a time; a call during a run asks that run to look again and shares its result.
  let current: Promise<number> | null = null
  let rerun = false
  function drain(): Promise<number> {
    if (current) {
      rerun = true
      return current
    }
    current = (async () => {
      let n = 0
      try {
        do {
          rerun = false
          n += await deliverBatch()
        } while (rerun && !stopped)
      } finally {
        current = null
      }
      return n
    })()
    return current
  }

  const pending = new WeakMap<Tx, { name: string; payload: Record<string, unknown> }[]>()
  async function insertEvents(tx: Tx, rows: { name: string; payload: Record<string, unknown> }[]) {
    if (!rows.length) return
    await tx.query({
      name: 'core_outbox_insert_many',
      // The notification is delivered on commit; PostgreSQL folds a transaction's identical ones into one.
      text: `with ins as (insert into core_outbox (name, payload)
               select e->>'name', e->'payload' from jsonb_array_elements($1::jsonb) with ordinality as x(e, n)
               order by n returning 1)
             select pg_notify('${OUTBOX_CHANNEL}', '') where exists (select 1 from ins)`,
      values: [JSON.stringify(rows)],
    })
  }

  const kickSoon = () => setImmediate(kick)
  const kick = () => {
    if (!started) return
    drain().catch((err) => log.error({ err }, 'outbox drain failed'))
  }

  return {
    async enqueue(tx, name, payload) {
      // Deliver right after this transaction commits, not only at the next poll.
      afterCommit(tx, kickSoon)
      // A transaction's events are written together, in one statement just before it commits.
      let list = pending.get(tx)
      if (!list) {
        list = []
        const rows = list
        const flush = () => {
          pending.delete(tx)
          return insertEvents(tx, rows)
        }
        if (!beforeCommit(tx, flush)) {
          await insertEvents(tx, [{ name, payload }])
          return
        }
        pending.set(tx, list)
        afterTx(tx, () => pending.delete(tx))
      }
      list.push({ name, payload })
    },
    subscribe(name, fn) {
      subscribers.set(name, [...(subscribers.get(name) ?? []), fn])
    },
    drain,
    start() {
      if (started) return
      started = true
      timer = setInterval(kick, opts.pollMs ?? 1000)
      timer.unref()
      // drain() coalesces: a burst of notifications while a delivery runs costs one more pass, not one each.
      if (opts.databaseUrl) listener = listenChannel(opts.databaseUrl, OUTBOX_CHANNEL, kick, log)
      kick()
    },
    async stop() {
      started = false
      stopped = true
      if (timer) clearInterval(timer)
      await listener?.stop()
      await current?.catch(() => {})
    },
  }
}
