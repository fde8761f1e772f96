import type { FastifyBaseLogger } from 'fastify'
import pino from 'pino'

/** Pino logger: pretty on a terminal, JSON otherwise (for log shippers). */
export function createLogger(level: string): FastifyBaseLogger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production'
  return pino({
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'req.body.api_key'],
    // Fastify logs req.url; an API key passed in the query string (Open311 clients do) must not reach the log.
    serializers: {
      req: (req: {
        method?: string
        url?: string
        host?: string
        ip?: string
        socket?: { remoteAddress?: string; remotePort?: number }
      }) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
        remotePort: req.socket?.remotePort,
      }),
    },
  }) as unknown as FastifyBaseLogger
}

/** Masks secrets in a logged URL's query string (api_key=…, token=…). */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:api_key|apikey|key|token)=)[^&#]*/gi, '$1[REDACTED]')
}
