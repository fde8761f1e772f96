/** The reference data a scenario is generated against: leaf categories, villages, routing rules and units. */
import type { Tx } from '../../platform/db.ts'
import { FLAT, problemsOf, SEASONS } from './scenario-mix.ts'

export interface Leaf {
  id: string
  topId: string
  code: string
  name: string
  pathName: string
  /** Category ids from the root down to this leaf. */
  pathIds: string[]
  base: number
  months: readonly number[]
  problems: readonly string[]
}
export interface Village {
  code: string
  townCode: string | null
  label: string
  lat: number
  lng: number
}
export interface Rule {
  categoryId: string | null
  divisionPrefix: string
  unitId: string
  coUnitIds: string[]
}
export interface Unit {
  id: string
  name: string
}

export async function loadReference(tx: Tx, divisionCode: string) {
  const cats = (
    await tx.query(
      `select c.id, c.code, c.name, c.path, c.path_name,
              exists (select 1 from hotline_category k where k.parent_id = c.id and k.active) as has_children
       from hotline_category c where c.active order by c.code`,
    )
  ).rows
  const leaves: Leaf[] = cats
    .filter((c) => !c.has_children)
    .map((c) => {
      const pathIds = String(c.path).split('/').filter(Boolean)
      const season = SEASONS.find((s) => s.re.test(c.path_name))
      return {
        id: c.id,
        topId: pathIds[0] ?? c.id,
        code: c.code,
        name: c.name,
        pathName: c.path_name,
        pathIds,
        base: season?.base ?? 1,
        months: season?.months ?? FLAT,
        problems: problemsOf(c.path_name),
      }
    })
  if (!leaves.length) throw new Error('no active hotline categories: run `ruyu seed` first')

  const year = (await tx.query('select max(data_year) as y from core_division')).rows[0]?.y
  const divs = (
    await tx.query(
      'select code, name, level from core_division where data_year = $1 and (code = $2 or code like $3) order by code',
      [year, divisionCode, `${divisionCode}%`],
    )
  ).rows as { code: string; name: string; level: string }[]
  if (!divs.length) throw new Error(`unknown division ${divisionCode}`)
  const names = new Map(divs.map((d) => [d.code, d.name]))
  const parentNames = (
    await tx.query('select code, name from core_division where data_year = $1 and code = any($2)', [
      year,
      [divisionCode.slice(0, 6), divisionCode.slice(0, 9)],
    ])
  ).rows
  for (const p of parentNames) names.set(p.code, p.name)
  let targets = divs.filter((d) => d.level === 'village')
  if (!targets.length) targets = divs.filter((d) => d.code === divisionCode)
  const villages: Village[] = targets.map((d) => {
    const h = hashCode(d.code)
    const town = d.code.length >= 9 ? d.code.slice(0, 9) : null
    const townName = town && town !== d.code ? (names.get(town) ?? '') : ''
    return {
      code: d.code,
      townCode: town,
      label: `${names.get(d.code.slice(0, 6)) ?? ''}${townName}${d.name}`,
      // Muping district lies around 37.39 N, 121.60 E; each village gets a fixed spot within ~15 km.
      lat: 37.3866 + ((h % 1000) / 1000 - 0.5) * 0.26,
      lng: 121.6031 + ((Math.floor(h / 1000) % 1000) / 1000 - 0.5) * 0.34,
    }
  })

  const rules = (
    await tx.query(
      'select category_id, division_prefix, unit_id, co_unit_ids from hotline_routing_rule order by division_prefix',
    )
  ).rows.map(
    (r): Rule => ({
      categoryId: r.category_id,
      divisionPrefix: r.division_prefix,
      unitId: r.unit_id,
      coUnitIds: r.co_unit_ids ?? [],
    }),
  )
  const unitRows = (
    await tx.query(
      `select id, name, division_code from core_org_unit
       where id = any($1) or division_code = $2 or division_code = $3 order by code`,
      [rules.flatMap((r) => [r.unitId, ...r.coUnitIds]), divisionCode.slice(0, 9), divisionCode.slice(0, 6)],
    )
  ).rows
  const units = new Map<string, Unit>(unitRows.map((u) => [u.id, { id: u.id, name: u.name }]))
  if (!units.size) throw new Error('no handling units: run `ruyu seed` first')
  const fallback = unitRows.find((u) => u.division_code === divisionCode.slice(0, 9)) ?? unitRows[0]!
  return { leaves, villages, rules, units, fallbackUnitId: fallback.id as string }
}

export function hashCode(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** The rule intake would suggest: deepest category on the leaf's path, then the longest division prefix. */
export function routeOf(rules: readonly Rule[], leaf: Leaf, divisionCode: string): Rule | null {
  let best: Rule | null = null
  let bestDepth = -2
  for (const r of rules) {
    if (!divisionCode.startsWith(r.divisionPrefix)) continue
    const depth = r.categoryId === null ? -1 : leaf.pathIds.indexOf(r.categoryId)
    if (r.categoryId !== null && depth < 0) continue
    if (depth > bestDepth || (depth === bestDepth && r.divisionPrefix.length > (best?.divisionPrefix.length ?? 0))) {
      best = r
      bestDepth = depth
    }
  }
  return best
}
