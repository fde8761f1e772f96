import fs from 'node:fs'
import path from 'node:path'
import { buildApp } from '@ruyu/server'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { buildTestPlatform } from '@ruyu/testkit/platform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)
function multipart(name: string, data: Buffer) {
  const boundary = '----ruyu-files-boundary'
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
async function upload(c: Client, name = '附件.pdf', data = pdf(name)): Promise<string> {
  const r = await c.request({ method: 'POST', url: '/api/files', ...multipart(name, data) })
  expect(r.statusCode, r.body).toBe(201)
  return r.json().id
}
const status = async (c: Client, id: string) => (await c.get(`/api/files/${id}`)).statusCode
const idOf = async (sql: string, code: string) => (await t.platform.db.query(sql, [code])).rows[0]!.id as string

describe('file access follows the object the file is attached to', () => {
  it("a hotline order's attachment: the unit it went to reads it; bank, law firm and a district reviewer do not", async () => {
    const operator = await t.login('operator')
    const fileId = await upload(operator, '现场照片.pdf')
    const category = await idOf('select id from hotline_category where code = $1', '010101')
    const intake = await operator.post('/api/hotline/orders', {
      callerName: '李秀兰',
      callerPhone: '13705359911',
      requestType: 'help',
      urgency: 'normal',
      categoryId: category,
      divisionCode: '370612106',
      address: '牟平区玉林店镇政府街1号',
      description: '村里路灯坏了半个月，晚上出行不便，请尽快维修。',
      attachments: [fileId],
    })
    expect(intake.statusCode, intake.body).toBe(201)
    const orderId = intake.json().order.id
    const unit = await idOf('select id from core_org_unit where code = $1', 'MP-T106')
    const d = await operator.post(`/api/hotline/orders/${orderId}/dispatch`, { unitId: unit })
    expect(d.statusCode, d.body).toBe(200)

    expect(await status(operator, fileId)).toBe(200)
    expect(await status(await t.login('yulindian'), fileId)).toBe(200)
    for (const who of ['bank', 'lawfirm', 'reviewer', 'enterprise', 'wenhua'])
      expect(await status(await t.login(who), fileId), who).toBe(404)
  })

  it("a service request takes only the enterprise's own files; the bank it went to reads them, others do not", async () => {
    const ent = await t.login('enterprise')
    const ent2 = await t.login('enterprise2')
    const theirs = await upload(ent2, '乙公司报表.pdf')
    const mine = await upload(ent, '甲公司报表.pdf')
    const serviceId = await idOf('select id from enterprise_service where code = $1', 'FIN-001')
    const body = (attachments: string[]) => ({
      serviceId,
      description: '我公司计划扩大生产线，申请流动资金贷款300万元。',
      contactName: '于经理',
      contactMobile: '13905358888',
      attachments,
    })
    const refused = await ent.post('/api/enterprise/requests', body([theirs]))
    expect(refused.statusCode, refused.body).toBe(400)
    expect(refused.json().details.issues[0].path).toEqual(['attachments', 0])

    const ok = await ent.post('/api/enterprise/requests', body([mine]))
    expect(ok.statusCode, ok.body).toBe(201)
    expect(await status(ent, mine)).toBe(200)
    expect(await status(await t.login('bank'), mine)).toBe(200)
    expect(await status(await t.login('lawfirm'), mine)).toBe(404)
    expect(await status(ent2, mine)).toBe(404)
    expect(await status(ent, theirs)).toBe(404)
    // Nor can the enterprise borrow the file another way: the hotline intake applies the same check.
    const operator = await t.login('operator')
    expect(await status(operator, mine)).toBe(404)
  })

  it('a policy takes only files its editor may use; once published anyone signed in reads them', async () => {
    const gxj = await t.login('gxj')
    const ent = await t.login('enterprise')
    const own = await upload(gxj, '政策原文.pdf')
    const foreign = await upload(ent, '企业材料.pdf')
    const departmentId = (
      await t.platform.db.query(
        'select p.department_id from core_post p join core_user u on u.id = p.user_id where u.username = $1',
        ['gxj'],
      )
    ).rows[0]!.department_id
    const input = (attachments: string[]) => ({
      title: `附件测试政策 ${Math.random()}`,
      departmentId,
      level: 'district',
      validFrom: '2026-01-01',
      validTo: '2099-12-31',
      benefitSummary: '测试用政策：符合条件的企业给予奖励。',
      rule: null,
      attachments,
    })
    const refused = await gxj.post('/api/policy/policies', input([foreign]))
    expect(refused.statusCode, refused.body).toBe(400)
    const created = await gxj.post('/api/policy/policies', input([own]))
    expect(created.statusCode, created.body).toBe(201)
    expect(await status(ent, own)).toBe(404) // a draft is not public
    expect((await gxj.post(`/api/policy/policies/${created.json().id}/publish`)).statusCode).toBeLessThan(300)
    expect(await status(ent, own)).toBe(200)
  })

  it('an unattached upload is readable by its uploader only', async () => {
    const ent = await t.login('enterprise')
    const id = await upload(ent)
    expect(await status(ent, id)).toBe(200)
    for (const who of ['admin', 'enterprise2', 'window']) expect(await status(await t.login(who), id), who).toBe(404)
  })
})

describe('file content is stored where every node reads it', () => {
  it('uploaded through one app instance, downloaded through a second on the same database', async () => {
    const second = await buildTestPlatform(t.url, {
      env: { RUYU_DATA_DIR: `/tmp/ruyu-other-node-${process.pid}` },
    })
    const app2 = await buildApp(second.platform, second.services, { logger: false })
    try {
      const ent = await t.login('enterprise')
      const data = Buffer.concat([pdf('big'), Buffer.alloc(700 * 1024, 7)]) // three 256 KB chunks and more
      const id = await upload(ent, '大文件.pdf', data)
      const r = await app2.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: ent.cookie! } })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.rawPayload.equals(data)).toBe(true)
      const chunks = await t.platform.db.query(
        'select count(*)::int as n from core_file_blob b join core_file f on f.sha256 = b.sha256 where f.id = $1',
        [id],
      )
      expect(chunks.rows[0]!.n).toBe(3)
    } finally {
      await app2.close()
      await second.platform.close()
    }
  })

  it('content written to <dataDir>/files by earlier versions is still served', async () => {
    const ent = await t.login('enterprise')
    const data = pdf('legacy')
    const id = await upload(ent, '旧文件.pdf', data)
    const f = (await t.platform.db.query('select sha256, storage_key from core_file where id = $1', [id])).rows[0]!
    await t.platform.db.query('delete from core_file_blob where sha256 = $1', [f.sha256])
    const full = path.join(t.platform.config.dataDir, 'files', f.storage_key)
    fs.mkdirSync(path.dirname(full), { recursive: true })
    fs.writeFileSync(full, data)
    const r = await ent.get(`/api/files/${id}`)
    expect(r.statusCode, r.body).toBe(200)
    expect(r.rawPayload.equals(data)).toBe(true)
  })

  it('missing content answers 404 FILE_CONTENT_MISSING, altered content FILE_CONTENT_CORRUPT, never 500', async () => {
    const ent = await t.login('enterprise')
    const a = await upload(ent, 'a.pdf')
    const b = await upload(ent, 'b.pdf')
    const sha = async (id: string) =>
      (await t.platform.db.query('select sha256 from core_file where id = $1', [id])).rows[0]!.sha256
    await t.platform.db.query('delete from core_file_blob where sha256 = $1', [await sha(a)])
    const missing = await ent.get(`/api/files/${a}`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().code).toBe('FILE_CONTENT_MISSING')
    await t.platform.db.query(`update core_file_blob set data = '\\x00' where sha256 = $1`, [await sha(b)])
    const corrupt = await ent.get(`/api/files/${b}`)
    expect(corrupt.statusCode).toBe(409)
    expect(corrupt.json().code).toBe('FILE_CONTENT_CORRUPT')
  })
})
