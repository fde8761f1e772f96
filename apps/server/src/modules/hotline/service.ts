import { createHash, randomBytes } from 'node:crypto'
import {
  type Category,
  type CategoryNode,
  type CreateCategory,
  type CreateRoutingRule,
  type DuplicateCandidate,
  type FollowUp,
  type HotlineSettings,
  HotlineSettingsSchema,
  type IntakeInput,
  IntakeInputSchema,
  type IntakeParsed,
  ORDER_STATUS_NAMES,
  type OrderDetail,
  type OrderListQuery,
  type OrderStatus,
  PUBLIC_STATUS_NAMES,
  type PublicOrder,
  type PublicOrderFilter,
  type PublicSubmit,
  type PublicTrack,
  type Reply,
  type RoutingSuggestion,
  type SaveKbArticle,
  type StatsQuery,
  type StatsResult,
  type Transfer,
  type UnitRef,
  type UpdateCategory,
} from '@ruyu/contracts/hotline'
import { type Actor, recordAudit, recordAuditMany } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { coalesce } from '../../platform/coalesce.ts'
import { flushBeforeCommit, pgErrorCode, type Tx } from '../../platform/db.ts'
import { allocateDocNumbers } from '../../platform/doc-number.ts'
import { forbidden, validationFailed } from '../../platform/errors.ts'
import { groupCommit } from '../../platform/group-commit.ts'
import type { Platform } from '../../platform/platform.ts'
import type { DirectoryService } from '../directory/index.ts'
import {
  computeDeadline,
  cstDate,
  type EngineActor,
  endOfCstDay,
  engineActorOf,
  type WorkflowService,
} from '../workflow/index.ts'
import { lostRace, statusRefused } from './conflict.ts'
import {
  ackLimit,
  actionsFor,
  DEFAULT_SETTINGS,
  handleLimit,
  handlingFlag,
  isClosed,
  maskName,
  maskPhone,
  maskText,
  mergeSettings,
  ORDER_DEFINITION,
  orderSpec,
  recomputeReason,
  SETTINGS_KEY,
  SIGNALS,
  SUBJECT,
  searchQuery,
  searchTokens,
  timerReason,
  titleOf,
  townOf,
  trackingNumberCandidates,
  type ViewerRole,
} from './domain.ts'
import {
  alreadyAcknowledged,
  articleNotFound,
  categoryCodeTaken,
  categoryNotFound,
  extensionTooLate,
  extensionTooLong,
  mergeTarget,
  notMainUnit,
  noWorkflow,
  orderNotFound,
  returnTooLate,
  ruleExists,
  ruleNotFound,
  trackNotFound,
} from './errors.ts'
import { redactPersonalData } from './open311-redact.ts'
import {
  type ArticleRow,
  type DuplicateProbe,
  type EventRow,
  type OrderRow,
  type RuleRow,
  hotlineRepo as repo,
  type Visibility,
} from './repo.ts'
import { statsResult } from './stats.ts'

export interface HotlineDeps {
  platform: Pick<Platform, 'db' | 'files' | 'events' | 'notifications' | 'calendar' | 'settings' | 'config' | 'caches'>
  workflow: WorkflowService
  /** Division names and unit names (cached reference data of the directory module). */
  directory: Pick<DirectoryService, 'divisionName' | 'unitRefs'>
}

/** Whoever acts on the hotline: a staff member, an integration key, the public form, or the system (seed, timers). */
export interface HotlineActor {
  actor: Actor
  engine: EngineActor
  name: string | null
  /** centre: dispatchers and reviewers (see everything in scope); unit: handling units (their orders only). */
  kind: 'centre' | 'unit' | 'reader'
  userId: string | null
  scopes: string[]
  departmentIds: string[]
  /** The caller as authenticated (absent for the system and seeding): what file access is checked against. */
  principal?: Principal
}

const CENTRE_CAPS = ['hotline:intake', 'hotline:dispatch', 'hotline:review', 'hotline:transfer', 'open311:submit']

/** The hotline's view of a principal. */
export function hotlineActorOf(p: Principal, actor: Actor): HotlineActor {
  const kind = CENTRE_CAPS.some((c) => p.capabilities.has(c))
    ? 'centre'
    : p.capabilities.has('hotline:handle')
      ? 'unit'
      : 'reader'
  return {
    actor,
    engine: engineActorOf(p),
    name: p.displayName,
    kind,
    userId: p.userId,
    scopes: p.scopes,
    departmentIds: p.posts.map((x) => x.departmentId).filter((x): x is string => !!x),
    principal: p,
  }
}

const visibilityOf = (w: HotlineActor): Visibility =>
  w.kind === 'unit' ? { kind: 'units', departmentIds: w.departmentIds } : { kind: 'scope', scopes: w.scopes }

