import type { EnterpriseScale, MemberStatus, ServiceRequestStatus } from '@ruyu/contracts/enterprise'
import type { Queryable, Tx } from '../../platform/db.ts'

// SQL of the enterprise module: enterprise_* tables, plus reads of core_division / core_user / core_org_unit and
// the two writes a verification makes on the account (core_user.enterprise_uscc and its enterprise_user post).

export interface CompanyRow {
  uscc: string
  name: string
  legalRepresentative: string
  divisionCode: string
  parkCode: string | null
  industryCode: string
  foundedOn: string
  employees: number
  revenueWan: number
  rndWan: number
  assetsWan: number | null
  tags: string[]
  scale: EnterpriseScale
  address: string | null
  status: 'active' | 'closed'
  version: number
  createdAt: Date
  updatedAt: Date
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

const toCompany = (r: Record<string, any>): CompanyRow => ({
  uscc: r.uscc,
  name: r.name,
  legalRepresentative: r.legal_representative,
  divisionCode: r.division_code,
  parkCode: r.park_code,
  industryCode: r.industry_code,
  foundedOn: r.founded_on,
  employees: r.employees,
  revenueWan: Number(r.revenue_wan),
  rndWan: Number(r.rnd_wan),
  assetsWan: num(r.assets_wan),
  tags: r.tags,
  scale: r.scale,
  address: r.address,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export type CompanyInput = Omit<CompanyRow, 'version' | 'createdAt' | 'updatedAt'>

const COMPANY_COLUMNS = [
  'uscc',
  'name',
  'legal_representative',
  'division_code',
  'park_code',
  'industry_code',
  'founded_on',
  'employees',
  'revenue_wan',
  'rnd_wan',
  'assets_wan',
  'tags',
  'scale',
  'address',
  'status',
] as const
const companyValues = (c: CompanyInput) => [
  c.uscc,
  c.name,
  c.legalRepresentative,
  c.divisionCode,
  c.parkCode,
  c.industryCode,
  c.foundedOn,
  c.employees,
  c.revenueWan,
  c.rndWan,
  c.assetsWan,
  c.tags,
  c.scale,
  c.address,
  c.status,
]

export interface CompanyFilter {
  scopes: string[] | null
  q?: string
  industry?: string
  scale?: string
  tag?: string
  divisionCode?: string
  parkCode?: string
  status?: string
}

/** Who sees which requests: the enterprise itself, the provider handling it, or staff inside their scope. */
export type RequestVisibility =
  | { kind: 'enterprise'; uscc: string }
  | { kind: 'provider'; providerIds: string[] }
  | { kind: 'staff'; scopes: string[] }

export interface RequestRow {
  id: string
  number: string
  serviceId: string
  serviceName: string
  module: string
  providerId: string
  providerName: string
  providerUnitId: string | null
  uscc: string
  enterpriseName: string
  divisionCode: string
  applicantUserId: string | null
  contactName: string
  contactMobile: string
  description: string
  attachments: string[]
  status: ServiceRequestStatus
  result: string | null
  workflowInstanceId: string | null
  ratingLevel: number | null
  ratedAt: Date | null
  submittedAt: Date
  acceptedAt: Date | null
  closedAt: Date | null
}

const toRequest = (r: Record<string, any>): RequestRow => ({
  id: r.id,
  number: r.number,
  serviceId: r.service_id,
  serviceName: r.service_name,
  module: r.module,
  providerId: r.provider_id,
  providerName: r.provider_name,
  providerUnitId: r.provider_unit_id,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  divisionCode: r.division_code,
  applicantUserId: r.applicant_user_id,
  contactName: r.contact_name,
  contactMobile: r.contact_mobile,
  description: r.description,
  attachments: r.attachments,
  status: r.status,
  result: r.result,
  workflowInstanceId: r.workflow_instance_id,
  ratingLevel: r.rating_level,
  ratedAt: r.rated_at,
  submittedAt: r.submitted_at,
  acceptedAt: r.accepted_at,
  closedAt: r.closed_at,
})

const REQUEST_SELECT = `select r.*, s.name as service_name, p.name as provider_name, p.org_unit_id as provider_unit_id,
    c.name as enterprise_name
  from enterprise_service_request r
  join enterprise_service s on s.id = r.service_id
  join enterprise_provider p on p.id = r.provider_id
  join enterprise_company c on c.uscc = r.uscc`

function requestWhere(v: RequestVisibility, first: number): { sql: string; params: unknown[] } {
  if (v.kind === 'enterprise') return { sql: `r.uscc = $${first}`, params: [v.uscc] }
  if (v.kind === 'provider') return { sql: `r.provider_id = any($${first}::uuid[])`, params: [v.providerIds] }
  return { sql: `r.division_code like any($${first})`, params: [v.scopes.map((s) => `${s}%`)] }
}

export interface ListingRow {
  id: string
  uscc: string
  enterpriseName: string
  kind: 'need' | 'offer'
  category: 'product' | 'service'
  title: string
  description: string
  industryCode: string
  quantity: string | null
  regionCode: string
  validUntil: string
  status: 'open' | 'closed'
  tokens: string[]
  createdAt: Date
}

const toListing = (r: Record<string, any>): ListingRow => ({
  id: r.id,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  kind: r.kind,
  category: r.category,
  title: r.title,
  description: r.description,
  industryCode: r.industry_code,
  quantity: r.quantity,
  regionCode: r.region_code,
  validUntil: r.valid_until,
  status: r.status,
  tokens: r.tokens,
  createdAt: r.created_at,
})

const LISTING_SELECT = `select l.*, c.name as enterprise_name from enterprise_listing l
  join enterprise_company c on c.uscc = l.uscc`

export const enterpriseRepo = {
  // --- reference reads (core) -------------------------------------------------------------------------------
  async divisionNames(q: Queryable, codes: string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map()
    const { rows } = await q.query(
      `select distinct on (code) code, name from core_division where code = any($1) order by code, data_year desc`,
      [[...new Set(codes)]],
    )
    return new Map(rows.map((r) => [r.code as string, r.name as string]))
  },

  // --- companies --------------------------------------------------------------------------------------------
  async findCompany(q: Queryable, uscc: string, opts: { lock?: boolean } = {}): Promise<CompanyRow | null> {
    const { rows } = await q.query(
      `select * from enterprise_company where uscc = $1${opts.lock ? ' for update' : ''}`,
      [uscc],
    )
    return rows[0] ? toCompany(rows[0]) : null
  },

  /** Inserts a company; null when the USCC exists. */
  async insertCompany(tx: Tx, c: CompanyInput): Promise<CompanyRow | null> {
    const { rows } = await tx.query(
      `insert into enterprise_company (${COMPANY_COLUMNS.join(', ')})
       values (${COMPANY_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
       on conflict (uscc) do nothing returning *`,
      companyValues(c),
    )
    return rows[0] ? toCompany(rows[0]) : null
  },

  /** Writes every field of a company and bumps its version; null when the version moved. */
  async updateCompany(tx: Tx, c: CompanyInput, version: number): Promise<CompanyRow | null> {
    const sets = COMPANY_COLUMNS.slice(1).map((col, i) => `${col} = $${i + 2}`)
    const { rows } = await tx.query(
      `update enterprise_company set ${sets.join(', ')}, version = version + 1, updated_at = now()
       where uscc = $1 and version = $${COMPANY_COLUMNS.length + 1} returning *`,
      [...companyValues(c), version],
    )
    return rows[0] ? toCompany(rows[0]) : null
  },

  /**
   * Multi-row insert of companies through one json_to_recordset statement (fast bulk load); existing USCCs are
   * skipped. Returns the USCCs inserted.
   */
  async bulkInsertCompanies(tx: Tx, items: CompanyInput[]): Promise<string[]> {
    if (!items.length) return []
    const { rows } = await tx.query(
      `insert into enterprise_company (${COMPANY_COLUMNS.join(', ')})
       select ${COMPANY_COLUMNS.join(', ')} from json_to_recordset($1::json) as x(
         uscc text, name text, legal_representative text, division_code text, park_code text, industry_code text,
         founded_on date, employees int, revenue_wan numeric, rnd_wan numeric, assets_wan numeric, tags text[],
         scale text, address text, status text)
       on conflict (uscc) do nothing returning uscc`,
      [
        JSON.stringify(
          items.map((c) => Object.fromEntries(COMPANY_COLUMNS.map((col, i) => [col, companyValues(c)[i]]))),
        ),
      ],
    )
    return rows.map((r) => r.uscc as string)
  },

  async listCompanies(q: Queryable, f: CompanyFilter, page: { limit: number; offset: number }) {
    const where: string[] = []
    const params: unknown[] = []
    const add = (sql: (n: number) => string, v: unknown) => {
      params.push(v)
      where.push(sql(params.length))
    }
    if (f.scopes)
      add(
        (n) => `division_code like any($${n})`,
        f.scopes.map((s) => `${s}%`),
      )
    if (f.q) add((n) => `(name like '%' || $${n} || '%' or uscc = upper($${n}))`, f.q)
    if (f.industry) add((n) => `industry_code like $${n} || '%'`, f.industry)
    if (f.scale) add((n) => `scale = $${n}`, f.scale)
    if (f.tag) add((n) => `tags @> array[$${n}]::text[]`, f.tag)
    if (f.divisionCode) add((n) => `division_code like $${n} || '%'`, f.divisionCode)
    if (f.parkCode) add((n) => `park_code = $${n}`, f.parkCode)
    if (f.status) add((n) => `status = $${n}`, f.status)
    params.push(page.limit, page.offset)
    const { rows } = await q.query(
      `select *, count(*) over() as total from enterprise_company
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by revenue_wan desc, uscc limit $${params.length - 1} offset $${params.length}`,
      params,
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toCompany) }
  },

  /** Active companies ordered by USCC after a key (keyset paging for bulk readers). */
  async companiesAfter(q: Queryable, afterUscc: string | null, limit: number): Promise<CompanyRow[]> {
    const { rows } = await q.query(
      `select * from enterprise_company where status = 'active' and uscc > $1 order by uscc limit $2`,
      [afterUscc ?? '', limit],
    )
    return rows.map(toCompany)
  },

  async scaleCounts(q: Queryable, scopes: string[]) {
    const { rows } = await q.query(
      `select scale, count(*)::int as n from enterprise_company where status = 'active' and division_code like any($1)
       group by scale`,
      [scopes.map((s) => `${s}%`)],
    )
    return new Map(rows.map((r) => [r.scale as EnterpriseScale, r.n as number]))
  },

  // --- members and accounts ---------------------------------------------------------------------------------
  async insertMember(
    tx: Tx,
    m: { userId: string; uscc: string; contactName: string; mobile: string | null; status: MemberStatus },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_member (user_id, uscc, contact_name, mobile, status, decided_at)
       values ($1,$2,$3,$4,$5, case when $5 = 'pending' then null else now() end) returning id`,
      [m.userId, m.uscc, m.contactName, m.mobile, m.status],
    )
    return rows[0].id
  },

  async memberOfUser(q: Queryable, userId: string) {
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name from enterprise_member m join enterprise_company c on c.uscc = m.uscc
       where m.user_id = $1`,
      [userId],
    )
    return rows[0] ? toMember(rows[0]) : null
  },

  async findMember(q: Queryable, id: string, opts: { lock?: boolean } = {}) {
    if (opts.lock) await q.query('select 1 from enterprise_member where id = $1 for update', [id])
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name, u.username, d.display_name as decided_by_name
       from enterprise_member m join enterprise_company c on c.uscc = m.uscc join core_user u on u.id = m.user_id
       left join core_user d on d.id = m.decided_by where m.id = $1`,
      [id],
    )
    return rows[0] ? toMember(rows[0]) : null
  },

  async listMembers(
    q: Queryable,
    f: { scopes: string[]; status?: string; uscc?: string },
    page: { limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select m.*, c.name as enterprise_name, u.username, d.display_name as decided_by_name, count(*) over() as total
       from enterprise_member m join enterprise_company c on c.uscc = m.uscc join core_user u on u.id = m.user_id
       left join core_user d on d.id = m.decided_by
       where c.division_code like any($1) and ($2::text is null or m.status = $2) and ($3::text is null or m.uscc = $3)
       order by m.created_at desc, m.id limit $4 offset $5`,
      [f.scopes.map((s) => `${s}%`), f.status ?? null, f.uscc ?? null, page.limit, page.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toMember) }
  },

