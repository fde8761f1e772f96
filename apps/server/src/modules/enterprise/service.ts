import {
  type Contact,
  type CreateEnterprise,
  type CreateListing,
  type CreateServiceRequest,
  ENTERPRISE_SCALE_NAMES,
  ENTERPRISE_SCALES,
  ENTERPRISE_SERVICE_MODULE_NAMES,
  ENTERPRISE_SERVICE_MODULES,
  ENTERPRISE_TAGS,
  type Enterprise,
  type EnterpriseListQuery,
  type EnterpriseProfileView,
  type EnterpriseStats,
  type Listing,
  type RegisterEnterpriseUser,
  type ServiceRequest,
  type ServiceRequestAction,
  type ServiceRequestDetail,
  type ServiceRequestStatus,
  type UpdateEnterprise,
} from '@ruyu/contracts/enterprise'
import { maskMobile } from '@ruyu/contracts/identifiers'
import type { SubmitRating } from '@ruyu/contracts/rating'
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Queryable, Tx } from '../../platform/db.ts'
import { allocateDocNumber } from '../../platform/doc-number.ts'
import type { Platform } from '../../platform/platform.ts'
import type { ApprovalService } from '../approval/index.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { RatingService } from '../rating/index.ts'
import { type EngineActor, engineActorOf, type WorkflowService } from '../workflow/index.ts'
import { INDUSTRY_SECTIONS } from './data/industries.ts'
import { SCALE_ROWS, SCALE_SOURCE } from './data/scale-rules.ts'
import {
  ageYears,
  beijingToday,
  classifyScale,
  type EnterpriseProfile,
  FINAL_STATUSES,
  industryDivision,
  industryName,
  matchScore,
  RATING_SUBJECT,
  REQUEST_DEFINITION,
  REQUEST_SUBJECT,
  type RequestViewer,
  requestActionsFor,
  requestSpec,
  SYNC_SIGNAL,
  scaleRowOf,
  searchTokens,
} from './domain.ts'
import {
  alreadyRated,
  contactNotFound,
  enterpriseExists,
  enterpriseNotFound,
  invalidDivision,
  invalidIndustry,
  invalidPark,
  listingExpired,
  listingNotFound,
  memberDecided,
  memberNotFound,
  notRateable,
  notVerified,
  orgUnitNotFound,
  ownListing,
  providerExists,
  providerNotFound,
  providerOffline,
  requestNotFound,
  serviceExists,
  serviceNotFound,
  unknownEnterprise,
  versionConflict,
} from './errors.ts'
import { profileChanged } from './profile-events.ts'
import {
  type CompanyInput,
  type CompanyRow,
  type RequestRow,
  type RequestVisibility,
  enterpriseRepo as repo,
} from './repo.ts'
import { syntheticEnterprise } from './synthetic.ts'

export const REQUEST_SERIES = {
  key: 'enterprise.request',
  name: '政企云服务申请编号',
  pattern: '牟企服〔{yyyy}〕{seq:6}',
}

export interface EnterpriseDeps {
  platform: Pick<Platform, 'db' | 'events' | 'notifications' | 'auth' | 'config' | 'files' | 'caches'>
  workflow: WorkflowService
  rating: RatingService
  catalog: CatalogService
  approval: ApprovalService
  directory: DirectoryService
}

type Page = { page: number; pageSize: number }
const paging = (p: Page) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize })
const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** A principal's standing towards an enterprise: a member account (verified or not) or nothing. */
export interface Membership {
  uscc: string
  status: 'pending' | 'verified' | 'rejected'
}

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

