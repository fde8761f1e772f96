import { Card, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import type { Department } from '../api'
import { ListToolbar } from '../components/list-toolbar'
import { useDepartments } from '../hooks'

const FILTERS = ['q'] as const

export default function DepartmentListPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useDepartments({ page, pageSize, q: filters.q })

  const columns: TableColumnsType<Department> = [
    { key: 'code', title: t('directory.departments.code'), dataIndex: 'code', width: 160 },
    {
      key: 'name',
      title: t('directory.departments.name'),
      render: (_, row) => (
        <div>
          <div>{row.name}</div>
          {row.shortName && row.shortName !== row.name ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.shortName}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('directory.departments.kind'),
      dataIndex: 'kind',
      width: 140,
      render: (kind: string) => <Tag color="geekblue">{labelOf('directory.departmentKinds', kind)}</Tag>,
    },
    { key: 'division', title: t('directory.departments.division'), dataIndex: 'divisionCode', width: 140 },
    {
      key: 'constructionApproval',
      title: t('directory.departments.constructionApproval'),
      dataIndex: 'constructionApproval',
      width: 140,
      align: 'center',
      render: (flag: boolean) =>
        flag ? (
          <Tag color="orange">{t('common.states.yes')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('common.states.no')}</Typography.Text>
        ),
    },
  ]

  return (
    <PageContainer title={t('directory.departments.title')} description={t('directory.departments.description')}>
      <Card>
        <ListToolbar
          q={filters.q}
          onSearch={(q) => setFilters({ q })}
          placeholder={t('directory.departments.searchPlaceholder')}
          label={t('directory.departments.searchLabel')}
        />
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Department>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 720 }}
          locale={{ emptyText: query.isPending ? ' ' : <EmptyState description={t('directory.departments.empty')} /> }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
    </PageContainer>
  )
}
