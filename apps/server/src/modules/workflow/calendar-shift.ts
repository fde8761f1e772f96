/**
 * Moving working-day deadlines onto a newly imported holiday schedule (DOMAIN.md §7, point 3). Pure: the calendars
 * before and after the import come in as arguments.
 */
import { addWorkdays, type CalendarData, workdaysBetween, type YearSchedule } from '../../platform/calendar/domain.ts'
import { type Calendarish, cstDate, endOfCstDay } from './domain.ts'

/** The active schedules with one year replaced by a given version (null: the year's fallback rules). */
export function calendarWith(base: CalendarData, year: number, schedule: YearSchedule | null): Calendarish {
  const data = new Map(base)
  if (schedule) data.set(year, schedule)
  else data.delete(year)
  return {
    addWorkdays: (from, n) => addWorkdays(from, n, data),
    workdaysBetween: (from, to) => workdaysBetween(from, to, data),
  }
}

/**
 * The deadline of a clock that started at `start` and was due at `due` on the old calendar, on the new one: the
 * same number of working days from the start date (pauses and extensions, counted in working days, are in it).
 * Returns `due` itself when nothing changes.
 */
export function shiftDeadline(start: Date, due: Date, before: Calendarish, after: Calendarish): Date {
  const from = cstDate(start)
  const to = cstDate(due)
  if (to <= from) return due
  const days = before.workdaysBetween(from, to).days
  const moved = after.addWorkdays(from, days).date
  return moved === to ? due : endOfCstDay(moved)
}

/** The yellow-card time `warnBefore` working days before a working-day deadline (as `computeDeadline` does). */
export function warnBeforeDue(due: Date, warnBefore: number, cal: Calendarish): Date {
  return endOfCstDay(cal.addWorkdays(cstDate(due), -warnBefore).date)
}

/** Does a clock running from `start` to `due` cross any day of `year` (China Standard Time dates)? */
export const touchesYear = (start: Date, due: Date, year: number) =>
  cstDate(due) >= `${year}-01-01` && cstDate(start) <= `${year}-12-31`
