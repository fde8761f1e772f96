/**
 * Policies (惠企政策): drafts, edits, publication and expiry by the issuing department, interpretations, staff and
 * public reads, and the matched policies as an enterprise (or the staff profile page) sees them.
 */
import type {
  PolicyDetail,
  PolicyListQuery,
  PolicySummary,
  SaveInterpretation,
  SavePolicy,
} from '@ruyu/contracts/policy'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { attachPolicyFiles } from './attachments.ts'
import { checkRule, departmentsOf, isAdmin, iso, type PolicyContext } from './context.ts'
import { beijingDate, displayStatus, EVENTS } from './domain.ts'
import { departmentNotFound, matchNotFound, notYourDepartment, policyNotFound, policyStatusRefused } from './errors.ts'
import { type PolicyRow, type PolicyWrite, policyRepo as repo } from './repo.ts'
import { ruleText } from './rules.ts'

export function createPolicies(ctx: PolicyContext) {
  const { platform, db, names, usccOf } = ctx

  // --- DTOs -----------------------------------------------------------------------------------------------------
  const summary = (r: PolicyRow, showCounts: boolean, today = beijingDate()): PolicySummary => ({
    id: r.id,
    title: r.title,
    docNumber: r.docNumber,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    level: r.level,
    validFrom: r.validFrom,
    validTo: r.validTo,
    benefitSummary: r.benefitSummary,
    status: displayStatus(r.status, r.validTo, today),
    publishedAt: iso(r.publishedAt),
    hasRule: r.rule !== null,
    matchCount: showCounts ? r.matchCount : null,
    faqCount: r.faqCount,
  })

  async function detailOf(r: PolicyRow, opts: { staff: boolean; uscc: string | null }): Promise<PolicyDetail> {
    const [interpretations, faqs, mine, n] = await Promise.all([
      repo.interpretations(db.pool, r.id),
      repo.faqs(db.pool, r.id),
      opts.uscc ? repo.myMatch(db.pool, r.id, opts.uscc) : Promise.resolve(null),
      names(),
    ])
    return {
      ...summary(r, opts.staff),
      fullText: r.fullText,
      attachments: r.attachments,
      serviceItemCode: r.serviceItemCode,
      enterpriseServiceCode: r.enterpriseServiceCode,
      rule: opts.staff ? r.rule : null,
      ruleText: r.rule ? ruleText(r.rule, n) : null,
      interpretations,
      faqs,
      myMatch: mine
        ? {
            reasons: mine.reasons,
            matchedAt: mine.matchedAt.toISOString(),
            readAt: iso(mine.readAt),
            withdrawnAt: iso(mine.withdrawnAt),
            withdrawnReasons: mine.withdrawnReasons,
          }
        : null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }
  }

  // --- guards ---------------------------------------------------------------------------------------------------
  /** Staff manage only their own department's policies (admin: any). */
  function assertDepartment(p: Principal, departmentId: string) {
    if (!isAdmin(p) && !departmentsOf(p).includes(departmentId)) throw notYourDepartment()
  }

  async function writeOf(input: SavePolicy, q: Tx): Promise<PolicyWrite> {
    const rule = input.rule == null ? null : checkRule(input.rule)
    if (!(await repo.departmentExists(q, input.departmentId))) throw departmentNotFound()
    return {
      title: input.title,
      docNumber: input.docNumber ?? null,
      departmentId: input.departmentId,
      level: input.level,
      divisionCode: platform.config.district.code,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      benefitSummary: input.benefitSummary,
      fullText: input.fullText ?? '',
      attachments: input.attachments ?? [],
      serviceItemCode: input.serviceItemCode ?? null,
      enterpriseServiceCode: input.enterpriseServiceCode ?? null,
      rule,
    }
  }

  /** One enterprise's matched policies, newest first, with the reasons and read state. */
  async function matchedPage(uscc: string, q: { unreadOnly: boolean; page: number; pageSize: number }) {
    const r = await repo.myPolicies(db.pool, uscc, {
      unreadOnly: q.unreadOnly,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    })
    const today = beijingDate()
    return {
      total: r.total,
      unread: r.unread,
      items: r.items.map((x) => ({
        policy: summary(x.policy, false, today),
        reasons: x.reasons,
        matchedAt: x.matchedAt.toISOString(),
        readAt: iso(x.readAt),
        withdrawnAt: iso(x.withdrawnAt),
        withdrawnReasons: x.withdrawnReasons,
      })),
    }
  }

  return {
    // --- policies -----------------------------------------------------------------------------------------------
    /** Creates a draft (rule validated with paths in the message); audited. */
    async create(p: Principal, actor: Actor, input: SavePolicy, requestId?: string): Promise<PolicyDetail> {
      assertDepartment(p, input.departmentId)
      const id = await db.tx(async (tx) => {
        const id = await repo.insertPolicy(tx, await writeOf(input, tx), p.userId)
        await attachPolicyFiles(platform.files, tx, p, id, input.attachments ?? [])
        await recordAudit(tx, {
          actor,
          action: 'policy.create',
          resourceType: 'policy',
          resourceId: id,
          divisionCode: platform.config.district.code,
          requestId,
          data: { title: input.title },
        })
        return id
      })
      return this.staffDetail(id)
    },

    /** Edits a policy; a published policy whose rule changed is re-matched in the background (new matches only). */
    async update(p: Principal, actor: Actor, id: string, input: SavePolicy, requestId?: string) {
      await db.tx(async (tx) => {
        const cur = await repo.findPolicy(tx, id, { lock: true })
        if (!cur) throw policyNotFound()
        for (const d of [cur.departmentId, input.departmentId]) assertDepartment(p, d)
        const w = await writeOf(input, tx)
        await repo.updatePolicy(tx, id, w)
        await attachPolicyFiles(platform.files, tx, p, id, w.attachments)
        await recordAudit(tx, {
          actor,
          action: 'policy.update',
          resourceType: 'policy',
          resourceId: id,
          divisionCode: cur.divisionCode,
          requestId,
          data: { title: w.title, ruleChanged: JSON.stringify(w.rule) !== JSON.stringify(cur.rule) },
        })
        if (cur.status === 'published' && JSON.stringify(w.rule) !== JSON.stringify(cur.rule))
          await platform.events.enqueue(tx, EVENTS.ruleChanged, { id })
      })
      return this.staffDetail(id)
    },

    /** Publishes: the request returns at once; matching and inbox pushes run in the outbox dispatcher. */
    async publish(p: Principal, actor: Actor, id: string, requestId?: string) {
      await db.tx(async (tx) => {
        const cur = await repo.findPolicy(tx, id, { lock: true })
        if (!cur) throw policyNotFound()
        assertDepartment(p, cur.departmentId)
        if (cur.status !== 'draft') throw policyStatusRefused(cur.status, 'published', '发布')
        if (cur.validTo && cur.validTo < beijingDate()) throw policyStatusRefused('已过有效期', 'published', '发布')
        await repo.setStatus(tx, id, 'published', p.userId)
        await recordAudit(tx, {
          actor,
          action: 'policy.publish',
          resourceType: 'policy',
          resourceId: id,
          divisionCode: cur.divisionCode,
          requestId,
          data: { title: cur.title, hasRule: cur.rule !== null },
        })
        await platform.events.enqueue(tx, EVENTS.published, { id, version: cur.version + 1 })
      })
      return this.staffDetail(id)
    },

    /** Marks a published policy expired now (it is no longer matched or pushed). */
    async expire(p: Principal, actor: Actor, id: string, requestId?: string) {
      await db.tx(async (tx) => {
        const cur = await repo.findPolicy(tx, id, { lock: true })
        if (!cur) throw policyNotFound()
        assertDepartment(p, cur.departmentId)
        if (cur.status !== 'published') throw policyStatusRefused(cur.status, 'expired', '失效')
        await repo.setStatus(tx, id, 'expired', p.userId)
        await recordAudit(tx, {
          actor,
          action: 'policy.expire',
          resourceType: 'policy',
          resourceId: id,
          divisionCode: cur.divisionCode,
          requestId,
        })
      })
      return this.staffDetail(id)
    },

    /** Daily sweep: published policies past their validity become expired. */
    async expireDue() {
      return db.tx((tx) => repo.expireDue(tx, beijingDate()))
    },

    async list(query: PolicyListQuery, opts: { publicOnly: boolean }) {
      const r = await repo.listPolicies(
        db.pool,
        {
          q: query.q,
          status: query.status,
          level: query.level,
          departmentId: query.departmentId,
          publicOnly: opts.publicOnly,
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
        },
        beijingDate(),
      )
      return { total: r.total, items: r.items.map((x) => summary(x, !opts.publicOnly)) }
    },

    async staffDetail(id: string) {
      const r = await repo.findPolicy(db.pool, id)
      if (!r) throw policyNotFound()
      return detailOf(r, { staff: true, uscc: null })
    },
    /** A published (or expired) policy as anyone may read it. */
    async publicDetail(id: string) {
      const r = await repo.findPolicy(db.pool, id)
      if (!r || r.status === 'draft') throw policyNotFound()
      return detailOf(r, { staff: false, uscc: null })
    },
    async addInterpretation(p: Principal, actor: Actor, id: string, input: SaveInterpretation, requestId?: string) {
      await db.tx(async (tx) => {
        const cur = await repo.findPolicy(tx, id)
        if (!cur) throw policyNotFound()
        assertDepartment(p, cur.departmentId)
        const iid = await repo.insertInterpretation(
          tx,
          id,
          {
            kind: input.kind,
            title: input.title,
            body: input.body,
            media: input.media ?? [],
            speaker: input.speaker ?? null,
          },
          p.userId,
        )
        await recordAudit(tx, {
          actor,
          action: 'policy.interpretation.add',
          resourceType: 'policy',
          resourceId: id,
          divisionCode: cur.divisionCode,
          requestId,
          data: { interpretationId: iid, kind: input.kind },
        })
      })
      return this.staffDetail(id)
    },

    /** Matched enterprises of one policy with reasons and read state (staff). */
    async matches(id: string, page: { page: number; pageSize: number }) {
      if (!(await repo.findPolicy(db.pool, id))) throw policyNotFound()
      const r = await repo.policyMatches(db.pool, id, page.pageSize, (page.page - 1) * page.pageSize)
      return {
        total: r.total,
        read: r.read,
        items: r.items.map((m) => ({ ...m, matchedAt: m.matchedAt.toISOString(), readAt: iso(m.readAt) })),
      }
    },

    /** Staff (enterprise profile page): the policies one enterprise matched, with why and whether it read them. */
    async policiesOfEnterprise(uscc: string, q: { unreadOnly: boolean; page: number; pageSize: number }) {
      return matchedPage(uscc, q)
    },

    // --- the enterprise's side ---------------------------------------------------------------------------------
    async myPolicies(p: Principal, q: { unreadOnly: boolean; page: number; pageSize: number }) {
      return matchedPage(await usccOf(p), q)
    },
    /** A policy as the enterprise sees it, with its match reasons when it was pushed to it. */
    async myPolicy(p: Principal, id: string) {
      const uscc = await usccOf(p)
      const r = await repo.findPolicy(db.pool, id)
      if (!r || r.status === 'draft') throw policyNotFound()
      return detailOf(r, { staff: false, uscc })
    },

    async markRead(p: Principal, id: string) {
      if (!(await repo.markRead(db.pool, id, await usccOf(p)))) throw matchNotFound()
    },
  }
}
