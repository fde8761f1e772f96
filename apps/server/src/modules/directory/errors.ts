import { defineError } from '../../platform/errors.ts'

export const divisionNotFound = defineError('DIRECTORY_DIVISION_NOT_FOUND', 'not_found', {
  zh: '行政区划 {code} 不存在或不在您的管辖范围内',
  en: 'Division {code} does not exist or is outside your scope',
})
export const departmentNotFound = defineError('DIRECTORY_DEPARTMENT_NOT_FOUND', 'not_found', {
  zh: '部门不存在或不在您的管辖范围内',
  en: 'Department not found or outside your scope',
})
export const staffNotFound = defineError('DIRECTORY_STAFF_NOT_FOUND', 'not_found', {
  zh: '工作人员不存在或不在您的管辖范围内',
  en: 'Staff member not found or outside your scope',
})
export const departmentCodeTaken = defineError('DIRECTORY_DEPARTMENT_CODE_TAKEN', 'conflict', {
  zh: '部门编码 {code} 已被使用',
  en: 'Department code {code} is already in use',
})
export const outOfScope = defineError('DIRECTORY_OUT_OF_SCOPE', 'forbidden', {
  zh: '行政区划 {code} 超出您的管辖范围',
  en: 'Division {code} is outside your scope',
})
