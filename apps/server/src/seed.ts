import type { Services } from './app.ts'
import { seedEnterpriseDemo, seedEnterpriseReference } from './modules/enterprise/index.ts'
import { seedDemoScenario, seedHotline } from './modules/hotline/index.ts'
import { seedPolicy } from './modules/policy/index.ts'
import { SYSTEM_ACTOR } from './platform/audit.ts'
import { seedCalendar } from './platform/calendar/service.ts'
import { ensureDocSeries } from './platform/doc-number.ts'
import type { Platform } from './platform/platform.ts'
import { DEMO_ACCOUNTS } from './platform/seed-accounts.ts'

/** Default document-number series (configurable later through PUT /api/admin/doc-series). */
export const DEFAULT_DOC_SERIES = [
  { key: 'approval.receipt', name: '受理回执编号', pattern: '牟审受〔{yyyy}〕{seq:6}' },
  { key: 'approval.decision', name: '审批决定文号', pattern: '牟审〔{yyyy}〕{seq:6}' },
  { key: 'hotline.order', name: '12345工单编号', pattern: '牟热〔{yyyy}〕{seq:6}' },
]

export interface SeedReport {
  calendarYears: number
  divisions: number
  departments: number
  locations: number
  catalog: { items: number; themes: number; zoneAssessmentKinds: number; parks: number }
  demoAccounts: number
  hotline: { categories: number; rules: number; articles: number; orders: number; scenarioOrders: number }
  enterprise: { enterprises: number; providers: number; services: number; requests: number; listings: number }
  policy: { policies: number; published: number; matches: number; questions: number }
}

/** The migration lock: nodes starting together seed one after the other, never at once. */
const MIGRATION_LOCK = 727001

async function withSeedLock<T>(platform: Platform, fn: () => Promise<T>): Promise<T> {
  const client = await platform.db.pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    return await fn()
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {})
    client.release()
  }
}

/** Loads reference data (idempotent) and, in demo mode, the demo accounts; under the migration lock. */
export function seed(
  platform: Platform,
  services: Services,
  /** `scenario`: also generate this year's 12345 orders for the statistics (demo servers; not the test template). */
  opts: { demo: boolean; scenario?: boolean },
): Promise<SeedReport> {
  return withSeedLock(platform, () => seedUnlocked(platform, services, opts))
}

/**
 * First start (or a newer SEED_VERSION): seeds and marks the database seeded, unless another node did while this
 * one waited for the lock. Returns null when there was nothing to do.
 */
export function seedIfNeeded(
  platform: Platform,
  services: Services,
  opts: { demo: boolean; scenario?: boolean },
): Promise<SeedReport | null> {
  return withSeedLock(platform, async () => {
    // Read the row itself: the settings cache may not have heard of the other node's mark yet.
    const r = await platform.db.query(`select value from core_setting where key = 'platform.seedVersion'`)
    if (Number(r.rows[0]?.value ?? 0) >= SEED_VERSION) return null
    const report = await seedUnlocked(platform, services, opts)
    await markSeeded(platform)
    return report
  })
}

async function seedUnlocked(
  platform: Platform,
  services: Services,
  opts: { demo: boolean; scenario?: boolean },
): Promise<SeedReport> {
  const calendarYears = await seedCalendar(platform.db, platform.calendar, SYSTEM_ACTOR)
  const ref = await platform.db.tx((tx) => services.directory.seedReferenceData(tx, SYSTEM_ACTOR))
  const catalog = await platform.db.tx((tx) => services.catalog.seedCatalog(tx, SYSTEM_ACTOR))
  for (const s of DEFAULT_DOC_SERIES) {
    const exists = await platform.db.query('select 1 from core_doc_series where key = $1', [s.key])
    if (!exists.rowCount) await ensureDocSeries(platform.db.pool, s)
  }
  await services.certificate.seedNumberSeries()
  await platform.db.tx(async (tx) => {
    await services.approval.ensureDefinitions(tx, SYSTEM_ACTOR)
    await services.rating.ensureDefinitions(tx, SYSTEM_ACTOR)
    await services.hotline.ensureDefinitions(tx, SYSTEM_ACTOR)
  })
  // Enterprise reference data before the demo accounts: provider staff hold posts on the provider org units.
  await seedEnterpriseReference(platform, services.enterprise, { demo: opts.demo })
  let demoAccounts = 0
  if (opts.demo) {
    for (const a of DEMO_ACCOUNTS) {
      const exists = await platform.db.query('select 1 from core_user where username = $1', [a.username])
      if (exists.rowCount) continue
      const departmentId = a.departmentCode ? await services.directory.departmentIdByCode(a.departmentCode) : null
      await platform.db.tx((tx) =>
        platform.auth.createUser(tx, SYSTEM_ACTOR, {
          username: a.username,
          displayName: a.displayName,
          kind: a.kind,
          password: platform.config.demoPassword,
          mobile: a.mobile,
          enterpriseUscc: a.enterpriseUscc,
          posts: [{ role: a.role, scopeDivisionCode: a.scopeDivisionCode, departmentId }],
        }),
      )
      demoAccounts++
    }
  }
  // After the demo accounts: the demo orders are acted on by the operator and unit accounts.
  const hotline = await seedHotline(platform, services.hotline, { demo: opts.demo })
  const enterprise = await seedEnterpriseDemo(platform, services.enterprise, { demo: opts.demo })
  // After the enterprises (policies are matched against them) and the demo accounts (Q&A threads).
  const policy = await seedPolicy(platform, services.policy, { demo: opts.demo })
  const scenarioOrders = opts.demo && opts.scenario ? await seedDemoScenario(platform) : 0
  return { calendarYears, ...ref, catalog, demoAccounts, hotline: { ...hotline, scenarioOrders }, enterprise, policy }
}

/** Bump when seed data changes: existing installations load the new reference data on their next start. */
export const SEED_VERSION = 6

/** True when this database already holds the reference data of the current SEED_VERSION. */
export async function isSeeded(platform: Platform): Promise<boolean> {
  return (await platform.settings.get('platform.seedVersion', 0)) >= SEED_VERSION
}

/** Records that the current seed has been loaded (after seed() succeeded). */
export async function markSeeded(platform: Platform) {
  await platform.settings.set(SYSTEM_ACTOR, 'platform.seedVersion', SEED_VERSION)
}
