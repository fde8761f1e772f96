import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import SafetyCertificateOutlined from '@ant-design/icons/SafetyCertificateOutlined'
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { formatDateTime } from '../../workflow/format'
import { type CaseDetail, type Certificate, certificatePdfUrl, verifyPath } from '../api'
import { useCaseCertificates } from '../hooks'

/**
 * 证照: the e-certificates of the case after unified issuance (四证齐发: one batch, one issue time), each with its
 * printed fields, PDF download and the public verification page its QR code opens.
 */
export function CertificatesTab({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const issued = Boolean(detail.issuedAt) || detail.items.some((i) => i.certificateId)
  const query = useCaseCertificates(detail.id, issued)
  if (!issued) return <EmptyState description={t('approval.certificates.notYet')} />
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <PageLoading minHeight={160} />
  const certificates = query.data.items
  if (certificates.length === 0) return <EmptyState description={t('approval.certificates.none')} />
  const batches = new Set(certificates.map((c) => c.batchId))
  const times = new Set(certificates.map((c) => c.issuedAt))
  return (
    <Flex vertical gap={12} data-testid="certificates">
      {batches.size === 1 && times.size === 1 ? (
        <Alert
          type="success"
          showIcon
          data-testid="certificates-batch"
          title={t('approval.certificates.batch', {
            count: certificates.length,
            time: formatDateTime(certificates[0]?.issuedAt),
          })}
        />
      ) : null}
      <div className="ruyu-lane-cards" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))' }}>
        {certificates.map((c) => (
          <CertificateCard key={c.id} certificate={c} />
        ))}
      </div>
    </Flex>
  )
}

/** The URL with its Chinese characters readable (the QR code itself holds the percent-encoded form). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const { t } = useTranslation()
  const verify = verifyPath(c.verifyUrl)
  return (
    <Card
      size="small"
      data-testid="certificate"
      data-kind={c.kind}
      data-issued-at={c.issuedAt}
      data-batch={c.batchId}
      title={
        <Flex gap={6} align="center" wrap>
          <SafetyCertificateOutlined style={{ color: '#c41d7f' }} />
          <Typography.Text strong style={{ whiteSpace: 'normal' }}>
            {c.title}
          </Typography.Text>
        </Flex>
      }
      extra={
        <Tag color={c.status === 'issued' ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
          {t(`approval.certificates.status.${c.status}`)}
        </Tag>
      }
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'number',
            label: t('approval.certificates.number'),
            children: <Typography.Text copyable>{c.number}</Typography.Text>,
          },
          { key: 'holder', label: c.holderLabel, children: c.holderName },
          ...c.fields.map((f) => ({ key: f.key, label: f.label, children: f.value })),
          { key: 'issuer', label: t('approval.certificates.issuer'), children: c.issuer },
          { key: 'issuedAt', label: t('approval.certificates.issuedAt'), children: formatDateTime(c.issuedAt) },
        ]}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button icon={<DownloadOutlined />} href={certificatePdfUrl(c.id)} download>
          {t('approval.certificates.pdf')}
        </Button>
        <Button href={verify} target="_blank" rel="noopener" data-testid="verify-link" data-verify-url={c.verifyUrl}>
          {t('approval.certificates.verify')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('approval.certificates.qr')}：
        <Typography.Text copyable={{ text: c.verifyUrl }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
          {readableUrl(c.verifyUrl)}
        </Typography.Text>
      </Typography.Paragraph>
    </Card>
  )
}
