import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { application, baseForm, THEME } from './factories.ts'

let t: TestContext
let ent: Client

type Node = {
  id: string
  parentId: string | null
  branch: { departmentCode: string; name: string } | null
  state: string
  actions: { key: string }[]
}

async function branchesOf(caseId: string, c: Client = ent): Promise<Node[]> {
  const d = (await c.get(`/api/approval/cases/${caseId}`)).json()
  return d.workflow.nodes.filter((n: Node) => n.parentId === d.workflow.rootId && n.branch)
}

/** Each department's demo reviewer accepts and approves its branch of the current stage. */
async function approveAll(caseId: string, except: string[] = []) {
  const d = (await ent.get(`/api/approval/cases/${caseId}`)).json()
  const running = (d.workflow.nodes as (Node & { status: string })[]).filter((n) => n.branch && n.status === 'active')
  for (const b of running) {
    if (except.includes(b.branch!.departmentCode)) continue
    const username =
      b.branch!.departmentCode === 'MP-ZJJ' ? 'reviewer' : b.branch!.departmentCode.slice(3).toLowerCase()
    const r = await t.login(username)
    if (b.state === 'pending')
      expect((await r.post(`/api/workflow/instances/${b.id}/actions/accept`, {})).statusCode).toBe(200)
    const res = await r.post(`/api/workflow/instances/${b.id}/actions/approve`, { comment: '经审查，符合要求，同意' })
    expect(res.statusCode, res.body).toBe(200)
  }
}

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  await t.platform.db.tx((tx) =>
    t.platform.auth.createUser(tx, SYSTEM_ACTOR, {
      username: 'other.company',
      displayName: '烟台另一家公司',
      kind: 'enterprise',
      password: 'Ruyu@2026',
      enterpriseUscc: '91350100M000100Y43',
      posts: [{ role: 'enterprise_user', scopeDivisionCode: '370612' }],
    }),
  )
})
afterAll(() => t.close())

