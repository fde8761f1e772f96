import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categoryId, intakeBody, unitId } from './factories.ts'

// The reference data the centre works with: the knowledge base (search, 直办 from an article, maintenance), the
// routing rules behind the dispatch suggestion, and the pickers of units and divisions.
let t: TestContext
let operator: Client
let wenhua: Client
const cat: Record<string, string> = {}
const unit: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  for (const code of ['010101', '0101', '020101', '0201', '0401', '0901']) cat[code] = await categoryId(t, code)
  unit['MP-T002'] = await unitId(t, 'MP-T002')
})
afterAll(() => t.close())

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
