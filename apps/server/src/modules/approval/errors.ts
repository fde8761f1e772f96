import { defineError } from '../../platform/errors.ts'

export const caseNotFound = defineError('APPROVAL_CASE_NOT_FOUND', 'not_found', {
  zh: '办件不存在或您无权查看',
  en: 'Case not found or not visible to you',
})
export const parkNotFound = defineError('APPROVAL_PARK_NOT_FOUND', 'validation', {
  zh: '园区 {code} 不存在',
  en: 'Park {code} does not exist',
})
export const notRateable = defineError('APPROVAL_NOT_RATEABLE', 'invalid_state', {
  zh: '办件出件或办结后才能评价',
  en: 'A case can be rated once its certificates are issued or it is closed',
})
export const materialNotPending = defineError('APPROVAL_MATERIAL_NOT_PENDING', 'invalid_state', {
  zh: '材料 {code} 不是待补齐的容缺材料',
  en: 'Material {code} is not a pending material',
})
export const notApplicant = defineError('APPROVAL_NOT_APPLICANT', 'forbidden', {
  zh: '只有申请人或窗口人员可以操作',
  en: 'Only the applicant or the window may do this',
})