/** Enterprise service cloud: profiles, accounts, the service catalogue and requests, the supply-demand board. */
export function createEnterpriseService(deps: EnterpriseDeps) {
  const { platform, workflow, rating, catalog, approval, directory } = deps
  const { db } = platform

  // Every workflow state change (through this module or /api/workflow) is mirrored on the request row.
  workflow.readableBy(REQUEST_SUBJECT, 'enterprise:manage')
  workflow.ownedBy(REQUEST_SUBJECT, 'enterprise')
  workflow.onSignal(SYNC_SIGNAL, async (tx, { root }) => {
    if (root.subjectType !== REQUEST_SUBJECT) return
    await repo.setRequestStatus(tx, root.subjectId, root.state as ServiceRequestStatus, new Date())
  })

  // --- helpers ----------------------------------------------------------------------------------------------
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

  async function membership(p: Principal, q: Queryable = db.pool): Promise<Membership | null> {
    if (p.kind !== 'enterprise' || !p.userId) return null
    const m = await repo.memberOfUser(q, p.userId)
    if (m) return { uscc: m.uscc, status: m.status }
    // Accounts created by staff (admin pages, seed) with a USCC and the enterprise_user role were vetted then.
    if (p.enterpriseUscc && p.roles.includes('enterprise_user')) return { uscc: p.enterpriseUscc, status: 'verified' }
    return null
  }

  /** The caller's own enterprise; 404 without one, 403 while the account awaits verification. */
  async function myUscc(p: Principal): Promise<string> {
    const m = await membership(p)
    if (!m) throw enterpriseNotFound()
    if (m.status !== 'verified') throw notVerified()
    return m.uscc
  }

  const isStaffReader = (p: Principal) => p.kind === 'staff' && p.capabilities.has('enterprise:read')
  const inScope = (p: Principal, division: string) => p.scopes.some((s) => division.startsWith(s))

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

  async function providerIdsOf(p: Principal): Promise<string[]> {
    if (!p.roles.includes('service_provider')) return []
    return repo.providerIdsOfUnits(
      db.pool,
      p.posts.filter((x) => x.role === 'service_provider' && x.departmentId).map((x) => x.departmentId!),
    )
  }

  /** Every way the caller may see a request; the first that finds it decides the viewer. */
  async function visibleRequest(p: Principal, id: string): Promise<{ r: RequestRow; viewer: RequestViewer }> {
    const m = await membership(p)
    if (m?.status === 'verified') {
      const r = await repo.findRequest(db.pool, id, { kind: 'enterprise', uscc: m.uscc })
      if (r) return { r, viewer: 'enterprise' }
    }
    const providerIds = await providerIdsOf(p)
    if (providerIds.length) {
      const r = await repo.findRequest(db.pool, id, { kind: 'provider', providerIds })
      if (r) return { r, viewer: 'provider' }
    }
    if (isStaffReader(p)) {
      const r = await repo.findRequest(db.pool, id, { kind: 'staff', scopes: p.scopes })
      if (r) return { r, viewer: 'staff' }
    }
    throw requestNotFound()
  }

  const requestDto = (r: RequestRow): ServiceRequest => ({
    id: r.id,
    number: r.number,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    module: r.module as ServiceRequest['module'],
    providerId: r.providerId,
    providerName: r.providerName,
    uscc: r.uscc,
    enterpriseName: r.enterpriseName,
    status: r.status,
    description: r.description,
    result: r.result,
    submittedAt: r.submittedAt.toISOString(),
    acceptedAt: iso(r.acceptedAt),
    closedAt: iso(r.closedAt),
    rating: r.ratingLevel ? { level: r.ratingLevel, createdAt: r.ratedAt!.toISOString() } : null,
  })

  const providerStaff = (q: Queryable, unitId: string | null) => repo.providerStaff(q, unitId)

  async function submitCore(
    tx: Tx,
    actor: Actor,
    input: CreateServiceRequest & { uscc: string; applicantUserId: string | null },
    at: Date,
    requestId?: string,
  ): Promise<string> {
    const s = await repo.findService(tx, input.serviceId)
    if (!s?.active || !s.providerActive) throw serviceNotFound()
    if (!s.providerUnitId) throw providerOffline()
    const c = await repo.findCompany(tx, input.uscc)
    if (!c) throw enterpriseNotFound()
    await workflow.publish(tx, requestSpec, actor)
    const number = (await allocateDocNumber(tx, REQUEST_SERIES.key, at)).number
    const id = await repo.insertRequest(tx, {
      number,
      serviceId: s.id,
      module: s.module,
      providerId: s.providerId,
      uscc: c.uscc,
      divisionCode: c.divisionCode,
      applicantUserId: input.applicantUserId,
      contactName: input.contactName,
      contactMobile: input.contactMobile,
      description: input.description,
      attachments: input.attachments,
      submittedAt: at,
    })
    await platform.files.attach(tx, input.attachments, { subjectType: REQUEST_SUBJECT, subjectId: id })
    const inst = await workflow.start(
      tx,
      {
        definitionKey: REQUEST_DEFINITION,
        subjectType: REQUEST_SUBJECT,
        subjectId: id,
        title: `${s.name}：${c.name}`,
        divisionCode: c.divisionCode,
        applicantId: input.applicantUserId,
        context: { providerUnitId: s.providerUnitId, module: s.module, serviceCode: s.code, uscc: c.uscc },
      },
      actor,
      at,
      requestId,
    )
    await repo.setRequestInstance(tx, id, inst.id)
    await recordAudit(tx, {
      actor,
      action: 'enterprise.request.submit',
      resourceType: 'enterprise_service_request',
      resourceId: id,
      divisionCode: c.divisionCode,
      requestId,
      data: { number, serviceCode: s.code, uscc: c.uscc },
    })
    await platform.events.enqueue(tx, 'enterprise.request.submitted', {
      id,
      uscc: c.uscc,
      module: s.module,
      providerId: s.providerId,
    })
    await platform.notifications.send(tx, {
      userIds: await providerStaff(tx, s.providerUnitId),
      title: `新的服务申请：${s.name}`,
      body: `${c.name} 申请“${s.name}”（${number}），请及时受理。`,
      link: `/enterprise/requests/${id}`,
    })
    return id
  }

  const ACTION_NAMES: Record<ServiceRequestAction, string> = {
    accept: '已受理',
    decline: '不予受理',
    complete: '已办结',
    withdraw: '已撤回',
  }

  async function actCore(
    tx: Tx,
    engine: EngineActor,
    actor: Actor,
    r: Pick<
      RequestRow,
      'id' | 'number' | 'uscc' | 'serviceName' | 'enterpriseName' | 'providerUnitId' | 'workflowInstanceId'
    >,
    action: ServiceRequestAction,
    input: { comment?: string; expectedVersion?: number },
    at: Date,
    requestId?: string,
  ) {
    if (!r.workflowInstanceId) throw requestNotFound()
    await repo.lockRequest(tx, r.id)
    await workflow.actInTx(
      tx,
      engine,
      actor,
      r.workflowInstanceId,
      action,
      { comment: input.comment, expectedVersion: input.expectedVersion },
      at,
      requestId,
    )
    if (action === 'complete' && input.comment) await repo.setRequestResult(tx, r.id, input.comment.trim())
    await platform.notifications.send(tx, {
      userIds: action !== 'withdraw' ? await repo.userIdsOf(tx, r.uscc) : await providerStaff(tx, r.providerUnitId),
      title: `服务申请${ACTION_NAMES[action]}：${r.serviceName}`,
      body: `${r.number}（${r.enterpriseName}）${ACTION_NAMES[action]}${input.comment ? `：${input.comment}` : ''}`,
      link: `/enterprise/requests/${r.id}`,
    })
  }

  const listingDto = (
    l: Awaited<ReturnType<typeof repo.findListing>> & {},
    mine: string | null,
    regions: Map<string, string>,
  ): Listing => ({
    id: l.id,
    kind: l.kind,
    category: l.category,
    title: l.title,
    description: l.description,
    industryCode: l.industryCode,
    industryName: industryName(l.industryCode),
    quantity: l.quantity,
    regionCode: l.regionCode,
    regionName: regions.get(l.regionCode) ?? null,
    validUntil: l.validUntil,
    status: l.status,
    enterpriseName: l.enterpriseName,
    mine: l.uscc === mine,
    createdAt: l.createdAt.toISOString(),
  })

  const contactDto = (c: Awaited<ReturnType<typeof repo.contacts>>['items'][number], uscc: string | null): Contact => ({
    id: c.id,
    listingId: c.listingId,
    listingTitle: c.listingTitle,
    fromEnterpriseName: c.fromEnterpriseName,
    toEnterpriseName: c.toEnterpriseName,
    direction: c.fromUscc === uscc ? 'sent' : 'received',
    message: c.message,
    replies: c.replies,
    createdAt: c.createdAt.toISOString(),
  })

  /** Loads n synthetic enterprises in multi-row statements; returns how many were new. */
  async function insertSynthetic(
    n: number,
    seed: number,
    opts: { events?: boolean; offset?: number } = {},
  ): Promise<number> {
    const today = beijingToday()
    const batch = 5000
    let inserted = 0
    for (let start = 0; start < n; start += batch) {
      const items: CompanyInput[] = []
      for (let i = start; i < Math.min(n, start + batch); i++)
        items.push(syntheticEnterprise(seed, (opts.offset ?? 0) + i, today))
      inserted += await db.tx(async (tx) => {
        const usccs = await repo.bulkInsertCompanies(tx, items)
        if (opts.events) for (const uscc of usccs) await profileChanged(platform, tx, { uscc, version: 1 })
        return usccs.length
      })
    }
    await db.tx((tx) =>
      recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'enterprise.synthetic_load',
        resourceType: 'enterprise',
        data: { requested: n, inserted, seed },
      }),
    )
    return inserted
  }

  return {
    /** The org unit a service provider's staff hold posts in (owned by the directory). */
    ensureProviderUnit(tx: Tx, u: { code: string; name: string; shortName: string; divisionCode: string }) {
      return directory.ensureUnit(tx, { ...u, kind: 'provider' })
    },

    // ==== Public API for other modules (see index.ts) ====================================================

    /** The profile of one enterprise (any status), or null. */
    async profile(uscc: string, q: Queryable = db.pool): Promise<EnterpriseProfile | null> {
      const c = await repo.findCompany(q, uscc)
      return c ? profileOf(c) : null
    },

    /** Active enterprises ordered by USCC after `afterUscc` (null/'' = from the start): keyset paging for bulk readers. */
    async profilesPage(opts: { afterUscc?: string | null; limit: number }, q: Queryable = db.pool) {
      const rows = await repo.companiesAfter(q, opts.afterUscc ?? null, Math.max(1, Math.min(opts.limit, 10_000)))
      const today = beijingToday()
      const items = rows.map((c) => profileOf(c, today))
      return { items, nextAfterUscc: items.length ? items[items.length - 1]!.uscc : null }
    },

    /** User ids of the enterprise's verified accounts (for inbox pushes). */
    async userIdsOf(uscc: string, q: Queryable = db.pool): Promise<string[]> {
      return repo.userIdsOf(q, uscc)
    },

    /** userIdsOf for many enterprises in one query (every USCC asked is a key, possibly with []). */
    async userIdsOfMany(usccs: string[], q: Queryable = db.pool): Promise<Map<string, string[]>> {
      return repo.userIdsOfMany(q, [...new Set(usccs)])
    },

    /** Bulk-loads n realistic synthetic enterprises (deterministic per seed; benchmarks); returns how many were new. */
    async insertSyntheticEnterprises(n: number, seed: number, opts: { events?: boolean; offset?: number } = {}) {
      return insertSynthetic(n, seed, opts)
    },

    /** The caller's standing towards an enterprise (also used by the web to show the pending state). */
    membership,

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

    // ==== Accounts =======================================================================================
    /** Public self-registration: creates the account (no access yet) and a pending membership for staff to verify. */
    async register(input: RegisterEnterpriseUser, requestId?: string) {
      const c = await repo.findCompany(db.pool, input.uscc)
      if (!c || c.status !== 'active' || c.name !== input.enterpriseName.trim()) throw unknownEnterprise()
      return db.tx(async (tx) => {
        const actor: Actor = { kind: 'anonymous', id: null, username: input.username }
        const userId = await platform.auth.createUser(tx, actor, {
          username: input.username,
          displayName: input.contactName,
          kind: 'enterprise',
          password: input.password,
          mobile: input.mobile,
          enterpriseUscc: null,
          posts: [],
        })
        const id = await repo.insertMember(tx, {
          userId,
          uscc: c.uscc,
          contactName: input.contactName,
          mobile: input.mobile,
          status: 'pending',
        })
        await recordAudit(tx, {
          actor: { kind: 'user', id: userId, accountKind: 'enterprise', username: input.username },
          action: 'enterprise.member.register',
          resourceType: 'enterprise_member',
          resourceId: id,
          divisionCode: c.divisionCode,
          requestId,
          data: { uscc: c.uscc },
        })
        return { id, status: 'pending' as const, uscc: c.uscc, enterpriseName: c.name }
      })
    },

    async myMembership(p: Principal) {
      if (p.kind !== 'enterprise' || !p.userId) throw enterpriseNotFound()
      const m = await repo.memberOfUser(db.pool, p.userId)
      if (m) return { status: m.status, uscc: m.uscc, enterpriseName: m.enterpriseName, reason: m.reason }
      const own = await membership(p)
      if (!own) throw enterpriseNotFound()
      const c = await repo.findCompany(db.pool, own.uscc)
      return { status: own.status, uscc: own.uscc, enterpriseName: c?.name ?? p.displayName, reason: null }
    },

    async listMembers(p: Principal, f: { status?: string; uscc?: string } & Page) {
      const r = await repo.listMembers(db.pool, { scopes: p.scopes, status: f.status, uscc: f.uscc }, paging(f))
      return { total: r.total, items: r.items.map(memberDto) }
    },

    /** Staff verify (the account gets its enterprise and role) or reject (with a reason) a pending account. */
    async decideMember(
      p: Principal,
      actor: Actor,
      id: string,
      decision: { verify: true } | { verify: false; reason: string },
      requestId?: string,
    ) {
      await db.tx(async (tx) => {
        const m = await repo.findMember(tx, id, { lock: true })
        const c = m && (await repo.findCompany(tx, m.uscc))
        if (!m || !c || !inScope(p, c.divisionCode)) throw memberNotFound()
        if (m.status !== 'pending') throw memberDecided({ status: m.status })
        const status = decision.verify ? 'verified' : 'rejected'
        await repo.decideMember(tx, id, status, p.userId, decision.verify ? null : decision.reason)
        if (decision.verify) await platform.auth.linkEnterprise(tx, m.userId, m.uscc, platform.config.district.code)
        await recordAudit(tx, {
          actor,
          action: `enterprise.member.${decision.verify ? 'verify' : 'reject'}`,
          resourceType: 'enterprise_member',
          resourceId: id,
          divisionCode: c.divisionCode,
          requestId,
          data: { uscc: m.uscc, userId: m.userId },
        })
        await platform.notifications.send(tx, {
          userIds: [m.userId],
          title: decision.verify ? '企业账号审核通过' : '企业账号审核未通过',
          body: decision.verify
            ? `您已成为“${c.name}”的企业用户，可以申请政企云服务。`
            : `您关联“${c.name}”的申请未通过：${decision.verify ? '' : decision.reason}`,
          link: '/enterprise/my',
        })
      })
      const m = (await repo.findMember(db.pool, id))!
      return memberDto(m)
    },

    // ==== Providers and the catalogue ====================================================================
    async providers() {
      const items = await repo.providers(db.pool)
      return { items, total: items.length }
    },

    async createProvider(
      actor: Actor,
      input: { code: string; name: string; kind: string; description?: string | null; orgUnitId?: string | null },
      requestId?: string,
    ) {
      if (input.orgUnitId && !(await repo.orgUnitExists(db.pool, input.orgUnitId))) throw orgUnitNotFound()
      return db.tx(async (tx) => {
        const p = await repo.insertProvider(tx, {
          code: input.code,
          name: input.name,
          kind: input.kind,
          description: input.description ?? null,
          orgUnitId: input.orgUnitId ?? null,
        })
        if (!p) throw providerExists({ code: input.code })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.provider.create',
          resourceType: 'enterprise_provider',
          resourceId: p.id,
          requestId,
          data: { code: p.code },
        })
        return p
      })
    },

    async services(f: { module?: string; providerId?: string; q?: string } & Page) {
      return repo.services(db.pool, { ...f, activeOnly: true }, paging(f))
    },

    /** The catalogue grouped by module (融资, 人才, 供需, 法律, 科技). */
    async catalogue() {
      const all = await repo.services(db.pool, { activeOnly: true }, { limit: 1000, offset: 0 })
      return {
        modules: ENTERPRISE_SERVICE_MODULES.map((key) => ({
          key,
          name: ENTERPRISE_SERVICE_MODULE_NAMES[key],
          services: all.items.filter((s) => s.module === key),
        })),
      }
    },

    async getService(id: string) {
      const s = await repo.findService(db.pool, id)
      if (!s?.active) throw serviceNotFound()
      const { providerUnitId: _u, providerActive: _a, ...dto } = s
      return dto
    },

    async createService(
      actor: Actor,
      input: {
        code: string
        module: string
        name: string
        description: string
        requirements: string
        materials: { name: string; required: boolean }[]
        providerId: string
      },
      requestId?: string,
    ) {
      if (!(await repo.findProvider(db.pool, input.providerId))) throw providerNotFound()
      const id = await db.tx(async (tx) => {
        const id = await repo.insertService(tx, input)
        if (!id) throw serviceExists({ code: input.code })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.service.create',
          resourceType: 'enterprise_service',
          resourceId: id,
          requestId,
          data: { code: input.code, module: input.module },
        })
        return id
      })
      return this.getService(id)
    },

    /** Publishes the request workflow (idempotent; seed and first use). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, requestSpec, actor)
    },

    // ==== Requests =======================================================================================
    /** An enterprise applies for a service: numbered, started on the workflow engine, the provider notified. */
    async submitRequest(
      p: Principal,
      actor: Actor,
      input: CreateServiceRequest,
      requestId?: string,
    ): Promise<ServiceRequestDetail> {
      const uscc = await myUscc(p)
      await platform.files.requireAttachable(p, input.attachments, 'attachments') // not another party's files
      const who = { ...input, uscc, applicantUserId: p.userId }
      const id = await db.tx((tx) => submitCore(tx, actor, who, new Date(), requestId))
      return this.getRequest(p, id)
    },

    /** Seed and imports: files a request for an enterprise in the caller's transaction (no principal checks). */
    submitCore,
    /** Seed: takes a request action as the given engine actor in the caller's transaction. */
    actCore,

    async getRequest(p: Principal, id: string): Promise<ServiceRequestDetail> {
      const { r, viewer } = await visibleRequest(p, id)
      const tree = r.workflowInstanceId ? await workflow.tree(p, r.workflowInstanceId) : null
      const engineActions = new Set(tree?.nodes[0]?.actions.map((a) => a.key) ?? [])
      const flags = { isApplicant: r.applicantUserId === p.userId, rated: r.ratingLevel !== null }
      const actions = requestActionsFor(r.status, viewer, flags).filter((a) => a === 'rate' || engineActions.has(a))
      return {
        ...requestDto(r),
        contactName: r.contactName,
        contactMobile: r.contactMobile,
        attachments: r.attachments,
        workflowInstanceId: r.workflowInstanceId,
        actions,
        history: (tree?.history ?? []).map((h) => ({
          action: h.action,
          from: h.fromState,
          to: h.toState,
          actorName: h.actorName,
          comment: h.comment,
          at: h.at,
        })),
      }
    },

    /** Requests the caller sees: `mine` (enterprise), `provider` (provider staff) or `staff` (scope). */
    async listRequests(
      p: Principal,
      as: 'mine' | 'provider' | 'staff',
      f: { status?: string; module?: string; providerId?: string; uscc?: string } & Page,
    ) {
      let v: RequestVisibility
      if (as === 'mine') v = { kind: 'enterprise', uscc: await myUscc(p) }
      else if (as === 'provider') v = { kind: 'provider', providerIds: await providerIdsOf(p) }
      else v = { kind: 'staff', scopes: p.scopes }
      const r = await repo.listRequests(db.pool, v, f, paging(f))
      return { total: r.total, items: r.items.map(requestDto) }
    },

    /** Takes a workflow action on a visible request (the engine checks role, provider unit or applicant). */
    async act(
      p: Principal,
      actor: Actor,
      id: string,
      action: ServiceRequestAction,
      input: { comment?: string; expectedVersion?: number },
      requestId?: string,
    ): Promise<ServiceRequestDetail> {
      const { r } = await visibleRequest(p, id)
      if (!r.workflowInstanceId) throw requestNotFound()
      await db.tx((tx) => actCore(tx, engineActorOf(p), actor, r, action, input, new Date(), requestId))
      return this.getRequest(p, id)
    },

    /** The enterprise rates a completed request (好差评 through the rating module; 差评 opens a rectification). */
    async rate(p: Principal, actor: Actor, id: string, input: SubmitRating, requestId?: string) {
      const uscc = await myUscc(p)
      const r = await repo.findRequest(db.pool, id, { kind: 'enterprise', uscc })
      if (!r) throw requestNotFound()
      if (r.status !== 'completed') throw notRateable()
      if (r.ratingLevel !== null) throw alreadyRated()
      await db.tx(async (tx) => {
        await rating.rate(
          tx,
          actor,
          {
            subjectType: RATING_SUBJECT,
            subjectId: r.id,
            subjectTitle: `${r.serviceName}（${r.number}）`,
            departmentId: r.providerUnitId,
            divisionCode: r.divisionCode,
            raterId: p.userId!,
            channel: input.channel,
            level: input.level,
            reasons: input.reasons,
            comment: input.comment,
          },
          requestId,
        )
        await repo.setRequestRating(tx, r.id, input.level)
      })
      return this.getRequest(p, id)
    },

    // ==== Supply-demand board ============================================================================
    async createListing(p: Principal, actor: Actor, input: CreateListing, requestId?: string): Promise<Listing> {
      const uscc = await myUscc(p)
      if (!industryDivision(input.industryCode)) throw invalidIndustry({ code: input.industryCode })
      const regions = await repo.divisionNames(db.pool, [input.regionCode])
      if (!regions.has(input.regionCode)) throw invalidDivision({ code: input.regionCode })
      if (input.validUntil <= beijingToday()) throw listingExpired()
      const id = await db.tx(async (tx) => {
        const id = await repo.insertListing(tx, {
          uscc,
          kind: input.kind,
          category: input.category,
          title: input.title,
          description: input.description,
          industryCode: input.industryCode,
          quantity: input.quantity ?? null,
          regionCode: input.regionCode,
          validUntil: input.validUntil,
          tokens: searchTokens(`${input.title} ${input.description}`),
          createdBy: p.userId,
        })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.listing.create',
          resourceType: 'enterprise_listing',
          resourceId: id,
          requestId,
          data: { uscc, kind: input.kind },
        })
        return id
      })
      return listingDto((await repo.findListing(db.pool, id))!, uscc, regions)
    },

    async listListings(
      p: Principal,
      f: { kind?: string; category?: string; industry?: string; q?: string; mine?: 'true' | 'false' } & Page,
    ) {
      const uscc = await myUscc(p)
      const tokens = f.q ? searchTokens(f.q) : undefined
      const r = await repo.listListings(
        db.pool,
        {
          today: beijingToday(),
          kind: f.kind,
          category: f.category,
          industry: f.industry,
          tokens: tokens?.length ? tokens : f.q ? [f.q] : undefined,
          uscc: f.mine === 'true' ? uscc : undefined,
          openOnly: f.mine !== 'true',
        },
        paging(f),
      )
      const regions = await repo.divisionNames(
        db.pool,
        r.items.map((l) => l.regionCode),
      )
      return { total: r.total, items: r.items.map((l) => listingDto(l, uscc, regions)) }
    },

    async getListing(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || (l.uscc !== uscc && (l.status !== 'open' || l.validUntil < beijingToday()))) throw listingNotFound()
      return listingDto(l, uscc, await repo.divisionNames(db.pool, [l.regionCode]))
    },

    async closeListing(p: Principal, actor: Actor, id: string, requestId?: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || l.uscc !== uscc) throw listingNotFound()
      await db.tx(async (tx) => {
        await repo.closeListing(tx, id)
        await recordAudit(tx, {
          actor,
          action: 'enterprise.listing.close',
          resourceType: 'enterprise_listing',
          resourceId: id,
          requestId,
        })
      })
      return this.getListing(p, id)
    },

    /** Suggestions for one of the caller's listings: the other kind, scored by industry, keywords and region. */
    async matches(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || l.uscc !== uscc) throw listingNotFound()
      const other = l.kind === 'need' ? 'offer' : 'need'
      const candidates = await repo.matchCandidates(db.pool, {
        kind: other,
        excludeUscc: uscc,
        tokens: l.tokens,
        section: l.industryCode[0]!,
        today: beijingToday(),
      })
      const scored = candidates
        .map((c) => ({ c, ...matchScore(l, c) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime())
        .slice(0, 20)
      const regions = await repo.divisionNames(
        db.pool,
        scored.map((x) => x.c.regionCode),
      )
      return { items: scored.map((x) => ({ ...listingDto(x.c, uscc, regions), score: x.score, reasons: x.reasons })) }
    },

    /** Contacts the publisher through the platform: a message to its verified users' inboxes, no details exposed. */
    async contact(p: Principal, actor: Actor, listingId: string, message: string, requestId?: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, listingId)
      if (!l || l.status !== 'open' || l.validUntil < beijingToday()) throw listingNotFound()
      if (l.uscc === uscc) throw ownListing()
      const me = (await repo.findCompany(db.pool, uscc))!
      const id = await db.tx(async (tx) => {
        const id = await repo.insertContact(tx, {
          listingId,
          fromUscc: uscc,
          toUscc: l.uscc,
          fromUserId: p.userId,
          message,
        })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.board.contact',
          resourceType: 'enterprise_board_contact',
          resourceId: id,
          requestId,
          data: { listingId, from: uscc, to: l.uscc },
        })
        await platform.notifications.send(tx, {
          userIds: await repo.userIdsOf(tx, l.uscc),
          title: `供需对接：${me.name} 联系了您`,
          body: `关于“${l.title}”：${message}`,
          link: `/enterprise/board/contacts/${id}`,
        })
        return id
      })
      return this.getContact(p, id)
    },

    async contacts(p: Principal, f: Page) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc }, paging(f))
      return { total: r.total, items: r.items.map((c) => contactDto(c, uscc)) }
    },

    async getContact(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc, id }, { limit: 1, offset: 0 })
      if (!r.items[0]) throw contactNotFound()
      return contactDto(r.items[0], uscc)
    },

    async reply(p: Principal, actor: Actor, id: string, message: string, requestId?: string) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc, id }, { limit: 1, offset: 0 })
      const c = r.items[0]
      if (!c) throw contactNotFound()
      const other = c.fromUscc === uscc ? c.toUscc : c.fromUscc
      const myName = c.fromUscc === uscc ? c.fromEnterpriseName : c.toEnterpriseName
      await db.tx(async (tx) => {
        await repo.insertReply(tx, { contactId: id, fromUscc: uscc, fromUserId: p.userId, message })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.board.reply',
          resourceType: 'enterprise_board_contact',
          resourceId: id,
          requestId,
        })
        await platform.notifications.send(tx, {
          userIds: await repo.userIdsOf(tx, other),
          title: `供需对接：${myName} 回复了您`,
          body: `关于“${c.listingTitle}”：${message}`,
          link: `/enterprise/board/contacts/${id}`,
        })
      })
      return this.getContact(p, id)
    },

    // ==== Statistics =====================================================================================
    /** Requests by module and provider (delivered = completed), enterprises by scale, accounts, board. */
    async stats(p: Principal): Promise<EnterpriseStats> {
      const [byModule, byProvider, providers, scales, members, board] = await Promise.all([
        repo.requestStats(db.pool, 'module', p.scopes),
        repo.requestStats(db.pool, 'provider_id', p.scopes),
        repo.providers(db.pool),
        repo.scaleCounts(db.pool, p.scopes),
        repo.memberCounts(db.pool, p.scopes),
        repo.boardCounts(db.pool, beijingToday()),
      ])
      const counts = (rows: { status: ServiceRequestStatus; n: number; rated: number; good: number }[]) => {
        const c = { total: 0, submitted: 0, handling: 0, completed: 0, declined: 0, withdrawn: 0, rated: 0 }
        let good = 0
        for (const r of rows) {
          c.total += r.n
          c[r.status] += r.n
          c.rated += r.rated
          good += r.good
        }
        return { ...c, satisfaction: c.rated ? Math.round((good / c.rated) * 10000) / 10000 : null }
      }
      const totals = counts(byModule)
      return {
        delivered: totals.completed,
        totals,
        byModule: ENTERPRISE_SERVICE_MODULES.map((m) => ({
          module: m,
          name: ENTERPRISE_SERVICE_MODULE_NAMES[m],
          ...counts(byModule.filter((r) => r.key === m)),
        })),
        byProvider: providers.map((pr) => ({
          providerId: pr.id,
          providerName: pr.name,
          kind: pr.kind,
          ...counts(byProvider.filter((r) => r.key === pr.id)),
        })),
        enterprises: {
          total: [...scales.values()].reduce((a, b) => a + b, 0),
          byScale: ENTERPRISE_SCALES.map((s) => ({ scale: s, total: scales.get(s) ?? 0 })),
          verifiedAccounts: members.get('verified') ?? 0,
          pendingAccounts: members.get('pending') ?? 0,
        },
        listings: board,
      }
    },

    FINAL_STATUSES,
  }
}

function memberDto(m: NonNullable<Awaited<ReturnType<typeof repo.findMember>>>) {
  return {
    id: m.id,
    userId: m.userId,
    username: m.username,
    contactName: m.contactName,
    mobileMasked: m.mobile ? maskMobile(m.mobile) : null,
    uscc: m.uscc,
    enterpriseName: m.enterpriseName,
    status: m.status,
    reason: m.reason,
    decidedBy: m.decidedBy,
    decidedByName: m.decidedByName,
    decidedAt: iso(m.decidedAt),
    createdAt: m.createdAt.toISOString(),
  }
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>
