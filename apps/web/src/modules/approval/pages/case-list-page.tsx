import { Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { ExportButton } from '../../../shared/export-button'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { formatDateTime } from '../../workflow/format'
import { CASE_STATUS_LIST, type CaseQuery, type CaseSummary, exportCases } from '../api'
import { CaseStatusTag } from '../components/case-status-tag'
import { useCases } from '../hooks'

const FILTERS = ['q', 'status'] as const

/** Staff list of theme cases in the caller's scope, with status and text filters. */
export default function CaseListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useCases({ page, pageSize, q: filters.q, status: filters.status })
  const [text, setText] = useState(filters.q ?? '')
  useEffect(() => setText(filters.q ?? ''), [filters.q])

  const open = (row: CaseSummary) => `/approval/cases/${encodeURIComponent(row.id)}`
  const columns: TableColumnsType<CaseSummary> = [
    {
      key: 'number',
      title: t('approval.cases.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, row) => (
        <Link to={open(row)} onClick={(e) => e.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { key: 'title', title: t('approval.cases.title'), dataIndex: 'title', width: 220 },
    { key: 'enterprise', title: t('approval.cases.enterprise'), dataIndex: 'enterpriseName', width: 180 },
    { key: 'variant', title: t('approval.cases.variant'), dataIndex: 'variantName', width: 120 },
    {
      key: 'status',
      title: t('approval.cases.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: string) => <CaseStatusTag status={status} />,
    },
    {
      key: 'channel',
      title: t('approval.cases.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (channel: string) => labelOf('approval.channel', channel),
    },
    {
      key: 'submitted',
      title: t('approval.cases.submittedAt'),
      dataIndex: 'submittedAt',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'committed',
      title: t('approval.cases.committed'),
      dataIndex: 'committedDays',
      width: 110,
      // The time limit is what a reviewer scans for: pinned when a narrow screen scrolls the table.
      fixed: 'right',
      render: (days: number) => t('approval.common.workdays', { count: days }),
    },
  ]

  return (
    <PageContainer
      title={t('approval.cases.listTitle')}
      description={t('approval.cases.listDescription')}
      extra={<ExportButton run={() => exportCases({ q: filters.q, status: filters.status as CaseQuery['status'] })} />}
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
            placeholder={t('approval.cases.searchPlaceholder')}
            aria-label={t('approval.cases.searchLabel')}
            style={{ maxWidth: 360 }}
          />
          <Select<string>
            allowClear
            value={filters.status}
            placeholder={t('approval.cases.allStatuses')}
            aria-label={t('approval.cases.statusFilter')}
            style={{ width: 180 }}
            onChange={(status) => setFilters({ status })}
            options={CASE_STATUS_LIST.map((s) => ({ value: s, label: labelOf('approval.status', s) }))}
          />
          {query.data ? (
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {t('common.pagination.total', { total: query.data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<CaseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 1040 }}
          onRow={(row) => ({ onClick: () => void navigate(open(row)), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <EmptyState
                description={
                  filters.q || filters.status ? t('approval.cases.emptyFiltered') : t('approval.cases.empty')
                }
              />
            ),
          }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
    </PageContainer>
  )
}
