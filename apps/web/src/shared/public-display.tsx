import { type ReactNode, useLayoutEffect, useState } from 'react'
import { type DisplayPref, type DisplayPrefs, setDisplayPrefs, toggled, useDisplayPrefs } from './display-prefs'
import './public-ui/base.css'
import './public-ui/data.css'
import './public-display.css'
import { usePublicTranslation } from './public-ui/i18n'

const ORDER: DisplayPref[] = ['elder', 'largeText', 'highContrast']

/** The visible switches, on every public page: toggle buttons (aria-pressed), with a spoken confirmation. */
function DisplayControls({ prefs }: { prefs: DisplayPrefs }) {
  const { t } = usePublicTranslation()
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

/**
 * Wraps every public page (public-routes.tsx): the display switches on top, and the chosen settings as
 * `data-ruyu-*` attributes on <html>, which the pages' CSS reads (text ≥ 18 px, 20 px in 长辈版; ≥ 44 / 48 px
 * controls; black text and dark borders in 高对比).
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
    <div className="ruyu-display">
      <DisplayControls prefs={prefs} />
      {children}
    </div>
  )
}
