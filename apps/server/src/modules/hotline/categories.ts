/** The category tree (诉求分类; Open311 services) and its administration. */
import type { Category, CategoryNode, CreateCategory, UpdateCategory } from '@ruyu/contracts/hotline'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import { pgErrorCode, type Tx } from '../../platform/db.ts'
import { fail, type HotlineContext } from './context.ts'
import { categoryCodeTaken, categoryNotFound } from './errors.ts'
import { hotlineRepo as repo } from './repo.ts'

/** Adds a category in the caller's transaction (the admin route and the seed); a taken code is 409. */
export async function createCategoryIn(
  c: HotlineContext,
  tx: Tx,
  actor: Actor,
  input: CreateCategory,
): Promise<Category> {
  await c.referenceChanged(tx)
  if (input.parentId && !(await repo.category(tx, input.parentId)))
    throw fail([{ path: ['parentId'], message: '上级分类不存在' }])
  try {
    await tx.query('savepoint hotline_category')
    const created = await repo.insertCategory(tx, {
      parentId: input.parentId ?? null,
      code: input.code,
      name: input.name,
      guidance: input.guidance ?? null,
      sort: input.sort ?? 0,
    })
    await tx.query('release savepoint hotline_category')
    await recordAudit(tx, {
      actor,
      action: 'hotline.category.create',
      resourceType: 'hotline_category',
      resourceId: created.id,
      data: { code: created.code, name: created.name },
    })
    return created
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      await tx.query('rollback to savepoint hotline_category')
      throw categoryCodeTaken({ code: input.code })
    }
    throw err
  }
}

export function categoryUseCases(c: HotlineContext) {
  const { db, referenceChanged } = c
  return {
    async categoryTree(includeInactive: boolean) {
      const all = (await repo.categories(db.pool)).filter((x) => includeInactive || x.active)
      const nodes = new Map<string, CategoryNode>()
      for (const { path: _p, ...x } of all) nodes.set(x.id, { ...x, children: [] })
      const roots: CategoryNode[] = []
      for (const n of nodes.values()) {
        const parent = n.parentId ? nodes.get(n.parentId) : null
        if (parent) parent.children.push(n)
        else if (!n.parentId) roots.push(n)
      }
      return { items: roots, total: nodes.size }
    },
    /** Flat list of categories (Open311 services), active only. */
    async categories(): Promise<Category[]> {
      return (await repo.categories(db.pool)).filter((x) => x.active).map(({ path: _p, ...x }) => x)
    },
    async createCategory(actor: Actor, input: CreateCategory) {
      return db.tx((tx) => createCategoryIn(c, tx, actor, input))
    },
    async updateCategory(actor: Actor, id: string, input: UpdateCategory) {
      return db.tx(async (tx) => {
        await referenceChanged(tx)
        const updated = await repo.updateCategory(tx, id, input)
        if (!updated) throw categoryNotFound()
        await recordAudit(tx, {
          actor,
          action: 'hotline.category.update',
          resourceType: 'hotline_category',
          resourceId: id,
          data: input,
        })
        return updated
      })
    },
  }
}
