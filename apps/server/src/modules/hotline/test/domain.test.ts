import { isCnPhone } from '@ruyu/contracts/hotline'
import { describe, expect, it } from 'vitest'
import { validateSpec } from '../../workflow/index.ts'
import {
  actionsFor,
  DEFAULT_SETTINGS,
  handleLimit,
  maskName,
  maskPhone,
  maskText,
  mergeSettings,
  orderSpec,
  publicStatusOf,
  rates,
  searchQuery,
  searchTokens,
  titleOf,
  townOf,
} from '../domain.ts'
import { ratio, zeroCounts } from '../stats.ts'

describe('hotline domain rules', () => {
  it('the work-order definition is a valid workflow spec', () => {
    expect(() => validateSpec(orderSpec)).not.toThrow()
  })

  it('phones: mobiles and landlines with area code', () => {
    for (const ok of ['13805351234', '0535-4232102', '05354232102', '010-12345678', '0535-4232102-801'])
      expect(isCnPhone(ok), ok).toBe(true)
    for (const bad of ['110', '12345678901', '4232102', '0535-42', 'abc']) expect(isCnPhone(bad), bad).toBe(false)
  })

  it('masks confidential callers everywhere in free text', () => {
    expect(maskName('张立新')).toBe('张**')
    expect(maskName('王')).toBe('*')
    expect(maskPhone('15054521876')).toBe('150****1876')
    expect(maskPhone('0535-4232102')).toBe('0535-***2102')
    expect(maskText('来电人张立新，电话15054521876', { name: '张立新', phone: '15054521876' })).toBe(
      '来电人张**，电话150****1876',
    )
  })

  it('Chinese search tokens: ICU words plus bigrams, so phrasing differences still match', () => {
    const doc = searchTokens('暖气不热怎么办？供暖期室温低于18℃')
    expect(doc).toEqual(expect.arrayContaining(['暖气', '不热', '供暖', '室温', '18']))
    const q = searchQuery('暖气片不热')!.split(' | ')
    expect(q.filter((x) => doc.includes(x)).length).toBeGreaterThanOrEqual(2)
    expect(searchQuery('热')).toBe('热')
    expect(searchQuery('？！')).toBeNull()
  })

  it('time limits from settings: urgent by hours, others by type or the general rule', () => {
    expect(handleLimit(DEFAULT_SETTINGS, 'complaint', 'normal')).toMatchObject({ amount: 5, unit: 'workday' })
    expect(handleLimit(DEFAULT_SETTINGS, 'help', 'urgent')).toMatchObject({ amount: 24, unit: 'hour' })
    const local = mergeSettings({
      timeLimits: { ...DEFAULT_SETTINGS.timeLimits, handleByType: { consult: { amount: 2, unit: 'workday' } } },
    })
    expect(handleLimit(local, 'consult', 'normal').amount).toBe(2)
    expect(local.stats.basicallySatisfiedWeight).toBe(0.8)
  })

  it('public status, titles, towns and buttons', () => {
    expect(publicStatusOf('dispatching')).toBe('received')
    expect(publicStatusOf('handling')).toBe('processing')
    expect(publicStatusOf('followup')).toBe('replied')
    expect(publicStatusOf('merged')).toBe('closed')
    expect(titleOf('暖气不热。已经一周了')).toBe('暖气不热')
    expect(townOf('370612002001')).toBe('370612002')
    expect(townOf('370612')).toBeNull()
    expect(actionsFor('pending_ack', 'main_unit', true)).toEqual(['acknowledge', 'return', 'note'])
    expect(actionsFor('pending_ack', 'co_unit', true)).toEqual(['note'])
    expect(actionsFor('handling', 'main_unit', false)).toEqual([])
  })

  it('rates: every convention chooses among exact counts; 基本满意 weighted; empty denominators give null', () => {
    const c = zeroCounts('x', 'x')
    Object.assign(c, { total: 10, dispatched: 8, closedByUnit: 6, ackedOnTime: 6, contactedOnTime: 5 })
    Object.assign(c, { followupDue: 7, followedUp: 6 })
    c.received = {
      total: 10,
      declined: 1,
      closed: 8,
      closedOnTimeFirst: 4,
      closedOnTimeLast: 5,
      repliedOnTimeFirst: 6,
      repliedOnTimeLast: 5,
    }
    c.due = {
      total: 9,
      declined: 1,
      closed: 8,
      closedOnTimeFirst: 4,
      closedOnTimeLast: 5,
      repliedOnTimeFirst: 6,
      repliedOnTimeLast: 5,
    }
    c.latest = { satisfied: 3, basicallySatisfied: 1, unsatisfied: 1, unreachable: 1, valid: 5, solved: 4 }
    c.calls = { satisfied: 3, basicallySatisfied: 1, unsatisfied: 3, unreachable: 1, valid: 7, solved: 4 }
    // Defaults: due cohort without the decline (8), first reply, contact, every call.
    const d = rates(c, DEFAULT_SETTINGS.stats)
    expect(d).toMatchObject({ cohort: 8, closed: 7, closedOnTime: 4, repliedOnTime: 6, respondedOnTime: 5 })
    expect(d).toMatchObject({ closeRate: 0.875, onTimeRate: 0.5, onTimeReplyRate: 0.75, responseRate: 0.625 })
    expect(d).toMatchObject({ followupRate: 0.8571, validFollowupRate: 0.875, solveRate: 0.5714 })
    expect(d.fractions.satisfactionRate).toEqual({ numerator: 3.8, denominator: 7 })
    expect(d.satisfactionRate).toBe(0.5429)
    const legacy = rates(c, {
      ...DEFAULT_SETTINGS.stats,
      closeBasis: 'received',
      onTimeBy: 'last_reply',
      declined: 'closed',
      responseBy: 'acknowledge',
      followupCount: 'latest',
    })
    expect(legacy).toMatchObject({ cohort: 10, closed: 8, closedOnTime: 5, repliedOnTime: 5, respondedOnTime: 6 })
    expect(legacy).toMatchObject({ closeRate: 0.8, onTimeRate: 0.5, responseRate: 0.75, satisfactionRate: 0.76 })
    expect(rates(c, { ...DEFAULT_SETTINGS.stats, declined: 'closed_on_time' })).toMatchObject({
      cohort: 9,
      closed: 8,
      closedOnTime: 5,
      repliedOnTime: 7,
    })
    expect(rates(zeroCounts('y', 'y'), DEFAULT_SETTINGS.stats)).toMatchObject({
      satisfactionRate: null,
      responseRate: null,
      followupRate: null,
    })
  })

  it('rounding: half up to 4 decimals, exactly, also for a weighted numerator', () => {
    expect(ratio(1, 32)).toBe(0.0313) // 0.03125
    expect(ratio(1, 3)).toBe(0.3333)
    expect(ratio(2, 3)).toBe(0.6667)
    expect(ratio(0.8 * 3 + 1, 16)).toBe(0.2125)
    expect(ratio(4.8, 7)).toBe(0.6857)
    expect(ratio(1, 0)).toBeNull()
  })
})
