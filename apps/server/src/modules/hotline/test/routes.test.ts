import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, freshPhone, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let scj: Client
let leader: Client
const cat: Record<string, string> = {}
const unit: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  scj = await t.login('unit')
  leader = await t.login('leader')
  for (const code of ['010101', '0101', '020101', '0201', '0401', '0901', '060101', '030101'])
    cat[code] = await categoryId(t, code)
  for (const code of ['MP-T002', 'MP-SCJ', 'MP-RLG', 'MP-YBJ']) unit[code] = await unitId(t, code)
})
afterAll(() => t.close())

async function dispatched(to: string, over: Record<string, unknown> = {}, co: string[] = []) {
  const { order } = await takeIn(operator, intakeBody(cat['010101']!, over))
  const r = await act(operator, order.id, 'dispatch', { unitId: unit[to], coUnitIds: co.map((c) => unit[c]) })
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}

describe('knowledge base (Chinese search) and direct answer (直办)', () => {
  it('finds the right article for real Chinese phrases, ranked by ts_rank', async () => {
    const top = async (q: string) => {
      const r = await operator.get(`/api/hotline/kb?q=${encodeURIComponent(q)}`)
      expect(r.statusCode, r.body).toBe(200)
      return r.json().items as { title: string; rank: number }[]
    }
    expect((await top('暖气不热'))[0]!.title).toBe('暖气不热怎么办')
    expect((await top('医保报销'))[0]!.title).toBe('医保报销需要哪些材料')
    expect((await top('家里暖气片不热了'))[0]!.title).toBe('暖气不热怎么办')
    expect((await top('老板拖欠工资不给'))[0]!.title).toBe('被拖欠工资如何维权')
    const heating = await top('供暖')
    expect(['暖气不热怎么办', '供暖费收费标准和缴费方式']).toContain(heating[0]!.title)
    expect(heating.map((h) => h.title)).toEqual(expect.arrayContaining(['暖气不热怎么办', '供暖费收费标准和缴费方式']))
    expect(heating[0]!.rank).toBeGreaterThan(0)
    expect(await top('火星移民签证')).toEqual([])
  })

  it('an operator answers on the spot from an article: 直办办结 with the article referenced', async () => {
    const hit = (await operator.get(`/api/hotline/kb?q=${encodeURIComponent('医保报销材料')}`)).json().items[0]
    const r = await operator.post(
      '/api/hotline/orders',
      intakeBody(cat['0401']!, {
        requestType: 'consult',
        description: '咨询住院费用医保报销需要哪些材料。',
        directAnswer: { answer: '按知识库答复：携带身份证、发票原件、费用清单到区医保局办理。', kbArticleId: hit.id },
      }),
    )
    expect(r.statusCode, r.body).toBe(201)
    const o = r.json().order
    expect(o).toMatchObject({ status: 'closed_direct', publicStatus: 'closed', closedOnTime: true })
    expect(o.kbArticle).toEqual({ id: hit.id, title: '医保报销需要哪些材料' })
    expect(o.timeline.map((e: { action: string }) => e.action)).toEqual(['intake', 'direct_answer'])
  })

  it('knowledge-base maintenance: a new article is searchable at once; units may read but not write', async () => {
    const body = {
      title: '居住证办理条件',
      content: '在牟平区居住半年以上，有合法稳定就业、合法稳定住所或连续就读条件之一的，可申领居住证。',
      keywords: ['居住证'],
    }
    expect((await wenhua.post('/api/hotline/kb', body)).statusCode).toBe(403)
    const created = await operator.post('/api/hotline/kb', body)
    expect(created.statusCode, created.body).toBe(201)
    const r = (await wenhua.get(`/api/hotline/kb?q=${encodeURIComponent('怎么办居住证')}`)).json()
    expect(r.items[0].title).toBe('居住证办理条件')
  })
})

