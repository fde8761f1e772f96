import { Writable } from 'node:stream'
import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, redactUrl } from '../../../platform/logger.ts'

// Issue 9 §9: what a third-party Open311 client (FixMyStreet style: form-encoded POST, XML answers) trips over.

let t: TestContext
let key: string
const HEATING = '010101'
const VILLAGE = '370612002001'
const fields = (over: Record<string, string> = {}) => ({
  api_key: key,
  service_code: HEATING,
  lat: '37.3852',
  long: '121.6013',
  'attribute[DIVISION]': VILLAGE,
  description: '路灯不亮',
  ...over,
})
const form = (f: Record<string, string>, url = '/open311/v2/requests.xml') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: new URLSearchParams(f).toString(),
  })

beforeAll(async () => {
  t = await createTestContext({ env: { PUBLIC_URL: 'https://ruyu.muping.example' } })
  const admin = await t.login('admin')
  const r = await admin.post('/api/admin/api-keys', {
    name: 'interop',
    capabilities: ['open311:submit'],
    scopeDivisionCode: '370612',
  })
  key = r.json().key
})
afterAll(() => t.close())

describe('POST', () => {
  it('accepts a request without phone, and international numbers', async () => {
    const noPhone = fields() // no phone field at all
    const r = await form(noPhone)
    expect(r.statusCode, r.body).toBe(201)
    expect(r.body).toMatch(/<service_request_id>R[0-9A-F]{20}<\/service_request_id>/)
    for (const phone of ['+8613705351234', '+1 415 555 0100', '+44 20 7946 0958'])
      expect((await form(fields({ phone }))).statusCode, phone).toBe(201)
    expect((await form(fields({ phone: 'call me' }))).statusCode).toBe(400)
  })

  it('a JSON body with non-string values is 400 in the Open311 shape (never 500); numbers are taken as text', async () => {
    for (const payload of [{ ...fields(), description: { x: 1 } }, { ...fields(), service_code: null }, [1, 2]]) {
      const r = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: payload as never })
      expect(r.statusCode, r.body).toBe(400)
      expect(r.json()[0].code).toBe(400)
    }
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...fields(), lat: 37.3852, long: 121.6013 },
    })
    expect(r.statusCode, r.body).toBe(201)
  })

  it('a real multipart/form-data POST with a valid key works', async () => {
    const boundary = '----ruyuopen311boundary'
    const parts = Object.entries(fields()).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    )
    const body = `${parts.join('')}--${boundary}--\r\n`
    const r = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.from(body, 'utf8'),
    })
    expect(r.statusCode, r.body).toBe(201)
    expect(r.json()[0].service_request_id).toMatch(/^R/)
  })

  it('refuses coordinates outside the district', async () => {
    for (const [lat, long] of [
      ['39.9042', '116.4074'], // Beijing
      ['37.3852', '0'],
    ] as const) {
      const r = await form(fields({ lat, long }), '/open311/v2/requests.json')
      expect(r.statusCode).toBe(400)
      expect(r.json()[0].description).toMatch(/辖区|district/)
    }
  })
})

describe('discovery, services, paths', () => {
  it('unknown paths and methods under /open311 are Open311 404s by extension', async () => {
    for (const [method, url] of [
      ['GET', '/open311/v2/servicerequestupdates.xml'],
      ['GET', '/open311/anything/else.xml'],
      ['PUT', '/open311/v2/requests.xml'],
      ['DELETE', '/open311/v2/requests/R1.xml'],
    ] as const) {
      const r = await t.app.inject({ method, url })
      expect(r.statusCode, url).toBe(404)
      expect(r.headers['content-type']).toBe('text/xml; charset=utf-8')
      expect(r.body).toContain('<errors>')
    }
    const j = await t.app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.json' })
    expect(j.statusCode).toBe(404)
    expect(j.json()[0].code).toBe(404)
  })

  it('discovery builds its URLs from PUBLIC_URL, not the Host header', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/open311/discovery.json', headers: { host: 'evil.example' } })
    expect(r.body).not.toContain('evil.example')
    expect(r.json().endpoints[0].url).toBe('https://ruyu.muping.example/open311/v2')
  })

  it('service_code filters exactly; every served request carries a listed service_code', async () => {
    const services = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json()
    const codes = new Set(services.map((s: { service_code: string }) => s.service_code))
    const parent = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=01' })).json()
    expect(parent).toEqual([])
    const all = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json()
    expect(all.length).toBeGreaterThan(0)
    for (const o of all) expect(codes.has(o.service_code), o.service_code).toBe(true)
  })

  it('a service definition is small: towns, not all villages', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/open311/v2/services/${HEATING}.json` })
    expect(r.body.length).toBeLessThan(8000)
    const division = r.json().attributes.find((a: { code: string }) => a.code === 'DIVISION')
    expect(division.values.every((v: { key: string }) => v.key.length === 9)).toBe(true)
  })
})

describe('access log', () => {
  it('an api_key in the query string is redacted', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk))
        cb()
      },
    })
    // The server's own logger, driven by a real request through a Fastify app.
    const Fastify = (await import('fastify')).default
    const app = Fastify({ loggerInstance: createLogger('info', sink) })
    app.post('/open311/v2/requests.json', async () => ({ ok: true }))
    await app.inject({ method: 'POST', url: `/open311/v2/requests.json?api_key=${key}&x=1`, payload: { api_key: key } })
    await app.close()
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.join('')).not.toContain(key)
    expect(lines.join('')).toContain('api_key=[REDACTED]')
    expect(redactUrl('/a?x=1&api_key=secret')).toBe('/a?x=1&api_key=[REDACTED]')
  })
})
