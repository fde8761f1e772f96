import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../platform/audit.ts'

// Issue #9 §8: /api/ratings was filtered by division only, so every department read every other's ratings. A
// department sees its own department's ratings; the supervising bureau (审批局), leaders and admin see all in their
// scope; an enterprise sees only the ratings it gave (A never sees B's).
let t: TestContext
const dept: Record<string, string> = {}
const user: Record<string, string> = {}
const ids: Record<string, string> = {}

async function rate(key: string, rater: string, department: string, level: 1 | 2 | 3 | 4 | 5) {
  const r = await t.platform.db.tx((tx) =>
    t.services.rating.rate(
      tx,
      { kind: 'user', id: user[rater]! },
      {
        subjectType: 'test_case',
        subjectId: `vis-${key}`,
        subjectTitle: `可见性测试 ${key}`,
        departmentId: dept[department]!,
        divisionCode: '370612106',
        raterId: user[rater]!,
        channel: 'online',
        level,
        reasons: level <= 2 ? ['办理超时'] : [],
      },
    ),
  )
  ids[key] = r.id
}

const listed = async (c: Client, url = '/api/ratings?pageSize=200') => {
  const res = await c.get(url)
  expect(res.statusCode, res.body).toBe(200)
  const ours = new Set(Object.values(ids))
  return (res.json().items as { id: string; departmentId: string }[]).filter((i) => ours.has(i.id))
}
const keysOf = (items: { id: string }[]) =>
  items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)![0]).sort()

beforeAll(async () => {
  t = await createTestContext()
  for (const code of ['MP-ZJJ', 'MP-FGJ', 'MP-XSP', 'MP-GXJ'])
    dept[code] = (await t.platform.db.query('select id from core_org_unit where code = $1', [code])).rows[0]!.id
  for (const u of ['enterprise', 'enterprise2'])
    user[u] = (await t.platform.db.query('select id from core_user where username = $1', [u])).rows[0]!.id
  await rate('zjA', 'enterprise', 'MP-ZJJ', 5)
  await rate('fgjA', 'enterprise', 'MP-FGJ', 1)
  await rate('zjB', 'enterprise2', 'MP-ZJJ', 2)
  await rate('xspB', 'enterprise2', 'MP-XSP', 4)
  await rate('gxjB', 'enterprise2', 'MP-GXJ', 3)
})
afterAll(() => t.close())

describe('who sees which ratings', () => {
  it("a department's reviewer sees only its own department's ratings, in the list and in the statistics", async () => {
    const reviewer = await t.login('reviewer') // 住建局
    const mine = await listed(reviewer)
    expect(keysOf(mine)).toEqual(['zjA', 'zjB'])
    const stats = (await reviewer.get('/api/ratings/stats')).json()
    expect(stats.items.map((i: { departmentId: string }) => i.departmentId)).toEqual([dept['MP-ZJJ']])
    expect(stats.overall).toMatchObject({ total: 2, bad: 1, badRate: 0.5 })

    expect(keysOf(await listed(await t.login('fgj')))).toEqual(['fgjA'])
    // A policy officer (工信局) sees the 工信局 ratings (its answers to policy questions), nothing else.
    expect(keysOf(await listed(await t.login('kjj')))).toEqual([])
    expect(keysOf(await listed(await t.login('gxj')))).toEqual(['gxjB'])
  })

  it('the approval bureau, the district leader and admin see every department in their scope', async () => {
    for (const u of ['xsp', 'window', 'leader', 'admin']) {
      const c = await t.login(u)
      expect(keysOf(await listed(c)), u).toEqual(['fgjA', 'gxjB', 'xspB', 'zjA', 'zjB'])
      const depts = (await c.get('/api/ratings/stats'))
        .json()
        .items.map((i: { departmentId: string }) => i.departmentId)
      for (const d of ['MP-ZJJ', 'MP-FGJ', 'MP-XSP', 'MP-GXJ']) expect(depts, u).toContain(dept[d])
    }
  })

  it('which departments supervise is a locality setting', async () => {
    await t.platform.settings.set(SYSTEM_ACTOR, 'rating.supervisingDepartments', [])
    try {
      expect(keysOf(await listed(await t.login('xsp')))).toEqual(['xspB'])
      expect(keysOf(await listed(await t.login('leader')))).toHaveLength(5) // a leader's post has no department
    } finally {
      await t.platform.settings.set(SYSTEM_ACTOR, 'rating.supervisingDepartments', ['MP-XSP'])
    }
  })

  it("an enterprise sees the ratings it gave and never another enterprise's", async () => {
    const a = await t.login('enterprise')
    const b = await t.login('enterprise2')
    expect(keysOf(await listed(a, '/api/ratings/mine?pageSize=200'))).toEqual(['fgjA', 'zjA'])
    expect(keysOf(await listed(b, '/api/ratings/mine?pageSize=200'))).toEqual(['gxjB', 'xspB', 'zjB'])
    // The staff list and statistics are not theirs to read.
    for (const c of [a, b]) {
      expect((await c.get('/api/ratings')).statusCode).toBe(403)
      expect((await c.get('/api/ratings/stats')).statusCode).toBe(403)
    }
  })

  it('accounts without a rating role read none', async () => {
    for (const u of ['citizen', 'unit', 'operator', 'agent', 'bank']) {
      const c = await t.login(u)
      expect((await c.get('/api/ratings')).statusCode, u).toBe(403)
      expect((await c.get('/api/ratings/stats')).statusCode, u).toBe(403)
    }
    expect((await (await t.login('citizen')).get('/api/ratings/mine')).statusCode).toBe(403)
  })

  it('filters by level, department and rectification state; bad input is a coded 400', async () => {
    const xsp = await t.login('xsp')
    expect(keysOf(await listed(xsp, '/api/ratings?level=2'))).toEqual(['zjB'])
    expect(keysOf(await listed(xsp, `/api/ratings?departmentId=${dept['MP-ZJJ']}`))).toEqual(['zjA', 'zjB'])
    expect(keysOf(await listed(xsp, '/api/ratings?bad=true&rectification=callback'))).toEqual(['fgjA', 'zjB'])
    // A department cannot widen its view with a filter.
    expect(keysOf(await listed(await t.login('reviewer'), `/api/ratings?departmentId=${dept['MP-FGJ']}`))).toEqual([])
    for (const q of ['level=6', 'departmentId=x', 'rectification=done']) {
      const res = await xsp.get(`/api/ratings?${q}`)
      expect(res.statusCode, q).toBe(400)
      expect(res.json().code).toBeTruthy()
    }
  })
})
