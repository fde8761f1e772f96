/** The centre's first decision on an order waiting for dispatch: dispatch it, answer it (直办), merge or decline it. */
import type { Tx } from '../../platform/db.ts'
import { computeDeadline } from '../workflow/index.ts'
import { type HotlineActor, requireCentre, requireStatus, visibilityOf } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { ackLimit } from './domain.ts'
import { mergeTarget } from './errors.ts'
import { type OrderRow, hotlineRepo as repo } from './repo.ts'

/** 直办: closes an order waiting for dispatch with an answer given on the spot (at intake, or by the centre). */
export async function closeDirect(
  c: HotlineContext,
  tx: Tx,
  w: HotlineActor,
  o: OrderRow,
  input: { answer: string; kbArticleId?: string | null },
  now: Date,
  requestId?: string,
) {
  requireStatus(o, ['dispatching'], '直接答复')
  await c.transition(
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
  await c.event(tx, o, w, 'direct_answer', 'closed_direct', {
    reason: input.answer,
    data: { kbArticleId: input.kbArticleId ?? null },
  })
  await c.platform.events.enqueue(tx, 'hotline.order.closed', { orderId: o.id, status: 'closed_direct' })
}

export function triageUseCases(c: HotlineContext) {
  const { platform, db, calendar, settings, onOrder, transition, event, audit, notifyUnits, checkUnits } = c
  return {
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
        await closeDirect(c, tx, w, o, input, now, requestId)
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
  }
}
