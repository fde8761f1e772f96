import type { CaseReceipt, SubmitCase, WindowSubmitCase } from '@ruyu/contracts/approval'
import type { CombinedForm } from '@ruyu/contracts/catalog'
import type { CertificateKind } from '@ruyu/contracts/certificate'
import { maskMobile } from '@ruyu/contracts/identifiers'
import type { SubmitRating } from '@ruyu/contracts/rating'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { flushBeforeCommit, type Tx } from '../../platform/db.ts'
import { allocateDocNumber } from '../../platform/doc-number.ts'
import { forbidden, validationFailed } from '../../platform/errors.ts'
import type { Platform } from '../../platform/platform.ts'
import { type CatalogService, combinedForm, type FormValues, selectVariant } from '../catalog/index.ts'
import type { CertificateService } from '../certificate/index.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { RatingService } from '../rating/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { createDeferredMaterials, MATERIAL_DUE_QUEUE, type MaterialTimer } from './deferred.ts'
import {
  type CaseItem,
  CERTIFICATE_KIND_OF,
  certificatePayload,
  checkMaterials,
  coverMaterials,
  type Issue,
  onTime,
  stageBranches,
  validateForm,
  zoneReuse,
  zoneSatisfied,
} from './domain.ts'
import { createDrafts } from './drafts.ts'
import { caseNotFound, materialNotPending, notApplicant, notRateable, parkNotFound } from './errors.ts'
import { CLOSE_SIGNAL, caseSpec, DEPARTMENT_REVIEW_KEY, departmentReviewSpec, ISSUE_SIGNAL } from './process.ts'
import { type CaseRow, approvalRepo as repo, type Visibility } from './repo.ts'

export const SUBJECT = 'approval_case'
const BRANCH_SIGNAL = 'approval.branch_decided'

export interface ApprovalDeps {
  platform: Pick<Platform, 'db' | 'files' | 'events' | 'notifications' | 'calendar' | 'jobs' | 'settings' | 'addWorker'>
  catalog: CatalogService
  directory: DirectoryService
  workflow: WorkflowService
  certificate: CertificateService
  rating: RatingService
}

function visibilityOf(p: Principal): Visibility {
  if (p.kind === 'staff' && p.capabilities.has('approval:read'))
    return { userId: p.userId, enterpriseUscc: null, scopes: p.scopes }
  return { userId: p.userId, enterpriseUscc: p.enterpriseUscc, scopes: null }
}

