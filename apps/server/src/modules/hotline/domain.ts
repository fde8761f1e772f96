/**
 * Pure rules of the 12345 hotline: the work-order workflow definition, locality defaults (Shandong), public status,
 * masking of confidential callers, Chinese search tokens and the statistics formulas. No I/O.
 */
import type {
  HotlineSettings,
  OrderAction,
  OrderStatus,
  PublicStatus,
  RequestType,
  Urgency,
} from '@ruyu/contracts/hotline'
import { type ActionSpec, type Duration, endOfCstDay, type WorkflowSpec } from '../workflow/index.ts'

export const SUBJECT = 'hotline_order'
export const ORDER_DEFINITION = 'hotline.order'
export const DOC_SERIES = { key: 'hotline.order', name: '12345工单编号', pattern: '牟热〔{yyyy}〕{seq:6}' }
export const SETTINGS_KEY = 'hotline.settings'

export const SIGNALS = {
  yellow: 'hotline.yellow_card',
  red: 'hotline.red_card',
  ackWarning: 'hotline.ack_warning',
  ackOverdue: 'hotline.ack_overdue',
} as const

/** Shandong defaults (DOMAIN.md §1.4); every value is overridable in the `hotline.settings` platform setting. */
export const DEFAULT_SETTINGS: HotlineSettings = {
  timeLimits: {
    handle: {
      normal: { amount: 5, unit: 'workday', warnBefore: 1 },
      urgent: { amount: 24, unit: 'hour', warnBefore: 4 },
    },
    handleByType: {},
    acknowledge: {
      normal: { amount: 1, unit: 'workday' },
      urgent: { amount: 2, unit: 'hour', warnBefore: 1 },
    },
    returnWorkdays: 2,
    extensionMaxWorkdays: 10,
    pauseWhileExtensionPending: true,
  },
  duplicates: { windowDays: 7, radiusMetres: 200 },
  // Statistics conventions of DOMAIN.md §1.5 (docs/hotline.md "Statistics"): 办结 over orders due, 按期 by the
  // first accepted reply, 不予受理 outside the 办结 rates, 响应 = caller contacted in time, every follow-up call.
  stats: {
    basicallySatisfiedWeight: 0.8,
    validResults: ['satisfied', 'basically_satisfied', 'unsatisfied'],
    closeBasis: 'due',
    onTimeBy: 'first_reply',
    declined: 'excluded',
    responseBy: 'contact',
    followupCount: 'every_call',
  },
}

/** Stored settings over the defaults, section by section (a partial override keeps the other defaults). */
export function mergeSettings(stored: Partial<HotlineSettings> | null | undefined): HotlineSettings {
  const s = stored ?? {}
  return {
    timeLimits: { ...DEFAULT_SETTINGS.timeLimits, ...(s.timeLimits ?? {}) },
    duplicates: { ...DEFAULT_SETTINGS.duplicates, ...(s.duplicates ?? {}) },
    stats: { ...DEFAULT_SETTINGS.stats, ...(s.stats ?? {}) },
  }
}

type Limit = Duration & { warnBefore?: number }

/** The handling limit of an order: urgent orders by the urgent limit, others by request type or the general one. */
export function handleLimit(settings: HotlineSettings, type: RequestType, urgency: Urgency): Limit {
  const t = settings.timeLimits
  if (urgency === 'urgent') return t.handle.urgent
  return t.handleByType[type] ?? t.handle.normal
}

export function ackLimit(settings: HotlineSettings, urgency: Urgency): Limit {
  return settings.timeLimits.acknowledge[urgency]
}

