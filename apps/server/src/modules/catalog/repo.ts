import type {
  CertificateRef,
  FormField,
  HandlingLevel,
  Item,
  ItemSummary,
  Material,
  Park,
  Theme,
  ThemeStage,
  ThemeVariant,
  ZoneAssessmentKind,
} from '@ruyu/contracts/catalog'
import type { Queryable, Tx } from '../../platform/db.ts'

// Only catalog_* tables, plus core_org_unit (departments), core_division (park towns) and core_user (editor names),
// read-only. snake_case ↔ camelCase mapping lives here.

/** An item definition as stored in one version row. */
export interface ItemDefinition {
  name: string
  departmentId: string
  stage: number
  legalLimitDays: number
  committedLimitDays: number
  materials: Material[]
  formFields: FormField[]
  levels: HandlingLevel[]
  onlineCapable: boolean
  certificate: CertificateRef | null
  zoneAssessmentKind: string | null
  deemedConsent: boolean
  changeNote: string | null
}

export interface ThemeDefinition {
  name: string
  description: string | null
  formFields: FormField[]
  stages: ThemeStage[]
  variants: ThemeVariant[]
  changeNote: string | null
}

const ITEM_COLS = `i.code, v.version, v.version = i.current_version as current, v.name, o.code department_code,
  o.name department_name, v.stage, v.legal_limit_days, v.committed_limit_days, v.materials, v.form_fields, v.levels,
  v.online_capable, v.certificate, v.zone_assessment_kind, v.deemed_consent, v.change_note, v.created_at, u.display_name created_by`
const ITEM_FROM = `catalog_item i join catalog_item_version v on v.item_id = i.id
  join core_org_unit o on o.id = v.department_id left join core_user u on u.id = v.created_by`

const toItem = (r: Record<string, any>): Item => ({
  code: r.code,
  version: r.version,
  current: r.current,
  name: r.name,
  departmentCode: r.department_code,
  departmentName: r.department_name,
  stage: r.stage,
  legalLimitDays: r.legal_limit_days,
  committedLimitDays: r.committed_limit_days,
  materials: r.materials,
  formFields: r.form_fields,
  levels: r.levels,
  onlineCapable: r.online_capable,
  certificate: r.certificate ?? null,
  zoneAssessmentKind: r.zone_assessment_kind ?? null,
  deemedConsent: r.deemed_consent,
  changeNote: r.change_note ?? null,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by ?? null,
})

const toSummary = (r: Record<string, any>): ItemSummary => {
  const { materials, formFields, changeNote: _, ...rest } = toItem(r)
  return { ...rest, materialCount: materials.length, fieldCount: formFields.length }
}

const THEME_COLS = `t.code, v.version, v.version = t.current_version as current, v.name, v.description, v.form_fields,
  v.stages, v.variants, v.change_note, v.created_at, u.display_name created_by`
const THEME_FROM = `catalog_theme t join catalog_theme_version v on v.theme_id = t.id
  left join core_user u on u.id = v.created_by`

const toTheme = (r: Record<string, any>): Theme => ({
  code: r.code,
  version: r.version,
  current: r.current,
  name: r.name,
  description: r.description ?? null,
  formFields: r.form_fields,
  stages: r.stages,
  variants: r.variants,
  changeNote: r.change_note ?? null,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by ?? null,
})

