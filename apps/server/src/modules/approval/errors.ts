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
export const materialsPending = defineError('APPROVAL_MATERIALS_PENDING', 'invalid_state', {
  zh: '尚有 {count} 项容缺材料未补齐（{names}）。请补齐后再统一出件，或注明理由后确认出件',
  en: '{count} deferred material(s) are still missing ({names}). Have them supplied first, or state why the certificates are issued anyway',
})
export const draftNotFound = defineError('APPROVAL_DRAFT_NOT_FOUND', 'not_found', {
  zh: '草稿不存在或已提交',
  en: 'Draft not found, or already submitted',
})
export const draftChanged = defineError('APPROVAL_DRAFT_CHANGED', 'conflict', {
  zh: '草稿已在别处保存过，请重新打开后再保存',
  en: 'The draft was saved elsewhere meanwhile; reopen it before saving',
})
