import { createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'
import { reviewSpec, themeSpec } from './fixtures.ts'

// Enterprise A never sees enterprise B's process; a department never acts on another's branch; a double action
// is refused; actions offered are exactly those the caller may take.
let t: TestContext
let rootId: string
let branchId: string

beforeAll(async () => {
  t = await createTestContext()
  const zj = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-ZJJ'`)).rows[0]!.id
  const applicantId = (await t.platform.db.query(`select id from core_user where username = 'enterprise'`)).rows[0]!.id
  await t.platform.db.tx(async (tx) => {
    await t.platform.auth.createUser(tx, SYSTEM_ACTOR, {
      username: 'other.company',
      displayName: '烟台另一家公司',
      kind: 'enterprise',
      password: 'Ruyu@2026',
      enterpriseUscc: '91350100M000100Y43',
      posts: [{ role: 'enterprise_user', scopeDivisionCode: '370612' }],
    })
  })
  const spec = themeSpec('all')
  const root = await t.platform.db.tx(async (tx) => {
    await t.services.workflow.publish(tx, reviewSpec, SYSTEM_ACTOR)
    await t.services.workflow.publish(tx, spec, SYSTEM_ACTOR)
    return t.services.workflow.start(
      tx,
      {
        definitionKey: spec.key,
        subjectType: 'test_case',
        subjectId: 'c-http',
        title: '牟平区某厂房项目',
        divisionCode: '370612106',
        applicantId,
        context: { branches: [{ key: 'zj', name: '住建局', departmentId: zj }] },
      },
      SYSTEM_ACTOR,
    )
  })
  rootId = root.id
  branchId = (await t.services.workflow.tree(null, rootId)).nodes.find((n) => n.parentId === rootId)!.id
})
afterAll(() => t.close())

describe('workflow over HTTP', () => {
  it('the applicant sees the process; another enterprise and an out-of-scope town clerk get 404', async () => {
    const ent = await t.login('enterprise')
    expect((await ent.get(`/api/workflow/instances/${rootId}`)).statusCode).toBe(200)
    const other = await t.login('other.company')
    const r = await other.get(`/api/workflow/instances/${rootId}`)
    expect(r.statusCode).toBe(404)
    expect(r.json().code).toBe('WORKFLOW_INSTANCE_NOT_FOUND')
    expect((await other.post(`/api/workflow/instances/${branchId}/actions/supply`, {})).statusCode).toBe(404)
    const ninghai = await t.login('ninghai')
    expect((await ninghai.get(`/api/workflow/instances/${rootId}`)).statusCode).toBe(404)
  })

  it('offers the reviewer exactly the actions of the current step, and nothing to the applicant', async () => {
    const zj = await t.login('reviewer')
    const tree = (await zj.get(`/api/workflow/instances/${rootId}`)).json()
    expect(
      tree.nodes.find((n: { id: string }) => n.id === branchId).actions.map((a: { key: string }) => a.key),
    ).toEqual(['accept'])
    const ent = await t.login('enterprise')
    const mine = (await ent.get(`/api/workflow/instances/${rootId}`)).json()
    expect(mine.nodes.every((n: { actions: unknown[] }) => n.actions.length === 0)).toBe(true)
  })

  it('accept → approve; a stale expectedVersion is 409; approving again is 409 (the step it was offered in is gone)', async () => {
    const zj = await t.login('reviewer')
    const accepted = await zj.post(`/api/workflow/instances/${branchId}/actions/accept`, {})
    expect(accepted.statusCode).toBe(200)
    const stale = await zj.post(`/api/workflow/instances/${branchId}/actions/approve`, {
      comment: '同意',
      expectedVersion: 1,
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('WORKFLOW_CONFLICT')
    const ok = await zj.post(`/api/workflow/instances/${branchId}/actions/approve`, { comment: '同意' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().nodes.find((n: { id: string }) => n.id === rootId).state).toBe('issuing')
    const again = await zj.post(`/api/workflow/instances/${branchId}/actions/approve`, { comment: '同意' })
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('WORKFLOW_CONFLICT')
    // The history names the person and the step, never the login or the keys (issue #10: `unit acknowledge`).
    const history = ok.json().history as {
      action: string
      actorName: string
      actionName: string
      toStateName: string
    }[]
    const accept = (await zj.get(`/api/workflow/instances/${rootId}`))
      .json()
      .history.find((h: { action: string }) => h.action === 'accept')
    expect(accept).toMatchObject({ actorName: '住建局审批员 李强', actionName: '受理', toStateName: '审查中' })
    expect(history.find((h) => h.action === 'approve')).toMatchObject({
      actionName: '同意',
      toStateName: expect.any(String),
    })
  })

  it('an unknown action is 422 and a malformed one 400', async () => {
    const clerk = await t.login('window')
    expect((await clerk.post(`/api/workflow/instances/${rootId}/actions/fly_away`, {})).statusCode).toBe(422)
    expect((await clerk.post(`/api/workflow/instances/${rootId}/actions/DROP TABLE`, {})).statusCode).toBe(400)
  })

  it('the window clerk worklist shows the issuance task sorted by deadline', async () => {
    const clerk = await t.login('window')
    const list = (await clerk.get('/api/workflow/tasks')).json()
    expect(
      list.items.some((i: { rootId: string; taskName: string }) => i.rootId === rootId && i.taskName === '统一出件'),
    ).toBe(true)
  })

  it('participation is by role and department together: the fire inspector never reads the brigade’s branches', async () => {
    const xfd = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-XFD'`)).rows[0]!.id
    const root = await t.platform.db.tx((tx) =>
      t.services.workflow.start(
        tx,
        {
          definitionKey: themeSpec('all').key,
          subjectType: 'test_case',
          subjectId: 'c-fire',
          title: '牟平区某商场消防审查',
          divisionCode: '370612001',
          applicantId: null,
          context: { branches: [{ key: 'xfd', name: '消防大队', departmentId: xfd }] },
        },
        SYSTEM_ACTOR,
      ),
    )
    const reviewer = await t.login('xfd') // the brigade's reviewer holds the branch task
    expect((await reviewer.get(`/api/workflow/instances/${root.id}`)).statusCode).toBe(200)
    const inspector = await t.login('inspector') // a post of the same brigade, with another role
    const r = await inspector.get(`/api/workflow/instances/${root.id}`)
    expect(r.statusCode).toBe(404)
    expect(r.json().code).toBe('WORKFLOW_INSTANCE_NOT_FOUND')
    expect((await inspector.get('/api/workflow/tasks')).json().total).toBe(0)
  })
})
