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
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  }) as unknown as FastifyBaseLogger
}
