import type { Client, TestContext } from '@ruyu/testkit'

/** Category id by code (01 → 0101 → 010101) from the seeded demo tree. */
export async function categoryId(t: TestContext, code: string): Promise<string> {
  const r = await t.platform.db.query('select id from hotline_category where code = $1', [code])
  if (!r.rows[0]) throw new Error(`no category ${code}`)
  return r.rows[0].id
}

/** Department (core_org_unit) id by code. */
export async function unitId(t: TestContext, code: string): Promise<string> {
  const r = await t.platform.db.query('select id from core_org_unit where code = $1', [code])
  if (!r.rows[0]) throw new Error(`no unit ${code}`)
  return r.rows[0].id
}

let phoneSeq = 0
/** A fresh mobile number per call, so phone-based duplicate detection only links orders a test means to link. */
export const freshPhone = () => `1370535${String(1000 + (phoneSeq++ % 9000)).padStart(4, '0')}`

/** An operator intake body: a 暖气不热 call from 文化街道 unless overridden. */
export function intakeBody(category: string, over: Record<string, unknown> = {}) {
  return {
    callerName: '李秀兰',
    callerPhone: freshPhone(),
    requestType: 'help',
    urgency: 'normal',
    categoryId: category,
    divisionCode: '370612002',
    address: `牟平区文化街道正阳路${Math.floor(Math.random() * 900) + 100}号`,
    description: '家里暖气不热，室温只有15度，物业说是热力公司的问题，请帮忙协调。',
    ...over,
  }
}

/** Intake through the operator console; returns the order detail. */
export async function takeIn(c: Client, body: Record<string, unknown>) {
  const r = await c.post('/api/hotline/orders', body)
  if (r.statusCode !== 201) throw new Error(`intake failed ${r.statusCode} ${r.body}`)
  return r.json() as { order: { id: string; number: string; status: string }; suggestion: any; duplicates: any[] }
}

/** POST an order action and return the response. */
export const act = (c: Client, id: string, action: string, body: unknown = {}) =>
  c.post(`/api/hotline/orders/${id}/${action}`, body)