describe('routing', () => {
  it('the most specific rule wins: 供暖 in 文化街道 → 文化街道; elsewhere → 热力公司; 食品安全 → 市场监管局', async () => {
    const s = async (c: string, d: string) =>
      (await operator.get(`/api/hotline/suggestion?categoryId=${cat[c]}&divisionCode=${d}`)).json()
    expect((await s('010101', '370612002')).unit.code).toBe('MP-T002')
    expect((await s('0101', '370612002001')).unit.code).toBe('MP-T002')
    expect((await s('010101', '370612106')).unit.code).toBe('MP-RLG')
    expect((await s('020101', '370612002')).unit.code).toBe('MP-SCJ')
    expect((await s('0401', '370612106')).unit.code).toBe('MP-YBJ')
    const outside = await s('0901', '370612')
    expect(outside.unit).toBeNull()
    expect(outside.guidance).toContain('诉讼')
  })

  it('a new rule is used at once; a duplicate rule is 409', async () => {
    const body = {
      categoryId: cat['0201'],
      divisionCode: undefined,
      divisionPrefix: '370612106',
      unitId: unit['MP-T002'],
    }
    const r = await operator.post('/api/hotline/routing-rules', body)
    expect(r.statusCode, r.body).toBe(201)
    expect(
      (await operator.get(`/api/hotline/suggestion?categoryId=${cat['020101']}&divisionCode=370612106`)).json().unit
        .code,
    ).toBe('MP-T002')
    expect((await operator.post('/api/hotline/routing-rules', body)).json().code).toBe('HOTLINE_RULE_EXISTS')
    expect((await operator.delete(`/api/hotline/routing-rules/${r.json().id}`)).statusCode).toBe(204)
  })
})

describe('duplicates and merge', () => {
  it('same phone and nearby same-category calls are suggested at intake; a merge closes the duplicate', async () => {
    const phone = freshPhone()
    const first = await takeIn(
      operator,
      intakeBody(cat['060101']!, {
        callerPhone: phone,
        lat: 37.3875,
        lng: 121.6012,
        description: '工地夜间施工噪音扰民。',
      }),
    )
    const again = await takeIn(
      operator,
      intakeBody(cat['060101']!, { callerPhone: phone, description: '还是工地噪音。' }),
    )
    expect(again.duplicates.find((d) => d.id === first.order.id)?.reasons).toEqual(['same_phone'])
    const near = await takeIn(
      operator,
      intakeBody(cat['060101']!, { lat: 37.3879, lng: 121.6015, description: '附近工地半夜还在打桩。' }),
    )
    const hit = near.duplicates.find((d) => d.id === first.order.id)
    expect(hit?.reasons).toEqual(['nearby'])
    expect(hit?.distanceM).toBeLessThan(100)
    const far = await takeIn(operator, intakeBody(cat['060101']!, { lat: 37.41, lng: 121.64, description: '噪音。' }))
    expect(far.duplicates.some((d) => d.id === first.order.id)).toBe(false)

    const m = await act(operator, again.order.id, 'merge', {
      intoId: first.order.id,
      reason: '同一来电人反映同一工地噪音',
    })
    expect(m.statusCode, m.body).toBe(200)
    expect(m.json()).toMatchObject({ status: 'merged', publicStatus: 'closed', mergedIntoNumber: first.order.number })
    expect(m.json().publicReply).toContain(first.order.number)
    const main = (await operator.get(`/api/hotline/orders/${first.order.id}`)).json()
    expect(main.timeline.map((e: { action: string }) => e.action)).toContain('merged_in')
    const self = await act(operator, first.order.id, 'merge', { intoId: first.order.id, reason: 'x' })
    expect(self.json().code).toBe('HOTLINE_MERGE_TARGET_INVALID')
  })
})

