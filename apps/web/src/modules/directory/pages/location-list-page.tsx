import { Card, Select, Table, type TableColumnsType, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import type { LocationKind, ServiceLocation } from '../api'
import { ListToolbar } from '../components/list-toolbar'
import { useLocations } from '../hooks'

const FILTERS = ['q', 'kind'] as const
const KINDS: LocationKind[] = ['district_hall', 'town_centre', 'village_station', 'park_station']
const KIND_COLORS: Record<LocationKind, string> = {
  district_hall: 'purple',
  town_centre: 'blue',
  village_station: 'green',
  park_station: 'orange',
}

export default function LocationListPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useLocations({ page, pageSize, q: filters.q, kind: filters.kind })

  const columns: TableColumnsType<ServiceLocation> = [
    { key: 'name', title: t('directory.locations.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('directory.locations.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (kind: LocationKind) => (
        <Tag color={KIND_COLORS[kind] ?? 'default'}>{labelOf('directory.locationKinds', kind)}</Tag>
      ),
    },
    { key: 'divisionCode', title: t('directory.locations.divisionCode'), dataIndex: 'divisionCode', width: 140 },
    { key: 'address', title: t('directory.locations.address'), dataIndex: 'address' },
    {
      key: 'phone',
      title: t('directory.locations.phone'),
      dataIndex: 'phone',
      width: 150,
      render: (phone: string | null) => phone || t('common.states.none'),
    },
  ]

  return (
    <PageContainer title={t('directory.locations.title')} description={t('directory.locations.description')}>
      <Card>
        <ListToolbar
          q={filters.q}
          onSearch={(q) => setFilters({ q })}
          placeholder={t('directory.locations.searchPlaceholder')}
          label={t('directory.locations.searchLabel')}
        >
          <Select<string>
            allowClear
            value={filters.kind}
            placeholder={t('directory.locations.allKinds')}
            aria-label={t('directory.locations.kindFilter')}
            style={{ width: 200 }}
            onChange={(kind) => setFilters({ kind })}
            options={KINDS.map((kind) => ({ value: kind, label: labelOf('directory.locationKinds', kind) }))}
          />
        </ListToolbar>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ServiceLocation>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 800 }}
          locale={{ emptyText: query.isPending ? ' ' : <EmptyState description={t('directory.locations.empty')} /> }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
    </PageContainer>
  )
}
