import authEn from '../modules/auth/locales/en'
import certificateEn from '../modules/certificate/locales/en'
import enterpriseEn from '../modules/enterprise/locales/en'
import hotlineLabelsEn from '../modules/hotline/locales/en/labels'
import hotlinePublicEn from '../modules/hotline/locales/en/public'
import commonEn from '../shared/locales/en'
import appEn from './locales/en'
import type { publicZhMessages } from './messages-public'

/** The English public tree, loaded on demand (a separate chunk). */
export const publicEnMessages: typeof publicZhMessages = {
  app: appEn,
  common: commonEn,
  auth: authEn,
  certificate: certificateEn,
  hotline: { ...hotlineLabelsEn, ...hotlinePublicEn },
  enterprise: enterpriseEn,
}
