import type { WorkflowSpec } from '../workflow/index.ts'

/** 好差评 levels (GB/T 39734): 5 非常满意 … 1 非常不满意; 1–2 are 差评. */
export const LEVELS = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' } as const
export const isBadRating = (level: number) => level <= 2

/** Weight of each level in the satisfaction rate; localities weight 基本满意 differently (e.g. 0.8). */
export type LevelWeights = Record<'1' | '2' | '3' | '4' | '5', number>
export const DEFAULT_WEIGHTS: LevelWeights = { '5': 1, '4': 1, '3': 1, '2': 0, '1': 0 }

/** Satisfaction = Σ weight(level) × count(level) / all ratings; null when nothing was rated. */
export function satisfactionRate(
  counts: Partial<Record<number, number>>,
  weights: LevelWeights = DEFAULT_WEIGHTS,
): number | null {
  let total = 0
  let score = 0
  for (const level of [1, 2, 3, 4, 5] as const) {
    const n = counts[level] ?? 0
    total += n
    score += n * weights[String(level) as keyof LevelWeights]
  }
  return total === 0 ? null : score / total
}

export const RECTIFICATION_KEY = 'rating.rectification'
/** Signal every rectification action declares, so the rating row mirrors the engine state in the same transaction. */
export const RECTIFICATION_SYNC = 'rating.rectification.sync'
const sync = { type: 'signal' as const, name: RECTIFICATION_SYNC }

/** Who answers for a 差评 in the rated department (谁办理、谁负责): its reviewers, or its policy staff for an answer. */
const RECTIFIERS = ['dept_reviewer', 'policy_officer']
const RECTIFIER_ACTORS = RECTIFIERS.map((role) => ({ role }))

/**
 * 差评 rectification (谁办理、谁负责): the department calls the rater back and verifies, then rectifies and feeds back,
 * or explains where the complaint has no legal basis; a mistaken or malicious rating can be appealed (申诉) by the
 * department, and an administrator decides: upheld (back to rectifying) or accepted (the 差评 stands annulled).
 */
export const rectificationSpec: WorkflowSpec = {
  key: RECTIFICATION_KEY,
  name: '差评整改',
  initial: 'callback',
  states: {
    callback: {
      name: '回访核实',
      assignee: { roles: RECTIFIERS, department: 'branch' },
      actions: [
        {
          key: 'verify',
          name: '核实属实，开始整改',
          to: 'rectifying',
          actors: RECTIFIER_ACTORS,
          requireComment: true,
          // When the rater was called back.
          input: { calledBackAt: { type: 'datetime' } },
          effects: [sync],
        },
        {
          key: 'explain',
          name: '无法律依据，解释说明',
          to: 'explained',
          actors: RECTIFIER_ACTORS,
          requireComment: true,
          effects: [sync],
        },
        {
          key: 'appeal',
          name: '申诉复核',
          to: 'appeal_review',
          actors: RECTIFIER_ACTORS,
          requireComment: true,
          effects: [sync],
        },
      ],
    },
    rectifying: {
      name: '整改中',
      assignee: { roles: RECTIFIERS, department: 'branch' },
      actions: [
        {
          key: 'feedback',
          name: '提交整改反馈',
          to: 'rectified',
          actors: RECTIFIER_ACTORS,
          requireComment: true,
          effects: [
            { type: 'notify', to: 'applicant', title: '差评整改反馈', body: '您对“{title}”的评价已整改并反馈' },
            sync,
          ],
        },
      ],
    },
    appeal_review: {
      name: '申诉复核',
      assignee: { role: 'admin' },
      actions: [
        {
          key: 'uphold',
          name: '维持差评，继续整改',
          to: 'rectifying',
          actors: [{ role: 'admin' }],
          requireComment: true,
          effects: [sync],
        },
        {
          key: 'accept_appeal',
          name: '申诉成立',
          to: 'appeal_accepted',
          actors: [{ role: 'admin' }],
          requireComment: true,
          effects: [sync],
        },
      ],
    },
    rectified: { name: '已整改反馈', final: true, outcome: 'approved' },
    explained: { name: '已解释说明', final: true, outcome: 'approved' },
    appeal_accepted: { name: '申诉成立', final: true, outcome: 'rejected' },
  },
}
