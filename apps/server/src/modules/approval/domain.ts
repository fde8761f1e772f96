import type { CombinedField, CombinedMaterial, Park, ResolvedStage, ZoneAssessmentKind } from '@ruyu/contracts/catalog'
import type { CertificateKind } from '@ruyu/contracts/certificate'
import { isCnMobile, isValidUscc } from '@ruyu/contracts/identifiers'
import type { BranchData } from '../workflow/index.ts'

/** Workflow subject and file-link subject type of a case. */
export const SUBJECT = 'approval_case'

/** Catalogue certificate refs → e-certificate kinds (四证). */
export const CERTIFICATE_KIND_OF: Record<string, CertificateKind> = {
  'real-estate-title': 'real_estate',
  'land-use-planning-permit': 'land_use_planning',
  'construction-planning-permit': 'construction_planning',
  'construction-permit': 'construction_permit',
}

export interface Issue {
  path: (string | number)[]
  message: string
}

/** Checks the one form's values: required fields present, numbers/dates/booleans well-formed, USCC and phones valid. */
export function validateForm(fields: readonly CombinedField[], values: Record<string, unknown>): Issue[] {
  const issues: Issue[] = []
  for (const f of fields) {
    const v = values[f.key]
    const empty = v === undefined || v === null || v === ''
    if (empty) {
      if (f.required) issues.push({ path: ['form', f.key], message: `${f.label}：此项为必填项` })
      continue
    }
    const bad = (m: string) => issues.push({ path: ['form', f.key], message: `${f.label}：${m}` })
    if (f.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) bad('应为非负数字')
    else if (f.type === 'boolean' && typeof v !== 'boolean') bad('应为是或否')
    else if (f.type === 'date' && (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)))
      bad('日期格式应为 YYYY-MM-DD')
    else if (f.type === 'division' && (typeof v !== 'string' || !/^370612\d{3}(\d{3})?$/.test(v)))
      bad('应为牟平区的镇街或村居代码')
    else if (f.type === 'select' && !(f.options ?? []).some((o) => o.value === v)) bad('取值不在选项中')
    else if (f.type === 'text' && (typeof v !== 'string' || v.length > 500)) bad('应为 500 字以内的文字')
    else if (f.key.endsWith('Uscc') && !isValidUscc(String(v))) bad('统一社会信用代码校验失败')
    else if (/Phone$|Mobile$/.test(f.key) && !isCnMobile(String(v))) bad('手机号码格式不正确')
  }
  return issues
}

export interface MaterialInput {
  code: string
  fileId?: string
  /** 容缺受理: accepted without it, to be supplied by the due date. */
  pendingDueDate?: string
}

/** Each required material is uploaded once or listed as pending (容缺); unknown codes are refused. */
export function checkMaterials(materials: readonly CombinedMaterial[], given: readonly MaterialInput[]): Issue[] {
  const issues: Issue[] = []
  const known = new Map(materials.map((m) => [m.code, m]))
  const byCode = new Map(given.map((g) => [g.code, g]))
  given.forEach((g, i) => {
    if (!known.has(g.code)) issues.push({ path: ['materials', i, 'code'], message: `未知材料 ${g.code}` })
    else if (!g.fileId && !g.pendingDueDate)
      issues.push({ path: ['materials', i], message: `${known.get(g.code)!.name}：请上传文件或选择容缺后补` })
  })
  for (const m of materials)
    if (m.required && !byCode.has(m.code))
      issues.push({ path: ['materials', m.code], message: `${m.name}：必须提交（可容缺后补）` })
  return issues
}

export interface CaseItem {
  code: string
  version: number
  name: string
  departmentId: string
  departmentCode: string
  departmentName: string
  stageNo: number
  committedDays: number
  legalDays: number
  certificate: { kind: string; name: string } | null
  zoneAssessmentKind: string | null
  /** 默认同意 set on the catalogue item. */
  deemedConsent?: boolean
}

export interface ZoneReuse {
  kindCode: string
  kindName: string
  reportNo: string
  itemCodes: string[]
  costPerMuYuan: number
  savingYuan: number
}

/**
 * 区域评估 reuse: items whose zone assessment the park has completed are satisfied by the park's report; the
 * saving is the per-mu cost of each kind times the project's land area.
 */
/** Materials needed only by zone-satisfied items become optional and are marked as covered. */
export function coverMaterials(materials: readonly CombinedMaterial[], satisfied: ReadonlySet<string>) {
  return materials.map((m) =>
    m.itemCodes.length > 0 && m.itemCodes.every((c) => satisfied.has(c))
      ? { ...m, required: false, zoneCovered: true }
      : m,
  )
}

/** Items the park's completed zone assessments satisfy (they skip review). */
export function zoneSatisfied(
  items: readonly { code: string; zoneAssessmentKind: string | null }[],
  park: Park | null,
) {
  const done = new Set(park?.assessments.map((a) => a.kindCode) ?? [])
  return new Set(items.filter((i) => i.zoneAssessmentKind && done.has(i.zoneAssessmentKind)).map((i) => i.code))
}

