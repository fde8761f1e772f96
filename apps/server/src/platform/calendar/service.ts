import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Actor } from '../audit.ts'
import { recordAudit } from '../audit.ts'
import type { CacheBus } from '../cache-bus.ts'
import type { Db, Queryable } from '../db.ts'
import { defineError } from '../errors.ts'
import type { Events } from '../outbox.ts'
import { addWorkdays, type CalendarData, isValidDate, isWorkday, workdaysBetween, type YearSchedule } from './domain.ts'

export const calendarInvalid = defineError('CALENDAR_SCHEDULE_INVALID', 'validation', {
  zh: '节假日安排无效：{reason}',
  en: 'Invalid holiday schedule: {reason}',
})

export interface ScheduleInput {
  source: string
  holidays: { date: string; name: string }[]
  workdays: { date: string; name: string }[]
}

export const SEED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'cn-holidays-2024-2026.json')

export interface Calendar {
  /** Reloads the active schedules from the database (after an import by another process). */
  reload(): Promise<void>
  data(): CalendarData
  isWorkday(date: string): { workday: boolean; provisional: boolean }
  addWorkdays(from: string, n: number): { date: string; provisional: boolean }
  workdaysBetween(from: string, to: string): { days: number; provisional: boolean }
  years(): Promise<
    { year: number; version: number; source: string; importedAt: string; holidays: number; workdays: number }[]
  >
  /** One stored version of a year's schedule, active or not (null: never imported, the fallback rules apply). */
  scheduleOf(year: number, version: number): Promise<YearSchedule | null>
  /** Imports (or replaces with a new version) one year's schedule; emits platform.calendar.imported. */
  importYear(
    actor: Actor,
    year: number,
    input: ScheduleInput,
    requestId?: string,
  ): Promise<{ year: number; version: number }>
}

export function validateSchedule(year: number, input: ScheduleInput): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw calendarInvalid({ reason: `year ${year}` })
  const seen = new Set<string>()
  for (const d of [...input.holidays, ...input.workdays]) {
    if (!isValidDate(d.date)) throw calendarInvalid({ reason: `${d.date} 不是有效日期` })
    if (!d.date.startsWith(`${year}-`)) throw calendarInvalid({ reason: `${d.date} 不属于 ${year} 年` })
    if (seen.has(d.date)) throw calendarInvalid({ reason: `${d.date} 重复` })
    seen.add(d.date)
  }
  if (input.holidays.length === 0) throw calendarInvalid({ reason: '没有节假日' })
}

/** Cache-bus topic of the active schedules: an import on any node makes every process reload them. */
export const CALENDAR_TOPIC = 'platform.calendar'

