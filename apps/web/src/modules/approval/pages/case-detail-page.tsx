import { App, Badge, Card, Tabs } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { PrintButton } from '../../../shared/print-button'
import { RatingForm } from '../../rating/components/rating-form'
import { RatingResult } from '../../rating/components/rating-result'
import { HistoryTimeline } from '../../workflow/components/history-timeline'
import { formatDateTime } from '../../workflow/format'
import { CaseHeader } from '../components/case-header'
import { CertificatesTab } from '../components/certificates-tab'
import { MaterialsTab } from '../components/materials-tab'
import { ProgressBoard } from '../components/progress-board'
import { ZoneTab } from '../components/zone-tab'
import { useCase, useRateCase } from '../hooks'
import '../approval.css'

const TABS = ['progress', 'materials', 'certificates', 'zone', 'history', 'rating'] as const
type Tab = (typeof TABS)[number]
const RATEABLE = new Set(['issued', 'completed', 'refused'])

/**
 * A theme case for the enterprise and for staff (进度跟踪): header with the case-level actions, then tabs: the
 * progress swimlane, materials (with 容缺 supply), certificates, zone-assessment reuse, history and rating.
 */
export default function CaseDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const { user, can } = useAccess()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const query = useCase(id)
  const rate = useRateCase(id ?? '')
  const tabParam = params.get('tab')
  const tab: Tab = TABS.includes(tabParam as Tab) ? (tabParam as Tab) : 'progress'
  const detail = query.data
  const itemNames = useMemo(() => new Map((detail?.items ?? []).map((i) => [i.itemCode, i.itemName])), [detail])

  if (query.isError)
    return (
      <PageContainer title={t('approval.detail.title')}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    )
  if (!detail) return <PageLoading />

  const reload = () => void query.refetch()
  const tree = detail.workflow
  const root = tree?.nodes.find((n) => n.id === tree.rootId)
  const isApplicant = user?.kind === 'enterprise' && can('rating:submit')
  const pending = detail.materials.filter((m) => m.pending).length
  const certificateCount = detail.items.filter((i) => i.certificateId).length

  let rating: React.ReactNode
  if (detail.rating)
    rating = (
      <RatingResult
        level={detail.rating.level}
        createdAt={detail.rating.createdAt}
        mine={isApplicant}
        formatDate={formatDateTime}
      />
    )
  else if (isApplicant && RATEABLE.has(detail.status))
    rating = (
      <div style={{ maxWidth: 640 }}>
        <RatingForm
          onSubmit={async (input) => {
            await rate.mutateAsync(input)
            void message.success(t('rating.form.submitted'))
          }}
        />
      </div>
    )
  else rating = <EmptyState description={isApplicant ? t('approval.rating.notYet') : t('approval.rating.staffNone')} />

  const items = [
    {
      key: 'progress',
      label: t('approval.detail.tabs.progress'),
      children: <ProgressBoard detail={detail} onChanged={reload} />,
    },
    {
      key: 'materials',
      label: (
        <Badge count={pending} size="small" offset={[8, 0]} color="orange">
          {t('approval.detail.tabs.materials')}
        </Badge>
      ),
      children: (
        <MaterialsTab
          detail={detail}
          itemNames={itemNames}
          canSupply={can('approval:apply') || can('approval:intake')}
        />
      ),
    },
    {
      key: 'certificates',
      label: (
        <Badge count={certificateCount} size="small" offset={[8, 0]} color="green">
          {t('approval.detail.tabs.certificates')}
        </Badge>
      ),
      children: <CertificatesTab detail={detail} />,
    },
    { key: 'zone', label: t('approval.detail.tabs.zone'), children: <ZoneTab detail={detail} itemNames={itemNames} /> },
    {
      key: 'history',
      label: t('approval.detail.tabs.history'),
      children: tree ? <HistoryTimeline tree={tree} /> : <EmptyState description={t('workflow.history.empty')} />,
    },
    { key: 'rating', label: t('approval.detail.tabs.rating'), children: rating },
  ]

  return (
    <PageContainer title={`${t('approval.detail.title')} · ${detail.number}`} extra={<PrintButton />}>
      <CaseHeader detail={detail} root={root} onChanged={reload} />
      <Card style={{ marginTop: 16 }} styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev)
                if (key === 'progress') next.delete('tab')
                else next.set('tab', key)
                return next
              },
              { replace: true },
            )
          }
          items={items}
        />
      </Card>
    </PageContainer>
  )
}
