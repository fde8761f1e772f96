/**
 * The enterprise register (企业画像): reference data, staff lists and reads, the enterprise's own record, the staff
 * profile view, and the writes (create, edit, import) that emit enterprise.profile.changed.
 */
import {
  type CreateEnterprise,
  ENTERPRISE_SCALE_NAMES,
  ENTERPRISE_SCALES,
  ENTERPRISE_SERVICE_MODULE_NAMES,
  ENTERPRISE_SERVICE_MODULES,
  ENTERPRISE_TAGS,
  type Enterprise,
  type EnterpriseListQuery,
  type EnterpriseProfileView,
  type UpdateEnterprise,
} from '@ruyu/contracts/enterprise'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { type EnterpriseContext, paging } from './context.ts'
import { INDUSTRY_SECTIONS } from './data/industries.ts'
import { SCALE_ROWS, SCALE_SOURCE } from './data/scale-rules.ts'
import {
  ageYears,
  beijingToday,
  classifyScale,
  type EnterpriseProfile,
  industryDivision,
  industryName,
  scaleRowOf,
} from './domain.ts'
import {
  enterpriseExists,
  enterpriseNotFound,
  invalidDivision,
  invalidIndustry,
  invalidPark,
  notVerified,
  versionConflict,
} from './errors.ts'
import { profileChanged } from './profile-events.ts'
import { type CompanyInput, type CompanyRow, enterpriseRepo as repo } from './repo.ts'
import { requestDto } from './requests.ts'

export function profileOf(c: CompanyRow, today = beijingToday()): EnterpriseProfile {
  return {
    uscc: c.uscc,
    name: c.name,
    divisionCode: c.divisionCode,
    parkCode: c.parkCode,
    industryCode: c.industryCode,
    employees: c.employees,
    revenueWan: c.revenueWan,
    rndWan: c.rndWan,
    foundedOn: c.foundedOn,
    tags: c.tags,
    scale: c.scale,
    ageYears: ageYears(c.foundedOn, today),
    status: c.status,
  }
}

