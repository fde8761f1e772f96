/**
 * Issue 10 §3: an isolated slice of live orders driven through every outcome, with the counts and rates computed by
 * hand under each statistics convention, on both code paths (daily rollup and record scan) and in the export.
 *
 *   A 直办                                     H on time → 不满意 → 重办 → late → 满意
 *   B 不予受理                                  I late → 不满意 → 重办 → on time → 满意
 *   C merged into F (never counted)            J on time → 不满意 → 重办, back in 办理中
 *   D dispatched, never acknowledged           K on time, accepted, waiting for the follow-up call
 *   E acknowledged, due after the period       L on time ("no contact needed") → 联系不上
 *   F on time, caller contacted → 满意          M on time but sent back in review, then late → 满意
 *   G 签收 late, caller contacted in time,     P on time → 不满意 → 重办 → late → 不满意, closed anyway
 *     reply late → 基本满意
 */
import type { StatsResult } from '@ruyu/contracts/hotline'
import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hotlineRepo } from '../repo.ts'
import { type StatsSettings, statsResult } from '../stats.ts'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

let t: TestContext
let operator: Client
let wenhua: Client
let from: string
let to: string

const BASE: StatsSettings = {
  basicallySatisfiedWeight: 0.8,
  validResults: ['satisfied', 'basically_satisfied', 'unsatisfied'],
  closeBasis: 'due',
  onTimeBy: 'first_reply',
  declined: 'excluded',
  responseBy: 'contact',
  followupCount: 'every_call',
}

const cstDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  t = await createTestContext()
  operator = await t.login('operator')
  wenhua = await t.login('wenhua')
  // The slice is the only orders: the demo seed's are removed (timeline first; it is append-only).
  await t.platform.db.tx(async (tx) => {
    await tx.query('alter table hotline_event disable trigger hotline_event_no_change')
    await tx.query('delete from hotline_event')
    await tx.query('alter table hotline_event enable trigger hotline_event_no_change')
    await tx.query('update hotline_order set merged_into_id = null')
    await tx.query('delete from hotline_order')
  })
  from = cstDay(Date.now() - 86_400_000)
  to = cstDay(Date.now() + 30 * 86_400_000)
  await buildSlice()
}, 240_000)
afterAll(() => t.close())

const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
  const r = await p
  expect(r.statusCode, r.body).toBe(200)
}

async function buildSlice() {
  const heating = await categoryId(t, '010101')
  const unit = await unitId(t, 'MP-T002')
  const db = t.platform.db
  const o: Record<string, string> = {}
  for (const k of 'ABCDEFGHIJKLMP') o[k] = (await takeIn(operator, intakeBody(heating))).order.id
  const id = (k: string) => o[k]!
  /** Moves the handling deadline into the past (never before receipt), so the next reply is late however fast. */
  const late = (k: string) =>
    db.query(`update hotline_order set due_at = greatest(received_at, now() - interval '1 second') where id = $1`, [
      id(k),
    ])
  const dispatch = (k: string) => ok(act(operator, id(k), 'dispatch', { unitId: unit }))
  const ack = (k: string) => ok(act(wenhua, id(k), 'acknowledge'))
  const reply = (k: string, extra: Record<string, unknown> = {}) =>
    ok(act(wenhua, id(k), 'reply', { text: '已协调热力公司上门检修，暖气已恢复。', contactMethod: 'phone', ...extra }))
  const accept = (k: string) => ok(act(operator, id(k), 'review', { accept: true }))
  const call = (k: string, result: string, extra: Record<string, unknown> = {}) =>
    ok(act(operator, id(k), 'follow-up', { result, ...extra }))

  await ok(act(operator, id('A'), 'direct-answer', { answer: '供暖期为每年11月15日至次年3月31日。' }))
  await ok(act(operator, id('B'), 'decline', { reason: '属于诉讼程序，请向人民法院起诉。' }))
  await ok(act(operator, id('C'), 'merge', { intoId: id('F'), reason: '同一诉求' }))
  for (const k of 'DEFGHIJKLMP') await dispatch(k)
  await db.query(`update hotline_order set ack_due_at = dispatched_at - interval '1 second' where id = $1`, [id('G')])
  for (const k of 'EFGHIJKLMP') await ack(k)
  await db.query(`update hotline_order set due_at = now() + interval '40 days' where id = $1`, [id('E')])

  const receivedG = (await db.query('select received_at from hotline_order where id = $1', [id('G')])).rows[0]!
  const receivedF = (await db.query('select received_at from hotline_order where id = $1', [id('F')])).rows[0]!
  await reply('F', { contactedAt: receivedF.received_at.toISOString() })
  await accept('F')
  await call('F', 'satisfied')

  await late('G')
  await reply('G', { contactedAt: receivedG.received_at.toISOString() })
  await accept('G')
  await call('G', 'basically_satisfied')

  for (const k of 'HJP') {
    await reply(k)
    await accept(k)
    await call(k, 'unsatisfied')
  }
  await late('H')
  await reply('H')
  await accept('H')
  await call('H', 'satisfied')

  await late('I')
  await reply('I')
  await accept('I')
  await call('I', 'unsatisfied')
  await reply('I')
  await accept('I')
  await call('I', 'satisfied')

  await reply('K')
  await accept('K')

  await reply('L', { contactMethod: 'not_needed' })
  await accept('L')
  await call('L', 'unreachable')

  await reply('M')
  await ok(act(operator, id('M'), 'review', { accept: false, reason: '答复未说明检修结果' }))
  await late('M')
  await reply('M')
  await accept('M')
  await call('M', 'satisfied')

  await late('P')
  await reply('P')
  await accept('P')
  await call('P', 'unsatisfied', { closeAnyway: true })

  const states = await db.query(`select status, count(*)::int as n from hotline_order group by 1 order by 1`)
  expect(states.rows).toEqual([
    { status: 'closed', n: 7 },
    { status: 'closed_direct', n: 1 },
    { status: 'declined', n: 1 },
    { status: 'followup', n: 1 },
    { status: 'handling', n: 2 },
    { status: 'merged', n: 1 },
    { status: 'pending_ack', n: 1 },
  ])
}

