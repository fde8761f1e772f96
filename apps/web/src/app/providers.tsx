import { QueryClientProvider } from '@tanstack/react-query'
import { theme as antdTheme, ConfigProvider } from 'antd'
import enUS from 'antd/es/locale/en_US'
import zhCN from 'antd/es/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { queryClient } from './query-client'
import { theme } from './theme'

/** The base text style of the theme, which AntD's App would otherwise set (App lives in the console frame). */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken()
  return (
    <div
      style={{
        fontFamily: token.fontFamily,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        color: token.colorText,
      }}
    >
      {children}
    </div>
  )
}

/**
 * Query cache, Ant Design locale and theme. AntD's App context (message, modal, notification) is added by the
 * console frame only, so the public pages do not download it.
 */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const locale = i18n.language === 'en' ? enUS : zhCN
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme} button={{ autoInsertSpace: false }}>
        <BaseText>{children}</BaseText>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