export const catalogRepo = {
  // --- items ---
  async listItems(
    q: Queryable,
    f: { q?: string; department?: string; stage?: number; level?: string; limit: number; offset: number },
  ): Promise<{ items: ItemSummary[]; total: number }> {
    const { rows } = await q.query(
      `select ${ITEM_COLS}, count(*) over() total from ${ITEM_FROM}
       where v.version = i.current_version
         and ($1::text is null or strpos(v.name, $1) > 0 or starts_with(i.code, upper($1)))
         and ($2::text is null or o.code = $2)
         and ($3::int is null or v.stage = $3)
         and ($4::text is null or $4 = any(v.levels))
       order by i.code limit $5 offset $6`,
      [f.q ?? null, f.department ?? null, f.stage ?? null, f.level ?? null, f.limit, f.offset],
    )
    return { items: rows.map(toSummary), total: rows[0]?.total ?? 0 }
  },

  /** The current version, or a given one. */
  async findItem(q: Queryable, code: string, version?: number): Promise<Item | null> {
    const { rows } = await q.query(
      `select ${ITEM_COLS} from ${ITEM_FROM}
       where i.code = $1 and v.version = coalesce($2::int, i.current_version)`,
      [code, version ?? null],
    )
    return rows[0] ? toItem(rows[0]) : null
  },

  async itemVersions(q: Queryable, code: string): Promise<Item[]> {
    const { rows } = await q.query(`select ${ITEM_COLS} from ${ITEM_FROM} where i.code = $1 order by v.version desc`, [
      code,
    ])
    return rows.map(toItem)
  },

  /** Current versions of the given items, in the order asked. */
  /** Current version number of each item code (the cheap freshness check of the in-process cache). */
  /** The current version of every item (a few hundred rows at most). */
  async itemHeads(q: Queryable): Promise<Map<string, number>> {
    const { rows } = await q.query('select code, current_version from catalog_item')
    return new Map(rows.map((r) => [r.code as string, r.current_version as number]))
  },

  /** Given versions of items (immutable once stored). */
  async itemsAt(q: Queryable, keys: readonly { code: string; version: number }[]): Promise<Item[]> {
    if (keys.length === 0) return []
    const { rows } = await q.query(
      `select ${ITEM_COLS} from ${ITEM_FROM}
       join unnest($1::text[], $2::int[]) as k(code, version) on k.code = i.code and k.version = v.version`,
      [keys.map((k) => k.code), keys.map((k) => k.version)],
    )
    return rows.map(toItem)
  },

  async themeHeads(q: Queryable): Promise<Map<string, number>> {
    const { rows } = await q.query('select code, current_version from catalog_theme')
    return new Map(rows.map((r) => [r.code as string, r.current_version as number]))
  },

  async itemsByCodes(q: Queryable, codes: readonly string[]): Promise<Item[]> {
    if (codes.length === 0) return []
    const { rows } = await q.query(
      `select ${ITEM_COLS} from ${ITEM_FROM} where v.version = i.current_version and i.code = any($1)`,
      [codes],
    )
    const byCode = new Map(rows.map((r) => [r.code as string, toItem(r)]))
    return codes.flatMap((c) => byCode.get(c) ?? [])
  },

  async existingItemCodes(q: Queryable, codes: readonly string[]): Promise<Set<string>> {
    const { rows } = await q.query('select code from catalog_item where code = any($1)', [codes])
    return new Set(rows.map((r) => r.code as string))
  },

  /** Locks the item's head row for an edit; null when the item does not exist. */
  async lockItem(tx: Tx, code: string): Promise<{ id: string; currentVersion: number } | null> {
    const { rows } = await tx.query('select id, current_version from catalog_item where code = $1 for update', [code])
    return rows[0] ? { id: rows[0].id, currentVersion: rows[0].current_version } : null
  },

  /** Creates the head of a new item at version 1; null when another transaction created it first. */
  async insertItemHead(tx: Tx, code: string): Promise<string | null> {
    const { rows } = await tx.query(
      `insert into catalog_item (code, current_version) values ($1, 1) on conflict (code) do nothing returning id`,
      [code],
    )
    return rows[0]?.id ?? null
  },

  async insertItemVersion(tx: Tx, itemId: string, version: number, d: ItemDefinition, createdBy: string | null) {
    await tx.query(
      `insert into catalog_item_version (item_id, version, name, department_id, stage, legal_limit_days,
         committed_limit_days, materials, form_fields, levels, online_capable, certificate, zone_assessment_kind,
         deemed_consent, change_note, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
      [
        itemId,
        version,
        d.name,
        d.departmentId,
        d.stage,
        d.legalLimitDays,
        d.committedLimitDays,
        JSON.stringify(d.materials),
        JSON.stringify(d.formFields),
        d.levels,
        d.onlineCapable,
        d.certificate ? JSON.stringify(d.certificate) : null,
        d.zoneAssessmentKind,
        d.deemedConsent,
        d.changeNote,
        createdBy,
      ],
    )
    await tx.query('update catalog_item set current_version = $2, updated_at = now() where id = $1', [itemId, version])
  },

  async department(q: Queryable, code: string): Promise<{ id: string; divisionCode: string } | null> {
    const { rows } = await q.query('select id, division_code from core_org_unit where code = $1', [code])
    return rows[0] ? { id: rows[0].id, divisionCode: rows[0].division_code } : null
  },

  /** Departments that handle at least one current item, with how many. */
  async departments(q: Queryable) {
    const { rows } = await q.query(
      `select o.code, o.name, o.short_name, count(*)::int item_count from ${ITEM_FROM}
       where v.version = i.current_version group by o.code, o.name, o.short_name order by min(i.code)`,
    )
    return rows.map((r) => ({ code: r.code, name: r.name, shortName: r.short_name ?? null, itemCount: r.item_count }))
  },

  // --- themes ---
  async listThemes(q: Queryable): Promise<Theme[]> {
    const { rows } = await q.query(
      `select ${THEME_COLS} from ${THEME_FROM} where v.version = t.current_version order by t.code`,
    )
    return rows.map(toTheme)
  },

  async findTheme(q: Queryable, code: string, version?: number): Promise<Theme | null> {
    const { rows } = await q.query(
      `select ${THEME_COLS} from ${THEME_FROM} where t.code = $1 and v.version = coalesce($2::int, t.current_version)`,
      [code, version ?? null],
    )
    return rows[0] ? toTheme(rows[0]) : null
  },

  async themeVersions(q: Queryable, code: string): Promise<Theme[]> {
    const { rows } = await q.query(
      `select ${THEME_COLS} from ${THEME_FROM} where t.code = $1 order by v.version desc`,
      [code],
    )
    return rows.map(toTheme)
  },

  async lockTheme(tx: Tx, code: string): Promise<{ id: string; currentVersion: number } | null> {
    const { rows } = await tx.query('select id, current_version from catalog_theme where code = $1 for update', [code])
    return rows[0] ? { id: rows[0].id, currentVersion: rows[0].current_version } : null
  },

  async insertThemeHead(tx: Tx, code: string): Promise<string | null> {
    const { rows } = await tx.query(
      `insert into catalog_theme (code, current_version) values ($1, 1) on conflict (code) do nothing returning id`,
      [code],
    )
    return rows[0]?.id ?? null
  },

  async insertThemeVersion(tx: Tx, themeId: string, version: number, d: ThemeDefinition, createdBy: string | null) {
    await tx.query(
      `insert into catalog_theme_version (theme_id, version, name, description, form_fields, stages, variants,
         change_note, created_by) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [
        themeId,
        version,
        d.name,
        d.description,
        JSON.stringify(d.formFields),
        JSON.stringify(d.stages),
        JSON.stringify(d.variants),
        d.changeNote,
        createdBy,
      ],
    )
    await tx.query('update catalog_theme set current_version = $2, updated_at = now() where id = $1', [
      themeId,
      version,
    ])
  },

  // --- zone assessments and parks ---
  async zoneAssessmentKinds(q: Queryable): Promise<ZoneAssessmentKind[]> {
    const { rows } = await q.query(
      `select k.code, k.name, k.description, k.cost_per_mu_yuan::float8 cost,
         coalesce((select json_agg(json_build_object('code', i.code, 'name', v.name) order by i.code)
           from catalog_item i join catalog_item_version v on v.item_id = i.id and v.version = i.current_version
           where v.zone_assessment_kind = k.code), '[]') items
       from catalog_zone_assessment_kind k
       order by k.sort_order, k.code`,
    )
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      description: r.description ?? null,
      costPerMuYuan: r.cost,
      items: r.items,
    }))
  },

  async zoneAssessmentKindExists(q: Queryable, code: string): Promise<boolean> {
    return ((await q.query('select 1 from catalog_zone_assessment_kind where code = $1', [code])).rowCount ?? 0) > 0
  },

  /** Updates a kind; returns the previous values, or null when there is no such kind. */
  async updateZoneAssessmentKind(
    tx: Tx,
    code: string,
    d: { name: string; description: string | null; costPerMuYuan: number },
  ): Promise<{ name: string; description: string | null; costPerMuYuan: number } | null> {
    const { rows } = await tx.query(
      `update catalog_zone_assessment_kind k set name = $2, description = $3, cost_per_mu_yuan = $4, updated_at = now()
       from catalog_zone_assessment_kind old where k.id = old.id and k.code = $1
       returning old.name, old.description, old.cost_per_mu_yuan::float8 cost`,
      [code, d.name, d.description, d.costPerMuYuan],
    )
    return rows[0] ? { name: rows[0].name, description: rows[0].description, costPerMuYuan: rows[0].cost } : null
  },

  async parks(q: Queryable): Promise<Park[]> {
    const { rows } = await q.query(
      `select p.code, p.name, p.division_code, p.area_mu::float8 area_mu,
         (select d.name from core_division d where d.code = p.division_code order by d.data_year desc limit 1) division_name,
         coalesce(json_agg(json_build_object('kindCode', a.kind_code, 'kindName', k.name, 'reportNo', a.report_no,
           'completedOn', a.completed_on) order by k.sort_order) filter (where a.id is not null), '[]') assessments,
         coalesce(sum(k.cost_per_mu_yuan), 0)::float8 * p.area_mu::float8 saving
       from catalog_park p
       left join catalog_park_assessment a on a.park_id = p.id
       left join catalog_zone_assessment_kind k on k.code = a.kind_code
       group by p.id order by p.code`,
    )
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      divisionCode: r.division_code,
      divisionName: r.division_name ?? null,
      areaMu: r.area_mu,
      assessments: r.assessments,
      estimatedSavingYuan: Math.round(r.saving),
    }))
  },

  // --- reference-data loading (seed): inserts what is missing, never overwrites an administrator's edits ---
  async insertZoneAssessmentKind(
    tx: Tx,
    k: { code: string; name: string; description: string; costPerMuYuan: number; sortOrder: number },
  ) {
    await tx.query(
      `insert into catalog_zone_assessment_kind (code, name, description, cost_per_mu_yuan, sort_order)
       values ($1,$2,$3,$4,$5) on conflict (code) do nothing`,
      [k.code, k.name, k.description, k.costPerMuYuan, k.sortOrder],
    )
  },

  async insertPark(
    tx: Tx,
    p: {
      code: string
      name: string
      divisionCode: string
      areaMu: number
      assessments: { kindCode: string; reportNo: string; completedOn: string }[]
    },
  ) {
    const { rows } = await tx.query(
      `insert into catalog_park (code, name, division_code, area_mu) values ($1,$2,$3,$4)
       on conflict (code) do nothing returning id`,
      [p.code, p.name, p.divisionCode, p.areaMu],
    )
    if (!rows[0]) return false
    await tx.query(
      `insert into catalog_park_assessment (park_id, kind_code, report_no, completed_on)
       select $1, k, r, d::date from unnest($2::text[], $3::text[], $4::text[]) as x(k, r, d)`,
      [
        rows[0].id,
        p.assessments.map((a) => a.kindCode),
        p.assessments.map((a) => a.reportNo),
        p.assessments.map((a) => a.completedOn),
      ],
    )
    return true
  },
}