/** The handling card at `now` (after 签收): red past the deadline, yellow past the warning, else green. */
export function handlingFlag(
  now: Date,
  dueAt: Date | null,
  limit: Limit,
  cal: { addWorkdays(from: string, n: number): { date: string } },
): 'on_track' | 'warning' | 'overdue' {
  if (!dueAt) return 'on_track'
  if (now > dueAt) return 'overdue'
  if (!limit.warnBefore || limit.warnBefore >= limit.amount) return 'on_track'
  const warnAt =
    limit.unit === 'hour'
      ? new Date(dueAt.getTime() - limit.warnBefore * 3_600_000)
      : endOfCstDay(cal.addWorkdays(cstMinute(dueAt).slice(0, 10), -limit.warnBefore).date)
  return now > warnAt ? 'warning' : 'on_track'
}

/** 2026-12-03 17:30 in China Standard Time. */
export const cstMinute = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/** Timeline text of deadlines moved by a newly imported holiday schedule, old → new. */
export function recomputeReason(
  year: number,
  was: { dueAt: Date | null; ackDueAt: Date | null },
  now: { dueAt: Date | null; ackDueAt: Date | null },
): string {
  const at = (d: Date | null) => (d ? cstMinute(d) : '—')
  const parts: string[] = []
  if (was.dueAt?.getTime() !== now.dueAt?.getTime()) parts.push(`办理期限 ${at(was.dueAt)} → ${at(now.dueAt)}`)
  if (was.ackDueAt?.getTime() !== now.ackDueAt?.getTime())
    parts.push(`签收时限 ${at(was.ackDueAt)} → ${at(now.ackDueAt)}`)
  return `按新导入的${year}年节假日安排重算：${parts.join('；')}`
}

/** Timeline text of a yellow or red card, naming the limit (签收 or handling) and its deadline. */
export function timerReason(
  action: 'yellow_card' | 'red_card' | 'ack_warning' | 'ack_overdue',
  o: { dueAt: Date | null; ackDueAt: Date | null },
): string {
  const at = (d: Date | null) => (d ? cstMinute(d) : '')
  if (action === 'yellow_card') return `黄牌预警：办理期限 ${at(o.dueAt)} 将至`
  if (action === 'red_card') return `红牌：已超过办理期限 ${at(o.dueAt)}`
  if (action === 'ack_warning') return `黄牌预警：签收时限 ${at(o.ackDueAt)} 将至，请及时签收`
  return `红牌：超过签收时限 ${at(o.ackDueAt)} 未签收`
}

const CENTRE = [{ role: 'hotline_operator' }, { role: 'admin' }]
const UNIT = [{ role: 'handling_unit' }, { role: 'town_clerk' }]
// The unit's handler, or the town's clerk for an order dispatched to a town; bound to the unit dispatched to (the
// centre's 合并 on these steps is not).
const unitAssignee = { roles: ['handling_unit', 'town_clerk'], department: { from: 'context.unitId' } }
const centreAssignee = { role: 'hotline_operator' }
// Data the hotline module sets on its transitions (the generic endpoint refuses this subject altogether).
const unitId = { type: 'uuid', nullable: true, module: true } as const
const extensionDays = { type: 'integer', min: 0, max: 60, module: true } as const

const merge: ActionSpec = {
  key: 'merge',
  name: '合并重复工单',
  to: 'merged',
  actors: CENTRE,
  requireComment: true,
  input: { mergedIntoId: { type: 'uuid', module: true } },
}
const giveBack: ActionSpec = {
  key: 'return',
  name: '退单',
  to: 'dispatching',
  actors: UNIT,
  requireComment: true,
  input: { unitId },
}

/**
 * The work-order definition: intake → 待派单 → 待签收 → 办理中 (延期审核) → 待审核 → 待回访 → 已办结, with 直办, 合并,
 * 不予受理, 退单, 重办. Limits come from the start context (`sla.handle`, `sla.acknowledge`), filled from settings.
 */