/** Theme approval: intake (online or at the window), parallel department review, unified issuance, rating. */
export function createApprovalService(deps: ApprovalDeps) {
  const { platform, catalog, directory, workflow, certificate, rating } = deps
  const { db } = platform
  const departmentIds = new Map<string, string>()
  const deferred = createDeferredMaterials(platform)
  const drafts = createDrafts(platform)
  platform.addWorker((jobs) =>
    jobs.work(MATERIAL_DUE_QUEUE, (data, job) => deferred.handle(data as MaterialTimer, job.id)),
  )

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

  // Workflow effects, handled in the transition's own transaction.
  // Staff who read cases read their progress trees; others only trees they took part in.
  workflow.readableBy(SUBJECT, 'approval:read')
  workflow.onSignal(BRANCH_SIGNAL, async (tx, { instance }) => {
    const codes = ((instance.branch?.items ?? []) as { code: string }[]).map((i) => i.code)
    await repo.setItemsStatus(tx, instance.subjectId, codes, instance.outcome === 'approved' ? 'approved' : 'rejected')
  })
  /** Issues, in one batch, a certificate for every approved item whose certificate is not out yet (one per kind). */
  async function issuePending(tx: Tx, caseId: string, actor: Actor, requestId?: string) {
    const c = (await repo.findCase(tx, caseId))!
    const items = (await repo.items(tx, c.id)).filter(
      (i) => i.status === 'approved' && i.certificateKind && !i.certificateId,
    )
    const kinds = new Map<CertificateKind, string>()
    for (const i of items) {
      const kind = CERTIFICATE_KIND_OF[i.certificateKind!]
      if (kind && !kinds.has(kind)) kinds.set(kind, i.itemCode)
    }
    if (kinds.size === 0) return c
    // 四证齐发: every certificate due now in one batch, all or nothing.
    const batch = await certificate.issueBatch(
      tx,
      actor,
      {
        subjectType: SUBJECT,
        subjectId: c.id,
        divisionCode: c.divisionCode,
        holder: { name: c.enterpriseName, uscc: c.enterpriseUscc },
        certificates: [...kinds.keys()].map((kind) => ({
          kind,
          payload: certificatePayload(kind, c.form, c.number, c.formLabels),
        })),
      },
      { requestId },
    )
    for (const cert of batch.certificates)
      await repo.setItemCertificate(tx, c.id, kinds.get(cert.kind as CertificateKind)!, cert.id)
    return c
  }

  workflow.onSignal(ISSUE_SIGNAL, async (tx, { root, actor, requestId }) => {
    await deferred.checkIssuance(tx, root.subjectId, root.context, actor, requestId)
    await issuePending(tx, root.subjectId, actor, requestId)
    await repo.setStatus(tx, root.subjectId, 'issued', 'issued_at')
  })
  workflow.onSignal('approval.awaiting_issuance', async (tx, { root }) => {
    await repo.setStatus(tx, root.subjectId, 'awaiting_issuance')
  })
  workflow.onSignal(CLOSE_SIGNAL, async (tx, { root, actor, requestId }) => {
    if (root.outcome === 'approved') await issuePending(tx, root.subjectId, actor, requestId)
    const status = root.outcome === 'approved' ? 'completed' : root.outcome === 'withdrawn' ? 'withdrawn' : 'refused'
    await repo.setStatus(tx, root.subjectId, status, 'closed_at')
    if (status !== 'completed')
      await tx.query(`update approval_case_item set status = 'cancelled' where case_id = $1 and status = 'in_review'`, [
        root.subjectId,
      ])
  })

  async function submitCase(
    principal: Principal,
    actor: Actor,
    input: SubmitCase,
    who: {
      channel: 'online' | 'window'
      applicantUserId: string | null
      enterpriseUscc: string
      enterpriseName: string
      contactName: string | null
      contactMobile: string | null
      clerkId: string | null
      locationId: string | null
    },
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
      return detailOf(row, {
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

  /** The department-review definition with the item-status signal on its final states. */
  function withBranchSignal() {
    const spec = structuredClone(departmentReviewSpec)
    spec.states.approved!.effects = [{ type: 'signal', name: BRANCH_SIGNAL }]
    spec.states.rejected!.effects = [{ type: 'signal', name: BRANCH_SIGNAL }]
    return spec
  }

  async function visibleCase(p: Principal, id: string) {
    const c = await repo.findCase(db.pool, id, visibilityOf(p))
    if (!c) throw caseNotFound()
    return c
  }

  const summary = (c: CaseRow) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    themeCode: c.themeCode,
    variantName: c.variantName,
    enterpriseName: c.enterpriseName,
    divisionCode: c.divisionCode,
    channel: c.channel,
    status: c.status,
    committedDays: c.committedDays,
    submittedAt: c.submittedAt.toISOString(),
    issuedAt: c.issuedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
  })

  /** The case with its items, materials and zone reuse: the receipt, and the core of the detail. */
  const detailOf = (
    c: CaseRow,
    parts: Pick<CaseReceipt, 'items' | 'materials' | 'zoneReuse' | 'issueOverrides'>,
  ): CaseReceipt => ({
    ...summary(c),
    themeVersion: c.themeVersion,
    variantKey: c.variantKey,
    projectCode: c.projectCode,
    enterpriseUscc: c.enterpriseUscc,
    contactName: c.contactName,
    contactMobileMasked: c.contactMobile ? maskMobile(c.contactMobile) : null,
    parkCode: c.parkCode,
    form: c.form,
    plan: c.plan as never,
    ...parts,
  })

  return {
    DEPARTMENT_REVIEW_KEY,

    /** Variant by rule, the stages it runs and the one combined form, for the intake pages. */
    async plan(themeCode: string, form: Record<string, unknown>, parkCode?: string) {
      const { variant, combined } = await plan(themeCode, form, parkCode)
      return { variant: variant ? { key: variant.key, name: variant.name } : null, form: combined }
    },

    /** An enterprise applies online for itself. */
    async submitOnline(p: Principal, actor: Actor, input: SubmitCase, requestId?: string) {
      if (p.kind !== 'enterprise' || !p.enterpriseUscc) throw forbidden()
      return submitCase(
        p,
        actor,
        input,
        {
          channel: 'online',
          applicantUserId: p.userId,
          enterpriseUscc: p.enterpriseUscc,
          enterpriseName: p.displayName,
          contactName: (input.form.contactName as string | undefined) ?? null,
          contactMobile: (input.form.contactPhone as string | undefined) ?? null,
          clerkId: null,
          locationId: null,
        },
        requestId,
      )
    },

    /** The window files for an enterprise (the principal); the case records the clerk and the location. */
    async submitAtWindow(p: Principal, actor: Actor, input: WindowSubmitCase, requestId?: string) {
      return submitCase(
        p,
        actor,
        input,
        {
          channel: 'window',
          applicantUserId: await repo.enterpriseUserByUscc(db.pool, input.principal.enterpriseUscc),
          enterpriseUscc: input.principal.enterpriseUscc,
          enterpriseName: input.principal.enterpriseName,
          contactName: input.principal.contactName,
          contactMobile: input.principal.contactMobile,
          clerkId: p.userId,
          locationId: input.locationId ?? null,
        },
        requestId,
      )
    },

    async list(p: Principal, f: { status?: string; q?: string; page: number; pageSize: number }) {
      const r = await repo.list(db.pool, visibilityOf(p), {
        status: f.status,
        q: f.q,
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      })
      return { total: r.total, items: r.items.map(summary) }
    },

    /** Cases filed for one enterprise (by USCC), newest first: the enterprise profile's approval history. */
    async casesOfEnterprise(uscc: string, limit = 20) {
      const r = await repo.list(db.pool, { userId: null, enterpriseUscc: uscc, scopes: null }, { limit, offset: 0 })
      return { total: r.total, items: r.items.map(summary) }
    },

    /** The case with items, materials, zone reuse, the workflow tree (branches, history, my actions) and rating. */
    async get(p: Principal, id: string) {
      const c = await visibleCase(p, id)
      const [items, materials, zone, ratings] = await Promise.all([
        repo.items(db.pool, c.id),
        repo.materials(db.pool, c.id),
        repo.zoneReuse(db.pool, c.id),
        rating.forSubject(SUBJECT, c.id),
      ])
      const mine = ratings.find((r) => r.raterId === c.applicantUserId) ?? ratings[0]
      return {
        ...detailOf(c, { items, materials, zoneReuse: zone, issueOverrides: await deferred.overrides(c.id) }),
        workflow: c.workflowInstanceId ? await workflow.tree(p, c.workflowInstanceId) : null,
        rating: mine ? { level: mine.level, createdAt: mine.createdAt } : null,
      }
    },

    /** Supplies a 容缺 material later (applicant or window clerk). */
    async supplyMaterial(p: Principal, actor: Actor, id: string, code: string, fileId: string, requestId?: string) {
      const c = await visibleCase(p, id)
      const isApplicant = !!c.applicantUserId && c.applicantUserId === p.userId
      if (!isApplicant && !p.capabilities.has('approval:intake')) throw notApplicant()
      if ((await platform.files.refused(p, [fileId])).length)
        throw validationFailed(undefined, { issues: [{ path: ['fileId'], message: '文件不存在或不是您上传的' }] })
      await db.tx(async (tx) => {
        if (!(await repo.supplyMaterial(tx, c.id, code, fileId))) throw materialNotPending({ code })
        await platform.files.attach(tx, [fileId], { subjectType: SUBJECT, subjectId: c.id })
        await recordAudit(tx, {
          actor,
          action: 'approval.material.supply',
          resourceType: 'approval_case',
          resourceId: c.id,
          divisionCode: c.divisionCode,
          requestId,
          data: { code, fileId },
        })
      })
      return this.get(p, id)
    },

    /** The applicant rates the service once certificates are out (好差评); 差评 goes to the approval bureau. */
    async rate(p: Principal, actor: Actor, id: string, input: SubmitRating, requestId?: string) {
      const c = await visibleCase(p, id)
      if (!c.applicantUserId || c.applicantUserId !== p.userId) throw notApplicant()
      if (!['issued', 'completed', 'refused'].includes(c.status)) throw notRateable()
      const bureau = await directory.departmentIdByCode('MP-XSP')
      await db.tx((tx) =>
        rating.rate(
          tx,
          actor,
          {
            subjectType: SUBJECT,
            subjectId: c.id,
            subjectTitle: `${c.number} ${c.title}`,
            departmentId: bureau,
            divisionCode: c.divisionCode,
            raterId: p.userId!,
            channel: input.channel,
            level: input.level,
            reasons: input.reasons,
            comment: input.comment,
          },
          requestId,
        ),
      )
      return this.get(p, id)
    },

    /**
     * 按时办结率 from the records: a department branch (and each item in it) is on time when it finished by its
     * working-day deadline (补正 time excluded); open branches past their deadline count as late.
     */
    async onTimeStats(p: Principal) {
      const cases = await repo.caseIdsInScope(db.pool, p.scopes)
      const themeOf = new Map(cases.map((c) => [c.id, c.themeCode]))
      const branches = cases.length
        ? await workflow.branches(
            SUBJECT,
            cases.map((c) => c.id),
          )
        : []
      const now = new Date()
      type Acc = { key: string; name: string; finished: number; onTime: number; late: number; overdueOpen: number }
      const maps = { theme: new Map<string, Acc>(), dept: new Map<string, Acc>(), item: new Map<string, Acc>() }
      const all: Acc = { key: 'all', name: '全部', finished: 0, onTime: 0, late: 0, overdueOpen: 0 }
      const tally = (a: Acc, r: ReturnType<typeof onTime>) => {
        if (r === 'on_time' || r === 'late') a.finished++
        if (r === 'on_time') a.onTime++
        else if (r === 'late') a.late++
        else if (r === 'overdue') a.overdueOpen++
      }
      const add = (m: Map<string, Acc>, key: string, name: string, r: ReturnType<typeof onTime>) => {
        const a = m.get(key) ?? { key, name, finished: 0, onTime: 0, late: 0, overdueOpen: 0 }
        tally(a, r)
        m.set(key, a)
      }
      for (const b of branches) {
        if (b.status === 'cancelled' || !b.branch) continue
        const r = onTime(b.completedAt, b.dueAt, now)
        add(maps.dept, String(b.branch.departmentCode ?? b.branch.departmentId), b.branch.name, r)
        add(maps.theme, themeOf.get(b.subjectId) ?? '-', themeOf.get(b.subjectId) ?? '-', r)
        tally(all, r)
        const sla = b.branch.sla?.amount ?? 0
        for (const it of (b.branch.items ?? []) as { code: string; name: string; committedDays: number }[]) {
          // An item's own deadline: the branch deadline less the days its limit is shorter than the longest.
          const back = Math.max(0, sla - Math.max(1, it.committedDays))
          const due =
            b.dueAt && back > 0
              ? new Date(
                  `${platform.calendar.addWorkdays(new Date(b.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10), -back).date}T23:59:59.999+08:00`,
                )
              : b.dueAt
          add(maps.item, it.code, it.name, onTime(b.completedAt, due, now))
        }
      }
      // Themes are shown by name (the catalogue's current one; a removed theme keeps its code).
      for (const a of maps.theme.values()) a.name = (await catalog.getTheme(a.key).catch(() => null))?.name ?? a.key
      const rows = (m: Map<string, Acc>) =>
        [...m.values()].map((a) => ({
          ...a,
          rate: a.finished + a.overdueOpen ? a.onTime / (a.finished + a.overdueOpen) : null,
        }))
      return {
        definition:
          '按时办结率 = 在承诺时限内办结的部门审查数 ÷（已办结数 + 已超期未办结数）；补正期间不计时，时限按工作日（含法定节假日调休）计算',
        overall: rows(new Map([['all', all]]))[0]!,
        byTheme: rows(maps.theme),
        byDepartment: rows(maps.dept).sort((a, b) => a.key.localeCompare(b.key)),
        byItem: rows(maps.item).sort((a, b) => a.key.localeCompare(b.key)),
      }
    },

    async zoneSavings(p: Principal) {
      const r = await repo.zoneSavings(db.pool, p.scopes)
      return { totalYuan: r.byKind.reduce((n, k) => n + k.savingYuan, 0), cases: r.cases, byKind: r.byKind }
    },

    /** Application drafts of the caller (草稿): list, get, create, update, remove. */
    drafts,

    /** A 容缺 reminder or escalation fired (the pg-boss worker; tests call it directly). */
    handleMaterialTimer: (job: MaterialTimer, jobId?: string) => deferred.handle(job, jobId),

    /** Publishes the department-review definition (seed). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, withBranchSignal(), actor)
    },
  }
}

export type ApprovalService = ReturnType<typeof createApprovalService>
