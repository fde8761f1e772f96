import { type ReactNode, useEffect } from 'react'
import { useLocation } from 'react-router'
import { ButtonLink } from '../../../shared/public-ui/button'
import { PublicLanguageSwitch } from '../../../shared/public-ui/language-switch'
import '../public.css'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'

/** Frame of the public 12345 pages: brand bar with the language switch, then submit / track tabs. No login. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = usePublicTranslation()
  const { pathname } = useLocation()
  useEffect(() => {
    document.title = `${title} · ${t('common.appName')}`
  }, [title, t])
  const onTrack = pathname.startsWith('/12345/track')
  return (
    <div className="ruyu-public">
      <header className="ruyu-public-header">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <div className="ruyu-public-brand">
          <strong>{t('hotline.public.brand')}</strong>
          <span>{t('hotline.public.subtitle')}</span>
        </div>
        <PublicLanguageSwitch light />
      </header>
      <main className="ruyu-public-main">
        <nav className="ruyu-public-nav" aria-label={t('hotline.public.nav')}>
          <ButtonLink to="/12345" variant={onTrack ? 'default' : 'primary'} aria-current={onTrack ? undefined : 'page'}>
            {t('hotline.public.submitTab')}
          </ButtonLink>
          <ButtonLink
            to="/12345/track"
            variant={onTrack ? 'primary' : 'default'}
            aria-current={onTrack ? 'page' : undefined}
          >
            {t('hotline.public.trackTab')}
          </ButtonLink>
        </nav>
        <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{title}</h1>
        {children}
      </main>
    </div>
  )
}
