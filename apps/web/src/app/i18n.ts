// i18n of the console (index.html): every module's messages, and dayjs (AntD's date pickers) in the same language.
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18n from 'i18next'
import { currentLanguage, setupI18n } from './i18n-setup'
import { zhCNMessages } from './messages'

export { currentLanguage, LANGUAGES, type Language, type LocaleId } from './i18n-setup'

const applyDayjs = () => dayjs.locale(currentLanguage() === 'zh-CN' ? 'zh-cn' : 'en')

await setupI18n(zhCNMessages, () => import('./messages-en').then((m) => m.enMessages))
applyDayjs()
i18n.on('languageChanged', applyDayjs)

export default i18n