describe('the workflow route keeps the same scope', () => {
  it('another unit, a bank and a town clerk get 404 on an order’s progress tree; the unit and the centre see it', async () => {
    const o = await dispatched('MP-T002')
    const { rows } = await t.platform.db.query('select workflow_instance_id from hotline_order where id = $1', [o.id])
    const url = `/api/workflow/instances/${rows[0]!.workflow_instance_id}`
    expect((await wenhua.get(url)).statusCode).toBe(200)
    expect((await operator.get(url)).statusCode).toBe(200)
    expect((await leader.get(url)).statusCode).toBe(200) // audit:read oversees everything in scope
    for (const other of [scj, await t.login('bank'), await t.login('ninghai')])
      expect((await other.get(url)).statusCode, other.username).toBe(404)
  })
})

describe('企业诉求', () => {
  it('an order can name the enterprise it concerns; the list filters by it; a bad USCC is a 400 on that field', async () => {
    const uscc = '91370612MA3C12346J'
    const { order } = await takeIn(operator, intakeBody(cat['010101']!, { enterpriseUscc: uscc }))
    const d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.enterpriseUscc).toBe(uscc)
    const list = (await leader.get(`/api/hotline/orders?enterpriseUscc=${uscc}&pageSize=100`)).json()
    expect(list.items.map((o: { id: string }) => o.id)).toContain(order.id)
    expect(list.items.every((o: { enterpriseUscc: string }) => o.enterpriseUscc === uscc)).toBe(true)
    const bad = await operator.post(
      '/api/hotline/orders',
      intakeBody(cat['010101']!, { enterpriseUscc: '91370612MA3C12345X' }),
    )
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json().details)).toContain('enterpriseUscc')
  })
})

describe('pickers', () => {
  it('handling units: departments, utilities and town offices, not the centre or the approval bureau', async () => {
    const units = (await operator.get('/api/hotline/units')).json().items as { code: string; kind: string }[]
    const codes = units.map((u) => u.code)
    expect(codes).toEqual(expect.arrayContaining(['MP-T002', 'MP-SCJ']))
    expect(codes).not.toContain('MP-RXB')
    expect(codes).not.toContain('MP-XSP')
    expect((await wenhua.get('/api/hotline/units')).statusCode).toBe(200)
    expect((await t.anonymous().get('/api/hotline/units')).statusCode).toBe(401)
  })

  it('the public form lists the district’s towns and a town’s villages, nothing outside the district', async () => {
    const anon = t.anonymous()
    const res = await anon.get('/api/public/hotline/divisions')
    expect(res.statusCode, res.body).toBe(200)
    const towns = res.json().items as { code: string; name: string }[]
    expect(towns).toHaveLength(13)
    expect(towns).toContainEqual(expect.objectContaining({ code: '370612002', name: '文化街道', leaf: false }))
    const villages = (await anon.get('/api/public/hotline/divisions?parentCode=370612002')).json().items
    expect(villages).toContainEqual(expect.objectContaining({ code: '370612002001', name: '文化里居委会', leaf: true }))
    expect((await anon.get('/api/public/hotline/divisions?parentCode=370613')).json().items).toEqual([])
    expect((await anon.get('/api/public/hotline/divisions?parentCode=abc')).statusCode).toBe(400)
  })
})

