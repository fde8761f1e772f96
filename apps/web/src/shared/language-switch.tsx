import GlobalOutlined from '@ant-design/icons/GlobalOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'

/** Toggles between Chinese and English; the button shows the language it switches to, in that language. */
export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t, i18n } = useTranslation()
  const next = i18n.language === 'en' ? 'zh-CN' : 'en'
  const label = next === 'en' ? t('common.language.en') : t('common.language.zhCN')
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      aria-label={t('common.language.switchTo', { name: label })}
      style={light ? { color: '#fff' } : undefined}
      onClick={() => void i18n.changeLanguage(next)}
    >
      <span lang={next}>{label}</span>
    </Button>
  )
}
