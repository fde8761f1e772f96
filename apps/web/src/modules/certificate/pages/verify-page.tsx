import { useEffect, useMemo, useState } from 'react'
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { Button } from '../../../shared/public-ui/button'
import { formatDateTime } from '../../../shared/public-ui/format'
import { PublicLanguageSwitch } from '../../../shared/public-ui/language-switch'
import { Loading, Panel, PublicError } from '../../../shared/public-ui/notice'
import { CertificateDetails } from '../components/certificate-details'
import { VerificationBanner } from '../components/verification-banner'
import { useCertificateVerification } from '../hooks'
import '../verify.css'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'

/** 核验其他证照: a number box and a button. */
function AnotherCertificate() {
  const { t } = usePublicTranslation()
  const navigate = useNavigate()
  const [value, setValue] = useState('')
  return (
    <Panel size="small" title={t('certificate.verify.another')} style={{ marginTop: 16 }}>
      <form
        className="ruyu-input-group"
        onSubmit={(e) => {
          e.preventDefault()
          const next = value.trim()
          if (next) void navigate(`/verify/${encodeURIComponent(next)}`)
        }}
      >
        <input
          type="search"
          className="ruyu-input"
          aria-label={t('certificate.verify.anotherPlaceholder')}
          placeholder={t('certificate.verify.anotherPlaceholder')}
          maxLength={64}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" variant="primary">
          {t('certificate.verify.submit')}
        </Button>
      </form>
    </Panel>
  )
}

/**
 * Public verification page reached from the QR code on a certificate (/verify/:number?s=token). No login, outside
 * the staff layout, made for a phone first.
 */
export default function VerifyPage() {
  const { t } = usePublicTranslation()
  const number = (useParams().number ?? '').trim()
  const [params] = useSearchParams()
  const token = params.get('s')
  // The QR code carries the signed claims after '#' (never sent to a server by the browser itself): pass them on.
  const claims = useLocation().hash.replace(/^#/, '') || null
  const query = useCertificateVerification(number, token, claims)
  const checkedAt = useMemo(() => (query.data ? formatDateTime(new Date()) : ''), [query.data])

  useEffect(() => {
    document.title = `${t('certificate.verify.title')} · ${t('common.appName')}`
  }, [t])

  return (
    <div className="ruyu-verify">
      <header className="ruyu-verify-header">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <div className="ruyu-verify-brand">
          <strong>{t('certificate.verify.title')}</strong>
          <span>{t('certificate.verify.subtitle')}</span>
        </div>
        <PublicLanguageSwitch light />
      </header>
      <main className="ruyu-verify-main">
        <p className="ruyu-muted" style={{ marginBottom: 12 }}>
          <span className="ruyu-verify-number">{t('certificate.verify.numberLine', { number })}</span>
        </p>
        {query.isPending ? (
          <Panel>
            <Loading minHeight={96} label={t('certificate.verify.checking')} />
          </Panel>
        ) : query.isError ? (
          <PublicError error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <VerificationBanner result={query.data} number={number} />
            {query.data.certificate ? <CertificateDetails certificate={query.data.certificate} /> : null}
            <p className="ruyu-small ruyu-muted" style={{ marginTop: 12 }}>
              {t('certificate.verify.checkedAt', { time: checkedAt })}
            </p>
          </>
        )}
        <AnotherCertificate />
        <p className="ruyu-small ruyu-muted" style={{ marginTop: 16 }}>
          {t('certificate.verify.help')}{' '}
          {/* Underlined: a link inside running text must not rely on colour alone (WCAG 1.4.1). */}
          <Link to="/certificates/keys" style={{ textDecoration: 'underline' }}>
            {t('certificate.keys.link')}
          </Link>
        </p>
      </main>
    </div>
  )
}
