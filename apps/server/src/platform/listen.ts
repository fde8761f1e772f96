import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'

/**
 * A dedicated LISTEN connection that reconnects after a loss. `onNotify` runs for every notification on the
 * channel, and once after each (re)connect, since notifications sent while nobody listened are gone.
 */
export function listenChannel(
  databaseUrl: string,
  channel: string,
  onNotify: (payload: string) => void,
  log: FastifyBaseLogger,
): { ready: Promise<void>; stop(): Promise<void> } {
  let stopped = false
  let client: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null
  let firstConnect: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    firstConnect = resolve
  })

  async function connect() {
    if (stopped) return
    const c = new pg.Client({ connectionString: databaseUrl, application_name: `ruyu-listen-${channel}` })
    const lost = () => {
      if (client !== c) return
      client = null
      c.end().catch(() => {})
      if (!stopped) retry = setTimeout(() => void connect(), 1000)
    }
    c.on('error', (err) => {
      log.warn({ err, channel }, 'LISTEN connection lost; reconnecting')
      lost()
    })
    c.on('end', lost)
    c.on('notification', (msg) => {
      if (msg.channel === channel) onNotify(msg.payload ?? '')
    })
    try {
      await c.connect()
      await c.query(`listen ${channel}`)
      client = c
      firstConnect()
      onNotify('')
    } catch (err) {
      log.warn({ err, channel }, 'cannot LISTEN; retrying')
      c.end().catch(() => {})
      if (!stopped) retry = setTimeout(() => void connect(), 1000)
    }
  }
  void connect()

  return {
    ready,
    async stop() {
      stopped = true
      if (retry) clearTimeout(retry)
      const c = client
      client = null
      firstConnect()
      await c?.end().catch(() => {})
    },
  }
}
