import type { FastifyBaseLogger } from 'fastify'
import nodemailer from 'nodemailer'
import type { Config } from './config.ts'
import { afterTx, beforeCommit, type Db, type Tx } from './db.ts'
import type { Events, OutboxEvent } from './outbox.ts'

export type Channel = 'email' | 'sms'

export interface NotificationRequest {
  userIds: string[]
  title: string
  body: string
  link?: string | null
  /** Outbound channels in addition to the in-app inbox. */
  channels?: Channel[]
}

/** An outbound channel adapter. `send` throws on failure; the outcome is recorded in core_message. */
export interface ChannelAdapter {
  readonly channel: Channel
  readonly configured: boolean
  send(to: string, subject: string, body: string): Promise<void>
}

export function smtpAdapter(config: Config): ChannelAdapter {
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null
  return {
    channel: 'email',
    configured: !!transport,
    async send(to, subject, body) {
      await transport?.sendMail({ from: config.smtpFrom, to, subject, text: body })
    },
  }
}

/**
 * SMS gateway interface: POSTs `{ mobile, content }` as JSON to SMS_GATEWAY_URL. Operators plug their carrier's
 * gateway (or a small bridge to 阿里云/腾讯云 SMS) behind that URL.
 */
export function httpSmsAdapter(config: Config): ChannelAdapter {
  return {
    channel: 'sms',
    configured: !!config.smsGatewayUrl,
    async send(to, subject, body) {
      const res = await fetch(config.smsGatewayUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mobile: to, content: `【如鱼政务】${subject}：${body}` }),
        signal: AbortSignal.timeout(10_000),
      })
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`)
    },
  }
}

export const NOTIFICATION_REQUESTED = 'platform.notification.requested'

export function createNotifications(db: Db, events: Events, adapters: ChannelAdapter[], log: FastifyBaseLogger) {
  const byChannel = new Map(adapters.map((a) => [a.channel, a]))

  async function deliver(event: OutboxEvent, tx: Tx) {
    // One event carries a transaction's notifications (`items`); events written before that carry one.
    const payload = event.payload as unknown as { items?: NotificationRequest[] } & NotificationRequest
    const items = payload.items ?? [payload]
    await tx.query(
      `insert into core_notification (user_id, title, body, link, event_id, event_item)
       select x.user_id, x.title, x.body, x.link, $2, x.item
       from jsonb_to_recordset($1::jsonb) as x(item int, user_id uuid, title text, body text, link text)
       on conflict (event_id, event_item, user_id) where event_id is not null do nothing`,
      [
        JSON.stringify(
          items.flatMap((req, item) =>
            req.userIds.map((u) => ({ item, user_id: u, title: req.title, body: req.body, link: req.link ?? null })),
          ),
        ),
        event.id,
      ],
    )
    for (const req of items) await sendOutbound(req, event.id, tx)
  }

  async function sendOutbound(req: NotificationRequest, eventId: number, tx: Tx) {
    for (const channel of req.channels ?? []) {
      const adapter = byChannel.get(channel)
      const col = channel === 'email' ? 'email' : 'mobile'
      const { rows } = await tx.query(
        `select ${col} as addr from core_user where id = any($1::uuid[]) and ${col} is not null`,
        [req.userIds],
      )
      for (const r of rows) {
        let status: 'sent' | 'failed' | 'skipped' = 'skipped'
        let error: string | null = adapter?.configured ? null : `${channel} channel not configured`
        if (adapter?.configured) {
          try {
            await adapter.send(r.addr, req.title, req.body)
            status = 'sent'
          } catch (err) {
            status = 'failed'
            error = String((err as Error).message)
            log.warn({ err, channel }, 'outbound message failed')
          }
        }
        await tx.query(
          'insert into core_message (channel, recipient, subject, body, status, error, event_id) values ($1,$2,$3,$4,$5,$6,$7)',
          [channel, r.addr, req.title, req.body, status, error, eventId],
        )
      }
    }
  }
  events.subscribe(NOTIFICATION_REQUESTED, deliver)

  // A transaction's notifications are sent as one outbox event, just before it commits.
  const pending = new WeakMap<Tx, NotificationRequest[]>()

  return {
    /** Queues a notification in the caller's transaction; delivered to inboxes (and channels) after commit. */
    async send(tx: Tx, req: NotificationRequest) {
      if (req.userIds.length === 0) return
      const items = pending.get(tx)
      if (!items) {
        const batch: NotificationRequest[] = [req]
        const flush = () => {
          pending.delete(tx)
          return events.enqueue(tx, NOTIFICATION_REQUESTED, { items: batch })
        }
        if (!beforeCommit(tx, flush)) return events.enqueue(tx, NOTIFICATION_REQUESTED, { items: batch })
        pending.set(tx, batch)
        afterTx(tx, () => pending.delete(tx))
        return
      }
      items.push(req)
    },
    async list(userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
      const where = `user_id = $1${opts.unreadOnly ? ' and read_at is null' : ''}`
      const [items, counts] = await Promise.all([
        db.query(
          `select id, title, body, link, created_at, read_at from core_notification where ${where}
           order by created_at desc, id limit $2 offset $3`,
          [userId, opts.limit, opts.offset],
        ),
        db.query(
          `select count(*) filter (where ${opts.unreadOnly ? 'read_at is null' : 'true'})::int total,
             count(*) filter (where read_at is null)::int unread from core_notification where user_id = $1`,
          [userId],
        ),
      ])
      return {
        items: items.rows.map((r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at ? r.read_at.toISOString() : null,
        })),
        total: counts.rows[0]?.total ?? 0,
        unread: counts.rows[0]?.unread ?? 0,
      }
    },
    async unreadCount(userId: string): Promise<number> {
      const r = await db.query('select count(*)::int n from core_notification where user_id = $1 and read_at is null', [
        userId,
      ])
      return r.rows[0]?.n ?? 0
    },
    /** Marks one notification read; false when it is not the caller's (reported as 404). */
    async markRead(userId: string, id: string): Promise<boolean> {
      const r = await db.query(
        'update core_notification set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2',
        [id, userId],
      )
      return (r.rowCount ?? 0) > 0
    },
    async markAllRead(userId: string) {
      await db.query('update core_notification set read_at = now() where user_id = $1 and read_at is null', [userId])
    },
  }
}

export type Notifications = ReturnType<typeof createNotifications>
