/** SQL of the reference data intake routes by: categories (hotline_category) and routing rules. */
import type { Category } from '@ruyu/contracts/hotline'
import type { Queryable, Tx } from '../../platform/db.ts'

const toCategory = (r: Record<string, any>): Category => ({
  id: r.id,
  parentId: r.parent_id,
  code: r.code,
  name: r.name,
  depth: r.depth,
  pathName: r.path_name,
  guidance: r.guidance,
  active: r.active,
  sort: r.sort,
})

export interface RuleRow {
  id: string
  categoryId: string | null
  categoryName: string | null
  divisionPrefix: string
  unitId: string
  coUnitIds: string[]
  note: string | null
}
const toRule = (r: Record<string, any>): RuleRow => ({
  id: r.id,
  categoryId: r.category_id,
  categoryName: r.category_name ?? null,
  divisionPrefix: r.division_prefix,
  unitId: r.unit_id,
  coUnitIds: r.co_unit_ids ?? [],
  note: r.note,
})

export const hotlineReferenceRepo = {
  // --- categories -------------------------------------------------------------------------------------------
  async categories(q: Queryable): Promise<(Category & { path: string })[]> {
    const { rows } = await q.query('select * from hotline_category order by depth, sort, code')
    return rows.map((r) => ({ ...toCategory(r), path: r.path as string }))
  },
  async category(q: Queryable, id: string): Promise<(Category & { path: string }) | null> {
    const { rows } = await q.query('select * from hotline_category where id = $1', [id])
    return rows[0] ? { ...toCategory(rows[0]), path: rows[0].path } : null
  },
  async categoryByCode(q: Queryable, code: string): Promise<(Category & { path: string }) | null> {
    const { rows } = await q.query('select * from hotline_category where code = $1', [code])
    return rows[0] ? { ...toCategory(rows[0]), path: rows[0].path } : null
  },
  async insertCategory(
    tx: Tx,
    c: { parentId: string | null; code: string; name: string; guidance: string | null; sort: number },
  ): Promise<Category> {
    const parent = c.parentId
      ? (await tx.query('select path, path_name, depth from hotline_category where id = $1', [c.parentId])).rows[0]
      : null
    const id = crypto.randomUUID()
    const { rows } = await tx.query(
      `insert into hotline_category (id, parent_id, code, name, path, path_name, depth, guidance, sort)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9) returning *`,
      [
        id,
        c.parentId,
        c.code,
        c.name,
        `${parent?.path ?? '/'}${id}/`,
        parent ? `${parent.path_name} / ${c.name}` : c.name,
        parent ? parent.depth + 1 : 0,
        c.guidance,
        c.sort,
      ],
    )
    return toCategory(rows[0])
  },
  async updateCategory(
    tx: Tx,
    id: string,
    p: { name?: string; guidance?: string | null; sort?: number; active?: boolean },
  ): Promise<Category | null> {
    const { rows } = await tx.query(
      `update hotline_category set name = coalesce($2, name), guidance = case when $3 then $4 else guidance end,
         sort = coalesce($5, sort), active = coalesce($6, active), updated_at = now() where id = $1 returning *`,
      [id, p.name ?? null, p.guidance !== undefined, p.guidance ?? null, p.sort ?? null, p.active ?? null],
    )
    if (!rows[0]) return null
    if (p.name) {
      // Path names of the subtree follow a rename.
      await tx.query(
        `update hotline_category h set path_name = coalesce((select p.path_name || ' / ' from hotline_category p
           where p.id = h.parent_id), '') || h.name where h.id = $1`,
        [id],
      )
      await tx.query(
        `with recursive hotline_subtree as (
           select id, path_name from hotline_category where id = $1
           union all
           select c.id, s.path_name || ' / ' || c.name from hotline_category c join hotline_subtree s on c.parent_id = s.id)
         update hotline_category h set path_name = s.path_name from hotline_subtree s where h.id = s.id and h.id <> $1`,
        [id],
      )
    }
    return toCategory((await tx.query('select * from hotline_category where id = $1', [id])).rows[0])
  },
  // --- routing rules ----------------------------------------------------------------------------------------
  async rules(q: Queryable): Promise<RuleRow[]> {
    const { rows } = await q.query(
      `select r.*, c.path_name as category_name from hotline_routing_rule r
       left join hotline_category c on c.id = r.category_id order by c.path nulls first, r.division_prefix`,
    )
    return rows.map(toRule)
  },
  async rule(q: Queryable, id: string): Promise<RuleRow | null> {
    const { rows } = await q.query(
      `select r.*, c.path_name as category_name from hotline_routing_rule r
       left join hotline_category c on c.id = r.category_id where r.id = $1`,
      [id],
    )
    return rows[0] ? toRule(rows[0]) : null
  },
  async insertRule(
    tx: Tx,
    r: { categoryId: string | null; divisionPrefix: string; unitId: string; coUnitIds: string[]; note: string | null },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into hotline_routing_rule (category_id, division_prefix, unit_id, co_unit_ids, note)
       values ($1,$2,$3,$4,$5) returning id`,
      [r.categoryId, r.divisionPrefix, r.unitId, r.coUnitIds, r.note],
    )
    return rows[0].id
  },
  async deleteRule(tx: Tx, id: string): Promise<boolean> {
    return ((await tx.query('delete from hotline_routing_rule where id = $1', [id])).rowCount ?? 0) > 0
  },
}
