import type { CombinedField, CombinedForm, Park, ThemeDetail, ZoneAssessmentKind } from './api'

/**
 * Pure helpers of the application wizard (online and window intake): which fields decide the variant, how the
 * combined form is grouped, what is sent, and where the server's field errors belong.
 */

export type FieldValue = string | number | boolean | null
export type FormValues = Record<string, FieldValue | undefined>

/** The enterprise a clerk files for at the window (the principal). */
export interface Principal {
  enterpriseName?: string
  enterpriseUscc?: string
  contactName?: string
  contactMobile?: string
}

/** The wizard's AntD form: the combined form's values, and the principal and location at the window. */
export interface WizardValues {
  form?: FormValues
  principal?: Principal
  locationId?: string
  parkCode?: string
}

/** A material's answer: a file uploaded for it, or 容缺受理 with the date it will be supplied by. */
export type MaterialChoice = { kind: 'file'; fileId: string; fileName: string } | { kind: 'pending'; dueDate: string }

export const STEP_BASICS = 0
export const STEP_FORM = 1
export const STEP_MATERIALS = 2
export const STEP_REVIEW = 3

/** Fields named by any variant rule of the theme: when one changes, the plan is asked again. */
export function decidingFields(theme: ThemeDetail | undefined): string[] {
  const keys = new Set<string>()
  for (const v of theme?.variants ?? [])
    for (const c of [...(v.rule?.all ?? []), ...(v.rule?.any ?? [])]) keys.add(c.field)
  return [...keys].sort()
}

/** The variant-deciding subset of the values (empty ones left out), as the plan call's form. */
export function decidingValues(keys: readonly string[], values: FormValues | undefined): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const key of keys) {
    const v = values?.[key]
    if (v !== undefined && v !== null && v !== '') out[key] = v
  }
  return out
}

export interface FieldGroup {
  /** Theme stage number the fields are first needed in (0: not tied to an item). */
  stage: number
  name: string
  fields: CombinedField[]
}

/**
 * The combined form's fields outside the theme's own, grouped by the theme stage that first needs them
 * (立项用地规划许可, 工程建设许可, 施工许可, 竣工验收), in the form's order inside a group.
 */
export function groupFields(
  fields: readonly CombinedField[],
  themeKeys: ReadonlySet<string>,
  theme: ThemeDetail | undefined,
  otherName: string,
): FieldGroup[] {
  const stageOf = new Map((theme?.items ?? []).map((i) => [i.code, i.stage]))
  const groups = new Map<number, FieldGroup>()
  for (const f of fields) {
    if (themeKeys.has(f.key)) continue
    const stages = f.itemCodes.map((c) => stageOf.get(c)).filter((s): s is number => typeof s === 'number')
    const stage = stages.length ? Math.min(...stages) : 0
    const name = theme?.stages.find((s) => s.no === stage)?.name ?? otherName
    const group = groups.get(stage) ?? { stage, name, fields: [] }
    group.fields.push(f)
    groups.set(stage, group)
  }
  return [...groups.values()].sort((a, b) => (a.stage || 99) - (b.stage || 99))
}

/** The form values to send: only the fields the combined form asks, strings trimmed, empties left out. */
export function formToSend(combined: CombinedForm, values: FormValues | undefined): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const f of combined.fields) {
    let v = values?.[f.key]
    if (typeof v === 'string') v = v.trim()
    if (v === undefined || v === null || v === '') continue
    out[f.key] = v
  }
  return out
}

export interface MaterialToSend {
  code: string
  fileId?: string
  pendingDueDate?: string
}

/** The materials to send, in the combined form's order (the server reports errors by index into this list). */
export function materialsToSend(
  combined: CombinedForm,
  choices: Readonly<Record<string, MaterialChoice | undefined>>,
): MaterialToSend[] {
  const out: MaterialToSend[] = []
  for (const m of combined.materials) {
    const c = choices[m.code]
    if (!c) continue
    out.push(c.kind === 'file' ? { code: m.code, fileId: c.fileId } : { code: m.code, pendingDueDate: c.dueDate })
  }
  return out
}

