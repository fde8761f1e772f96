import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MATERIAL_DUE_QUEUE, type MaterialTimer, materialTimers } from '../deferred.ts'
import type { StageBranches } from '../domain.ts'
import { caseSpec } from '../process.ts'
import { application, uploadPdf } from './factories.ts'

// Issue 10 §2: 容缺 due dates were stored but not enforced; certificates could be issued while deferred materials
// were missing, with no warning; 撤回申请 stayed offered after issuance. What must hold: the applicant is reminded
// before the due date and the case is escalated when it passes (durable jobs, each effect once); unified issuance
// is refused while materials are missing unless the window states why, and that decision is recorded; withdrawal is
// not offered once the certificates are out.
let t: TestContext
let ent: Client
let window: Client
let caseId: string
let rootId: string
let pending: { code: string; name: string; dueDate: string }[]

type Node = { id: string; parentId: string | null; branch: { departmentCode: string } | null; state: string }

async function inbox(username: string) {
  await t.platform.events.drain()
  const id = (await t.platform.db.query('select id from core_user where username = $1', [username])).rows[0]!.id
  return (await t.platform.notifications.list(id, { unreadOnly: false, limit: 200, offset: 0 })).items as {
    title: string
    body: string
    link: string | null
  }[]
}

async function jobsOf(id: string): Promise<{ id: string; data: MaterialTimer; startAfter: Date }[]> {
  const { rows } = await t.platform.db.query(
    `select id, data, start_after from pgboss.job where name = $1 and data->>'caseId' = $2 order by data->>'code', data->>'kind'`,
    [MATERIAL_DUE_QUEUE, id],
  )
  return rows.map((r) => ({ id: r.id, data: r.data, startAfter: r.start_after }))
}

async function approveAll() {
  const d = (await ent.get(`/api/approval/cases/${caseId}`)).json()
  for (const b of (d.workflow.nodes as (Node & { status: string })[]).filter(
    (n) => n.branch && n.status === 'active',
  )) {
    const code = b.branch!.departmentCode
    const r = await t.login(code === 'MP-ZJJ' ? 'reviewer' : code.slice(3).toLowerCase())
    if (b.state === 'pending') await r.post(`/api/workflow/instances/${b.id}/actions/accept`, {})
    const res = await r.post(`/api/workflow/instances/${b.id}/actions/approve`, { comment: '经审查，符合要求，同意' })
    expect(res.statusCode, res.body).toBe(200)
  }
}

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  window = await t.login('window')
  const app = await application(ent, { pending: 2 })
  const r = await ent.post('/api/approval/cases', app)
  expect(r.statusCode, r.body).toBe(201)
  caseId = r.json().id
  pending = r.json().materials.filter((m: { pending: boolean }) => m.pending)
  rootId = (await ent.get(`/api/approval/cases/${caseId}`)).json().workflow.rootId
})
afterAll(() => t.close())

