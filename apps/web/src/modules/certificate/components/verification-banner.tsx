import type { ReactNode } from 'react'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'
import { Icon, type IconName } from '../../../shared/public-ui/icons'
import type { VerifyResult, VerifyStatus } from '../api'
import { formatDate } from '../format'

type Look = VerifyStatus | 'REGISTERED'

const LOOK: Record<Look, { color: string; background: string; border: string; icon: IconName }> = {
  VALID: { color: '#237804', background: '#f6ffed', border: '#b7eb8f', icon: 'success' },
  // Found in the registry, but no QR data was presented: nothing shows that the paper in hand carries its signature.
  REGISTERED: { color: '#0958d9', background: '#f0f5ff', border: '#adc6ff', icon: 'info' },
  REVOKED: { color: '#cf1322', background: '#fff1f0', border: '#ffa39e', icon: 'error' },
  NOT_FOUND: { color: '#595959', background: '#fafafa', border: '#d9d9d9', icon: 'question' },
  INVALID: { color: '#a8071a', background: '#fff1f0', border: '#ff7875', icon: 'warning' },
}

/**
 * The big outcome of a verification: 有效 (green, signature checked), 登记有效 (blue: found by number only, the
 * signature was not checked), 已注销 (red, with reason and date), 未找到, 签名校验失败.
 */
export function VerificationBanner({ result, number }: { result: VerifyResult; number: string }) {
  const { t } = usePublicTranslation()
  const shown: Look = result.status === 'VALID' && result.checked !== 'signature' ? 'REGISTERED' : result.status
  const look = LOOK[shown]
  const c = result.certificate
  let explain: ReactNode
  if (shown === 'VALID') explain = t('certificate.verify.explain.VALID', { issuer: c?.issuer ?? '' })
  else if (shown === 'REGISTERED') explain = t('certificate.verify.explain.REGISTERED', { issuer: c?.issuer ?? '' })
  else if (result.status === 'REVOKED')
    explain = (
      <>
        {t('certificate.verify.explain.REVOKED', { date: formatDate(c?.revokedAt) })}
        <br />
        <strong>{t('certificate.verify.revokeReasonLine')}</strong>
        {c?.revokeReason}
      </>
    )
  else if (result.status === 'NOT_FOUND') explain = t('certificate.verify.explain.NOT_FOUND', { number })
  else explain = t('certificate.verify.explain.INVALID')
  return (
    <section
      className="ruyu-verify-banner"
      role="status"
      aria-live="polite"
      data-status={result.status}
      data-checked={result.checked ?? ''}
      style={{ background: look.background, borderColor: look.border }}
    >
      <span className="ruyu-verify-banner-icon" style={{ color: look.color }}>
        <Icon name={look.icon} />
      </span>
      <div>
        <h2 style={{ color: look.color }}>{t(`certificate.verify.status.${shown}`)}</h2>
        <p>{explain}</p>
      </div>
    </section>
  )
}
