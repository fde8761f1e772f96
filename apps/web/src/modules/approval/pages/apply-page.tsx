import { App } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { ApplicationWizard } from '../components/application-wizard'
import { useDraft } from '../hooks'

/**
 * 在线申报: an enterprise applies online for the construction theme (one form, one set of materials). `?draft=<id>`
 * resumes a saved draft (草稿); the first save of a new application puts its id in the address.
 */
export default function ApplyPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const draftId = params.get('draft')
  const draft = useDraft(draftId)
  const { user } = useAccess()
  // The enterprise account is the builder in the usual case; the applicant can change it.
  const defaults = useMemo(() => (user ? { builder: user.displayName } : {}), [user])
  let body: React.ReactNode
  if (draftId && draft.isError) body = <ErrorDisplay error={draft.error} />
  else if (draftId && !draft.data) body = <PageLoading />
  else
    body = (
      <ApplicationWizard
        key={draft.data?.id ?? 'new'}
        mode="online"
        defaults={defaults}
        draft={draft.data}
        onDraftSaved={(d) => {
          if (d.id !== draftId) setParams({ draft: d.id }, { replace: true })
        }}
        onSubmitted={(detail) => {
          void message.success(t('approval.apply.submitted', { number: detail.number }))
          void navigate(`/approval/cases/${encodeURIComponent(detail.id)}`)
        }}
      />
    )
  return (
    <PageContainer title={t('approval.apply.title')} description={t('approval.apply.description')}>
      {body}
    </PageContainer>
  )
}
