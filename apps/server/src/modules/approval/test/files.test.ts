import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application } from './factories.ts'

let t: TestContext
beforeAll(async () => {
  t = await createTestContext()
})
afterAll(() => t.close())

const status = async (c: Awaited<ReturnType<TestContext['login']>>, id: string) =>
  (await c.get(`/api/files/${id}`)).statusCode

describe('case materials are readable by who may read the case', () => {
  it("reviewers and admin open an applicant's case materials; another enterprise does not", async () => {
    const ent = await t.login('enterprise')
    const app = await application(ent)
    const fileId = app.materials.find((m: { fileId?: string }) => m.fileId).fileId as string
    const r = await ent.post('/api/approval/cases', {
      themeCode: app.themeCode,
      form: app.form,
      materials: app.materials,
    })
    expect(r.statusCode, r.body).toBe(201)
    expect(await status(ent, fileId)).toBe(200)
    for (const who of ['admin', 'reviewer', 'window']) expect(await status(await t.login(who), fileId), who).toBe(200)
    for (const who of ['enterprise2', 'bank', 'operator'])
      expect(await status(await t.login(who), fileId), who).toBe(404)
  })
})
