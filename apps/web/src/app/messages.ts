import approvalEn from '../modules/approval/locales/en'
import approvalZh from '../modules/approval/locales/zh-CN'
import authEn from '../modules/auth/locales/en'
import authZh from '../modules/auth/locales/zh-CN'
import catalogEn from '../modules/catalog/locales/en'
import catalogZh from '../modules/catalog/locales/zh-CN'
import certificateEn from '../modules/certificate/locales/en'
import certificateZh from '../modules/certificate/locales/zh-CN'
import directoryEn from '../modules/directory/locales/en'
import directoryZh from '../modules/directory/locales/zh-CN'
import enterpriseEn from '../modules/enterprise/locales/en'
import enterpriseZh from '../modules/enterprise/locales/zh-CN'
import homeEn from '../modules/home/locales/en'
import homeZh from '../modules/home/locales/zh-CN'
import hotlineEn from '../modules/hotline/locales/en'
import hotlineZh from '../modules/hotline/locales/zh-CN'
import notificationsEn from '../modules/notifications/locales/en'
import notificationsZh from '../modules/notifications/locales/zh-CN'
import policyEn from '../modules/policy/locales/en'
import policyZh from '../modules/policy/locales/zh-CN'
import ratingEn from '../modules/rating/locales/en'
import ratingZh from '../modules/rating/locales/zh-CN'
import workflowEn from '../modules/workflow/locales/en'
import workflowZh from '../modules/workflow/locales/zh-CN'
import commonEn from '../shared/locales/en'
import commonZh from '../shared/locales/zh-CN'
import appEn from './locales/en'
import appZh from './locales/zh-CN'

/**
 * Every module's locale files merged into one tree; the top-level key is the module name, so a locale id reads
 * `directory.divisions.title`. A new module adds one line per language here.
 */
export const zhCNMessages = {
  app: appZh,
  common: commonZh,
  auth: authZh,
  home: homeZh,
  directory: directoryZh,
  catalog: catalogZh,
  notifications: notificationsZh,
  certificate: certificateZh,
  workflow: workflowZh,
  approval: approvalZh,
  rating: ratingZh,
  hotline: hotlineZh,
  enterprise: enterpriseZh,
  policy: policyZh,
}

export const enMessages: typeof zhCNMessages = {
  app: appEn,
  common: commonEn,
  auth: authEn,
  home: homeEn,
  directory: directoryEn,
  catalog: catalogEn,
  notifications: notificationsEn,
  certificate: certificateEn,
  workflow: workflowEn,
  approval: approvalEn,
  rating: ratingEn,
  hotline: hotlineEn,
  enterprise: enterpriseEn,
  policy: policyEn,
}
