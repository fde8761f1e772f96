import { theme as antdTheme, ConfigProvider, type ThemeConfig } from 'antd'
import { type ReactNode, useLayoutEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type DisplayPref, type DisplayPrefs, setDisplayPrefs, toggled, useDisplayPrefs } from './display-prefs'
import './public-display.css'

const ORDER: DisplayPref[] = ['elder', 'largeText', 'highContrast']

/** AntD tokens per setting: text ≥ 18 px (20 px in 长辈版), ≥ 44 / 48 px controls, black text and dark borders. */
function themeOf(p: DisplayPrefs): ThemeConfig {
  const token: NonNullable<ThemeConfig['token']> = {}
  if (p.largeText) Object.assign(token, { fontSize: 18, controlHeight: 44, controlHeightLG: 52 })
  if (p.elder) Object.assign(token, { fontSize: 20, controlHeight: 48, controlHeightLG: 56, controlHeightSM: 40 })
  if (p.highContrast)
    Object.assign(token, {
      colorPrimary: '#0a3a8c',
      colorInfo: '#0a3a8c',
      colorLink: '#0a3a8c',
      colorText: '#000',
      colorTextSecondary: '#1a1a1a',
      colorTextDescription: '#1a1a1a',
      colorTextTertiary: '#262626',
      colorTextPlaceholder: '#404040',
      colorBorder: '#4d4d4d',
      colorError: '#a8071a',
      colorSuccess: '#135200',
      colorWarning: '#7a4500',
      colorBgLayout: '#fff',
    })
  return { token }
}

/** The visible switches, on every public page: toggle buttons (aria-pressed), with a spoken confirmation. */
function DisplayControls({ prefs }: { prefs: DisplayPrefs }) {
  const { t } = useTranslation()
  const [said, setSaid] = useState('')
  return (
    <section className="ruyu-display-bar" aria-label={t('common.display.label')}>
      {ORDER.map((key) => {
        const name = t(`common.display.${key}`)
        return (
          <button
            key={key}
            type="button"
            className="ruyu-display-toggle"
            aria-pressed={prefs[key]}
            data-pref={key}
            onClick={() => {
              const next = toggled(prefs, key)
              setDisplayPrefs(next)
              setSaid(t(next[key] ? 'common.display.on' : 'common.display.off', { name }))
            }}
          >
            {name}
          </button>
        )
      })}
      <span className="ruyu-visually-hidden" role="status" aria-live="polite">
        {said}
      </span>
    </section>
  )
}

/** The base text of the chosen settings, for the plain elements that take it from their parent. */
function DisplayText({ children }: { children: ReactNode }) {
  const { token } = antdTheme.useToken()
  return (
    <div className="ruyu-display" style={{ fontSize: token.fontSize, color: token.colorText }}>
      {children}
    </div>
  )
}

/**
 * Wraps every public page (public-routes.tsx): the display switches on top, and the chosen settings applied to
 * AntD's tokens and, as `data-ruyu-*` attributes on <html>, to the plain CSS (also reaching popups in <body>).
 */
export function PublicDisplay({ children }: { children: ReactNode }) {
  const prefs = useDisplayPrefs()
  useLayoutEffect(() => {
    const root = document.documentElement
    root.toggleAttribute('data-ruyu-elder', prefs.elder)
    root.toggleAttribute('data-ruyu-large-text', prefs.largeText || prefs.elder)
    root.toggleAttribute('data-ruyu-high-contrast', prefs.highContrast)
    return () => {
      for (const a of ['data-ruyu-elder', 'data-ruyu-large-text', 'data-ruyu-high-contrast']) root.removeAttribute(a)
    }
  }, [prefs])
  return (
    <ConfigProvider theme={themeOf(prefs)}>
      <DisplayText>
        <DisplayControls prefs={prefs} />
        {children}
      </DisplayText>
    </ConfigProvider>
  )
}
