/** Routing: which unit a category and division go to (the most specific rule), and the rules' administration. */
import type { CreateRoutingRule, RoutingSuggestion } from '@ruyu/contracts/hotline'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { pgErrorCode, type Tx } from '../../platform/db.ts'
import { fail, type HotlineContext, type Issue, type Reference } from './context.ts'
import { categoryNotFound, ruleExists, ruleNotFound } from './errors.ts'
import { type RuleRow, hotlineRepo as repo } from './repo.ts'

const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1

/**
 * The most specific rule for a category and division: the deepest category (a rule covers its subtree), then
 * the longest division prefix; rules without a category come last.
 */
function bestRule(ref: Reference, categoryPath: string | null, divisionCode: string): RuleRow | null {
  let best: { rule: RuleRow; depth: number } | null = null
  for (const r of ref.rules) {
    if (!divisionCode.startsWith(r.divisionPrefix)) continue
    const cat = r.categoryId ? ref.categories.get(r.categoryId) : null
    if (r.categoryId && !(cat && categoryPath?.startsWith(cat.path))) continue
    const depth = cat ? depthOf(cat.path) : -1
    if (
      !best ||
      depth > best.depth ||
      (depth === best.depth && r.divisionPrefix.length > best.rule.divisionPrefix.length)
    )
      best = { rule: r, depth }
  }
  return best?.rule ?? null
}
/** 非受理范围指引 of the category or its nearest ancestor that has one. */
function guidanceOf(ref: Reference, categoryPath: string): string | null {
  let found: { text: string; depth: number } | null = null
  for (const c of ref.categories.values())
    if (c.guidance && categoryPath.startsWith(c.path) && (!found || depthOf(c.path) > found.depth))
      found = { text: c.guidance, depth: depthOf(c.path) }
  return found?.text ?? null
}

/** The unit the most specific rule names for a category and division, and the category's 非受理范围指引. */
export async function suggestion(
  c: HotlineContext,
  categoryId: string,
  divisionCode: string,
): Promise<RoutingSuggestion> {
  const ref = await c.reference()
  const cat = ref.categories.get(categoryId)
  if (!cat) throw categoryNotFound()
  const rule = bestRule(ref, cat.path, divisionCode)
  const rules = rule ? await ruleDtos(c, [rule]) : []
  return {
    rule: rules[0] ?? null,
    unit: rules[0]?.unit ?? null,
    coUnits: rules[0]?.coUnits ?? [],
    guidance: guidanceOf(ref, cat.path),
  }
}

/** Rules as the admin page and the suggestion show them, with their units' names. */
export async function ruleDtos(c: HotlineContext, rules: RuleRow[]) {
  const units = await c.unitRefs(rules.flatMap((r) => [r.unitId, ...r.coUnitIds]))
  return rules.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    categoryName: r.categoryName,
    divisionPrefix: r.divisionPrefix,
    unit: units.get(r.unitId)!,
    coUnits: r.coUnitIds.flatMap((u) => (units.get(u) ? [units.get(u)!] : [])),
    note: r.note,
  }))
}

/** Adds a routing rule in the caller's transaction (the admin route and the seed); a duplicate is 409. */
export async function createRuleIn(c: HotlineContext, tx: Tx, actor: Actor, input: CreateRoutingRule) {
  await c.referenceChanged(tx)
  const issues: Issue[] = []
  if (input.categoryId && !(await repo.category(tx, input.categoryId)))
    issues.push({ path: ['categoryId'], message: '诉求分类不存在' })
  if ((await c.deps.directory.divisionName(input.divisionPrefix)) === null)
    issues.push({ path: ['divisionPrefix'], message: '行政区划代码不存在' })
  issues.push(
    ...(await c.checkUnits([input.unitId], 'unitId')),
    ...(await c.checkUnits(input.coUnitIds ?? [], 'coUnitIds')),
  )
  if (issues.length) throw fail(issues)
  try {
    await tx.query('savepoint hotline_rule')
    const id = await repo.insertRule(tx, {
      categoryId: input.categoryId,
      divisionPrefix: input.divisionPrefix,
      unitId: input.unitId,
      coUnitIds: (input.coUnitIds ?? []).filter((u) => u !== input.unitId),
      note: input.note ?? null,
    })
    await tx.query('release savepoint hotline_rule')
    await recordAudit(tx, {
      actor,
      action: 'hotline.rule.create',
      resourceType: 'hotline_routing_rule',
      resourceId: id,
      divisionCode: input.divisionPrefix,
      data: { categoryId: input.categoryId, unitId: input.unitId },
    })
    return id
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      await tx.query('rollback to savepoint hotline_rule')
      throw ruleExists()
    }
    throw err
  }
}

export function routingUseCases(c: HotlineContext) {
  const { db, referenceChanged } = c
  return {
    async suggestion(_p: Principal, q: { categoryId: string; divisionCode: string }) {
      return suggestion(c, q.categoryId, q.divisionCode)
    },

    /** Units an order can be dispatched to (pickers on the board and the routing rules). */
    async handlingUnits() {
      return { items: await repo.handlingUnits(db.pool) }
    },
    async rules() {
      const items = await ruleDtos(c, await repo.rules(db.pool))
      return { items, total: items.length }
    },
    async createRule(actor: Actor, input: CreateRoutingRule) {
      const id = await db.tx((tx) => createRuleIn(c, tx, actor, input))
      return (await ruleDtos(c, [(await repo.rule(db.pool, id))!]))[0]!
    },
    async deleteRule(actor: Actor, id: string) {
      await db.tx(async (tx) => {
        await referenceChanged(tx)
        if (!(await repo.deleteRule(tx, id))) throw ruleNotFound()
        await recordAudit(tx, {
          actor,
          action: 'hotline.rule.delete',
          resourceType: 'hotline_routing_rule',
          resourceId: id,
        })
      })
    },
  }
}
