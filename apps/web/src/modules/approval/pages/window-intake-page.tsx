import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageContainer } from '../../../shared/page-container'
import type { CaseReceipt } from '../api'
import type { MaterialToSend } from '../apply-model'
import { ApplicationWizard } from '../components/application-wizard'
import { Receipt } from '../components/receipt'

/** 窗口受理 (一窗受理): the clerk files the construction theme for an enterprise and prints the receipt. */
export default function WindowIntakePage() {
  const { t } = useTranslation()
  const [done, setDone] = useState<{ detail: CaseReceipt; pending: MaterialToSend[] } | null>(null)
  const [round, setRound] = useState(0)
  return (
    <PageContainer
      title={done ? t('approval.receipt.title') : t('approval.apply.windowTitle')}
      description={done ? undefined : t('approval.apply.windowDescription')}
    >
      {done ? (
        <Receipt
          detail={done.detail}
          onNext={() => {
            setDone(null)
            setRound((n) => n + 1)
          }}
        />
      ) : (
        <ApplicationWizard
          key={round}
          mode="window"
          onSubmitted={(detail, sent) => {
            setDone({ detail, pending: sent.pending })
            window.scrollTo({ top: 0 })
          }}
        />
      )}
    </PageContainer>
  )
}
