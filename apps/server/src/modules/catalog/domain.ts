import type {
  CombinedField,
  CombinedMaterial,
  Condition,
  FormField,
  ItemInput,
  Material,
  ResolvedStage,
  Rule,
  ThemeInput,
  ThemeStage,
  ThemeVariant,
  VariantPlan,
} from '@ruyu/contracts/catalog'

// Pure rules of the catalogue: variant rules, stage plans, the combined form (一张表单), definition checks.

/** Form values as an intake form holds them: numbers and flags may arrive as strings from a query or a form. */
export type FormValues = Record<string, unknown>

export interface Issue {
  path: (string | number)[]
  message: string
}

export type Operator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in'
const OPERATORS: Operator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in']

/** The operator and operand of a condition (`{ field: 'investmentWan', lt: 5000 }` → ['lt', 5000]). */
export function operatorOf(c: Condition): [Operator, unknown] {
  for (const op of OPERATORS) if (op in c) return [op, (c as Record<string, unknown>)[op]]
  throw new Error(`condition on ${c.field} has no operator`)
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
  return null
}

/** Equality that forgives the string forms of numbers and flags ('true' = true, '5000' = 5000). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof b === 'boolean') return a === String(b)
  if (typeof b === 'number') return asNumber(a) === b
  if (typeof b === 'string' && (typeof a === 'number' || typeof a === 'boolean')) return String(a) === b
  return false
}

/** One condition on the values. A missing value satisfies no condition (a rule never matches on absent data). */
export function evaluateCondition(c: Condition, values: FormValues): boolean {
  const v = values[c.field]
  if (v === undefined || v === null || v === '') return false
  const [op, operand] = operatorOf(c)
  switch (op) {
    case 'eq':
      return same(v, operand)
    case 'ne':
      return !same(v, operand)
    case 'in':
      return (operand as unknown[]).some((o) => same(v, o))
    default: {
      const n = asNumber(v)
      const limit = operand as number
      if (n === null) return false
      return op === 'lt' ? n < limit : op === 'lte' ? n <= limit : op === 'gt' ? n > limit : n >= limit
    }
  }
}

/** `all` must all hold, and when `any` is non-empty at least one of it. A null rule always holds. */
export function evaluateRule(rule: Rule | null, values: FormValues): boolean {
  if (!rule) return true
  const all = rule.all ?? []
  const any = rule.any ?? []
  return (
    all.every((c) => evaluateCondition(c, values)) &&
    (any.length === 0 || any.some((c) => evaluateCondition(c, values)))
  )
}

/** The first variant (in the theme's order) whose rule holds for the form values; null when none does. */
export function selectVariant(theme: { variants: ThemeVariant[] }, values: FormValues): ThemeVariant | null {
  return theme.variants.find((v) => evaluateRule(v.rule, values)) ?? null
}

interface Limits {
  committedLimitDays: number
  legalLimitDays: number
}

/**
 * The stages a variant runs: theme stages mapped by the variant's `stageMap` (or, without a variant, by each stage's
 * `mergedWith`), minus the variant's omitted items. Items in one stage run in parallel, so a stage takes as long
 * as its slowest item and the plan is the sum of its stages.
 */
export function planFor(
  theme: { stages: ThemeStage[] },
  variant: ThemeVariant | null,
  limits: ReadonlyMap<string, Limits>,
): VariantPlan {
  const omit = new Set(variant?.omitItems ?? [])
  const target = (s: ThemeStage) => (variant ? (variant.stageMap[String(s.no)] ?? s.no) : (s.mergedWith ?? s.no))
  const groups = new Map<number, ThemeStage[]>()
  for (const s of theme.stages) groups.set(target(s), [...(groups.get(target(s)) ?? []), s])
  const stages: ResolvedStage[] = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([to, from], index) => {
      const itemCodes = from.flatMap((s) => s.itemCodes).filter((c) => !omit.has(c))
      const days = (pick: (l: Limits) => number) =>
        Math.max(0, ...itemCodes.map((c) => limits.get(c)).map((l) => (l ? pick(l) : 0)))
      return {
        no: variant ? to : index + 1,
        name: variant?.stageNames?.[String(to)] ?? from.map((s) => s.name).join('、'),
        itemCodes,
        mergedFrom: from.map((s) => s.no),
        committedDays: days((l) => l.committedLimitDays),
        legalDays: days((l) => l.legalLimitDays),
      }
    })
  return {
    key: variant?.key ?? null,
    name: variant?.name ?? '',
    stages,
    committedDays: stages.reduce((n, s) => n + s.committedDays, 0),
    legalDays: stages.reduce((n, s) => n + s.legalDays, 0),
  }
}