  async decideMember(tx: Tx, id: string, status: MemberStatus, by: string | null, reason: string | null) {
    await tx.query(
      `update enterprise_member set status = $2, decided_by = $3, decided_at = now(), reason = $4, updated_at = now()
       where id = $1`,
      [id, status, by, reason],
    )
  },

  /**
   * Gives a verified account its enterprise: the USCC on the account and an enterprise_user post (district
   * scope). Self-registered accounts are created without both, so a pending account reaches no enterprise data in
   * any module.
   */
  /** Active enterprise accounts of a USCC that are not held back by a pending or rejected membership. */
  async userIdsOf(q: Queryable, uscc: string): Promise<string[]> {
    const { rows } = await q.query(
      `select u.id from core_user u
       where u.kind = 'enterprise' and u.enterprise_uscc = $1 and u.status = 'active'
         and not exists (select 1 from enterprise_member m where m.user_id = u.id and m.status <> 'verified')
       order by u.created_at, u.id`,
      [uscc],
    )
    return rows.map((r) => r.id as string)
  },

  /** userIdsOf for many enterprises in one query. */
  async userIdsOfMany(q: Queryable, usccs: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(usccs.map((u) => [u, []]))
    if (!usccs.length) return out
    const { rows } = await q.query(
      `select u.id, u.enterprise_uscc from core_user u
       where u.kind = 'enterprise' and u.enterprise_uscc = any($1) and u.status = 'active'
         and not exists (select 1 from enterprise_member m where m.user_id = u.id and m.status <> 'verified')
       order by u.created_at, u.id`,
      [usccs],
    )
    for (const r of rows) out.get(r.enterprise_uscc)?.push(r.id)
    return out
  },

