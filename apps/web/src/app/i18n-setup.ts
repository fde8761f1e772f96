import i18n, { type BackendModule, type ParseKeys, type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { setRequestLanguage } from '../shared/request'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A locale id: a key of the merged message tree, e.g. `directory.menu.divisions`. */
export type LocaleId = ParseKeys

const STORAGE_KEY = 'ruyu.lang'
const DEFAULT_LANGUAGE: Language = 'zh-CN'

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

function applyLanguage(lang: Language): void {
  document.documentElement.lang = lang
  setRequestLanguage(lang)
}

/**
 * Starts i18next for one of the two HTML pages: the console and the public pages each bring their own message
 * tree. Chinese ships in the first bundle; English is a chunk of its own (`loadEnglish`), fetched the first time
 * someone picks it. Resolves once the chosen language is ready, so a visitor who chose English sees no Chinese flash
 * (and react-i18next never suspends on the first render).
 */
export async function setupI18n(zhCN: Resource[string]['translation'], loadEnglish: () => Promise<unknown>) {
  const initial = storedLanguage()
  applyLanguage(initial)
  const lazyMessages: BackendModule = {
    type: 'backend',
    init() {},
    read(lng, _ns, done) {
      if (lng !== 'en') return done(null, zhCN)
      loadEnglish().then(
        (messages) => done(null, messages as typeof zhCN),
        (err: unknown) => done(err instanceof Error ? err.message : String(err), false),
      )
    },
  }
  await i18n
    .use(lazyMessages)
    .use(initReactI18next)
    .init({
      resources: { 'zh-CN': { translation: zhCN } },
      partialBundledLanguages: true,
      lng: initial,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      returnNull: false,
    })
  i18n.on('languageChanged', (lng) => {
    const lang = isLanguage(lng) ? lng : DEFAULT_LANGUAGE
    applyLanguage(lang)
    try {
      window.localStorage.setItem(STORAGE_KEY, lang)
    } catch {
      // Private mode or storage disabled: the choice then lasts for this page only.
    }
  })
  return i18n
}

/** The current UI language, narrowed to the languages we ship. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE
}
