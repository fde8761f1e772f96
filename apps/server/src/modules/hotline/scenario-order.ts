/**
 * One generated order from receipt to its end (or to the scenario's last instant): routing as intake does, dispatch
 * (sometimes to a wrong unit that returns it), 签收, 延期, the reply with its yellow and red cards, review and the
 * follow-up calls (重办 when unsatisfied).
 */
import type { FollowupResult, HotlineSettings, Urgency } from '@ruyu/contracts/hotline'
import { ackLimit, handleLimit, titleOf } from './domain.ts'
import { type Clock, CST, DAY, HOUR, MIN, officeHours } from './scenario-clock.ts'
import {
  CENTRE_STAFF,
  EXTENSION_SHARE,
  FOLLOWUP_MIX,
  OPERATORS,
  REOPENED_THEN_SATISFIED,
  REPLIES,
  REQUEST_TYPE_MIX,
  RETURN_REASON,
  RETURN_SHARE,
  ROADS,
  SURNAMES,
  URGENT_SHARE,
} from './scenario-mix.ts'
import { type Leaf, type Rule, routeOf, type Unit, type Village } from './scenario-reference.ts'
import type { Rng } from './scenario-rng.ts'
import type { ScenarioEvent, ScenarioOrder } from './scenario-rows.ts'

/** What every order of one scenario run draws on: the stream, the calendar, the reference data and the samplers. */
export interface Ctx {
  rng: Rng
  clock: Clock
  settings: HotlineSettings
  leaves: Leaf[]
  leafByMonth: ((u: number) => number)[]
  villages: Village[]
  rules: Rule[]
  units: Map<string, Unit>
  unitIds: string[]
  fallbackUnitId: string
  routeCache: Map<string, Rule | null>
  callers: { name: string; phone: string }[]
  pickType: (u: number) => number
  pickResult: (u: number) => number
  asOf: number
  prefix: string
}