  async memberCounts(q: Queryable, scopes: string[]) {
    const { rows } = await q.query(
      `select m.status, count(*)::int as n from enterprise_member m join enterprise_company c on c.uscc = m.uscc
       where c.division_code like any($1) group by m.status`,
      [scopes.map((s) => `${s}%`)],
    )
    return new Map(rows.map((r) => [r.status as string, r.n as number]))
  },

  // --- providers and services -------------------------------------------------------------------------------
  async insertProvider(
    tx: Tx,
    p: { code: string; name: string; kind: string; description: string | null; orgUnitId: string | null },
  ) {
    const { rows } = await tx.query(
      `insert into enterprise_provider (code, name, kind, description, org_unit_id) values ($1,$2,$3,$4,$5)
       on conflict (code) do nothing returning *`,
      [p.code, p.name, p.kind, p.description, p.orgUnitId],
    )
    return rows[0] ? toProvider(rows[0]) : null
  },
  async providers(q: Queryable) {
    const { rows } = await q.query('select * from enterprise_provider order by kind, code')
    return rows.map(toProvider)
  },
  async findProvider(q: Queryable, id: string) {
    const { rows } = await q.query('select * from enterprise_provider where id = $1', [id])
    return rows[0] ? toProvider(rows[0]) : null
  },
  async providerByCode(q: Queryable, code: string) {
    const { rows } = await q.query('select * from enterprise_provider where code = $1', [code])
    return rows[0] ? toProvider(rows[0]) : null
  },
  /** Providers acted for by these org units (a provider staff member's departments). */
  async providerIdsOfUnits(q: Queryable, unitIds: string[]): Promise<string[]> {
    if (!unitIds.length) return []
    const { rows } = await q.query('select id from enterprise_provider where org_unit_id = any($1::uuid[])', [unitIds])
    return rows.map((r) => r.id as string)
  },
  /** Active accounts holding a service_provider post on the provider's org unit. */
  async providerStaff(q: Queryable, unitId: string | null): Promise<string[]> {
    if (!unitId) return []
    const { rows } = await q.query(
      `select distinct p.user_id from core_post p join core_user u on u.id = p.user_id
       where p.role = 'service_provider' and p.department_id = $1 and u.status = 'active'`,
      [unitId],
    )
    return rows.map((r) => r.user_id as string)
  },
  async orgUnitExists(q: Queryable, id: string) {
    const { rowCount } = await q.query('select 1 from core_org_unit where id = $1', [id])
    return !!rowCount
  },
  async orgUnitIdByCode(q: Queryable, code: string): Promise<string | null> {
    const { rows } = await q.query('select id from core_org_unit where code = $1', [code])
    return rows[0]?.id ?? null
  },
  /** The org unit a provider's staff hold posts on (seeded with kind 'provider'). */
  async insertService(
    tx: Tx,
    s: {
      code: string
      module: string
      name: string
      description: string
      requirements: string
      materials: { name: string; required: boolean }[]
      providerId: string
      sort?: number
    },
  ) {
    const { rows } = await tx.query(
      `insert into enterprise_service (code, module, name, description, requirements, materials, provider_id, sort)
       values ($1,$2,$3,$4,$5,$6,$7,$8) on conflict (code) do nothing returning id`,
      [s.code, s.module, s.name, s.description, s.requirements, JSON.stringify(s.materials), s.providerId, s.sort ?? 0],
    )
    return (rows[0]?.id as string | undefined) ?? null
  },
  async services(
    q: Queryable,
    f: { module?: string; providerId?: string; q?: string; activeOnly: boolean },
    page: { limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select s.*, p.name as provider_name, p.kind as provider_kind, count(*) over() as total
       from enterprise_service s join enterprise_provider p on p.id = s.provider_id
       where ($1::text is null or s.module = $1) and ($2::uuid is null or s.provider_id = $2)
         and ($3::text is null or s.name like '%' || $3 || '%' or s.description like '%' || $3 || '%')
         and (not $4 or (s.active and p.active))
       order by s.module, s.sort, s.code limit $5 offset $6`,
      [f.module ?? null, f.providerId ?? null, f.q ?? null, f.activeOnly, page.limit, page.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toService) }
  },
  async findService(q: Queryable, id: string) {
    const { rows } = await q.query(
      `select s.*, p.name as provider_name, p.kind as provider_kind, p.org_unit_id as provider_unit_id,
         p.active as provider_active
       from enterprise_service s join enterprise_provider p on p.id = s.provider_id where s.id = $1`,
      [id],
    )
    const r = rows[0]
    return r
      ? { ...toService(r), providerUnitId: r.provider_unit_id as string | null, providerActive: !!r.provider_active }
      : null
  },

  // --- requests ---------------------------------------------------------------------------------------------
  async insertRequest(
    tx: Tx,
    r: {
      number: string
      serviceId: string
      module: string
      providerId: string
      uscc: string
      divisionCode: string
      applicantUserId: string | null
      contactName: string
      contactMobile: string
      description: string
      attachments: string[]
      submittedAt: Date
    },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_service_request (number, service_id, module, provider_id, uscc, division_code,
         applicant_user_id, contact_name, contact_mobile, description, attachments, submitted_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) returning id`,
      [
        r.number,
        r.serviceId,
        r.module,
        r.providerId,
        r.uscc,
        r.divisionCode,
        r.applicantUserId,
        r.contactName,
        r.contactMobile,
        r.description,
        r.attachments,
        r.submittedAt,
      ],
    )
    return rows[0].id
  },
  async setRequestInstance(tx: Tx, id: string, instanceId: string) {
    await tx.query('update enterprise_service_request set workflow_instance_id = $2 where id = $1', [id, instanceId])
  },
  async findRequest(q: Queryable, id: string, v?: RequestVisibility): Promise<RequestRow | null> {
    const w = v ? requestWhere(v, 2) : { sql: 'true', params: [] }
    const { rows } = await q.query(`${REQUEST_SELECT} where r.id = $1 and ${w.sql}`, [id, ...w.params])
    return rows[0] ? toRequest(rows[0]) : null
  },
  async lockRequest(tx: Tx, id: string) {
    await tx.query('select 1 from enterprise_service_request where id = $1 for update', [id])
  },
  async requestByInstance(q: Queryable, instanceId: string): Promise<{ id: string; status: string } | null> {
    const { rows } = await q.query(
      'select id, status from enterprise_service_request where workflow_instance_id = $1',
      [instanceId],
    )
    return rows[0] ?? null
  },
  /** Mirrors the workflow state on the request row, stamping acceptance and closing times once. */
  async setRequestStatus(tx: Tx, id: string, status: ServiceRequestStatus, at: Date) {
    await tx.query(
      `update enterprise_service_request set status = $2, updated_at = now(),
         accepted_at = case when $2 = 'handling' and accepted_at is null then $3 else accepted_at end,
         closed_at = case when $2 in ('completed', 'declined', 'withdrawn') and closed_at is null then $3
                          else closed_at end
       where id = $1`,
      [id, status, at],
    )
  },
  async setRequestResult(tx: Tx, id: string, result: string) {
    await tx.query('update enterprise_service_request set result = $2 where id = $1', [id, result])
  },
  async setRequestRating(tx: Tx, id: string, level: number) {
    await tx.query('update enterprise_service_request set rating_level = $2, rated_at = now() where id = $1', [
      id,
      level,
    ])
  },
  async listRequests(
    q: Queryable,
    v: RequestVisibility,
    f: { status?: string; module?: string; providerId?: string; uscc?: string },
    page: { limit: number; offset: number },
  ) {
    const w = requestWhere(v, 1)
    const n = w.params.length
    const { rows } = await q.query(
      `${REQUEST_SELECT.replace('select r.*', 'select r.*, count(*) over() as total')}
       where ${w.sql} and ($${n + 1}::text is null or r.status = $${n + 1})
         and ($${n + 2}::text is null or r.module = $${n + 2})
         and ($${n + 3}::uuid is null or r.provider_id = $${n + 3})
         and ($${n + 4}::text is null or r.uscc = $${n + 4})
       order by r.submitted_at desc, r.id limit $${n + 5} offset $${n + 6}`,
      [...w.params, f.status ?? null, f.module ?? null, f.providerId ?? null, f.uscc ?? null, page.limit, page.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toRequest) }
  },
  async requestCountsByModule(q: Queryable, uscc: string) {
    const { rows } = await q.query(
      'select module, count(*)::int as n from enterprise_service_request where uscc = $1 group by module',
      [uscc],
    )
    return rows.map((r) => ({ module: r.module as string, total: r.n as number }))
  },
  /** Request counts by status and ratings, grouped by module or provider, inside the caller's division scope. */
  async requestStats(q: Queryable, by: 'module' | 'provider_id', scopes: string[]) {
    const { rows } = await q.query(
      `select ${by} as key, status, count(*)::int as n, count(rating_level)::int as rated,
         count(*) filter (where rating_level >= 4)::int as good
       from enterprise_service_request where division_code like any($1) group by ${by}, status`,
      [scopes.map((s) => `${s}%`)],
    )
    return rows as { key: string; status: ServiceRequestStatus; n: number; rated: number; good: number }[]
  },

