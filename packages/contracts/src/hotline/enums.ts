/** Hotline enumerations (request types, states, channels, timeline actions) and the caller phone validator. */
import { z } from 'zod'
import { isCnPhone } from '../identifiers.ts'

// ---------------------------------------------------------------------------------------------------------------
// Enumerations

/** 咨询 / 求助 / 投诉 / 举报 / 意见建议 / 表扬. */
export const REQUEST_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]
export const REQUEST_TYPE_NAMES: Record<RequestType, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '意见建议',
  praise: '表扬',
}

/** 紧急 / 一般. */
export const URGENCIES = ['urgent', 'normal'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Where the order came from. */
export const CHANNELS = ['phone', 'web', 'wechat', 'email', 'transfer', 'open311', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

/**
 * Internal state (mirrors the workflow state): 待派单, 待签收, 办理中, 延期审核, 待审核 (reply submitted), 待回访,
 * 已办结, 直办办结, 已合并 (duplicate), 不予受理.
 */
export const ORDER_STATUSES = [
  'dispatching',
  'pending_ack',
  'handling',
  'extension_review',
  'reviewing',
  'followup',
  'closed',
  'closed_direct',
  'merged',
  'declined',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  dispatching: '待派单',
  pending_ack: '待签收',
  handling: '办理中',
  extension_review: '延期审核',
  reviewing: '待审核',
  followup: '待回访',
  closed: '已办结',
  closed_direct: '直办办结',
  merged: '已合并',
  declined: '不予受理',
}
export const CLOSED_STATUSES: readonly OrderStatus[] = ['closed', 'closed_direct', 'merged', 'declined']

/** What the public sees: 已受理 / 办理中 / 已答复 / 已办结. */
export const PUBLIC_STATUSES = ['received', 'processing', 'replied', 'closed'] as const
export type PublicStatus = (typeof PUBLIC_STATUSES)[number]
export const PUBLIC_STATUS_NAMES: Record<PublicStatus, string> = {
  received: '已受理',
  processing: '办理中',
  replied: '已答复',
  closed: '已办结',
}

/** 满意 / 基本满意 / 不满意 / 联系不上. */
export const FOLLOWUP_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const
export type FollowupResult = (typeof FOLLOWUP_RESULTS)[number]
export const FOLLOWUP_RESULT_NAMES: Record<FollowupResult, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  unreachable: '联系不上',
}

/** How the unit contacted the caller before replying. */
export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'meeting', 'other', 'not_needed'] as const

export const SLA_FLAGS = ['on_track', 'warning', 'overdue'] as const

/** Timeline actions (hotline_event.action). */
export const EVENT_ACTIONS = [
  'intake',
  'transfer_in',
  'direct_answer',
  'dispatch',
  'acknowledge',
  'return',
  'extension_request',
  'extension_approve',
  'extension_refuse',
  'reply',
  'review_accept',
  'review_reject',
  'followup',
  'reopen',
  'close',
  'supervise',
  'remind',
  'yellow_card',
  'red_card',
  'ack_warning',
  'ack_overdue',
  'deadline_recomputed',
  'merge',
  'merged_in',
  'decline',
  'note',
] as const
export type EventAction = (typeof EVENT_ACTIONS)[number]

// ---------------------------------------------------------------------------------------------------------------
// Field validators

/** Caller phone: a mobile (13800138000) or a landline with area code (0535-4232102). */
export const PhoneSchema = z
  .string()
  .trim()
  .refine(isCnPhone, { error: 'Phone must be an 11-digit mobile number or a landline with area code (0535-4232102)' })

/** The last 4 digits of a phone number (tracking). */
export const phoneLast4 = (phone: string) => phone.replace(/\D/g, '').slice(-4)
