import { defineError } from '../../platform/errors.ts'

export const enterpriseNotFound = defineError('ENTERPRISE_NOT_FOUND', 'not_found', {
  zh: '企业不存在或您无权查看',
  en: 'Enterprise not found or not visible to you',
})
export const enterpriseExists = defineError('ENTERPRISE_EXISTS', 'conflict', {
  zh: '统一社会信用代码 {uscc} 的企业已存在',
  en: 'An enterprise with USCC {uscc} already exists',
})
export const invalidIndustry = defineError('ENTERPRISE_INVALID_INDUSTRY', 'validation', {
  zh: '行业代码 {code} 不是 GB/T 4754-2017 中该门类下的大类',
  en: 'Industry code {code} is not a GB/T 4754-2017 division of its section',
})
export const invalidDivision = defineError('ENTERPRISE_INVALID_DIVISION', 'validation', {
  zh: '注册区划 {code} 不存在',
  en: 'Division {code} does not exist',
})
export const invalidPark = defineError('ENTERPRISE_INVALID_PARK', 'validation', {
  zh: '园区 {code} 不存在',
  en: 'Park {code} does not exist',
})
export const versionConflict = defineError('ENTERPRISE_VERSION_CONFLICT', 'conflict', {
  zh: '企业信息已被他人修改，请刷新后重试',
  en: 'The enterprise was changed by someone else; reload and try again',
})
export const unknownEnterprise = defineError('ENTERPRISE_UNKNOWN_USCC', 'validation', {
  zh: '该统一社会信用代码与企业名称未在平台登记，请核对或联系政务服务中心',
  en: 'No enterprise with this USCC and name is registered on the platform',
})
export const notVerified = defineError('ENTERPRISE_ACCOUNT_NOT_VERIFIED', 'forbidden', {
  zh: '企业账号尚未通过审核，审核通过后才能查看企业信息',
  en: 'Your enterprise account has not been verified yet',
})
export const memberNotFound = defineError('ENTERPRISE_MEMBER_NOT_FOUND', 'not_found', {
  zh: '企业账号申请不存在',
  en: 'Enterprise account application not found',
})
export const memberDecided = defineError('ENTERPRISE_MEMBER_DECIDED', 'conflict', {
  zh: '该申请已处理（{status}）',
  en: 'This application has already been decided ({status})',
})
export const providerNotFound = defineError('ENTERPRISE_PROVIDER_NOT_FOUND', 'not_found', {
  zh: '服务机构不存在',
  en: 'Service provider not found',
})
export const providerExists = defineError('ENTERPRISE_PROVIDER_EXISTS', 'conflict', {
  zh: '服务机构编码 {code} 已存在',
  en: 'Provider code {code} already exists',
})
export const providerOffline = defineError('ENTERPRISE_PROVIDER_OFFLINE', 'invalid_state', {
  zh: '该服务机构尚未开通线上受理',
  en: 'This provider does not take requests online yet',
})
export const serviceNotFound = defineError('ENTERPRISE_SERVICE_NOT_FOUND', 'not_found', {
  zh: '服务事项不存在或已下架',
  en: 'Service not found or withdrawn',
})
export const serviceExists = defineError('ENTERPRISE_SERVICE_EXISTS', 'conflict', {
  zh: '服务编码 {code} 已存在',
  en: 'Service code {code} already exists',
})
export const requestNotFound = defineError('ENTERPRISE_REQUEST_NOT_FOUND', 'not_found', {
  zh: '服务申请不存在或您无权查看',
  en: 'Service request not found or not visible to you',
})
export const notRateable = defineError('ENTERPRISE_REQUEST_NOT_RATEABLE', 'invalid_state', {
  zh: '服务办结后才能评价',
  en: 'A request can be rated once it is completed',
})
export const listingNotFound = defineError('ENTERPRISE_LISTING_NOT_FOUND', 'not_found', {
  zh: '供需信息不存在或已关闭',
  en: 'Listing not found or closed',
})
export const ownListing = defineError('ENTERPRISE_LISTING_OWN', 'invalid_state', {
  zh: '不能联系本企业发布的供需信息',
  en: 'You cannot contact your own listing',
})
export const contactNotFound = defineError('ENTERPRISE_CONTACT_NOT_FOUND', 'not_found', {
  zh: '对接消息不存在',
  en: 'Contact not found',
})
export const listingExpired = defineError('ENTERPRISE_LISTING_EXPIRED', 'validation', {
  zh: '有效期须晚于今天',
  en: 'The listing must be valid after today',
})
export const alreadyRated = defineError('ENTERPRISE_REQUEST_RATED', 'conflict', {
  zh: '该服务申请已评价',
  en: 'This request has already been rated',
})
export const orgUnitNotFound = defineError('ENTERPRISE_ORG_UNIT_NOT_FOUND', 'validation', {
  zh: '关联的机构（组织单元）不存在',
  en: 'The linked org unit does not exist',
})
