import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application } from './factories.ts'

// 默认同意 is a catalogue setting per item: a department branch whose items all allow it is approved by the system
// when its deadline timer fires; a branch without it is only flagged red.
let t: TestContext
let ent: Client

type Node = { id: string; parentId: string | null; branch: { departmentCode: string } | null; state: string }

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
})
afterAll(() => t.close())

async function dueTimer(instanceId: string) {
  const { rows } = await t.platform.db.query(
    `select id, due_at from workflow_task where instance_id = $1 and status = 'open'`,
    [instanceId],
  )
  return { taskId: rows[0]!.id as string, kind: 'due' as const, at: (rows[0]!.due_at as Date).toISOString() }
}

describe('默认同意 (deemed consent)', () => {
  it('is stored per item, shown in the item and carried into the case branches', async () => {
    const admin = await t.login('admin')
    const zj = (await admin.get('/api/catalog/items?department=MP-ZJJ&pageSize=100')).json()
    expect(zj.items.length).toBeGreaterThan(0)
    for (const summary of zj.items as { code: string }[]) {
      const item = (await admin.get(`/api/catalog/items/${summary.code}`)).json()
      expect(item.deemedConsent).toBe(false)
      const { code: _, version, current: __, departmentName: ___, createdAt: ____, createdBy: _____, ...rest } = item
      const r = await admin.put(`/api/catalog/items/${summary.code}`, {
        ...rest,
        baseVersion: version,
        deemedConsent: true,
        changeNote: '开启逾期默认同意',
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json().deemedConsent).toBe(true)
    }
  })

  it('a branch with deemed consent reaching its deadline is approved by the system; others are only flagged', async () => {
    const r = await ent.post('/api/approval/cases', await application(ent))
    expect(r.statusCode, r.body).toBe(201)
    const d = (await ent.get(`/api/approval/cases/${r.json().id}`)).json()
    const branches = (d.workflow.nodes as Node[]).filter((n) => n.parentId === d.workflow.rootId && n.branch)
    const zj = branches.find((b) => b.branch!.departmentCode === 'MP-ZJJ')!
    const other = branches.find((b) => b.branch!.departmentCode !== 'MP-ZJJ')!
    expect((zj.branch as { deemedConsent?: boolean }).deemedConsent).toBe(true)
    expect((other.branch as { deemedConsent?: boolean }).deemedConsent).toBe(false)

    // The durable due timers fire (the job pg-boss would deliver at the deadline).
    await t.services.workflow.handleTimer(await dueTimer(zj.id))
    await t.services.workflow.handleTimer(await dueTimer(other.id))

    expect((await t.services.workflow.instance(zj.id))!.state).toBe('approved')
    expect((await t.services.workflow.instance(other.id))!.state).toBe('pending')
    const after = (await ent.get(`/api/approval/cases/${r.json().id}`)).json()
    const h = (after.workflow.history as { instanceId: string; action: string; actorKind: string; comment: string }[])
      .filter((x) => x.instanceId === zj.id)
      .find((x) => x.action === 'deemed_consent')!
    expect(h.actorKind).toBe('system')
    expect(h.comment).toContain('默认同意')
    expect(
      (after.workflow.history as { instanceId: string; action: string }[]).some(
        (x) => x.instanceId === other.id && x.action === 'deemed_consent',
      ),
    ).toBe(false)
  })
})
