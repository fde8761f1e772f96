import { Card, Cascader, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { MUPING_TOWNS } from '../../approval/towns'
import { type Enterprise, SCALE_LIST } from '../api'
import { ScaleTag } from '../components/tags'
import { useEnterpriseReference, useEnterprises, useIndustries } from '../hooks'

const FILTERS = ['q', 'industry', 'scale', 'tag', 'divisionCode', 'parkCode'] as const
const num = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })

/** 企业库: the district's enterprises, filtered by industry, scale, tag, town and park; a row opens the 画像. */
export default function EnterpriseListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const list = useEnterprises({ page, pageSize, ...filters })
  const reference = useEnterpriseReference()
  const industries = useIndustries()
  const industryOptions = useMemo(
    () =>
      (industries.data?.items ?? []).map((s) => ({
        value: s.code,
        label: `${s.code} ${s.name}`,
        children: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
      })),
    [industries.data],
  )
  const industryValue = filters.industry
    ? filters.industry.length > 1
      ? [filters.industry.slice(0, 1), filters.industry]
      : [filters.industry]
    : undefined

  const columns: TableColumnsType<Enterprise> = [
    {
      key: 'name',
      title: t('enterprise.fields.name'),
      fixed: 'left',
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text strong>{e.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {e.uscc}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'industry', title: t('enterprise.fields.industry'), render: (_, e) => e.industryName ?? e.industryCode },
    { key: 'scale', title: t('enterprise.fields.scale'), render: (_, e) => <ScaleTag scale={e.scale} /> },
    {
      key: 'tags',
      title: t('enterprise.fields.tags'),
      render: (_, e) => (
        <Flex gap={4} wrap style={{ maxWidth: 200 }}>
          {e.tags.map((tag) => (
            <Tag key={tag} color="blue" style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'division', title: t('enterprise.fields.division'), render: (_, e) => e.divisionName ?? e.divisionCode },
    // Lower-priority columns appear from 1600 px on; the profile page shows them all.
    {
      key: 'park',
      title: t('enterprise.fields.park'),
      responsive: ['xxl'],
      render: (_, e) => e.parkName ?? '',
    },
    {
      key: 'employees',
      title: t('enterprise.fields.employees'),
      align: 'right',
      render: (_, e) => num.format(e.employees),
    },
    {
      key: 'revenue',
      title: t('enterprise.fields.revenueWan'),
      align: 'right',
      render: (_, e) => num.format(e.revenueWan),
    },
    {
      key: 'rnd',
      title: t('enterprise.fields.rndWan'),
      align: 'right',
      responsive: ['xxl'],
      render: (_, e) => num.format(e.rndWan),
    },
  ]

  return (
    <PageContainer title={t('enterprise.list.title')} description={t('enterprise.list.description')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('enterprise.list.search')}
            aria-label={t('enterprise.fields.q')}
            style={{ width: 240 }}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
          />
          <Cascader
            changeOnSelect
            showSearch
            value={industryValue}
            options={industryOptions}
            placeholder={t('enterprise.list.industryPlaceholder')}
            aria-label={t('enterprise.fields.industry')}
            style={{ width: 240 }}
            onChange={(v) => setFilters({ industry: v?.length ? String(v[v.length - 1]) : undefined })}
          />
          <Select
            allowClear
            value={filters.scale}
            placeholder={t('enterprise.fields.scale')}
            aria-label={t('enterprise.fields.scale')}
            style={{ width: 110 }}
            options={SCALE_LIST.map((s) => ({ value: s, label: labelOf('enterprise.scale', s) }))}
            onChange={(scale) => setFilters({ scale })}
          />
          <Select
            allowClear
            value={filters.tag}
            placeholder={t('enterprise.fields.tags')}
            aria-label={t('enterprise.fields.tags')}
            style={{ width: 180 }}
            options={(reference.data?.tags ?? []).map((tag) => ({ value: tag, label: tag }))}
            onChange={(tag) => setFilters({ tag })}
          />
          <Select
            allowClear
            value={filters.divisionCode}
            placeholder={t('enterprise.fields.division')}
            aria-label={t('enterprise.fields.division')}
            style={{ width: 140 }}
            options={MUPING_TOWNS.map((d) => ({ value: d.code, label: d.name }))}
            onChange={(divisionCode) => setFilters({ divisionCode })}
          />
          <Select
            allowClear
            value={filters.parkCode}
            placeholder={t('enterprise.fields.park')}
            aria-label={t('enterprise.fields.park')}
            style={{ width: 200 }}
            options={(reference.data?.parks ?? []).map((p) => ({ value: p.code, label: p.name }))}
            onChange={(parkCode) => setFilters({ parkCode })}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Table<Enterprise>
          rowKey="uscc"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination({ page, pageSize, total: list.data?.total, onChange: setPage })}
          onRow={(e) => ({
            onClick: () => void navigate(`/enterprise/enterprises/${e.uscc}`),
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('enterprise.list.empty')} /> }}
          data-testid="enterprise-table"
        />
      </Card>
    </PageContainer>
  )
}
