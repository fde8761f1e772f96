import { type Client, createTestContext, type TestContext } from '@ruyu/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hotlineRepo } from '../repo.ts'
import { createRng, generateHotlineScenario, scenarioPrefix, weightedSampler } from '../scenario.ts'
import { act, categoryId, intakeBody, takeIn, unitId } from './factories.ts'

// The scenario generator (`ruyu seed hotline`): it writes the requested number of orders, the same seed gives the
// same rows, and the statistics built from the records look like the seed report's street (满意率 ~92 %, nearly
// all closed and called back).
let t: TestContext
let leader: Client
const DIVISION = '370612002' // 文化街道
const N = 2000
const opts = { divisionCode: DIVISION, orders: N, year: 2026, seed: 11 }

/** One hash over everything the generator decides, in number order. */
async function fingerprint(prefix: string) {
  const { rows } = await t.platform.db.query(
    `select count(*)::int as n, md5(string_agg(concat_ws('|', o.id, o.number, o.category_id, o.division_code, o.unit_id,
       o.request_type, o.urgency, o.received_at, o.acknowledged_at, o.due_at, o.replied_at, o.closed_at, o.status,
       o.followup_result, o.reopen_count, o.description,
       (select string_agg(e.action || '@' || e.at, ',' order by e.id) from hotline_event e where e.order_id = o.id)),
       ';' order by o.number)) as h
     from hotline_order o where o.source = 'scenario' and o.number like $1`,
    [`${prefix}%`],
  )
  return rows[0] as { n: number; h: string }
}

beforeAll(async () => {
  t = await createTestContext()
  leader = await t.login('leader')
})
afterAll(() => t.close())

