import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trackingNumberCandidates } from '../domain.ts'
import { freshPhone } from './factories.ts'

let t: TestContext

beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

describe('the order number as a citizen types it', () => {
  it('brackets of any kind, full-width characters, spaces and the bare digits all give the stored form', () => {
    for (const typed of [
      '牟热〔2026〕004078',
      '牟热[2026]004078',
      '牟热(2026)004078',
      '牟热（2026）004078',
      '牟热［2026］004078',
      '牟热【2026】004078',
      ' 牟热 〔2026〕 004078 ',
      '牟热2026004078',
      '2026004078',
      '２０２６００４０７８',
      '(2026)004078',
      '2026 004078',
    ])
      expect(trackingNumberCandidates(typed), typed).toContain('牟热〔2026〕004078')
  })

  it('text with no year and sequence is only tried as typed', () => {
    expect(trackingNumberCandidates('abc')).toEqual(['abc'])
    expect(trackingNumberCandidates('12345')).not.toContain('牟热〔1234〕000005')
  })
})

describe('GET /api/public/hotline/track by number and the last 4 digits of the phone', () => {
  it('finds the order whichever way the number is written, and never with the wrong phone digits', async () => {
    const phone = freshPhone()
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/public/hotline/requests',
      remoteAddress: '10.9.0.1',
      payload: {
        callerName: '孙先生',
        callerPhone: phone,
        requestType: 'help',
        divisionCode: '370612002',
        address: '牟平区文化街道北关大街',
        description: '北关大街路灯不亮已经一周。',
      },
    })
    expect(r.statusCode, r.body).toBe(201)
    const number: string = r.json().number
    const m = /^(\D+)〔(\d{4})〕(\d+)$/.exec(number)!
    const [, prefix, year, seq] = m
    const track = (n: string, last4 = phone.slice(-4)) =>
      t.anonymous().get(`/api/public/hotline/track?number=${encodeURIComponent(n)}&phoneLast4=${last4}`)
    for (const typed of [
      number,
      `${prefix}[${year}]${seq}`,
      `${prefix}(${year})${seq}`,
      `${prefix}（${year}）${seq}`,
      `${prefix} 〔${year}〕 ${seq}`,
      `${year}${seq}`,
      `${year} ${seq}`,
    ]) {
      const res = await track(typed)
      expect(res.statusCode, `${typed}: ${res.body}`).toBe(200)
      expect(res.json().number).toBe(number)
    }
    const wrong = await track(`${year}${seq}`, phone.slice(-4) === '0000' ? '1111' : '0000')
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().code).toBe('HOTLINE_TRACK_NOT_FOUND')
    expect((await track(`${year}99${seq}`)).statusCode).toBe(404)
  })
})
