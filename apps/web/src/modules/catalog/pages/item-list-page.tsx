import { Card, Flex, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import type { ItemSummary } from '../api'
import { ItemDetailDrawer } from '../components/item-detail-drawer'
import { LimitText } from '../components/limit-text'
import { StageTag } from '../components/stage-tag'
import { useCatalogDepartments, useItems } from '../hooks'

const FILTERS = ['q', 'department', 'stage', 'level'] as const
const LEVELS = ['district', 'town', 'village'] as const

/** Search box that applies after a pause or on Enter. */
function SearchBox({ q, onSearch }: { q: string | undefined; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState(q ?? '')
  useEffect(() => setValue(q ?? ''), [q])
  useEffect(() => {
    const trimmed = value.trim()
    if (trimmed === (q ?? '')) return
    const timer = window.setTimeout(() => onSearch(trimmed || undefined), 400)
    return () => window.clearTimeout(timer)
  }, [value, q, onSearch])
  return (
    <Input.Search
      allowClear
      value={value}
      placeholder={t('catalog.items.searchPlaceholder')}
      aria-label={t('catalog.items.searchLabel')}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(next) => onSearch(next.trim() || undefined)}
      style={{ maxWidth: 320 }}
    />
  )
}

/** 事项目录: the service items with filters; a row opens the item in a drawer (?item=CODE, so it can be linked). */
export default function ItemListPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const [params, setParams] = useSearchParams()
  const open = params.get('item')
  const setOpen = (code: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      if (code) next.set('item', code)
      else next.delete('item')
      return next
    })
  const stage = filters.stage ? Number(filters.stage) : undefined
  const query = useItems({ page, pageSize, q: filters.q, department: filters.department, stage, level: filters.level })
  const departments = useCatalogDepartments()

  const columns: TableColumnsType<ItemSummary> = [
    { key: 'code', title: t('catalog.items.code'), dataIndex: 'code', width: 120 },
    {
      key: 'name',
      title: t('catalog.items.name'),
      render: (_, row) => (
        <div>
          <Typography.Link onClick={() => setOpen(row.code)}>{row.name}</Typography.Link>
          {row.certificate ? (
            <div>
              <Tag color="gold" style={{ marginTop: 4 }}>
                {row.certificate.name}
              </Tag>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'department',
      title: t('catalog.items.department'),
      dataIndex: 'departmentName',
      width: 130,
      render: (name: string, row) =>
        departments.data?.items.find((d) => d.code === row.departmentCode)?.shortName ?? name,
    },
    {
      key: 'stage',
      title: t('catalog.items.stage'),
      dataIndex: 'stage',
      width: 140,
      render: (s: number) => <StageTag stage={s} />,
    },
    {
      key: 'limits',
      title: t('catalog.items.limits'),
      width: 200,
      render: (_, row) => <LimitText legal={row.legalLimitDays} committed={row.committedLimitDays} />,
    },
    {
      key: 'levels',
      title: t('catalog.items.levels'),
      width: 150,
      render: (_, row) => (
        <Space size={[0, 4]} wrap>
          {row.levels.map((l) => (
            <Tag key={l}>{labelOf('catalog.levels', l)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'online',
      title: t('catalog.items.online'),
      width: 100,
      render: (_, row) =>
        row.onlineCapable ? (
          <Tag color="green">{t('catalog.items.onlineYes')}</Tag>
        ) : (
          <Tag>{t('catalog.items.onlineNo')}</Tag>
        ),
    },
  ]

  return (
    <PageContainer title={t('catalog.items.title')} description={t('catalog.items.description')}>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchBox q={filters.q} onSearch={(q) => setFilters({ q })} />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.department}
            placeholder={t('catalog.items.allDepartments')}
            aria-label={t('catalog.items.departmentFilter')}
            onChange={(department) => setFilters({ department })}
            style={{ width: 220 }}
            loading={departments.isPending}
            options={(departments.data?.items ?? []).map((d) => ({
              value: d.code,
              label: `${d.shortName ?? d.name}（${d.itemCount}）`,
            }))}
          />
          <Select<string>
            allowClear
            value={filters.stage}
            placeholder={t('catalog.items.allStages')}
            aria-label={t('catalog.items.stageFilter')}
            onChange={(s) => setFilters({ stage: s })}
            style={{ width: 180 }}
            options={['1', '2', '3', '4'].map((s) => ({ value: s, label: labelOf('catalog.stages', s) }))}
          />
          <Select<string>
            allowClear
            value={filters.level}
            placeholder={t('catalog.items.allLevels')}
            aria-label={t('catalog.items.levelFilter')}
            onChange={(level) => setFilters({ level })}
            style={{ width: 140 }}
            options={LEVELS.map((l) => ({ value: l, label: labelOf('catalog.levels', l) }))}
          />
        </Flex>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ItemSummary>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 1040 }}
          onRow={(row) => ({ onClick: () => setOpen(row.code), style: { cursor: 'pointer' } })}
          locale={{ emptyText: query.isPending ? ' ' : <EmptyState description={t('catalog.items.empty')} /> }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
      <ItemDetailDrawer code={open} onClose={() => setOpen(null)} />
    </PageContainer>
  )
}
