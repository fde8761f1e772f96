// i18n of the public pages (public.html): only their part of the messages (messages-public.ts), and no dayjs,
// which only the console's date pickers need.
import i18n from 'i18next'
import { setupI18n } from './i18n-setup'
import { publicZhMessages } from './messages-public'

await setupI18n(publicZhMessages, () => import('./messages-public-en').then((m) => m.publicEnMessages))

export default i18n
