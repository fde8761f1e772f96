import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addWorkdays, type CalendarData, isWorkday, parseDate, workdaysBetween, type YearSchedule } from '../domain.ts'
import { SEED_FILE } from '../service.ts'

// The vendored State Council schedules, exactly as the seed loads them.
function seededCalendar(): CalendarData {
  const data = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as {
    years: Record<string, { holidays: { date: string }[]; workdays: { date: string }[] }>
  }
  const m = new Map<number, YearSchedule>()
  for (const [y, s] of Object.entries(data.years))
    m.set(Number(y), {
      year: Number(y),
      version: 1,
      holidays: new Set(s.holidays.map((d) => d.date)),
      workdays: new Set(s.workdays.map((d) => d.date)),
    })
  return m
}
const cal = seededCalendar()

describe('working-day calendar', () => {
  it('5 working days after 2026-02-13 is 2026-02-27 (counts the Feb 14 make-up day, skips Spring Festival)', () => {
    expect(addWorkdays('2026-02-13', 5, cal)).toEqual({ date: '2026-02-27', provisional: false })
  })

  it('knows 2026 holidays and make-up working days', () => {
    expect(isWorkday('2026-02-14', cal).workday).toBe(true) // Saturday, 调休上班
    expect(isWorkday('2026-02-16', cal).workday).toBe(false) // Monday, 春节
    expect(isWorkday('2026-10-08', cal).workday).toBe(true) // ordinary Thursday after National Day
    expect(isWorkday('2026-10-07', cal).workday).toBe(false)
    expect(isWorkday('2026-10-10', cal).workday).toBe(true) // Saturday make-up
    expect(isWorkday('2026-01-01', cal).workday).toBe(false)
    expect(isWorkday('2026-03-07', cal).workday).toBe(false) // plain Saturday
  })

  it('2024 and 2025 schedules are loaded too', () => {
    expect(isWorkday('2024-02-04', cal).workday).toBe(true) // Sunday make-up before 2024 Spring Festival
    expect(isWorkday('2025-01-28', cal).workday).toBe(false) // 除夕 2025 is a statutory holiday since the 2024 revision
    expect(isWorkday('2025-10-08', cal).workday).toBe(false) // 2025 National Day + Mid-Autumn ran to Oct 8
  })

  it('flags computations that reach a year with no published schedule as provisional', () => {
    const r = addWorkdays('2026-12-30', 3, cal)
    expect(r.provisional).toBe(true)
    expect(r.date).toBe('2027-01-05') // fallback still skips the fixed New Year holiday, never silently Mon–Fri
    expect(isWorkday('2027-01-01', cal)).toEqual({ workday: false, provisional: true })
    expect(addWorkdays('2026-12-01', 3, cal).provisional).toBe(false)
  })

  it('counts backwards and returns the start for n = 0', () => {
    expect(addWorkdays('2026-02-27', -5, cal).date).toBe('2026-02-13') // 26, 25, 24, 14 (make-up), 13
    expect(addWorkdays('2026-02-15', 0, cal).date).toBe('2026-02-15')
  })

  it('workdaysBetween is the inverse of addWorkdays', () => {
    expect(workdaysBetween('2026-02-13', '2026-02-27', cal)).toEqual({ days: 5, provisional: false })
    expect(workdaysBetween('2026-02-27', '2026-02-13', cal).days).toBe(-5)
    for (const n of [1, 7, 20, 45, 120]) {
      const end = addWorkdays('2026-01-05', n, cal).date
      expect(workdaysBetween('2026-01-05', end, cal).days).toBe(n)
    }
  })

  it('2026 has 248 working days: 261 weekdays − 19 weekday holidays + 6 make-up days', () => {
    expect(workdaysBetween('2025-12-31', '2026-12-31', cal).days).toBe(248)
  })

  it('rejects impossible dates', () => {
    expect(() => parseDate('2026-02-30')).toThrow(RangeError)
    expect(() => addWorkdays('2026-13-01', 1, cal)).toThrow(RangeError)
  })
})
