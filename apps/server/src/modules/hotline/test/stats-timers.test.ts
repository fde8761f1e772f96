import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let leader: Client
const unit: Record<string, string> = {}

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  leader = await t.login('leader')
  for (const code of ['MP-T002', 'MP-SCJ']) unit[code] = await unitId(t, code)
})
afterAll(() => t.close())

const LEGACY_STATS = {
  basicallySatisfiedWeight: 0.8,
  validResults: ['satisfied', 'basically_satisfied', 'unsatisfied'],
}

let seq = 0
/** A scenario order written straight to the table, as the 1M-row generator does (no workflow instance). */
async function scenario(o: {
  unit: string | null
  status: string
  day: number
  closedOnTime?: boolean
  respondedOnTime?: boolean
  followup?: string
  solved?: boolean
}) {
  seq++
  await t.platform.db.query(
    `insert into hotline_order (number, source, channel, caller_name, caller_phone, request_type, urgency,
       division_code, town_code, address, title, description, status, public_status, unit_id, received_at, due_at,
       closed_at, closed_on_time, responded_on_time, followup_result, solved)
     values ($1, 'scenario', 'phone', '测试', '13800000000', 'complaint', 'normal', '370612002', '370612002', '测试地址',
       '测试', '测试', $2::text, 'closed', $3::uuid, $4::timestamptz, $4::timestamptz + interval '7 days',
       case when $2::text in ('closed', 'closed_direct') then $4::timestamptz + interval '3 days' end, $5, $6, $7, $8)`,
    [
      `TEST-2025-${seq}`,
      o.status,
      o.unit ? unit[o.unit] : null,
      new Date(`2025-03-${String(o.day).padStart(2, '0')}T10:00:00+08:00`),
      o.closedOnTime ?? null,
      o.respondedOnTime ?? null,
      o.followup ?? null,
      o.solved ?? null,
    ],
  )
}