/** Counts every convention shares (received cohort, follow-up coverage). */
const COMMON = { total: 13, dispatched: 11, closedByUnit: 7, followupDue: 9, followedUp: 8, followupRate: 0.8889 }

/** Hand-computed from the table above. */
const CASES: [string, Partial<StatsSettings>, Record<string, number>][] = [
  [
    'defaults (due, first reply, declines left out, contact, every call)',
    {},
    {
      cohort: 11,
      closed: 8,
      closedOnTime: 5,
      repliedOnTime: 7,
      respondedOnTime: 7,
      followups: 11,
      validFollowups: 10,
      satisfied: 4,
      basicallySatisfied: 1,
      unsatisfied: 5,
      unreachable: 1,
      solved: 5,
      closeRate: 0.7273,
      onTimeRate: 0.4545,
      onTimeReplyRate: 0.6364,
      responseRate: 0.6364,
      validFollowupRate: 0.9091,
      solveRate: 0.5,
      satisfactionRate: 0.48,
    },
  ],
  [
    'received cohort (E, still within its deadline, counts and lowers the rates)',
    { closeBasis: 'received' },
    { cohort: 12, closed: 8, closedOnTime: 5, repliedOnTime: 7, closeRate: 0.6667, onTimeRate: 0.4167 },
  ],
  [
    'on time by the last reply (H turns late, I turns on time; J has no reply now)',
    { onTimeBy: 'last_reply' },
    { cohort: 11, closedOnTime: 4, repliedOnTime: 5, onTimeRate: 0.3636, onTimeReplyRate: 0.4545 },
  ],
  [
    'declines closed, never on time',
    { declined: 'closed' },
    { cohort: 12, closed: 9, closedOnTime: 5, repliedOnTime: 7, closeRate: 0.75, onTimeRate: 0.4167 },
  ],
  [
    'declines closed on time',
    { declined: 'closed_on_time' },
    { cohort: 12, closed: 9, closedOnTime: 6, repliedOnTime: 8, onTimeRate: 0.5, onTimeReplyRate: 0.6667 },
  ],
  ['响应 by 签收 (G late, D never)', { responseBy: 'acknowledge' }, { respondedOnTime: 9, responseRate: 0.8182 }],
  [
    'latest follow-up result only (the 不满意 of H and I vanish)',
    { followupCount: 'latest' },
    {
      followups: 8,
      validFollowups: 7,
      satisfied: 4,
      unsatisfied: 2,
      solved: 5,
      validFollowupRate: 0.875,
      solveRate: 0.7143,
      satisfactionRate: 0.6857,
    },
  ],
  [
    'every legacy convention at once',
    {
      closeBasis: 'received',
      onTimeBy: 'last_reply',
      declined: 'closed',
      responseBy: 'acknowledge',
      followupCount: 'latest',
    },
    {
      cohort: 13,
      closed: 9,
      closedOnTime: 4,
      repliedOnTime: 5,
      closeRate: 0.6923,
      onTimeRate: 0.3077,
      responseRate: 0.8182,
    },
  ],
]

