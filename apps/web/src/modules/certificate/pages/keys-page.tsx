import { Button, Card, Empty, Flex, Spin, Table, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { LanguageSwitch } from '../../../shared/language-switch'
import type { CertificateKey } from '../api'
import { formatDate } from '../format'
import { useCertificateKeys } from '../hooks'
import '../verify.css'

/**
 * Public list of the certificate signing keys (/certificates/keys): active and retired, with the JWKS to download
 * for offline verification. No login, phone first, like the verification page.
 */
export default function KeysPage() {
  const { t } = useTranslation()
  const query = useCertificateKeys()

  useEffect(() => {
    document.title = `${t('certificate.keys.title')} · ${t('common.appName')}`
  }, [t])

  const columns = [
    {
      key: 'kid',
      title: t('certificate.keys.kid'),
      dataIndex: 'kid',
      render: (kid: string) => <Typography.Text code>{kid}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('certificate.keys.status'),
      dataIndex: 'status',
      render: (s: CertificateKey['status']) => (
        <Tag color={s === 'active' ? 'green' : 'default'}>{t(`certificate.keys.statuses.${s}`)}</Tag>
      ),
    },
    {
      key: 'createdAt',
      title: t('certificate.keys.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDate(v),
    },
    {
      key: 'retiredAt',
      title: t('certificate.keys.retiredAt'),
      dataIndex: 'retiredAt',
      render: (v: string | null) => (v ? formatDate(v) : '—'),
    },
    {
      key: 'x',
      title: t('certificate.keys.publicKey'),
      dataIndex: 'x',
      render: (x: string) => (
        <Typography.Text copyable className="ruyu-verify-key">
          {x}
        </Typography.Text>
      ),
    },
  ]

  return (
    <div className="ruyu-verify">
      <header className="ruyu-verify-header">
        <img src="/favicon.svg" alt="" />
        <div className="ruyu-verify-brand">
          <strong>{t('certificate.keys.title')}</strong>
          <span>{t('certificate.verify.subtitle')}</span>
        </div>
        <LanguageSwitch light />
      </header>
      <main className="ruyu-verify-main">
        <Typography.Paragraph>{t('certificate.keys.intro')}</Typography.Paragraph>
        {query.isPending ? (
          <Flex justify="center" style={{ padding: 32 }} role="status">
            <Spin />
          </Flex>
        ) : query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Card
            size="small"
            title={t('certificate.keys.title')}
            extra={
              <Button href="/api/public/certificates/keys" download="ruyu-certificate-keys.json" size="small">
                {t('certificate.keys.download')}
              </Button>
            }
          >
            {query.data.keys.length ? (
              <Table<CertificateKey>
                rowKey="kid"
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={columns}
                dataSource={query.data.keys}
                data-testid="certificate-keys"
              />
            ) : (
              <Empty description={t('certificate.keys.empty')} />
            )}
          </Card>
        )}
        <Card size="small" title={t('certificate.keys.offlineTitle')} style={{ marginTop: 16 }}>
          <ol style={{ paddingInlineStart: 20, margin: 0 }}>
            <li>{t('certificate.keys.offline1')}</li>
            <li>{t('certificate.keys.offline2')}</li>
            <li>{t('certificate.keys.offline3')}</li>
          </ol>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('certificate.keys.offlineNote')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  )
}
