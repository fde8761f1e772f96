import { Writable } from 'node:stream'
import Fastify, { LogController } from 'fastify'
import { describe, expect, it } from 'vitest'
import { loadConfig, startupWarnings } from '../config.ts'
import { createLogger, registerRequestLog, resolveLogFormat } from '../logger.ts'

describe('start-up warnings', () => {
  it('warns when PUBLIC_URL is unset, since printed QR codes then point to localhost', () => {
    const warnings = startupWarnings(loadConfig({ PORT: '3000' }))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^PUBLIC_URL is not set: .*http:\/\/localhost:3000/)
  })
  it('warns when PUBLIC_URL names a local address', () => {
    expect(startupWarnings(loadConfig({ PUBLIC_URL: 'http://127.0.0.1:3000' }))[0]).toMatch(/local address/)
  })
  it('is quiet when PUBLIC_URL is the public address', () => {
    expect(startupWarnings(loadConfig({ PUBLIC_URL: 'https://ruyu.muping.gov.cn' }))).toEqual([])
  })
})

describe('log format', () => {
  it('readable on a terminal, JSON when piped, in production or when LOG_FORMAT says so', () => {
    expect(resolveLogFormat('auto', { isTTY: true }, false)).toBe('pretty')
    expect(resolveLogFormat('auto', { isTTY: false }, false)).toBe('json')
    expect(resolveLogFormat('auto', {}, false)).toBe('json')
    expect(resolveLogFormat('auto', { isTTY: true }, true)).toBe('json')
    expect(resolveLogFormat('json', { isTTY: true }, false)).toBe('json')
    expect(resolveLogFormat('pretty', { isTTY: false }, true)).toBe('pretty')
    expect(loadConfig({}).logFormat).toBe('auto')
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/)
  })

  async function requestLines(format: 'pretty' | 'json') {
    const lines: Record<string, unknown>[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l))
        done()
      },
    })
    const app = Fastify({
      loggerInstance: createLogger('info', sink),
      logController: new LogController({ disableRequestLogging: format === 'pretty' }),
    })
    registerRequestLog(app, format)
    app.get('/ok', async () => ({ ok: true }))
    await app.ready()
    await app.inject({ method: 'GET', url: '/ok' })
    await app.inject({ method: 'GET', url: '/missing?api_key=secret-123' })
    await app.close()
    return lines.filter((l) => l.req || l.res || /^GET /.test(String(l.msg)))
  }

  it('the readable format logs a failed request as one short line and a good one not at all (at info)', async () => {
    const lines = await requestLines('pretty')
    expect(lines.map((l) => l.msg)).toEqual([expect.stringMatching(/^GET \/missing\?api_key=\[REDACTED\] 404 \d+ ms$/)])
  })

  it('the JSON format keeps a request and a response record per request', async () => {
    const lines = await requestLines('json')
    expect(lines.filter((l) => l.msg === 'incoming request')).toHaveLength(2)
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(2)
  })
})