describe('statistics conventions over an isolated slice', () => {
  it.each(CASES)('%s: exact on both code paths', async (_name, over, expected) => {
    const s = { ...BASE, ...over }
    const put = await operator.put('/api/hotline/settings', { stats: s })
    expect(put.statusCode, put.body).toBe(200)
    const api = (await operator.get(`/api/hotline/stats?groupBy=unit&from=${from}&to=${to}`)).json() as StatsResult
    expect(api.settings).toEqual(s)
    const q = { groupBy: 'unit' as const, from, to }
    const f = { ...q, scopes: ['370612'], valid: s.validResults }
    const raw = statsResult(q, s, await hotlineRepo.stats(t.platform.db.pool, f, { raw: true }))
    for (const r of [api.overall, raw.overall]) {
      expect(r).toMatchObject({ ...COMMON, ...expected })
      // 回访率 can never pass 100 %: its numerator is a subset of its denominator.
      expect(r.fractions.followupRate).toEqual({ numerator: 8, denominator: 9 })
      for (const k of Object.keys(r.fractions) as (keyof typeof r.fractions)[]) {
        const { numerator, denominator } = r.fractions[k]
        expect(r[k]).toBe(denominator ? Math.round((numerator / denominator) * 10000) / 10000 : null)
      }
    }
    expect(raw.rows).toEqual(api.rows)
  })

  it('the rollup equals the scan for every grouping', async () => {
    for (const groupBy of ['unit', 'town', 'category', 'month'] as const) {
      const f = { groupBy, from, to, scopes: ['370612'], valid: BASE.validResults }
      const scan = await hotlineRepo.stats(t.platform.db.pool, f, { raw: true })
      expect(scan.length).toBeGreaterThan(0)
      expect(await hotlineRepo.stats(t.platform.db.pool, f)).toEqual(scan)
    }
  })

  it('the order keeps every follow-up call and the first accepted reply through 重办', async () => {
    const { rows } = await t.platform.db.query(
      `select followup_results, followup_solved, first_replied_at <= first_due_at as first_on_time,
         replied_at is null as reopened_without_reply
       from hotline_order where status = 'handling' and reopen_count = 1`,
    )
    expect(rows).toEqual([
      {
        followup_results: ['unsatisfied'],
        followup_solved: [false],
        first_on_time: true,
        reopened_without_reply: true,
      },
    ])
  })

  it('the export carries numerator, denominator and rate of every rate, the conventions and the rounding', async () => {
    await operator.put('/api/hotline/settings', { stats: BASE })
    const r = await operator.get(`/api/hotline/stats/export?groupBy=unit&from=${from}&to=${to}`)
    expect(r.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.rawPayload as never)
    const ws = wb.getWorksheet('工单统计')!
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[]
    const total = ws.getRow(ws.rowCount)
    expect(total.getCell(1).value).toBe('合计')
    const cell = (h: string) => total.getCell(header.indexOf(h) + 1).value
    const expected: [string, string, string, number, number, number][] = [
      ['办结率', '已办结', '应办结', 8, 11, 0.7273],
      ['按期办结率', '按期办结', '应办结', 5, 11, 0.4545],
      ['按时反馈率', '按时反馈', '应办结', 7, 11, 0.6364],
      ['响应率', '按时响应', '派单量', 7, 11, 0.6364],
      ['回访率', '已回访工单', '应回访工单', 8, 9, 0.8889],
      ['有效回访率', '有效回访', '回访数', 10, 11, 0.9091],
      ['解决率', '已解决', '有效回访', 5, 10, 0.5],
      ['满意率', '满意+权重×基本满意', '有效回访', 4.8, 10, 0.48],
    ]
    for (const [name, num, den, n, d, rate] of expected) {
      expect(cell(`${name} 分子：${num}`), name).toBe(n)
      expect(cell(`${name} 分母：${den}`), name).toBe(d)
      expect(cell(name), name).toBe(rate)
      expect(ws.getColumn(header.indexOf(name) + 1).numFmt).toBe('0.00%')
    }
    expect(cell('受理量')).toBe(13)
    const info = wb.getWorksheet('口径说明')!
    const lines = new Map<string, string>()
    info.eachRow((row) => {
      lines.set(String(row.getCell(1).value), String(row.getCell(2).value))
    })
    expect(lines.get('取整规则')).toContain('四舍五入保留 4 位小数')
    expect(lines.get('办结口径')).toContain('按到期')
    expect(lines.get('按期判定')).toContain('按首次答复')
    expect(lines.get('不予受理')).toContain('不计入')
    expect(lines.get('响应口径')).toContain('联系诉求人')
    expect(lines.get('回访结果')).toContain('每次回访')
    expect(lines.get('回访率')).toContain('应回访工单数')
  })
})
