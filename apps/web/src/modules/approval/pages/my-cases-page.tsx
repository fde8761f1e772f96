import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { App, Button, Card, Flex, Pagination, Popconfirm, Segmented, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { useListParams } from '../../../shared/use-list-params'
import { formatDateTime } from '../../workflow/format'
import type { CaseSummary } from '../api'
import { CaseStatusTag } from '../components/case-status-tag'
import { useDeleteDraft, useDrafts, useMyCases } from '../hooks'
import '../approval.css'

const FILTERS = ['status'] as const
const TABS = ['', 'in_review', 'awaiting_issuance', 'issued', 'completed'] as const

/** 我的申请: the enterprise's own cases as cards (made for a phone first), newest first, with a status filter. */
export default function MyCasesPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useMyCases({ page, pageSize, status: filters.status })
  const applyButton = (
    <Link to="/approval/apply">
      <Button type="primary" icon={<PlusOutlined />}>
        {t('approval.cases.applyNow')}
      </Button>
    </Link>
  )

  let body: React.ReactNode
  if (query.isError) body = <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  else if (!query.data) body = <PageLoading />
  else if (query.data.items.length === 0)
    body = (
      <Card>
        <EmptyState
          description={filters.status ? t('approval.cases.emptyFiltered') : t('approval.cases.myEmpty')}
          action={filters.status ? null : applyButton}
        />
      </Card>
    )
  else
    body = (
      <Flex vertical gap={12}>
        <ul className="ruyu-plain-list ruyu-my-cases" aria-label={t('approval.cases.myTitle')}>
          {query.data.items.map((row) => (
            <li key={row.id}>
              <CaseCard row={row} />
            </li>
          ))}
        </ul>
        {query.data.total > pageSize ? (
          <Pagination
            current={page}
            pageSize={pageSize}
            total={query.data.total}
            onChange={setPage}
            size="small"
            style={{ alignSelf: 'center' }}
          />
        ) : null}
      </Flex>
    )

  return (
    <PageContainer
      title={t('approval.cases.myTitle')}
      description={t('approval.cases.myDescription')}
      extra={applyButton}
    >
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<string>
          value={filters.status ?? ''}
          onChange={(status) => setFilters({ status: status || undefined })}
          options={TABS.map((s) => ({
            value: s,
            label: s ? labelOf('approval.status', s) : t('approval.cases.allStatusesShort'),
          }))}
        />
      </div>
      <DraftList />
      {body}
    </PageContainer>
  )
}

/** 草稿: applications saved but not submitted yet, to continue or delete (shown only when there are some). */
function DraftList() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const drafts = useDrafts()
  const remove = useDeleteDraft()
  const items = (drafts.data?.items ?? []).filter((d) => d.channel === 'online')
  if (!items.length) return null
  return (
    <Card size="small" title={t('approval.drafts.title')} style={{ marginBottom: 12 }} data-testid="drafts">
      <ul className="ruyu-plain-list" aria-label={t('approval.drafts.title')}>
        {items.map((d) => (
          <li key={d.id} data-testid="draft">
            <Flex justify="space-between" align="center" gap={8} wrap style={{ padding: '6px 0' }}>
              <span>
                <Typography.Text strong>{d.title ?? t('approval.drafts.untitled')}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 13 }}>
                  {t('approval.drafts.updatedAt')} {formatDateTime(d.updatedAt)}
                </Typography.Text>
              </span>
              <Flex gap={8}>
                <Link to={`/approval/apply?draft=${encodeURIComponent(d.id)}`}>
                  <Button size="small" type="primary">
                    {t('approval.drafts.resume')}
                  </Button>
                </Link>
                <Popconfirm
                  title={t('approval.drafts.removeConfirm')}
                  onConfirm={() =>
                    remove.mutateAsync(d.id).then(() => void message.success(t('approval.drafts.removed')))
                  }
                >
                  <Button size="small" danger>
                    {t('approval.drafts.remove')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  )
}

function CaseCard({ row }: { row: CaseSummary }) {
  const { t } = useTranslation()
  return (
    <Link to={`/approval/cases/${encodeURIComponent(row.id)}`} data-testid="my-case">
      <Card hoverable size="small">
        <Flex justify="space-between" gap={8} align="flex-start">
          <Typography.Text strong style={{ fontSize: 15 }}>
            {row.title}
          </Typography.Text>
          <CaseStatusTag status={row.status} />
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
          {row.number} · {row.variantName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
          {t('approval.cases.cardLine', {
            at: formatDateTime(row.submittedAt),
            days: row.committedDays,
          })}
        </Typography.Text>
      </Card>
    </Link>
  )
}
