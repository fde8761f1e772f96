import { Button } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { LanguageSwitch } from '../../../shared/language-switch'
import '../public.css'

/** Frame of the public 12345 pages: brand bar with the language switch, then submit / track tabs. No login. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  useEffect(() => {
    document.title = `${title} · ${t('common.appName')}`
  }, [title, t])
  const onTrack = pathname.startsWith('/12345/track')
  return (
    <div className="ruyu-public">
      <header className="ruyu-public-header">
        <img src="/favicon.svg" alt="" />
        <div className="ruyu-public-brand">
          <strong>{t('hotline.public.brand')}</strong>
          <span>{t('hotline.public.subtitle')}</span>
        </div>
        <LanguageSwitch light />
      </header>
      <main className="ruyu-public-main">
        <nav className="ruyu-public-nav" aria-label={t('hotline.public.nav')}>
          <Link to="/12345">
            <Button type={onTrack ? 'default' : 'primary'} aria-current={onTrack ? undefined : 'page'}>
              {t('hotline.public.submitTab')}
            </Button>
          </Link>
          <Link to="/12345/track">
            <Button type={onTrack ? 'primary' : 'default'} aria-current={onTrack ? 'page' : undefined}>
              {t('hotline.public.trackTab')}
            </Button>
          </Link>
        </nav>
        <h1 style={{ fontSize: 20, margin: '4px 0 12px' }}>{title}</h1>
        {children}
      </main>
    </div>
  )
}
