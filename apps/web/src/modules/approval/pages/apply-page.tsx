import { App } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAccess } from '../../../access'
import { PageContainer } from '../../../shared/page-container'
import { ApplicationWizard } from '../components/application-wizard'

/** 在线申报: an enterprise applies online for the construction theme (one form, one set of materials). */
export default function ApplyPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { user } = useAccess()
  // The enterprise account is the builder in the usual case; the applicant can change it.
  const defaults = useMemo(() => (user ? { builder: user.displayName } : {}), [user])
  return (
    <PageContainer title={t('approval.apply.title')} description={t('approval.apply.description')}>
      <ApplicationWizard
        mode="online"
        defaults={defaults}
        onSubmitted={(detail) => {
          void message.success(t('approval.apply.submitted', { number: detail.number }))
          void navigate(`/approval/cases/${encodeURIComponent(detail.id)}`)
        }}
      />
    </PageContainer>
  )
}
