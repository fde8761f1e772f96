import { defineError } from '../../platform/errors.ts'

export const definitionNotFound = defineError('WORKFLOW_DEFINITION_NOT_FOUND', 'not_found', {
  zh: '流程定义 {key} 不存在',
  en: 'Workflow definition {key} does not exist',
})
export const definitionInvalid = defineError('WORKFLOW_DEFINITION_INVALID', 'validation', {
  zh: '流程定义无效：{reason}',
  en: 'Invalid workflow definition: {reason}',
})
export const instanceNotFound = defineError('WORKFLOW_INSTANCE_NOT_FOUND', 'not_found', {
  zh: '办理流程不存在或您无权查看',
  en: 'Process not found or not visible to you',
})
export const instanceClosed = defineError('WORKFLOW_INSTANCE_CLOSED', 'invalid_state', {
  zh: '该流程已结束（{status}），不能再办理',
  en: 'This process has ended ({status}); no further actions',
})
export const actionNotAvailable = defineError('WORKFLOW_ACTION_NOT_AVAILABLE', 'invalid_state', {
  zh: '当前环节（{state}）不能执行“{action}”',
  en: 'Action "{action}" is not available in the current step ({state})',
})
export const notPermitted = defineError('WORKFLOW_NOT_PERMITTED', 'forbidden', {
  zh: '您无权在当前环节执行“{action}”',
  en: 'You may not take "{action}" in the current step',
})
export const guardFailed = defineError('WORKFLOW_GUARD_FAILED', 'invalid_state', {
  zh: '不满足执行“{action}”的条件',
  en: 'The conditions for "{action}" are not met',
})
export const commentRequired = defineError('WORKFLOW_COMMENT_REQUIRED', 'validation', {
  zh: '“{action}”须填写意见或理由',
  en: '"{action}" needs an opinion or reason',
})
export const concurrentUpdate = defineError('WORKFLOW_CONFLICT', 'conflict', {
  zh: '该事项刚刚已被他人办理，请刷新后查看',
  en: 'Someone else has just acted on this; refresh to see the current state',
})
export const signalUnhandled = defineError('WORKFLOW_SIGNAL_UNHANDLED', 'invalid_state', {
  zh: '流程信号 {name} 没有处理程序',
  en: 'No handler for workflow signal {name}',
})
export const moduleRouteRequired = defineError('WORKFLOW_MODULE_ROUTE_REQUIRED', 'forbidden', {
  zh: '该事项须通过{module}模块的办理入口办理',
  en: "Act on this through the {module} module's own routes",
})
export const inputInvalid = defineError('WORKFLOW_INPUT_INVALID', 'invalid_state', {
  zh: '“{action}”不接受这些办理数据：{keys}',
  en: '"{action}" does not take this data: {keys}',
})
