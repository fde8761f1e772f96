/**
 * What the hotline's use cases share: the platform and workflow they run on, the locality settings, the cached
 * reference data, and the steps every order change takes (lock and check, workflow action, timeline entry, audit,
 * notifications). The use-case files take it as `c`; service.ts composes them.
 */
import type { Category, HotlineSettings, OrderDetail, OrderStatus } from '@ruyu/contracts/hotline'
import { recordAudit } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { validationFailed } from '../../platform/errors.ts'
import type { Platform } from '../../platform/platform.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { type HotlineActor, roleOf, visibilityOf } from './actor.ts'
import { lostRace } from './conflict.ts'
import { mergeSettings, SETTINGS_KEY, SUBJECT, type ViewerRole } from './domain.ts'
import { noWorkflow, orderNotFound } from './errors.ts'
import { toOrderDetail, unitIdsOf } from './order-view.ts'
import { type EventRow, type OrderRow, type RuleRow, hotlineRepo as repo } from './repo.ts'

export interface HotlineDeps {
  platform: Pick<Platform, 'db' | 'files' | 'events' | 'notifications' | 'calendar' | 'settings' | 'config' | 'caches'>
  workflow: WorkflowService
  /** Division names and unit names (cached reference data of the directory module). */
  directory: Pick<DirectoryService, 'divisionName' | 'unitRefs'>
}

export type Issue = { path: (string | number)[]; message: string }
export const fail = (issues: Issue[]) => validationFailed(undefined, { issues })

export type CategoryRef = Category & { path: string }
/** Categories and routing rules, cached: changed only through the category and routing-rule admin. */
export interface Reference {
  categories: Map<string, CategoryRef>
  rules: RuleRow[]
}

export type HotlineContext = ReturnType<typeof createHotlineContext>

export function createHotlineContext(deps: HotlineDeps) {
  const { platform, workflow } = deps
  const { db, calendar } = platform

  async function settings(q: Tx | typeof db.pool = db.pool): Promise<HotlineSettings> {
    return mergeSettings(await platform.settings.get<Partial<HotlineSettings> | null>(SETTINGS_KEY, null, q))
  }

  async function unitRefs(ids: string[]) {
    return deps.directory.unitRefs(ids)
  }

  // --- reading -------------------------------------------------------------------------------------------
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
    return toOrderDetail(o, events, w, await unitRefs(unitIdsOf(o)))
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

  // --- reference data ------------------------------------------------------------------------------------
  const referenceCache = platform.caches.cache<Reference>('hotline.reference')
  const referenceChanged = (tx: Tx) => platform.caches.invalidate(tx, 'hotline.reference')
  const reference = () =>
    referenceCache.get('all', async () => {
      const [categories, rules] = await Promise.all([repo.categories(db.pool), repo.rules(db.pool)])
      return { categories: new Map(categories.map((c) => [c.id, c])), rules }
    })

  return {
    deps,
    platform,
    workflow,
    db,
    calendar,
    settings,
    unitRefs,
    visibleOrder,
    detail,
    detailOf,
    event,
    audit,
    notifyUnits,
    notifyCentre,
    transition,
    onOrder,
    checkFiles,
    checkUnits,
    reference,
    referenceChanged,
  }
}
