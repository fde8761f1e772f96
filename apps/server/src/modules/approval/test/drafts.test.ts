import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { application, baseForm, THEME, uploadPdf } from './factories.ts'

// Issue 10 §1: the 14-field, 62-material application could not be saved as a draft. What must hold: an applicant
// saves a half-filled application and resumes it later, exactly as saved; nobody else reads or changes it; a draft
// cannot borrow another account's files; submitting from a draft consumes it.
let t: TestContext
let ent: Client
let other: Client

beforeAll(async () => {
  t = await createTestContext()
  ent = await t.login('enterprise')
  other = await t.login('window')
})
afterAll(() => t.close())

describe('application drafts', () => {
  let id: string

  it('saves a half-filled application (no required fields, some materials chosen) and resumes it as saved', async () => {
    const fileId = await uploadPdf(ent)
    const half = {
      themeCode: THEME,
      channel: 'online',
      data: {
        form: { projectName: '烟台如鱼生物医药产业园二期', landAreaMu: 80, socialInvestment: true, address: null },
        materials: [
          { code: 'M-APPLY-FORM', fileId },
          { code: 'M-COMMITMENT', pendingDueDate: '2026-12-31' },
        ],
        parkCode: 'MP-PARK-QS',
        step: 2,
      },
    }
    const r = await ent.post('/api/approval/drafts', half)
    expect(r.statusCode, r.body).toBe(201)
    id = r.json().id
    expect(r.json()).toMatchObject({ title: '烟台如鱼生物医药产业园二期', version: 1, channel: 'online' })
    const back = (await ent.get(`/api/approval/drafts/${id}`)).json()
    expect(back.data).toEqual(half.data)
    const list = (await ent.get('/api/approval/drafts')).json()
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([id])
    expect(list.items[0].data).toBeUndefined()

    const saved = await ent.put(`/api/approval/drafts/${id}`, {
      ...half,
      data: { ...half.data, form: { ...half.data.form, floorAreaM2: 30000 }, step: 3 },
      expectedVersion: 1,
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ version: 2, data: { step: 3, form: { floorAreaM2: 30000 } } })
    const stale = await ent.put(`/api/approval/drafts/${id}`, { ...half, expectedVersion: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('APPROVAL_DRAFT_CHANGED')
  })

  it('another account neither sees nor changes it (404), and a draft cannot hold someone else’s file', async () => {
    expect((await other.get(`/api/approval/drafts/${id}`)).statusCode).toBe(404)
    expect((await other.get('/api/approval/drafts')).json().items).toEqual([])
    const del = await other.delete(`/api/approval/drafts/${id}`)
    expect(del.statusCode).toBe(404)
    expect(del.json().code).toBe('APPROVAL_DRAFT_NOT_FOUND')
    const theirs = await uploadPdf(other)
    const r = await ent.post('/api/approval/drafts', {
      themeCode: THEME,
      channel: 'online',
      data: { form: {}, materials: [{ code: 'M-APPLY-FORM', fileId: theirs }] },
    })
    expect(r.statusCode).toBe(400)
    expect(JSON.stringify(r.json().details)).toContain('不是您上传的')
    // An online draft needs approval:apply: the window clerk saves window drafts only.
    const w = await other.post('/api/approval/drafts', {
      themeCode: THEME,
      channel: 'online',
      data: { form: {}, materials: [] },
    })
    expect(w.statusCode).toBe(403)
    const bad = await ent.post('/api/approval/drafts', {
      themeCode: THEME,
      channel: 'online',
      data: { form: { x: {} } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('VALIDATION_FAILED')
  })

  it('submitting the application from the draft consumes it; the draft id cannot be used twice', async () => {
    const app = await application(ent, { form: baseForm({ projectName: '烟台如鱼生物医药产业园二期' }) })
    const { plan: _p, ...body } = app
    const r = await ent.post('/api/approval/cases', { ...body, draftId: id })
    expect(r.statusCode, r.body).toBe(201)
    expect((await ent.get(`/api/approval/drafts/${id}`)).statusCode).toBe(404)
    const again = await ent.post('/api/approval/cases', { ...body, draftId: id })
    expect(again.statusCode).toBe(404)
  })
})
