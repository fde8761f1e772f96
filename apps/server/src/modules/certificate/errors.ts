import { defineError } from '../../platform/errors.ts'

export const certificateNotFound = defineError('CERTIFICATE_NOT_FOUND', 'not_found', {
  zh: '证照不存在或不在您的查看范围内',
  en: 'Certificate not found or outside what you may see',
})
export const certificateAlreadyRevoked = defineError('CERTIFICATE_ALREADY_REVOKED', 'conflict', {
  zh: '证照 {number} 已于 {at} 注销',
  en: 'Certificate {number} was already revoked on {at}',
})
export const certificateNumberTaken = defineError('CERTIFICATE_NUMBER_TAKEN', 'conflict', {
  zh: '证照编号 {number} 已被使用，请检查 {series} 编号序列的设置；本批证照均未发放',
  en: 'Certificate number {number} is already in use; check the {series} number series. No certificate of the batch was issued',
})
