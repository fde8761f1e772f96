import { Card, Flex, Input, Spin, Typography } from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { LanguageSwitch } from '../../../shared/language-switch'
import { CertificateDetails } from '../components/certificate-details'
import { VerificationBanner } from '../components/verification-banner'
import { useCertificateVerification } from '../hooks'
import '../verify.css'

/**
 * Public verification page reached from the QR code on a certificate (/verify/:number?s=token). No login, outside
 * the staff layout, made for a phone first.
 */
export default function VerifyPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const number = (useParams().number ?? '').trim()
  const [params] = useSearchParams()
  const token = params.get('s')
  // The QR code carries the signed claims after '#' (never sent to a server by the browser itself): pass them on.
  const claims = useLocation().hash.replace(/^#/, '') || null
  const query = useCertificateVerification(number, token, claims)
  const checkedAt = useMemo(() => (query.data ? dayjs().format('YYYY-MM-DD HH:mm') : ''), [query.data])

  useEffect(() => {
    document.title = `${t('certificate.verify.title')} · ${t('common.appName')}`
  }, [t])

  return (
    <div className="ruyu-verify">
      <header className="ruyu-verify-header">
        <img src="/favicon.svg" alt="" />
        <div className="ruyu-verify-brand">
          <strong>{t('certificate.verify.title')}</strong>
          <span>{t('certificate.verify.subtitle')}</span>
        </div>
        <LanguageSwitch light />
      </header>
      <main className="ruyu-verify-main">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          <span className="ruyu-verify-number">{t('certificate.verify.numberLine', { number })}</span>
        </Typography.Paragraph>
        {query.isPending ? (
          <Card>
            <Flex justify="center" style={{ padding: 32 }} role="status">
              <Spin description={t('certificate.verify.checking')} />
            </Flex>
          </Card>
        ) : query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : (
          <>
            <VerificationBanner result={query.data} number={number} />
            {query.data.certificate ? <CertificateDetails certificate={query.data.certificate} /> : null}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t('certificate.verify.checkedAt', { time: checkedAt })}
            </Typography.Paragraph>
          </>
        )}
        <Card size="small" title={t('certificate.verify.another')} style={{ marginTop: 16 }}>
          <Input.Search
            aria-label={t('certificate.verify.anotherPlaceholder')}
            placeholder={t('certificate.verify.anotherPlaceholder')}
            enterButton={t('certificate.verify.submit')}
            maxLength={64}
            allowClear
            onSearch={(value) => {
              const next = value.trim()
              if (next) void navigate(`/verify/${encodeURIComponent(next)}`)
            }}
          />
        </Card>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('certificate.verify.help')}{' '}
          {/* Underlined: a link inside running text must not rely on colour alone (WCAG 1.4.1). */}
          <Link to="/certificates/keys" style={{ textDecoration: 'underline' }}>
            {t('certificate.keys.link')}
          </Link>
        </Typography.Paragraph>
      </main>
    </div>
  )
}
