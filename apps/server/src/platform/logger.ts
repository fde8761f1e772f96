import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import pino, { type DestinationStream } from 'pino'

export type LogFormat = 'pretty' | 'json'

/**
 * LOG_FORMAT=auto (the default) gives readable lines on a terminal outside production and JSON otherwise (log
 * shippers, `npm start > file`, containers); `pretty` and `json` choose outright.
 */
export function resolveLogFormat(
  setting: 'auto' | LogFormat,
  terminal: { isTTY?: boolean } = process.stdout,
  production = process.env.NODE_ENV === 'production',
): LogFormat {
  if (setting !== 'auto') return setting
  return terminal.isTTY && !production ? 'pretty' : 'json'
}

/**
 * In the readable format a request is one short line (`GET /api/me 200 3 ms`) instead of Fastify's two JSON
 * records, and only failures show at the default level: 4xx at info, 5xx at warn, the rest at debug
 * (LOG_LEVEL=debug shows every request). The JSON format keeps Fastify's own request records.
 */
export function registerRequestLog(app: FastifyInstance, format: LogFormat): void {
  if (format !== 'pretty') return
  app.addHook('onResponse', async (req, reply) => {
    const line = `${req.method} ${redactUrl(req.url)} ${reply.statusCode} ${reply.elapsedTime.toFixed(0)} ms`
    if (reply.statusCode >= 500) req.log.warn(line)
    else if (reply.statusCode >= 400) req.log.info(line)
    else req.log.debug(line)
  })
}

/** Pino logger: readable lines (pino-pretty) or JSON, see resolveLogFormat. A destination stream means JSON. */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = resolveLogFormat('auto'),
): FastifyBaseLogger {
  const pretty = !destination && format === 'pretty'
  const options: pino.LoggerOptions = {
    level,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId', singleLine: true },
          },
        }
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
