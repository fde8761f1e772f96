import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application } from './factories.ts'

// Issue 10 §1: approval reviewers were never notified of a new case, and two reviewers got 12345 notifications
// that opened a 403 page (see hotline/test/unit-notifications.test.ts). What must hold: when a case reaches a
// department, that department's reviewers are told, with a link they may open.
let t: TestContext
let ent: Client

type Note = { title: string; body: string; link: string | null }

async function inbox(username: string): Promise<Note[]> {
  await t.platform.events.drain()
  const id = (await t.platform.db.query('select id from core_user where username = $1', [username])).rows[0]!.id
  return (await t.platform.notifications.list(id, { unreadOnly: false, limit: 200, offset: 0 })).items as Note[]
}

/** The API a notification's page reads: a workflow instance page reads its tree, a case page its case. */
function apiOf(link: string): string {
  const wf = link.match(/^\/workflow\/instances\/([0-9a-f-]{36})$/)
  if (wf) return `/api/workflow/instances/${wf[1]}`
  const kase = link.match(/^\/approval\/cases\/([0-9a-f-]{36})$/)
  if (kase) return `/api/approval/cases/${kase[1]}`
  throw new Error(`unknown link ${link}`)
}

async function everyLinkOpens(username: string) {
  const c = await t.login(username)
  for (const n of await inbox(username))
    if (n.link) expect((await c.get(apiOf(n.link))).statusCode, `${username}: ${n.title} → ${n.link}`).toBe(200)
}

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
})
afterAll(() => t.close())

describe('reviewers learn of a new case', () => {
  it('each department with a first-stage branch is notified, with a link its reviewer may open', async () => {
    const app = await application(ent)
    const r = await ent.post('/api/approval/cases', app)
    expect(r.statusCode, r.body).toBe(201)
    const c = (await ent.get(`/api/approval/cases/${r.json().id}`)).json()
    const departments = new Set<string>(
      c.workflow.nodes
        .filter((n: { branch: unknown; status: string }) => n.branch && n.status === 'active')
        .map((n: { branch: { departmentCode: string } }) => n.branch.departmentCode),
    )
    expect(departments.size).toBeGreaterThanOrEqual(2)
    const username = (code: string) => (code === 'MP-ZJJ' ? 'reviewer' : code.slice(3).toLowerCase())
    for (const code of departments) {
      const notes = (await inbox(username(code))).filter((n) => n.title === '新的并联审批办件待受理')
      expect(notes, code).toHaveLength(1)
      expect(notes[0]!.body).toContain(c.title)
      expect(notes[0]!.link).toBe(`/workflow/instances/${c.workflow.rootId}`)
      await everyLinkOpens(username(code))
    }
    // A department without a branch in this stage hears nothing.
    const idle = [
      'fgj',
      'zrj',
      'hbj',
      'swj',
      'jtj',
      'yjj',
      'rfb',
      'wlj',
      'qxj',
      'cgj',
      'xfd',
      'dag',
      'gdg',
      'xsp',
    ].find((u) => ![...departments].some((d) => username(d) === u))!
    expect((await inbox(idle)).filter((n) => n.title === '新的并联审批办件待受理')).toEqual([])
  })
})
