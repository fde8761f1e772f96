import { createTestContext, type TestContext } from '@ruyu/testkit'
import { buildTestPlatform } from '@ruyu/testkit/platform'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import type { Principal } from '../../../platform/auth/service.ts'
import { reviewSpec, themeSpec } from './fixtures.ts'

let t: TestContext
const dept: Record<string, string> = {}
const signalled: string[] = []
let applicantId: string

async function principal(username: string): Promise<Principal> {
  const c = await t.login(username)
  const token = c.cookie!.split('=')[1]!
  return (await t.platform.auth.fromSession(token))!
}

async function startTheme(
  spec = themeSpec('all'),
  branches = ['MP-ZJJ', 'MP-ZRJ', 'MP-HBJ'],
  extra: Record<string, unknown> = {},
) {
  return t.platform.db.tx(async (tx) => {
    await t.services.workflow.publish(tx, reviewSpec, SYSTEM_ACTOR)
    await t.services.workflow.publish(tx, spec, SYSTEM_ACTOR)
    return t.services.workflow.start(
      tx,
      {
        definitionKey: spec.key,
        subjectType: 'test_case',
        subjectId: crypto.randomUUID(),
        title: '烟台如鱼生物医药产业园项目',
        divisionCode: '370612106',
        applicantId,
        context: {
          branches: branches.map((code) => ({
            key: code,
            name: code,
            departmentId: dept[code],
            sla: { amount: 5, unit: 'workday', warnBefore: 1 },
            ...extra,
          })),
        },
      },
      SYSTEM_ACTOR,
    )
  })
}

const branchOf = async (rootId: string, code: string) =>
  (await t.services.workflow.tree(null, rootId)).nodes.find((n) => n.branch?.key === code)!

beforeAll(async () => {
  t = await createTestContext()
  for (const r of (await t.platform.db.query(`select id, code from core_org_unit`)).rows) dept[r.code] = r.id
  applicantId = (await t.platform.db.query(`select id from core_user where username = 'enterprise'`)).rows[0]!.id
  t.services.workflow.onSignal('test_issue', async (_tx, ctx) => {
    signalled.push(ctx.root.id)
  })
  // Reviewers of three departments, as the demo has one (住建); the others are created here.
  for (const [username, code] of [
    ['zr.reviewer', 'MP-ZRJ'],
    ['hb.reviewer', 'MP-HBJ'],
  ]) {
    await t.platform.db.tx((tx) =>
      t.platform.auth.createUser(tx, SYSTEM_ACTOR, {
        username: username!,
        displayName: username!,
        kind: 'staff',
        password: 'Ruyu@2026',
        posts: [{ role: 'dept_reviewer', scopeDivisionCode: '370612', departmentId: dept[code!] }],
      }),
    )
  }
})
afterAll(() => t.close())

