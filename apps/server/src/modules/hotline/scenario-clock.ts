/** Time in the scenario: CST days, the working-day calendar's deadlines, and office hours for staff actions. */
import type { Platform } from '../../platform/platform.ts'
import type { handleLimit } from './domain.ts'
import type { Rng } from './scenario-rng.ts'

export const DAY = 86_400_000
export const HOUR = 3_600_000
export const MIN = 60_000
export const CST = 8 * HOUR

type Limit = ReturnType<typeof handleLimit>
export const cstDate = (t: number) => new Date(t + CST).toISOString().slice(0, 10)
const endOfCstDay = (date: string) => Date.parse(`${date}T23:59:59.999+08:00`)

export function makeClock(platform: Platform) {
  const cache = new Map<string, string>()
  const addWorkdays = (date: string, n: number) => {
    const k = `${date}|${n}`
    let v = cache.get(k)
    if (v === undefined) {
      v = platform.calendar.addWorkdays(date, n).date
      cache.set(k, v)
    }
    return v
  }
  return {
    addWorkdays,
    /** Deadline of a limit started at t (the engine's rule: end of the n-th working day, or plain hours). */
    deadline(t: number, d: Limit): { due: number; warn: number | null } {
      if (d.unit === 'hour')
        return { due: t + d.amount * HOUR, warn: d.warnBefore ? t + (d.amount - d.warnBefore) * HOUR : null }
      const due = addWorkdays(cstDate(t), d.amount)
      const warn = d.warnBefore && d.warnBefore < d.amount ? endOfCstDay(addWorkdays(due, -d.warnBefore)) : null
      return { due: endOfCstDay(due), warn }
    },
    extend: (due: number, days: number) => endOfCstDay(addWorkdays(cstDate(due), days)),
    isWorkday: (date: string) => platform.calendar.isWorkday(date).workday,
  }
}

/** Staff act in office hours: an instant at night or on a day off moves to the next working morning. */
export function officeHours(t: number, rng: Rng, clock: Clock): number {
  const local = t + CST
  const hour = Math.floor((local % DAY) / HOUR)
  const date = cstDate(t)
  if (hour >= 8 && hour < 18 && clock.isWorkday(date)) return t
  const next = hour >= 18 || !clock.isWorkday(date) ? clock.addWorkdays(date, 1) : date
  return Date.parse(`${next}T08:00:00+08:00`) + rng.int(150) * MIN
}

export type Clock = ReturnType<typeof makeClock>
