import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'
import { afterCommit, type Tx } from './db.ts'

const CHANNEL = 'ruyu_cache'

/** Entries of one topic; dropped on invalidation, bypassed while the listener is down. */
export interface TopicCache<V> {
  /** The cached value, or load() (whose result is kept only if no invalidation raced it). */
  get(key: string, load: () => Promise<V>): Promise<V>
}

/**
 * Process caches of rarely-changing reference data (definitions, catalogue heads, document series), kept
 * coherent across processes with PostgreSQL LISTEN/NOTIFY: a writer calls invalidate() in its transaction, the
 * notification is delivered on commit, and every process drops the topic. A process whose listener is not
 * connected serves no cached value at all, so a lost notification can never leave stale data in use.
 */
export interface CacheBus {
  invalidate(tx: Tx, topic: string): Promise<void>
  /**
   * The cache of a topic. `maxAgeMs`: entries older than this are loaded again (data that also changes by time or
   * outside the writers that invalidate, e.g. sessions). `maxEntries`: the topic is emptied when it grows past this.
   */
  cache<V>(topic: string, opts?: { maxAgeMs?: number; maxEntries?: number }): TopicCache<V>
  /**
   * Calls fn whenever the topic is invalidated (by any process, after its commit) or may have changed unseen (the
   * listener reconnected): for state a process keeps loaded rather than caches on demand (the calendar).
   */
  onInvalidate(topic: string, fn: () => void): void
  start(): Promise<void>
  stop(): Promise<void>
}

export function createCacheBus(databaseUrl: string, log: FastifyBaseLogger): CacheBus {
  const topics = new Map<string, { entries: Map<string, { value: unknown; at: number }>; generation: number }>()
  const listeners = new Map<string, Array<() => void>>()
  let live = false
  let stopped = false
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null

  const topicOf = (name: string) => {
    let t = topics.get(name)
    if (!t) {
      t = { entries: new Map(), generation: 0 }
      topics.set(name, t)
    }
    return t
  }
  const drop = (name: string) => {
    const t = topicOf(name)
    t.entries.clear()
    t.generation++
    for (const fn of listeners.get(name) ?? []) fn()
  }
  const dropAll = () => {
    for (const name of new Set([...topics.keys(), ...listeners.keys()])) drop(name)
  }

  async function connect() {
    if (stopped) return
    const c = new pg.Client({ connectionString: databaseUrl, application_name: 'ruyu-cache-bus' })
    const lost = () => {
      if (client !== c) return
      client = null
      live = false
      dropAll()
      c.end().catch(() => {})
      if (!stopped) retry = setTimeout(() => void connect(), 1000)
    }
    c.on('error', (err) => {
      log.warn({ err }, 'cache bus connection lost; caches bypassed until it reconnects')
      lost()
    })
    c.on('end', lost)
    c.on('notification', (msg) => {
      if (msg.channel === CHANNEL && msg.payload) drop(msg.payload)
    })
    try {
      await c.connect()
      await c.query(`listen ${CHANNEL}`)
      client = c
      // Anything may have changed while nobody listened.
      dropAll()
      live = true
    } catch (err) {
      log.warn({ err }, 'cache bus cannot listen; retrying')
      c.end().catch(() => {})
      if (!stopped) retry = setTimeout(() => void connect(), 1000)
    }
  }

  return {
    async invalidate(tx, topic) {
      await tx.query('select pg_notify($1, $2)', [CHANNEL, topic])
      // This process may read again before its own notification arrives.
      afterCommit(tx, () => drop(topic))
    },

    cache<V>(topic: string, opts: { maxAgeMs?: number; maxEntries?: number } = {}): TopicCache<V> {
      const t = topicOf(topic)
      const maxAge = opts.maxAgeMs ?? Number.POSITIVE_INFINITY
      const maxEntries = opts.maxEntries ?? Number.POSITIVE_INFINITY
      return {
        async get(key, load) {
          const hit = live ? t.entries.get(key) : undefined
          if (hit && Date.now() - hit.at <= maxAge) return hit.value as V
          const generation = t.generation
          const at = Date.now()
          const value = await load()
          if (live && generation === t.generation) {
            if (t.entries.size >= maxEntries) t.entries.clear()
            t.entries.set(key, { value, at })
          }
          return value
        },
      }
    },

    onInvalidate(topic, fn) {
      listeners.set(topic, [...(listeners.get(topic) ?? []), fn])
    },

    async start() {
      stopped = false
      await connect()
    },

    async stop() {
      stopped = true
      live = false
      if (retry) clearTimeout(retry)
      const c = client
      client = null
      await c?.end().catch(() => {})
    },
  }
}
