import type {
  CombinedForm,
  Item,
  ItemInput,
  ItemListQuery,
  Park,
  Theme,
  ThemeDetail,
  ThemeInput,
  VariantPlan,
  ZoneAssessmentKind,
} from '@ruyu/contracts/catalog'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { CacheBus } from '../../platform/cache-bus.ts'
import type { Db, Queryable, Tx } from '../../platform/db.ts'
import { items as seedItems } from './data/items.ts'
import { themes as seedThemes } from './data/themes.ts'
import { zoneAssessmentKinds as seedKinds, parks as seedParks } from './data/zone-assessments.ts'
import {
  changedFields,
  checkItem,
  checkTheme,
  combinedForm,
  type FormValues,
  planFor,
  selectVariant,
} from './domain.ts'
import {
  invalidItem,
  invalidTheme,
  itemNotFound,
  themeNotFound,
  variantNotFound,
  versionConflict,
  zoneAssessmentKindNotFound,
} from './errors.ts'
import { catalogRepo as repo } from './repo.ts'

// The catalogue is published reference data (政务服务事项目录 and 区域评估成果 are public by rule), so reads are not
// narrowed by the caller's division scope; only `catalog:manage` may change it. Every edit stores a new version.

const ITEM_KEYS = [
  'name',
  'departmentCode',
  'stage',
  'legalLimitDays',
  'committedLimitDays',
  'materials',
  'formFields',
  'levels',
  'onlineCapable',
  'certificate',
  'zoneAssessmentKind',
  'deemedConsent',
] as const
const THEME_KEYS = ['name', 'description', 'formFields', 'stages', 'variants'] as const

const limitsOf = (items: readonly Item[]) => new Map(items.map((i) => [i.code, i]))

/** The theme's own stages (key null) followed by every variant's. */
function plansOf(theme: Theme, items: readonly Item[]): VariantPlan[] {
  const limits = limitsOf(items)
  return [planFor(theme, null, limits), ...theme.variants.map((v) => planFor(theme, v, limits))]
}

