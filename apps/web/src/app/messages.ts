import approvalZh from '../modules/approval/locales/zh-CN'
import authZh from '../modules/auth/locales/zh-CN'
import catalogZh from '../modules/catalog/locales/zh-CN'
import certificateZh from '../modules/certificate/locales/zh-CN'
import directoryZh from '../modules/directory/locales/zh-CN'
import enterpriseZh from '../modules/enterprise/locales/zh-CN'
import homeZh from '../modules/home/locales/zh-CN'
import hotlineZh from '../modules/hotline/locales/zh-CN'
import notificationsZh from '../modules/notifications/locales/zh-CN'
import policyZh from '../modules/policy/locales/zh-CN'
import ratingZh from '../modules/rating/locales/zh-CN'
import workflowZh from '../modules/workflow/locales/zh-CN'
import commonZh from '../shared/locales/zh-CN'
import appZh from './locales/zh-CN'

/**
 * Every module's locale files merged into one tree; the top-level key is the module name, so a locale id reads
 * `directory.divisions.title`. A new module adds one line here and one in messages-en.ts. Only Chinese, the
 * default, is in the first bundle; English loads when chosen (see i18n.ts).
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
