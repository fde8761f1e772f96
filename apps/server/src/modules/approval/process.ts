/** The approval processes on the workflow engine: a department's review of its branch, and the case workflow. */
import type { ActionSpec, WorkflowSpec } from '../workflow/index.ts'
import { CERTIFICATE_KIND_OF, type StageBranches } from './domain.ts'

export const DEPARTMENT_REVIEW_KEY = 'approval.department-review'

/** 默认同意: when the item allows it, a branch left past its limit is approved by the system (onOverdue). */
const DEEMED_CONSENT: ActionSpec = {
  key: 'deemed_consent',
  name: '逾期默认同意',
  to: 'approved',
  actors: [{ system: true }],
  guard: { field: 'branch.deemedConsent', eq: true },
}

/** What a department does with its branch: accept, review, approve / refuse / ask for a supplement, or send back. */
export const departmentReviewSpec: WorkflowSpec = {
  key: DEPARTMENT_REVIEW_KEY,
  name: '部门并联审查',
  initial: 'pending',
  states: {
    pending: {
      name: '待受理',
      assignee: { role: 'dept_reviewer', department: 'branch' },
      // The department's reviewers learn that a case reached them (issue 10 §1: they were never told).
      effects: [
        {
          type: 'notify',
          to: 'assignees',
          title: '新的并联审批办件待受理',
          body: '“{title}”已推送至{branch.name}，请及时受理',
        },
      ],
      actions: [
        { key: 'accept', name: '受理', to: 'reviewing', actors: [{ role: 'dept_reviewer' }] },
        {
          key: 'return_to_window',
          name: '退回窗口',
          to: 'returned',
          actors: [{ role: 'dept_reviewer' }],
          requireComment: true,
        },
        DEEMED_CONSENT,
      ],
      onOverdue: { action: 'deemed_consent' },
    },
    reviewing: {
      name: '审查中',
      assignee: { role: 'dept_reviewer', department: 'branch' },
      actions: [
        { key: 'approve', name: '审查同意', to: 'approved', actors: [{ role: 'dept_reviewer' }], requireComment: true },
        {
          key: 'reject',
          name: '不予许可',
          to: 'rejected',
          actors: [{ role: 'dept_reviewer' }],
          requireComment: true,
          // 行政许可法 art. 38: a refusal states its legal basis.
          input: { legalBasis: { type: 'string', max: 500 } },
        },
        {
          key: 'request_supplement',
          name: '要求补正',
          to: 'supplement',
          actors: [{ role: 'dept_reviewer' }],
          requireComment: true,
          // The codes of the materials to supplement (一次性告知).
          input: { materials: { type: 'string[]', max: 100 } },
          effects: [
            {
              type: 'notify',
              to: 'applicant',
              title: '补正通知',
              body: '{branch.name}要求对“{title}”补正材料，请尽快提交',
            },
          ],
        },
        DEEMED_CONSENT,
      ],
      onOverdue: { action: 'deemed_consent' },
    },
    supplement: {
      name: '补正中（计时暂停）',
      clock: 'paused',
      assignee: { applicant: true },
      actions: [
        {
          key: 'supply',
          name: '提交补正',
          to: 'reviewing',
          actors: [{ applicant: true }, { role: 'window_clerk' }],
          effects: [
            { type: 'notify', to: 'assignees', title: '补正材料已提交', body: '“{title}”已提交补正材料，请继续审查' },
          ],
        },
      ],
    },
    returned: {
      name: '退回窗口',
      assignee: { role: 'window_clerk' },
      actions: [
        { key: 'resubmit', name: '重新推送', to: 'pending', actors: [{ role: 'window_clerk' }], requireComment: true },
      ],
    },
    approved: { name: '审查同意', final: true, outcome: 'approved' },
    rejected: { name: '不予许可', final: true, outcome: 'rejected' },
  },
}

