import approvalEn from '../modules/approval/locales/en'
import authEn from '../modules/auth/locales/en'
import catalogEn from '../modules/catalog/locales/en'
import certificateEn from '../modules/certificate/locales/en'
import directoryEn from '../modules/directory/locales/en'
import enterpriseEn from '../modules/enterprise/locales/en'
import homeEn from '../modules/home/locales/en'
import hotlineEn from '../modules/hotline/locales/en'
import notificationsEn from '../modules/notifications/locales/en'
import policyEn from '../modules/policy/locales/en'
import ratingEn from '../modules/rating/locales/en'
import workflowEn from '../modules/workflow/locales/en'
import commonEn from '../shared/locales/en'
import appEn from './locales/en'
import type { zhCNMessages } from './messages'

/** The English tree, loaded on demand (a separate chunk). */
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