/**
 * The one form for several items (一张表单): each field key asked once (the theme's own fields first, then fields
 * shared by several items, then each item's own), each material code listed once with every item that needs it.
 * A field or material is required when any item requires it; the first definition of a key gives its label.
 */
export function combinedForm(
  items: readonly { code: string; formFields: readonly FormField[]; materials: readonly Material[] }[],
  leading: readonly FormField[] = [],
): { fields: CombinedField[]; materials: CombinedMaterial[] } {
  const fields = new Map<string, CombinedField>()
  for (const f of leading) if (!fields.has(f.key)) fields.set(f.key, { ...f, itemCodes: [] })
  const materials = new Map<string, CombinedMaterial>()
  for (const item of items) {
    for (const f of item.formFields) {
      const seen = fields.get(f.key)
      if (!seen) fields.set(f.key, { ...f, itemCodes: [item.code] })
      else {
        if (!seen.itemCodes.includes(item.code)) seen.itemCodes.push(item.code)
        seen.required ||= f.required
      }
    }
    for (const m of item.materials) {
      const seen = materials.get(m.code)
      if (!seen) materials.set(m.code, { ...m, itemCodes: [item.code] })
      else {
        if (!seen.itemCodes.includes(item.code)) seen.itemCodes.push(item.code)
        seen.required ||= m.required
      }
    }
  }
  const leadingKeys = new Set(leading.map((f) => f.key))
  const all = [...fields.values()]
  const rank = (f: CombinedField) => (leadingKeys.has(f.key) ? 0 : f.itemCodes.length > 1 ? 1 : 2)
  // Array.prototype.sort is stable: inside a rank, first appearance wins.
  return { fields: all.sort((a, b) => rank(a) - rank(b)), materials: [...materials.values()] }
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>()
  const dup = new Set<T>()
  for (const v of values) (seen.has(v) ? dup : seen).add(v)
  return [...dup]
}

function checkFields(fields: readonly FormField[], base: (string | number)[]): Issue[] {
  const issues: Issue[] = []
  for (const key of duplicates(fields.map((f) => f.key)))
    issues.push({ path: [...base, fields.findLastIndex((f) => f.key === key), 'key'], message: `字段 ${key} 重复` })
  fields.forEach((f, i) => {
    if (f.type === 'select' && !f.options?.length)
      issues.push({ path: [...base, i, 'options'], message: '下拉选择字段须至少有一个选项' })
    if (f.options && duplicates(f.options.map((o) => o.value)).length)
      issues.push({ path: [...base, i, 'options'], message: '选项取值重复' })
  })
  return issues
}

/** Checks of an item definition that the schema cannot express. Messages are for display (zh-CN). */
export function checkItem(input: ItemInput): Issue[] {
  const issues: Issue[] = []
  if (input.committedLimitDays > input.legalLimitDays)
    issues.push({ path: ['committedLimitDays'], message: '承诺时限不能长于法定时限' })
  for (const code of duplicates(input.materials.map((m) => m.code)))
    issues.push({
      path: ['materials', input.materials.findLastIndex((m) => m.code === code), 'code'],
      message: `材料编码 ${code} 重复`,
    })
  issues.push(...checkFields(input.formFields, ['formFields']))
  if (duplicates(input.levels).length) issues.push({ path: ['levels'], message: '办理层级重复' })
  return issues
}

/**
 * Checks of a theme definition: stages numbered 1..n, every item known and in one stage only, merges pointing at
 * an earlier stage, variant keys unique, rules only on the theme's own fields (numbers compared with numbers,
 * select values among the options), stage maps complete and order-preserving, one default variant at most (last).
 */