export const ISSUE_SIGNAL = 'approval.issue_certificates'
export const CLOSE_SIGNAL = 'approval.case_closed'

/**
 * The case workflow generated from a variant's stage plan: each stage a parallel state over its department
 * branches (join: all), then unified issuance (统一出件) after the last stage yielding one of the four
 * certificates (四证), then any later stages (竣工验收). The applicant or the window may withdraw while a stage before
 * issuance runs; once the certificates are out, withdrawal is no longer offered.
 */
export function caseSpec(
  key: string,
  name: string,
  stages: readonly StageBranches[],
  committedDays: number,
): WorkflowSpec {
  const active = stages.filter((s) => s.branches.length > 0)
  // 四证齐发 after the stage by which each of the four certificates has first appeared (a later 不动产权证书 of the
  // finished building is issued when the case completes).
  const firstStage = new Map<string, number>()
  active.forEach((s, i) => {
    for (const b of s.branches)
      for (const x of b.items as { certificateKind: string | null }[]) {
        const kind = x.certificateKind ? CERTIFICATE_KIND_OF[x.certificateKind] : undefined
        if (kind && !firstStage.has(kind)) firstStage.set(kind, i)
      }
  })
  const certStage = firstStage.size ? Math.max(...firstStage.values()) : -1
  const order: string[] = []
  active.forEach((_, i) => {
    order.push(`stage_${i + 1}`)
    if (i === certStage) order.push('issuance')
  })
  if (certStage < 0) order.push('issuance')
  order.push('completed')
  const next = (k: string) => order[order.indexOf(k) + 1]!
  const withdraw = {
    key: 'withdraw',
    name: '撤回申请',
    to: 'withdrawn',
    actors: [{ applicant: true as const }, { role: 'window_clerk' }],
    requireComment: true,
  }
  const states: WorkflowSpec['states'] = {}
  // Withdrawal makes sense only until the certificates are out: a stage after unified issuance (竣工验收) builds on
  // issued certificates, and withdrawing there would leave them standing (issue 10 §2).
  const issuanceAt = order.indexOf('issuance')
  active.forEach((s, i) => {
    const key = `stage_${i + 1}`
    states[key] = {
      name: `第${i + 1}阶段：${s.name}`,
      parallel: {
        definition: DEPARTMENT_REVIEW_KEY,
        branchesFrom: `stages.${i}.branches`,
        join: 'all',
        onApproved: next(key),
        onRejected: 'refused',
      },
      actions: order.indexOf(key) < issuanceAt ? [withdraw] : [],
    }
  })
  states.issuance = {
    name: '统一出件',
    assignee: { role: 'window_clerk' },
    actions: [
      {
        key: 'issue',
        name: '统一出件（四证齐发）',
        to: next('issuance'),
        actors: [{ role: 'window_clerk' }],
        // Why issue while 容缺 materials are still missing (checked and recorded by deferred.ts).
        input: { overrideReason: { type: 'string', max: 200 } },
        effects: [
          { type: 'signal', name: ISSUE_SIGNAL },
          {
            type: 'notify',
            to: 'applicant',
            title: '证照已统一出件',
            body: '“{title}”的证照已全部办结并统一出件，请下载电子证照',
          },
        ],
      },
    ],
  }
  states.completed = {
    name: '已办结',
    final: true,
    outcome: 'approved',
    effects: [{ type: 'signal', name: CLOSE_SIGNAL }],
  }
  states.refused = {
    name: '不予许可',
    final: true,
    outcome: 'rejected',
    effects: [{ type: 'signal', name: CLOSE_SIGNAL }],
  }
  states.withdrawn = {
    name: '已撤回',
    final: true,
    outcome: 'withdrawn',
    effects: [{ type: 'signal', name: CLOSE_SIGNAL }],
  }
  return {
    key,
    name,
    initial: order[0]!,
    sla: { amount: Math.max(1, committedDays), unit: 'workday', warnBefore: 2 },
    states,
  }
}
