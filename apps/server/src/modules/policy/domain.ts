/**
 * Pure rules of the policy module: the Q&A workflow definition (24-hour calendar SLA with yellow and red cards),
 * the displayed status of a policy (published past its validity reads as expired) and push texts. The rule
 * language lives in rules.ts (reference semantics, explanations) and matcher.ts (the fast compiled form).
 */
import type { PolicyStatus } from '@ruyu/contracts/policy'
import { cstDate, type Duration, type WorkflowSpec } from '../workflow/index.ts'

export const QUESTION_SUBJECT = 'policy_question'
export const QUESTION_DEFINITION = 'policy.question'
export const SIGNALS = { warning: 'policy.question.warning', overdue: 'policy.question.overdue' } as const
/** Outbox events of this module. */
export const EVENTS = {
  published: 'policy.policy.published',
  ruleChanged: 'policy.policy.rule_changed',
  rematchRequested: 'policy.rematch.requested',
} as const

/** 24 小时内答复 (calendar hours, not working days); the yellow card 4 hours before. Setting `policy.answerSla`. */
export const DEFAULT_ANSWER_SLA: Duration & { warnBefore: number } = { amount: 24, unit: 'hour', warnBefore: 4 }

const ANSWERERS = [{ role: 'policy_officer' }, { role: 'admin' }]

/** 政策咨询: routed to the issuing department, answered within the SLA; warning and overdue are durable timers. */
export const questionSpec: WorkflowSpec = {
  key: QUESTION_DEFINITION,
  name: '政策咨询',
  initial: 'answering',
  slaFrom: 'context.sla',
  states: {
    answering: {
      name: '待答复',
      assignee: { role: 'policy_officer', department: { from: 'context.departmentId' } },
      actions: [{ key: 'answer', name: '答复', to: 'answered', actors: ANSWERERS, requireComment: true }],
      effects: [{ type: 'notify', to: 'assignees', title: '新的政策咨询（24小时内答复）', body: '{title}' }],
      warnEffects: [{ type: 'signal', name: SIGNALS.warning }],
      overdueEffects: [{ type: 'signal', name: SIGNALS.overdue }],
    },
    answered: {
      name: '已答复',
      final: true,
      outcome: 'approved',
      effects: [{ type: 'notify', to: 'applicant', title: '您的政策咨询已答复', body: '{title}' }],
    },
  },
}

/** A published policy past its last valid day reads as expired even before the daily sweep marks it. */
export function displayStatus(status: PolicyStatus, validTo: string | null, today: string): PolicyStatus {
  return status === 'published' && validTo !== null && validTo < today ? 'expired' : status
}

/** Beijing date (YYYY-MM-DD) of an instant. */
export const beijingDate = (now: Date = new Date()) => cstDate(now)

/** The inbox item an enterprise gets when a policy matches it. */
export function pushMessage(policy: { id: string; title: string }, reasons: readonly string[]) {
  const why = reasons.slice(0, 4).join('；')
  return {
    title: `政策推送：${policy.title}`,
    body: why
      ? `贵企业符合该政策的条件（${why}${reasons.length > 4 ? '等' : ''}），请查看详情并及时申报。`
      : '贵企业可能符合该政策的条件，请查看详情。',
    link: `/policy/mine/${policy.id}`,
  }
}

/** Inbox message when a pushed policy no longer applies to the enterprise (its profile or the rule changed). */
export function withdrawMessage(policy: { id: string; title: string }, reasons: readonly string[]) {
  const why = reasons.slice(0, 3).join('；')
  return {
    title: `政策推送已撤回：${policy.title}`,
    body: why
      ? `贵企业已不再符合该政策的条件（${why}${reasons.length > 3 ? '等' : ''}），此前的推送已撤回。如企业信息有误，请更新后将重新匹配。`
      : '贵企业已不再符合该政策的条件，此前的推送已撤回。',
    link: `/policy/mine/${policy.id}`,
  }
}
