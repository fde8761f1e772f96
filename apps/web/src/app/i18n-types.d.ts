import 'i18next'
import type { zhCNMessages } from './messages'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof zhCNMessages }
  }
}
