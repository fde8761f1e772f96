/**
 * Service requests on the workflow engine: an enterprise applies (numbered, started, the provider notified), the
 * provider accepts, declines or completes, the applicant withdraws or rates; the request row mirrors the workflow.
 */
import type {
  CreateServiceRequest,
  ServiceRequest,
  ServiceRequestAction,
  ServiceRequestDetail,
  ServiceRequestStatus,
} from '@ruyu/contracts/enterprise'
import type { SubmitRating } from '@ruyu/contracts/rating'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Queryable, Tx } from '../../platform/db.ts'
import { allocateDocNumber } from '../../platform/doc-number.ts'
import { type EngineActor, engineActorOf } from '../workflow/index.ts'
import { type EnterpriseContext, iso, type Page, paging } from './context.ts'
import {
  RATING_SUBJECT,
  REQUEST_DEFINITION,
  REQUEST_SUBJECT,
  type RequestViewer,
  requestActionsFor,
  requestSpec,
  SYNC_SIGNAL,
} from './domain.ts'
import {
  alreadyRated,
  enterpriseNotFound,
  notRateable,
  providerOffline,
  requestNotFound,
  serviceNotFound,
} from './errors.ts'
import { type RequestRow, type RequestVisibility, enterpriseRepo as repo } from './repo.ts'

export const REQUEST_SERIES = {
  key: 'enterprise.request',
  name: '政企云服务申请编号',
  pattern: '牟企服〔{yyyy}〕{seq:6}',
}

/** A request as lists and the staff profile show it. */
export const requestDto = (r: RequestRow): ServiceRequest => ({
  id: r.id,
  number: r.number,
  serviceId: r.serviceId,
  serviceName: r.serviceName,
  module: r.module as ServiceRequest['module'],
  providerId: r.providerId,
  providerName: r.providerName,
  uscc: r.uscc,
  enterpriseName: r.enterpriseName,
  status: r.status,
  description: r.description,
  result: r.result,
  submittedAt: r.submittedAt.toISOString(),
  acceptedAt: iso(r.acceptedAt),
  closedAt: iso(r.closedAt),
  rating: r.ratingLevel ? { level: r.ratingLevel, createdAt: r.ratedAt!.toISOString() } : null,
})