describe('workflow engine on PostgreSQL', () => {
  it('publishing the same spec twice keeps one version; a change makes version 2 and running instances stay pinned', async () => {
    const spec = themeSpec('any')
    const v1 = await t.platform.db.tx((tx) => t.services.workflow.publish(tx, spec, SYSTEM_ACTOR))
    const again = await t.platform.db.tx((tx) => t.services.workflow.publish(tx, spec, SYSTEM_ACTOR))
    expect(again.id).toBe(v1.id)
    const inst = await startTheme(spec)
    const changed = structuredClone(spec)
    changed.states.issuing!.name = '统一出件（新）'
    const v2 = await t.platform.db.tx((tx) => t.services.workflow.publish(tx, changed, SYSTEM_ACTOR))
    expect(v2.version).toBe(v1.version + 1)
    expect((await t.services.workflow.instance(inst.id))!.definitionId).toBe(v1.id)
  })

  it('fans out one branch per department, each with its own deadline, visible only in its own department worklist', async () => {
    const root = await startTheme()
    const tree = await t.services.workflow.tree(null, root.id)
    const branches = tree.nodes.filter((n) => n.parentId === root.id)
    expect(branches.map((b) => b.branch!.key).sort()).toEqual(['MP-HBJ', 'MP-ZJJ', 'MP-ZRJ'])
    expect(branches.every((b) => b.state === 'pending' && b.dueAt)).toBe(true)
    const zj = await principal('reviewer')
    const list = await t.services.workflow.worklist(zj, { limit: 100, offset: 0 })
    const mine = list.items.filter((i) => i.rootId === root.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.branchName).toBe('MP-ZJJ')
    expect(mine[0]!.sla).toBe('on_track')
  })

  it('a reviewer of another department cannot act on the branch (403), and the right one can', async () => {
    const root = await startTheme()
    const zjBranch = await branchOf(root.id, 'MP-ZJJ')
    const hb = await principal('hb.reviewer')
    await expect(
      t.services.workflow.act(hb, { kind: 'user', id: hb.userId }, zjBranch.id, 'accept', {}),
    ).rejects.toMatchObject({
      code: 'WORKFLOW_NOT_PERMITTED',
    })
    const zj = await principal('reviewer')
    const after = await t.services.workflow.act(zj, { kind: 'user', id: zj.userId }, zjBranch.id, 'accept', {})
    expect(after.state).toBe('reviewing')
  })

  it('approve needs an opinion; approving twice is a conflict; all three approvals join and reach issuance', async () => {
    const root = await startTheme()
    for (const [user, code] of [
      ['reviewer', 'MP-ZJJ'],
      ['zr.reviewer', 'MP-ZRJ'],
      ['hb.reviewer', 'MP-HBJ'],
    ] as const) {
      const p = await principal(user)
      const b = await branchOf(root.id, code)
      await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'accept', {})
      await expect(
        t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'approve', {}),
      ).rejects.toMatchObject({
        code: 'WORKFLOW_COMMENT_REQUIRED',
      })
      await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'approve', { comment: '符合要求，同意' })
      await expect(
        t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'approve', { comment: '再次同意' }),
      ).rejects.toMatchObject({ code: 'WORKFLOW_CONFLICT' })
    }
    const tree = await t.services.workflow.tree(null, root.id)
    expect(tree.nodes.find((n) => n.id === root.id)!.state).toBe('issuing')
    expect(tree.history.some((h) => h.action === 'join:approved')).toBe(true)
    const clerk = await principal('window')
    const done = await t.services.workflow.act(clerk, { kind: 'user', id: clerk.userId }, root.id, 'issue', {})
    expect(done.status).toBe('completed')
    expect(signalled).toContain(root.id)
  })

  it('reject_on_first: one rejection refuses the case and cancels the other branches', async () => {
    const root = await startTheme(themeSpec('reject_on_first'))
    const p = await principal('reviewer')
    const b = await branchOf(root.id, 'MP-ZJJ')
    await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'accept', {})
    await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'reject', { comment: '不符合规划条件' })
    const tree = await t.services.workflow.tree(null, root.id)
    expect(tree.nodes.find((n) => n.id === root.id)).toMatchObject({
      state: 'refused',
      status: 'completed',
      outcome: 'rejected',
    })
    expect(tree.nodes.filter((n) => n.status === 'cancelled')).toHaveLength(2)
  })

  it('a supplement pauses the branch and the case clock, notifies the applicant, and moves deadlines on resume', async () => {
    const root = await startTheme()
    const p = await principal('reviewer')
    const b = await branchOf(root.id, 'MP-ZJJ')
    await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'accept', {})
    await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'request_supplement', {
      comment: '请补充总平面图',
    })
    let tree = await t.services.workflow.tree(null, root.id)
    const paused = tree.nodes.find((n) => n.id === b.id)!
    expect(paused.sla).toBe('paused')
    expect(tree.nodes.find((n) => n.id === root.id)!.pausedAt).not.toBeNull()
    await t.platform.events.drain()
    const inbox = await t.platform.notifications.list(applicantId, { unreadOnly: true, limit: 50, offset: 0 })
    expect(inbox.items.some((n) => n.title === '补正通知' && n.body.includes('MP-ZJJ'))).toBe(true)
    // The applicant sees the supplement task in their own worklist and supplies.
    const ent = await principal('enterprise')
    expect(
      (await t.services.workflow.worklist(ent, { limit: 50, offset: 0 })).items.some((i) => i.instanceId === b.id),
    ).toBe(true)
    // Pretend the pause lasted 3 working days: move its start back.
    await t.platform.db.query(
      `update workflow_instance set paused_at = paused_at - interval '7 days' where id = any($1)`,
      [[b.id, root.id]],
    )
    const dueBefore = new Date(paused.dueAt!)
    await t.services.workflow.act(ent, { kind: 'user', id: ent.userId }, b.id, 'supply', {})
    tree = await t.services.workflow.tree(null, root.id)
    const resumed = tree.nodes.find((n) => n.id === b.id)!
    expect(resumed.state).toBe('reviewing')
    expect(resumed.pausedAt).toBeNull()
    expect(new Date(resumed.dueAt!).getTime()).toBeGreaterThan(dueBefore.getTime())
    expect(tree.nodes.find((n) => n.id === root.id)!.pausedAt).toBeNull()
  })

  it('two reviewers acting on the same task at once: one succeeds, the other gets 409, history has one approval', async () => {
    const root = await startTheme()
    const b = await branchOf(root.id, 'MP-ZJJ')
    const p = await principal('reviewer')
    await t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'accept', {})
    const results = await Promise.allSettled([
      t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'approve', { comment: '同意 A' }),
      t.services.workflow.act(p, { kind: 'user', id: p.userId }, b.id, 'reject', { comment: '不同意 B' }),
    ])
    const ok = results.filter((r) => r.status === 'fulfilled')
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
    expect(ok).toHaveLength(1)
    expect(failed).toHaveLength(1)
    expect(failed[0]!.reason.code).toBe('WORKFLOW_CONFLICT')
    const history = (await t.services.workflow.tree(null, root.id)).history.filter((h) => h.instanceId === b.id)
    expect(history.filter((h) => h.action === 'approve' || h.action === 'reject')).toHaveLength(1)
  })

  it('the transition history is append-only', async () => {
    await expect(t.platform.db.query(`delete from workflow_transition`)).rejects.toThrow(/append-only/)
  })

  it('durable timers: with the server stopped past the deadline, the timer fires after restart (red card + 默认同意)', async () => {
    const root = await startTheme(themeSpec('all'), ['MP-ZJJ'], {
      sla: { amount: 0.0008, unit: 'hour' },
      deemedConsent: true,
    })
    const b = await branchOf(root.id, 'MP-ZJJ')
    // This test context runs no workers: the timer is a pg-boss row. "Restart" = a second platform with workers.
    await new Promise((r) => setTimeout(r, 3500))
    const restarted = await buildTestPlatform(t.url, { jobs: true })
    try {
      restarted.services.workflow.onSignal('test_issue', async () => {})
      await restarted.platform.startBackground()
      const deadline = Date.now() + 20_000
      let state = ''
      while (Date.now() < deadline) {
        state = (await t.services.workflow.instance(b.id))!.state
        if (state === 'approved') break
        await new Promise((r) => setTimeout(r, 300))
      }
      expect(state).toBe('approved')
      const task = await t.platform.db.query(
        `select sla_flag from workflow_task where instance_id = $1 and state = 'pending'`,
        [b.id],
      )
      expect(task.rows[0]!.sla_flag).toBe('overdue')
      const h = (await t.services.workflow.tree(null, root.id)).history.find((x) => x.action === 'deemed_consent')!
      expect(h.actorKind).toBe('system')
      expect((await t.services.workflow.instance(root.id))!.state).toBe('issuing')
    } finally {
      await restarted.platform.close()
    }
  })
})
