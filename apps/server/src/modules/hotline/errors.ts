import { defineError } from '../../platform/errors.ts'

export const orderNotFound = defineError('HOTLINE_ORDER_NOT_FOUND', 'not_found', {
  zh: '工单不存在或您无权查看',
  en: 'Work order not found or not visible to you',
})
export const invalidState = defineError('HOTLINE_INVALID_STATE', 'invalid_state', {
  zh: '工单当前状态（{status}）不能执行“{action}”',
  en: 'The work order is {status}; "{action}" is not possible now',
})
export const alreadyAcknowledged = defineError('HOTLINE_ALREADY_ACKNOWLEDGED', 'conflict', {
  zh: '该工单已签收',
  en: 'This work order has already been acknowledged',
})
export const notMainUnit = defineError('HOTLINE_NOT_MAIN_UNIT', 'forbidden', {
  zh: '只有主办单位可以执行“{action}”，协办单位请通过办理意见协助',
  en: 'Only the main handling unit may do "{action}"; co-handlers add notes instead',
})
export const returnTooLate = defineError('HOTLINE_RETURN_TOO_LATE', 'invalid_state', {
  zh: '已超过退单时限（派单后 {days} 个工作日内），请按期办理或申请延期',
  en: 'Too late to return the order (allowed within {days} working days of dispatch)',
})
export const extensionTooLate = defineError('HOTLINE_EXTENSION_TOO_LATE', 'invalid_state', {
  zh: '延期须在办理期限届满前申请，该工单已超期',
  en: 'An extension must be requested before the deadline; this order is overdue',
})
export const extensionTooLong = defineError('HOTLINE_EXTENSION_TOO_LONG', 'invalid_state', {
  zh: '延期不能超过 {max} 个工作日',
  en: 'An extension may not exceed {max} working days',
})
export const noWorkflow = defineError('HOTLINE_NO_WORKFLOW', 'invalid_state', {
  zh: '该工单为统计样本数据，不能办理',
  en: 'This order is scenario data and cannot be acted on',
})
export const mergeTarget = defineError('HOTLINE_MERGE_TARGET_INVALID', 'invalid_state', {
  zh: '不能合并到该工单：{reason}',
  en: 'Cannot merge into that order: {reason}',
})
export const categoryNotFound = defineError('HOTLINE_CATEGORY_NOT_FOUND', 'not_found', {
  zh: '诉求分类不存在',
  en: 'Category not found',
})
export const categoryCodeTaken = defineError('HOTLINE_CATEGORY_CODE_TAKEN', 'conflict', {
  zh: '分类编码 {code} 已存在',
  en: 'Category code {code} already exists',
})
export const ruleNotFound = defineError('HOTLINE_RULE_NOT_FOUND', 'not_found', {
  zh: '派单规则不存在',
  en: 'Routing rule not found',
})
export const ruleExists = defineError('HOTLINE_RULE_EXISTS', 'conflict', {
  zh: '该分类和区划已有派单规则',
  en: 'A routing rule for this category and division already exists',
})
export const articleNotFound = defineError('HOTLINE_KB_ARTICLE_NOT_FOUND', 'not_found', {
  zh: '知识库条目不存在',
  en: 'Knowledge-base article not found',
})
export const trackNotFound = defineError('HOTLINE_TRACK_NOT_FOUND', 'not_found', {
  zh: '未查到该诉求，请核对工单编号和手机号后四位或查询码',
  en: 'No request found; check the number and the last 4 digits of the phone, or the tracking code',
})
export const orderConflict = defineError('HOTLINE_CONFLICT', 'conflict', {
  zh: '工单刚刚已被他人处理（当前状态：{status}），请刷新后查看',
  en: 'Someone else has just acted on this work order (now {status}); refresh to see it',
})