export function createCatalogService(db: Db, caches: CacheBus) {
  // Which version of each item and theme is current, the zone-assessment kinds and the parks: read on every plan
  // and submission, changed by administrators only; every catalogue write drops them in all processes.
  const reference = caches.cache<unknown>('catalog')
  const changed = (tx: Tx) => caches.invalidate(tx, 'catalog')

  /** Who edits: a user id for the version row's created_by (API keys and the system leave it empty). */
  const editorId = (actor: Actor) => (actor.kind === 'user' ? actor.id : null)

  // The seed loads 68 items at once; it writes one audit row for the lot instead of one per item.
  type SaveOpts = { requestId?: string; audit?: boolean }

  async function saveItem(tx: Tx, actor: Actor, code: string, input: ItemInput, opts: SaveOpts = {}) {
    await changed(tx)
    const issues = checkItem(input)
    const department = await repo.department(tx, input.departmentCode)
    if (!department) issues.push({ path: ['departmentCode'], message: `部门 ${input.departmentCode} 不存在` })
    if (input.zoneAssessmentKind && !(await repo.zoneAssessmentKindExists(tx, input.zoneAssessmentKind)))
      issues.push({ path: ['zoneAssessmentKind'], message: `区域评估事项 ${input.zoneAssessmentKind} 不存在` })
    if (issues.length || !department) throw invalidItem(undefined, { issues })

    const head = await repo.lockItem(tx, code)
    let itemId: string
    let version: number
    let before: Item | null = null
    if (!head) {
      if (input.baseVersion !== 0) throw itemNotFound({ code })
      const id = await repo.insertItemHead(tx, code)
      if (!id) throw versionConflict({ code, current: 1 })
      itemId = id
      version = 1
    } else {
      if (head.currentVersion !== input.baseVersion) throw versionConflict({ code, current: head.currentVersion })
      before = await repo.findItem(tx, code)
      itemId = head.id
      version = head.currentVersion + 1
    }
    const { baseVersion: _, departmentCode: __, changeNote, ...rest } = input
    await repo.insertItemVersion(
      tx,
      itemId,
      version,
      { ...rest, departmentId: department.id, changeNote: changeNote || null },
      editorId(actor),
    )
    if (opts.audit !== false)
      await recordAudit(tx, {
        actor,
        action: before ? 'catalog.item.update' : 'catalog.item.create',
        resourceType: 'catalog_item',
        resourceId: code,
        divisionCode: department.divisionCode,
        requestId: opts.requestId,
        data: {
          version,
          changeNote: changeNote ?? null,
          changed: before ? changedFields(before, { ...before, ...input }, ITEM_KEYS) : [...ITEM_KEYS],
        },
      })
    return (await repo.findItem(tx, code))!
  }

  async function saveTheme(tx: Tx, actor: Actor, code: string, input: ThemeInput, opts: SaveOpts = {}) {
    await changed(tx)
    const codes = [
      ...new Set([...input.stages.flatMap((s) => s.itemCodes), ...input.variants.flatMap((v) => v.omitItems)]),
    ]
    const issues = checkTheme(input, await repo.existingItemCodes(tx, codes))
    if (issues.length) throw invalidTheme(undefined, { issues })
    const head = await repo.lockTheme(tx, code)
    let themeId: string
    let version: number
    let before: Theme | null = null
    if (!head) {
      if (input.baseVersion !== 0) throw themeNotFound({ code })
      const id = await repo.insertThemeHead(tx, code)
      if (!id) throw versionConflict({ code, current: 1 })
      themeId = id
      version = 1
    } else {
      if (head.currentVersion !== input.baseVersion) throw versionConflict({ code, current: head.currentVersion })
      before = await repo.findTheme(tx, code)
      themeId = head.id
      version = head.currentVersion + 1
    }
    await repo.insertThemeVersion(
      tx,
      themeId,
      version,
      {
        name: input.name,
        description: input.description || null,
        formFields: input.formFields,
        stages: input.stages,
        variants: input.variants,
        changeNote: input.changeNote || null,
      },
      editorId(actor),
    )
    if (opts.audit !== false)
      await recordAudit(tx, {
        actor,
        action: before ? 'catalog.theme.update' : 'catalog.theme.create',
        resourceType: 'catalog_theme',
        resourceId: code,
        requestId: opts.requestId,
        data: {
          version,
          changeNote: input.changeNote ?? null,
          changed: before
            ? changedFields(before, { ...before, ...input, description: input.description || null }, THEME_KEYS)
            : [...THEME_KEYS],
        },
      })
    return (await repo.findTheme(tx, code))!
  }

  // Item and theme versions never change once stored, so they are cached per process; one cheap query of the
  // current version numbers keeps every read fresh (intake reads a theme and its ~60 items per case).
  const itemCache = new Map<string, Item>()
  const themeCache = new Map<string, Theme>()

  const itemHeads = () => reference.get('itemHeads', () => repo.itemHeads(db.pool)) as Promise<Map<string, number>>
  const themeHeads = () => reference.get('themeHeads', () => repo.themeHeads(db.pool)) as Promise<Map<string, number>>

  async function currentItems(q: Queryable, codes: readonly string[]): Promise<Item[]> {
    const all = await itemHeads()
    const heads = new Map(codes.flatMap((c) => (all.has(c) ? [[c, all.get(c)!] as const] : [])))
    const missing = [...heads]
      .filter(([c, v]) => !itemCache.has(`${c}@${v}`))
      .map(([code, version]) => ({ code, version }))
    for (const it of await repo.itemsAt(q, missing)) itemCache.set(`${it.code}@${it.version}`, it)
    return codes.flatMap((c) => {
      const it = itemCache.get(`${c}@${heads.get(c)}`)
      return it ? [{ ...it, current: true }] : []
    })
  }

  async function themeOrThrow(q: Queryable, code: string) {
    const version = (await themeHeads()).get(code)
    if (version === undefined) throw themeNotFound({ code })
    const key = `${code}@${version}`
    let theme = themeCache.get(key)
    if (!theme) {
      theme = (await repo.findTheme(q, code, version)) ?? undefined
      if (!theme) throw themeNotFound({ code })
      themeCache.set(key, theme)
    }
    return { ...theme, current: true }
  }

  return {
    /** Current items, filtered by name/code text, department code, stage and level; paged. */
    async listItems(f: ItemListQuery) {
      return repo.listItems(db.pool, { ...f, limit: f.pageSize, offset: (f.page - 1) * f.pageSize })
    },

    /** The current version of an item, or the given version (cases read the version they were started on). */
    async getItem(code: string, version?: number) {
      const item = await repo.findItem(db.pool, code, version)
      if (!item) throw itemNotFound({ code })
      return item
    },

    /** Every version of an item, newest first. */
    async itemVersions(code: string) {
      const versions = await repo.itemVersions(db.pool, code)
      if (versions.length === 0) throw itemNotFound({ code })
      return { items: versions, total: versions.length }
    },

    /** Current versions of the given items (unknown codes are left out), in the order asked. */
    async itemsByCodes(codes: readonly string[]) {
      return currentItems(db.pool, codes)
    },

    /** Stores a new version of an item (baseVersion 0 creates it); refuses a stale baseVersion; audited. */
    async updateItem(actor: Actor, code: string, input: ItemInput, requestId?: string) {
      return db.tx((tx) => saveItem(tx, actor, code, input, { requestId }))
    },

    /** Departments that handle items, with their item counts (the filter of the item list). */
    async listDepartments() {
      const items = await repo.departments(db.pool)
      return { items, total: items.length }
    },

    async listThemes() {
      const themes = await repo.listThemes(db.pool)
      const items = themes.map((t) => ({
        code: t.code,
        version: t.version,
        name: t.name,
        description: t.description,
        createdAt: t.createdAt,
        stageCount: t.stages.length,
        itemCount: new Set(t.stages.flatMap((s) => s.itemCodes)).size,
        variantCount: t.variants.length,
      }))
      return { items, total: items.length }
    },

    /** The current theme with its items and the stage plan of each variant. */
    async getTheme(code: string): Promise<ThemeDetail> {
      const theme = await themeOrThrow(db.pool, code)
      const items = await currentItems(
        db.pool,
        theme.stages.flatMap((s) => s.itemCodes),
      )
      const summaries = items.map(({ materials, formFields, changeNote: _, ...rest }) => ({
        ...rest,
        materialCount: materials.length,
        fieldCount: formFields.length,
      }))
      return { ...theme, items: summaries, plans: plansOf(theme, items) }
    },

    async themeVersions(code: string) {
      const versions = await repo.themeVersions(db.pool, code)
      if (versions.length === 0) throw themeNotFound({ code })
      return { items: versions, total: versions.length }
    },

    /** Stores a new version of a theme (baseVersion 0 creates it); refuses a stale baseVersion; audited. */
    async updateTheme(actor: Actor, code: string, input: ThemeInput, requestId?: string) {
      return db.tx((tx) => saveTheme(tx, actor, code, input, { requestId }))
    },

    /** The variant whose rule the form values satisfy (first in order), with the stages it runs. */
    async selectVariant(code: string, values: FormValues) {
      const theme = await themeOrThrow(db.pool, code)
      const variant = selectVariant(theme, values)
      const items = await currentItems(
        db.pool,
        theme.stages.flatMap((s) => s.itemCodes),
      )
      return { variant, plan: planFor(theme, variant, limitsOf(items)) }
    },

    /** The one form (一张表单) of a theme variant, or of the whole theme without one. */
    async combinedForm(code: string, variantKey?: string): Promise<CombinedForm> {
      const theme = await themeOrThrow(db.pool, code)
      const variant = variantKey ? theme.variants.find((v) => v.key === variantKey) : null
      if (variant === undefined) throw variantNotFound({ code, variant: variantKey ?? '' })
      const all = await currentItems(
        db.pool,
        theme.stages.flatMap((s) => s.itemCodes),
      )
      const plan = planFor(theme, variant, limitsOf(all))
      const wanted = new Set(plan.stages.flatMap((s) => s.itemCodes))
      const items = all.filter((i) => wanted.has(i.code))
      return {
        themeCode: theme.code,
        themeVersion: theme.version,
        plan,
        items: items.map((i) => ({ code: i.code, version: i.version, name: i.name })),
        ...combinedForm(items, theme.formFields),
      }
    },

    /** The zone-assessment kinds with their per-mu cost and the items each satisfies. */
    async listZoneAssessmentKinds() {
      const items = (await reference.get('zoneKinds', () => repo.zoneAssessmentKinds(db.pool))) as ZoneAssessmentKind[]
      return { items, total: items.length }
    },

    /** Changes a kind's name, description or cost per mu; audited with the previous values. */
    async updateZoneAssessmentKind(
      actor: Actor,
      code: string,
      input: { name: string; description?: string; costPerMuYuan: number },
      requestId?: string,
    ) {
      return db.tx(async (tx) => {
        const next = { name: input.name, description: input.description || null, costPerMuYuan: input.costPerMuYuan }
        const before = await repo.updateZoneAssessmentKind(tx, code, next)
        if (!before) throw zoneAssessmentKindNotFound({ code })
        await changed(tx)
        await recordAudit(tx, {
          actor,
          action: 'catalog.zone_assessment_kind.update',
          resourceType: 'catalog_zone_assessment_kind',
          resourceId: code,
          requestId,
          data: { before, after: next },
        })
        return (await repo.zoneAssessmentKinds(tx)).find((k) => k.code === code)!
      })
    },

    /** Parks with their completed zone assessments and what those save projects there. */
    async listParks() {
      const items = (await reference.get('parks', () => repo.parks(db.pool))) as Park[]
      return { items, total: items.length }
    },

    /** Loads the construction theme, its 68 items, the 11 zone-assessment kinds and the parks; idempotent. */
    async seedCatalog(tx: Tx, actor: Actor) {
      await changed(tx)
      for (const [i, k] of seedKinds.entries()) await repo.insertZoneAssessmentKind(tx, { ...k, sortOrder: i + 1 })
      const existing = await repo.existingItemCodes(
        tx,
        seedItems.map((i) => i.code),
      )
      let created = 0
      for (const { code, ...def } of seedItems) {
        if (existing.has(code)) continue
        await saveItem(tx, actor, code, { ...def, baseVersion: 0 }, { audit: false })
        created++
      }
      let themesCreated = 0
      for (const { code, ...def } of seedThemes) {
        if (await repo.lockTheme(tx, code)) continue
        await saveTheme(tx, actor, code, { ...def, baseVersion: 0 }, { audit: false })
        themesCreated++
      }
      let parksCreated = 0
      for (const p of seedParks) if (await repo.insertPark(tx, p)) parksCreated++
      await recordAudit(tx, {
        actor,
        action: 'catalog.seed',
        resourceType: 'catalog',
        data: { items: created, themes: themesCreated, zoneAssessmentKinds: seedKinds.length, parks: parksCreated },
      })
      return {
        items: seedItems.length,
        themes: seedThemes.length,
        zoneAssessmentKinds: seedKinds.length,
        parks: seedParks.length,
      }
    },
  }
}

export type CatalogService = ReturnType<typeof createCatalogService>