function roleOf(o: OrderRow, w: HotlineActor): ViewerRole {
  if (w.kind === 'centre') return 'centre'
  if (w.kind === 'unit') {
    if (o.unitId && w.departmentIds.includes(o.unitId)) return 'main_unit'
    if (o.coUnitIds.some((u) => w.departmentIds.includes(u))) return 'co_unit'
  }
  return 'reader'
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const TOKEN_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
function trackingToken(): string {
  const bytes = randomBytes(16)
  return [...bytes].map((b) => TOKEN_CHARS[b % TOKEN_CHARS.length]).join('')
}

type Issue = { path: (string | number)[]; message: string }
const fail = (issues: Issue[]) => validationFailed(undefined, { issues })

export interface IntakeOutcome {
  id: string
  number: string
  /** Issued once, for the caller to track the request; null when an upstream order was already taken in. */
  trackingToken: string | null
  status: OrderStatus
  publicStatus: OrderRow['publicStatus']
  receivedAt: string
  /** True when the same (source, upstream number) was transferred before: this is that order. */
  duplicate: boolean
}

/** The 12345 hotline: intake from every channel, dispatch, unit handling, centre review, follow-up, statistics. */
export function createHotlineService(deps: HotlineDeps) {
  const { platform, workflow } = deps
  const { db, calendar } = platform

  async function settings(q: Tx | typeof db.pool = db.pool): Promise<HotlineSettings> {
    return mergeSettings(await platform.settings.get<Partial<HotlineSettings> | null>(SETTINGS_KEY, null, q))
  }

  // The centre reads every order's progress tree; a unit only trees it took part in.
  workflow.readableBy(SUBJECT, 'hotline:dispatch')
  workflow.ownedBy(SUBJECT, 'hotline')

  // --- timers (durable, from the engine's SLA clocks) ------------------------------------------------------
  const TIMER_SIGNALS = {
    yellow_card: SIGNALS.yellow,
    red_card: SIGNALS.red,
    ack_warning: SIGNALS.ackWarning,
    ack_overdue: SIGNALS.ackOverdue,
  } as const
  // Yellow card before a deadline, red card after it: of the 签收 limit while unacknowledged, and of the handling
  // limit (which runs from receipt, so also while unacknowledged). A yellow card never turns a red one back.
  const timerSignal = (action: keyof typeof TIMER_SIGNALS, flag: 'warning' | 'overdue') =>
    workflow.onSignal(TIMER_SIGNALS[action], async (tx, { root }) => {
      if (root.subjectType !== SUBJECT) return
      const o = await repo.lockOrder(tx, root.subjectId)
      if (!o || isClosed(o.status)) return
      if (!(flag === 'warning' && o.slaFlag === 'overdue')) await repo.updateOrder(tx, o.id, { slaFlag: flag })
      // One card per deadline: a re-dispatch or 签收 re-arms timers for a deadline that may have had its card.
      const field = action.startsWith('ack_') ? 'ackDueAt' : 'dueAt'
      const deadline = iso(field === 'ackDueAt' ? o.ackDueAt : o.dueAt)
      const had = (await repo.events(tx, o.id)).some(
        (e) => e.action === action && (e.data as Record<string, unknown> | null)?.[field] === deadline,
      )
      if (had) return
      await repo.insertEvent(tx, {
        orderId: o.id,
        actorId: null,
        actorKind: 'system',
        actorName: '系统',
        unitId: o.unitId,
        action,
        fromStatus: o.status,
        toStatus: o.status,
        reason: timerReason(action, o),
        data: { dueAt: iso(o.dueAt), ackDueAt: iso(o.ackDueAt) },
      })
    })
  timerSignal('yellow_card', 'warning')
  timerSignal('red_card', 'overdue')
  timerSignal('ack_warning', 'warning')
  timerSignal('ack_overdue', 'overdue')

  // A new holiday schedule moved the engine's deadlines: the order's projection and the timeline follow.
  workflow.onDeadlinesRecomputed(SUBJECT, async (tx, c) => {
    if (c.instance.id !== c.root.id) return
    const o = await repo.lockOrder(tx, c.root.subjectId)
    if (!o || isClosed(o.status)) return
    const ack = o.status === 'pending_ack' ? c.tasks.find((k) => k.state === 'pending_ack') : undefined
    const dueAt = c.instanceDue?.to ?? o.dueAt
    const ackDueAt = ack?.to ?? o.ackDueAt
    if (!c.instanceDue && !ack) return
    const now = new Date()
    const overdue = (dueAt && now > dueAt) || (o.status === 'pending_ack' && ackDueAt && now > ackDueAt)
    const handleFlag = handlingFlag(now, dueAt, handleLimit(await settings(tx), o.requestType, o.urgency), calendar)
    await repo.updateOrder(tx, o.id, {
      dueAt,
      ackDueAt,
      slaFlag: overdue ? 'overdue' : o.status === 'pending_ack' && o.slaFlag === 'warning' ? 'warning' : handleFlag,
    })
    await repo.insertEvent(tx, {
      orderId: o.id,
      actorId: null,
      actorKind: 'system',
      actorName: '系统',
      unitId: o.unitId,
      action: 'deadline_recomputed',
      fromStatus: o.status,
      toStatus: o.status,
      reason: recomputeReason(c.year, o, { dueAt, ackDueAt }),
      data: { year: c.year, version: c.version, dueAt: iso(dueAt), ackDueAt: iso(ackDueAt) },
    })
  })

  // --- reading -------------------------------------------------------------------------------------------
  async function unitRefs(ids: string[]) {
    return deps.directory.unitRefs(ids)
  }

  function toOrderDto(o: OrderRow, w: HotlineActor, units: Map<string, UnitRef>) {
    const role = roleOf(o, w)
    const masked = o.confidential && role !== 'centre'
    return {
      id: o.id,
      number: o.number,
      source: o.source,
      channel: o.channel as never,
      upstreamSource: o.upstreamSource,
      upstreamNumber: o.upstreamNumber,
      callerName: masked ? maskName(o.callerName) : o.callerName,
      callerPhone: masked ? maskPhone(o.callerPhone) : o.callerPhone,
      confidential: o.confidential,
      callerMasked: masked,
      requestType: o.requestType,
      urgency: o.urgency,
      categoryId: o.categoryId,
      categoryCode: o.categoryCode ?? null,
      categoryName: o.categoryName ?? null,
      categoryPath: o.categoryPath ?? null,
      divisionCode: o.divisionCode,
      townCode: o.townCode,
      divisionName: o.divisionName ?? null,
      address: o.address,
      lat: o.lat,
      lng: o.lng,
      title: masked ? maskText(o.title, { name: o.callerName, phone: o.callerPhone }) : o.title,
      description: masked ? maskText(o.description, { name: o.callerName, phone: o.callerPhone }) : o.description,
      status: o.status,
      statusName: ORDER_STATUS_NAMES[o.status],
      publicStatus: o.publicStatus,
      unit: o.unitId ? (units.get(o.unitId) ?? null) : null,
      coUnits: o.coUnitIds.flatMap((id) => (units.get(id) ? [units.get(id)!] : [])),
      receivedAt: o.receivedAt.toISOString(),
      dispatchedAt: iso(o.dispatchedAt),
      ackDueAt: iso(o.ackDueAt),
      acknowledgedAt: iso(o.acknowledgedAt),
      dueAt: iso(o.dueAt),
      repliedAt: iso(o.repliedAt),
      closedAt: iso(o.closedAt),
      closedOnTime: o.closedOnTime,
      respondedOnTime: o.respondedOnTime,
      followupResult: o.followupResult,
      reopenCount: o.reopenCount,
      enterpriseUscc: o.enterpriseUscc,
      returnCount: o.returnCount,
      lastReturn: o.lastReturnedAt ? { at: o.lastReturnedAt.toISOString(), reason: o.lastReturnReason ?? '' } : null,
      supervised: o.supervised,
      slaFlag: o.slaFlag,
      extensionDays: o.extensionDays,
      mergedIntoId: o.mergedIntoId,
      mergedIntoNumber: o.mergedIntoNumber ?? null,
      updatedAt: o.updatedAt.toISOString(),
    }
  }

  async function visibleOrder(w: HotlineActor, id: string, q: Tx | typeof db.pool = db.pool) {
    const o = await repo.order(q, id, visibilityOf(w))
    if (!o) throw orderNotFound()
    return o
  }

  /** `afterLeaving`: the caller just handed the order on (退单) and may no longer see it; show it once more. */
  async function detail(w: HotlineActor, id: string, afterLeaving = false): Promise<OrderDetail> {
    const o = afterLeaving ? await repo.order(db.pool, id) : await visibleOrder(w, id)
    if (!o) throw orderNotFound()
    return detailOf(o, await repo.events(db.pool, o.id), w)
  }

  async function detailOf(o: OrderRow, events: EventRow[], w: HotlineActor): Promise<OrderDetail> {
    const units = await unitRefs([...(o.unitId ? [o.unitId] : []), ...o.coUnitIds])
    const base = toOrderDto(o, w, units)
    const role = roleOf(o, w)
    const caller = { name: o.callerName, phone: o.callerPhone }
    return {
      ...base,
      attachments: o.attachments,
      publicReply: o.publicReply,
      reply: o.replyText
        ? {
            text: base.callerMasked ? maskText(o.replyText, caller) : o.replyText,
            contactMethod: (o.contactMethod ?? 'other') as never,
            contactedAt: iso(o.contactedAt),
            repliedAt: iso(o.repliedAt) ?? o.updatedAt.toISOString(),
          }
        : null,
      kbArticle: o.kbArticleId ? { id: o.kbArticleId, title: o.kbTitle ?? '' } : null,
      pendingExtension: o.pendingExtension,
      workflowInstanceId: o.workflowInstanceId,
      viewerRole: role,
      actions: actionsFor(o.status, role, !!o.workflowInstanceId),
      timeline: events.map((e) => ({
        ...e,
        action: e.action as never,
        at: e.at.toISOString(),
        reason: e.reason && base.callerMasked ? maskText(e.reason, caller) : e.reason,
        data: base.callerMasked ? JSON.parse(maskText(JSON.stringify(e.data), caller)) : e.data,
      })),
    }
  }

  // --- writing helpers -----------------------------------------------------------------------------------
  async function event(
    tx: Tx,
    o: OrderRow,
    w: HotlineActor,
    action: string,
    to: OrderStatus | null,
    extra: {
      reason?: string | null
      data?: Record<string, unknown>
      attachments?: string[]
      unitId?: string | null
    } = {},
  ) {
    const unitId =
      extra.unitId !== undefined
        ? extra.unitId
        : w.kind === 'unit'
          ? ([o.unitId, ...o.coUnitIds].find((u) => u && w.departmentIds.includes(u)) ?? null)
          : null
    await repo.insertEvent(tx, {
      orderId: o.id,
      actorId: w.actor.id,
      actorKind: w.actor.kind,
      actorName: w.name,
      unitId,
      action,
      fromStatus: o.status,
      toStatus: to ?? o.status,
      reason: extra.reason ?? null,
      data: extra.data,
      attachments: extra.attachments,
    })
    await platform.files.attach(tx, extra.attachments ?? [], { subjectType: SUBJECT, subjectId: o.id })
  }

  async function audit(
    tx: Tx,
    w: HotlineActor,
    o: OrderRow,
    action: string,
    data: Record<string, unknown>,
    requestId?: string,
  ) {
    await recordAudit(tx, {
      actor: w.actor,
      action: `hotline.order.${action}`,
      resourceType: 'hotline_order',
      resourceId: o.id,
      divisionCode: o.divisionCode,
      requestId,
      data: { number: o.number, ...data },
    })
  }

  async function notifyUnits(tx: Tx, unitIds: (string | null)[], title: string, body: string, orderId: string) {
    const userIds = await repo.unitUserIds(
      tx,
      unitIds.filter((x): x is string => !!x),
    )
    await platform.notifications.send(tx, { userIds, title, body, link: `/hotline/orders/${orderId}` })
  }

  async function notifyCentre(tx: Tx, o: OrderRow, title: string, body: string) {
    const userIds = await repo.roleUserIds(tx, 'hotline_operator', o.divisionCode)
    await platform.notifications.send(tx, { userIds, title, body, link: `/hotline/orders/${o.id}` })
  }

  /** Takes the workflow action of this order as the hotline actor (engine checks roles, unit and guards). */
  async function transition(
    tx: Tx,
    w: HotlineActor,
    o: OrderRow,
    action: string,
    input: { comment?: string | null; data?: Record<string, unknown>; attachments?: string[] },
    now: Date,
    requestId?: string,
  ) {
    if (!o.workflowInstanceId) throw noWorkflow()
    const own = { ...input, origin: 'module' as const } // routing data the module checked itself
    return workflow.actInTx(tx, w.engine, w.actor, o.workflowInstanceId, action, own, now, requestId)
  }

  /** Runs one use case on a visible, locked order in one transaction, then returns the detail. */
  async function onOrder(
    w: HotlineActor,
    id: string,
    fn: (tx: Tx, o: OrderRow, role: ViewerRole, now: Date) => Promise<void>,
    opts: { leaves?: boolean } = {},
  ): Promise<OrderDetail> {
    await db.tx(async (tx) => {
      await visibleOrder(w, id, tx)
      const o = (await repo.lockOrder(tx, id))!
      await fn(tx, o, roleOf(o, w), new Date()).catch((err) => lostRace(tx, o, err))
    })
    return detail(w, id, opts.leaves)
  }

  const requireCentre = (role: ViewerRole) => {
    if (role !== 'centre') throw forbidden()
  }
  const requireMain = (role: ViewerRole, action: string) => {
    if (role === 'co_unit') throw notMainUnit({ action })
    if (role !== 'main_unit') throw forbidden()
  }
  const requireStatus = (o: OrderRow, allowed: OrderStatus[], action: string) => {
    if (!allowed.includes(o.status)) throw statusRefused(o, allowed, action)
  }

  // The platform's one attach check: the caller's own unattached upload, or a file the caller may read.
  const checkFiles = async (w: HotlineActor, ids: string[], path: string): Promise<Issue[]> =>
    (w.principal ? await platform.files.refused(w.principal, ids) : ids.map((_, i) => i)).map((i) => ({
      path: [path, i],
      message: '文件不存在或您无权使用',
    }))

  async function checkUnits(ids: string[], path: string): Promise<Issue[]> {
    const found = await unitRefs(ids)
    return ids.flatMap((u, i) =>
      found.has(u) ? [] : [{ path: path === 'unitId' ? [path] : [path, i], message: '承办单位不存在' }],
    )
  }

  // --- reference data (cached: changed only through the category and routing-rule admin below) --------------
  type CategoryRef = Category & { path: string }
  interface Reference {
    categories: Map<string, CategoryRef>
    rules: RuleRow[]
  }
  const referenceCache = platform.caches.cache<Reference>('hotline.reference')
  const referenceChanged = (tx: Tx) => platform.caches.invalidate(tx, 'hotline.reference')
  const reference = () =>
    referenceCache.get('all', async () => {
      const [categories, rules] = await Promise.all([repo.categories(db.pool), repo.rules(db.pool)])
      return { categories: new Map(categories.map((c) => [c.id, c])), rules }
    })
  const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1

  /**
   * The most specific rule for a category and division: the deepest category (a rule covers its subtree), then
   * the longest division prefix; rules without a category come last.
   */
  function bestRule(ref: Reference, categoryPath: string | null, divisionCode: string): RuleRow | null {
    let best: { rule: RuleRow; depth: number } | null = null
    for (const r of ref.rules) {
      if (!divisionCode.startsWith(r.divisionPrefix)) continue
      const cat = r.categoryId ? ref.categories.get(r.categoryId) : null
      if (r.categoryId && !(cat && categoryPath?.startsWith(cat.path))) continue
      const depth = cat ? depthOf(cat.path) : -1
      if (
        !best ||
        depth > best.depth ||
        (depth === best.depth && r.divisionPrefix.length > best.rule.divisionPrefix.length)
      )
        best = { rule: r, depth }
    }
    return best?.rule ?? null
  }
  /** 非受理范围指引 of the category or its nearest ancestor that has one. */
  function guidanceOf(ref: Reference, categoryPath: string): string | null {
    let found: { text: string; depth: number } | null = null
    for (const c of ref.categories.values())
      if (c.guidance && categoryPath.startsWith(c.path) && (!found || depthOf(c.path) > found.depth))
        found = { text: c.guidance, depth: depthOf(c.path) }
    return found?.text ?? null
  }

  // --- intake --------------------------------------------------------------------------------------------
  interface IntakeOpts {
    upstream?: { source: string; number: string }
    receivedAt?: Date
    directAnswer?: { answer: string; kbArticleId?: string | null }
    requestId?: string
  }
  /** A validated intake, ready to be written with others in one transaction. */
  interface PreparedIntake {
    w: HotlineActor
    input: ReturnType<typeof IntakeInputSchema.parse>
    category: CategoryRef | null
    divisionName: string
    receivedAt: Date
    opts: IntakeOpts
    /** Duplicate hints to look up in the batch (the operator console's), before this batch's orders exist. */
    probe?: DuplicateProbe | null
  }
  interface WrittenIntake {
    outcome: IntakeOutcome
    /** The order and its timeline as written (null for a repeated upstream transfer). */
    order: OrderRow | null
    events: Awaited<ReturnType<typeof repo.insertEvents>>
    duplicates: DuplicateCandidate[]
  }

  /** Validates an intake (400 with field issues) against cached reference data: no query on the usual path. */
  async function prepareIntake(w: HotlineActor, raw: unknown, opts: IntakeOpts): Promise<PreparedIntake> {
    const parsed = IntakeInputSchema.safeParse(raw)
    if (!parsed.success)
      throw fail(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })))
    const input = parsed.data
    const issues: Issue[] = []
    const [ref, divisionName] = await Promise.all([reference(), deps.directory.divisionName(input.divisionCode)])
    const category = input.categoryId ? (ref.categories.get(input.categoryId) ?? null) : null
    if (input.categoryId && !category?.active) issues.push({ path: ['categoryId'], message: '诉求分类不存在' })
    if (divisionName === null) issues.push({ path: ['divisionCode'], message: '行政区划代码不存在' })
    if ((input.lat === undefined) !== (input.lng === undefined))
      issues.push({ path: [input.lat === undefined ? 'lat' : 'lng'], message: '经纬度须同时填写' })
    issues.push(...(await checkFiles(w, input.attachments, 'attachments')))
    if (opts.directAnswer?.kbArticleId && !(await repo.article(db.pool, opts.directAnswer.kbArticleId)))
      issues.push({ path: ['directAnswer', 'kbArticleId'], message: '知识库条目不存在' })
    if (issues.length) throw fail(issues)
    return { w, input, category, divisionName: divisionName!, receivedAt: opts.receivedAt ?? new Date(), opts }
  }

  /**
   * Writes a batch of intakes in the caller's transaction, in a fixed number of statements whatever the count:
   * workflow instances and first tasks, then (holding the order-number counter until commit) the numbered orders,
   * their timelines, the audit rows and the outbox events. A repeated upstream order answers the one taken in.
   */
  async function writeIntakes(tx: Tx, items: PreparedIntake[]): Promise<WrittenIntake[]> {
    const out: (WrittenIntake | undefined)[] = new Array(items.length)
    // Transfer idempotency: orders already taken in, and repeats inside this batch, answer the first one.
    const upstreamKey = (u: { source: string; number: string }) => `${u.source}\u0000${u.number}`
    const upstream = items.flatMap((it) => (it.opts.upstream ? [it.opts.upstream] : []))
    const known = new Map(
      (await repo.ordersByUpstream(tx, upstream)).map((o) => [
        upstreamKey({ source: o.upstreamSource!, number: o.upstreamNumber! }),
        o,
      ]),
    )
    const firstInBatch = new Map<string, number>()
    const fresh: number[] = []
    items.forEach((it, i) => {
      const u = it.opts.upstream
      const seen = u ? known.get(upstreamKey(u)) : undefined
      if (seen) out[i] = { outcome: outcomeOf(seen, null, true), order: null, events: [], duplicates: [] }
      else if (u && firstInBatch.has(upstreamKey(u))) return
      else {
        if (u) firstInBatch.set(upstreamKey(u), i)
        fresh.push(i)
      }
    })

    // Duplicate hints first, in one statement for the batch: earlier orders only, as none of these exists yet.
    const hints = new Map<number, DuplicateCandidate[]>()
    const probing = fresh.filter((i) => items[i]!.probe)
    if (probing.length) {
      const found = await repo.duplicatesMany(
        tx,
        probing.map((i) => items[i]!.probe!),
      )
      for (const [k, i] of probing.entries()) hints.set(i, found[k]!)
    }

    if (fresh.length) {
      const s = await settings(tx)
      const rows = fresh.map((i) => {
        const { input, receivedAt } = items[i]!
        const handle = handleLimit(s, input.requestType, input.urgency)
        return {
          id: crypto.randomUUID(),
          token: trackingToken(),
          handle,
          due: computeDeadline(receivedAt, handle, calendar).dueAt,
          ack: ackLimit(s, input.urgency),
        }
      })
      await workflow.publish(tx, orderSpec, items[fresh[0]!]!.w.actor)
      // One start for the whole batch; each start transition records who took its call.
      const started = await workflow.startMany(
        tx,
        fresh.map((i, j) => {
          const { input, w } = items[i]!
          return {
            definitionKey: ORDER_DEFINITION,
            subjectType: SUBJECT,
            subjectId: rows[j]!.id,
            title: titleOf(input.description),
            divisionCode: input.divisionCode,
            applicantId: null,
            context: {
              sla: { handle: rows[j]!.handle, acknowledge: rows[j]!.ack },
              pauseOnExtension: s.timeLimits.pauseWhileExtensionPending,
            },
            actor: w.actor,
          }
        }),
        items[fresh[0]!]!.w.actor,
        new Date(),
        fresh.length === 1 ? items[fresh[0]!]!.opts.requestId : undefined,
      )
      // Numbers last: the counter row stays locked until commit. One allocation per received day (the pattern
      // may show the month), in arrival order.
      await flushBeforeCommit(tx)
      const numbers = new Array<string>(fresh.length)
      const byDay = new Map<string, number[]>()
      fresh.forEach((i, j) => {
        const day = cstDate(items[i]!.receivedAt)
        byDay.set(day, [...(byDay.get(day) ?? []), j])
      })
      for (const js of byDay.values()) {
        const got = await allocateDocNumbers(tx, 'hotline.order', items[fresh[js[0]!]!]!.receivedAt, js.length)
        js.forEach((j, k) => {
          numbers[j] = got[k]!.number
        })
      }
      const orders = await repo.insertOrders(
        tx,
        fresh.map((i, j) => {
          const { w, input, category, receivedAt, opts } = items[i]!
          return {
            id: rows[j]!.id,
            number: numbers[j]!,
            source: 'live' as const,
            channel: input.channel,
            upstreamSource: opts.upstream?.source ?? null,
            upstreamNumber: opts.upstream?.number ?? null,
            callerName: input.callerName,
            callerPhone: input.callerPhone,
            confidential: input.confidential,
            requestType: input.requestType,
            urgency: input.urgency,
            categoryId: category?.id ?? null,
            topCategoryId: category ? category.path.split('/')[1]! : null,
            divisionCode: input.divisionCode,
            townCode: townOf(input.divisionCode),
            address: input.address,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            title: titleOf(input.description),
            description: input.description,
            attachments: input.attachments,
            enterpriseUscc: input.enterpriseUscc ?? null,
            status: 'dispatching' as const,
            publicStatus: 'received' as const,
            receivedAt,
            dueAt: rows[j]!.due,
            trackingHash: sha256(rows[j]!.token),
            workflowInstanceId: started[j]!.id,
            createdBy: w.actor.kind === 'user' ? w.actor.id : null,
          }
        }),
      )
      const events = await repo.insertEvents(
        tx,
        fresh.map((i, j) => {
          const { w, input, category, opts } = items[i]!
          return {
            orderId: orders[j]!.id,
            actorId: w.actor.id,
            actorKind: w.actor.kind,
            actorName: w.name,
            unitId: null,
            action: opts.upstream ? 'transfer_in' : 'intake',
            fromStatus: 'dispatching',
            toStatus: 'dispatching',
            data: {
              channel: input.channel,
              requestType: input.requestType,
              urgency: input.urgency,
              categoryId: category?.id ?? null,
              ...(opts.upstream ? { source: opts.upstream.source, upstreamNumber: opts.upstream.number } : {}),
            },
            attachments: input.attachments,
          }
        }),
      )
      await recordAuditMany(
        tx,
        fresh.map((i, j) => {
          const { w, input, opts } = items[i]!
          const o = orders[j]!
          return {
            actor: w.actor,
            action: 'hotline.order.intake',
            resourceType: 'hotline_order',
            resourceId: o.id,
            divisionCode: o.divisionCode,
            requestId: opts.requestId,
            data: { number: o.number, channel: input.channel, upstream: opts.upstream ?? null },
          }
        }),
      )
      for (const [j, i] of fresh.entries()) {
        const o = orders[j]!
        const { w, input, opts } = items[i]!
        await platform.files.attach(tx, input.attachments, { subjectType: SUBJECT, subjectId: o.id })
        await platform.events.enqueue(tx, 'hotline.order.received', {
          orderId: o.id,
          number: o.number,
          divisionCode: input.divisionCode,
          channel: input.channel,
        })
        // 直办: answered from the knowledge base on the spot (the rare path, one order at a time).
        if (opts.directAnswer) {
          await closeDirect(tx, w, o, opts.directAnswer, new Date(), opts.requestId)
          out[i] = {
            outcome: outcomeOf((await repo.lockOrder(tx, o.id))!, rows[j]!.token, false),
            order: null,
            events: [],
            duplicates: [],
          }
          continue
        }
        out[i] = {
          outcome: outcomeOf(o, rows[j]!.token, false),
          order: o,
          events: [events[j]!],
          duplicates: hints.get(i) ?? [],
        }
      }
    }
    // Repeats inside the batch answer the order their first copy created.
    return items.map((it, i) => {
      if (out[i]) return out[i]!
      const first = out[firstInBatch.get(upstreamKey(it.opts.upstream!))!]!
      return {
        outcome: { ...first.outcome, trackingToken: null, duplicate: true },
        order: null,
        events: [],
        duplicates: [],
      }
    })
  }

  // Intakes arriving while a batch is being written go together in the next one (group commit).
  const intakeQueue = groupCommit(db, writeIntakes)

  async function intakeCore(w: HotlineActor, raw: unknown, opts: IntakeOpts = {}): Promise<WrittenIntake> {
    return intakeQueue.submit(await prepareIntake(w, raw, opts))
  }

  const outcomeOf = (o: OrderRow, token: string | null, duplicate: boolean): IntakeOutcome => ({
    id: o.id,
    number: o.number,
    trackingToken: token,
    status: o.status,
    publicStatus: o.publicStatus,
    receivedAt: o.receivedAt.toISOString(),
    duplicate,
  })

  async function closeDirect(
    tx: Tx,
    w: HotlineActor,
    o: OrderRow,
    input: { answer: string; kbArticleId?: string | null },
    now: Date,
    requestId?: string,
  ) {
    requireStatus(o, ['dispatching'], '直接答复')
    await transition(
      tx,
      w,
      o,
      'direct_answer',
      { comment: input.answer, data: { kbArticleId: input.kbArticleId ?? null } },
      now,
      requestId,
    )
    await repo.updateOrder(tx, o.id, {
      status: 'closed_direct',
      publicStatus: 'closed',
      publicReply: input.answer,
      replyText: input.answer,
      contactMethod: 'phone',
      repliedAt: now,
      kbArticleId: input.kbArticleId ?? null,
      closedAt: now,
      closedOnTime: true,
    })
    await event(tx, o, w, 'direct_answer', 'closed_direct', {
      reason: input.answer,
      data: { kbArticleId: input.kbArticleId ?? null },
    })
    await platform.events.enqueue(tx, 'hotline.order.closed', { orderId: o.id, status: 'closed_direct' })
  }

  async function suggestion(categoryId: string, divisionCode: string): Promise<RoutingSuggestion> {
    const ref = await reference()
    const cat = ref.categories.get(categoryId)
    if (!cat) throw categoryNotFound()
    const rule = bestRule(ref, cat.path, divisionCode)
    const rules = rule ? await ruleDtos([rule]) : []
    return {
      rule: rules[0] ?? null,
      unit: rules[0]?.unit ?? null,
      coUnits: rules[0]?.coUnits ?? [],
      guidance: guidanceOf(ref, cat.path),
    }
  }

  async function ruleDtos(rules: RuleRow[]) {
    const units = await unitRefs(rules.flatMap((r) => [r.unitId, ...r.coUnitIds]))
    return rules.map((r) => ({
      id: r.id,
      categoryId: r.categoryId,
      categoryName: r.categoryName,
      divisionPrefix: r.divisionPrefix,
      unit: units.get(r.unitId)!,
      coUnits: r.coUnitIds.flatMap((u) => (units.get(u) ? [units.get(u)!] : [])),
      note: r.note,
    }))
  }

  // Duplicate hints of intakes arriving together go to the database as one statement.
  const duplicateLookup = coalesce((probes: DuplicateProbe[]) => repo.duplicatesMany(db.pool, probes))

  type DuplicateQuery = {
    callerPhone?: string
    categoryId?: string | null
    divisionCode?: string
    address?: string
    lat?: number
    lng?: number
    excludeId?: string
    days?: number
  }
  /** The lookup of orders that look like the same matter, or null when there is nothing to look by. */
  async function duplicateProbe(w: HotlineActor, f: DuplicateQuery): Promise<DuplicateProbe | null> {
    if (!f.callerPhone && !f.address && f.lat === undefined) return null
    const s = await settings()
    return {
      phone: f.callerPhone ?? null,
      categoryId: f.categoryId ?? null,
      divisionCode: f.divisionCode ?? null,
      address: f.address ?? null,
      lat: f.lat ?? null,
      lng: f.lng ?? null,
      excludeId: f.excludeId ?? null,
      windowDays: f.days ?? s.duplicates.windowDays,
      radiusMetres: s.duplicates.radiusMetres,
      scopes: w.kind === 'unit' ? [''] : w.scopes,
    }
  }

  async function duplicates(w: HotlineActor, f: DuplicateQuery): Promise<DuplicateCandidate[]> {
    const probe = await duplicateProbe(w, f)
    return probe ? duplicateLookup(probe) : []
  }

  // --- knowledge base ------------------------------------------------------------------------------------
  const articleDto = (a: ArticleRow) => ({
    id: a.id,
    title: a.title,
    content: a.content,
    keywords: a.keywords,
    categoryId: a.categoryId,
    categoryName: a.categoryName,
    active: a.active,
    updatedAt: a.updatedAt.toISOString(),
  })
  const articleTokens = (a: { title: string; content: string; keywords: string[] }) => ({
    title: searchTokens(`${a.title} ${a.keywords.join(' ')}`).join(' '),
    content: searchTokens(a.content).join(' '),
  })

  async function saveArticle(w: HotlineActor, id: string | null, input: SaveKbArticle, requestId?: string) {
    if (input.categoryId && !(await repo.category(db.pool, input.categoryId)))
      throw fail([{ path: ['categoryId'], message: '诉求分类不存在' }])
    const row = {
      title: input.title,
      content: input.content,
      keywords: input.keywords ?? [],
      categoryId: input.categoryId ?? null,
      active: input.active ?? true,
    }
    const articleId = await db.tx(async (tx) => {
      let aid = id
      if (aid) {
        if (!(await repo.updateArticle(tx, aid, row, articleTokens(row)))) throw articleNotFound()
      } else aid = await repo.insertArticle(tx, { ...row, createdBy: w.userId }, articleTokens(row))
      await recordAudit(tx, {
        actor: w.actor,
        action: id ? 'hotline.kb.update' : 'hotline.kb.create',
        resourceType: 'hotline_kb_article',
        resourceId: aid,
        requestId,
        data: { title: row.title },
      })
      return aid
    })
    return articleDto((await repo.article(db.pool, articleId))!)
  }

  // --- categories ----------------------------------------------------------------------------------------
  async function categoryTree(includeInactive: boolean) {
    const all = (await repo.categories(db.pool)).filter((c) => includeInactive || c.active)
    const nodes = new Map<string, CategoryNode>()
    for (const { path: _p, ...c } of all) nodes.set(c.id, { ...c, children: [] })
    const roots: CategoryNode[] = []
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : null
      if (parent) parent.children.push(n)
      else if (!n.parentId) roots.push(n)
    }
    return { items: roots, total: nodes.size }
  }

  async function createCategory(tx: Tx, actor: Actor, input: CreateCategory): Promise<Category> {
    await referenceChanged(tx)
    if (input.parentId && !(await repo.category(tx, input.parentId)))
      throw fail([{ path: ['parentId'], message: '上级分类不存在' }])
    try {
      await tx.query('savepoint hotline_category')
      const c = await repo.insertCategory(tx, {
        parentId: input.parentId ?? null,
        code: input.code,
        name: input.name,
        guidance: input.guidance ?? null,
        sort: input.sort ?? 0,
      })
      await tx.query('release savepoint hotline_category')
      await recordAudit(tx, {
        actor,
        action: 'hotline.category.create',
        resourceType: 'hotline_category',
        resourceId: c.id,
        data: { code: c.code, name: c.name },
      })
      return c
    } catch (err) {
      if (pgErrorCode(err) === '23505') {
        await tx.query('rollback to savepoint hotline_category')
        throw categoryCodeTaken({ code: input.code })
      }
      throw err
    }
  }

  async function createRule(tx: Tx, actor: Actor, input: CreateRoutingRule) {
    await referenceChanged(tx)
    const issues: Issue[] = []
    if (input.categoryId && !(await repo.category(tx, input.categoryId)))
      issues.push({ path: ['categoryId'], message: '诉求分类不存在' })
    if ((await deps.directory.divisionName(input.divisionPrefix)) === null)
      issues.push({ path: ['divisionPrefix'], message: '行政区划代码不存在' })
    issues.push(
      ...(await checkUnits([input.unitId], 'unitId')),
      ...(await checkUnits(input.coUnitIds ?? [], 'coUnitIds')),
    )
    if (issues.length) throw fail(issues)
    try {
      await tx.query('savepoint hotline_rule')
      const id = await repo.insertRule(tx, {
        categoryId: input.categoryId,
        divisionPrefix: input.divisionPrefix,
        unitId: input.unitId,
        coUnitIds: (input.coUnitIds ?? []).filter((u) => u !== input.unitId),
        note: input.note ?? null,
      })
      await tx.query('release savepoint hotline_rule')
      await recordAudit(tx, {
        actor,
        action: 'hotline.rule.create',
        resourceType: 'hotline_routing_rule',
        resourceId: id,
        divisionCode: input.divisionPrefix,
        data: { categoryId: input.categoryId, unitId: input.unitId },
      })
      return id
    } catch (err) {
      if (pgErrorCode(err) === '23505') {
        await tx.query('rollback to savepoint hotline_rule')
        throw ruleExists()
      }
      throw err
    }
  }

  // --- public --------------------------------------------------------------------------------------------
  const PUBLIC_ACTOR: HotlineActor = {
    actor: { kind: 'anonymous', id: null, username: 'public' },
    engine: { kind: 'user', userId: null, roles: [], departmentIds: [], scopes: [] },
    name: '网上诉求（群众）',
    kind: 'reader',
    userId: null,
    scopes: [''],
    departmentIds: [],
  }

  async function publicOrderDto(o: OrderRow): Promise<PublicOrder> {
    return {
      id: o.id,
      publicId: o.publicId,
      number: o.number,
      status: o.status,
      open: !isClosed(o.status),
      publicStatus: o.publicStatus,
      requestType: o.requestType,
      categoryId: o.categoryId,
      categoryCode: o.categoryCode ?? null,
      categoryName: o.categoryName ?? null,
      description: redactPersonalData(o.description, [o.callerName]),
      divisionCode: o.divisionCode,
      address: o.address,
      lat: o.lat,
      lng: o.lng,
      unitName: o.unitName ?? null,
      publicReply: o.publicReply,
      mergedIntoNumber: o.mergedIntoNumber ?? null,
      attachments: o.attachments,
      receivedAt: o.receivedAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      dueAt: iso(o.dueAt),
      closedAt: iso(o.closedAt),
    }
  }

  const MILESTONE: Record<string, (e: { unit: UnitRef | null }) => string> = {
    intake: () => '诉求已受理',
    transfer_in: () => '诉求已受理（上级平台转办）',
    dispatch: (e) => `已转交${e.unit?.name ?? '承办单位'}办理`,
    acknowledge: () => '承办单位已签收',
    return: () => '重新分派承办单位',
    reopen: () => '回访后重新办理',
    review_accept: () => '承办单位已答复',
    direct_answer: () => '已直接答复并办结',
    close: () => '已办结',
    merge: () => '已与同类诉求合并办理',
    decline: () => '不属于受理范围，已告知办理途径',
  }

  return {
    /** Publishes the work-order workflow definition (seed, idempotent). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, orderSpec, actor)
    },

    /** Locality settings (time limits, duplicate window, statistics formulas) over the Shandong defaults. */
    settings: () => settings(),
    async updateSettings(actor: Actor, patch: Partial<HotlineSettings>) {
      const next = mergeSettings({ ...(await settings()), ...patch })
      HotlineSettingsSchema.parse(next)
      await platform.settings.set(actor, SETTINGS_KEY, next)
      return next
    },
    DEFAULT_SETTINGS,

    /**
     * Takes an order in from any channel (operator console, public web form, upstream transfer, Open311) as the
     * given actor: validates it (400 with field issues), starts its workflow, numbers it and records the timeline.
     * With `upstream`, the same (source, number) twice gives one order (the second call returns it, duplicate).
     */
    async intake(
      actor: HotlineActor,
      input: IntakeInput,
      opts: { upstream?: { source: string; number: string }; receivedAt?: Date; requestId?: string } = {},
    ): Promise<IntakeOutcome> {
      try {
        return (await intakeCore(actor, input, opts)).outcome
      } catch (err) {
        // Two transfers of the same upstream order at once: the unique index lets one in; return it to the other.
        if (opts.upstream && pgErrorCode(err) === '23505') {
          const o = await repo.orderByUpstream(db.pool, opts.upstream.source, opts.upstream.number)
          if (o) return outcomeOf(o, null, true)
        }
        throw err
      }
    },

    /**
     * Operator console intake (phone); with `directAnswer` it closes on the spot (直办). Answers the order as
     * written, the routing suggestion and earlier orders that look like the same matter.
     */
    async intakeByOperator(p: Principal, actor: Actor, input: IntakeParsed, requestId?: string) {
      const w = hotlineActorOf(p, actor)
      const { directAnswer, ...rest } = input
      const prepared = await prepareIntake(w, rest, { directAnswer, requestId })
      prepared.probe = directAnswer
        ? null
        : await duplicateProbe(w, {
            callerPhone: input.callerPhone,
            categoryId: input.categoryId,
            divisionCode: input.divisionCode,
            address: input.address,
            lat: input.lat,
            lng: input.lng,
          })
      const written = await intakeQueue.submit(prepared)
      const o = written.order
      return {
        order: o
          ? await detailOf(
              {
                ...o,
                categoryCode: prepared.category?.code,
                categoryName: prepared.category?.name,
                categoryPath: prepared.category?.pathName,
                divisionName: prepared.divisionName,
              },
              written.events,
              w,
            )
          : await detail(w, written.outcome.id),
        suggestion: input.categoryId && !directAnswer ? await suggestion(input.categoryId, input.divisionCode) : null,
        duplicates: written.duplicates,
      }
    },

    /** Upstream platform transfer (API key); 201 for a new order, 200 with the same order for a repeat. */
    async transfer(p: Principal, actor: Actor, input: Transfer, requestId?: string) {
      const { source, upstreamNumber, receivedAt, ...rest } = input
      const w = hotlineActorOf(p, actor)
      const out = await this.intake(
        w,
        { ...rest, categoryId: rest.categoryId ?? null, channel: 'transfer' },
        {
          upstream: { source, number: upstreamNumber },
          receivedAt: receivedAt ? new Date(receivedAt) : undefined,
          requestId,
        },
      )
      return {
        id: out.id,
        number: out.number,
        status: out.status,
        publicStatus: out.publicStatus,
        duplicate: out.duplicate,
      }
    },

    /** Public web form (anonymous); returns the number and a tracking token shown once. */
    async submitPublic(input: PublicSubmit, requestId?: string) {
      const { outcome: out } = await intakeCore(
        PUBLIC_ACTOR,
        { ...input, categoryId: input.categoryId ?? null, channel: 'web', urgency: 'normal', attachments: [] },
        { requestId },
      )
      return {
        number: out.number,
        trackingToken: out.trackingToken!,
        publicStatus: out.publicStatus,
        receivedAt: out.receivedAt,
      }
    },

    /** Intake batches written so far (group commit): for the benchmark and operations. */
    intakeStats: () => intakeQueue.stats(),

    /** Public tracking by token, or number + last 4 digits of the phone: public outcome and milestones only. */
    async track(q: { token?: string; number?: string; phoneLast4?: string }): Promise<PublicTrack> {
      const o = q.token
        ? await repo.orderForTracking(db.pool, { trackingHash: sha256(q.token) })
        : await repo.orderForTracking(db.pool, {
            numbers: trackingNumberCandidates(q.number!),
            phoneLast4: q.phoneLast4!,
          })
      if (!o) throw trackNotFound()
      const events = await repo.events(db.pool, o.id)
      return {
        number: o.number,
        requestType: o.requestType,
        categoryName: o.categoryName ?? null,
        receivedAt: o.receivedAt.toISOString(),
        publicStatus: o.publicStatus,
        publicStatusName: PUBLIC_STATUS_NAMES[o.publicStatus],
        publicReply: o.publicReply,
        closedAt: iso(o.closedAt),
        mergedIntoNumber: o.mergedIntoNumber ?? null,
        milestones: events
          .filter((e) => MILESTONE[e.action])
          .map((e) => ({ at: e.at.toISOString(), label: MILESTONE[e.action]!(e) })),
      }
    },

    /** Orders for public listings (Open311 GET): public fields only, caller data never included. */
    async listPublicOrders(filter: PublicOrderFilter = {}): Promise<PublicOrder[]> {
      return Promise.all((await repo.publicOrders(db.pool, filter)).map(publicOrderDto))
    },
    /** One order in its public form, or null. */
    async getPublicOrder(id: string): Promise<PublicOrder | null> {
      const [o] = await repo.publicOrders(db.pool, { ids: [id], limit: 1 })
      return o ? publicOrderDto(o) : null
    },

    async list(p: Principal, actor: Actor, f: OrderListQuery) {
      const w = hotlineActorOf(p, actor)
      const r = await repo.listOrders(db.pool, visibilityOf(w), {
        ...f,
        supervised: f.supervised === undefined ? undefined : f.supervised === 'true',
        returned: f.returned === undefined ? undefined : f.returned === 'true',
        enterpriseUscc: f.enterpriseUscc,
        source: f.source,
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      })
      const units = await unitRefs(r.items.flatMap((o) => [...(o.unitId ? [o.unitId] : []), ...o.coUnitIds]))
      return { total: r.total, items: r.items.map((o) => toOrderDto(o, w, units)) }
    },

    /** The order with its timeline and what the caller may do now; 404 outside the caller's visibility. */
    async get(p: Principal, actor: Actor, id: string) {
      return detail(hotlineActorOf(p, actor), id)
    },
    detailAs: detail,

    async suggestion(_p: Principal, q: { categoryId: string; divisionCode: string }) {
      return suggestion(q.categoryId, q.divisionCode)
    },

    async duplicates(p: Principal, actor: Actor, q: Parameters<typeof duplicates>[1]) {
      const items = await duplicates(hotlineActorOf(p, actor), q)
      return { items, total: items.length }
    },

    // --- centre: dispatch -----------------------------------------------------------------------------
    async dispatch(
      w: HotlineActor,
      id: string,
      input: { unitId: string; coUnitIds?: string[]; categoryId?: string; note?: string },
      requestId?: string,
    ) {
      const coUnitIds = [...new Set(input.coUnitIds ?? [])].filter((u) => u !== input.unitId)
      const issues = [...(await checkUnits([input.unitId], 'unitId')), ...(await checkUnits(coUnitIds, 'coUnitIds'))]
      const category = input.categoryId ? await repo.category(db.pool, input.categoryId) : null
      if (input.categoryId && !category) issues.push({ path: ['categoryId'], message: '诉求分类不存在' })
      if (issues.length) throw fail(issues)
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['dispatching'], '派单')
        const s = await settings(tx)
        const ackDueAt = computeDeadline(now, ackLimit(s, o.urgency), calendar).dueAt
        await transition(
          tx,
          w,
          o,
          'dispatch',
          { comment: input.note ?? null, data: { unitId: input.unitId } },
          now,
          requestId,
        )
        await repo.updateOrder(tx, o.id, {
          unitId: input.unitId,
          coUnitIds,
          dispatchedAt: now,
          ackDueAt,
          acknowledgedAt: null,
          respondedOnTime: null,
          status: 'pending_ack',
          publicStatus: 'processing',
          ...(category ? { categoryId: category.id, topCategoryId: category.path.split('/')[1]! } : {}),
        })
        await event(tx, o, w, 'dispatch', 'pending_ack', {
          reason: input.note ?? null,
          data: { unitId: input.unitId, coUnitIds, ackDueAt: ackDueAt.toISOString(), categoryId: category?.id },
          unitId: input.unitId,
        })
        await audit(tx, w, o, 'dispatch', { unitId: input.unitId, coUnitIds }, requestId)
        await notifyUnits(tx, [input.unitId], '新的12345工单待签收', `${o.number} ${o.title}`, o.id)
        if (coUnitIds.length) await notifyUnits(tx, coUnitIds, '12345工单协办', `${o.number} ${o.title}（协办）`, o.id)
        await platform.events.enqueue(tx, 'hotline.order.dispatched', { orderId: o.id, unitId: input.unitId })
      })
    },

    async directAnswer(
      w: HotlineActor,
      id: string,
      input: { answer: string; kbArticleId?: string | null },
      requestId?: string,
    ) {
      if (input.kbArticleId && !(await repo.article(db.pool, input.kbArticleId)))
        throw fail([{ path: ['kbArticleId'], message: '知识库条目不存在' }])
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        await closeDirect(tx, w, o, input, now, requestId)
        await audit(tx, w, o, 'direct_answer', { kbArticleId: input.kbArticleId ?? null }, requestId)
      })
    },

    /** Merges a duplicate into a main order: it closes with a public outcome pointing at the main one. */
    async merge(w: HotlineActor, id: string, input: { intoId: string; reason: string }, requestId?: string) {
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['dispatching', 'pending_ack', 'handling'], '合并')
        if (input.intoId === o.id) throw mergeTarget({ reason: '不能合并到自身' })
        const target = await repo.order(tx, input.intoId, visibilityOf(w))
        if (!target) throw mergeTarget({ reason: '目标工单不存在' })
        if (target.status === 'merged') throw mergeTarget({ reason: '目标工单本身已被合并' })
        await transition(
          tx,
          w,
          o,
          'merge',
          { comment: input.reason, data: { mergedIntoId: target.id } },
          now,
          requestId,
        )
        await repo.updateOrder(tx, o.id, {
          status: 'merged',
          publicStatus: 'closed',
          mergedIntoId: target.id,
          closedAt: now,
          publicReply: `您反映的问题已与工单 ${target.number} 合并办理，办理结果请查询工单 ${target.number}。`,
        })
        await event(tx, o, w, 'merge', 'merged', {
          reason: input.reason,
          data: { intoId: target.id, intoNumber: target.number },
        })
        await repo.insertEvent(tx, {
          orderId: target.id,
          actorId: w.actor.id,
          actorKind: w.actor.kind,
          actorName: w.name,
          unitId: null,
          action: 'merged_in',
          fromStatus: target.status,
          toStatus: target.status,
          reason: input.reason,
          data: { fromId: o.id, fromNumber: o.number },
        })
        await audit(tx, w, o, 'merge', { intoId: target.id }, requestId)
      })
    },

    /** 不予受理 with guidance (非受理范围). */
    async decline(w: HotlineActor, id: string, input: { reason: string }, requestId?: string) {
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['dispatching'], '不予受理')
        await transition(tx, w, o, 'decline', { comment: input.reason }, now, requestId)
        await repo.updateOrder(tx, o.id, {
          status: 'declined',
          publicStatus: 'closed',
          publicReply: input.reason,
          closedAt: now,
        })
        await event(tx, o, w, 'decline', 'declined', { reason: input.reason })
        await audit(tx, w, o, 'decline', {}, requestId)
      })
    },

    // --- unit side ------------------------------------------------------------------------------------
    async acknowledge(w: HotlineActor, id: string, requestId?: string) {
      return onOrder(w, id, async (tx, o, role, now) => {
        requireMain(role, '签收')
        if (o.status !== 'pending_ack') {
          if (o.acknowledgedAt) throw alreadyAcknowledged()
          requireStatus(o, ['pending_ack'], '签收')
        }
        await transition(tx, w, o, 'acknowledge', {}, now, requestId)
        await repo.updateOrder(tx, o.id, {
          status: 'handling',
          acknowledgedAt: now,
          respondedOnTime: !o.ackDueAt || now <= o.ackDueAt,
          // A red card for late 签收 stays on the timeline; the card now shows the handling limit.
          slaFlag: handlingFlag(now, o.dueAt, handleLimit(await settings(tx), o.requestType, o.urgency), calendar),
        })
        await event(tx, o, w, 'acknowledge', 'handling')
        await audit(tx, w, o, 'acknowledge', {}, requestId)
      })
    },

    /** 退单: back to the centre for re-routing, within the return limit (working days from dispatch). */
    async returnOrder(w: HotlineActor, id: string, input: { reason: string }, requestId?: string) {
      return onOrder(
        w,
        id,
        async (tx, o, role, now) => {
          requireMain(role, '退单')
          requireStatus(o, ['pending_ack', 'handling'], '退单')
          const days = (await settings(tx)).timeLimits.returnWorkdays
          const limit = endOfCstDay(calendar.addWorkdays(cstDate(o.dispatchedAt ?? now), days).date)
          if (now > limit) throw returnTooLate({ days })
          await transition(tx, w, o, 'return', { comment: input.reason, data: { unitId: null } }, now, requestId)
          await repo.updateOrder(tx, o.id, {
            status: 'dispatching',
            publicStatus: 'received',
            unitId: null,
            coUnitIds: [],
            acknowledgedAt: null,
            ackDueAt: null,
            respondedOnTime: null,
            dispatchedAt: null,
            returnCount: o.returnCount + 1,
            lastReturnedAt: now,
            lastReturnReason: input.reason,
          })
          await event(tx, o, w, 'return', 'dispatching', { reason: input.reason })
          await audit(tx, w, o, 'return', { unitId: o.unitId }, requestId)
          await notifyCentre(tx, o, '12345工单被退回', `${o.number} 退单理由：${input.reason}`)
        },
        { leaves: true },
      )
    },

    /** 延期申请: before the deadline, at most the configured working days; the clock pauses while pending. */
    async requestExtension(w: HotlineActor, id: string, input: { days: number; reason: string }, requestId?: string) {
      return onOrder(w, id, async (tx, o, role, now) => {
        requireMain(role, '申请延期')
        requireStatus(o, ['handling'], '申请延期')
        const s = await settings(tx)
        if (o.dueAt && now > o.dueAt) throw extensionTooLate()
        if (input.days > s.timeLimits.extensionMaxWorkdays)
          throw extensionTooLong({ max: s.timeLimits.extensionMaxWorkdays })
        await transition(
          tx,
          w,
          o,
          'request_extension',
          {
            comment: input.reason,
            data: { extensionDays: input.days, pauseOnExtension: s.timeLimits.pauseWhileExtensionPending },
          },
          now,
          requestId,
        )
        await repo.updateOrder(tx, o.id, {
          status: 'extension_review',
          pendingExtension: { days: input.days, reason: input.reason, requestedAt: now.toISOString() },
        })
        await event(tx, o, w, 'extension_request', 'extension_review', {
          reason: input.reason,
          data: { days: input.days },
        })
        await audit(tx, w, o, 'extension_request', { days: input.days }, requestId)
        await notifyCentre(tx, o, '12345工单延期申请', `${o.number} 申请延期 ${input.days} 个工作日：${input.reason}`)
      })
    },

    async decideExtension(
      w: HotlineActor,
      id: string,
      input: { approve: boolean; days?: number; comment?: string },
      requestId?: string,
    ) {
      if (!input.approve && !input.comment?.trim()) throw fail([{ path: ['comment'], message: '驳回延期须填写理由' }])
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['extension_review'], '延期审核')
        const requested = o.pendingExtension?.days ?? 0
        const days = Math.min(input.days ?? requested, requested)
        const inst = await transition(
          tx,
          w,
          o,
          input.approve ? 'approve_extension' : 'refuse_extension',
          { comment: input.comment ?? null, data: { extensionDays: input.approve ? days : 0 } },
          now,
          requestId,
        )
        const dueAt = inst.dueAt ?? o.dueAt
        await repo.updateOrder(tx, o.id, {
          status: 'handling',
          pendingExtension: null,
          dueAt,
          extensionDays: o.extensionDays + (input.approve ? days : 0),
          slaFlag: dueAt && now > dueAt ? 'overdue' : input.approve ? 'on_track' : o.slaFlag,
        })
        await event(tx, o, w, input.approve ? 'extension_approve' : 'extension_refuse', 'handling', {
          reason: input.comment ?? null,
          data: { days: input.approve ? days : 0, dueAt: iso(dueAt) },
        })
        await audit(tx, w, o, input.approve ? 'extension_approve' : 'extension_refuse', { days }, requestId)
        await notifyUnits(
          tx,
          [o.unitId],
          input.approve ? '延期申请已批准' : '延期申请未批准',
          `${o.number} ${input.approve ? `办理期限延至 ${dueAt ? cstDate(dueAt) : ''}` : (input.comment ?? '')}`,
          o.id,
        )
      })
    },

    async reply(w: HotlineActor, id: string, input: Reply, requestId?: string) {
      const issues = await checkFiles(w, input.attachments ?? [], 'attachments')
      if (issues.length) throw fail(issues)
      return onOrder(w, id, async (tx, o, role, now) => {
        requireMain(role, '办理反馈')
        requireStatus(o, ['handling'], '办理反馈')
        const comment = { comment: input.text, attachments: input.attachments ?? [] }
        await transition(tx, w, o, 'reply', comment, now, requestId)
        await repo.updateOrder(tx, o.id, {
          status: 'reviewing',
          replyText: input.text,
          contactMethod: input.contactMethod,
          contactedAt: input.contactedAt ? new Date(input.contactedAt) : null,
          repliedAt: now,
        })
        await event(tx, o, w, 'reply', 'reviewing', {
          reason: input.text,
          data: { contactMethod: input.contactMethod, contactedAt: input.contactedAt ?? null },
          attachments: input.attachments ?? [],
        })
        await audit(tx, w, o, 'reply', {}, requestId)
      })
    },

    // --- centre: review and follow-up -----------------------------------------------------------------
    async review(
      w: HotlineActor,
      id: string,
      input: { accept: boolean; reason?: string; publicReply?: string },
      requestId?: string,
    ) {
      if (!input.accept && !input.reason?.trim()) throw fail([{ path: ['reason'], message: '退回须填写理由' }])
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['reviewing'], '审核')
        if (input.accept) {
          await transition(tx, w, o, 'accept', { comment: input.reason ?? null }, now, requestId)
          await repo.updateOrder(tx, o.id, {
            status: 'followup',
            publicStatus: 'replied',
            publicReply: input.publicReply?.trim() || o.replyText,
          })
          await event(tx, o, w, 'review_accept', 'followup', { reason: input.reason ?? null })
        } else {
          await transition(tx, w, o, 'send_back', { comment: input.reason! }, now, requestId)
          await repo.updateOrder(tx, o.id, { status: 'handling' })
          await event(tx, o, w, 'review_reject', 'handling', { reason: input.reason! })
          await notifyUnits(tx, [o.unitId], '12345工单答复被退回', `${o.number}：${input.reason}`, o.id)
        }
        await audit(tx, w, o, input.accept ? 'review_accept' : 'review_reject', {}, requestId)
      })
    },

    /**
     * 回访: satisfied / basically satisfied / unreachable close the order; unsatisfied reopens it (重办) with a fresh
     * limit, and unsatisfied again after a reopen also issues a 督办 (supervision) — unless `closeAnyway`.
     */
    async followUp(w: HotlineActor, id: string, input: FollowUp, requestId?: string) {
      return onOrder(w, id, async (tx, o, role, now) => {
        requireCentre(role)
        requireStatus(o, ['followup'], '回访')
        const solved = input.solved ?? (input.result === 'satisfied' || input.result === 'basically_satisfied')
        await event(tx, o, w, 'followup', o.status, {
          reason: input.note ?? null,
          data: { result: input.result, solved },
        })
        if (input.result === 'unsatisfied' && !input.closeAnyway) {
          const s = await settings(tx)
          const dueAt = computeDeadline(now, handleLimit(s, o.requestType, o.urgency), calendar).dueAt
          await workflow.moveDeadline(tx, o.workflowInstanceId!, dueAt, now)
          await transition(tx, w, o, 'reopen', { comment: input.note || '回访不满意，重新办理' }, now, requestId)
          const supervise = o.reopenCount >= 1
          await repo.updateOrder(tx, o.id, {
            status: 'handling',
            publicStatus: 'processing',
            followupResult: 'unsatisfied',
            followupAt: now,
            solved,
            reopenCount: o.reopenCount + 1,
            dueAt,
            slaFlag: 'on_track',
            repliedAt: null,
            supervised: o.supervised || supervise,
          })
          await event(tx, o, w, 'reopen', 'handling', {
            reason: input.note || '回访不满意，重新办理',
            data: { reopenCount: o.reopenCount + 1, dueAt: dueAt.toISOString() },
            unitId: o.unitId,
          })
          await notifyUnits(tx, [o.unitId], '12345工单重办', `${o.number} 回访不满意，请重新办理`, o.id)
          if (supervise) await superviseIn(tx, w, o, '重办后回访仍不满意，发督办单', requestId)
        } else {
          await transition(tx, w, o, 'close', { comment: input.note ?? null }, now, requestId)
          await repo.updateOrder(tx, o.id, {
            status: 'closed',
            publicStatus: 'closed',
            followupResult: input.result,
            followupAt: now,
            solved,
            closedAt: now,
            closedOnTime: !!o.repliedAt && (!o.dueAt || o.repliedAt <= o.dueAt),
          })
          await event(tx, o, w, 'close', 'closed', { data: { result: input.result } })
          await platform.events.enqueue(tx, 'hotline.order.closed', { orderId: o.id, status: 'closed' })
        }
        await audit(tx, w, o, 'followup', { result: input.result, solved }, requestId)
      })
    },

    /** 催办 by hand: recorded on the timeline and sent to the unit. */
    async remind(w: HotlineActor, id: string, input: { reason: string }, requestId?: string) {
      return onOrder(w, id, async (tx, o, role) => {
        requireCentre(role)
        requireStatus(o, ['pending_ack', 'handling', 'extension_review'], '催办')
        await event(tx, o, w, 'remind', o.status, { reason: input.reason, unitId: o.unitId })
        await audit(tx, w, o, 'remind', {}, requestId)
        await notifyUnits(tx, [o.unitId], '12345工单催办', `${o.number}：${input.reason}`, o.id)
      })
    },

    /** 督办 by hand: the order is flagged and the unit and district leaders are notified. */
    async supervise(w: HotlineActor, id: string, input: { reason: string }, requestId?: string) {
      return onOrder(w, id, async (tx, o, role) => {
        requireCentre(role)
        requireStatus(o, ['pending_ack', 'handling', 'extension_review', 'reviewing'], '督办')
        await repo.updateOrder(tx, o.id, { supervised: true })
        await superviseIn(tx, w, o, input.reason, requestId)
      })
    },

    /** An internal note (co-handler's opinion, centre remark) on the timeline; never public. */
    async note(w: HotlineActor, id: string, input: { text: string; attachments?: string[] }, requestId?: string) {
      const issues = await checkFiles(w, input.attachments ?? [], 'attachments')
      if (issues.length) throw fail(issues)
      return onOrder(w, id, async (tx, o, role) => {
        if (role === 'reader') throw forbidden()
        await event(tx, o, w, 'note', o.status, { reason: input.text, attachments: input.attachments ?? [] })
        await audit(tx, w, o, 'note', {}, requestId)
      })
    },

    // --- configuration --------------------------------------------------------------------------------
    categoryTree,

    /** Units an order can be dispatched to (pickers on the board and the routing rules). */
    async handlingUnits() {
      return { items: await repo.handlingUnits(db.pool) }
    },

    /** The public form's location picker: towns of the district, villages of a town; nothing outside it. */
    async publicDivisions(parentCode: string | undefined) {
      const district = platform.config.district.code
      const parent = parentCode ?? district
      if (!parent.startsWith(district)) return { items: [] }
      return { items: await repo.divisionChildren(db.pool, parent) }
    },
    /** Flat list of categories (Open311 services), active only. */
    async categories(): Promise<Category[]> {
      return (await repo.categories(db.pool)).filter((c) => c.active).map(({ path: _p, ...c }) => c)
    },
    async createCategory(actor: Actor, input: CreateCategory) {
      return db.tx((tx) => createCategory(tx, actor, input))
    },
    async updateCategory(actor: Actor, id: string, input: UpdateCategory) {
      return db.tx(async (tx) => {
        await referenceChanged(tx)
        const c = await repo.updateCategory(tx, id, input)
        if (!c) throw categoryNotFound()
        await recordAudit(tx, {
          actor,
          action: 'hotline.category.update',
          resourceType: 'hotline_category',
          resourceId: id,
          data: input,
        })
        return c
      })
    },
    async rules() {
      const items = await ruleDtos(await repo.rules(db.pool))
      return { items, total: items.length }
    },
    async createRule(actor: Actor, input: CreateRoutingRule) {
      const id = await db.tx((tx) => createRule(tx, actor, input))
      return (await ruleDtos([(await repo.rule(db.pool, id))!]))[0]!
    },
    async deleteRule(actor: Actor, id: string) {
      await db.tx(async (tx) => {
        await referenceChanged(tx)
        if (!(await repo.deleteRule(tx, id))) throw ruleNotFound()
        await recordAudit(tx, {
          actor,
          action: 'hotline.rule.delete',
          resourceType: 'hotline_routing_rule',
          resourceId: id,
        })
      })
    },
    async searchKb(q: { q?: string; page: number; pageSize: number }, includeInactive = false) {
      const tsquery = q.q ? searchQuery(q.q) : null
      if (q.q && !tsquery) return { items: [], total: 0 }
      const r = await repo.searchArticles(db.pool, tsquery, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        includeInactive,
      })
      return { total: r.total, items: r.items.map((a) => ({ ...articleDto(a), rank: a.rank ?? 0 })) }
    },
    async getArticle(id: string) {
      const a = await repo.article(db.pool, id)
      if (!a) throw articleNotFound()
      return articleDto(a)
    },
    saveArticle,

    // --- statistics -----------------------------------------------------------------------------------
    /** The eight rates of a period, grouped, under the conventions of the stats settings (stats.ts). */
    async stats(p: Principal, q: StatsQuery): Promise<StatsResult> {
      const s = (await settings()).stats
      if (q.from > q.to) throw fail([{ path: ['to'], message: '结束日期不能早于开始日期' }])
      const f = { groupBy: q.groupBy, from: q.from, to: q.to, scopes: p.scopes, valid: s.validResults }
      return statsResult(q, s, await repo.stats(db.pool, f))
    },

    // --- seed -----------------------------------------------------------------------------------------
    /** Internal pieces the seed uses (categories, rules, articles) inside its transaction. */
    seedApi: { createCategory, createRule, saveArticle },
  }

  async function superviseIn(tx: Tx, w: HotlineActor, o: OrderRow, reason: string, requestId?: string) {
    await event(tx, o, w, 'supervise', null, { reason, unitId: o.unitId })
    await audit(tx, w, o, 'supervise', {}, requestId)
    const leaders = await repo.roleUserIds(tx, 'district_leader', o.divisionCode)
    const unitUsers = await repo.unitUserIds(tx, o.unitId ? [o.unitId] : [])
    await platform.notifications.send(tx, {
      userIds: [...new Set([...leaders, ...unitUsers])],
      title: '12345工单督办单',
      body: `${o.number} ${o.title}：${reason}`,
      link: `/hotline/orders/${o.id}`,
    })
  }
}

export type HotlineService = ReturnType<typeof createHotlineService>
