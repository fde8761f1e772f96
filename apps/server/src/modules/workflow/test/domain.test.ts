import { describe, expect, it } from 'vitest'
import {
  actorMay,
  availableActions,
  type Calendarish,
  computeDeadline,
  type EngineActor,
  evaluateGuard,
  evaluateJoin,
  SpecError,
  shiftForPause,
  slaStatus,
  validateSpec,
} from '../domain.ts'
import { reviewSpec, themeSpec } from './fixtures.ts'

// A small calendar: weekends off, plus 2026-10-01..07 holidays and the 2026-10-10 make-up day.
const HOLIDAYS = new Set([
  '2026-10-01',
  '2026-10-02',
  '2026-10-03',
  '2026-10-04',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
])
const WORKDAYS = new Set(['2026-10-10'])
const isWork = (d: string) => {
  if (WORKDAYS.has(d)) return true
  if (HOLIDAYS.has(d)) return false
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay()
  return wd !== 0 && wd !== 6
}
const step = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const cal: Calendarish = {
  addWorkdays(from, n) {
    let d = from
    let left = Math.abs(n)
    while (left > 0) {
      d = step(d, n > 0 ? 1 : -1)
      if (isWork(d)) left--
    }
    return { date: d, provisional: false }
  },
  workdaysBetween(from, to) {
    let days = 0
    for (let d = step(from, 1); d <= to; d = step(d, 1)) if (isWork(d)) days++
    return { days, provisional: false }
  },
}

const reviewer = (dept: string): EngineActor => ({
  kind: 'user',
  userId: 'u-r',
  roles: ['dept_reviewer'],
  departmentIds: [dept],
  scopes: ['370612'],
})
const inst = {
  applicantId: 'u-app',
  divisionCode: '370612106',
  branch: { key: 'zj', name: '住建局', departmentId: 'D-ZJ' },
  context: {},
}

describe('definitions', () => {
  it('accepts the fixtures', () => {
    expect(() => validateSpec(reviewSpec)).not.toThrow()
    expect(() => validateSpec(themeSpec('all'))).not.toThrow()
  })
  it('rejects unknown targets, dead ends and bad onOverdue', () => {
    const broken = structuredClone(reviewSpec)
    broken.states.reviewing!.actions![0]!.to = 'nowhere'
    expect(() => validateSpec(broken)).toThrow(SpecError)
    const dead = structuredClone(reviewSpec)
    dead.states.reviewing!.actions = []
    expect(() => validateSpec(dead)).toThrow(/no way out/)
    const overdue = structuredClone(reviewSpec)
    overdue.states.pending!.onOverdue = { action: 'approve' }
    expect(() => validateSpec(overdue)).toThrow(/onOverdue/)
  })
})

describe('who may act', () => {
  it('a reviewer of the branch department may accept; another department may not', () => {
    const pending = reviewSpec.states.pending!
    const accept = pending.actions![0]!
    expect(actorMay(accept, reviewer('D-ZJ'), inst, pending.assignee)).toBe(true)
    expect(actorMay(accept, reviewer('D-HB'), inst, pending.assignee)).toBe(false)
  })
  it('scope matters: a reviewer scoped to another town may not act', () => {
    const a = { ...reviewer('D-ZJ'), scopes: ['370612001'] }
    expect(availableActions(reviewSpec, 'pending', a, inst)).toEqual([])
  })
  it('the applicant supplies; the system alone takes deemed consent, and only when the branch allows it', () => {
    const app: EngineActor = {
      kind: 'user',
      userId: 'u-app',
      roles: ['enterprise_user'],
      departmentIds: [],
      scopes: [],
    }
    expect(availableActions(reviewSpec, 'supplement', app, inst).map((a) => a.key)).toEqual(['supply'])
    const sys: EngineActor = { kind: 'system', userId: null, roles: [], departmentIds: [], scopes: [] }
    expect(availableActions(reviewSpec, 'pending', sys, inst).map((a) => a.key)).toEqual([])
    expect(
      availableActions(reviewSpec, 'pending', sys, { ...inst, branch: { ...inst.branch, deemedConsent: true } }).map(
        (a) => a.key,
      ),
    ).toEqual(['deemed_consent'])
  })
})

describe('guards', () => {
  it('evaluates all/any/not and comparisons', () => {
    const scope = { context: { investmentWan: 3000, type: 'industrial' } }
    expect(
      evaluateGuard(
        {
          all: [
            { field: 'context.type', eq: 'industrial' },
            { field: 'context.investmentWan', lt: 5000 },
          ],
        },
        scope,
      ),
    ).toBe(true)
    expect(
      evaluateGuard(
        {
          any: [
            { field: 'context.type', eq: 'housing' },
            { field: 'context.investmentWan', gt: 5000 },
          ],
        },
        scope,
      ),
    ).toBe(false)
    expect(evaluateGuard({ not: { field: 'context.missing', exists: true } }, scope)).toBe(true)
    expect(evaluateGuard({ field: 'context.type', in: ['industrial', 'logistics'] }, scope)).toBe(true)
  })
})

