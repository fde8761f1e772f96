import {
  type PolicyDetail,
  type PolicyListQuery,
  type PolicySummary,
  type Question,
  type Rule,
  type SaveInterpretation,
  type SavePolicy,
  validateRule,
} from '@ruyu/contracts/policy'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { EnterpriseProfile } from '../enterprise/index.ts'
import type { RatingService } from '../rating/index.ts'
import { engineActorOf, type WorkflowService } from '../workflow/index.ts'
import { attachPolicyFiles } from './attachments.ts'
import {
  beijingDate,
  DEFAULT_ANSWER_SLA,
  displayStatus,
  EVENTS,
  pushMessage,
  QUESTION_DEFINITION,
  QUESTION_SUBJECT,
  questionSpec,
  SIGNALS,
  withdrawMessage,
} from './domain.ts'
import {
  departmentNotFound,
  enterpriseOnly,
  faqExists,
  matchNotFound,
  notYourDepartment,
  policyNotFound,
  policyStatusRefused,
  questionAnswered,
  questionInvalidState,
  questionNotFound,
  ruleInvalid,
} from './errors.ts'
import { type CompiledRule, compile, ProfileSnapshot, popcount, rowsOf } from './matcher.ts'
import { type PolicyRow, type PolicyWrite, type QuestionRow, policyRepo as repo } from './repo.ts'
import { explain, failures, type MatchProfile, type Names, ruleText } from './rules.ts'

/** What policy needs from the enterprise module (its public service satisfies this). */
export interface EnterpriseDirectory {
  profile(uscc: string): Promise<EnterpriseProfile | null>
  profilesPage(opts: {
    afterUscc: string | null
    limit: number
  }): Promise<EnterpriseProfile[] | { items: EnterpriseProfile[] }>
  userIdsOf(uscc: string): Promise<string[]>
  /** Optional bulk form (one query for many enterprises). */
  userIdsOfMany?(usccs: string[]): Promise<Map<string, string[]>>
  /** The caller's standing towards its enterprise (verified accounts act for it). */
  membership?(p: Principal): Promise<{ uscc: string; status: string } | null>
}

export interface PolicyDeps {
  platform: Platform
  workflow: WorkflowService
  rating: RatingService
  catalog: CatalogService
  enterprise: EnterpriseDirectory
}

const PAGE = 5000
/** A snapshot older than this is reloaded before bulk matching (profile changes keep it fresh in-process). */
const SNAPSHOT_TTL_MS = 10 * 60_000
/** Reason given when a withdrawn match's enterprise is no longer active (deregistered, revoked). */
const NOT_ACTIVE = '企业登记状态不再为存续'
/** Above this many new matches one push goes out as a shared message instead of one per enterprise. */
const PERSONAL_PUSH_LIMIT = 500

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const isAdmin = (p: Principal) => p.roles.includes('admin')
const departmentsOf = (p: Principal) => p.posts.map((x) => x.departmentId).filter((x): x is string => !!x)

/** Throws POLICY_RULE_INVALID naming every bad part by its path. */
export function checkRule(raw: unknown, base = 'rule'): Rule {
  const r = validateRule(raw, base)
  if (r.ok) return r.rule
  throw ruleInvalid(
    { issues: r.issues.map((i) => `${i.path}: ${i.message}`).join('；') },
    { issues: r.issues, fields: Object.fromEntries(r.issues.map((i) => [i.path, i.message])) },
  )
}