/** Required materials with neither a file nor a 容缺 due date. */
export function missingMaterials(
  combined: CombinedForm | undefined,
  choices: Readonly<Record<string, MaterialChoice | undefined>>,
): string[] {
  return (combined?.materials ?? []).filter((m) => m.required && !choices[m.code]).map((m) => m.code)
}

export interface ZoneReuseEstimate {
  kindCode: string
  kindName: string
  reportNo: string
  itemCodes: string[]
  savingYuan: number
}

/**
 * 区域评估 reuse the park would give this project: each kind the park has completed whose items the plan contains,
 * saving its per-mu cost times the project's land area (the server computes the same when the case is filed).
 */
export function zoneReuseEstimate(
  park: Park | undefined,
  combined: CombinedForm | undefined,
  kinds: readonly ZoneAssessmentKind[],
  landAreaMu: number,
): ZoneReuseEstimate[] {
  if (!park || !combined) return []
  const planned = new Set(combined.items.map((i) => i.code))
  const out: ZoneReuseEstimate[] = []
  for (const a of park.assessments) {
    const kind = kinds.find((k) => k.code === a.kindCode)
    const itemCodes = (kind?.items ?? []).map((i) => i.code).filter((c) => planned.has(c))
    if (!itemCodes.length) continue
    out.push({
      kindCode: a.kindCode,
      kindName: a.kindName,
      reportNo: a.reportNo,
      itemCodes,
      savingYuan: Math.round((kind?.costPerMuYuan ?? 0) * Math.max(0, landAreaMu)),
    })
  }
  return out
}

export interface IssueTarget {
  step: number
  /** A form field (AntD name path). */
  field?: (string | number)[]
  /** A material code. */
  material?: string
  message: string
}

/**
 * Where one server validation issue belongs: a field of step 1 or 2, the principal or location (step 1 at the
 * window), a material or the park (step 3), or nowhere (shown above the form).
 */
export function targetOf(
  issue: { path: (string | number)[]; message: string },
  themeKeys: ReadonlySet<string>,
  sent: readonly MaterialToSend[],
): IssueTarget | null {
  const [head, second] = issue.path
  const message = issue.message
  if (head === 'form' && typeof second === 'string')
    return { step: themeKeys.has(second) ? STEP_BASICS : STEP_FORM, field: ['form', second], message }
  if (head === 'principal' && typeof second === 'string')
    return { step: STEP_BASICS, field: ['principal', second], message }
  if (head === 'locationId') return { step: STEP_BASICS, field: ['locationId'], message }
  if (head === 'parkCode') return { step: STEP_MATERIALS, field: ['parkCode'], message }
  if (head === 'materials') {
    if (typeof second === 'string') return { step: STEP_MATERIALS, material: second, message }
    if (typeof second === 'number') {
      const code = sent[second]?.code
      if (code) return { step: STEP_MATERIALS, material: code, message }
    }
    return { step: STEP_MATERIALS, message }
  }
  return null
}

export interface PlacedIssues {
  /** Field errors by AntD name path, in the order the server gave them. */
  fields: { name: (string | number)[]; errors: string[] }[]
  /** Errors by material code. */
  materials: Record<string, string>
  /** Messages that belong to no field or material (shown above the form). */
  rest: string[]
  /** The earliest step with an issue (STEP_REVIEW when none belongs to a step). */
  first: number
}

/** Sorts the server's validation issues of a submission into field, material and unplaced errors. */
export function placeIssues(
  issues: readonly { path: (string | number)[]; message: string }[],
  themeKeys: ReadonlySet<string>,
  sent: readonly MaterialToSend[],
): PlacedIssues {
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>()
  const materials: Record<string, string> = {}
  const rest: string[] = []
  let first = STEP_REVIEW
  for (const issue of issues) {
    const target = targetOf(issue, themeKeys, sent)
    if (!target) {
      rest.push(issue.message)
      continue
    }
    first = Math.min(first, target.step)
    if (target.field) {
      const key = target.field.join('.')
      const entry = fields.get(key) ?? { name: target.field, errors: [] }
      entry.errors.push(target.message)
      fields.set(key, entry)
    } else if (target.material) materials[target.material] = target.message
    else rest.push(target.message)
  }
  return { fields: [...fields.values()], materials, rest, first }
}
