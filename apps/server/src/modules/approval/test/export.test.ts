// 审批案件 exported to Excel (issue #10 §1): the same filters and scope as the case list. What must never happen:
// an account without approval:read getting the file, or a state key (`in_review`) instead of its name.
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application } from './factories.ts'

let t: TestContext
let ent: Client
let window: Client

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  window = await t.login('window')
})
afterAll(() => t.close())

async function rows(c: Client, query: string): Promise<string[][]> {
  const r = await c.get(`/api/approval/cases/export${query}`)
  expect(r.statusCode, r.body).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
  const out: string[][] = []
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
  return out
}

describe('GET /api/approval/cases/export', () => {
  it('exports the filtered case list with names, and only to staff who may read cases', async () => {
    const app = await application(ent)
    const submitted = await ent.post('/api/approval/cases', app)
    expect(submitted.statusCode, submitted.body).toBe(201)
    const number = submitted.json().number as string

    const all = await rows(window, '?status=in_review')
    expect(all[0]).toEqual(expect.arrayContaining(['受理编号', '状态', '承诺时限（工作日）']))
    const row = all.find((r) => r[0] === number)
    expect(row, `case ${number} in the export`).toBeTruthy()
    expect(row![4]).toBe('审查中')
    const list = (await window.get('/api/approval/cases?status=in_review&pageSize=200')).json()
    expect(all.length - 1).toBe(list.total)
    // Another status filter leaves it out.
    expect((await rows(window, '?status=completed')).some((r) => r[0] === number)).toBe(false)
    expect(all.flat().join(' ')).not.toMatch(/in_review|online\b/)

    expect((await ent.get('/api/approval/cases/export')).statusCode).toBe(403)
    expect((await window.get('/api/approval/cases/export?status=nonsense')).statusCode).toBe(400)
  })
})

describe('GET /api/workflow/tasks/export', () => {
  it("exports the caller's own open tasks under the page's filters, with type and SLA names", async () => {
    const app = await application(ent)
    expect((await ent.post('/api/approval/cases', app)).statusCode).toBe(201)
    // Whichever department reviewer the first stage opened a branch for.
    let reviewer: Client | null = null
    let listed: { total: number; items: { title: string; sla: string }[] } = { total: 0, items: [] }
    for (const name of ['reviewer', 'fgj', 'zrj', 'hbj', 'swj', 'jtj', 'rfb', 'xfd']) {
      const c = await t.login(name)
      listed = (await c.get('/api/workflow/tasks?pageSize=200')).json()
      if (listed.total > 0) {
        reviewer = c
        break
      }
    }
    expect(reviewer, 'a reviewer with open tasks').toBeTruthy()
    const r = await reviewer!.get('/api/workflow/tasks/export', { 'accept-language': 'zh-CN' })
    expect(r.statusCode, r.body).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer)
    const out: string[][] = []
    wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(out[0]).toEqual(['事项', '办理环节', '类型', '接收时间', '办理时限', '时限状态'])
    expect(out.length - 1).toBe(listed.total)
    expect(out.slice(1).every((row) => row[2] === '主题审批')).toBe(true)
    expect(out.flat().join(' ')).not.toMatch(/approval_case|on_track/)
    // The type filter of the page: nothing of another type.
    const none = await reviewer!.get('/api/workflow/tasks/export?type=hotline_order')
    const wb2 = new ExcelJS.Workbook()
    await wb2.xlsx.load(none.rawPayload as unknown as ArrayBuffer)
    expect(wb2.worksheets[0]!.rowCount).toBe(1)
    expect((await reviewer!.get('/api/workflow/tasks/export?sla=nonsense')).statusCode).toBe(400)
  })
})