  // --- board ------------------------------------------------------------------------------------------------
  async insertListing(
    tx: Tx,
    l: Omit<ListingRow, 'id' | 'enterpriseName' | 'status' | 'createdAt'> & { createdBy: string | null },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_listing (uscc, kind, category, title, description, industry_code, quantity,
         region_code, valid_until, tokens, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) returning id`,
      [
        l.uscc,
        l.kind,
        l.category,
        l.title,
        l.description,
        l.industryCode,
        l.quantity,
        l.regionCode,
        l.validUntil,
        l.tokens,
        l.createdBy,
      ],
    )
    return rows[0].id
  },
  async findListing(q: Queryable, id: string): Promise<ListingRow | null> {
    const { rows } = await q.query(`${LISTING_SELECT} where l.id = $1`, [id])
    return rows[0] ? toListing(rows[0]) : null
  },
  async closeListing(tx: Tx, id: string) {
    await tx.query(`update enterprise_listing set status = 'closed', updated_at = now() where id = $1`, [id])
  },
  async listListings(
    q: Queryable,
    f: {
      today: string
      kind?: string
      category?: string
      industry?: string
      tokens?: string[]
      uscc?: string
      openOnly: boolean
    },
    page: { limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `${LISTING_SELECT.replace('select l.*', 'select l.*, count(*) over() as total')}
       where ($1::text is null or l.kind = $1) and ($2::text is null or l.category = $2)
         and ($3::text is null or l.industry_code like $3 || '%')
         and ($4::text[] is null or l.tokens && $4) and ($5::text is null or l.uscc = $5)
         and (not $6 or (l.status = 'open' and l.valid_until >= $7::date))
       order by l.created_at desc, l.id limit $8 offset $9`,
      [
        f.kind ?? null,
        f.category ?? null,
        f.industry ?? null,
        f.tokens ?? null,
        f.uscc ?? null,
        f.openOnly,
        f.today,
        page.limit,
        page.offset,
      ],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toListing) }
  },
  /** Open listings of the other kind from other enterprises sharing a token or the industry section. */
  async matchCandidates(
    q: Queryable,
    f: { kind: string; excludeUscc: string; tokens: string[]; section: string; today: string },
  ) {
    const { rows } = await q.query(
      `${LISTING_SELECT} where l.kind = $1 and l.uscc <> $2 and l.status = 'open' and l.valid_until >= $5::date
         and (l.tokens && $3 or l.industry_code like $4 || '%')
       order by l.created_at desc limit 500`,
      [f.kind, f.excludeUscc, f.tokens, f.section, f.today],
    )
    return rows.map(toListing)
  },
  async insertContact(
    tx: Tx,
    c: { listingId: string; fromUscc: string; toUscc: string; fromUserId: string | null; message: string },
  ) {
    const { rows } = await tx.query(
      `insert into enterprise_board_contact (listing_id, from_uscc, to_uscc, from_user_id, message)
       values ($1,$2,$3,$4,$5) returning id`,
      [c.listingId, c.fromUscc, c.toUscc, c.fromUserId, c.message],
    )
    return rows[0].id as string
  },
  async insertReply(tx: Tx, r: { contactId: string; fromUscc: string; fromUserId: string | null; message: string }) {
    await tx.query(
      'insert into enterprise_board_reply (contact_id, from_uscc, from_user_id, message) values ($1,$2,$3,$4)',
      [r.contactId, r.fromUscc, r.fromUserId, r.message],
    )
  },
  /** Contacts an enterprise sent or received (uscc null = all, for staff). */
  async contacts(q: Queryable, f: { uscc: string | null; id?: string }, page: { limit: number; offset: number }) {
    const { rows } = await q.query(
      `select k.*, l.title as listing_title, fc.name as from_name, tc.name as to_name, count(*) over() as total,
         coalesce((select json_agg(json_build_object('fromEnterpriseName', rc.name, 'message', r.message,
           'at', r.created_at) order by r.created_at)
           from enterprise_board_reply r join enterprise_company rc on rc.uscc = r.from_uscc
           where r.contact_id = k.id), '[]') as replies
       from enterprise_board_contact k join enterprise_listing l on l.id = k.listing_id
       join enterprise_company fc on fc.uscc = k.from_uscc join enterprise_company tc on tc.uscc = k.to_uscc
       where ($1::text is null or k.from_uscc = $1 or k.to_uscc = $1) and ($2::uuid is null or k.id = $2)
       order by k.created_at desc, k.id limit $3 offset $4`,
      [f.uscc, f.id ?? null, page.limit, page.offset],
    )
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        id: r.id as string,
        listingId: r.listing_id as string,
        listingTitle: r.listing_title as string,
        fromUscc: r.from_uscc as string,
        toUscc: r.to_uscc as string,
        fromEnterpriseName: r.from_name as string,
        toEnterpriseName: r.to_name as string,
        message: r.message as string,
        replies: (r.replies as { fromEnterpriseName: string; message: string; at: string }[]).map((x) => ({
          ...x,
          at: new Date(x.at).toISOString(),
        })),
        createdAt: r.created_at as Date,
      })),
    }
  },
  async boardCounts(q: Queryable, today: string) {
    const { rows } = await q.query(
      `select (select count(*)::int from enterprise_listing where status = 'open' and valid_until >= $1::date) as open,
         (select count(*)::int from enterprise_board_contact) as contacts`,
      [today],
    )
    return rows[0] as { open: number; contacts: number }
  },
}

function toMember(r: Record<string, any>) {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    username: (r.username as string | undefined) ?? '',
    uscc: r.uscc as string,
    enterpriseName: r.enterprise_name as string,
    contactName: r.contact_name as string,
    mobile: r.mobile as string | null,
    status: r.status as MemberStatus,
    reason: r.reason as string | null,
    decidedBy: r.decided_by as string | null,
    decidedByName: (r.decided_by_name as string | undefined) ?? null,
    decidedAt: r.decided_at as Date | null,
    createdAt: r.created_at as Date,
  }
}
export type MemberRow = ReturnType<typeof toMember>

function toProvider(r: Record<string, any>) {
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    kind: r.kind as 'department' | 'bank' | 'law_firm' | 'university' | 'agency',
    description: r.description as string | null,
    orgUnitId: r.org_unit_id as string | null,
    active: r.active as boolean,
  }
}

function toService(r: Record<string, any>) {
  return {
    id: r.id as string,
    code: r.code as string,
    module: r.module as 'financing' | 'talent' | 'supply_demand' | 'legal' | 'technology',
    name: r.name as string,
    description: r.description as string,
    requirements: r.requirements as string,
    materials: r.materials as { name: string; required: boolean }[],
    providerId: r.provider_id as string,
    providerName: r.provider_name as string,
    providerKind: r.provider_kind as 'department' | 'bank' | 'law_firm' | 'university' | 'agency',
    active: r.active as boolean,
  }
}