describe('statistics over the records', () => {
  beforeAll(async () => {
    // These rows carry only the legacy facts (no first reply, no contact): read them under the legacy conventions.
    // The default conventions are tested with live orders in stats-conventions.test.ts.
    const legacy = { closeBasis: 'received', onTimeBy: 'last_reply', declined: 'closed', responseBy: 'acknowledge' }
    await operator.put('/api/hotline/settings', {
      stats: { ...LEGACY_STATS, ...legacy, followupCount: 'latest' },
    })
    // 文化街道: 5 orders (4 closed) and one merged duplicate that never counts.
    await scenario({
      unit: 'MP-T002',
      status: 'closed',
      day: 3,
      closedOnTime: true,
      respondedOnTime: true,
      followup: 'satisfied',
      solved: true,
    })
    await scenario({
      unit: 'MP-T002',
      status: 'closed',
      day: 5,
      closedOnTime: false,
      respondedOnTime: true,
      followup: 'basically_satisfied',
      solved: true,
    })
    await scenario({
      unit: 'MP-T002',
      status: 'closed',
      day: 9,
      closedOnTime: true,
      respondedOnTime: false,
      followup: 'unsatisfied',
      solved: false,
    })
    await scenario({
      unit: 'MP-T002',
      status: 'closed',
      day: 12,
      closedOnTime: true,
      respondedOnTime: true,
      followup: 'unreachable',
      solved: false,
    })
    await scenario({ unit: 'MP-T002', status: 'handling', day: 20, respondedOnTime: true })
    await scenario({ unit: 'MP-T002', status: 'merged', day: 21 })
    // 市场监管局: one closed, satisfied. A direct answer without a unit. One order outside the period.
    await scenario({
      unit: 'MP-SCJ',
      status: 'closed',
      day: 15,
      closedOnTime: true,
      respondedOnTime: true,
      followup: 'satisfied',
      solved: true,
    })
    await scenario({ unit: null, status: 'closed_direct', day: 28, closedOnTime: true })
    await t.platform.db.query(
      `update hotline_order set received_at = '2025-04-01T00:00:00+08:00' where number = 'TEST-2025-8'`,
    )
  })

  it('by unit: exact counts and the six rates (基本满意 × 0.8, unreachable outside the denominator)', async () => {
    const r = await operator.get('/api/hotline/stats?groupBy=unit&from=2025-03-01&to=2025-03-31')
    expect(r.statusCode, r.body).toBe(200)
    const s = r.json()
    const wh = s.rows.find((x: { key: string }) => x.key === unit['MP-T002'])
    expect(wh).toMatchObject({
      name: '文化街道办事处',
      total: 5,
      dispatched: 5,
      closed: 4,
      closedByUnit: 4,
      closedOnTime: 3,
      respondedOnTime: 4,
      followedUp: 4,
      validFollowups: 3,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 1,
      unreachable: 1,
      solved: 2,
      closeRate: 0.8,
      onTimeRate: 0.6,
      responseRate: 0.8,
      followupRate: 1,
      solveRate: 0.6667,
      satisfactionRate: 0.6,
    })
    expect(s.rows.find((x: { key: string }) => x.key === unit['MP-SCJ'])).toMatchObject({
      total: 1,
      satisfactionRate: 1,
    })
    expect(s.rows.some((x: { key: string }) => x.key === 'none')).toBe(false) // the direct answer fell on 04-01
    expect(s.overall).toMatchObject({ total: 6, closed: 5, validFollowups: 4, satisfactionRate: 0.7 })
    expect(s.formulas.satisfactionRate).toContain('0.8')
  })

  it('by town and by month; a leader (stats:read) may read them; a unit may not', async () => {
    const town = (await leader.get('/api/hotline/stats?groupBy=town&from=2025-03-01&to=2025-04-30')).json()
    expect(town.rows).toEqual([expect.objectContaining({ key: '370612002', name: '文化街道', total: 7 })])
    const month = (await operator.get('/api/hotline/stats?groupBy=month&from=2025-03-01&to=2025-04-30')).json()
    expect(month.rows.map((x: { key: string; total: number }) => [x.key, x.total])).toEqual([
      ['2025-03', 6],
      ['2025-04', 1],
    ])
    expect((await wenhua.get('/api/hotline/stats?groupBy=unit&from=2025-03-01&to=2025-03-31')).statusCode).toBe(403)
  })

  it('the formula is a setting: weight 1 and unreachable counted changes 满意率 at once', async () => {
    const put = await operator.put('/api/hotline/settings', {
      stats: {
        basicallySatisfiedWeight: 1,
        validResults: ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'],
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    const s = (await operator.get('/api/hotline/stats?groupBy=unit&from=2025-03-01&to=2025-03-31')).json()
    expect(s.rows.find((x: { key: string }) => x.key === unit['MP-T002'])).toMatchObject({
      validFollowups: 4,
      satisfactionRate: 0.5,
      solveRate: 0.5,
    })
    await operator.put('/api/hotline/settings', {
      stats: { basicallySatisfiedWeight: 0.8, validResults: ['satisfied', 'basically_satisfied', 'unsatisfied'] },
    })
  })

  it('exports a real .xlsx with the same numbers', async () => {
    const r = await operator.get('/api/hotline/stats/export?groupBy=unit&from=2025-03-01&to=2025-03-31')
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('spreadsheetml')
    expect(r.rawPayload.subarray(0, 2).toString()).toBe('PK')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as never)
    const ws = wb.getWorksheet('工单统计')!
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(expect.arrayContaining(['承办单位', '办结率', '满意率']))
    const row = ws.getRows(2, ws.rowCount - 1)!.find((x) => x.getCell(1).value === '文化街道办事处')!
    expect(row.getCell(header.indexOf('办结率') + 1).value).toBe(0.8)
    expect(wb.getWorksheet('口径说明')).toBeTruthy()
  })

  it('rejects a reversed period and garbage with coded 400s', async () => {
    expect((await operator.get('/api/hotline/stats?groupBy=unit&from=2025-04-01&to=2025-03-01')).statusCode).toBe(400)
    expect((await operator.get('/api/hotline/stats?groupBy=street&from=2025-03-01&to=2025-03-31')).statusCode).toBe(400)
  })
})

describe('yellow and red cards (durable SLA timers)', () => {
  it('the handling task arms pg-boss timers; warning → yellow card, deadline → red card, on the order and timeline', async () => {
    const { order } = await takeIn(operator, intakeBody(await categoryId(t, '010101')))
    await act(operator, order.id, 'dispatch', { unitId: unit['MP-T002'] })
    // The acknowledge deadline passes first.
    const ack = (
      await t.platform.db.query(
        `select k.id, k.due_at from workflow_task k join hotline_order o on o.workflow_instance_id = k.instance_id
         where o.id = $1 and k.state = 'pending_ack' and k.status = 'open'`,
        [order.id],
      )
    ).rows[0]!
    await t.services.workflow.handleTimer({ taskId: ack.id, kind: 'due', at: ack.due_at.toISOString() })
    await act(wenhua, order.id, 'acknowledge')
    const task = (
      await t.platform.db.query(
        `select k.id, k.warn_at, k.due_at from workflow_task k join hotline_order o on o.workflow_instance_id = k.instance_id
         where o.id = $1 and k.state = 'handling' and k.status = 'open'`,
        [order.id],
      )
    ).rows[0]!
    expect(task.warn_at).not.toBeNull()
    const jobs = await t.platform.db.query(
      `select data->>'kind' as kind from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1`,
      [task.id],
    )
    // One timer at a time: the warning first; firing it arms the due timer.
    expect(jobs.rows.map((j) => j.kind)).toEqual(['warn'])

    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'warn', at: task.warn_at.toISOString() })
    const after = await t.platform.db.query(
      `select data->>'kind' as kind, data->>'at' as at from pgboss.job where name = 'workflow.timer' and data->>'taskId' = $1`,
      [task.id],
    )
    expect(after.rows).toContainEqual({ kind: 'due', at: task.due_at.toISOString() })
    let d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.slaFlag).toBe('warning')
    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'due', at: task.due_at.toISOString() })
    d = (await operator.get(`/api/hotline/orders/${order.id}`)).json()
    expect(d.slaFlag).toBe('overdue')
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual([
      'intake',
      'dispatch',
      'ack_overdue',
      'acknowledge',
      'yellow_card',
      'red_card',
    ])
    // A stale timer (the deadline moved) does nothing.
    await t.services.workflow.handleTimer({ taskId: task.id, kind: 'due', at: new Date(0).toISOString() })
    expect((await operator.get(`/api/hotline/orders/${order.id}`)).json().timeline).toHaveLength(6)
    await t.platform.events.drain()
    const wenhuaId = (await t.platform.db.query(`select id from core_user where username = 'wenhua'`)).rows[0]!.id
    const inbox = await t.platform.notifications.list(wenhuaId, { unreadOnly: false, limit: 50, offset: 0 })
    expect(inbox.items.map((n) => n.title)).toEqual(
      expect.arrayContaining(['黄牌预警：办理时限将至', '红牌督办：已超过办理时限']),
    )
  })
})