describe('joins', () => {
  const A = 'approved'
  const R = 'rejected'
  it('all: waits for every branch; approved only if all approved', () => {
    expect(evaluateJoin('all', [A, A, null])).toBe('pending')
    expect(evaluateJoin('all', [A, R, null])).toBe('pending')
    expect(evaluateJoin('all', [A, R, A])).toBe('rejected')
    expect(evaluateJoin('all', [A, A, A])).toBe('approved')
  })
  it('reject_on_first rejects at once', () => {
    expect(evaluateJoin('reject_on_first', [null, R, null])).toBe('rejected')
  })
  it('any approves at the first approval', () => {
    expect(evaluateJoin('any', [null, A, null])).toBe('approved')
    expect(evaluateJoin('any', [R, R, R])).toBe('rejected')
  })
  it('quorum counts rejections as votes: rejected once the quorum is out of reach', () => {
    expect(evaluateJoin({ quorum: 2 }, [A, null, null])).toBe('pending')
    expect(evaluateJoin({ quorum: 2 }, [A, A, null])).toBe('approved')
    expect(evaluateJoin({ quorum: 2 }, [R, R, null])).toBe('rejected')
    expect(evaluateJoin({ quorum: 3 }, [A, A, R])).toBe('rejected')
  })
})

describe('SLA clocks', () => {
  it('a working-day deadline ends at 23:59:59 CST of the n-th working day, skipping National Day', () => {
    const from = new Date('2026-09-30T02:00:00Z') // 10:00 CST, Wednesday before the holiday
    const d = computeDeadline(from, { amount: 3, unit: 'workday', warnBefore: 1 }, cal)
    // Working days after 09-30: 10-08 (Thu), 10-09 (Fri), 10-10 (Sat make-up).
    expect(d.dueAt.toISOString()).toBe('2026-10-10T15:59:59.999Z')
    expect(d.warnAt!.toISOString()).toBe('2026-10-09T15:59:59.999Z')
  })
  it('an hour deadline is clock time', () => {
    const d = computeDeadline(new Date('2026-10-01T00:00:00Z'), { amount: 2, unit: 'hour' }, cal)
    expect(d.dueAt.toISOString()).toBe('2026-10-01T02:00:00.000Z')
  })
  it('a pause moves a working-day deadline by the working days it covered', () => {
    const due = new Date('2026-10-16T15:59:59.999Z') // Fri 10-16 end of day CST
    // Paused Mon 10-12, resumed Wed 10-14: two working days (13, 14) → due moves to Tue 10-20.
    const moved = shiftForPause(due, new Date('2026-10-12T02:00:00Z'), new Date('2026-10-14T02:00:00Z'), 'workday', cal)
    expect(moved.toISOString()).toBe('2026-10-20T15:59:59.999Z')
  })
  it('status: green, yellow, red, paused', () => {
    const dueAt = new Date('2026-10-10T00:00:00Z')
    const warnAt = new Date('2026-10-09T00:00:00Z')
    expect(slaStatus(new Date('2026-10-08T00:00:00Z'), { dueAt, warnAt, pausedAt: null, done: false })).toBe('on_track')
    expect(slaStatus(new Date('2026-10-09T12:00:00Z'), { dueAt, warnAt, pausedAt: null, done: false })).toBe('warning')
    expect(slaStatus(new Date('2026-10-11T00:00:00Z'), { dueAt, warnAt, pausedAt: null, done: false })).toBe('overdue')
    expect(slaStatus(new Date('2026-10-11T00:00:00Z'), { dueAt, warnAt, pausedAt: dueAt, done: false })).toBe('paused')
  })
})

describe('context-driven engine rules (hotline, issue #4)', () => {
  const cal = {
    addWorkdays: (from: string, n: number) => {
      const d = new Date(`${from}T00:00:00Z`)
      d.setUTCDate(d.getUTCDate() + n)
      return { date: d.toISOString().slice(0, 10), provisional: false }
    },
    workdaysBetween: () => ({ days: 0, provisional: false }),
  }

  it('assigneeDepartment reads the branch or a context path', async () => {
    const { assigneeDepartment } = await import('../domain.ts')
    const inst = { applicantId: null, divisionCode: '370612', branch: null, context: { unitId: 'u-1' } }
    expect(assigneeDepartment({ role: 'r', department: { from: 'context.unitId' } }, inst)).toBe('u-1')
    expect(assigneeDepartment({ role: 'r' }, inst)).toBeNull()
    expect(assigneeDepartment({ role: 'r', department: { from: 'context.none' } }, inst)).toBeNull()
  })

  it('pausesClock honours clock and pauseWhen; durationAt accepts only well-formed limits', async () => {
    const { pausesClock, durationAt } = await import('../domain.ts')
    expect(pausesClock({ name: 's', clock: 'paused' }, {})).toBe(true)
    expect(pausesClock({ name: 's', pauseWhen: { field: 'context.p', eq: true } }, { p: true })).toBe(true)
    expect(pausesClock({ name: 's', pauseWhen: { field: 'context.p', eq: true } }, { p: false })).toBe(false)
    expect(durationAt('context.sla', { sla: { amount: 2, unit: 'hour' } })).toEqual({ amount: 2, unit: 'hour' })
    expect(durationAt('context.sla', { sla: { amount: '2', unit: 'hour' } })).toBeNull()
    expect(durationAt(undefined, {})).toBeNull()
  })

  it('extendDeadline adds working days to the due date (end of day) or plain hours', async () => {
    const { extendDeadline } = await import('../domain.ts')
    const due = new Date('2026-03-02T23:59:59.999+08:00')
    expect(extendDeadline(due, 3, 'workday', cal).toISOString()).toBe(
      new Date('2026-03-05T23:59:59.999+08:00').toISOString(),
    )
    expect(extendDeadline(due, 2, 'hour', cal).getTime() - due.getTime()).toBe(7_200_000)
  })
})
