import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application } from './factories.ts'

// A theme case is acted on through the generic workflow endpoint (issue #9 §2): each action takes only the data it
// declares, never a routing key.
let t: TestContext
let ent: Client
let caseId: string
let rootId: string

type Node = { id: string; parentId: string | null; branch: { departmentCode: string } | null }

async function branches(): Promise<Node[]> {
  const d = (await ent.get(`/api/approval/cases/${caseId}`)).json()
  return d.workflow.nodes.filter((n: Node) => n.parentId === d.workflow.rootId && n.branch)
}

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  const r = await ent.post('/api/approval/cases', await application(ent))
  expect(r.statusCode, r.body).toBe(201)
  caseId = r.json().id
  rootId = (await ent.get(`/api/approval/cases/${caseId}`)).json().workflow.rootId
})
afterAll(() => t.close())

const refused = (r: { statusCode: number; json: () => any }, keys: string[]) => {
  expect(r.statusCode).toBe(422)
  expect(r.json().code).toBe('WORKFLOW_INPUT_INVALID')
  expect(r.json().details.keys).toEqual(keys)
}

describe('caller data on a theme case', () => {
  it('the case definition and the review branches refuse undeclared and routing keys, and take declared ones', async () => {
    const zj = (await branches()).find((b) => b.branch!.departmentCode === 'MP-ZJJ')!
    const reviewer = await t.login('reviewer')
    const url = (node: string, action: string) => `/api/workflow/instances/${node}/actions/${action}`
    const other = (await t.platform.db.query(`select id from core_org_unit where code = 'MP-XFD'`)).rows[0]!.id
    refused(await reviewer.post(url(zj.id, 'accept'), { data: { departmentId: other } }), ['departmentId'])
    refused(await reviewer.post(url(zj.id, 'accept'), { data: { branch: { departmentId: other } } }), ['branch'])
    refused(await reviewer.post(url(zj.id, 'accept'), { data: { fast: true } }), ['fast'])
    expect((await reviewer.post(url(zj.id, 'accept'), {})).statusCode).toBe(200)
    refused(
      await reviewer.post(url(zj.id, 'request_supplement'), {
        comment: '补正',
        data: { materials: ['X'], unitId: other },
      }),
      ['unitId'],
    )
    const s = await reviewer.post(url(zj.id, 'request_supplement'), {
      comment: '请补充施工图审查合格书',
      data: { materials: ['MAT-SGTSC'] },
    })
    expect(s.statusCode, s.body).toBe(200)
    const history = s.json().history.find((h: { action: string }) => h.action === 'request_supplement')
    expect(history).toBeTruthy()
    // The applicant supplies: no data declared, none taken; then plainly.
    refused(await ent.post(url(zj.id, 'supply'), { data: { assignee: 'enterprise' } }), ['assignee'])
    expect((await ent.post(url(zj.id, 'supply'), {})).statusCode).toBe(200)
    // The case root: withdrawing takes no data, least of all its stage plan.
    refused(await ent.post(url(rootId, 'withdraw'), { comment: '撤回', data: { stages: [] } }), ['stages'])

    // Every action of the case's own definition (published with the case) declares no routing key for callers.
    const key = (
      await t.platform.db.query(
        `select d.key from workflow_instance i join workflow_definition d on d.id = i.definition_id where i.id = $1`,
        [rootId],
      )
    ).rows[0]!.key as string
    expect(key).toMatch(/^approval\.mp-theme-construction\./)
    const spec = (await t.services.workflow.definition(key)).spec
    expect(
      Object.values(spec.states)
        .flatMap((s) => s.actions ?? [])
        .flatMap((a) => Object.keys(a.input ?? {})),
    ).toEqual(['overrideReason'])
  })
})
