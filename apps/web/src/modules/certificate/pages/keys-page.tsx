import { useEffect } from 'react'
import { CopyText } from '../../../shared/public-ui/copy-text'
import { PublicLanguageSwitch } from '../../../shared/public-ui/language-switch'
import { Loading, Panel, PublicError } from '../../../shared/public-ui/notice'
import type { CertificateKey } from '../api'
import { formatDate } from '../format'
import { useCertificateKeys } from '../hooks'
import '../verify.css'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'

function KeysTable({ keys }: { keys: CertificateKey[] }) {
  const { t } = usePublicTranslation()
  return (
    // Focusable, so a keyboard can scroll the table sideways on a phone (the key column is long).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="ruyu-table-wrap" tabIndex={0} aria-label={t('certificate.keys.title')}>
      <table className="ruyu-table" data-testid="certificate-keys">
        <thead>
          <tr>
            <th scope="col">{t('certificate.keys.kid')}</th>
            <th scope="col">{t('certificate.keys.status')}</th>
            <th scope="col">{t('certificate.keys.createdAt')}</th>
            <th scope="col">{t('certificate.keys.retiredAt')}</th>
            <th scope="col">{t('certificate.keys.publicKey')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.kid}>
              <td>
                <code className="ruyu-code">{k.kid}</code>
              </td>
              <td>
                <span className="ruyu-tag" data-color={k.status === 'active' ? 'green' : undefined}>
                  {t(`certificate.keys.statuses.${k.status}`)}
                </span>
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>{formatDate(k.createdAt)}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{k.retiredAt ? formatDate(k.retiredAt) : '—'}</td>
              <td style={{ minWidth: 220 }}>
                <CopyText
                  text={k.x}
                  label={`${t('certificate.keys.publicKey')} ${k.kid}`}
                  className="ruyu-verify-key"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/**
 * Public list of the certificate signing keys (/certificates/keys): active and retired, with the JWKS to download
 * for offline verification. No login, phone first, like the verification page.
 */
export default function KeysPage() {
  const { t } = usePublicTranslation()
  const query = useCertificateKeys()

  useEffect(() => {
    document.title = `${t('certificate.keys.title')} · ${t('common.appName')}`
  }, [t])

  return (
    <div className="ruyu-verify">
      <header className="ruyu-verify-header">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <div className="ruyu-verify-brand">
          <strong>{t('certificate.keys.title')}</strong>
          <span>{t('certificate.verify.subtitle')}</span>
        </div>
        <PublicLanguageSwitch light />
      </header>
      <main className="ruyu-verify-main">
        <p>{t('certificate.keys.intro')}</p>
        {query.isPending ? (
          <Loading minHeight={96} />
        ) : query.isError ? (
          <PublicError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Panel
            size="small"
            title={t('certificate.keys.title')}
            extra={
              <a
                className="ruyu-btn"
                data-size="small"
                href="/api/public/certificates/keys"
                download="ruyu-certificate-keys.json"
              >
                {t('certificate.keys.download')}
              </a>
            }
          >
            {query.data.keys.length ? (
              <KeysTable keys={query.data.keys} />
            ) : (
              <p className="ruyu-empty">{t('certificate.keys.empty')}</p>
            )}
          </Panel>
        )}
        <Panel size="small" title={t('certificate.keys.offlineTitle')} style={{ marginTop: 16 }}>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            <li>{t('certificate.keys.offline1')}</li>
            <li>{t('certificate.keys.offline2')}</li>
            <li>{t('certificate.keys.offline3')}</li>
          </ol>
          <p className="ruyu-muted" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('certificate.keys.offlineNote')}
          </p>
        </Panel>
      </main>
    </div>
  )
}
