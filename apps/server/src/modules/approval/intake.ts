/**
 * Intake: the variant, stage plan and combined form of a theme, and the submission of a case (online or at the
 * window): checked, numbered, started on the workflow engine with its department branches, the applicant told.
 */
import type { SubmitCase } from '@ruyu/contracts/approval'
import type { CombinedForm } from '@ruyu/contracts/catalog'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { flushBeforeCommit } from '../../platform/db.ts'
import { allocateDocNumber } from '../../platform/doc-number.ts'
import { validationFailed } from '../../platform/errors.ts'
import type { Platform } from '../../platform/platform.ts'
import { type CatalogService, combinedForm, type FormValues, selectVariant } from '../catalog/index.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { caseDetail } from './case-view.ts'
import type { DeferredMaterials } from './deferred.ts'
import {
  type CaseItem,
  checkMaterials,
  coverMaterials,
  type Issue,
  SUBJECT,
  stageBranches,
  validateForm,
  zoneReuse,
  zoneSatisfied,
} from './domain.ts'
import type { Drafts } from './drafts.ts'
import { parkNotFound } from './errors.ts'
import { caseSpec, departmentReviewSpec } from './process.ts'
import { type CaseRow, approvalRepo as repo } from './repo.ts'

export const BRANCH_SIGNAL = 'approval.branch_decided'

/** The department-review definition with the item-status signal on its final states. */
export function withBranchSignal() {
  const spec = structuredClone(departmentReviewSpec)
  spec.states.approved!.effects = [{ type: 'signal', name: BRANCH_SIGNAL }]
  spec.states.rejected!.effects = [{ type: 'signal', name: BRANCH_SIGNAL }]
  return spec
}

interface IntakeDeps {
  platform: Pick<Platform, 'db' | 'files' | 'events' | 'notifications'>
  catalog: CatalogService
  directory: DirectoryService
  workflow: WorkflowService
  drafts: Drafts
  deferred: DeferredMaterials
}