describe('unit side rules', () => {
  it('退单 within 2 working days goes back to 待派单; after the limit it is 422', async () => {
    const o = await dispatched('MP-T002')
    const r = await act(wenhua, o.id, 'return', { reason: '该小区供暖由热力公司直供，不属于街道职责' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json()).toMatchObject({ status: 'dispatching', unit: null, publicStatus: 'received' })
    expect(r.json().timeline.at(-1)).toMatchObject({ action: 'return', unit: { code: 'MP-T002' } })
    expect(r.json()).toMatchObject({
      returnCount: 1,
      lastReturn: { reason: '该小区供暖由热力公司直供，不属于街道职责' },
    })
    // The board's 退回待改派 column: returned orders waiting for re-routing, and only those.
    const returned = (await operator.get('/api/hotline/orders?status=dispatching&returned=true&pageSize=200')).json()
    expect(returned.items.map((i: { id: string }) => i.id)).toContain(o.id)
    expect(returned.items.every((i: { returnCount: number }) => i.returnCount > 0)).toBe(true)
    const fresh = (await operator.get('/api/hotline/orders?status=dispatching&returned=false&pageSize=200')).json()
    expect(fresh.items.map((i: { id: string }) => i.id)).not.toContain(o.id)
    // Re-dispatched, then the unit waits too long.
    await act(operator, o.id, 'dispatch', { unitId: unit['MP-T002'] })
    await t.platform.db.query(`update hotline_order set dispatched_at = now() - interval '20 days' where id = $1`, [
      o.id,
    ])
    const late = await act(wenhua, o.id, 'return', { reason: '不属于职责' })
    expect(late.statusCode).toBe(422)
    expect(late.json().code).toBe('HOTLINE_RETURN_TOO_LATE')
  })

  it('延期 after the deadline is a coded 422', async () => {
    const o = await dispatched('MP-T002')
    await act(wenhua, o.id, 'acknowledge')
    await t.platform.db.query(`update hotline_order set due_at = now() - interval '1 hour' where id = $1`, [o.id])
    const r = await act(wenhua, o.id, 'extension', { days: 2, reason: '需协调多部门' })
    expect(r.statusCode).toBe(422)
    expect(r.json().code).toBe('HOTLINE_EXTENSION_TOO_LATE')
  })

  it('a co-handler sees the order and adds opinions, but cannot act as the main unit (403)', async () => {
    const o = await dispatched('MP-SCJ', { categoryId: cat['020101'] }, ['MP-T002'])
    const view = await wenhua.get(`/api/hotline/orders/${o.id}`)
    expect(view.statusCode).toBe(200)
    expect(view.json().viewerRole).toBe('co_unit')
    expect(view.json().actions).toEqual(['note'])
    const ack = await act(wenhua, o.id, 'acknowledge')
    expect(ack.statusCode).toBe(403)
    expect(ack.json().code).toBe('HOTLINE_NOT_MAIN_UNIT')
    expect((await act(scj, o.id, 'acknowledge')).statusCode).toBe(200)
    const reply = await act(wenhua, o.id, 'reply', { text: '街道已配合检查', contactMethod: 'phone' })
    expect(reply.statusCode).toBe(403)
    expect(reply.json().code).toBe('HOTLINE_NOT_MAIN_UNIT')
    const note = await act(wenhua, o.id, 'notes', { text: '街道网格员已到现场配合检查。' })
    expect(note.statusCode, note.body).toBe(200)
    expect(note.json().timeline.at(-1)).toMatchObject({ action: 'note', unit: { code: 'MP-T002' } })
    // A leader reads but does not write.
    expect((await leader.get(`/api/hotline/orders/${o.id}`)).statusCode).toBe(200)
    expect((await act(leader, o.id, 'notes', { text: '阅' })).statusCode).toBe(403)
  })

  it('催办 and 督办 are recorded and reach the unit', async () => {
    const o = await dispatched('MP-T002')
    expect((await act(operator, o.id, 'remind', { reason: '请尽快签收' })).statusCode).toBe(200)
    const s = await act(operator, o.id, 'supervise', { reason: '群众多次来电，列入督办' })
    expect(s.statusCode, s.body).toBe(200)
    expect(s.json().supervised).toBe(true)
    expect(s.json().timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['remind', 'supervise']),
    )
    await t.platform.events.drain()
    const wenhuaId = (await t.platform.db.query(`select id from core_user where username = 'wenhua'`)).rows[0]!.id
    const inbox = await t.platform.notifications.list(wenhuaId, { unreadOnly: true, limit: 50, offset: 0 })
    expect(inbox.items.map((n) => n.title)).toEqual(expect.arrayContaining(['12345工单催办', '12345工单督办单']))
  })

  it('unsatisfied again after a reopen issues a 督办 automatically', async () => {
    const o = await dispatched('MP-T002')
    await act(wenhua, o.id, 'acknowledge')
    for (let round = 0; round < 2; round++) {
      expect(
        (await act(wenhua, o.id, 'reply', { text: `第${round + 1}次答复`, contactMethod: 'phone' })).statusCode,
      ).toBe(200)
      expect((await act(operator, o.id, 'review', { accept: true })).statusCode).toBe(200)
      const f = await act(operator, o.id, 'follow-up', { result: 'unsatisfied' })
      expect(f.statusCode, f.body).toBe(200)
      expect(f.json()).toMatchObject({ status: 'handling', reopenCount: round + 1, supervised: round === 1 })
    }
  })
})

