/** SQL of service providers and their catalogue: enterprise_provider, enterprise_service, read-only core_org_unit / core_post. */
import type { Queryable, Tx } from '../../platform/db.ts'

export const providerRepo = {
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
}

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
