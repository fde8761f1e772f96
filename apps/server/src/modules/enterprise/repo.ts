import type { EnterpriseScale } from '@ruyu/contracts/enterprise'
import type { Queryable, Tx } from '../../platform/db.ts'
import { boardRepo } from './board-repo.ts'
import { memberRepo } from './member-repo.ts'
import { providerRepo } from './provider-repo.ts'
import { requestRepo } from './request-repo.ts'

// SQL of the enterprise module: enterprise_* tables, plus reads of core_division / core_user / core_org_unit /
// core_post. This file holds the companies; accounts, providers and services, requests and the board have their own
// files, spread into `enterpriseRepo` below.

export type { ListingRow } from './board-repo.ts'
export type { MemberRow } from './member-repo.ts'
export type { RequestRow, RequestVisibility } from './request-repo.ts'

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

export const enterpriseRepo = {
  ...memberRepo,
  ...providerRepo,
  ...requestRepo,
  ...boardRepo,

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
}
