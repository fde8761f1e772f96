import type { Queryable, Tx } from './db.ts'
import { defineError } from './errors.ts'

export const docSeriesNotFound = defineError('DOCNUMBER_SERIES_NOT_FOUND', 'not_found', {
  zh: '文号序列 {key} 不存在',
  en: 'Document-number series {key} does not exist',
})
export const docPatternInvalid = defineError('DOCNUMBER_PATTERN_INVALID', 'validation', {
  zh: '文号格式无效：{reason}',
  en: 'Invalid document-number pattern: {reason}',
})

/**
 * Formats a number from a pattern. Placeholders: {yyyy} year, {yy} two-digit year, {mm} month,
 * {seq} or {seq:N} zero-padded sequence. Example: 牟审〔{yyyy}〕{seq:6} → 牟审〔2026〕000123.
 */
export function formatDocNumber(pattern: string, seq: number, at: Date): string {
  const yyyy = String(at.getFullYear())
  return pattern.replace(/\{(yyyy|yy|mm|seq)(?::(\d+))?\}/g, (_, token: string, width?: string) => {
    if (token === 'yyyy') return yyyy
    if (token === 'yy') return yyyy.slice(2)
    if (token === 'mm') return String(at.getMonth() + 1).padStart(2, '0')
    return String(seq).padStart(Number(width ?? 1), '0')
  })
}

export function validateDocPattern(pattern: string): void {
  if (!/\{seq(?::\d+)?\}/.test(pattern)) throw docPatternInvalid({ reason: '缺少 {seq}' })
  const unknown = pattern.match(/\{(?!yyyy\}|yy\}|mm\}|seq(?::\d+)?\})[^}]*\}/)
  if (unknown) throw docPatternInvalid({ reason: unknown[0] })
}

/** Periods are by year for 'yearly' series in China Standard Time (UTC+8, no DST), whatever the server's zone. */
export function periodOf(reset: string, at: Date): string {
  if (reset === 'never') return 'all'
  return String(new Date(at.getTime() + 8 * 3600_000).getUTCFullYear())
}

export async function ensureDocSeries(
  db: Queryable,
  s: { key: string; name: string; pattern: string; reset?: string },
) {
  validateDocPattern(s.pattern)
  await db.query(
    `insert into core_doc_series (key, name, pattern, reset) values ($1,$2,$3,$4)
     on conflict (key) do update set name = excluded.name, pattern = excluded.pattern, reset = excluded.reset`,
    [s.key, s.name, s.pattern, s.reset ?? 'yearly'],
  )
}

/**
 * Allocates the next number of a series inside the caller's transaction. The counter row is locked until the
 * transaction ends, and rolls back with it: numbers are gap-free and never duplicated under concurrency.
 */
export async function allocateDocNumber(
  tx: Tx,
  key: string,
  at = new Date(),
): Promise<{ number: string; seq: number }> {
  return (await allocateDocNumbers(tx, key, at, 1))[0]!
}

/** Allocates `count` consecutive numbers of a series in one round trip (a batch of intakes numbered at once). */
export async function allocateDocNumbers(
  tx: Tx,
  key: string,
  at: Date,
  count: number,
): Promise<{ number: string; seq: number }[]> {
  if (count < 1) return []
  // One round trip: read the series and bump its counter for the period (the row lock holds until commit).
  const { rows } = await tx.query({
    name: 'core_doc_allocate',
    text: `with s as (select pattern, reset from core_doc_series where key = $1)
     insert into core_doc_counter (series_key, period, last_value)
     select $1, case when s.reset = 'never' then 'all' else $2 end, $3 from s
     on conflict (series_key, period) do update set last_value = core_doc_counter.last_value + $3
     returning last_value, (select pattern from s) as pattern`,
    values: [key, periodOf('yearly', at), count],
  })
  if (!rows[0]) throw docSeriesNotFound({ key })
  const pattern = rows[0].pattern as string
  const last = Number(rows[0].last_value)
  const cst = new Date(at.getTime() + 8 * 3600_000)
  const shown = new Date(cst.getUTCFullYear(), cst.getUTCMonth(), cst.getUTCDate())
  return Array.from({ length: count }, (_, i) => {
    const seq = last - count + 1 + i
    return { number: formatDocNumber(pattern, seq, shown), seq }
  })
}
