import { Card, Checkbox, Flex, Rate, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { formatDateTime } from '../../workflow/format'
import { type RatingListItem, RECTIFICATION_STATES } from '../api'
import { RectificationTag, subjectTypeLabel } from '../components/rectification-tag'
import { useRatingStats, useRatings } from '../hooks'

const FILTERS = ['level', 'bad', 'department', 'state'] as const
const LEVELS = [5, 4, 3, 2, 1] as const

/** 好差评 list for the answerable departments and the supervising bureau, with level, department and state filters. */
export default function RatingListPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useRatings({
    page,
    pageSize,
    bad: filters.bad === 'true',
    level: filters.level ? Number(filters.level) : undefined,
    departmentId: filters.department,
    rectification: filters.state,
  })
  // The departments the caller sees ratings of: a filter only makes sense when there are several.
  const stats = useRatingStats()
  const departments = (stats.data?.items ?? []).filter((d) => d.departmentId)
  const filtered = Object.values(filters).some(Boolean)
  // The rectification process opens for the answerable department and for auditors (admin, leaders); the server
  // decides again. Supervising staff of another department follow it through the state shown here.
  const { user, can } = useAccess()
  const ownDepartments = new Set((user?.posts ?? []).map((p) => p.departmentId))
  const mayOpen = (r: RatingListItem) => can('audit:read') || ownDepartments.has(r.departmentId)

  const columns: TableColumnsType<RatingListItem> = [
    {
      key: 'createdAt',
      title: t('rating.list.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'subject',
      title: t('rating.list.subject'),
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Text>{r.subjectTitle}</Typography.Text>
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            {subjectTypeLabel(r.subjectType)}
          </Tag>
        </Space>
      ),
    },
    {
      key: 'department',
      title: t('rating.list.department'),
      dataIndex: 'departmentName',
      width: 150,
      render: (name: string | null) => name ?? t('rating.list.noDepartment'),
    },
    {
      key: 'level',
      title: t('rating.list.level'),
      dataIndex: 'level',
      width: 140,
      render: (level: number) => (
        <Flex vertical gap={2} data-level={level}>
          <Rate disabled value={level} style={{ fontSize: 12 }} aria-hidden />
          <Typography.Text type={level <= 2 ? 'danger' : undefined}>
            {labelOf('rating.levels', String(level))}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'feedback',
      title: t('rating.list.feedback'),
      width: 220,
      render: (_, r) => (
        <Flex vertical gap={4}>
          {r.reasons.length ? (
            <Flex wrap gap={4}>
              {r.reasons.map((x) => (
                <Tag key={x} color="red" style={{ marginInlineEnd: 0 }}>
                  {labelOf('rating.reasons', x)}
                </Tag>
              ))}
            </Flex>
          ) : null}
          {r.comment ? <Typography.Text type="secondary">{r.comment}</Typography.Text> : null}
        </Flex>
      ),
    },
    {
      key: 'channel',
      title: t('rating.list.channel'),
      dataIndex: 'channel',
      width: 90,
      render: (c: string) => labelOf('rating.channels', c),
    },
    {
      key: 'rectification',
      title: t('rating.list.rectification'),
      width: 140,
      render: (_, r) => (
        <Flex vertical gap={4} align="flex-start">
          <RectificationTag state={r.rectificationState} />
          {r.rectificationInstanceId && mayOpen(r) ? (
            <Link to={`/workflow/instances/${encodeURIComponent(r.rectificationInstanceId)}`}>
              {t('rating.list.open')}
            </Link>
          ) : null}
        </Flex>
      ),
    },
  ]

  return (
    <PageContainer title={t('rating.list.title')} description={t('rating.list.description')}>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={filters.level}
            placeholder={t('rating.list.allLevels')}
            aria-label={t('rating.list.levelFilter')}
            style={{ width: 160 }}
            onChange={(level) => setFilters({ level })}
            options={LEVELS.map((l) => ({ value: String(l), label: labelOf('rating.levels', String(l)) }))}
          />
          {departments.length > 1 ? (
            <Select<string>
              allowClear
              showSearch
              optionFilterProp="label"
              value={filters.department}
              placeholder={t('rating.list.allDepartments')}
              aria-label={t('rating.list.departmentFilter')}
              style={{ width: 220 }}
              onChange={(department) => setFilters({ department })}
              options={departments.map((d) => ({ value: d.departmentId!, label: d.departmentName ?? '' }))}
            />
          ) : null}
          <Select<string>
            allowClear
            value={filters.state}
            placeholder={t('rating.list.allStates')}
            aria-label={t('rating.list.stateFilter')}
            style={{ width: 220 }}
            onChange={(state) => setFilters({ state })}
            options={RECTIFICATION_STATES.map((s) => ({ value: s, label: labelOf('rating.rectification', s) }))}
          />
          <Checkbox
            checked={filters.bad === 'true'}
            onChange={(e) => setFilters({ bad: e.target.checked ? 'true' : undefined })}
          >
            {t('rating.list.onlyBad')}
          </Checkbox>
          {query.data ? (
            <Typography.Text type="secondary">
              {t('common.pagination.total', { total: query.data.total })}
            </Typography.Text>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<RatingListItem>
          rowKey="id"
          size="middle"
          aria-label={t('rating.list.tableLabel')}
          data-testid="rating-table"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 1040 }}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <EmptyState description={filtered ? t('rating.list.emptyFiltered') : t('rating.list.empty')} />
            ),
          }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
    </PageContainer>
  )
}
