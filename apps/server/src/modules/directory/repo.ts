import { maskMobile } from '@ruyu/contracts/identifiers'
import type { Queryable, Tx } from '../../platform/db.ts'

// The directory owns core_division and core_org_unit (shared reference tables every module reads) and
// directory_location*. It reads core_user/core_post for the staff pages. See docs/adr/0003-shared-reference-tables.md.

export interface DivisionRow {
  code: string
  name: string
  level: 'province' | 'city' | 'district' | 'town' | 'village'
  kind: string
  parentCode: string | null
  childCount: number
  dataYear: number
}

const DIVISION_COLS = `d.code, d.name, d.level, d.kind, d.parent_code, d.data_year,
  (select count(*)::int from core_division c where c.parent_code = d.code and c.data_year = d.data_year) as child_count`

const toDivision = (r: Record<string, any>): DivisionRow => ({
  code: r.code,
  name: r.name,
  level: r.level,
  kind: r.kind,
  parentCode: r.parent_code,
  childCount: r.child_count,
  dataYear: r.data_year,
})

/** Patterns for `like any(...)`: everything under the caller's scope roots. */
const under = (scopes: string[]) => scopes.map((s) => `${s}%`)

export const directoryRepo = {
  async latestDataYear(q: Queryable): Promise<number> {
    return (await q.query('select coalesce(max(data_year), 0)::int y from core_division')).rows[0].y
  },

  async scopeRoots(q: Queryable, year: number, scopes: string[]): Promise<DivisionRow[]> {
    const { rows } = await q.query(
      `select ${DIVISION_COLS} from core_division d where d.data_year = $1 and d.code = any($2) order by d.code`,
      [year, scopes],
    )
    return rows.map(toDivision)
  },

  async children(q: Queryable, year: number, parentCode: string, scopes: string[]): Promise<DivisionRow[]> {
    const { rows } = await q.query(
      `select ${DIVISION_COLS} from core_division d
       where d.data_year = $1 and d.parent_code = $2 and d.code like any($3) order by d.code`,
      [year, parentCode, under(scopes)],
    )
    return rows.map(toDivision)
  },

  async search(q: Queryable, year: number, text: string, scopes: string[]): Promise<DivisionRow[]> {
    const isCode = /^\d+$/.test(text)
    const { rows } = await q.query(
      `select ${DIVISION_COLS} from core_division d
       where d.data_year = $1 and d.code like any($2)
         and ${isCode ? 'd.code like $3' : "d.name like '%' || $3 || '%'"}
       order by length(d.code), d.code limit 50`,
      [year, under(scopes), isCode ? `${text}%` : text.replace(/[\\%_]/g, '\\$&')],
    )
    return rows.map(toDivision)
  },

  async findDivision(q: Queryable, year: number, code: string, scopes: string[]): Promise<DivisionRow | null> {
    const { rows } = await q.query(
      `select ${DIVISION_COLS} from core_division d where d.data_year = $1 and d.code = $2 and d.code like any($3)`,
      [year, code, under(scopes)],
    )
    return rows[0] ? toDivision(rows[0]) : null
  },

  async ancestors(q: Queryable, year: number, code: string): Promise<{ code: string; name: string }[]> {
    const { rows } = await q.query(
      `with recursive up as (
         select code, name, parent_code, 0 as depth from core_division where code = $2 and data_year = $1
         union all
         select d.code, d.name, d.parent_code, up.depth + 1 from core_division d
         join up on d.code = up.parent_code and d.data_year = $1)
       select code, name from up order by depth desc`,
      [year, code],
    )
    return rows.map((r) => ({ code: r.code, name: r.name }))
  },

  async divisionExists(q: Queryable, code: string): Promise<boolean> {
    return (await q.query('select 1 from core_division where code = $1 limit 1', [code])).rowCount! > 0
  },

  /**
   * Departments and locations are visible when they sit inside the caller's scope or above it
   * (a town clerk sees the district's departments and the own town office, not another town's).
   */
  visibleUnitSql: (col: string, scopesParam: string) =>
    `(${col} like any(${scopesParam}::text[]) or exists (select 1 from unnest(${scopesParam}::text[]) s where rtrim(s, '%') like ${col} || '%'))`,

  async listDepartments(
    q: Queryable,
    f: { q?: string; kind?: string; scopes: string[]; limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select id, code, name, short_name, kind, division_code, parent_id, construction_approval, count(*) over() total
       from core_org_unit
       where ${directoryRepo.visibleUnitSql('division_code', '$1')}
         and ($2::text is null or name like '%' || $2 || '%' or code ilike $2 || '%' or short_name like '%' || $2 || '%')
         and ($3::text is null or kind = $3)
       order by kind = 'town_office', code limit $4 offset $5`,
      [under(f.scopes), f.q ?? null, f.kind ?? null, f.limit, f.offset],
    )
    return { items: rows.map(toDepartment), total: rows[0]?.total ?? 0 }
  },

  async findDepartment(q: Queryable, id: string, scopes: string[]) {
    const { rows } = await q.query(
      `select * from core_org_unit where id = $1 and ${directoryRepo.visibleUnitSql('division_code', '$2')}`,
      [id, under(scopes)],
    )
    return rows[0] ? toDepartment(rows[0]) : null
  },

  async insertDepartment(
    tx: Tx,
    d: {
      code: string
      name: string
      shortName?: string | null
      kind: string
      divisionCode: string
      parentId?: string | null
      constructionApproval: boolean
    },
  ) {
    const { rows } = await tx.query(
      `insert into core_org_unit (code, name, short_name, kind, division_code, parent_id, construction_approval)
       values ($1,$2,$3,$4,$5,$6,$7) returning *`,
      [d.code, d.name, d.shortName ?? null, d.kind, d.divisionCode, d.parentId ?? null, d.constructionApproval],
    )
    return toDepartment(rows[0])
  },

  async listLocations(
    q: Queryable,
    f: { q?: string; kind?: string; divisionCode?: string; scopes: string[]; limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select l.*, (select count(*)::int from directory_location_department ld where ld.location_id = l.id) department_count,
         count(*) over() total
       from directory_location l
       where ${directoryRepo.visibleUnitSql('l.division_code', '$1')}
         and ($2::text is null or l.name like '%' || $2 || '%' or l.address like '%' || $2 || '%')
         and ($3::text is null or l.kind = $3)
         and ($4::text is null or l.division_code like $4 || '%')
       order by l.code limit $5 offset $6`,
      [under(f.scopes), f.q ?? null, f.kind ?? null, f.divisionCode ?? null, f.limit, f.offset],
    )
    return {
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        divisionCode: r.division_code,
        address: r.address,
        phone: r.phone,
        departmentCount: r.department_count,
      })),
      total: rows[0]?.total ?? 0,
    }
  },

  /** Staff whose posts lie inside the caller's scope; filtered in SQL so counts and pages are right too. */
  async listStaff(
    q: Queryable,
    f: { q?: string; divisionCode?: string; departmentId?: string; scopes: string[]; limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `select u.id, count(*) over() total from core_user u
       where u.kind = 'staff'
         and exists (select 1 from core_post p where p.user_id = u.id and p.scope_division_code like any($1)
                     and ($3::text is null or p.scope_division_code like $3 || '%')
                     and ($4::uuid is null or p.department_id = $4))
         and ($2::text is null or u.display_name like '%' || $2 || '%' or u.username ilike '%' || $2 || '%')
       order by u.username limit $5 offset $6`,
      [under(f.scopes), f.q ?? null, f.divisionCode ?? null, f.departmentId ?? null, f.limit, f.offset],
    )
    const items = await directoryRepo.staffByIds(
      q,
      rows.map((r) => r.id),
    )
    return { items, total: rows[0]?.total ?? 0 }
  },

  async findStaff(q: Queryable, id: string, scopes: string[]) {
    const { rows } = await q.query(
      `select u.id from core_user u where u.id = $1 and u.kind = 'staff'
         and exists (select 1 from core_post p where p.user_id = u.id and p.scope_division_code like any($2))`,
      [id, under(scopes)],
    )
    return rows[0] ? ((await directoryRepo.staffByIds(q, [id]))[0] ?? null) : null
  },

  async staffByIds(q: Queryable, ids: string[]) {
    if (ids.length === 0) return []
    const { rows } = await q.query(
      `select u.id, u.username, u.display_name, u.mobile, u.status,
         coalesce(json_agg(json_build_object('id', p.id, 'role', p.role, 'scopeDivisionCode', p.scope_division_code,
           'scopeDivisionName', (select name from core_division d where d.code = p.scope_division_code order by data_year desc limit 1),
           'departmentId', p.department_id, 'departmentName', o.name) order by p.created_at)
           filter (where p.id is not null), '[]') posts
       from core_user u left join core_post p on p.user_id = u.id left join core_org_unit o on o.id = p.department_id
       where u.id = any($1::uuid[]) group by u.id order by u.username`,
      [ids],
    )
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      mobileMasked: r.mobile ? maskMobile(r.mobile) : null,
      status: (r.status === 'disabled' ? 'disabled' : 'active') as 'active' | 'locked' | 'disabled',
      lockedUntil: null as string | null,
      posts: r.posts,
    }))
  },

  async divisionName(q: Queryable, code: string): Promise<string | null> {
    const { rows } = await q.query('select name from core_division where code = $1 order by data_year desc limit 1', [
      code,
    ])
    return rows[0]?.name ?? null
  },
  async unitRefs(q: Queryable, ids: string[]): Promise<{ id: string; code: string; name: string }[]> {
    if (!ids.length) return []
    const { rows } = await q.query('select id, code, name from core_org_unit where id = any($1::uuid[])', [ids])
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name }))
  },

  // --- reference-data loading (seed) ---
  async upsertDivisions(
    tx: Tx,
    year: number,
    ds: { code: string; name: string; level: string; kind: string; parentCode: string | null }[],
  ) {
    await tx.query(
      `insert into core_division (code, data_year, name, level, kind, parent_code)
       select c, $1, n, l, k, p from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as x(c, n, l, k, p)
       on conflict (code, data_year) do update set name = excluded.name, level = excluded.level, kind = excluded.kind,
         parent_code = excluded.parent_code`,
      [
        year,
        ds.map((d) => d.code),
        ds.map((d) => d.name),
        ds.map((d) => d.level),
        ds.map((d) => d.kind),
        ds.map((d) => d.parentCode),
      ],
    )
  },

  async upsertDepartmentByCode(
    tx: Tx,
    d: {
      code: string
      name: string
      shortName: string
      kind: string
      divisionCode: string
      constructionApproval: boolean
    },
  ) {
    await tx.query(
      `insert into core_org_unit (code, name, short_name, kind, division_code, construction_approval)
       values ($1,$2,$3,$4,$5,$6)
       on conflict (code) do update set name = excluded.name, short_name = excluded.short_name, kind = excluded.kind,
         division_code = excluded.division_code, construction_approval = excluded.construction_approval, updated_at = now()`,
      [d.code, d.name, d.shortName, d.kind, d.divisionCode, d.constructionApproval],
    )
  },

  async upsertLocation(
    tx: Tx,
    l: { code: string; name: string; kind: string; divisionCode: string; address: string; phone: string | null },
  ) {
    const { rows } = await tx.query(
      `insert into directory_location (code, name, kind, division_code, address, phone) values ($1,$2,$3,$4,$5,$6)
       on conflict (code) do update set name = excluded.name, kind = excluded.kind, division_code = excluded.division_code,
         address = excluded.address, phone = excluded.phone, updated_at = now() returning id`,
      [l.code, l.name, l.kind, l.divisionCode, l.address, l.phone],
    )
    return rows[0].id as string
  },

  async stationDepartments(tx: Tx, locationId: string, departmentCodes: string[]) {
    await tx.query(
      `insert into directory_location_department (location_id, department_id)
       select $1, id from core_org_unit where code = any($2) on conflict do nothing`,
      [locationId, departmentCodes],
    )
  },

  async departmentIdByCode(q: Queryable, code: string): Promise<string | null> {
    return (await q.query('select id from core_org_unit where code = $1', [code])).rows[0]?.id ?? null
  },
}

function toDepartment(r: Record<string, any>) {
  return {
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    shortName: (r.short_name ?? null) as string | null,
    kind: r.kind as string,
    divisionCode: r.division_code as string,
    parentId: (r.parent_id ?? null) as string | null,
    constructionApproval: !!r.construction_approval,
  }
}