describe('random helpers', () => {
  it('the generator is a pure function of its seed; samples follow the weights', () => {
    const a = createRng(5)
    const b = createRng(5)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(createRng(6).next()).not.toBe(xs[0])
    const rng = createRng(1)
    const pick = weightedSampler([1, 0, 3])
    const counts = [0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[pick(rng.next())]!++
    expect(counts[1]).toBe(0)
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8)
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2)
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('generateHotlineScenario', () => {
  let first: { n: number; h: string }
  const prefix = scenarioPrefix(opts)

  it('inserts the requested number of orders with their timelines, marked as scenario', async () => {
    const progress: number[] = []
    const r = await generateHotlineScenario(t.platform, { ...opts, batchSize: 700 }, (done) => progress.push(done))
    expect(r.orders).toBe(N)
    expect(progress).toHaveLength(3) // batches of 700 on two sessions: progress counts committed orders
    expect(progress.at(-1)).toBe(N)
    expect(r.closed + r.open).toBe(N)
    expect(r.open).toBe(Math.round((N * 69) / 10_810)) // the seed report's share still in flight at the year's end
    first = await fingerprint(prefix)
    expect(first.n).toBe(N)
    const { rows } = await t.platform.db.query(
      `select count(*)::int as n, count(distinct o.number)::int as numbers,
         count(*) filter (where o.workflow_instance_id is null)::int as no_workflow,
         min(o.received_at) >= '2026-01-01T00:00:00+08:00' and max(o.received_at) < '2027-01-01T00:00:00+08:00' as in_year,
         bool_and(o.division_code like '370612002%') as in_division,
         bool_and(o.unit_id is not null) as dispatched,
         (select count(*)::int from hotline_event e join hotline_order x on x.id = e.order_id
            where x.source = 'scenario') as events
       from hotline_order o where o.source = 'scenario'`,
    )
    expect(rows[0]).toMatchObject({
      n: N,
      numbers: N,
      no_workflow: N,
      in_year: true,
      in_division: true,
      dispatched: true,
    })
    expect(rows[0]!.events).toBe(r.events)
    expect(r.events / N).toBeGreaterThan(6.5)
    // Rates near the brief's targets (2,000 orders, so a few points of slack).
    expect(r.urgent / N).toBeGreaterThan(0.015)
    expect(r.urgent / N).toBeLessThan(0.05)
    expect(r.extended / N).toBeLessThan(0.06)
    expect(r.returned / N).toBeLessThan(0.05)
    const returns = await t.platform.db.query(
      `select count(*)::int as n from hotline_order where number like $1 and return_count = 1
         and last_returned_at > received_at and last_return_reason is not null`,
      [`${prefix}%`],
    )
    expect(returns.rows[0]!.n).toBe(r.returned)
    expect(r.followups.satisfied / r.closed).toBeGreaterThan(0.8)
  })

  it('is deterministic: the same seed regenerates the same rows; another seed does not', async () => {
    await expect(generateHotlineScenario(t.platform, opts)).rejects.toThrow(/already has 2000 orders/)
    await generateHotlineScenario(t.platform, { ...opts, replace: true })
    expect(await fingerprint(prefix)).toEqual(first)
    const other = { ...opts, seed: 12, orders: 300 }
    await generateHotlineScenario(t.platform, other)
    const h = await fingerprint(scenarioPrefix(other))
    expect(h.n).toBe(300)
    expect(h.h).not.toBe(first.h)
  })

  it('timelines are in time order and consistent with the order columns', async () => {
    const { rows } = await t.platform.db.query(
      `select o.status, o.closed_at, o.followup_at, o.replied_at, o.due_at, o.closed_on_time,
         array_agg(e.action order by e.id) as actions,
         bool_and(e.at >= o.received_at) as after_receipt,
         (array_agg(e.at order by e.id) = array_agg(e.at order by e.at, e.id)) as ordered
       from hotline_order o join hotline_event e on e.order_id = o.id
       where o.number like $1 group by o.id`,
      [`${prefix}%`],
    )
    for (const r of rows) {
      expect(r.after_receipt).toBe(true)
      expect(r.ordered).toBe(true)
      expect(r.actions[0]).toBe('transfer_in')
      if (r.status === 'closed') {
        expect(r.actions.at(-1)).toBe('close')
        expect(r.closed_at).toEqual(r.followup_at)
        expect(r.closed_on_time).toBe(r.replied_at <= r.due_at)
      } else expect(r.closed_at).toBeNull()
    }
  })

  it('heating complaints peak in winter', async () => {
    const { rows } = await t.platform.db.query(
      `select count(*) filter (where extract(month from o.received_at at time zone 'Asia/Shanghai') in (1, 12))::int as winter,
         count(*) filter (where extract(month from o.received_at at time zone 'Asia/Shanghai') in (6, 7))::int as summer
       from hotline_order o join hotline_category c on c.id = o.category_id
       where o.number like $1 and c.code like '0101%'`,
      [`${prefix}%`],
    )
    expect(rows[0]!.winter).toBeGreaterThan(rows[0]!.summer * 5)
  })

  it('the statistics endpoints show plausible rates for the street', async () => {
    const res = await leader.get(`/api/hotline/stats?groupBy=town&from=2026-01-01&to=2026-12-31`)
    expect(res.statusCode, res.body).toBe(200)
    const town = res.json().rows.find((r: { key: string }) => r.key === DIVISION)
    expect(town.total).toBeGreaterThanOrEqual(N + 300)
    expect(town.satisfactionRate).toBeGreaterThan(0.85)
    expect(town.satisfactionRate).toBeLessThan(0.98)
    expect(town.closeRate).toBeGreaterThan(0.98)
    expect(town.onTimeRate).toBeGreaterThan(0.9)
    expect(town.responseRate).toBeGreaterThan(0.9)
    expect(town.followupRate).toBeGreaterThan(0.99)
    for (const groupBy of ['unit', 'category', 'month']) {
      const r = await leader.get(`/api/hotline/stats?groupBy=${groupBy}&from=2026-01-01&to=2026-12-31`)
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json().overall.total).toBeGreaterThanOrEqual(N + 300)
    }
    const months = (await leader.get(`/api/hotline/stats?groupBy=month&from=2026-01-01&to=2026-12-31`)).json().rows
    expect(months.length).toBe(12)
  })

  it('a scenario order reads like any other, with its timeline and no actions', async () => {
    const operator = await t.login('operator')
    const id = (await t.platform.db.query('select id from hotline_order where number = $1', [`${prefix}0000001`]))
      .rows[0]!.id
    const d = await operator.get(`/api/hotline/orders/${id}`)
    expect(d.statusCode, d.body).toBe(200)
    expect(d.json()).toMatchObject({ source: 'scenario', status: 'closed', actions: [] })
    expect(d.json().timeline.length).toBeGreaterThanOrEqual(7)
  })
})

describe('daily statistics rollup (0012_hotline_stats.sql)', () => {
  it('stays equal to the records through bulk loads and live intake, dispatch, merge, follow-up and delete', async () => {
    const operator = await t.login('operator')
    const heating = await categoryId(t, '010101')
    const a = await takeIn(operator, intakeBody(heating))
    const b = await takeIn(operator, intakeBody(heating))
    const c = await takeIn(operator, intakeBody(heating, { divisionCode: '370612106' }))
    expect((await act(operator, a.order.id, 'dispatch', { unitId: await unitId(t, 'MP-T002') })).statusCode).toBe(200)
    expect((await act(operator, b.order.id, 'merge', { intoId: a.order.id, reason: '同一诉求' })).statusCode).toBe(200)
    expect((await act(operator, c.order.id, 'decline', { reason: '属于诉讼程序' })).statusCode).toBe(200)
    // A scenario order moved to another day and unit by hand, and one deleted with its timeline.
    const db = t.platform.db
    await db.query(
      `update hotline_order set received_at = received_at - interval '40 days', unit_id = null
       where number = $1`,
      [`${scenarioPrefix(opts)}0000500`],
    )
    await db.tx(async (tx) => {
      await tx.query('alter table hotline_event disable trigger hotline_event_no_change')
      await tx.query(`delete from hotline_event where order_id in (select id from hotline_order where number = $1)`, [
        `${scenarioPrefix(opts)}0000501`,
      ])
      await tx.query('alter table hotline_event enable trigger hotline_event_no_change')
      await tx.query('delete from hotline_order where number = $1', [`${scenarioPrefix(opts)}0000501`])
    })
    const valid = ['satisfied', 'basically_satisfied', 'unsatisfied']
    for (const groupBy of ['unit', 'town', 'category', 'month'] as const)
      for (const [scopes, from, to] of [
        [['370612'], '2025-01-01', '2027-12-31'],
        [['370612002'], '2026-02-10', '2026-07-31'],
        [['370612106', '370612002'], '2026-11-01', '2026-12-31'],
      ] as const) {
        const f = { groupBy, from, to, scopes: [...scopes], valid }
        const raw = await hotlineRepo.stats(db.pool, f, { raw: true })
        expect(raw.length).toBeGreaterThan(0)
        expect(await hotlineRepo.stats(db.pool, f), `${groupBy} ${scopes} ${from}`).toEqual(raw)
      }
    const solvedOnly = {
      groupBy: 'unit' as const,
      from: '2026-01-01',
      to: '2026-12-31',
      scopes: ['370612'],
      valid: ['satisfied'],
    }
    expect(await hotlineRepo.stats(db.pool, solvedOnly)).toEqual(
      await hotlineRepo.stats(db.pool, solvedOnly, { raw: true }),
    )
  })
})
