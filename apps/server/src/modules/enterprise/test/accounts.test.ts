import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USCC, DEMO_USCC_2, inboxTitles, registerBody } from './factories.ts'

let t: TestContext
let admin: Client
let window: Client
let ent: Client

beforeAll(async () => {
  t = await createTestContext()
  admin = await t.login('admin')
  window = await t.login('window')
  ent = await t.login('enterprise')
})
afterAll(() => t.close())

describe('USCC validation', () => {
  it('a bad check character is a 400 that names the check-character failure', async () => {
    const bad = '91370612MA3C12346K'
    const reg = await t.anonymous().post('/api/public/enterprise/register', registerBody({ uscc: bad }))
    expect(reg.statusCode).toBe(400)
    expect(reg.json().code).toBe('VALIDATION_FAILED')
    const issue = reg.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'uscc')
    expect(issue.message).toBe('统一社会信用代码校验位不正确')
    const en = await admin.request({
      method: 'GET',
      url: `/api/enterprise/enterprises/${bad}`,
      headers: { 'accept-language': 'en' },
    })
    expect(en.statusCode).toBe(400)
    expect(en.json().details.issues[0].message).toMatch(/check character/)
    const create = await admin.post('/api/enterprise/enterprises', { uscc: '91370612MA3C1234' })
    expect(create.statusCode).toBe(400)
    expect(create.json().details.issues.find((i: { path: string[] }) => i.path[0] === 'uscc').message).toContain(
      '18 位',
    )
  })
})

describe('enterprise accounts: registration → pending → verified', () => {
  it('a registered account sees no enterprise data until staff verify it', async () => {
    const wrongName = await t
      .anonymous()
      .post('/api/public/enterprise/register', registerBody({ enterpriseName: '烟台鲁味食品公司' }))
    expect(wrongName.statusCode).toBe(400)
    expect(wrongName.json().code).toBe('ENTERPRISE_UNKNOWN_USCC')

    const body = registerBody()
    const reg = await t.anonymous().post('/api/public/enterprise/register', body)
    expect(reg.statusCode, reg.body).toBe(201)
    expect(reg.json()).toMatchObject({ status: 'pending', uscc: DEMO_USCC_2 })
    const memberId = reg.json().id

    const pending = await t.login(body.username, body.password)
    expect((await pending.get('/api/enterprise/my/membership')).json().status).toBe('pending')
    const mine = await pending.get('/api/enterprise/my/enterprise')
    expect(mine.statusCode).toBe(403)
    expect(mine.json().code).toBe('ENTERPRISE_ACCOUNT_NOT_VERIFIED')
    expect((await pending.get(`/api/enterprise/enterprises/${DEMO_USCC_2}`)).statusCode).toBe(403)
    expect((await pending.get('/api/enterprise/my/requests')).statusCode).toBe(403)
    expect((await pending.get('/api/enterprise/board/listings')).statusCode).toBe(403)
    expect((await pending.get('/api/approval/my/cases')).statusCode).toBe(403)
    expect((await pending.get('/api/me')).json().user.enterpriseUscc).toBeNull()
    // Pending accounts are not pushed to.
    expect(await t.services.enterprise.userIdsOf(DEMO_USCC_2)).not.toContain(reg.json().id)

    // Enterprises cannot verify anyone; the window can.
    expect((await ent.get('/api/enterprise/members')).statusCode).toBe(403)
    const list = await window.get('/api/enterprise/members?status=pending')
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(memberId)
    expect(list.json().items[0].mobileMasked).toMatch(/^137\*{4}\d{4}$/)
    const ok = await window.post(`/api/enterprise/members/${memberId}/verify`)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'verified', decidedByName: '综合窗口 王敏' })
    expect(ok.json().decidedAt).toBeTruthy()
    expect((await window.post(`/api/enterprise/members/${memberId}/verify`)).json().code).toBe(
      'ENTERPRISE_MEMBER_DECIDED',
    )

    // The same session now reaches its enterprise and its inbox says so.
    const now = await pending.get('/api/enterprise/my/enterprise')
    expect(now.statusCode, now.body).toBe(200)
    expect(now.json().name).toBe('烟台鲁味海洋食品有限公司')
    expect((await pending.get('/api/enterprise/my/requests')).statusCode).toBe(200)
    expect((await pending.get('/api/me')).json().user.enterpriseUscc).toBe(DEMO_USCC_2)
    expect(await inboxTitles(t, pending)).toContain('企业账号审核通过')
    const userId = (await pending.get('/api/me')).json().user.id
    expect(await t.services.enterprise.userIdsOf(DEMO_USCC_2)).toContain(userId)
  })

  it('a rejected account keeps no access and learns the reason', async () => {
    const body = registerBody({ uscc: DEMO_USCC, enterpriseName: '烟台如鱼生物科技有限公司' })
    const reg = await t.anonymous().post('/api/public/enterprise/register', body)
    expect(reg.statusCode).toBe(201)
    const r = await window.post(`/api/enterprise/members/${reg.json().id}/reject`, { reason: '非本企业员工' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ status: 'rejected', reason: '非本企业员工' })
    const c = await t.login(body.username, body.password)
    expect((await c.get('/api/enterprise/my/membership')).json()).toMatchObject({
      status: 'rejected',
      reason: '非本企业员工',
    })
    expect((await c.get(`/api/enterprise/enterprises/${DEMO_USCC}`)).statusCode).toBe(403)
    expect(await inboxTitles(t, c)).toContain('企业账号审核未通过')
  })
})
