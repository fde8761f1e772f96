// The order list exported to Excel (issue #10 §1): the file holds exactly what the caller's list shows under the
// same filters. What must never happen: a handling unit's export carrying another unit's orders, a state key
// (`pending_ack`) instead of its name, or a cell that a spreadsheet program would run as a formula.
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let scj: Client

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  scj = await t.login('unit')
})
afterAll(() => t.close())

async function sheet(c: Client, query: string, lang = 'zh-CN'): Promise<string[][]> {
  const r = await c.get(`/api/hotline/orders/export${query}`, { 'accept-language': lang })
  expect(r.statusCode, r.body).toBe(200)
  expect(r.headers['content-type']).toContain('spreadsheetml')
  expect(String(r.headers['content-disposition'])).toMatch(
    /^attachment; filename="hotline-orders-\d{4}-\d{2}-\d{2}\.xlsx"/,
  )
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
  const rows: string[][] = []
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return rows
}

describe('GET /api/hotline/orders/export', () => {
  it('records each export in the audit trail: who, which list, which filters, how many rows', async () => {
    const before = await t.platform.db.query(`select count(*)::int n from core_audit_log where action = 'export'`)
    const rows = await sheet(operator, '?q=审计导出')
    const audit = await t.platform.db.query(
      `select u.username, a.resource_type, a.data from core_audit_log a join core_user u on u.id::text = a.actor_id
       where a.action = 'export' order by a.seq desc limit 1`,
    )
    expect(audit.rows[0]).toMatchObject({
      username: 'operator',
      resource_type: 'hotline_order',
      data: { rows: rows.length - 1, filters: { q: '审计导出' } },
    })
    const after = await t.platform.db.query(`select count(*)::int n from core_audit_log where action = 'export'`)
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n + 1)
  })
  it('exports the list with its filters and visibility, names instead of keys, formulas defused', async () => {
    const cat = await categoryId(t, '010101')
    const street = await unitId(t, 'MP-T002')
    const market = await unitId(t, 'MP-SCJ')
    const toStreet = await takeIn(
      operator,
      intakeBody(cat, { description: '=HYPERLINK("http://x") 暖气不热，导出测试甲' }),
    )
    const toMarket = await takeIn(operator, intakeBody(cat, { description: '导出测试乙：商户噪音扰民' }))
    expect((await act(operator, toStreet.order.id, 'dispatch', { unitId: street })).statusCode).toBe(200)
    expect((await act(operator, toMarket.order.id, 'dispatch', { unitId: market })).statusCode).toBe(200)

    const centre = await sheet(operator, '?status=pending_ack&q=导出测试')
    expect(centre[0]).toEqual(expect.arrayContaining(['工单编号', '状态', '承办单位', '办理时限', '时限状态']))
    const numbers = centre.slice(1).map((r) => r[0])
    expect(numbers).toEqual(expect.arrayContaining([toStreet.order.number, toMarket.order.number]))
    expect(centre.slice(1).every((r) => r[4] === '待签收')).toBe(true)
    const listed = (await operator.get('/api/hotline/orders?status=pending_ack&q=导出测试&pageSize=200')).json()
    expect(centre.length - 1).toBe(listed.total)
    const street1 = centre.find((r) => r[0] === toStreet.order.number)!
    // The summary is taken from the description, which starts with a formula: stored as text.
    expect(street1[3]).toMatch(/^'=HYPERLINK/)
    expect(centre.flat().join(' ')).not.toMatch(/pending_ack|on_track|complaint/)

    // A unit sees, and exports, only its own orders.
    const own = await sheet(wenhua, '?q=导出测试')
    expect(own.slice(1).map((r) => r[0])).toContain(toStreet.order.number)
    expect(own.slice(1).map((r) => r[0])).not.toContain(toMarket.order.number)
    const other = await sheet(scj, '?q=导出测试')
    expect(other.slice(1).map((r) => r[0])).not.toContain(toStreet.order.number)

    const english = await sheet(operator, '?status=pending_ack&q=导出测试', 'en')
    expect(english[0]).toEqual(expect.arrayContaining(['Order number', 'Status', 'Deadline']))
    expect(english[1]![4]).toBe('Waiting for acknowledgement')
  })

  it('refuses bad filters with a coded 400 and callers without hotline:read with 403', async () => {
    const bad = await operator.get('/api/hotline/orders/export?status=nonsense')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBeTruthy()
    const enterprise = await t.login('enterprise')
    expect((await enterprise.get('/api/hotline/orders/export')).statusCode).toBe(403)
  })
})
