/**
 * Demo data of the enterprise service cloud. `seedEnterpriseReference` (before the demo accounts): provider org
 * units, providers, ~25 services across the five modules, ~300 Muping enterprises plus the two demo enterprises.
 * `seedEnterpriseDemo` (after the demo accounts): verified memberships of the demo enterprise accounts, requests in
 * every state (through the workflow engine, acted on as the provider staff) and supply-demand board posts.
 * Idempotent: re-running adds nothing that is already there.
 */
import { type Actor, SYSTEM_ACTOR } from '../../platform/audit.ts'
import { ensureDocSeries } from '../../platform/doc-number.ts'
import type { Platform } from '../../platform/platform.ts'
import type { EngineActor } from '../workflow/index.ts'
import { DEMO_USCC_2, FIXED, LISTINGS } from './data/demo.ts'
import { PROVIDER_UNITS, PROVIDERS, SERVICES } from './data/providers.ts'
import { classifyScale, rng, searchTokens } from './domain.ts'
import { enterpriseRepo as repo } from './repo.ts'
import { REQUEST_SERIES } from './requests.ts'
import type { EnterpriseService } from './service.ts'

export { DEMO_USCC, DEMO_USCC_2 } from './data/demo.ts'
export { PROVIDER_UNITS } from './data/providers.ts'

export const DEMO_SEED = 20260512
export const DEMO_ENTERPRISES = 300

export interface EnterpriseSeedReport {
  enterprises: number
  providers: number
  services: number
  requests: number
  listings: number
}

/** Provider org units, providers, services and enterprises (reference data; before the demo accounts). */
export async function seedEnterpriseReference(
  platform: Platform,
  service: EnterpriseService,
  opts: { demo: boolean } = { demo: true },
  actor: Actor = SYSTEM_ACTOR,
) {
  const { db } = platform
  const exists = await db.query('select 1 from core_doc_series where key = $1', [REQUEST_SERIES.key])
  if (!exists.rowCount) await ensureDocSeries(db.pool, REQUEST_SERIES)
  await db.tx(async (tx) => {
    await service.ensureDefinitions(tx, actor)
    for (const u of PROVIDER_UNITS)
      await service.ensureProviderUnit(tx, { ...u, divisionCode: platform.config.district.code })
    for (const p of PROVIDERS) {
      const orgUnitId = await repo.orgUnitIdByCode(tx, p.unit)
      await repo.insertProvider(tx, {
        code: p.code,
        name: p.name,
        kind: p.kind,
        description: p.description,
        orgUnitId,
      })
    }
    for (const [i, [code, module, provider, name, description, requirements, materials]] of SERVICES.entries()) {
      const prov = await repo.providerByCode(tx, provider)
      await repo.insertService(tx, {
        code,
        module,
        name,
        description,
        requirements,
        materials: materials.map((m, j) => ({ name: m, required: j === 0 })),
        providerId: prov!.id,
        sort: i,
      })
    }
    if (!opts.demo) return
    await repo.bulkInsertCompanies(
      tx,
      FIXED.map((f) => {
        const base = { ...f, tags: [...f.tags], status: 'active' as const }
        return { ...base, scale: classifyScale(base) }
      }),
    )
  })
  if (opts.demo) await service.insertSyntheticEnterprises(DEMO_ENTERPRISES, DEMO_SEED)
  return { providers: PROVIDERS.length, services: SERVICES.length }
}

/** Demo memberships, requests in every state and board posts (after the demo accounts). */
export async function seedEnterpriseDemo(
  platform: Platform,
  service: EnterpriseService,
  opts: { demo: boolean } = { demo: true },
): Promise<EnterpriseSeedReport> {
  const { db } = platform
  if (!opts.demo)
    return { enterprises: 0, providers: PROVIDERS.length, services: SERVICES.length, requests: 0, listings: 0 }
  // Demo enterprise accounts (created by the seed with their USCC) get a verified membership.
  const users = await db.query<{ id: string; enterprise_uscc: string }>(
    `select id, enterprise_uscc from core_user where kind = 'enterprise' and enterprise_uscc is not null
     and username in ('enterprise', 'enterprise2')`,
  )
  await db.tx(async (tx) => {
    for (const u of users.rows) {
      const has = await repo.memberOfUser(tx, u.id)
      if (has || !(await repo.findCompany(tx, u.enterprise_uscc))) continue
      await repo.insertMember(tx, {
        userId: u.id,
        uscc: u.enterprise_uscc,
        contactName: '企业经办人',
        mobile: null,
        status: 'verified',
      })
    }
  })

  const already = Number((await db.query('select count(*) from enterprise_service_request')).rows[0]?.count)
  if (already === 0) await seedRequests(platform, service, users.rows)
  const listings = Number((await db.query('select count(*) from enterprise_listing')).rows[0]?.count)
  if (listings === 0) await seedListings(platform)
  const counts = (
    await db.query<{ e: number; p: number; s: number; r: number; l: number }>(
      `select (select count(*)::int from enterprise_company) e, (select count(*)::int from enterprise_provider) p,
         (select count(*)::int from enterprise_service) s, (select count(*)::int from enterprise_service_request) r,
         (select count(*)::int from enterprise_listing) l`,
    )
  ).rows[0]!
  return { enterprises: counts.e, providers: counts.p, services: counts.s, requests: counts.r, listings: counts.l }
}

