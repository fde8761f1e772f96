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

  it('rates: 基本满意 weighted, unreachable outside the denominator, empty denominators give null', () => {
    const counts = {
      key: 'x',
      name: 'x',
      total: 10,
      dispatched: 8,
      closed: 9,
      closedByUnit: 8,
      closedOnTime: 7,
      respondedOnTime: 6,
      followedUp: 8,
      validFollowups: 5,
      satisfied: 3,
      basicallySatisfied: 1,
      unsatisfied: 1,
      unreachable: 3,
      solved: 4,
    }
    expect(rates(counts, DEFAULT_SETTINGS.stats)).toMatchObject({
      closeRate: 0.9,
      onTimeRate: 0.7,
      responseRate: 0.75,
      followupRate: 1,
      solveRate: 0.8,
      satisfactionRate: 0.76,
    })
    expect(rates({ ...counts, validFollowups: 0, dispatched: 0 }, DEFAULT_SETTINGS.stats)).toMatchObject({
      satisfactionRate: null,
      responseRate: null,
    })
  })
})
