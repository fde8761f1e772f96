// i18n of the public pages (public.html): no dayjs, which only the console's date pickers need.
import i18n from 'i18next'
import { setupI18n } from './i18n-setup'
import { zhCNMessages } from './messages'

await setupI18n(zhCNMessages, () => import('./messages-en').then((m) => m.enMessages))

export default i18n