async function seedRequests(
  platform: Platform,
  service: EnterpriseService,
  users: { id: string; enterprise_uscc: string }[],
) {
  const { db } = platform
  const r = rng(DEMO_SEED)
  const services = (await service.services({ page: 1, pageSize: 200 })).items
  const companies = (
    await db.query(`select uscc, name from enterprise_company where status = 'active' order by uscc limit 120`)
  ).rows as { uscc: string; name: string }[]
  const userOf = new Map(users.map((u) => [u.enterprise_uscc, u.id]))
  const units = new Map<string, string>()
  for (const p of (await service.providers()).items) if (p.orgUnitId) units.set(p.id, p.orgUnitId)
  const engineFor = (unitId: string): EngineActor => ({
    kind: 'user',
    userId: null,
    roles: ['service_provider'],
    departmentIds: [unitId],
    scopes: [platform.config.district.code],
  })
  const now = Date.now()
  const plan: ('completed' | 'rated' | 'handling' | 'submitted' | 'declined' | 'withdrawn')[] = [
    ...Array(18).fill('rated'),
    ...Array(14).fill('completed'),
    ...Array(6).fill('handling'),
    ...Array(6).fill('submitted'),
    ...Array(3).fill('declined'),
    ...Array(2).fill('withdrawn'),
  ]
  const demo = [...userOf.keys()]
  for (const [i, target] of plan.entries()) {
    // The demo enterprises get a few requests of their own in different states.
    // (A withdrawal needs the applicant's account, so those go to the demo enterprises too.)
    const own = (i % 7 === 0 || target === 'withdrawn') && demo.length > 0
    const uscc = own ? demo[i % demo.length]! : companies[i % companies.length]!.uscc
    if (target === 'withdrawn' && !own) continue
    const s = services[Math.floor(r() * services.length)]!
    const applicant = userOf.get(uscc) ?? null
    const submittedAt = new Date(now - (5 + Math.floor(r() * 170)) * 86_400_000)
    const unitId = units.get(s.providerId)!
    const actor: Actor = { kind: 'system', id: null, username: 'seed' }
    await db.tx(async (tx) => {
      const id = await service.submitCore(
        tx,
        actor,
        {
          serviceId: s.id,
          uscc,
          applicantUserId: applicant,
          contactName: '企业经办人',
          contactMobile: `1390535${String(2000 + i).padStart(4, '0')}`,
          description: `申请“${s.name}”，请联系我公司经办人对接具体事项。`,
          attachments: [],
        },
        submittedAt,
      )
      const row = (await repo.findRequest(tx, id))!
      const later = (days: number) => new Date(submittedAt.getTime() + days * 86_400_000)
      if (target === 'submitted') return
      if (target === 'withdrawn') {
        await service.actCore(
          tx,
          { kind: 'user', userId: applicant, roles: [], departmentIds: [], scopes: [] },
          actor,
          row,
          'withdraw',
          {},
          later(1),
        )
        return
      }
      if (target === 'declined') {
        await service.actCore(
          tx,
          engineFor(unitId),
          actor,
          row,
          'decline',
          { comment: '经核实不符合该服务的申请条件，建议先咨询相关政策。' },
          later(1),
        )
        return
      }
      await service.actCore(
        tx,
        engineFor(unitId),
        actor,
        row,
        'accept',
        { comment: '已受理，将安排专人对接。' },
        later(1),
      )
      if (target === 'handling') return
      await service.actCore(
        tx,
        engineFor(unitId),
        actor,
        row,
        'complete',
        { comment: `已完成“${s.name}”服务，企业确认。` },
        later(3 + Math.floor(r() * 10)),
      )
      if (target === 'rated') await repo.setRequestRating(tx, id, r() < 0.85 ? 5 : 4)
    })
  }
}

async function seedListings(platform: Platform) {
  const { db } = platform
  const companies = (
    await db.query(
      `select uscc, industry_code, division_code from enterprise_company where status = 'active' order by uscc offset 40 limit 40`,
    )
  ).rows as { uscc: string; industry_code: string; division_code: string }[]
  const valid = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10)
  await db.tx(async (tx) => {
    for (const [i, [kind, category, industry, title, description, qty]] of LISTINGS.entries()) {
      // The first need belongs to the second demo enterprise (a food company), the rest to synthetic ones.
      const uscc = i === 0 ? DEMO_USCC_2 : companies[i % companies.length]!.uscc
      const company = i === 0 ? null : companies[i % companies.length]!
      await repo.insertListing(tx, {
        uscc,
        kind,
        category,
        title,
        description,
        industryCode: industry,
        quantity: qty || null,
        regionCode: company?.division_code ?? platform.config.district.code,
        validUntil: valid,
        tokens: searchTokens(`${title} ${description}`),
        createdBy: null,
      })
    }
  })
}
