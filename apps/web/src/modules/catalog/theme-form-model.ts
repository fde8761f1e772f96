/**
 * The theme editor's form model: the form's shape (conditions as rows, stage maps as lists), and the conversions
 * from a theme and back into the API input, including where the server's issue paths land in the form.
 */
import { ApiError } from '../../shared/request'
import type { Condition, FormField, ThemeDetail, ThemeInput, ThemeVariant } from './api'
import { operatorOf } from './components/rule-text'

export type Operator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in'
const NUMERIC: Operator[] = ['lt', 'lte', 'gt', 'gte']

export interface ConditionRow {
  field?: string
  op?: Operator
  value?: unknown
}
export interface VariantRow {
  key: string
  name: string
  description?: string
  isDefault: boolean
  all: ConditionRow[]
  any: ConditionRow[]
  stageMap: number[]
  stageNames: { no?: number; name?: string }[]
  omitItems: string[]
  targetDays?: number | null
}
export interface ThemeFormValues {
  name: string
  description?: string
  stages: { no: number; name: string; itemCodes: string[]; mergedWith?: number | null }[]
  variants: VariantRow[]
  changeNote?: string
}

const toRow = (c: Condition): ConditionRow => {
  const [op, value] = operatorOf(c)
  return { field: c.field, op, value: typeof value === 'boolean' ? String(value) : value }
}

export function toFormValues(theme: ThemeDetail): ThemeFormValues {
  return {
    name: theme.name,
    description: theme.description ?? undefined,
    stages: theme.stages.map((s) => ({ ...s })),
    variants: theme.variants.map((v) => ({
      key: v.key,
      name: v.name,
      description: v.description,
      isDefault: v.rule === null,
      all: (v.rule?.all ?? []).map(toRow),
      any: (v.rule?.any ?? []).map(toRow),
      stageMap: theme.stages.map((s) => v.stageMap[String(s.no)] ?? s.no),
      stageNames: Object.entries(v.stageNames ?? {}).map(([no, name]) => ({ no: Number(no), name })),
      omitItems: v.omitItems,
      targetDays: v.targetDays ?? undefined,
    })),
  }
}

/** A form row back into a rule condition, typed by the theme field it tests. */
function toCondition(row: ConditionRow, fields: FormField[]): Condition {
  const field = row.field ?? ''
  const type = fields.find((f) => f.key === field)?.type
  const typed = (v: unknown): string | number | boolean => {
    if (type === 'boolean') return v === true || v === 'true'
    if (type === 'number' && v !== '' && v != null && Number.isFinite(Number(v))) return Number(v)
    return String(v ?? '')
  }
  const op = row.op ?? 'eq'
  if (op === 'in') {
    const list = Array.isArray(row.value) ? row.value : String(row.value ?? '').split(/[,，、]/)
    return { field, in: list.map((v) => typed(typeof v === 'string' ? v.trim() : v)) }
  }
  if (NUMERIC.includes(op)) return { field, [op]: Number(row.value) } as Condition
  return { field, [op]: typed(row.value) } as Condition
}

export function toInput(v: ThemeFormValues, theme: ThemeDetail): ThemeInput {
  const blank = (s?: string) => (s?.trim() ? s.trim() : undefined)
  return {
    baseVersion: theme.version,
    name: v.name,
    description: blank(v.description),
    formFields: theme.formFields,
    stages: v.stages.map((s) => ({ ...s, itemCodes: s.itemCodes ?? [] })),
    variants: (v.variants ?? []).map(
      (row): ThemeVariant => ({
        key: row.key,
        name: row.name,
        description: blank(row.description),
        rule: row.isDefault
          ? null
          : {
              ...(row.all?.length ? { all: row.all.map((c) => toCondition(c, theme.formFields)) } : {}),
              ...(row.any?.length ? { any: row.any.map((c) => toCondition(c, theme.formFields)) } : {}),
            },
        stageMap: Object.fromEntries(v.stages.map((s, i) => [String(s.no), row.stageMap?.[i] ?? s.no])),
        ...(row.stageNames?.some((n) => n.no && n.name)
          ? {
              stageNames: Object.fromEntries(
                row.stageNames.filter((n) => n.no && n.name).map((n) => [String(n.no), n.name as string]),
              ),
            }
          : {}),
        omitItems: row.omitItems ?? [],
        targetDays: row.targetDays ?? null,
      }),
    ),
    changeNote: blank(v.changeNote),
  }
}

/** Server issue paths name the API shape (variants.0.rule.all.1.field); the form nests conditions differently. */
export function toFormError(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.details?.issues) return err
  const issues = err.details.issues.map((i) => {
    const p = [...i.path]
    if (p[0] === 'variants' && p[2] === 'rule') {
      p.splice(2, 1, ...(p.length > 3 ? [] : ['isDefault']))
      // A whole condition (not one of its parts) is marked on its value box.
      if (typeof p[p.length - 1] === 'number') p.push('value')
    }
    if (p[0] === 'variants' && (p[2] === 'stageMap' || p[2] === 'stageNames')) p.length = 3
    return { ...i, path: p }
  })
  return new ApiError({
    status: err.status,
    code: err.code,
    message: err.message,
    details: { ...err.details, issues },
    requestId: err.requestId,
  })
}