export function zoneReuse(
  items: readonly CaseItem[],
  park: Park | null,
  kinds: readonly ZoneAssessmentKind[],
  landAreaMu: number,
) {
  const reuse = new Map<string, ZoneReuse>()
  if (!park) return { satisfied: new Set<string>(), reuse: [] as ZoneReuse[] }
  const done = new Map(park.assessments.map((a) => [a.kindCode, a]))
  const cost = new Map(kinds.map((k) => [k.code, k]))
  const satisfied = new Set<string>()
  for (const it of items) {
    const a = it.zoneAssessmentKind ? done.get(it.zoneAssessmentKind) : undefined
    if (!a) continue
    satisfied.add(it.code)
    const k = cost.get(a.kindCode)
    const r = reuse.get(a.kindCode) ?? {
      kindCode: a.kindCode,
      kindName: a.kindName,
      reportNo: a.reportNo,
      itemCodes: [],
      costPerMuYuan: k?.costPerMuYuan ?? 0,
      savingYuan: Math.round((k?.costPerMuYuan ?? 0) * landAreaMu),
    }
    r.itemCodes.push(it.code)
    reuse.set(a.kindCode, r)
  }
  return { satisfied, reuse: [...reuse.values()] }
}

export interface StageBranches {
  no: number
  name: string
  branches: BranchData[]
}

/**
 * One branch per department per stage: the department reviews all its items of the stage together, against the
 * longest committed limit among them (on-time is still measured per item).
 */
export function stageBranches(
  stages: readonly ResolvedStage[],
  items: readonly CaseItem[],
  skip: ReadonlySet<string>,
): StageBranches[] {
  const byCode = new Map(items.map((i) => [i.code, i]))
  return stages.map((s) => {
    const byDept = new Map<string, CaseItem[]>()
    for (const code of s.itemCodes) {
      const it = byCode.get(code)
      if (!it || skip.has(code)) continue
      byDept.set(it.departmentCode, [...(byDept.get(it.departmentCode) ?? []), it])
    }
    const branches = [...byDept.entries()].map(([deptCode, its]) => ({
      key: `${s.no}:${deptCode}`,
      name: its[0]!.departmentName,
      departmentId: its[0]!.departmentId,
      departmentCode: deptCode,
      stageNo: s.no,
      items: its.map((i) => ({
        code: i.code,
        name: i.name,
        committedDays: i.committedDays,
        certificate: i.certificate?.name ?? null,
        certificateKind: i.certificate?.kind ?? null,
      })),
      // A 即办件 (0 days) still gets the rest of the day: at least one working day.
      sla: { amount: Math.max(1, ...its.map((i) => i.committedDays)), unit: 'workday' as const, warnBefore: 1 },
      // The department's branch is deemed consented only when every item it reviews allows it.
      deemedConsent: its.every((i) => i.deemedConsent === true),
    }))
    return { no: s.no, name: s.name, branches }
  })
}

/** Printed fields of an e-certificate, from the case's form (the kinds' required fields are all filled). */
export function certificatePayload(
  kind: CertificateKind,
  form: Record<string, unknown>,
  caseNumber: string,
  labels: Record<string, string> = {},
): Record<string, string> {
  // Select answers print as their wording (工业用地), not their stored value (industrial).
  const s = (k: string, fallback = '—') => {
    const v = form[k]
    return v === undefined || v === null || v === '' ? fallback : (labels[k] ?? String(v))
  }
  const mu = Number(form.landAreaMu ?? 0)
  const m2 = Math.round(mu * 666.67)
  const scale = form.floorAreaM2 ? `总建筑面积 ${s('floorAreaM2')} 平方米` : `用地 ${m2} 平方米`
  const landUse = s('landUseType', form.projectType === 'industrial' ? '工业用地' : '建设用地')
  const year = new Date().getFullYear()
  switch (kind) {
    case 'real_estate':
      return {
        location: s('address'),
        unitNumber: `370612${caseNumber.replace(/\D/g, '').slice(-6).padStart(6, '0')}GB00001W00000000`,
        rightType: '国有建设用地使用权',
        rightNature: '出让',
        landUse,
        landArea: `${m2} 平方米`,
        term: `${year}年起${year + (form.projectType === 'industrial' ? 50 : 40)}年止`,
      }
    case 'land_use_planning':
      return {
        projectName: s('projectName'),
        location: s('address'),
        landArea: `${m2} 平方米`,
        landUse,
        landAcquisition: '国有建设用地使用权出让',
      }
    case 'construction_planning':
      return { projectName: s('projectName'), location: s('address'), constructionScale: scale }
    case 'construction_permit':
      return {
        projectName: s('projectName'),
        location: s('address'),
        constructionScale: scale,
        contractPrice: form.contractPriceWan ? `${s('contractPriceWan')} 万元` : `${s('investmentWan')} 万元`,
        contractor: s('constructionUnit', s('builder')),
        designUnit: s('designUnit'),
        supervisor: s('supervisionUnit'),
      }
  }
}

/** On time when a branch finished by its deadline; an item when it finished within its own committed days. */
export function onTime(
  completedAt: Date | null,
  dueAt: Date | null,
  now: Date,
): 'on_time' | 'late' | 'open' | 'overdue' {
  if (!dueAt) return completedAt ? 'on_time' : 'open'
  if (!completedAt) return now > dueAt ? 'overdue' : 'open'
  return completedAt <= dueAt ? 'on_time' : 'late'
}