describe('confidential callers', () => {
  it('name and phone are masked for units in the order and the timeline, not for the centre', async () => {
    const phone = '15054521876'
    const { order } = await takeIn(
      operator,
      intakeBody(cat['030101']!, {
        callerName: '张立新',
        callerPhone: phone,
        confidential: true,
        requestType: 'report',
        description: '举报工地拖欠工资，联系人张立新，电话15054521876。',
      }),
    )
    await act(operator, order.id, 'dispatch', { unitId: unit['MP-T002'], note: '来电人张立新要求保密' })
    const r = await wenhua.get(`/api/hotline/orders/${order.id}`)
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ callerName: '张**', callerPhone: '150****1876', callerMasked: true })
    expect(r.body).not.toContain('张立新')
    expect(r.body).not.toContain(phone)
    const list = await wenhua.get('/api/hotline/orders?pageSize=200')
    expect(list.body).not.toContain(phone)
    const centre = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(centre).toMatchObject({ callerName: '张立新', callerPhone: phone, callerMasked: false })
  })
})

describe('upstream transfer API (API key, idempotent)', () => {
  let key: string
  const send = (body: unknown, k = key) =>
    t.app.inject({
      method: 'POST',
      url: '/api/hotline/transfer',
      payload: body as object,
      headers: { authorization: `Bearer ${k}` },
    })
  const body = (n: string) => ({
    source: 'yantai-12345',
    upstreamNumber: n,
    callerName: '周先生',
    callerPhone: '0535-4232102',
    requestType: 'complaint',
    categoryId: cat['020101'],
    divisionCode: '370612001',
    address: '牟平区宁海街道某超市',
    description: '市平台转办：超市销售过期牛奶。',
  })

  beforeAll(async () => {
    const admin = await t.login('admin')
    const r = await admin.post('/api/admin/api-keys', {
      name: '烟台市12345平台',
      capabilities: ['hotline:transfer'],
      scopeDivisionCode: '370612',
    })
    expect(r.statusCode, r.body).toBe(201)
    key = r.json().key
  })

  it('the same upstream number twice → one order; the second call returns it (200)', async () => {
    const a = await send(body('YT2026-000123'))
    expect(a.statusCode, a.body).toBe(201)
    expect(a.json()).toMatchObject({ duplicate: false, status: 'dispatching' })
    const b = await send(body('YT2026-000123'))
    expect(b.statusCode).toBe(200)
    expect(b.json()).toMatchObject({ id: a.json().id, number: a.json().number, duplicate: true })
    const n = await t.platform.db.query(
      `select count(*)::int n from hotline_order where upstream_source = 'yantai-12345' and upstream_number = 'YT2026-000123'`,
    )
    expect(n.rows[0]!.n).toBe(1)
    const o = (await operator.get(`/api/hotline/orders/${a.json().id}`)).json()
    expect(o).toMatchObject({ channel: 'transfer', upstreamNumber: 'YT2026-000123' })
    expect(o.timeline[0].action).toBe('transfer_in')
  })

  it('two simultaneous transfers of one upstream order still make one order', async () => {
    const [a, b] = await Promise.all([send(body('YT2026-000999')), send(body('YT2026-000999'))])
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201])
    expect(a.json().id).toBe(b.json().id)
  })

  it('needs the key: anonymous 401, a staff session 403', async () => {
    expect((await t.anonymous().post('/api/hotline/transfer', body('X1'))).statusCode).toBe(401)
    expect((await operator.post('/api/hotline/transfer', body('X1'))).statusCode).toBe(403)
  })
})

