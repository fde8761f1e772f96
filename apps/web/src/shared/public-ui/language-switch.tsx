import { usePublicTranslation } from './i18n'
import { Icon } from './icons'
import './button.css'

/**
 * Toggles between Chinese and English on the public pages (the console has its own, in AntD); the button shows the
 * language it switches to, in that language. `light` is for dark headers.
 */
export function PublicLanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, i18n } = usePublicTranslation()
  const next = i18n.language === 'en' ? 'zh-CN' : 'en'
  const label = next === 'en' ? t('common.language.en') : t('common.language.zhCN')
  return (
    <button
      type="button"
      className="ruyu-btn ruyu-lang-switch"
      data-variant="text"
      data-light={light ? '' : undefined}
      aria-label={t('common.language.switchTo', { name: label })}
      onClick={() => void i18n.changeLanguage(next)}
    >
      <Icon name="globe" />
      <span lang={next}>{label}</span>
    </button>
  )
}
