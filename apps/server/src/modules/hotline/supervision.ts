/** Oversight of open orders: 催办 (reminders), 督办 (supervision) and internal notes on the timeline. */
import type { Tx } from '../../platform/db.ts'
import { forbidden } from '../../platform/errors.ts'
import { type HotlineActor, requireCentre, requireStatus } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { type OrderRow, hotlineRepo as repo } from './repo.ts'

/** 督办: on the timeline and the audit trail, sent to the unit and the district leaders. */
export async function superviseIn(
  c: HotlineContext,
  tx: Tx,
  w: HotlineActor,
  o: OrderRow,
  reason: string,
  requestId?: string,
) {
  await c.event(tx, o, w, 'supervise', null, { reason, unitId: o.unitId })
  await c.audit(tx, w, o, 'supervise', {}, requestId)
  const leaders = await repo.roleUserIds(tx, 'district_leader', o.divisionCode)
  const unitUsers = await repo.unitUserIds(tx, o.unitId ? [o.unitId] : [])
  await c.platform.notifications.send(tx, {
    userIds: [...new Set([...leaders, ...unitUsers])],
    title: '12345工单督办单',
    body: `${o.number} ${o.title}：${reason}`,
    link: `/hotline/orders/${o.id}`,
  })
}

export function supervisionUseCases(c: HotlineContext) {
  const { onOrder, event, audit, notifyUnits, checkFiles } = c
  return {
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
        await superviseIn(c, tx, w, o, input.reason, requestId)
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
  }
}