export const orderSpec: WorkflowSpec = {
  key: ORDER_DEFINITION,
  name: '12345工单',
  initial: 'dispatching',
  slaFrom: 'context.sla.handle',
  states: {
    dispatching: {
      name: '待派单',
      assignee: centreAssignee,
      untimed: true,
      actions: [
        { key: 'dispatch', name: '派单', to: 'pending_ack', actors: CENTRE, input: { unitId } },
        {
          key: 'direct_answer',
          name: '直接答复',
          to: 'closed_direct',
          actors: CENTRE,
          input: { kbArticleId: { type: 'uuid', nullable: true } },
        },
        merge,
        { key: 'decline', name: '不予受理', to: 'declined', actors: CENTRE, requireComment: true },
      ],
    },
    pending_ack: {
      name: '待签收',
      assignee: unitAssignee,
      slaFrom: 'context.sla.acknowledge',
      actions: [{ key: 'acknowledge', name: '签收', to: 'handling', actors: UNIT }, giveBack, merge],
      // Yellow and red cards on the 签收 limit, and on the handling limit, which runs from receipt meanwhile.
      warnEffects: [{ type: 'signal', name: SIGNALS.ackWarning }],
      overdueEffects: [{ type: 'signal', name: SIGNALS.ackOverdue }],
      instanceDeadline: {
        warnEffects: [{ type: 'signal', name: SIGNALS.yellow }],
        overdueEffects: [{ type: 'signal', name: SIGNALS.red }],
      },
    },
    handling: {
      name: '办理中',
      assignee: unitAssignee,
      actions: [
        { key: 'reply', name: '办理反馈', to: 'reviewing', actors: UNIT, requireComment: true },
        {
          key: 'request_extension',
          name: '申请延期',
          to: 'extension_review',
          actors: UNIT,
          requireComment: true,
          input: { extensionDays, pauseOnExtension: { type: 'boolean', module: true } },
        },
        giveBack,
        merge,
      ],
      warnEffects: [{ type: 'signal', name: SIGNALS.yellow }],
      overdueEffects: [{ type: 'signal', name: SIGNALS.red }],
    },
    extension_review: {
      name: '延期审核',
      assignee: centreAssignee,
      untimed: true,
      pauseWhen: { field: 'context.pauseOnExtension', eq: true },
      actions: [
        {
          key: 'approve_extension',
          name: '批准延期',
          to: 'handling',
          actors: CENTRE,
          input: { extensionDays },
          effects: [{ type: 'extend_deadline', amountFrom: 'context.extensionDays', unit: 'workday' }],
        },
        {
          key: 'refuse_extension',
          name: '驳回延期',
          to: 'handling',
          actors: CENTRE,
          requireComment: true,
          input: { extensionDays },
        },
      ],
    },
    reviewing: {
      name: '待审核',
      assignee: centreAssignee,
      untimed: true,
      actions: [
        { key: 'accept', name: '审核通过', to: 'followup', actors: CENTRE },
        { key: 'send_back', name: '退回重办', to: 'handling', actors: CENTRE, requireComment: true },
      ],
    },
    followup: {
      name: '待回访',
      assignee: centreAssignee,
      untimed: true,
      actions: [
        { key: 'close', name: '回访办结', to: 'closed', actors: CENTRE },
        { key: 'reopen', name: '重办', to: 'handling', actors: CENTRE, requireComment: true },
      ],
    },
    closed: { name: '已办结', final: true, outcome: 'approved' },
    closed_direct: { name: '直办办结', final: true, outcome: 'approved' },
    merged: { name: '已合并', final: true, outcome: 'terminated' },
    declined: { name: '不予受理', final: true, outcome: 'rejected' },
  },
}

export const CLOSED: readonly OrderStatus[] = ['closed', 'closed_direct', 'merged', 'declined']
export const isClosed = (s: OrderStatus) => CLOSED.includes(s)

/**
 * The stored order numbers a citizen may mean by what they typed: 牟热〔2026〕004078 also as 牟热[2026]004078,
 * 牟热(2026)004078, with full-width brackets or digits, with spaces, without the prefix, or just 2026004078. The
 * year and the sequence are read from the digits and re-formatted by the series pattern; the typed text itself is
 * tried too (numbers in another form).
 */