/** Policies, matching and push, interpretations, Q&A and FAQs. */
export function createPolicyService(deps: PolicyDeps) {
  const { platform, workflow, rating, catalog, enterprise } = deps
  const { db } = platform

  // --- names for explanations -----------------------------------------------------------------------------------
  let namesCache: { names: Names; at: number } | null = null
  async function names(): Promise<Names> {
    if (namesCache && Date.now() - namesCache.at < SNAPSHOT_TTL_MS) return namesCache.names
    const divisions = await repo.divisionNames(db.pool)
    const parks = new Map((await catalog.listParks()).items.map((p) => [p.code, p.name] as [string, string]))
    const n: Names = { division: (c) => divisions.get(c), park: (c) => parks.get(c) }
    namesCache = { names: n, at: Date.now() }
    return n
  }

  // --- the profile snapshot and compiled published rules -------------------------------------------------------
  let snap: ProfileSnapshot | null = null
  let snapAt = 0
  let loading: Promise<ProfileSnapshot> | null = null
  let compiledFor: ProfileSnapshot | null = null
  let stamp = ''
  let compiled: { id: string; title: string; version: number; rule: Rule; c: CompiledRule }[] = []

  /** Loads every active profile through the enterprise module's keyset pages into a columnar snapshot. */
  async function loadSnapshot(): Promise<ProfileSnapshot> {
    const s = new ProfileSnapshot(4096)
    let after: string | null = null
    for (;;) {
      const page = await enterprise.profilesPage({ afterUscc: after, limit: PAGE })
      const items = Array.isArray(page) ? page : page.items
      for (const p of items) s.upsert(p, p.status === 'active')
      if (items.length < PAGE) break
      after = items[items.length - 1]!.uscc
    }
    return s
  }

  async function snapshot(): Promise<ProfileSnapshot> {
    if (snap && Date.now() - snapAt < SNAPSHOT_TTL_MS) return snap
    if (!loading)
      loading = loadSnapshot()
        .then((s) => {
          snap = s
          snapAt = Date.now()
          return s
        })
        .finally(() => {
          loading = null
        })
    return loading
  }

  /** Published, valid policies with rules, compiled against the current snapshot (recompiled when either changes). */
  async function matchable(s: ProfileSnapshot) {
    const now = await repo.matchableStamp(db.pool)
    if (now !== stamp || compiledFor !== s) {
      const list = await repo.matchablePolicies(db.pool, beijingDate())
      const old = new Map(compiled.map((x) => [x.id, x]))
      compiled = list.map((p) => {
        const prev = old.get(p.id)
        return prev && prev.version === p.version && compiledFor === s ? prev : { ...p, c: compile(p.rule, s) }
      })
      compiledFor = s
      stamp = now
    }
    return compiled
  }

  async function usersOf(usccs: string[]): Promise<Map<string, string[]>> {
    if (enterprise.userIdsOfMany) return enterprise.userIdsOfMany(usccs)
    const out = new Map<string, string[]>()
    for (const u of usccs) out.set(u, await enterprise.userIdsOf(u))
    return out
  }

  /** Inbox pushes for new matches: one message per enterprise (with its reasons), or one shared message when many. */
  async function push(tx: Tx, policy: { id: string; title: string }, fresh: { uscc: string; reasons: string[] }[]) {
    if (!fresh.length) return
    const users = await usersOf(fresh.map((f) => f.uscc))
    if (fresh.length <= PERSONAL_PUSH_LIMIT) {
      for (const f of fresh) {
        const userIds = users.get(f.uscc) ?? []
        if (userIds.length) await platform.notifications.send(tx, { userIds, ...pushMessage(policy, f.reasons) })
      }
      return
    }
    const all = [...new Set([...users.values()].flat())]
    for (let i = 0; i < all.length; i += 5000)
      await platform.notifications.send(tx, { userIds: all.slice(i, i + 5000), ...pushMessage(policy, []) })
  }

  /**
   * Withdraws standing matches (issue #10 §2: a pushed policy the enterprise no longer satisfies) and tells each
   * enterprise why; one shared message when many. Returns how many were withdrawn now (a replay withdraws none).
   */
  async function withdraw(tx: Tx, policy: { id: string; title: string }, lost: { uscc: string; reasons: string[] }[]) {
    if (!lost.length) return 0
    const done = new Set(await repo.withdrawMatches(tx, policy.id, lost))
    const told = lost.filter((l) => done.has(l.uscc))
    if (!told.length) return 0
    const users = await usersOf(told.map((l) => l.uscc))
    if (told.length <= PERSONAL_PUSH_LIMIT) {
      for (const l of told) {
        const userIds = users.get(l.uscc) ?? []
        if (userIds.length) await platform.notifications.send(tx, { userIds, ...withdrawMessage(policy, l.reasons) })
      }
    } else {
      const all = [...new Set([...users.values()].flat())]
      for (let i = 0; i < all.length; i += 5000)
        await platform.notifications.send(tx, { userIds: all.slice(i, i + 5000), ...withdrawMessage(policy, []) })
    }
    return told.length
  }

  /**
   * Matches one policy against every active profile; records and pushes only the new matches, and withdraws the
   * standing ones that no longer match.
   */
  async function matchPolicy(tx: Tx, policyId: string) {
    const policy = await repo.findPolicy(tx, policyId)
    if (!policy?.rule || displayStatus(policy.status, policy.validTo, beijingDate()) !== 'published')
      return { matched: 0, fresh: 0 }
    const s = await snapshot()
    const rows = rowsOf(compile(policy.rule, s).matchAll())
    const existing = await repo.existingMatches(tx, policyId)
    const n = await names()
    const fresh = rows
      .filter((i) => !existing.has(s.uscc[i]!))
      .map((i) => {
        const p = s.profileAt(i)
        return { uscc: p.uscc, name: p.name, reasons: explain(policy.rule!, p, n).reasons }
      })
    const inserted = new Set<string>()
    for (let i = 0; i < fresh.length; i += 2000)
      for (const u of await repo.insertMatches(tx, policyId, fresh.slice(i, i + 2000))) inserted.add(u)
    await push(
      tx,
      policy,
      fresh.filter((f) => inserted.has(f.uscc)),
    )
    // Enterprises the (changed) rule or their profile no longer admits: withdrawn, with the failing conditions.
    const now = new Set(rows.map((i) => s.uscc[i]!))
    const lost = [...existing]
      .filter((u) => !now.has(u))
      .map((u) => {
        const i = s.rowOf.get(u)
        const gone = i === undefined || s.active[i] !== 1
        return { uscc: u, reasons: gone ? [NOT_ACTIVE] : failures(policy.rule!, s.profileAt(i), n) }
      })
    const withdrawn = await withdraw(tx, policy, lost)
    await repo.refreshMatchCount(tx, [policyId])
    return { matched: rows.length, fresh: inserted.size, withdrawn }
  }

  /** One changed profile against every published policy: new matches are recorded and pushed, once. */
  async function onProfileChanged(tx: Tx, uscc: string) {
    const profile = await enterprise.profile(uscc)
    if (!profile) return { fresh: 0 }
    const s = await snapshot()
    const row = s.upsert(profile, profile.status === 'active')
    const list = await matchable(s)
    const already = await repo.matchedPolicyIds(tx, uscc)
    const n = await names()
    const mp: MatchProfile = profile
    // Standing matches it no longer satisfies are withdrawn, with the conditions that now fail, and it is told.
    const changed: string[] = []
    for (const x of list.filter((x) => already.has(x.id) && (profile.status !== 'active' || !x.c.test(row)))) {
      const reasons = profile.status !== 'active' ? [NOT_ACTIVE] : failures(x.rule, mp, n)
      if (await withdraw(tx, x, [{ uscc, reasons }])) changed.push(x.id)
    }
    if (profile.status !== 'active') {
      await repo.refreshMatchCount(tx, changed)
      return { fresh: 0, withdrawn: changed.length }
    }
    const hits = list.filter((x) => !already.has(x.id) && x.c.test(row))
    const newly: string[] = []
    for (const h of hits) {
      const reasons = explain(h.rule, mp, n).reasons
      const inserted = await repo.insertMatches(tx, h.id, [{ uscc, name: profile.name, reasons }])
      if (inserted.length) {
        newly.push(h.id)
        await push(tx, h, [{ uscc, reasons }])
      }
    }
    await repo.refreshMatchCount(tx, [...newly, ...changed])
    return { fresh: newly.length, withdrawn: changed.length }
  }

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

  const questionDto = (q: QuestionRow): Question => ({
    id: q.id,
    policyId: q.policyId,
    policyTitle: q.policyTitle,
    uscc: q.uscc,
    enterpriseName: q.enterpriseName,
    departmentId: q.departmentId,
    departmentName: q.departmentName,
    question: q.question,
    status: q.status,
    answer: q.answer,
    answeredAt: iso(q.answeredAt),
    answeredBy: q.answeredByName,
    askedAt: q.createdAt.toISOString(),
    dueAt: iso(q.dueAt),
    slaFlag: q.slaFlag,
    ratingLevel: q.ratingLevel,
    faqId: q.faqId,
    workflowInstanceId: q.workflowInstanceId,
  })

  // --- guards ---------------------------------------------------------------------------------------------------
  /** Staff manage only their own department's policies (admin: any). */
  function assertDepartment(p: Principal, departmentId: string) {
    if (!isAdmin(p) && !departmentsOf(p).includes(departmentId)) throw notYourDepartment()
  }
  /** The enterprise a verified enterprise account acts for; anyone else gets 404 (nothing of theirs here). */
  async function usccOf(p: Principal): Promise<string> {
    if (p.kind !== 'enterprise') throw enterpriseOnly()
    if (enterprise.membership) {
      const m = await enterprise.membership(p)
      if (m?.status !== 'verified') throw enterpriseOnly()
      return m.uscc
    }
    if (!p.enterpriseUscc) throw enterpriseOnly()
    return p.enterpriseUscc
  }
  /** A question the caller may see: the asking enterprise, staff of the department, admin; otherwise 404. */
  async function visibleQuestion(p: Principal, id: string, q: Tx | typeof db.pool = db.pool, lock = false) {
    const row = await repo.findQuestion(q, id, { lock })
    if (!row) throw questionNotFound()
    if (p.kind === 'enterprise') {
      if (row.uscc !== (await usccOf(p).catch(() => null))) throw questionNotFound()
    } else if (!isAdmin(p) && !departmentsOf(p).includes(row.departmentId)) throw questionNotFound()
    return row
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

  // No reader capability: every department's policy staff hold policy:manage, and a question is read by the asker,
  // the department it went to (its task) and audit readers only. Answering goes through the policy routes, which
  // record the answer on the question.
  workflow.ownedBy(QUESTION_SUBJECT, 'policy')

  // Timer signals of the Q&A workflow: yellow card at the warning, red card when overdue.
  for (const [flag, name] of [
    ['warning', SIGNALS.warning],
    ['overdue', SIGNALS.overdue],
  ] as const)
    workflow.onSignal(name, async (tx, { root }) => {
      if (root.subjectType !== QUESTION_SUBJECT) return
      const q = await repo.findQuestion(tx, root.subjectId, { lock: true })
      if (q?.status !== 'open') return
      if (flag === 'warning' && q.slaFlag === 'overdue') return
      await repo.updateQuestion(tx, q.id, { slaFlag: flag })
    })

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
    /** Publishes the Q&A workflow definition (idempotent; called at seed and before first use). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, questionSpec, actor)
    },

    /** Registers the outbox subscribers (publish → match and push; profile changed → re-evaluate; rematch). */
    subscribe() {
      platform.events.subscribe(EVENTS.published, async (e, tx) => {
        await matchPolicy(tx, String(e.payload.id))
      })
      platform.events.subscribe(EVENTS.ruleChanged, async (e, tx) => {
        await matchPolicy(tx, String(e.payload.id))
      })
      platform.events.subscribe(EVENTS.rematchRequested, async (_e, tx) => {
        await this.rematchAll(tx)
      })
      platform.events.subscribe('enterprise.profile.changed', async (e, tx) => {
        await onProfileChanged(tx, String(e.payload.uscc))
      })
    },

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

    /** Rule editor: how many enterprises match now, with a few examples and why. */
    async preview(raw: unknown) {
      const rule = checkRule(raw)
      const s = await snapshot()
      const bits = compile(rule, s).matchAll()
      const n = await names()
      const examples = rowsOf(bits, 5).map((i) => {
        const p = s.profileAt(i)
        return { uscc: p.uscc, name: p.name, reasons: explain(rule, p, n).reasons }
      })
      let active = 0
      for (let i = 0; i < s.n; i++) active += s.active[i]!
      return { count: popcount(bits), total: active, examples, ruleText: ruleText(rule, n) }
    },

    /** Queues a full rematch of every published policy (runs in the outbox dispatcher). */
    async requestRematch(actor: Actor, requestId?: string) {
      await db.tx(async (tx) => {
        await recordAudit(tx, { actor, action: 'policy.rematch', resourceType: 'policy', requestId })
        await platform.events.enqueue(tx, EVENTS.rematchRequested, {})
      })
    },

    /** Full rematch: every published policy against every active profile; new matches are recorded and pushed. */
    async rematchAll(tx?: Tx) {
      const started = performance.now()
      snap = null // reload from the enterprise module
      const s = await snapshot()
      const list = await matchable(s)
      let matches = 0
      let fresh = 0
      const run = async (t: Tx) => {
        for (const x of list) {
          const r = await matchPolicy(t, x.id)
          matches += r.matched
          fresh += r.fresh
        }
      }
      if (tx) await run(tx)
      else await db.tx(run)
      return { policies: list.length, profiles: s.n, matches, newMatches: fresh, ms: performance.now() - started }
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

    // --- Q&A ----------------------------------------------------------------------------------------------------
    /** An enterprise asks about a policy: routed to the issuing department with a 24-hour calendar SLA. */
    async ask(p: Principal, actor: Actor, policyId: string, input: { question: string }, requestId?: string) {
      const uscc = await usccOf(p)
      const policy = await repo.findPolicy(db.pool, policyId)
      if (!policy || policy.status === 'draft') throw policyNotFound()
      const profile = await enterprise.profile(uscc)
      const sla = await platform.settings.get('policy.answerSla', DEFAULT_ANSWER_SLA)
      const id = await db.tx(async (tx) => {
        const qid = await repo.insertQuestion(tx, {
          policyId,
          uscc,
          enterpriseName: profile?.name ?? p.displayName,
          askerId: p.userId!,
          departmentId: policy.departmentId,
          question: input.question,
        })
        await workflow.publish(tx, questionSpec, actor)
        const inst = await workflow.start(
          tx,
          {
            definitionKey: QUESTION_DEFINITION,
            subjectType: QUESTION_SUBJECT,
            subjectId: qid,
            title: `政策咨询：${policy.title}`,
            divisionCode: policy.divisionCode,
            applicantId: p.userId,
            context: { departmentId: policy.departmentId, policyId, sla },
          },
          actor,
          new Date(),
          requestId,
        )
        await repo.updateQuestion(tx, qid, { workflowInstanceId: inst.id, dueAt: inst.dueAt })
        await recordAudit(tx, {
          actor,
          action: 'policy.question.ask',
          resourceType: 'policy_question',
          resourceId: qid,
          divisionCode: policy.divisionCode,
          requestId,
          data: { policyId },
        })
        return qid
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    async question(p: Principal, id: string) {
      return questionDto(await visibleQuestion(p, id))
    },

    async myQuestions(
      p: Principal,
      q: { status?: 'open' | 'answered'; policyId?: string; page: number; pageSize: number },
    ) {
      const r = await repo.listQuestions(db.pool, {
        departmentIds: null,
        uscc: await usccOf(p),
        status: q.status,
        policyId: q.policyId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      })
      return { total: r.total, items: r.items.map(questionDto) }
    },

    /** Questions routed to the caller's department(s); admin sees all. */
    async questions(
      p: Principal,
      q: { status?: 'open' | 'answered'; policyId?: string; page: number; pageSize: number },
    ) {
      const r = await repo.listQuestions(db.pool, {
        departmentIds: isAdmin(p) ? null : departmentsOf(p),
        uscc: null,
        status: q.status,
        policyId: q.policyId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      })
      return { total: r.total, items: r.items.map(questionDto) }
    },

    /** The issuing department answers (another department → 403); the asker is notified. */
    async answer(p: Principal, actor: Actor, id: string, input: { answer: string }, requestId?: string) {
      await db.tx(async (tx) => {
        const q = await repo.findQuestion(tx, id, { lock: true })
        if (!q) throw questionNotFound()
        if (!departmentsOf(p).includes(q.departmentId)) throw notYourDepartment()
        if (q.status !== 'open' || !q.workflowInstanceId) throw questionAnswered()
        const now = new Date()
        await workflow.actInTx(
          tx,
          engineActorOf(p),
          actor,
          q.workflowInstanceId,
          'answer',
          { comment: input.answer },
          now,
          requestId,
        )
        await repo.updateQuestion(tx, id, {
          status: 'answered',
          answer: input.answer,
          answeredBy: p.userId,
          answeredByName: p.displayName,
          answeredAt: now,
        })
        await recordAudit(tx, {
          actor,
          action: 'policy.question.answer',
          resourceType: 'policy_question',
          resourceId: id,
          requestId,
        })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    /** The asking enterprise rates the answer (好差评; a 差评 opens the department's rectification). */
    async rate(
      p: Principal,
      actor: Actor,
      id: string,
      input: { level: 1 | 2 | 3 | 4 | 5; comment?: string | null; reasons?: string[] },
      requestId?: string,
    ) {
      await usccOf(p)
      await db.tx(async (tx) => {
        const q = await visibleQuestion(p, id, tx, true)
        if (q.status !== 'answered') throw questionInvalidState({ action: '评价', reason: '尚未答复' })
        const row = await rating.rate(
          tx,
          actor,
          {
            subjectType: QUESTION_SUBJECT,
            subjectId: id,
            subjectTitle: `政策咨询：${q.policyTitle}`,
            departmentId: q.departmentId,
            divisionCode: platform.config.district.code,
            raterId: p.userId!,
            channel: 'online',
            level: input.level,
            reasons: input.reasons,
            comment: input.comment ?? null,
          },
          requestId,
        )
        await repo.updateQuestion(tx, id, { ratingId: row.id, ratingLevel: input.level })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    /** Publishes an answered question (optionally edited) as an FAQ on its policy; department staff only. */
    async publishFaq(
      p: Principal,
      actor: Actor,
      id: string,
      input: { question?: string; answer?: string },
      requestId?: string,
    ) {
      await db.tx(async (tx) => {
        const q = await repo.findQuestion(tx, id, { lock: true })
        if (!q) throw questionNotFound()
        if (!departmentsOf(p).includes(q.departmentId) && !isAdmin(p)) throw notYourDepartment()
        if (q.status !== 'answered' || !q.answer)
          throw questionInvalidState({ action: '发布为常见问题', reason: '尚未答复' })
        const faqId = await repo.insertFaq(
          tx,
          {
            policyId: q.policyId,
            questionId: q.id,
            question: input.question ?? q.question,
            answer: input.answer ?? q.answer,
          },
          p.userId,
        )
        if (!faqId) throw faqExists()
        await recordAudit(tx, {
          actor,
          action: 'policy.faq.publish',
          resourceType: 'policy_question',
          resourceId: id,
          requestId,
          data: { faqId, policyId: q.policyId },
        })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    // --- matching internals exposed for jobs, seeds, tests and the benchmark ------------------------------------
    matchPolicy,
    onProfileChanged,
    /** The current snapshot (loaded on first use). */
    snapshot,
    /** Drops the cached snapshot (the next use reloads it). */
    invalidateSnapshot() {
      snap = null
    },
  }
}

export type PolicyService = ReturnType<typeof createPolicyService>
