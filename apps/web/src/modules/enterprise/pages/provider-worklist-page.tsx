import { Card, Segmented, Table, type TableColumnsType, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { formatDateTime } from '../../workflow/format'
import type { ServiceRequest } from '../api'
import { RequestDrawer } from '../components/request-drawer'
import { RequestStatusTag } from '../components/tags'
import { useRequests } from '../hooks'

const VIEWS = ['submitted', 'handling', 'closed'] as const
type View = (typeof VIEWS)[number]

/** 服务受理 (provider staff): the provider's requests to accept, handle and complete, oldest first. */
export default function ProviderWorklistPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const view: View = VIEWS.includes(params.get('view') as View) ? (params.get('view') as View) : 'submitted'
  const [open, setOpen] = useState<string | null>(null)
  const list = useRequests('provider', { page: 1, pageSize: 200 })
  const groups = useMemo(() => {
    const all = list.data?.items ?? []
    const oldest = (a: ServiceRequest, b: ServiceRequest) => a.submittedAt.localeCompare(b.submittedAt)
    return {
      submitted: all.filter((r) => r.status === 'submitted').sort(oldest),
      handling: all.filter((r) => r.status === 'handling').sort(oldest),
      closed: all.filter((r) => r.status !== 'submitted' && r.status !== 'handling'),
    }
  }, [list.data])
  const rows = groups[view]

  const columns: TableColumnsType<ServiceRequest> = [
    { key: 'number', title: t('enterprise.request.number'), dataIndex: 'number' },
    {
      key: 'service',
      title: t('enterprise.request.service'),
      render: (_, r) => `${labelOf('enterprise.module', r.module)} · ${r.serviceName}`,
    },
    { key: 'enterprise', title: t('enterprise.request.enterprise'), dataIndex: 'enterpriseName' },
    {
      key: 'description',
      title: t('enterprise.request.description'),
      render: (_, r) => (
        <Typography.Text ellipsis style={{ maxWidth: 280 }}>
          {r.description}
        </Typography.Text>
      ),
    },
    { key: 'submittedAt', title: t('enterprise.request.submittedAt'), render: (_, r) => formatDateTime(r.submittedAt) },
    { key: 'status', title: t('enterprise.request.status'), render: (_, r) => <RequestStatusTag status={r.status} /> },
  ]

  return (
    <PageContainer title={t('enterprise.provider.title')} description={t('enterprise.provider.description')}>
      <Card>
        <Segmented<View>
          value={view}
          onChange={(v) => setParams(v === 'submitted' ? {} : { view: v }, { replace: true })}
          options={VIEWS.map((v) => ({
            value: v,
            label: `${t(`enterprise.provider.views.${v}`)} (${groups[v].length})`,
          }))}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? (
          <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ServiceRequest>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: list.isPending ? ' ' : <EmptyState description={t(`enterprise.provider.empty.${view}`)} />,
          }}
          data-testid="provider-table"
        />
      </Card>
      <RequestDrawer id={open} onClose={() => setOpen(null)} />
    </PageContainer>
  )
}
