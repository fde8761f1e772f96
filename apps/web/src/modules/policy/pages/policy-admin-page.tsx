import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Card, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { formatDate, formatDateTime } from '../../workflow/format'
import { POLICY_LEVEL_LIST, POLICY_STATUS_LIST, type PolicyLevel, type PolicyStatus, type PolicySummary } from '../api'
import { PolicyLevelTag, PolicyStatusTag } from '../components/tags'
import { usePolicies } from '../hooks'

const FILTERS = ['q', 'status', 'level'] as const

/** 政策管理: every policy incl. drafts, with how many enterprises each matched; open one to edit its rule. */
export default function PolicyAdminPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { can } = useAccess()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const list = usePolicies(
    {
      page,
      pageSize,
      q: filters.q,
      status: filters.status as PolicyStatus | undefined,
      level: filters.level as PolicyLevel | undefined,
    },
    true,
  )
  const columns: TableColumnsType<PolicySummary> = [
    {
      key: 'title',
      title: t('policy.fields.title'),
      width: 300,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Text strong>{p.title}</Typography.Text>
          {p.docNumber ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.docNumber}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'level', title: t('policy.fields.level'), render: (_, p) => <PolicyLevelTag level={p.level} /> },
    { key: 'department', title: t('policy.fields.department'), dataIndex: 'departmentName' },
    {
      key: 'validity',
      title: t('policy.fields.validity'),
      render: (_, p) =>
        `${formatDate(p.validFrom)} ~ ${p.validTo ? formatDate(p.validTo) : t('policy.library.longTerm')}`,
    },
    { key: 'status', title: t('policy.fields.status'), render: (_, p) => <PolicyStatusTag status={p.status} /> },
    {
      key: 'push',
      title: t('policy.fields.hasRule'),
      render: (_, p) =>
        p.hasRule ? (
          <Tag color="cyan">
            {t('policy.fields.matchCount')} {p.matchCount ?? 0}
          </Tag>
        ) : (
          <Typography.Text type="secondary">{t('policy.admin.noRule')}</Typography.Text>
        ),
    },
    { key: 'publishedAt', title: t('policy.fields.publishedAt'), render: (_, p) => formatDateTime(p.publishedAt) },
  ]

  return (
    <PageContainer
      title={t('policy.admin.title')}
      description={t('policy.admin.description')}
      extra={
        can('policy:manage') ? (
          <Link to="/policy/admin/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('policy.admin.create')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('policy.library.search')}
            aria-label={t('policy.fields.q')}
            style={{ width: 280 }}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
          />
          <Select
            allowClear
            value={filters.status}
            placeholder={t('policy.fields.status')}
            aria-label={t('policy.fields.status')}
            style={{ width: 140 }}
            options={POLICY_STATUS_LIST.map((s) => ({ value: s, label: labelOf('policy.status', s) }))}
            onChange={(status) => setFilters({ status })}
          />
          <Select
            allowClear
            value={filters.level}
            placeholder={t('policy.fields.level')}
            aria-label={t('policy.fields.level')}
            style={{ width: 140 }}
            options={POLICY_LEVEL_LIST.map((l) => ({ value: l, label: labelOf('policy.level', l) }))}
            onChange={(level) => setFilters({ level })}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Table<PolicySummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 1040 }}
          pagination={serverPagination({ page, pageSize, total: list.data?.total, onChange: setPage })}
          onRow={(p) => ({ onClick: () => void navigate(`/policy/admin/${p.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('policy.admin.empty')} /> }}
          data-testid="policy-admin-table"
        />
      </Card>
    </PageContainer>
  )
}