export function createCalendar(db: Db, events?: Events, caches?: CacheBus): Calendar {
  let cache: Map<number, YearSchedule> = new Map()

  async function load(q: Queryable) {
    const years = await q.query('select year, version from core_calendar_year where active')
    const days = await q.query(
      `select d.year, d.version, to_char(d.day, 'YYYY-MM-DD') as day, d.type from core_calendar_day d
       join core_calendar_year y on y.year = d.year and y.version = d.version and y.active`,
    )
    const next = new Map<number, YearSchedule>()
    for (const y of years.rows)
      next.set(y.year, { year: y.year, version: y.version, holidays: new Set(), workdays: new Set() })
    for (const d of days.rows) {
      const s = next.get(d.year)
      if (!s) continue
      ;(d.type === 'holiday' ? (s.holidays as Set<string>) : (s.workdays as Set<string>)).add(d.day)
    }
    cache = next
  }

  // Reloads run one at a time; one asked for during a load runs after it (that load may predate the change).
  let loading: Promise<void> | null = null
  let again = false
  const reload = (): Promise<void> => {
    if (loading) {
      again = true
      return loading
    }
    loading = (async () => {
      try {
        do {
          again = false
          await load(db.pool)
        } while (again)
      } finally {
        loading = null
      }
    })()
    return loading
  }
  caches?.onInvalidate(CALENDAR_TOPIC, () => void reload().catch(() => {}))

  return {
    reload,
    data: () => cache,
    isWorkday: (date) => isWorkday(date, cache),
    addWorkdays: (from, n) => addWorkdays(from, n, cache),
    workdaysBetween: (from, to) => workdaysBetween(from, to, cache),
    async years() {
      const { rows } = await db.query(
        `select y.year, y.version, y.source, y.imported_at,
           count(*) filter (where d.type = 'holiday')::int as holidays,
           count(*) filter (where d.type = 'workday')::int as workdays
         from core_calendar_year y left join core_calendar_day d on d.year = y.year and d.version = y.version
         where y.active group by y.year, y.version, y.source, y.imported_at order by y.year`,
      )
      return rows.map((r) => ({
        year: r.year,
        version: r.version,
        source: r.source,
        importedAt: new Date(r.imported_at).toISOString(),
        holidays: r.holidays,
        workdays: r.workdays,
      }))
    },
    async scheduleOf(year, version) {
      const { rows } = await db.query(
        `select to_char(day, 'YYYY-MM-DD') as day, type from core_calendar_day where year = $1 and version = $2`,
        [year, version],
      )
      if (!rows.length) return null
      const s = { year, version, holidays: new Set<string>(), workdays: new Set<string>() }
      for (const d of rows) (d.type === 'holiday' ? s.holidays : s.workdays).add(d.day)
      return s
    },
    async importYear(actor, year, input, requestId) {
      validateSchedule(year, input)
      const out = await db.tx(async (tx) => {
        await tx.query('select pg_advisory_xact_lock(727002, $1)', [year])
        const prev = await tx.query('select coalesce(max(version), 0) v from core_calendar_year where year = $1', [
          year,
        ])
        const version = Number(prev.rows[0].v) + 1
        await tx.query('update core_calendar_year set active = false where year = $1', [year])
        await tx.query('insert into core_calendar_year (year, version, source, imported_by) values ($1,$2,$3,$4)', [
          year,
          version,
          input.source,
          actor.kind === 'user' ? actor.id : null,
        ])
        const rows = [
          ...input.holidays.map((d) => [d.date, 'holiday', d.name]),
          ...input.workdays.map((d) => [d.date, 'workday', d.name]),
        ]
        await tx.query(
          `insert into core_calendar_day (year, version, day, type, name)
           select $1, $2, d::date, t, n from unnest($3::text[], $4::text[], $5::text[]) as x(d, t, n)`,
          [year, version, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
        )
        await recordAudit(tx, {
          actor,
          action: 'calendar.import',
          resourceType: 'calendar_year',
          resourceId: String(year),
          requestId,
          data: { version, source: input.source, holidays: input.holidays.length, workdays: input.workdays.length },
        })
        // Modules with open deadlines recompute them on this event (DOMAIN.md §7, point 3).
        await events?.enqueue(tx, 'platform.calendar.imported', { year, version })
        if (caches) await caches.invalidate(tx, CALENDAR_TOPIC)
        return { year, version }
      })
      await reload()
      return out
    },
  }
}

/** Loads the vendored 2024–2026 schedules (from the chinese-days package data) when the table is empty. */
export async function seedCalendar(db: Db, calendar: Calendar, actor: Actor): Promise<number> {
  const have = new Set((await db.query('select distinct year from core_calendar_year')).rows.map((r) => r.year))
  const data = JSON.parse(fs.readFileSync(SEED_FILE, 'utf8')) as {
    source: string
    years: Record<string, { notice?: string; holidays: ScheduleInput['holidays']; workdays: ScheduleInput['workdays'] }>
  }
  let n = 0
  for (const [y, s] of Object.entries(data.years)) {
    if (have.has(Number(y))) continue
    await calendar.importYear(actor, Number(y), {
      source: s.notice ? `${s.notice} (${data.source})` : data.source,
      holidays: s.holidays,
      workdays: s.workdays,
    })
    n++
  }
  return n
}