/** Enterprises: reference data, staff reads, the enterprise's own record, the profile view, create / edit / import. */
export function createEnterprises(ctx: EnterpriseContext) {
  const { platform, catalog, approval, db, membership, myUscc, isStaffReader, inScope } = ctx

  async function parkNames(): Promise<Map<string, string>> {
    const parks = (await catalog.listParks()).items
    return new Map(parks.map((p) => [p.code, p.name]))
  }

  async function toDtos(rows: CompanyRow[]): Promise<Enterprise[]> {
    const [divisions, parks] = await Promise.all([
      repo.divisionNames(
        db.pool,
        rows.map((r) => r.divisionCode),
      ),
      parkNames(),
    ])
    const today = beijingToday()
    return rows.map((c) => ({
      ...profileOf(c, today),
      legalRepresentative: c.legalRepresentative,
      assetsWan: c.assetsWan,
      address: c.address,
      industryName: industryName(c.industryCode),
      divisionName: divisions.get(c.divisionCode) ?? null,
      parkName: c.parkCode ? (parks.get(c.parkCode) ?? null) : null,
      scaleRow: scaleRowOf(c.industryCode),
      version: c.version,
      updatedAt: c.updatedAt.toISOString(),
    }))
  }

  async function checkCompanyInput(
    p: Principal | null,
    c: Pick<CompanyInput, 'industryCode' | 'divisionCode' | 'parkCode'>,
  ) {
    if (!industryDivision(c.industryCode)) throw invalidIndustry({ code: c.industryCode })
    const names = await repo.divisionNames(db.pool, [c.divisionCode])
    if (!names.has(c.divisionCode) || (p && !inScope(p, c.divisionCode)))
      throw invalidDivision({ code: c.divisionCode })
    if (c.parkCode && !(await parkNames()).has(c.parkCode)) throw invalidPark({ code: c.parkCode })
  }

  const companyOf = (input: CreateEnterprise): CompanyInput => {
    const base = {
      uscc: input.uscc,
      name: input.name,
      legalRepresentative: input.legalRepresentative,
      divisionCode: input.divisionCode,
      parkCode: input.parkCode ?? null,
      industryCode: input.industryCode,
      foundedOn: input.foundedOn,
      employees: input.employees,
      revenueWan: input.revenueWan,
      rndWan: input.rndWan,
      assetsWan: input.assetsWan ?? null,
      tags: [...new Set(input.tags)],
      address: input.address ?? null,
      status: 'active' as const,
    }
    return { ...base, scale: classifyScale(base) }
  }

  async function changed(tx: Tx, actor: Actor, c: CompanyRow, action: string, requestId?: string) {
    await recordAudit(tx, {
      actor,
      action: `enterprise.${action}`,
      resourceType: 'enterprise',
      resourceId: c.uscc,
      divisionCode: c.divisionCode,
      requestId,
      data: { version: c.version, scale: c.scale },
    })
    await profileChanged(platform, tx, { uscc: c.uscc, version: c.version })
  }

  return {
    // ==== Reference data =================================================================================
    async reference() {
      const parks = (await catalog.listParks()).items
      return {
        tags: [...ENTERPRISE_TAGS],
        scales: ENTERPRISE_SCALES.map((key) => ({ key, name: ENTERPRISE_SCALE_NAMES[key] })),
        modules: ENTERPRISE_SERVICE_MODULES.map((key) => ({ key, name: ENTERPRISE_SERVICE_MODULE_NAMES[key] })),
        parks: parks.map((p) => ({ code: p.code, name: p.name })),
      }
    },
    industries() {
      return {
        items: INDUSTRY_SECTIONS.map((s) => ({
          code: s.code,
          name: s.name,
          divisions: s.divisions.map(([code, name]) => ({
            code: `${s.code}${code}`,
            name,
            scaleRow: scaleRowOf(`${s.code}${code}`),
          })),
        })),
      }
    },
    scaleRules() {
      return { source: SCALE_SOURCE, items: SCALE_ROWS.map((r) => ({ ...r })) }
    },

    // ==== Enterprises ====================================================================================
    async list(p: Principal, f: EnterpriseListQuery) {
      const r = await repo.listCompanies(db.pool, { ...f, scopes: p.scopes }, paging(f))
      return { total: r.total, items: await toDtos(r.items) }
    },

    /** One enterprise: staff inside their scope, or the enterprise's own verified accounts; otherwise 404. */
    async get(p: Principal, uscc: string): Promise<Enterprise> {
      const c = await repo.findCompany(db.pool, uscc)
      if (c && isStaffReader(p) && inScope(p, c.divisionCode)) return (await toDtos([c]))[0]!
      const m = await membership(p)
      if (c && m?.uscc === uscc) {
        if (m.status !== 'verified') throw notVerified()
        return (await toDtos([c]))[0]!
      }
      throw enterpriseNotFound()
    },

    /** The caller's own enterprise (enterprise accounts). */
    async mine(p: Principal): Promise<Enterprise> {
      const uscc = await myUscc(p)
      const c = await repo.findCompany(db.pool, uscc)
      if (!c) throw enterpriseNotFound()
      return (await toDtos([c]))[0]!
    },

    /** The staff profile (画像): key figures, tags, scale, service-request history and linked approval cases. */
    async profileView(p: Principal, uscc: string): Promise<EnterpriseProfileView> {
      const c = await repo.findCompany(db.pool, uscc)
      if (!c || !inScope(p, c.divisionCode)) throw enterpriseNotFound()
      const [dto, byModule, recent, cases, users] = await Promise.all([
        toDtos([c]),
        repo.requestCountsByModule(db.pool, uscc),
        repo.listRequests(db.pool, { kind: 'enterprise', uscc }, {}, { limit: 10, offset: 0 }),
        approval.casesOfEnterprise(uscc, 10),
        repo.userIdsOf(db.pool, uscc),
      ])
      const e = dto[0]!
      return {
        enterprise: e,
        keyFigures: {
          employees: c.employees,
          revenueWan: c.revenueWan,
          rndWan: c.rndWan,
          rndIntensity: c.revenueWan > 0 ? Math.round((c.rndWan / c.revenueWan) * 10000) / 10000 : null,
          ageYears: e.ageYears,
          verifiedUsers: users.length,
        },
        requests: {
          total: recent.total,
          byModule: byModule.map((x) => ({ module: x.module as never, total: x.total })),
          recent: recent.items.map(requestDto),
        },
        approvalCases: {
          total: cases.total,
          items: cases.items.map((x) => ({
            id: x.id,
            number: x.number,
            title: x.title,
            status: x.status,
            submittedAt: x.submittedAt,
          })),
        },
      }
    },

    async create(p: Principal, actor: Actor, input: CreateEnterprise, requestId?: string): Promise<Enterprise> {
      const row = companyOf(input)
      await checkCompanyInput(p, row)
      const c = await db.tx(async (tx) => {
        const c = await repo.insertCompany(tx, row)
        if (!c) throw enterpriseExists({ uscc: input.uscc })
        await changed(tx, actor, c, 'create', requestId)
        return c
      })
      return (await toDtos([c]))[0]!
    },

    /** Staff edit; the scale is recomputed; emits enterprise.profile.changed. */
    async update(p: Principal, actor: Actor, uscc: string, input: UpdateEnterprise, requestId?: string) {
      const c = await db.tx(async (tx) => {
        const cur = await repo.findCompany(tx, uscc, { lock: true })
        if (!cur || !inScope(p, cur.divisionCode)) throw enterpriseNotFound()
        if (input.expectedVersion !== undefined && input.expectedVersion !== cur.version) throw versionConflict()
        const { expectedVersion: _v, ...fields } = input
        const merged = { ...cur, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) }
        merged.tags = [...new Set(merged.tags)]
        const next: CompanyInput = { ...merged, scale: classifyScale(merged) }
        await checkCompanyInput(p, next)
        const saved = await repo.updateCompany(tx, next, cur.version)
        if (!saved) throw versionConflict()
        await changed(tx, actor, saved, 'update', requestId)
        return saved
      })
      return (await toDtos([c]))[0]!
    },

    /** Inserts or updates enterprises by USCC (register import); every created or changed row emits the event. */
    async importMany(p: Principal, actor: Actor, items: CreateEnterprise[], requestId?: string) {
      const rows = items.map(companyOf)
      for (const r of rows) await checkCompanyInput(p, r)
      return db.tx(async (tx) => {
        let created = 0
        let updated = 0
        for (const row of rows) {
          const inserted = await repo.insertCompany(tx, row)
          if (inserted) {
            created++
            await changed(tx, actor, inserted, 'import', requestId)
            continue
          }
          const cur = (await repo.findCompany(tx, row.uscc, { lock: true }))!
          if (!inScope(p, cur.divisionCode)) throw enterpriseExists({ uscc: row.uscc })
          const saved = (await repo.updateCompany(tx, { ...row, status: cur.status }, cur.version))!
          updated++
          await changed(tx, actor, saved, 'import', requestId)
        }
        return { created, updated }
      })
    },
  }
}
