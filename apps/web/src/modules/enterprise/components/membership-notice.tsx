import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { useMyMembership } from '../hooks'

/** For an enterprise account not verified yet: says it waits for staff (or why it was rejected). */
export function MembershipNotice() {
  const { t } = useTranslation()
  const membership = useMyMembership()
  const m = membership.data
  if (!m || m.status === 'verified') return null
  return (
    <Alert
      type={m.status === 'pending' ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="membership-status"
      title={m.status === 'pending' ? t('enterprise.portal.pending') : t('enterprise.portal.rejected')}
      description={
        m.status === 'pending'
          ? `${m.enterpriseName}（${m.uscc}）· ${t('enterprise.portal.pendingHint')}`
          : t('enterprise.portal.rejectedHint', { reason: m.reason ?? '' })
      }
    />
  )
}
