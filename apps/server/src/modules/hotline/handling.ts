/** The handling unit's side of an order: 签收, 退单, 延期 (and the centre's decision on it), 办理反馈. */
import type { Reply } from '@ruyu/contracts/hotline'
import { cstDate, endOfCstDay } from '../workflow/index.ts'
import { type HotlineActor, requireCentre, requireMain, requireStatus } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { handleLimit, handlingFlag } from './domain.ts'
import { alreadyAcknowledged, extensionTooLate, extensionTooLong, returnTooLate } from './errors.ts'
import { iso } from './order-view.ts'
import { hotlineRepo as repo } from './repo.ts'

export function handlingUseCases(c: HotlineContext) {
  const { calendar, settings, onOrder, transition, event, audit, notifyUnits, notifyCentre, checkFiles } = c
  return {
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
  }
}