describe('public web form and tracking', () => {
  const form = (over: Record<string, unknown> = {}) => ({
    callerName: '陈女士',
    callerPhone: freshPhone(),
    requestType: 'suggestion',
    divisionCode: '370612002',
    address: '牟平区文化街道滨海路',
    description: '建议在滨海路公交站增设候车亭。',
    ...over,
  })
  const from = (ip: string) => ({
    post: (url: string, payload: unknown) =>
      t.app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: ip }),
  })

  it('an anonymous request gets a number and a token; the token tracks it; no caller data comes back', async () => {
    const body = form()
    const r = await from('10.1.0.1').post('/api/public/hotline/requests', body)
    expect(r.statusCode, r.body).toBe(201)
    const { number, trackingToken } = r.json()
    expect(number).toMatch(/^牟热〔/)
    const tr = await t.anonymous().get(`/api/public/hotline/track?token=${trackingToken}`)
    expect(tr.statusCode, tr.body).toBe(200)
    expect(tr.json()).toMatchObject({ number, publicStatus: 'received', milestones: [{ label: '诉求已受理' }] })
    expect(tr.body).not.toContain(body.callerPhone)
    expect(tr.body).not.toContain('陈女士')
    const o = (await operator.get(`/api/hotline/orders?q=${encodeURIComponent(number)}`)).json().items[0]
    expect(o).toMatchObject({ channel: 'web', categoryId: null, status: 'dispatching' })
    expect((await t.anonymous().get('/api/public/hotline/track?token=AAAAAAAAAAAA')).statusCode).toBe(404)
    const cats = await t.anonymous().get('/api/public/hotline/categories')
    expect(cats.statusCode).toBe(200)
    expect(cats.json().items.length).toBeGreaterThanOrEqual(8)
  })

  it('bad input is a 400 naming the field; a landline is fine', async () => {
    const bad = await from('10.1.0.2').post(
      '/api/public/hotline/requests',
      form({ callerPhone: '12345', description: '' }),
    )
    expect(bad.statusCode).toBe(400)
    const paths = bad.json().details.issues.map((i: { path: string[] }) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['callerPhone', 'description']))
    expect(bad.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'callerPhone').message).toContain(
      '固定电话',
    )
    const landline = await from('10.1.0.2').post('/api/public/hotline/requests', form({ callerPhone: '0535-4232102' }))
    expect(landline.statusCode, landline.body).toBe(201)
  })

  it('is rate-limited per client', async () => {
    const codes: number[] = []
    for (let i = 0; i < 12; i++)
      codes.push((await from('10.1.0.3').post('/api/public/hotline/requests', {})).statusCode)
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true)
    expect(codes.at(-1)).toBe(429)
  })
})

describe('operator intake validation', () => {
  it('invalid phone, unknown category, unknown division, empty description → 400 with each field', async () => {
    const r = await operator.post(
      '/api/hotline/orders',
      intakeBody(cat['010101']!, { callerPhone: '110', description: '   ' }),
    )
    expect(r.statusCode).toBe(400)
    expect(r.json().details.issues.map((i: { path: string[] }) => i.path[0])).toEqual(
      expect.arrayContaining(['callerPhone', 'description']),
    )
    const unknown = await operator.post(
      '/api/hotline/orders',
      intakeBody('00000000-0000-4000-8000-000000000000', { divisionCode: '370612999' }),
    )
    expect(unknown.statusCode).toBe(400)
    expect(
      unknown
        .json()
        .details.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['categoryId', 'divisionCode'])
    const dispatchBad = await act(operator, '00000000-0000-4000-8000-000000000000', 'dispatch', {
      unitId: unit['MP-T002'],
    })
    expect(dispatchBad.statusCode).toBe(404)
  })
})
