import type { Client, TestContext } from '@ruyu/testkit'
import { DEMO_USCC, DEMO_USCC_2 } from '../seed.ts'

export { DEMO_USCC, DEMO_USCC_2 }

let seq = 0
/** A unique username and mobile per call. */
export const fresh = () => {
  seq++
  return { username: `ent.user${Date.now() % 100000}${seq}`, mobile: `1370536${String(1000 + seq).padStart(4, '0')}` }
}

/** A self-registration body for the second demo enterprise unless overridden. */
export function registerBody(over: Record<string, unknown> = {}) {
  const f = fresh()
  return {
    uscc: DEMO_USCC_2,
    enterpriseName: '烟台鲁味海洋食品有限公司',
    username: f.username,
    password: 'Qiye2026pass',
    contactName: '曲经理',
    mobile: f.mobile,
    ...over,
  }
}

/** Service id by catalogue code (FIN-001 = bank credit loan, LEG-001 = law firm contract review). */
export async function serviceId(t: TestContext, code: string): Promise<string> {
  const r = await t.platform.db.query('select id from enterprise_service where code = $1', [code])
  if (!r.rows[0]) throw new Error(`no service ${code}`)
  return r.rows[0].id
}

/** An enterprise applies for a service; returns the request detail. */
export async function submit(c: Client, service: string, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/enterprise/requests', {
    serviceId: service,
    description: '我公司计划扩大生产线，申请流动资金贷款300万元。',
    contactName: '于经理',
    contactMobile: '13905358888',
    ...over,
  })
  if (r.statusCode !== 201) throw new Error(`submit failed ${r.statusCode} ${r.body}`)
  return r.json() as { id: string; number: string; status: string; workflowInstanceId: string; actions: string[] }
}

export const act = (c: Client, id: string, action: string, body: Record<string, unknown> = {}) =>
  c.post(`/api/enterprise/requests/${id}/actions/${action}`, body)

/** Outbox payloads of an event name for one enterprise, oldest first. */
export async function outbox(t: TestContext, name: string, uscc: string) {
  const r = await t.platform.db.query(
    `select payload from core_outbox where name = $1 and payload->>'uscc' = $2 order by id`,
    [name, uscc],
  )
  return r.rows.map((x) => x.payload as { uscc: string; version: number })
}

/** Titles of a user's in-app notifications. */
export async function inboxTitles(t: TestContext, c: Client): Promise<string[]> {
  await t.platform.events.drain()
  const r = await c.get('/api/notifications?pageSize=50')
  return (r.json().items as { title: string }[]).map((n) => n.title)
}
