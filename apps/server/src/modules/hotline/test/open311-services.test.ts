import { createTestContext, type TestContext } from '@ruyu/testkit'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseW3c, w3c } from '../open311-common.ts'
import { escapeXml, toOpen311Xml } from '../open311-xml.ts'
import { valid, xml } from './open311-check.ts'

// Open311 GeoReport v2 discovery and services over the hotline categories, in JSON (checked against the Open311
// project's JSON Schemas) and XML (the spec's shape), with CORS for browser clients; and the XML and time
// serialisers they use.

let t: TestContext
const HEATING = '010101'
const VILLAGE = '370612002001' // 文化街道 文化里居委会

const get = (url: string) => t.app.inject({ method: 'GET', url })

beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('open311 XML serialiser', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml(`a<b>&"c'\u0000\u0007d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d')
    const doc = toOpen311Xml('service_requests', [{ service_request_id: 'x', description: '<&>\u0001', lat: null }])
    expect(XMLValidator.validate(doc)).toBe(true)
    expect(doc).toContain('<lat/>')
  })

  it('formats W3C times in CST and rejects impossible dates', () => {
    expect(w3c('2026-03-01T01:15:00Z')).toBe('2026-03-01T09:15:00+08:00')
    expect(parseW3c('2026-03-01T09:15:00+08:00')?.toISOString()).toBe('2026-03-01T01:15:00.000Z')
    expect(parseW3c('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z')
    expect(parseW3c('2026-02-30T00:00:00Z')).toBeNull()
    expect(parseW3c('2026-03-01T09:15:00')).toBeNull() // no time zone
  })
})

describe('discovery and services', () => {
  it('discovery in JSON and XML, at /open311 and under v2', async () => {
    const j = valid('discovery', (await get('/open311/discovery.json')).body)
    expect(j.endpoints[0].url).toMatch(/\/open311\/v2$/)
    const x = xml((await get('/open311/v2/discovery.xml')).body, 'discovery')
    expect(x.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json'])
    expect(x.endpoints.endpoint[0].specification).toBe('http://wiki.open311.org/GeoReport_v2')
  })

  it('browser clients on other origins may call it: CORS on answers, preflight answered', async () => {
    const r = await get('/open311/v2/services.json')
    expect(r.headers['access-control-allow-origin']).toBe('*')
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: { origin: 'https://client.example.org', 'access-control-request-method': 'POST' },
    })
    expect(pre.statusCode).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('*')
    expect(String(pre.headers['access-control-allow-methods'])).toContain('POST')
  })

  it('services: leaf categories, grouped by their top category, with metadata', async () => {
    const res = await get('/open311/v2/services.json')
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    const list = valid('services', res.body)
    expect(list.length).toBeGreaterThan(10)
    const heating = list.find((s: { service_code: string }) => s.service_code === HEATING)
    expect(heating).toMatchObject({ metadata: true, type: 'realtime', group: '城乡建设' })
    expect(heating.keywords.split(',')).toContain(heating.service_name)
    // Only leaves: no code is the prefix of another.
    const codes: string[] = list.map((s: { service_code: string }) => s.service_code)
    expect(codes.some((c) => codes.some((d) => d !== c && d.startsWith(c)))).toBe(false)

    const xres = await get('/open311/v2/services.xml')
    expect(xres.headers['content-type']).toBe('text/xml; charset=utf-8')
    const x = xml(xres.body, 'services')
    expect(x.service.map((s: { service_code: string }) => s.service_code)).toEqual(codes)
    expect(x.service[0]).toMatchObject({ metadata: 'true', type: 'realtime' })
  })

  it('a service definition lists the stable attributes; an unknown code is 404 in the error shape', async () => {
    const def = valid('service_definition', (await get(`/open311/v2/services/${HEATING}.json`)).body)
    expect(def.service_code).toBe(HEATING)
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual([
      'REQUEST_TYPE',
      'URGENCY',
      'DIVISION',
      'CONFIDENTIAL',
    ])
    const types = def.attributes[0]
    expect(types).toMatchObject({ datatype: 'singlevaluelist', required: false, order: 1 })
    expect(types.values.map((v: { key: string }) => v.key)).toContain('complaint')
    expect(def.attributes[2].values.map((v: { key: string }) => v.key)).toContain(VILLAGE.slice(0, 9))

    const x = xml((await get(`/open311/v2/services/${HEATING}.xml`)).body, 'service_definition')
    expect(x.attributes.attribute[1].values.value.map((v: { key: string }) => v.key)).toEqual(['normal', 'urgent'])

    const nf = await get('/open311/v2/services/9999.json')
    expect(nf.statusCode).toBe(404)
    expect(valid('errors', nf.body)[0].code).toBe(404)
    const nfx = await get('/open311/v2/services/9999.xml')
    expect(nfx.statusCode).toBe(404)
    expect(xml(nfx.body, 'errors').error[0].code).toBe('404')
  })
})
