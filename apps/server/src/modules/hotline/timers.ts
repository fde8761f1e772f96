/** The order's side of the engine's durable SLA clocks: yellow and red cards, and deadlines moved by a new calendar. */
import type { HotlineContext } from './context.ts'
import { handleLimit, handlingFlag, isClosed, recomputeReason, SIGNALS, SUBJECT, timerReason } from './domain.ts'
import { iso } from './order-view.ts'
import { hotlineRepo as repo } from './repo.ts'

/** Registers the timer signals and the deadline hook on the workflow engine (once, when the service is made). */
export function registerTimers(c: HotlineContext) {
  const { workflow, calendar, settings } = c
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
}
