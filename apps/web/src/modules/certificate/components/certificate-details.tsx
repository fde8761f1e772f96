import type { ReactNode } from 'react'
import { publicLabelOf, usePublicTranslation } from '../../../shared/public-ui/i18n'
import { Panel } from '../../../shared/public-ui/notice'
import type { PublicCertificate } from '../api'
import { formatDate } from '../format'

/**
 * The certificate's data as printed. In Chinese the labels are the certificate's own wording; in English they are
 * translated by field key (the values stay as issued).
 */
export function CertificateDetails({ certificate: c }: { certificate: PublicCertificate }) {
  const { t, i18n } = usePublicTranslation()
  const en = i18n.language === 'en'
  const label = (key: string, printed: string) => (en ? publicLabelOf('certificate.fields', key) : printed)
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'title',
      label: t('certificate.verify.certificateTitle'),
      children: en ? `${publicLabelOf('certificate.kinds', c.kind)}（${c.title}）` : c.title,
    },
    {
      key: 'number',
      label: t('certificate.verify.number'),
      children: <span className="ruyu-verify-number">{c.number}</span>,
    },
    { key: 'holder', label: en ? t('certificate.verify.holder') : c.holderLabel, children: c.holderName },
    {
      key: 'uscc',
      label: t('certificate.verify.uscc'),
      children: <span className="ruyu-verify-number">{c.holderUscc}</span>,
    },
    ...c.fields.map((f) => ({ key: `f-${f.key}`, label: label(f.key, f.label), children: f.value })),
    { key: 'issuer', label: t('certificate.verify.issuer'), children: c.issuer },
    { key: 'issuedAt', label: t('certificate.verify.issuedAt'), children: formatDate(c.issuedAt) },
    ...(c.divisionName ? [{ key: 'division', label: t('certificate.verify.division'), children: c.divisionName }] : []),
    ...(c.revokedAt
      ? [
          { key: 'revokedAt', label: t('certificate.verify.revokedAt'), children: formatDate(c.revokedAt) },
          { key: 'revokeReason', label: t('certificate.verify.revokeReason'), children: c.revokeReason },
        ]
      : []),
  ]
  return (
    <Panel title={t('certificate.verify.details')} size="small" className="ruyu-verify-details">
      <dl className="ruyu-descriptions" data-bordered="">
        {items.map((item) => (
          <div key={item.key}>
            <dt>{item.label}</dt>
            <dd>{item.children}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  )
}
