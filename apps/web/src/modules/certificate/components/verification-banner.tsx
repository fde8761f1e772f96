import CheckCircleFilled from '@ant-design/icons/CheckCircleFilled'
import CloseCircleFilled from '@ant-design/icons/CloseCircleFilled'
import QuestionCircleFilled from '@ant-design/icons/QuestionCircleFilled'
import WarningFilled from '@ant-design/icons/WarningFilled'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { VerifyResult, VerifyStatus } from '../api'
import { formatDate } from '../format'

const LOOK: Record<VerifyStatus, { color: string; background: string; border: string; icon: ReactNode }> = {
  VALID: { color: '#237804', background: '#f6ffed', border: '#b7eb8f', icon: <CheckCircleFilled /> },
  REVOKED: { color: '#cf1322', background: '#fff1f0', border: '#ffa39e', icon: <CloseCircleFilled /> },
  NOT_FOUND: { color: '#595959', background: '#fafafa', border: '#d9d9d9', icon: <QuestionCircleFilled /> },
  INVALID: { color: '#a8071a', background: '#fff1f0', border: '#ff7875', icon: <WarningFilled /> },
}

/** The big outcome of a verification: 有效 (green), 已注销 (red, with reason and date), 未找到, 签名校验失败. */
export function VerificationBanner({ result, number }: { result: VerifyResult; number: string }) {
  const { t } = useTranslation()
  const look = LOOK[result.status]
  const c = result.certificate
  let explain: ReactNode
  if (result.status === 'VALID') explain = t('certificate.verify.explain.VALID', { issuer: c?.issuer ?? '' })
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
      style={{ background: look.background, borderColor: look.border }}
    >
      <span style={{ color: look.color }} aria-hidden>
        {look.icon}
      </span>
      <div>
        <h2 style={{ color: look.color }}>{t(`certificate.verify.status.${result.status}`)}</h2>
        <p>{explain}</p>
      </div>
    </section>
  )
}