describe('intake', () => {
  it('selects 拿地即开工 by rule and offers one combined form with each field asked once', async () => {
    const plan = (await ent.post('/api/approval/plan', { themeCode: THEME, form: baseForm() })).json()
    expect(plan.variant).toEqual({ key: 'land-to-build', name: '拿地即开工' })
    const keys = plan.form.fields.map((f: { key: string }) => f.key)
    expect(new Set(keys).size).toBe(keys.length)
    const standard = (
      await ent.post('/api/approval/plan', { themeCode: THEME, form: baseForm({ landGrantWithScheme: false }) })
    ).json()
    expect(standard.variant.key).toBe('standard')
  })

  it('in a park with completed zone assessments, the materials only those items need are not asked', async () => {
    type M = { code: string; required: boolean; zoneCovered?: boolean }
    const plain = (await ent.post('/api/approval/plan', { themeCode: THEME, form: baseForm() })).json()
    const inPark = (
      await ent.post('/api/approval/plan', { themeCode: THEME, form: baseForm(), parkCode: 'MP-PARK-QS' })
    ).json()
    const covered = (inPark.form.materials as M[]).filter((m) => m.zoneCovered)
    expect(covered.length).toBeGreaterThan(0)
    expect(covered.every((m) => !m.required)).toBe(true)
    const before = new Map((plain.form.materials as M[]).map((m) => [m.code, m]))
    expect(covered.some((m) => before.get(m.code)?.required)).toBe(true)
    expect((plain.form.materials as M[]).some((m) => m.zoneCovered)).toBe(false)
    const unknown = await ent.post('/api/approval/plan', {
      themeCode: THEME,
      form: baseForm(),
      parkCode: 'MP-PARK-NOPE',
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().code).toBe('APPROVAL_PARK_NOT_FOUND')
  })

  it('missing fields and materials → 400 naming each of them; nothing is stored', async () => {
    const app = await application(ent)
    const { projectName: _p, address: _a, ...form } = app.form
    const r = await ent.post('/api/approval/cases', { ...app, form, materials: app.materials.slice(1) })
    expect(r.statusCode).toBe(400)
    const paths = r.json().details.issues.map((i: { path: unknown[] }) => i.path.join('.'))
    expect(paths).toEqual(
      expect.arrayContaining(['form.projectName', 'form.address', `materials.${app.materials[0].code}`]),
    )
    expect((await t.platform.db.query('select count(*)::int n from approval_case')).rows[0]!.n).toBe(0)
  })

  it('a file uploaded by someone else cannot be used as a material', async () => {
    const app = await application(ent)
    const other = await t.login('other.company')
    const theirs = (await import('./factories.ts')).uploadPdf(other)
    const materials = app.materials.map((m: { code: string }) => ({
      code: m.code,
      fileId: undefined as string | undefined,
    }))
    materials[0]!.fileId = await theirs
    const r = await ent.post('/api/approval/cases', {
      ...app,
      materials: materials.map((m: { code: string; fileId?: string }, i: number) => (i === 0 ? m : app.materials[i])),
    })
    expect(r.statusCode).toBe(400)
    expect(JSON.stringify(r.json().details)).toContain('不是您上传的')
  })
})

describe('a 拿地即开工 case from application to 四证齐发 and rating', () => {
  let caseId: string

  it('accepts with pending materials (容缺), reuses the park zone assessments and fans out to departments', async () => {
    const app = await application(ent, { pending: 2, parkCode: 'MP-PARK-QS' })
    const r = await ent.post('/api/approval/cases', app)
    expect(r.statusCode, r.body).toBe(201)
    const c = r.json()
    caseId = c.id
    expect(c.number).toMatch(/^牟审受〔\d{4}〕\d{6}$/)
    expect(c.status).toBe('in_review')
    expect(c.materials.filter((m: { pending: boolean }) => m.pending)).toHaveLength(2)
    expect(c.zoneReuse.length).toBeGreaterThan(0)
    expect(c.items.some((i: { status: string }) => i.status === 'zone_satisfied')).toBe(true)
    const branches = await branchesOf(caseId)
    expect(branches.length).toBeGreaterThanOrEqual(4)
    // No zone-satisfied item is reviewed.
    const satisfied = c.items
      .filter((i: { status: string }) => i.status === 'zone_satisfied')
      .map((i: { itemCode: string }) => i.itemCode)
    // The submission answers with the receipt; the progress tree is read from the case.
    expect(c.workflow).toBeUndefined()
    const { workflow, rating, ...stored } = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    // …and is exactly what was stored.
    expect(rating).toBeNull()
    expect(c).toEqual(stored)
    const reviewed = (workflow.nodes as { branch: { items: { code: string }[] } | null }[]).flatMap(
      (n) => n.branch?.items.map((i) => i.code) ?? [],
    )
    expect(reviewed.filter((code) => satisfied.includes(code))).toEqual([])
  })

  it('enterprise B never sees the case (404); a reviewer of another department cannot act (403)', async () => {
    const other = await t.login('other.company')
    expect((await other.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(404)
    expect((await other.get('/api/approval/my/cases')).json().total).toBe(0)
    const zj = (await branchesOf(caseId)).find((b) => b.branch!.departmentCode === 'MP-ZJJ')!
    const hb = await t.login('hbj')
    const r = await hb.post(`/api/workflow/instances/${zj.id}/actions/accept`, {})
    expect(r.statusCode).toBe(403)
  })

  it('a supplement pauses the branch; the applicant supplies; the case carries on', async () => {
    const zj = (await branchesOf(caseId)).find((b) => b.branch!.departmentCode === 'MP-ZJJ')!
    const reviewer = await t.login('reviewer')
    await reviewer.post(`/api/workflow/instances/${zj.id}/actions/accept`, {})
    const s = await reviewer.post(`/api/workflow/instances/${zj.id}/actions/request_supplement`, {
      comment: '请补充施工图审查合格书',
    })
    expect(s.statusCode).toBe(200)
    const mine = (await branchesOf(caseId)).find((b) => b.id === zj.id)!
    expect(mine.actions.map((a) => a.key)).toEqual(['supply'])
    expect((await ent.post(`/api/workflow/instances/${zj.id}/actions/supply`, {})).statusCode).toBe(200)
  })

  it('the certificates are held until every department approved, then issued together (四证齐发)', async () => {
    await approveAll(caseId, ['MP-ZRJ'])
    let c = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    expect(c.status).toBe('in_review')
    expect(c.items.filter((i: { certificateId: string | null }) => i.certificateId)).toEqual([])
    await approveAll(caseId)
    c = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    expect(
      c.workflow.nodes.find((n: Node) => n.id === c.workflow.rootId).state,
      JSON.stringify(
        c.workflow.nodes.map((n: Node & { status: string; stateName: string }) => [
          n.branch?.departmentCode,
          n.state,
          n.status,
        ]),
      ),
    ).toBe('issuance')
    expect(c.status).toBe('awaiting_issuance')
    // The 容缺 materials are supplied before unified issuance (issuing without them needs a recorded reason).
    const { uploadPdf } = await import('./factories.ts')
    for (const m of c.materials.filter((x: { pending: boolean }) => x.pending)) {
      const s = await ent.post(`/api/approval/cases/${caseId}/materials/${m.code}`, { fileId: await uploadPdf(ent) })
      expect(s.statusCode, s.body).toBe(200)
    }
    const clerk = await t.login('window')
    const issue = await clerk.post(`/api/workflow/instances/${c.workflow.rootId}/actions/issue`, {})
    expect(issue.statusCode, issue.body).toBe(200)
    c = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    expect(c.status).toBe('issued')
    const certs = c.items.filter((i: { certificateId: string | null }) => i.certificateId)
    expect(certs.length).toBe(4)
    const list = (await ent.get(`/api/certificates?subjectType=approval_case&subjectId=${caseId}`)).json()
    expect(list.items).toHaveLength(4)
    expect(new Set(list.items.map((x: { batchId?: string; issuedAt: string }) => x.issuedAt)).size).toBe(1)
    // Select answers print as their wording, not their stored value.
    const land = await t.platform.db.query(
      `select payload from certificate_certificate where kind = 'land_use_planning'`,
    )
    expect(land.rows[0]!.payload.landUse).toBe('工业用地')
  })

  it('the applicant rates once; a second rating is 409; enterprise B cannot rate', async () => {
    const r = await ent.post(`/api/approval/cases/${caseId}/rating`, { level: 5, channel: 'online' })
    expect(r.statusCode, r.body).toBe(200)
    expect(r.json().rating.level).toBe(5)
    expect((await ent.post(`/api/approval/cases/${caseId}/rating`, { level: 4 })).statusCode).toBe(409)
    const other = await t.login('other.company')
    expect((await other.post(`/api/approval/cases/${caseId}/rating`, { level: 1, reasons: ['其他'] })).statusCode).toBe(
      404,
    )
  })

  it('on-time statistics per department, item and theme; zone savings', async () => {
    const leader = await t.login('leader')
    const s = (await leader.get('/api/approval/stats/on-time')).json()
    expect(s.overall.finished).toBeGreaterThan(0)
    expect(s.overall.rate).toBe(1)
    expect(s.byDepartment.length).toBeGreaterThanOrEqual(4)
    expect(s.byItem.length).toBeGreaterThan(s.byDepartment.length)
    expect(s.byTheme).toContainEqual(expect.objectContaining({ key: THEME, name: expect.stringContaining('工程建设') }))
    const z = (await leader.get('/api/approval/stats/zone-savings')).json()
    expect(z.totalYuan).toBeGreaterThan(0)
  })
})

describe('window intake and withdrawal', () => {
  it('a clerk files at the window for an enterprise; the case records clerk and channel; withdrawal ends the branches', async () => {
    const clerk = await t.login('window')
    const app = await application(clerk, { form: { projectType: 'commercial', landGrantWithScheme: false } })
    const r = await clerk.post('/api/approval/window/cases', {
      ...app,
      principal: {
        enterpriseName: '烟台如鱼生物科技有限公司',
        enterpriseUscc: '91370612MA3C12346J',
        contactName: '王磊',
        contactMobile: '13905350011',
      },
    })
    expect(r.statusCode, r.body).toBe(201)
    const c = r.json()
    expect(c).toMatchObject({ channel: 'window', variantName: '一般项目' })
    // The enterprise account with that USCC follows the case too.
    const seen = await ent.get(`/api/approval/cases/${c.id}`)
    expect(seen.statusCode).toBe(200)
    const w = await ent.post(`/api/workflow/instances/${seen.json().workflow.rootId}/actions/withdraw`, {
      comment: '项目调整，撤回申请',
    })
    expect(w.statusCode).toBe(200)
    const after = (await ent.get(`/api/approval/cases/${c.id}`)).json()
    expect(after.status).toBe('withdrawn')
    expect(after.workflow.nodes.filter((n: { status: string }) => n.status === 'active')).toEqual([])
    // Acting on a withdrawn case is refused.
    const zj = after.workflow.nodes.find((n: Node) => n.branch?.departmentCode === 'MP-FGJ')
    const again = await (await t.login('fgj')).post(`/api/workflow/instances/${zj.id}/actions/accept`, {})
    expect(again.statusCode).toBe(422)
  })
})
