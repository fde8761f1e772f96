/** Orders as staff see them: list rows and the detail page, masked for units when the caller is confidential. */
import { ORDER_STATUS_NAMES, type OrderDetail, type UnitRef } from '@ruyu/contracts/hotline'
import { type HotlineActor, roleOf } from './actor.ts'
import { actionsFor, maskName, maskPhone, maskText } from './domain.ts'
import type { EventRow, OrderRow } from './repo.ts'

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/** The units an order names: its main unit, then its co-units. */
export const unitIdsOf = (o: OrderRow) => [...(o.unitId ? [o.unitId] : []), ...o.coUnitIds]

/** An order as the board lists it for this viewer. */
export function toOrderDto(o: OrderRow, w: HotlineActor, units: Map<string, UnitRef>) {
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

/** The order as its detail page shows it to this viewer: masked for units when confidential, with its timeline. */
export function toOrderDetail(
  o: OrderRow,
  events: EventRow[],
  w: HotlineActor,
  units: Map<string, UnitRef>,
): OrderDetail {
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
