import type { Comparison, ListField, NumericField, Rule, RuleKind, Scale } from '@ruyu/contracts/policy'

// The rule language's vocabulary again as plain arrays typed against the contract, so the pages that only show
// rules do not load zod (the editor page loads `validateRule` itself).
export const NUMERIC_FIELD_LIST = [
  'employees',
  'revenueWan',
  'rndWan',
  'rndRatio',
  'ageYears',
] as const satisfies readonly NumericField[]
export const LIST_FIELD_LIST = [
  'scale',
  'industryCode',
  'divisionCode',
  'parkCode',
] as const satisfies readonly ListField[]
export const COMPARISON_LIST = ['gte', 'gt', 'eq', 'ne', 'lte', 'lt'] as const satisfies readonly Comparison[]
export const SCALE_LIST = ['large', 'medium', 'small', 'micro'] as const satisfies readonly Scale[]
const COMPARISON_SET: ReadonlySet<string> = new Set(COMPARISON_LIST)

/** A path into a rule, as the server names it: `['all', 2, 'gte']` ⇔ `rule.all[2].gte`. */
export type RulePath = (string | number)[]

/** What the editor offers to add; `age` is a comparison on ageYears and `compare` one on any numeric field. */
export const CONDITION_CHOICES = [
  'compare',
  'between',
  'age',
  'hasTag',
  'hasAnyTag',
  'hasAllTags',
  'divisionWithin',
  'parkIn',
  'industryPrefix',
  'scaleIn',
  'in',
] as const
export type ConditionChoice = (typeof CONDITION_CHOICES)[number]
export const GROUP_CHOICES = ['all', 'any', 'not'] as const
export type GroupChoice = (typeof GROUP_CHOICES)[number]

/** The single key of a rule node (its kind). */
export function kindOf(node: Rule): RuleKind {
  return Object.keys(node)[0] as RuleKind
}

export function isGroup(node: Rule): node is { all: Rule[] } | { any: Rule[] } {
  return 'all' in node || 'any' in node
}

export function isComparison(kind: string): kind is Comparison {
  return COMPARISON_SET.has(kind)
}

/** The choice a leaf node is shown as. */
export function choiceOf(node: Rule): ConditionChoice | GroupChoice {
  const kind = kindOf(node)
  if (kind === 'all' || kind === 'any' || kind === 'not') return kind
  if (isComparison(kind)) {
    const body = (node as unknown as Record<Comparison, { field: NumericField }>)[kind]
    return body?.field === 'ageYears' ? 'age' : 'compare'
  }
  return kind as ConditionChoice
}

/** A sensible new node of a kind (the user edits it from there). */
export function newNode(choice: ConditionChoice | GroupChoice): Rule {
  switch (choice) {
    case 'all':
      return { all: [{ hasTag: '高新技术企业' }] }
    case 'any':
      return { any: [{ hasTag: '高新技术企业' }] }
    case 'not':
      return { not: { hasTag: '上市企业' } }
    case 'compare':
      return { gte: { field: 'revenueWan', value: 1000 } }
    case 'between':
      return { between: { field: 'employees', min: 10, max: 300 } }
    case 'age':
      return { gte: { field: 'ageYears', value: 3 } }
    case 'hasTag':
      return { hasTag: '高新技术企业' }
    case 'hasAnyTag':
      return { hasAnyTag: ['高新技术企业', '科技型中小企业'] }
    case 'hasAllTags':
      return { hasAllTags: ['高新技术企业'] }
    case 'divisionWithin':
      return { divisionWithin: '370612' }
    case 'parkIn':
      return { parkIn: [] }
    case 'industryPrefix':
      return { industryPrefix: ['C'] }
    case 'scaleIn':
      return { scaleIn: ['small', 'micro'] }
    case 'in':
      return { in: { field: 'scale', values: ['small'] } }
  }
}

/** The node at a path (undefined when the path does not lead anywhere). */
export function getAt(rule: unknown, path: RulePath): unknown {
  let node: unknown = rule
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}

/** A copy of `rule` with the value at `path` replaced (immutable; untouched branches are shared). */
export function setAt(rule: unknown, path: RulePath, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...RulePath]
  if (Array.isArray(rule)) {
    const copy = [...rule]
    copy[head as number] = setAt(rule[head as number], rest, value)
    return copy
  }
  const obj = (rule ?? {}) as Record<string, unknown>
  return { ...obj, [head]: setAt(obj[head as string], rest, value) }
}

/** A copy of `rule` without the array element at `path` (the last segment is an index). */
export function removeAt(rule: unknown, path: RulePath): unknown {
  const parentPath = path.slice(0, -1)
  const index = path[path.length - 1] as number
  const parent = getAt(rule, parentPath)
  if (!Array.isArray(parent)) return rule
  return setAt(
    rule,
    parentPath,
    parent.filter((_, i) => i !== index),
  )
}

/** `['all', 2, 'gte', 'value']` → `rule.all[2].gte.value` (the server's notation). */
export function pathToString(path: RulePath, base = 'rule'): string {
  return path.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${k}`), base)
}

/**
 * Normalises an issue path from the server or from `validateRule` to the `rule.all[2].gte.value` notation:
 * either a string already, or an array of segments (zod style, with or without a leading `rule`).
 */
export function normaliseIssuePath(path: unknown): string {
  if (typeof path === 'string') return path.startsWith('rule') ? path : `rule.${path}`
  if (Array.isArray(path)) {
    const parts = path as (string | number)[]
    return parts[0] === 'rule' ? pathToString(parts.slice(1)) : pathToString(parts)
  }
  return 'rule'
}

export interface RuleIssueView {
  path: string
  message: string
}

/**
 * The issues that belong to the node at `nodePath`: for a leaf everything under it; for a group only what is
 * about the group itself (its children show their own).
 */
export function issuesOfNode(issues: RuleIssueView[], node: Rule, nodePath: RulePath): RuleIssueView[] {
  const at = pathToString(nodePath)
  if (typeof node !== 'object' || node === null) return issues.filter((i) => i.path === at)
  const kind = Object.keys(node)[0]
  const own = `${at}.${kind}`
  if (kind === 'all' || kind === 'any' || kind === 'not') return issues.filter((i) => i.path === at || i.path === own)
  return issues.filter(
    (i) => i.path === at || i.path === own || i.path.startsWith(`${own}.`) || i.path.startsWith(`${own}[`),
  )
}

/** A stable DOM id for a node, so the issue list can scroll to it. */
export function nodeDomId(nodePath: RulePath): string {
  return `rule-node-${pathToString(nodePath).replace(/[^a-zA-Z0-9]+/g, '-')}`
}

/** The DOM id of the nearest node that exists for an issue path (walks up until one does). */
export function nodeDomIdForIssue(rule: unknown, issuePath: string): string {
  const segments: RulePath = []
  const re = /\.([^.[\]]+)|\[(\d+)\]/g
  for (const m of issuePath.slice('rule'.length).matchAll(re)) {
    segments.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string))
  }
  // Node paths end at a node (root, an array element, or the child of `not`); cut back to the nearest one.
  for (let n = segments.length; n >= 0; n--) {
    const candidate = segments.slice(0, n)
    const last = candidate[candidate.length - 1]
    const isNodePath = n === 0 || typeof last === 'number' || (last === 'not' && n >= 1)
    if (isNodePath && getAt(rule, candidate) !== undefined) return nodeDomId(candidate)
  }
  return nodeDomId([])
}