export function checkTheme(input: ThemeInput, knownItems: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = []
  const nos = input.stages.map((s) => s.no)
  input.stages.forEach((s, i) => {
    if (s.no !== i + 1) issues.push({ path: ['stages', i, 'no'], message: `环节应按 1 至 ${nos.length} 依次编号` })
    if (s.mergedWith != null && (s.mergedWith >= s.no || input.stages[s.mergedWith - 1]?.mergedWith != null))
      issues.push({ path: ['stages', i, 'mergedWith'], message: '只能并入前面一个未合并的环节' })
    s.itemCodes.forEach((c, j) => {
      if (!knownItems.has(c)) issues.push({ path: ['stages', i, 'itemCodes', j], message: `事项 ${c} 不存在` })
    })
  })
  const placed = input.stages.flatMap((s) => s.itemCodes)
  for (const c of duplicates(placed)) issues.push({ path: ['stages'], message: `事项 ${c} 出现在多个环节` })
  issues.push(...checkFields(input.formFields, ['formFields']))

  const fields = new Map(input.formFields.map((f) => [f.key, f]))
  for (const key of duplicates(input.variants.map((v) => v.key)))
    issues.push({ path: ['variants'], message: `情形标识 ${key} 重复` })
  const placedSet = new Set(placed)
  input.variants.forEach((v, i) => {
    const at = (...rest: (string | number)[]) => ['variants', i, ...rest]
    if (v.rule === null && i !== input.variants.length - 1)
      issues.push({ path: at('rule'), message: '没有条件的默认情形须排在最后' })
    for (const part of ['all', 'any'] as const) {
      v.rule?.[part]?.forEach((c, j) => {
        const f = fields.get(c.field)
        const [op, operand] = operatorOf(c)
        if (!f) issues.push({ path: at('rule', part, j, 'field'), message: `条件字段 ${c.field} 不在主题表单中` })
        else if (['lt', 'lte', 'gt', 'gte'].includes(op) && f.type !== 'number')
          issues.push({ path: at('rule', part, j), message: `字段 ${f.label} 不是数值，不能比较大小` })
        else if (f.type === 'select' && (op === 'eq' || op === 'ne' || op === 'in')) {
          const allowed = new Set(f.options?.map((o) => o.value))
          const values = op === 'in' ? (operand as unknown[]) : [operand]
          if (values.some((x) => !allowed.has(String(x))))
            issues.push({ path: at('rule', part, j), message: `取值不在字段 ${f.label} 的选项中` })
        }
      })
    }
    if (v.rule && !v.rule.all?.length && !v.rule.any?.length)
      issues.push({ path: at('rule'), message: '条件不能为空；默认情形请不设条件' })
    const keys = Object.keys(v.stageMap)
    const missing = nos.filter((n) => !keys.includes(String(n)))
    const extra = keys.filter((k) => !nos.includes(Number(k)))
    if (missing.length || extra.length)
      issues.push({ path: at('stageMap'), message: `环节对应须覆盖且只覆盖环节 ${nos.join('、')}` })
    else {
      const targets = nos.map((n) => v.stageMap[String(n)]!)
      const max = Math.max(...targets)
      const ordered = targets.every((t, k) => k === 0 || t >= targets[k - 1]!)
      const contiguous = Array.from({ length: max }, (_, k) => k + 1).every((t) => targets.includes(t))
      if (!ordered || !contiguous)
        issues.push({ path: at('stageMap'), message: '合并后的环节须从 1 起连续编号，且不改变环节先后顺序' })
      for (const k of Object.keys(v.stageNames ?? {}))
        if (!targets.includes(Number(k)))
          issues.push({ path: at('stageNames', k), message: `合并后没有第 ${k} 个环节` })
    }
    v.omitItems.forEach((c, j) => {
      if (!placedSet.has(c)) issues.push({ path: at('omitItems', j), message: `事项 ${c} 不在本主题中` })
    })
  })
  return issues
}

/** JSON with object keys sorted and undefined members left out (PostgreSQL jsonb does not keep key order). */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`
}

/** Top-level fields whose value differs between two definitions (for the audit row of an edit). */
export function changedFields<T extends object>(before: T, after: T, keys: readonly (keyof T & string)[]): string[] {
  return keys.filter((k) => canonical(before[k]) !== canonical(after[k]))
}