export function person(rng: Rng) {
  const name = rng.pick(SURNAMES) + (rng.chance(0.5) ? '先生' : '女士')
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`
  return { name, phone }
}

export function makeOrder(ctx: Ctx, seq: number, receivedAt: number, stayOpen: boolean): ScenarioOrder {
  const { rng, clock, settings } = ctx
  const month = new Date(receivedAt + CST).getUTCMonth()
  const leaf = ctx.leaves[ctx.leafByMonth[month]!(rng.next())]!
  const village = ctx.villages[rng.int(ctx.villages.length)]!
  const requestType = REQUEST_TYPE_MIX[ctx.pickType(rng.next())]![0]
  const urgency: Urgency = rng.chance(URGENT_SHARE) ? 'urgent' : 'normal'
  const caller = rng.chance(0.08) ? ctx.callers[rng.int(ctx.callers.length)]! : person(rng)
  const problem = rng.pick(leaf.problems)
  const place = `${rng.pick(ROADS)}${1 + rng.int(180)}号${rng.chance(0.6) ? `${1 + rng.int(30)}号楼${1 + rng.int(6)}单元` : ''}`
  const description =
    requestType === 'consult'
      ? `来电人咨询${leaf.name}相关问题：${problem}。请相关部门予以答复。`
      : requestType === 'praise'
        ? `来电人表扬：${leaf.name}工作人员处理及时、态度热情，特致谢意。`
        : requestType === 'suggestion'
          ? `来电人建议：关于${leaf.name}，${problem}，建议有关部门统筹解决。`
          : `来电人反映：${village.label}${place}，${problem}。诉求：请相关部门尽快核实处理。`

  const key = `${leaf.id}|${village.code}`
  let rule = ctx.routeCache.get(key)
  if (rule === undefined) {
    rule = routeOf(ctx.rules, leaf, village.code)
    ctx.routeCache.set(key, rule)
  }
  const unitId = rule?.unitId ?? ctx.fallbackUnitId
  const coUnitIds = rule?.coUnitIds ?? []
  const unitName = ctx.units.get(unitId)?.name ?? null

  const ev: ScenarioEvent[] = []
  const add = (e: Omit<ScenarioEvent, 'reason'> & { reason?: string | null }) => ev.push({ reason: null, ...e })
  const operator = rng.pick(OPERATORS)
  const centre = rng.pick(CENTRE_STAFF)
  add({
    at: receivedAt,
    actorKind: 'user',
    actorName: operator,
    unitId: null,
    action: 'transfer_in',
    from: null,
    to: 'dispatching',
  })

  const handle = handleLimit(settings, requestType, urgency)
  const ack = ackLimit(settings, urgency)
  const { due: due0, warn } = clock.deadline(receivedAt, handle)
  let due = due0
  const urgent = urgency === 'urgent'

  // Dispatch (minutes), possibly to a wrong unit first that returns it (退单) within the return limit.
  let t = receivedAt + Math.max(MIN, rng.logNormal(urgent ? 8 * MIN : 18 * MIN, 0.8))
  const returned = rng.chance(RETURN_SHARE) && ctx.unitIds.length > 1
  let returnedAt: number | null = null
  if (returned) {
    let wrong = ctx.unitIds[rng.int(ctx.unitIds.length)]!
    if (wrong === unitId) wrong = ctx.unitIds[(ctx.unitIds.indexOf(wrong) + 1) % ctx.unitIds.length]!
    add({
      at: t,
      actorKind: 'user',
      actorName: centre,
      unitId: wrong,
      action: 'dispatch',
      from: 'dispatching',
      to: 'pending_ack',
    })
    t = officeHours(t + rng.logNormal(3 * HOUR, 0.9), rng, clock)
    returnedAt = t
    add({
      at: t,
      actorKind: 'user',
      actorName: ctx.units.get(wrong)?.name ?? null,
      unitId: wrong,
      action: 'return',
      from: 'pending_ack',
      to: 'dispatching',
      reason: RETURN_REASON,
    })
    t += Math.max(5 * MIN, rng.logNormal(40 * MIN, 0.7))
  }
  const dispatchedAt = t
  add({
    at: t,
    actorKind: 'user',
    actorName: centre,
    unitId,
    action: 'dispatch',
    from: 'dispatching',
    to: 'pending_ack',
  })
  const ackDueAt = clock.deadline(dispatchedAt, ack).due
  const acknowledgedAt = urgent
    ? dispatchedAt + Math.max(2 * MIN, rng.logNormal(25 * MIN, 0.9))
    : officeHours(dispatchedAt + Math.max(3 * MIN, rng.logNormal(80 * MIN, 1.1)), rng, clock)

  const o: ScenarioOrder = {
    id: rng.uuid(),
    number: `${ctx.prefix}${String(seq).padStart(7, '0')}`,
    callerName: caller.name,
    callerPhone: caller.phone,
    confidential: rng.chance(0.05),
    requestType,
    urgency,
    categoryId: leaf.id,
    topCategoryId: leaf.topId,
    divisionCode: village.code,
    townCode: village.townCode,
    address: `${village.label}${place}`,
    lat: Math.round((village.lat + (rng.next() - 0.5) * 0.01) * 1e6) / 1e6,
    lng: Math.round((village.lng + (rng.next() - 0.5) * 0.01) * 1e6) / 1e6,
    title: titleOf(description),
    description,
    status: 'pending_ack',
    publicStatus: 'processing',
    publicReply: null,
    unitId,
    coUnitIds,
    receivedAt,
    dispatchedAt,
    ackDueAt,
    acknowledgedAt: null,
    dueAt: due,
    repliedAt: null,
    closedAt: null,
    closedOnTime: null,
    respondedOnTime: null,
    replyText: null,
    contactMethod: null,
    contactedAt: null,
    followupResult: null,
    followupAt: null,
    solved: null,
    reopenCount: 0,
    supervised: false,
    slaFlag: 'on_track',
    extensionDays: 0,
    updatedAt: dispatchedAt,
    events: ev,
    extended: false,
    returned,
    returnedAt,
  }

  // Everything from here on may lie beyond the end of the year for the orders still in flight: stop there.
  const cut = (at: number) => stayOpen && at > ctx.asOf
  if (cut(acknowledgedAt)) return o
  add({
    at: acknowledgedAt,
    actorKind: 'user',
    actorName: unitName,
    unitId,
    action: 'acknowledge',
    from: 'pending_ack',
    to: 'handling',
  })
  o.acknowledgedAt = acknowledgedAt
  o.respondedOnTime = acknowledgedAt <= ackDueAt
  o.status = 'handling'
  o.updatedAt = acknowledgedAt

  // Extension (延期): requested before the deadline, approved by the centre; the deadline moves by whole working days.
  let start = acknowledgedAt
  if (!urgent && rng.chance(EXTENSION_SHARE)) {
    const asked = Math.min(due - HOUR, start + (due - start) * (0.4 + rng.next() * 0.4))
    const days = Math.min(settings.timeLimits.extensionMaxWorkdays, 3 + rng.int(8))
    const approved = officeHours(asked + rng.logNormal(3 * HOUR, 0.8), rng, clock)
    if (cut(approved)) return o
    add({
      at: asked,
      actorKind: 'user',
      actorName: unitName,
      unitId,
      action: 'extension_request',
      from: 'handling',
      to: 'extension_review',
      reason: '需协调多个部门现场处理，申请延期办理。',
    })
    add({
      at: approved,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'extension_approve',
      from: 'extension_review',
      to: 'handling',
    })
    due = clock.extend(due, days)
    o.extensionDays = days
    o.dueAt = due
    o.extended = true
    start = approved
  }

  // Reply inside the window for most; the log-normal's tail runs over (red card).
  const window = Math.max(HOUR, due - start)
  let replied = start + window * rng.logNormal(0.33, 0.55)
  if (!urgent) replied = officeHours(replied, rng, clock)
  if (warn && replied > warn && !o.extended && !cut(warn))
    add({
      at: warn,
      actorKind: 'system',
      actorName: null,
      unitId,
      action: 'yellow_card',
      from: 'handling',
      to: 'handling',
    })
  if (replied > due && !cut(due))
    add({ at: due, actorKind: 'system', actorName: null, unitId, action: 'red_card', from: 'handling', to: 'handling' })
  o.slaFlag = replied > due ? 'overdue' : warn && replied > warn && !o.extended ? 'warning' : 'on_track'
  if (cut(replied)) return o

  const final = FOLLOWUP_MIX[ctx.pickResult(rng.next())]![0]
  const cycles = final === 'unsatisfied' || (final !== 'unreachable' && rng.chance(REOPENED_THEN_SATISFIED)) ? 2 : 1
  for (let cycle = 1; cycle <= cycles; cycle++) {
    const text = rng.pick(REPLIES)
    const contactMethod =
      requestType === 'praise'
        ? 'not_needed'
        : rng.pick(['phone', 'phone', 'phone', 'phone', 'visit', 'sms', 'meeting'])
    add({
      at: replied,
      actorKind: 'user',
      actorName: unitName,
      unitId,
      action: 'reply',
      from: 'handling',
      to: 'reviewing',
      reason: text,
    })
    o.repliedAt = replied
    o.replyText = text
    o.contactMethod = contactMethod
    o.contactedAt = contactMethod === 'not_needed' ? null : replied - Math.max(10 * MIN, rng.logNormal(5 * HOUR, 0.8))
    o.status = 'reviewing'
    o.updatedAt = replied
    const reviewed = officeHours(replied + rng.logNormal(2 * HOUR, 0.8), rng, clock)
    if (cut(reviewed)) return o
    add({
      at: reviewed,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'review_accept',
      from: 'reviewing',
      to: 'followup',
    })
    o.status = 'followup'
    o.publicStatus = 'replied'
    o.publicReply = text
    o.updatedAt = reviewed
    const called = officeHours(reviewed + rng.logNormal(20 * HOUR, 0.5), rng, clock)
    // The year's last orders wait for their follow-up call: 10,741 of 10,810 closed and called back.
    if (stayOpen && (cut(called) || cycle === cycles)) return o
    const result: FollowupResult = cycle < cycles ? 'unsatisfied' : final
    add({
      at: called,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'followup',
      from: 'followup',
      to: result === 'unsatisfied' && cycle < cycles ? 'handling' : 'closed',
      reason: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意', unreachable: '联系不上' }[
        result
      ],
    })
    o.followupResult = result
    o.followupAt = called
    o.updatedAt = called
    if (cycle < cycles) {
      add({
        at: called,
        actorKind: 'user',
        actorName: centre,
        unitId,
        action: 'reopen',
        from: 'followup',
        to: 'handling',
        reason: '来电人对处理结果不满意，重办。',
      })
      o.reopenCount++
      o.status = 'handling'
      o.publicStatus = 'processing'
      // 重办 runs on a fresh limit from the follow-up call, as the service does.
      due = clock.deadline(called, handle).due
      o.dueAt = due
      replied = officeHours(called + rng.logNormal(2 * DAY, 0.6), rng, clock)
      continue
    }
    if (result === 'unsatisfied' && rng.chance(0.4)) {
      add({
        at: called,
        actorKind: 'user',
        actorName: centre,
        unitId,
        action: 'supervise',
        from: 'followup',
        to: 'followup',
        reason: '重办后仍不满意，督办。',
      })
      o.supervised = true
    }
    add({
      at: called,
      actorKind: 'user',
      actorName: centre,
      unitId: null,
      action: 'close',
      from: 'followup',
      to: 'closed',
    })
    o.status = 'closed'
    o.publicStatus = 'closed'
    o.closedAt = called
    o.solved = result === 'satisfied' || (result === 'basically_satisfied' && rng.chance(0.9))
  }
  o.closedOnTime = o.repliedAt !== null && o.repliedAt <= o.dueAt
  return o
}
