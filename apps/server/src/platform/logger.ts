import type { FastifyBaseLogger } from 'fastify'
import pino, { type DestinationStream } from 'pino'

/** Pino logger: pretty on a terminal, JSON otherwise (for log shippers). */
export function createLogger(level: string, destination?: DestinationStream): FastifyBaseLogger {
  const pretty = !destination && process.stdout.isTTY && process.env.NODE_ENV !== 'production'
  const options: pino.LoggerOptions = {
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
  }
  return (destination ? pino(options, destination) : pino(options)) as unknown as FastifyBaseLogger
}

/** Masks secrets in a logged URL's query string (api_key=…, token=…). */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:api_key|apikey|key|token)=)[^&#]*/gi, '$1[REDACTED]')
}
