/**
 * PRC working-day arithmetic (行政许可法 art. 82: periods count working days, excluding statutory holidays).
 * Pure: the calendar data comes in as an argument. Dates are 'YYYY-MM-DD' strings (China Standard Time dates).
 */
export interface YearSchedule {
  year: number
  version: number
  holidays: ReadonlySet<string>
  workdays: ReadonlySet<string>
}

export type CalendarData = ReadonlyMap<number, YearSchedule>

export interface DayResult {
  date: string
  /** True when the computation crossed a year with no published schedule (fallback rules were used). */
  provisional: boolean
}

const DAY = 86_400_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function parseDate(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`Not a date: ${date}`)
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  if (new Date(t).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a date: ${date}`)
  return t
}

export const formatDate = (t: number) => new Date(t).toISOString().slice(0, 10)
export const isValidDate = (s: string) => {
  try {
    parseDate(s)
    return true
  } catch {
    return false
  }
}

// Fixed-date statutory holidays used only for years without a published schedule (the movable lunar ones and
// the 调休 make-up days cannot be known in advance, hence "provisional").
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']

function dayInfo(t: number, cal: CalendarData): { workday: boolean; known: boolean } {
  const date = formatDate(t)
  const year = Number(date.slice(0, 4))
  const weekday = new Date(t).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  const s = cal.get(year)
  if (!s) return { workday: !weekend && !FIXED_HOLIDAYS.includes(date.slice(5)), known: false }
  if (s.workdays.has(date)) return { workday: true, known: true }
  if (s.holidays.has(date)) return { workday: false, known: true }
  return { workday: !weekend, known: true }
}

export function isWorkday(date: string, cal: CalendarData): { workday: boolean; provisional: boolean } {
  const i = dayInfo(parseDate(date), cal)
  return { workday: i.workday, provisional: !i.known }
}

/**
 * The date n working days after `from` (day 1 is the first working day after `from`); negative n counts back.
 * n = 0 returns `from` itself.
 */
export function addWorkdays(from: string, n: number, cal: CalendarData): DayResult {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer')
  let t = parseDate(from)
  let provisional = !cal.has(new Date(t).getUTCFullYear())
  const step = n >= 0 ? DAY : -DAY
  let left = Math.abs(n)
  while (left > 0) {
    t += step
    const i = dayInfo(t, cal)
    if (!i.known) provisional = true
    if (i.workday) left--
  }
  return { date: formatDate(t), provisional }
}

/** Working days in (from, to]; negative when to is before from. addWorkdays(from, result) lands on or before to. */
export function workdaysBetween(from: string, to: string, cal: CalendarData): { days: number; provisional: boolean } {
  const a = parseDate(from)
  const b = parseDate(to)
  const sign = b >= a ? 1 : -1
  let provisional = false
  let days = 0
  const [lo, hi] = sign > 0 ? [a, b] : [b, a]
  for (let t = lo + DAY; t <= hi; t += DAY) {
    const i = dayInfo(t, cal)
    if (!i.known) provisional = true
    if (i.workday) days++
  }
  return { days: sign * days, provisional }
}

/** Calendar-hours deadline (urgent hotline orders): plain clock arithmetic. */
export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3_600_000)
}
