import { defineError } from '../../platform/errors.ts'

export const policyNotFound = defineError('POLICY_NOT_FOUND', 'not_found', {
  zh: '政策不存在或未发布',
  en: 'Policy not found or not published',
})
export const ruleInvalid = defineError('POLICY_RULE_INVALID', 'validation', {
  zh: '申报条件有误：{issues}',
  en: 'The eligibility rule is invalid: {issues}',
})
export const policyInvalidState = defineError('POLICY_INVALID_STATE', 'invalid_state', {
  zh: '政策当前状态（{status}）不能执行“{action}”',
  en: 'The policy is {status}; "{action}" is not possible now',
})
export const notYourDepartment = defineError('POLICY_NOT_YOUR_DEPARTMENT', 'forbidden', {
  zh: '只能办理本部门的政策和咨询',
  en: 'You may only act on your own department’s policies and questions',
})
export const departmentNotFound = defineError('POLICY_DEPARTMENT_NOT_FOUND', 'validation', {
  zh: '发布部门不存在',
  en: 'Issuing department not found',
})
export const questionNotFound = defineError('POLICY_QUESTION_NOT_FOUND', 'not_found', {
  zh: '咨询不存在或您无权查看',
  en: 'Question not found or not visible to you',
})
/** Publish or expire refused: a conflict when the policy already is where the action leads (someone was first). */
export const policyStatusRefused = (status: string, target: string, action: string) =>
  status === target ? policyAlreadyDone({ status, action }) : policyInvalidState({ status, action })
export const policyAlreadyDone = defineError('POLICY_ALREADY_DONE', 'conflict', {
  zh: '政策已被他人执行“{action}”（当前状态：{status}），请刷新后查看',
  en: 'Someone else has already done "{action}" on this policy (now {status}); refresh to see it',
})
export const questionAnswered = defineError('POLICY_QUESTION_ANSWERED', 'conflict', {
  zh: '该咨询已被答复，请刷新后查看',
  en: 'This question has already been answered; refresh to see the answer',
})
export const questionInvalidState = defineError('POLICY_QUESTION_INVALID_STATE', 'invalid_state', {
  zh: '该咨询当前不能执行“{action}”：{reason}',
  en: 'This question cannot be "{action}" now: {reason}',
})
export const enterpriseOnly = defineError('POLICY_ENTERPRISE_ONLY', 'not_found', {
  zh: '未找到您所代表的已认证企业',
  en: 'No verified enterprise found for your account',
})
export const faqExists = defineError('POLICY_FAQ_EXISTS', 'conflict', {
  zh: '该咨询已发布为常见问题',
  en: 'This question has already been published as an FAQ',
})
export const matchNotFound = defineError('POLICY_MATCH_NOT_FOUND', 'not_found', {
  zh: '该政策未推送给贵企业',
  en: 'This policy was not pushed to your enterprise',
})
