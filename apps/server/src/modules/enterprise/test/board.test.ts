import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inboxTitles } from './factories.ts'

let t: TestContext
let ent: Client
let ent2: Client

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  ent2 = await t.login('enterprise2')
})
afterAll(() => t.close())

describe('supply-demand board', () => {
  it('matches a need with offers by Chinese keywords and industry; contact goes through the inbox', async () => {
    const need = await ent2.post('/api/enterprise/board/listings', {
      kind: 'need',
      category: 'service',
      title: '寻找冷链运输合作伙伴',
      description: '冷冻海产品需要零下18度冷链运输，从牟平运到青岛港，每周两车。',
      industryCode: 'G5920',
      quantity: '每周2车',
      regionCode: '370612004',
      validUntil: '2099-12-31',
    })
    expect(need.statusCode, need.body).toBe(201)
    expect(need.json()).toMatchObject({ mine: true, enterpriseName: '烟台鲁味海洋食品有限公司' })
    const m = await ent2.get(`/api/enterprise/board/listings/${need.json().id}/matches`)
    expect(m.statusCode, m.body).toBe(200)
    const top = m.json().items[0]
    expect(top.title).toBe('冷链物流仓储服务')
    expect(top.kind).toBe('offer')
    expect(top.reasons.join(' ')).toContain('冷链')
    // Only the publisher gets suggestions for its listing.
    expect((await ent.get(`/api/enterprise/board/listings/${need.json().id}/matches`)).statusCode).toBe(404)

    const search = (await ent.get(`/api/enterprise/board/listings?q=${encodeURIComponent('冷链运输')}`)).json()
    expect(search.items.map((l: { title: string }) => l.title)).toEqual(
      expect.arrayContaining(['寻找冷链运输合作伙伴', '冷链物流仓储服务']),
    )
    expect(JSON.stringify(search)).not.toMatch(/1390535|mobile|phone/i)

    // The demo enterprise contacts enterprise2 through the platform.
    expect(
      (
        await ent2.post(`/api/enterprise/board/listings/${need.json().id}/contact`, { message: '自己联系自己试试' })
      ).json().code,
    ).toBe('ENTERPRISE_LISTING_OWN')
    const c = await ent.post(`/api/enterprise/board/listings/${need.json().id}/contact`, {
      message: '我公司有冷藏车队，可以承接每周两车的运输。',
    })
    expect(c.statusCode, c.body).toBe(201)
    expect(c.json()).toMatchObject({ direction: 'sent', toEnterpriseName: '烟台鲁味海洋食品有限公司' })
    expect(await inboxTitles(t, ent2)).toContain('供需对接：烟台如鱼生物科技有限公司 联系了您')
    const received = (await ent2.get('/api/enterprise/board/contacts')).json()
    expect(received.items.find((x: { id: string }) => x.id === c.json().id).direction).toBe('received')
    const reply = await ent2.post(`/api/enterprise/board/contacts/${c.json().id}/reply`, { message: '请发报价。' })
    expect(reply.json().replies).toEqual([expect.objectContaining({ message: '请发报价。' })])
    expect(await inboxTitles(t, ent)).toContain('供需对接：烟台鲁味海洋食品有限公司 回复了您')

    // A contact between enterprise and a third company is invisible to enterprise2.
    const offer = search.items.find((l: { title: string }) => l.title === '冷链物流仓储服务')
    const third = await ent.post(`/api/enterprise/board/listings/${offer.id}/contact`, {
      message: '请问冷库还有空位吗？',
    })
    expect(third.statusCode).toBe(201)
    expect((await ent2.get(`/api/enterprise/board/contacts/${third.json().id}`)).statusCode).toBe(404)
    expect(
      (await ent2.post(`/api/enterprise/board/contacts/${third.json().id}/reply`, { message: '看看' })).statusCode,
    ).toBe(404)
    expect((await ent.get(`/api/enterprise/board/contacts/${third.json().id}`)).statusCode).toBe(200)

    // Closing takes the listing off the board.
    expect((await ent2.post(`/api/enterprise/board/listings/${need.json().id}/close`)).json().status).toBe('closed')
    expect((await ent.get(`/api/enterprise/board/listings/${need.json().id}`)).statusCode).toBe(404)
  })
})
