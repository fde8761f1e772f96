import type { ParallelSpec, WorkflowSpec } from '../domain.ts'

/** A department review branch: accept → review → approve / reject / supplement (clock paused) → back. */
export const reviewSpec: WorkflowSpec = {
  key: 'test.review',
  name: '部门审查（测试）',
  initial: 'pending',
  states: {
    pending: {
      name: '待受理',
      assignee: { role: 'dept_reviewer', department: 'branch' },
      actions: [
        { key: 'accept', name: '受理', to: 'reviewing', actors: [{ role: 'dept_reviewer' }] },
        {
          key: 'deemed_consent',
          name: '默认同意',
          to: 'approved',
          actors: [{ system: true }],
          guard: { field: 'branch.deemedConsent', eq: true },
        },
      ],
      onOverdue: { action: 'deemed_consent' },
    },
    reviewing: {
      name: '审查中',
      assignee: { role: 'dept_reviewer', department: 'branch' },
      actions: [
        { key: 'approve', name: '同意', to: 'approved', actors: [{ role: 'dept_reviewer' }], requireComment: true },
        { key: 'reject', name: '不予许可', to: 'rejected', actors: [{ role: 'dept_reviewer' }], requireComment: true },
        {
          key: 'request_supplement',
          name: '要求补正',
          to: 'supplement',
          actors: [{ role: 'dept_reviewer' }],
          requireComment: true,
          effects: [{ type: 'notify', to: 'applicant', title: '补正通知', body: '{branch.name}要求补正材料：{title}' }],
        },
      ],
    },
    supplement: {
      name: '补正中',
      clock: 'paused',
      assignee: { applicant: true },
      actions: [{ key: 'supply', name: '提交补正', to: 'reviewing', actors: [{ applicant: true }] }],
    },
    approved: { name: '已同意', final: true, outcome: 'approved' },
    rejected: { name: '不予许可', final: true, outcome: 'rejected' },
  },
}

export function themeSpec(join: ParallelSpec['join'] = 'all'): WorkflowSpec {
  return {
    key: `test.theme.${typeof join === 'object' ? `quorum${join.quorum}` : join}`,
    name: '主题并联审批（测试）',
    initial: 'review',
    sla: { amount: 20, unit: 'workday' },
    states: {
      review: {
        name: '并联审查',
        parallel: {
          definition: 'test.review',
          branchesFrom: 'branches',
          join,
          onApproved: 'issuing',
          onRejected: 'refused',
        },
      },
      issuing: {
        name: '统一出件',
        assignee: { role: 'window_clerk' },
        actions: [
          {
            key: 'issue',
            name: '统一出件',
            to: 'done',
            actors: [{ role: 'window_clerk' }],
            effects: [{ type: 'signal', name: 'test_issue' }],
          },
        ],
      },
      done: { name: '已办结', final: true, outcome: 'approved' },
      refused: { name: '不予许可', final: true, outcome: 'rejected' },
    },
  }
}
