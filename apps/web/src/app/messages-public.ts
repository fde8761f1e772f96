import authZh from '../modules/auth/locales/zh-CN'
import certificateZh from '../modules/certificate/locales/zh-CN'
import enterpriseZh from '../modules/enterprise/locales/zh-CN'
import hotlineLabelsZh from '../modules/hotline/locales/zh-CN/labels'
import hotlinePublicZh from '../modules/hotline/locales/zh-CN/public'
import commonZh from '../shared/locales/zh-CN'
import appZh from './locales/zh-CN'

/**
 * The part of the message tree the public pages use (a fifth of the whole), for the public bundle: the same ids as
 * messages.ts, taken from the same files. The public pages look their texts up through shared/public-ui/i18n.ts,
 * whose ids are typed against this tree, so a page cannot ask for a text the public bundle does not have.
 */
export const publicZhMessages = {
  app: appZh,
  common: commonZh,
  auth: authZh,
  certificate: certificateZh,
  hotline: { ...hotlineLabelsZh, ...hotlinePublicZh },
  enterprise: enterpriseZh,
}