export function createRequests(ctx: EnterpriseContext) {
  const { platform, workflow, rating, db, membership, myUscc, isStaffReader } = ctx

  // Every workflow state change (through this module or /api/workflow) is mirrored on the request row.
  workflow.readableBy(REQUEST_SUBJECT, 'enterprise:manage')
  workflow.ownedBy(REQUEST_SUBJECT, 'enterprise')
  workflow.onSignal(SYNC_SIGNAL, async (tx, { root }) => {
    if (root.subjectType !== REQUEST_SUBJECT) return
    await repo.setRequestStatus(tx, root.subjectId, root.state as ServiceRequestStatus, new Date())
  })

  async function providerIdsOf(p: Principal): Promise<string[]> {
    if (!p.roles.includes('service_provider')) return []
    return repo.providerIdsOfUnits(
      db.pool,
      p.posts.filter((x) => x.role === 'service_provider' && x.departmentId).map((x) => x.departmentId!),
    )
  }

  /** Every way the caller may see a request; the first that finds it decides the viewer. */
  async function visibleRequest(p: Principal, id: string): Promise<{ r: RequestRow; viewer: RequestViewer }> {
    const m = await membership(p)
    if (m?.status === 'verified') {
      const r = await repo.findRequest(db.pool, id, { kind: 'enterprise', uscc: m.uscc })
      if (r) return { r, viewer: 'enterprise' }
    }
    const providerIds = await providerIdsOf(p)
    if (providerIds.length) {
      const r = await repo.findRequest(db.pool, id, { kind: 'provider', providerIds })
      if (r) return { r, viewer: 'provider' }
    }
    if (isStaffReader(p)) {
      const r = await repo.findRequest(db.pool, id, { kind: 'staff', scopes: p.scopes })
      if (r) return { r, viewer: 'staff' }
    }
    throw requestNotFound()
  }

  const providerStaff = (q: Queryable, unitId: string | null) => repo.providerStaff(q, unitId)

  async function submitCore(
    tx: Tx,
    actor: Actor,
    input: CreateServiceRequest & { uscc: string; applicantUserId: string | null },
    at: Date,
    requestId?: string,
  ): Promise<string> {
    const s = await repo.findService(tx, input.serviceId)
    if (!s?.active || !s.providerActive) throw serviceNotFound()
    if (!s.providerUnitId) throw providerOffline()
    const c = await repo.findCompany(tx, input.uscc)
    if (!c) throw enterpriseNotFound()
    await workflow.publish(tx, requestSpec, actor)
    const number = (await allocateDocNumber(tx, REQUEST_SERIES.key, at)).number
    const id = await repo.insertRequest(tx, {
      number,
      serviceId: s.id,
      module: s.module,
      providerId: s.providerId,
      uscc: c.uscc,
      divisionCode: c.divisionCode,
      applicantUserId: input.applicantUserId,
      contactName: input.contactName,
      contactMobile: input.contactMobile,
      description: input.description,
      attachments: input.attachments,
      submittedAt: at,
    })
    await platform.files.attach(tx, input.attachments, { subjectType: REQUEST_SUBJECT, subjectId: id })
    const inst = await workflow.start(
      tx,
      {
        definitionKey: REQUEST_DEFINITION,
        subjectType: REQUEST_SUBJECT,
        subjectId: id,
        title: `${s.name}：${c.name}`,
        divisionCode: c.divisionCode,
        applicantId: input.applicantUserId,
        context: { providerUnitId: s.providerUnitId, module: s.module, serviceCode: s.code, uscc: c.uscc },
      },
      actor,
      at,
      requestId,
    )
    await repo.setRequestInstance(tx, id, inst.id)
    await recordAudit(tx, {
      actor,
      action: 'enterprise.request.submit',
      resourceType: 'enterprise_service_request',
      resourceId: id,
      divisionCode: c.divisionCode,
      requestId,
      data: { number, serviceCode: s.code, uscc: c.uscc },
    })
    await platform.events.enqueue(tx, 'enterprise.request.submitted', {
      id,
      uscc: c.uscc,
      module: s.module,
      providerId: s.providerId,
    })
    await platform.notifications.send(tx, {
      userIds: await providerStaff(tx, s.providerUnitId),
      title: `新的服务申请：${s.name}`,
      body: `${c.name} 申请“${s.name}”（${number}），请及时受理。`,
      link: `/enterprise/requests/${id}`,
    })
    return id
  }

  const ACTION_NAMES: Record<ServiceRequestAction, string> = {
    accept: '已受理',
    decline: '不予受理',
    complete: '已办结',
    withdraw: '已撤回',
  }

  async function actCore(
    tx: Tx,
    engine: EngineActor,
    actor: Actor,
    r: Pick<
      RequestRow,
      'id' | 'number' | 'uscc' | 'serviceName' | 'enterpriseName' | 'providerUnitId' | 'workflowInstanceId'
    >,
    action: ServiceRequestAction,
    input: { comment?: string; expectedVersion?: number },
    at: Date,
    requestId?: string,
  ) {
    if (!r.workflowInstanceId) throw requestNotFound()
    await repo.lockRequest(tx, r.id)
    await workflow.actInTx(
      tx,
      engine,
      actor,
      r.workflowInstanceId,
      action,
      { comment: input.comment, expectedVersion: input.expectedVersion },
      at,
      requestId,
    )
    if (action === 'complete' && input.comment) await repo.setRequestResult(tx, r.id, input.comment.trim())
    await platform.notifications.send(tx, {
      userIds: action !== 'withdraw' ? await repo.userIdsOf(tx, r.uscc) : await providerStaff(tx, r.providerUnitId),
      title: `服务申请${ACTION_NAMES[action]}：${r.serviceName}`,
      body: `${r.number}（${r.enterpriseName}）${ACTION_NAMES[action]}${input.comment ? `：${input.comment}` : ''}`,
      link: `/enterprise/requests/${r.id}`,
    })
  }

  return {
    /** Publishes the request workflow (idempotent; seed and first use). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, requestSpec, actor)
    },

    /** An enterprise applies for a service: numbered, started on the workflow engine, the provider notified. */
    async submitRequest(
      p: Principal,
      actor: Actor,
      input: CreateServiceRequest,
      requestId?: string,
    ): Promise<ServiceRequestDetail> {
      const uscc = await myUscc(p)
      await platform.files.requireAttachable(p, input.attachments, 'attachments') // not another party's files
      const who = { ...input, uscc, applicantUserId: p.userId }
      const id = await db.tx((tx) => submitCore(tx, actor, who, new Date(), requestId))
      return this.getRequest(p, id)
    },

    /** Seed and imports: files a request for an enterprise in the caller's transaction (no principal checks). */
    submitCore,
    /** Seed: takes a request action as the given engine actor in the caller's transaction. */
    actCore,

    async getRequest(p: Principal, id: string): Promise<ServiceRequestDetail> {
      const { r, viewer } = await visibleRequest(p, id)
      const tree = r.workflowInstanceId ? await workflow.tree(p, r.workflowInstanceId) : null
      const engineActions = new Set(tree?.nodes[0]?.actions.map((a) => a.key) ?? [])
      const flags = { isApplicant: r.applicantUserId === p.userId, rated: r.ratingLevel !== null }
      const actions = requestActionsFor(r.status, viewer, flags).filter((a) => a === 'rate' || engineActions.has(a))
      return {
        ...requestDto(r),
        contactName: r.contactName,
        contactMobile: r.contactMobile,
        attachments: r.attachments,
        workflowInstanceId: r.workflowInstanceId,
        actions,
        history: (tree?.history ?? []).map((h) => ({
          action: h.action,
          from: h.fromState,
          to: h.toState,
          actorName: h.actorName,
          comment: h.comment,
          at: h.at,
        })),
      }
    },

    /** Requests the caller sees: `mine` (enterprise), `provider` (provider staff) or `staff` (scope). */
    async listRequests(
      p: Principal,
      as: 'mine' | 'provider' | 'staff',
      f: { status?: string; module?: string; providerId?: string; uscc?: string } & Page,
    ) {
      let v: RequestVisibility
      if (as === 'mine') v = { kind: 'enterprise', uscc: await myUscc(p) }
      else if (as === 'provider') v = { kind: 'provider', providerIds: await providerIdsOf(p) }
      else v = { kind: 'staff', scopes: p.scopes }
      const r = await repo.listRequests(db.pool, v, f, paging(f))
      return { total: r.total, items: r.items.map(requestDto) }
    },

    /** Takes a workflow action on a visible request (the engine checks role, provider unit or applicant). */
    async act(
      p: Principal,
      actor: Actor,
      id: string,
      action: ServiceRequestAction,
      input: { comment?: string; expectedVersion?: number },
      requestId?: string,
    ): Promise<ServiceRequestDetail> {
      const { r } = await visibleRequest(p, id)
      if (!r.workflowInstanceId) throw requestNotFound()
      await db.tx((tx) => actCore(tx, engineActorOf(p), actor, r, action, input, new Date(), requestId))
      return this.getRequest(p, id)
    },

    /** The enterprise rates a completed request (好差评 through the rating module; 差评 opens a rectification). */
    async rate(p: Principal, actor: Actor, id: string, input: SubmitRating, requestId?: string) {
      const uscc = await myUscc(p)
      const r = await repo.findRequest(db.pool, id, { kind: 'enterprise', uscc })
      if (!r) throw requestNotFound()
      if (r.status !== 'completed') throw notRateable()
      if (r.ratingLevel !== null) throw alreadyRated()
      await db.tx(async (tx) => {
        await rating.rate(
          tx,
          actor,
          {
            subjectType: RATING_SUBJECT,
            subjectId: r.id,
            subjectTitle: `${r.serviceName}（${r.number}）`,
            departmentId: r.providerUnitId,
            divisionCode: r.divisionCode,
            raterId: p.userId!,
            channel: input.channel,
            level: input.level,
            reasons: input.reasons,
            comment: input.comment,
          },
          requestId,
        )
        await repo.setRequestRating(tx, r.id, input.level)
      })
      return this.getRequest(p, id)
    },
  }
}