export function trackingNumberCandidates(input: string, pattern = DOC_SERIES.pattern): string[] {
  const typed = input.trim()
  const compact = typed.normalize('NFKC').replace(/\s+/g, '')
  const out = new Set([typed, compact])
  const m = /^\D*?[[(〔【〖<]?(\d{4})([\])〕】〗>]?)(\d+)$/u.exec(compact)
  const width = Number(/\{seq(?::(\d+))?\}/.exec(pattern)?.[1] ?? 1)
  // Without a bracket after the year, only the full-width sequence tells year and sequence apart.
  if (m && (m[2] || m[3]!.length >= width)) {
    const [, year, , seq] = m as unknown as [string, string, string, string]
    out.add(
      pattern.replace(/\{(yyyy|seq)(?::\d+)?\}/g, (_, token: string) =>
        token === 'yyyy' ? year : seq.replace(/^0+(?=\d)/, '').padStart(width, '0'),
      ),
    )
  }
  return [...out]
}

/** What the public sees of an internal state. */
export function publicStatusOf(status: OrderStatus): PublicStatus {
  if (status === 'dispatching') return 'received'
  if (status === 'followup') return 'replied'
  if (isClosed(status)) return 'closed'
  return 'processing'
}

export type ViewerRole = 'centre' | 'main_unit' | 'co_unit' | 'reader'

/** Buttons for this viewer in this state; the service enforces the same rules. */
export function actionsFor(status: OrderStatus, role: ViewerRole, hasWorkflow: boolean): OrderAction[] {
  if (!hasWorkflow) return []
  if (isClosed(status)) return role === 'reader' ? [] : ['note']
  const out: OrderAction[] = []
  if (role === 'centre') {
    if (status === 'dispatching') out.push('dispatch', 'direct_answer', 'merge', 'decline')
    if (status === 'pending_ack' || status === 'handling') out.push('merge', 'remind', 'supervise')
    if (status === 'extension_review') out.push('decide_extension', 'remind')
    if (status === 'reviewing') out.push('review')
    if (status === 'followup') out.push('follow_up')
  }
  if (role === 'main_unit') {
    if (status === 'pending_ack') out.push('acknowledge', 'return')
    if (status === 'handling') out.push('reply', 'request_extension', 'return')
  }
  if (role !== 'reader') out.push('note')
  return out
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  return chars[0] + '*'.repeat(chars.length - 1)
}

/** 13812345678 → 138****5678, 0535-4232102 → 0535-***2102. */
export function maskPhone(phone: string): string {
  const m = /^(0\d{2,3}-?)(\d+)(-\d+)?$/.exec(phone)
  if (m && phone.startsWith('0')) return m[1] + '*'.repeat(Math.max(0, m[2]!.length - 4)) + m[2]!.slice(-4)
  if (phone.length < 8) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** Replaces every occurrence of the caller's name and phone in free text (timeline reasons, notes). */
export function maskText(text: string, caller: { name: string; phone: string }): string {
  let out = text
  if (caller.phone) out = out.split(caller.phone).join(maskPhone(caller.phone))
  if (caller.name && caller.name.length >= 2) out = out.split(caller.name).join(maskName(caller.name))
  return out
}

/** A short title for lists: the first sentence of the description, at most 30 characters. */
export function titleOf(description: string): string {
  const first =
    description
      .trim()
      .split(/[\n。！？!?]/)[0]!
      .trim() || description.trim()
  return [...first].length > 30 ? `${[...first].slice(0, 30).join('')}…` : first
}

/** The 9-digit town/street part of a division code (null when only the district is given). */
export const townOf = (divisionCode: string) => (divisionCode.length >= 9 ? divisionCode.slice(0, 9) : null)

// ---------------------------------------------------------------------------------------------------------------
// Chinese text search

export { searchQuery, searchTokens } from '../../platform/text-search.ts'

// ---------------------------------------------------------------------------------------------------------------
// Statistics

// The counts and rates live in stats.ts.
export { formulas, rates, type StatsCounts } from './stats.ts'
