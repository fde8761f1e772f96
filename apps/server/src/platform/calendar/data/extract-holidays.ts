/**
 * Extracts the 2024–2026 State Council holiday schedules (放假 + 调休上班) from `chinese-days`.
 * Re-run after bumping the package or adding a year: `npx tsx apps/server/src/platform/calendar/data/extract-holidays.ts`
 * Writes cn-holidays-2024-2026.json beside this file; asserts 2026 against DOMAIN.md §7.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Notice numbers as printed on the documents; the 2026 one is cited by title only (number not confirmed).
const NOTICES: Record<string, string> = {
  '2024': '国办发明电〔2023〕7号',
  '2025': '国办发明电〔2024〕12号',
  '2026': '国务院办公厅关于2026年部分节假日安排的通知',
}

// The package uses short names (清明, 端午, 中秋); the notices use the full festival names.
const NAMES: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
}

interface DayEntry {
  date: string
  name: string
}
interface YearFile {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

const require = createRequire(import.meta.url)
const pkgJsonPath = require.resolve('chinese-days/package.json')
const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as { version: string }

// Package values look like "Spring Festival,春节,4": English name, Chinese name, statutory days.
function toEntries(map: Record<string, string>, suffix: string): DayEntry[] {
  return Object.entries(map)
    .map(([date, value]) => {
      const short = value.split(',')[1] ?? ''
      const name = NAMES[short]
      if (!name) throw new Error(`unknown festival "${value}" on ${date}`)
      return { date, name: name + suffix }
    })
    .sort((a, b) => a.date.localeCompare(b.date))
}

const years: Record<string, { notice: string; holidays: DayEntry[]; workdays: DayEntry[] }> = {}
for (const year of Object.keys(NOTICES)) {
  const file = JSON.parse(readFileSync(join(dirname(pkgJsonPath), 'dist', 'years', `${year}.json`), 'utf8')) as YearFile
  const holidays = toEntries(file.holidays, '')
  const workdays = toEntries(file.workdays, '调休')
  for (const d of [...holidays, ...workdays]) {
    if (!d.date.startsWith(`${year}-`)) throw new Error(`${d.date} filed under ${year}`)
  }
  for (const w of workdays) {
    const dow = new Date(`${w.date}T00:00:00Z`).getUTCDay()
    if (dow !== 0 && dow !== 6) throw new Error(`make-up workday ${w.date} is not a weekend`)
  }
  years[year] = { notice: NOTICES[year]!, holidays, workdays }
}

function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10))
  }
  return out
}
// DOMAIN.md §7, checked against the published 2026 notice.
const expected2026 = {
  holidays: [
    ['01-01', '01-03'],
    ['02-15', '02-23'],
    ['04-04', '04-06'],
    ['05-01', '05-05'],
    ['06-19', '06-21'],
    ['09-25', '09-27'],
    ['10-01', '10-07'],
  ].flatMap(([a, b]) => range(`2026-${a}`, `2026-${b}`)),
  workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'].map((d) => `2026-${d}`),
}
const got2026 = years['2026']!
if (JSON.stringify(got2026.holidays.map((d) => d.date)) !== JSON.stringify(expected2026.holidays)) {
  throw new Error('2026 holidays differ from DOMAIN.md §7')
}
if (JSON.stringify(got2026.workdays.map((d) => d.date)) !== JSON.stringify(expected2026.workdays)) {
  throw new Error('2026 make-up workdays differ from DOMAIN.md §7')
}

const line = (d: DayEntry) => `        ${JSON.stringify(d)}`
const yearBlocks = Object.entries(years).map(
  ([year, y]) =>
    `    ${JSON.stringify(year)}: {\n      "notice": ${JSON.stringify(y.notice)},\n` +
    `      "holidays": [\n${y.holidays.map(line).join(',\n')}\n      ],\n` +
    `      "workdays": [\n${y.workdays.map(line).join(',\n')}\n      ]\n    }`,
)
const source = `chinese-days@${pkg.version} (State Council notices)`
const json = `{\n  "source": ${JSON.stringify(source)},\n  "years": {\n${yearBlocks.join(',\n')}\n  }\n}\n`
JSON.parse(json)
const target = join(dirname(fileURLToPath(import.meta.url)), 'cn-holidays-2024-2026.json')
writeFileSync(target, json)

console.log(`wrote ${target}`)
for (const [year, y] of Object.entries(years)) {
  const byName = new Map<string, number>()
  for (const h of y.holidays) byName.set(h.name, (byName.get(h.name) ?? 0) + 1)
  const summary = [...byName].map(([n, c]) => `${n} ${c}`).join(', ')
  console.log(`${year}: ${y.holidays.length} holidays (${summary}); ${y.workdays.length} make-up workdays`)
}