export function createIntake(deps: IntakeDeps) {
  const { platform, catalog, directory, workflow, drafts, deferred } = deps
  const { db } = platform
  const departmentIds = new Map<string, string>()

  async function departmentId(code: string) {
    let id = departmentIds.get(code)
    if (!id) {
      id = (await directory.departmentIdByCode(code)) ?? undefined
      if (!id)
        throw validationFailed(undefined, { issues: [{ path: ['departmentCode'], message: `未知部门 ${code}` }] })
      departmentIds.set(code, id)
    }
    return id
  }

  /**
   * Variant by rule, its stage plan and the one combined form: the theme (with every variant's plan) and the
   * variant's items in two round trips; the rest is catalogue domain logic run here.
   */
  async function plan(themeCode: string, values: Record<string, unknown>, parkCode?: string) {
    const theme = await catalog.getTheme(themeCode)
    const variant = selectVariant(theme, values as FormValues)
    const planned = theme.plans.find((p) => p.key === (variant?.key ?? null)) ?? theme.plans[0]!
    const items = await catalog.itemsByCodes(planned.stages.flatMap((s) => s.itemCodes))
    const park = parkCode ? await parkOrThrow(parkCode) : null
    const form = combinedForm(items, theme.formFields)
    const combined: CombinedForm = {
      themeCode: theme.code,
      themeVersion: theme.version,
      plan: planned,
      items: items.map((i) => ({ code: i.code, version: i.version, name: i.name })),
      ...form,
      materials: coverMaterials(form.materials, zoneSatisfied(items, park)),
    }
    return { variant, combined, items, park }
  }

  async function parkOrThrow(code: string) {
    const park = (await catalog.listParks()).items.find((p) => p.code === code)
    if (!park) throw parkNotFound({ code })
    return park
  }

  async function submitCase(
    principal: Principal,
    actor: Actor,
    input: SubmitCase,
    who: Pick<
      CaseRow,
      | 'channel'
      | 'applicantUserId'
      | 'enterpriseUscc'
      | 'enterpriseName'
      | 'contactName'
      | 'contactMobile'
      | 'clerkId'
      | 'locationId'
    >,
    requestId?: string,
  ) {
    const { variant, combined, items: catalogItems, park } = await plan(input.themeCode, input.form, input.parkCode)
    const issues: Issue[] = [
      ...validateForm(combined.fields, input.form),
      ...checkMaterials(combined.materials, input.materials),
    ]
    // The platform's one attach check: no borrowing another enterprise's documents.
    const supplied = input.materials.flatMap((m, i) => (m.fileId ? [{ i, id: m.fileId }] : []))
    const fileIds = supplied.map((g) => g.id)
    for (const j of await platform.files.refused(principal, fileIds))
      issues.push({ path: ['materials', supplied[j]!.i, 'fileId'], message: '文件不存在或不是您上传的' })
    if (issues.length) throw validationFailed(undefined, { issues })

    const items: CaseItem[] = []
    for (const it of catalogItems)
      items.push({
        code: it.code,
        version: it.version,
        name: it.name,
        departmentId: await departmentId(it.departmentCode),
        departmentCode: it.departmentCode,
        departmentName: it.departmentName,
        stageNo: combined.plan.stages.find((s) => s.itemCodes.includes(it.code))?.no ?? it.stage,
        committedDays: it.committedLimitDays,
        legalDays: it.legalLimitDays,
        certificate: it.certificate,
        zoneAssessmentKind: it.zoneAssessmentKind,
        deemedConsent: it.deemedConsent,
      })
    const kinds = (await catalog.listZoneAssessmentKinds()).items
    const landAreaMu = Number(input.form.landAreaMu ?? 0)
    const zone = zoneReuse(items, park, kinds, landAreaMu)
    const stages = stageBranches(combined.plan.stages, items, zone.satisfied)
    const divisionCode = String(input.form.divisionCode)
    const title = String(input.form.projectName)
    const themeKey = `approval.${combined.themeCode.toLowerCase()}.${variant?.key ?? 'default'}`
    const spec = caseSpec(themeKey, `主题审批·${variant?.name ?? '一般项目'}`, stages, combined.plan.committedDays)
    spec.states.issuance!.effects = [{ type: 'signal', name: 'approval.awaiting_issuance' }]

    return db.tx(async (tx) => {
      if (input.draftId) await drafts.consume(tx, principal.userId, input.draftId)
      await workflow.publish(tx, withBranchSignal(), actor)
      await workflow.publish(tx, spec, actor)
      const given = new Map(input.materials.map((m) => [m.code, m]))
      const materialRows = combined.materials
        .filter((m) => given.has(m.code))
        .map((m) => ({
          code: m.code,
          name: m.name,
          itemCodes: m.itemCodes,
          required: m.required,
          fileId: given.get(m.code)!.fileId ?? null,
          pending: !given.get(m.code)!.fileId,
          dueDate: given.get(m.code)!.fileId ? null : (given.get(m.code)!.pendingDueDate ?? null),
        }))
      const zoneOf = new Map(zone.reuse.flatMap((r) => r.itemCodes.map((code) => [code, r] as const)))
      const itemRows = items.map((i) => ({
        code: i.code,
        version: i.version,
        name: i.name,
        departmentId: i.departmentId,
        departmentName: i.departmentName,
        stageNo: i.stageNo,
        committedDays: i.committedDays,
        legalDays: i.legalDays,
        certificateKind: i.certificate?.kind ?? null,
        certificateName: i.certificate?.name ?? null,
        zoneKind: zoneOf.get(i.code)?.kindCode ?? null,
        zoneReportNo: zoneOf.get(i.code)?.reportNo ?? null,
        status: zone.satisfied.has(i.code) ? 'zone_satisfied' : 'in_review',
      }))
      const zoneRows = zone.reuse.map((r) => ({ ...r, landAreaMu }))
      // The receipt number is allocated last (its counter row stays locked until commit, which would otherwise
      // serialise every submission); until then the row carries a unique placeholder.
      const caseRow = {
        number: `pending:${crypto.randomUUID()}`,
        themeCode: combined.themeCode,
        themeVersion: combined.themeVersion,
        variantKey: variant?.key ?? null,
        variantName: variant?.name ?? '一般项目',
        title,
        projectCode: (input.form.projectCode as string | undefined) ?? null,
        divisionCode,
        parkCode: input.parkCode ?? null,
        ...who,
        form: input.form,
        formLabels: Object.fromEntries(
          combined.fields.flatMap((f) => {
            const label = f.options?.find((o) => o.value === input.form[f.key])?.label
            return label ? [[f.key, label]] : []
          }),
        ),
        plan: combined.plan,
        status: 'in_review',
        committedDays: combined.plan.committedDays,
      } as const
      const c = await repo.insertCase(tx, caseRow, { materials: materialRows, items: itemRows, zone: zoneRows })
      await platform.files.attach(tx, fileIds, { subjectType: SUBJECT, subjectId: c.id })
      await deferred.schedule(tx, c.id, materialRows)
      const inst = await workflow.start(
        tx,
        {
          definitionKey: themeKey,
          subjectType: SUBJECT,
          subjectId: c.id,
          title,
          divisionCode,
          applicantId: c.applicantUserId,
          context: { stages },
        },
        actor,
        new Date(),
        requestId,
      )
      // Buffered history rows go out before the counter lock is taken; the rest is written at commit.
      await flushBeforeCommit(tx)
      const number = (await allocateDocNumber(tx, 'approval.receipt')).number
      await repo.setNumberAndWorkflow(tx, c.id, number, inst.id)
      await recordAudit(tx, {
        actor,
        action: 'approval.case.submit',
        resourceType: 'approval_case',
        resourceId: c.id,
        divisionCode,
        requestId,
        data: {
          number,
          channel: who.channel,
          theme: combined.themeCode,
          variant: variant?.key ?? null,
          branches: stages.reduce((n, s) => n + s.branches.length, 0),
        },
      })
      await platform.events.enqueue(tx, 'approval.case.submitted', { caseId: c.id, number, divisionCode })
      if (c.applicantUserId)
        await platform.notifications.send(tx, {
          userIds: [c.applicantUserId],
          title: '申请已受理',
          body: `“${title}”已受理，受理编号 ${number}，承诺办结时限 ${combined.plan.committedDays} 个工作日`,
          link: `/approval/cases/${c.id}`,
        })
      // The answer is built from what was just written: the receipt needs no read-back.
      const row = { ...c, number, workflowInstanceId: inst.id }
      const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
      return caseDetail(row, {
        issueOverrides: [],
        items: [...itemRows]
          .sort((a, b) => a.stageNo - b.stageNo || byCode(a, b))
          .map((i) => ({
            itemCode: i.code,
            itemName: i.name,
            departmentId: i.departmentId,
            departmentName: i.departmentName,
            stageNo: i.stageNo,
            committedDays: i.committedDays,
            legalDays: i.legalDays,
            status: i.status,
            certificateKind: i.certificateKind,
            certificateName: i.certificateName,
            certificateId: null,
            zoneReportNo: i.zoneReportNo,
          })),
        materials: [...materialRows].sort(byCode).map((m) => ({ ...m, suppliedAt: null })),
        zoneReuse: [...zoneRows]
          .sort((a, b) => (a.kindCode < b.kindCode ? -1 : a.kindCode > b.kindCode ? 1 : 0))
          .map((r) => ({
            kindCode: r.kindCode,
            kindName: r.kindName,
            reportNo: r.reportNo,
            itemCodes: r.itemCodes,
            savingYuan: r.savingYuan,
          })),
      })
    })
  }

  return { plan, submitCase }
}