describe('reminders and escalation of deferred materials', () => {
  it('arms a reminder 3 working days before the due date (09:00) and an escalation the day after it', async () => {
    const jobs = await jobsOf(caseId)
    expect(jobs.map((j) => `${j.data.code}:${j.data.kind}`)).toEqual(
      pending.flatMap((m) => [`${m.code}:escalate`, `${m.code}:remind`]),
    )
    // Due 2026-12-31 (a Thursday): 2026-12-28 is three working days before; escalation at 2027-01-01 00:00 CST.
    const remind = jobs.find((j) => j.data.kind === 'remind')!
    const escalate = jobs.find((j) => j.data.kind === 'escalate')!
    expect(pending[0]!.dueDate).toBe('2026-12-31')
    expect(remind.data.at).toBe('2026-12-28T01:00:00.000Z')
    expect(remind.startAfter.toISOString()).toBe(remind.data.at)
    expect(escalate.data.at).toBe('2026-12-31T16:00:00.000Z')
  })

  it('the pure schedule: a due date too close gets its reminder at once, never in the past', () => {
    const now = new Date('2026-12-30T02:00:00.000Z')
    const timers = materialTimers('c', [{ code: 'M-X', dueDate: '2026-12-31' }], 3, () => '2026-12-28', now)
    expect(timers).toEqual([
      { caseId: 'c', code: 'M-X', dueDate: '2026-12-31', kind: 'remind', at: now.toISOString() },
      { caseId: 'c', code: 'M-X', dueDate: '2026-12-31', kind: 'escalate', at: '2026-12-31T16:00:00.000Z' },
    ])
  })

  it('a reminder reaches the applicant once, even when its job is delivered twice', async () => {
    const remind = (await jobsOf(caseId)).find((j) => j.data.kind === 'remind' && j.data.code === pending[0]!.code)!
    await t.services.approval.handleMaterialTimer(remind.data, remind.id)
    await t.services.approval.handleMaterialTimer(remind.data, remind.id)
    const notes = (await inbox('enterprise')).filter((n) => n.title === '容缺材料补齐提醒')
    expect(notes).toHaveLength(1)
    expect(notes[0]!.body).toContain(pending[0]!.name)
    expect(notes[0]!.body).toContain('2026-12-31')
    expect(notes[0]!.link).toBe(`/approval/cases/${caseId}`)
    expect((await ent.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(200)
  })

  it('past the due date the case is escalated to the window; a material supplied meanwhile is not', async () => {
    const fileId = await uploadPdf(ent)
    const supplied = await ent.post(`/api/approval/cases/${caseId}/materials/${pending[1]!.code}`, { fileId })
    expect(supplied.statusCode, supplied.body).toBe(200)
    for (const j of (await jobsOf(caseId)).filter((x) => x.data.kind === 'escalate'))
      await t.services.approval.handleMaterialTimer(j.data, j.id)
    const clerkNotes = (await inbox('window')).filter((n) => n.title === '容缺材料逾期未补齐')
    expect(clerkNotes).toHaveLength(1)
    expect(clerkNotes[0]!.body).toContain(pending[0]!.name)
    expect(clerkNotes[0]!.link).toBe(`/approval/cases/${caseId}`)
    expect((await window.get(`/api/approval/cases/${caseId}`)).statusCode).toBe(200)
    expect((await inbox('enterprise')).filter((n) => n.title === '容缺材料逾期未补齐')).toHaveLength(1)
    const rows = await t.platform.db.query(
      'select code, overdue_at is not null as overdue from approval_case_material where case_id = $1 and code = any($2)',
      [caseId, pending.map((m) => m.code)],
    )
    expect(Object.fromEntries(rows.rows.map((r) => [r.code, r.overdue]))).toEqual({
      [pending[0]!.code]: true,
      [pending[1]!.code]: false,
    })
    const audit = await t.platform.db.query(
      `select count(*)::int n from core_audit_log where action = 'approval.material.overdue' and resource_id = $1`,
      [caseId],
    )
    expect(audit.rows[0]!.n).toBe(1)
  })
})

describe('unified issuance with a deferred material missing', () => {
  it('is refused with the missing materials named, then allowed with a reason that is recorded', async () => {
    await approveAll()
    const before = (await window.get(`/api/approval/cases/${caseId}`)).json()
    expect(before.status).toBe('awaiting_issuance')
    const refused = await window.post(`/api/workflow/instances/${rootId}/actions/issue`, {})
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('APPROVAL_MATERIALS_PENDING')
    expect(refused.json().details.materials).toEqual([
      expect.objectContaining({ code: pending[0]!.code, name: pending[0]!.name, dueDate: '2026-12-31' }),
    ])
    expect((await window.get(`/api/approval/cases/${caseId}`)).json().status).toBe('awaiting_issuance')
    const noReason = await window.post(`/api/workflow/instances/${rootId}/actions/issue`, {
      data: { overrideReason: ' ' },
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().code).toBe('VALIDATION_FAILED')
    const ok = await window.post(`/api/workflow/instances/${rootId}/actions/issue`, {
      data: { overrideReason: '申请人已书面承诺限期补齐，项目急需开工' },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    const after = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    expect(after.status).toBe('issued')
    expect(after.issueOverrides).toEqual([
      {
        decidedByName: 'window',
        reason: '申请人已书面承诺限期补齐，项目急需开工',
        materials: [expect.objectContaining({ code: pending[0]!.code })],
        decidedAt: expect.any(String),
      },
    ])
    const windowId = (await t.platform.db.query(`select id from core_user where username = 'window'`)).rows[0]!.id
    const audit = await t.platform.db.query(
      `select actor_id, data from core_audit_log where action = 'approval.issuance.override' and resource_id = $1`,
      [caseId],
    )
    expect(audit.rows).toEqual([
      { actor_id: windowId, data: expect.objectContaining({ materials: [pending[0]!.code] }) },
    ])
  })

  it('after issuance 撤回申请 is no longer offered, and a withdrawal is refused', async () => {
    const d = (await ent.get(`/api/approval/cases/${caseId}`)).json()
    const root = d.workflow.nodes.find((n: Node) => n.id === rootId)
    expect(root.actions.map((a: { key: string }) => a.key)).not.toContain('withdraw')
    const w = await ent.post(`/api/workflow/instances/${rootId}/actions/withdraw`, { comment: '不想办了' })
    expect(w.statusCode).toBeGreaterThanOrEqual(400)
    expect(w.statusCode).toBeLessThan(500)
    expect((await ent.get(`/api/approval/cases/${caseId}`)).json().status).toBe('issued')
  })

  it('the generated definition offers withdrawal on the stages before issuance only', () => {
    const branch = (dept: string, kind: string | null) => ({
      key: dept,
      name: dept,
      departmentId: dept,
      items: [{ code: dept, name: dept, committedDays: 5, certificate: null, certificateKind: kind }],
      sla: { amount: 5, unit: 'workday' as const },
    })
    const stages: StageBranches[] = [
      { no: 1, name: '立项用地规划许可', branches: [branch('A', 'land-use-planning-permit')] },
      { no: 2, name: '施工许可', branches: [branch('B', 'construction-permit')] },
      { no: 3, name: '竣工验收', branches: [branch('C', null)] },
    ]
    const spec = caseSpec('approval.test', '测试', stages, 20)
    const offers = (k: string) => (spec.states[k]!.actions ?? []).some((a) => a.key === 'withdraw')
    expect([offers('stage_1'), offers('stage_2'), offers('issuance'), offers('stage_3')]).toEqual([
      true,
      true,
      false,
      false,
    ])
  })
})
