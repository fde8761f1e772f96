/** The centre's review of a unit's reply and the follow-up call (回访) that closes or reopens (重办) the order. */
import type { FollowUp } from '@ruyu/contracts/hotline'
import { computeDeadline } from '../workflow/index.ts'
import { type HotlineActor, requireCentre, requireStatus } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { handleLimit } from './domain.ts'
import { hotlineRepo as repo } from './repo.ts'
import { superviseIn } from './supervision.ts'

export function reviewUseCases(c: HotlineContext) {
  const { platform, workflow, calendar, settings, onOrder, transition, event, audit, notifyUnits } = c
  return {
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
          if (supervise) await superviseIn(c, tx, w, o, '重办后回访仍不满意，发督办单', requestId)
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
  }
}
