import type { SubmitCase, WindowSubmitCase } from '@ruyu/contracts/approval'
import type { CertificateKind } from '@ruyu/contracts/certificate'
import type { SubmitRating } from '@ruyu/contracts/rating'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { forbidden, validationFailed } from '../../platform/errors.ts'
import type { Platform } from '../../platform/platform.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { CertificateService } from '../certificate/index.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { RatingService } from '../rating/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { caseDetail, caseSummary } from './case-view.ts'
import { createDeferredMaterials, MATERIAL_DUE_QUEUE, type MaterialTimer } from './deferred.ts'
import { CERTIFICATE_KIND_OF, certificatePayload, SUBJECT } from './domain.ts'
import { createDrafts } from './drafts.ts'
import { caseNotFound, materialNotPending, notApplicant, notRateable } from './errors.ts'
import { BRANCH_SIGNAL, createIntake, withBranchSignal } from './intake.ts'
import { CLOSE_SIGNAL, DEPARTMENT_REVIEW_KEY, ISSUE_SIGNAL } from './process.ts'
import { approvalRepo as repo, type Visibility } from './repo.ts'
import { createApprovalStats } from './stats.ts'

export { SUBJECT }

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
  const deferred = createDeferredMaterials(platform)
  const drafts = createDrafts(platform)
  const intake = createIntake({ platform, catalog, directory, workflow, drafts, deferred })
  platform.addWorker((jobs) =>
    jobs.work(MATERIAL_DUE_QUEUE, (data, job) => deferred.handle(data as MaterialTimer, job.id)),
  )

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

  async function visibleCase(p: Principal, id: string) {
    const c = await repo.findCase(db.pool, id, visibilityOf(p))
    if (!c) throw caseNotFound()
    return c
  }

  return {
    DEPARTMENT_REVIEW_KEY,

    /** Variant by rule, the stages it runs and the one combined form, for the intake pages. */
    async plan(themeCode: string, form: Record<string, unknown>, parkCode?: string) {
      const { variant, combined } = await intake.plan(themeCode, form, parkCode)
      return { variant: variant ? { key: variant.key, name: variant.name } : null, form: combined }
    },

    /** An enterprise applies online for itself. */
    async submitOnline(p: Principal, actor: Actor, input: SubmitCase, requestId?: string) {
      if (p.kind !== 'enterprise' || !p.enterpriseUscc) throw forbidden()
      return intake.submitCase(
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
      return intake.submitCase(
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
      return { total: r.total, items: r.items.map(caseSummary) }
    },

    /** Cases filed for one enterprise (by USCC), newest first: the enterprise profile's approval history. */
    async casesOfEnterprise(uscc: string, limit = 20) {
      const r = await repo.list(db.pool, { userId: null, enterpriseUscc: uscc, scopes: null }, { limit, offset: 0 })
      return { total: r.total, items: r.items.map(caseSummary) }
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
        ...caseDetail(c, { items, materials, zoneReuse: zone, issueOverrides: await deferred.overrides(c.id) }),
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

    ...createApprovalStats({ platform, catalog, workflow }),

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
